/** One post: public news for anyone, a notice or study material for the branch's members. */
import { useModuleQuery, useT } from '@cunmen/sdk';
import { ErrorState, LoadingState } from '@cunmen/ui';
import type { Post } from '../common/index.js';
import { formatTime, messages } from '../i18n.js';
import { prose, stack } from './shared.js';

export function PostView({ id }: { id: string }) {
  const t = useT(messages);
  const q = useModuleQuery<Post>(`/posts/${encodeURIComponent(id)}`);
  if (q.error && !q.data) return <ErrorState message={q.error.message} onRetry={() => void q.reload()} />;
  if (!q.data) return <LoadingState />;
  return (
    <article style={stack}>
      <h2 style={{ margin: 0 }}>{q.data.title}</h2>
      <p style={prose}>
        {formatTime(q.data.publishedAt)} · {q.data.author} ·{' '}
        {t(q.data.kind === 'news' ? 'news' : 'me.notices')}
      </p>
      <p style={prose}>{q.data.body}</p>
    </article>
  );
}
