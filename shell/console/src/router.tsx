/**
 * The console's routes (code-based): `/` the start page, `/catalog` and `/catalog/<@scope>/<name>` the
 * catalog, `/v/<village>/cadre[/<page>[/rest]]` a village's cadre pages — the same path the resident
 * origin's old cadre URL redirects to — and `/v/<village>/portal[/<screen>]` the composer. Every route needs a signed-in staff account (the root shows the
 * sign-in page otherwise, on the same URL); the catalog and the cadre pages are chunks of their own.
 */
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Link,
  lazyRouteComponent,
  Outlet,
  type RouterHistory,
} from '@tanstack/react-router';
import { Alert, Button, Result } from 'antd';
import { problemText } from './api/client.js';
import { useSession } from './api/session.js';
import { parseCatalogSearch } from './catalog/search.js';
import { HomePage } from './home/HomePage.js';
import { useT } from './i18n/index.js';
import { ConsoleLayout } from './layout/ConsoleLayout.js';
import { Loading } from './layout/Loading.js';
import { SignInPage } from './session/SignInPage.js';

function Root() {
  const t = useT();
  const session = useSession();
  if (session.isPending) {
    return <Loading label={t('account.loading')} />;
  }
  if (session.isError) {
    return (
      <Alert
        type="error"
        role="alert"
        title={t('app.failed', { message: problemText(session.error, t('account.failed')) })}
        action={<Button onClick={() => void session.refetch()}>{t('app.retry')}</Button>}
      />
    );
  }
  if (!session.data) {
    return (
      <main id="console-main">
        <SignInPage />
      </main>
    );
  }
  return (
    <ConsoleLayout session={session.data}>
      <Outlet />
    </ConsoleLayout>
  );
}

function NotFound() {
  const t = useT();
  return (
    <Result
      status="404"
      title={<h1 className="console-heading__title">{t('app.notFound')}</h1>}
      extra={<Link to="/">{t('app.backHome')}</Link>}
    />
  );
}

const root = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Root,
  notFoundComponent: NotFound,
});

const home = createRoute({ getParentRoute: () => root, path: '/', component: HomePage });

const catalog = createRoute({
  getParentRoute: () => root,
  path: '/catalog',
  validateSearch: parseCatalogSearch,
  component: lazyRouteComponent(() => import('./catalog/CatalogPage.js'), 'CatalogPage'),
});

const catalogDetail = createRoute({
  getParentRoute: () => root,
  path: '/catalog/$scope/$name',
  component: lazyRouteComponent(() => import('./catalog/CatalogDetail.js'), 'CatalogDetail'),
});

const CadreArea = lazyRouteComponent(() => import('./cadre/CadreArea.js'), 'CadreArea');
const cadre = createRoute({ getParentRoute: () => root, path: '/v/$village/cadre', component: CadreArea });
const cadrePage = createRoute({
  getParentRoute: () => root,
  path: '/v/$village/cadre/$',
  component: CadreArea,
});

const poster = createRoute({
  getParentRoute: () => root,
  path: '/v/$village/poster',
  component: lazyRouteComponent(() => import('./poster/PosterPage.js'), 'PosterPage'),
});

const Composer = lazyRouteComponent(() => import('./composer/ComposerArea.js'), 'ComposerArea');
const composer = createRoute({ getParentRoute: () => root, path: '/v/$village/portal', component: Composer });
const composerPage = createRoute({
  getParentRoute: () => root,
  path: '/v/$village/portal/$',
  component: Composer,
});

const routeTree = root.addChildren([
  home,
  catalog,
  catalogDetail,
  cadre,
  cadrePage,
  composer,
  composerPage,
  poster,
]);

export function createConsoleRouter(queryClient: QueryClient, history?: RouterHistory) {
  return createRouter({
    routeTree,
    context: { queryClient },
    ...(history ? { history } : {}),
    defaultPreload: 'intent',
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createConsoleRouter>;
  }
}
