/**
 * The resident page (route `party`): the public side (`/`), a post (`/posts/:id`), and the member side
 * behind sign-in (`/member`).
 */
import { type PageProps, useConfig, useNavigate, useT } from '@cunmen/sdk';
import { Page } from '@cunmen/ui';
import type { Config } from '../config.js';
import { messages } from '../i18n.js';
import { MemberSide } from './MemberSide.js';
import { PostView } from './PostView.js';
import { Public } from './Public.js';
import { ROUTE } from './shared.js';

export function PartyPage({ path }: PageProps) {
  const t = useT(messages);
  const navigate = useNavigate();
  const config = useConfig<Partial<Config>>();
  const p = path.replace(/\/+$/, '') || '/';
  const post = /^\/posts\/([^/]+)$/.exec(p);
  const back = () => navigate(ROUTE);
  if (post?.[1]) {
    return (
      <Page title={config.heading || t('title')} onBack={back}>
        <PostView id={decodeURIComponent(post[1])} />
      </Page>
    );
  }
  if (p === '/member') {
    return (
      <Page title={t('me.title')} onBack={back}>
        <MemberSide />
      </Page>
    );
  }
  return (
    <Page title={config.heading || t('title')}>
      <Public showPioneers={config.showPioneers !== false} />
    </Page>
  );
}
