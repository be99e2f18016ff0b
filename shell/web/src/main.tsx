/** Entry: boot from the inlined snapshot and render the portal (or the zh-CN error page). */
import '@cunmen/ui/styles.css';
import './portal/portal.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { boot } from './boot.js';
import { pickLocale } from './i18n/index.js';
import { loadIconSprite } from './portal/icon-sprite.js';
import { Portal } from './portal/Portal.js';
import { portalBase } from './portal/router.js';
import { SnapshotError } from './portal/SnapshotError.js';
import { afterLoad } from './sw/after-load.js';

const locale = pickLocale(window.location.search);
document.documentElement.lang = locale;
const base = portalBase(window.location.pathname) ?? '';
const started = boot(document, base);
// In parallel with the first render: icons fill in when it arrives.
void loadIconSprite();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      {started.ok ? (
        <Portal
          snapshot={started.snapshot}
          base={base}
          locale={locale}
          elderly={started.elderly}
          federation={started.federation}
          credentials={started.credentials}
        />
      ) : (
        <SnapshotError code={started.code} locale={locale} />
      )}
    </StrictMode>,
  );
}

// Offline support after the first paint; a failed registration never affects the portal.
if (started.ok) {
  const { trusted } = started;
  // The registration is a chunk of its own: none of it is needed before the page has loaded, and the
  // first load's bytes are the resident's (budget.test.ts).
  afterLoad(() => {
    import('./sw/register.js')
      .then(({ registerServiceWorker }) =>
        registerServiceWorker({
          signed: (url) => trusted().then((index) => index.lookup(url)?.integrity ?? null),
        }),
      )
      .catch(() => undefined);
  });
}
