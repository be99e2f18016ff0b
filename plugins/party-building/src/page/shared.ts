/** What the resident pages share: their route and the column layout. */
import type { CSSProperties } from 'react';

export const ROUTE = '/party';
export const stack: CSSProperties = { display: 'flex', flexDirection: 'column', gap: 16 };
/** Text the reader may enlarge (关怀模式): long words wrap instead of widening the phone's page. */
export const prose: CSSProperties = { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' };
