/** What the resident pages share: their route, the column layout and a titled section. */
import type { CSSProperties, ReactNode } from 'react';

export const ROUTE = '/party';
export const stack: CSSProperties = { display: 'flex', flexDirection: 'column', gap: 16 };
/** Text the reader may enlarge (关怀模式): long words wrap instead of widening the phone's page. */
export const prose: CSSProperties = { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' };

/** A list with a visible heading, so a reader scanning the page (or a screen reader) finds it. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section style={{ display: 'grid', gap: 8 }}>
      <h2 style={{ margin: 0, fontSize: '1.15em' }}>{title}</h2>
      {children}
    </section>
  );
}
