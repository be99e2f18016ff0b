/**
 * The UI kit's icon drawings, fetched once per page as one content-hashed SVG file under
 * `/shell/static/` (cached for a year, and by the service worker for offline use) and put into the
 * document, instead of shipping them inside the first-load JavaScript. Icons keep their size while it
 * loads; a failed fetch leaves them blank, never breaks the page: every icon stands beside its text.
 */
import { mountIconSprite } from '@cunmen/ui';
import spriteUrl from '@cunmen/ui/icons.svg?url';

export { spriteUrl };

export function loadIconSprite(doc: Document = document, fetchImpl: typeof fetch = fetch): Promise<void> {
  return fetchImpl(spriteUrl)
    .then((response) => (response.ok ? response.text() : ''))
    .then((markup) => mountIconSprite(markup, doc))
    .catch(() => undefined);
}
