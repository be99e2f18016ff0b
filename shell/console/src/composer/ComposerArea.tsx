/**
 * The composer at `/v/<village>/portal[/<screen>]`: what a village cadre (or the county admin above)
 * uses to assemble the village portal with no code — one task per screen (paths.ts). Every edit goes
 * into the village's draft, checked by the server as a publication would be; residents see nothing
 * until 发布. Who may edit which village is the server's decision: a refusal is shown as it comes.
 */
import './composer.css';
import { useParams } from '@tanstack/react-router';
import { Alert } from 'antd';
import { problemText } from '../api/client.js';
import { useT } from '../i18n/index.js';
import { Loading } from '../layout/Loading.js';
import { PageHeading } from '../layout/PageHeading.js';
import { AddService } from './AddService.js';
import { useComposerView } from './api.js';
import { History } from './History.js';
import { Overview } from './Overview.js';
import { PhonePreview } from './PhonePreview.js';
import { composerScreen } from './paths.js';
import { ServiceSettings } from './ServiceSettings.js';
import { ThemeSettings } from './ThemeSettings.js';

export function ComposerArea() {
  const t = useT();
  const params = useParams({ strict: false }) as { village?: string; _splat?: string };
  const village = params.village ?? '';
  const view = useComposerView(village);
  const screen = composerScreen(params._splat);
  if (view.isPending) return <Loading label={t('app.loading')} />;
  if (view.isError) {
    return (
      <section className="console-page">
        <PageHeading title={t('composer.title')} crumbs={[{ label: t('app.home'), to: '/' }]} />
        <Alert type="error" role="alert" title={problemText(view.error, t('app.failed', { message: '' }))} />
      </section>
    );
  }
  const data = view.data;
  switch (screen.kind) {
    case 'overview':
      return <Overview view={data} />;
    case 'add':
      return <AddService view={data} />;
    case 'service':
      return <ServiceSettings key={screen.name} view={data} name={screen.name} />;
    case 'theme':
      return <ThemeSettings view={data} />;
    case 'history':
      return <History view={data} />;
    case 'preview':
      return (
        <section className="console-page">
          <PageHeading title={t('composer.preview')} />
          <PhonePreview view={data} />
        </section>
      );
    default:
      return (
        <section className="console-page">
          <PageHeading title={t('app.notFound')} />
        </section>
      );
  }
}
