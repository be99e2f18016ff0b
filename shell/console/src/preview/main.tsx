/**
 * Entry of the composer's phone preview (`/preview/v/<village>`, framed by the composer): reads the
 * draft's snapshot (or the published one) from the console API with the staff session, checks it with
 * the portal snapshot schema, puts it behind the resident app's trust gate and renders it. One document
 * per preview: each reload gets a fresh gate and Module Federation instance for the draft's widgets.
 */
import '@cunmen/ui/styles.css';
import './preview.css';
import { portalSnapshotSchema } from '@cunmen/manifest';
import { createElderlyMode } from '@cunmen/sdk';
import { trustGate } from '@cunmen/shell-web/widget-runtime';
import { createRoot } from 'react-dom/client';
import { PreviewPortal } from './PreviewPortal.js';

const village = window.location.pathname.split('/')[3] ?? '';
document.documentElement.lang = 'zh-CN';
const root = document.getElementById('root');

function fail(text: string) {
  if (root) root.innerHTML = '';
  const p = document.createElement('p');
  p.className = 'preview__failed';
  p.setAttribute('role', 'alert');
  p.textContent = text;
  root?.append(p);
}

async function start() {
  const res = await fetch(`/api/console/v1/portals/${encodeURIComponent(village)}/draft/snapshot`, {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  }).catch(() => null);
  const body = (await res?.json().catch(() => null)) as { message?: unknown } | null;
  if (!res?.ok) {
    fail(typeof body?.message === 'string' ? body.message : '预览加载失败，请稍后重试');
    return;
  }
  const parsed = portalSnapshotSchema.safeParse(body);
  if (!parsed.success || !root) {
    fail('门户数据无效，无法预览');
    return;
  }
  const snapshot = parsed.data;
  document.title = `${snapshot.village.name} · 预览`;
  const federation = trustGate(snapshot, document);
  const elderly = createElderlyMode(snapshot.theme.elderlyByDefault);
  createRoot(root).render(<PreviewPortal snapshot={snapshot} federation={federation} elderly={elderly} />);
}

void start();
