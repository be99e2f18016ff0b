/**
 * Where the console's "二维码海报" entry leads: a village account's own village; staff above villages get
 * the first village they manage (the page lets them pick another), or the home page's list until it is
 * known.
 */
import { useVillages } from '../home/HomePage.js';

const VILLAGE = /^\d{12}$/;

export function posterPath(village: string): string {
  return `/v/${village}/poster`;
}

export function isPosterPath(pathname: string): boolean {
  return /^\/v\/\d{12}\/poster\/?$/.test(pathname);
}

export function usePosterHome(division: string): string {
  const villages = useVillages();
  if (VILLAGE.test(division)) return posterPath(division);
  const first = villages.data?.villages[0];
  return first ? posterPath(first.code) : '/';
}
