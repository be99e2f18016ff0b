/**
 * The composer's screens, one task each, under `/v/<village>/portal`: the overview (lists, preview,
 * publication), `add` (find a service), `service/<@scope>/<name>` (its settings), `theme`, `history`
 * and `preview` (the phone preview alone, for a phone).
 */
export type ComposerScreen =
  | { kind: 'overview' }
  | { kind: 'add' }
  | { kind: 'service'; name: string }
  | { kind: 'theme' }
  | { kind: 'history' }
  | { kind: 'preview' }
  | { kind: 'unknown' };

export function composerScreen(splat: string | undefined): ComposerScreen {
  const parts = (splat ?? '').split('/').filter(Boolean).map(decodeURIComponent);
  const [first, scope, name] = parts;
  if (parts.length === 0) return { kind: 'overview' };
  if (
    parts.length === 1 &&
    (first === 'add' || first === 'theme' || first === 'history' || first === 'preview')
  )
    return { kind: first };
  if (first === 'service' && parts.length === 3 && scope?.startsWith('@') && name) {
    return { kind: 'service', name: `${scope}/${name}` };
  }
  return { kind: 'unknown' };
}

/** The URL of a composer screen (`''` the overview). */
export function composerHref(village: string, screen = ''): string {
  return `/v/${village}/portal${screen ? `/${screen}` : ''}`;
}

export function serviceHref(village: string, name: string): string {
  return composerHref(village, `service/${name}`);
}

/** Where "组装门户" leads: a village account's own village, else the home page's list of villages. */
export function composerHome(division: string): string {
  return /^\d{12}$/.test(division) ? composerHref(division) : '/';
}
