/** What the server says a village's poster holds (`GET /api/console/v1/villages/<village>/poster`). */
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/client.js';

export interface PosterInfo {
  village: { code: string; name: string; place: string };
  /** The resident portal's address: what the QR code holds and the link to copy. */
  url: string;
  title: string;
  lines: string[];
  png: { href: string; width: number; height: number; dpi: number };
  pdf: { href: string };
}

export function usePoster(village: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['poster', village],
    queryFn: () => api<PosterInfo>(`/api/console/v1/villages/${encodeURIComponent(village)}/poster`),
    staleTime: 5 * 60_000,
    retry: false,
  });
}
