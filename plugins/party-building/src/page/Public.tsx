/** The public side: each branch's contact, the news and the pioneer showcase (先锋榜) — no personal data. */
import { useModuleQuery, useNavigate, useT } from '@cunmen/sdk';
import { Button, Card, EmptyState, ErrorState, List, ListItem, LoadingState } from '@cunmen/ui';
import type { PublicAnswer } from '../answers.js';
import { formatTime, messages } from '../i18n.js';
import { prose, ROUTE, Section, stack } from './shared.js';

export function Public({ showPioneers = true }: { showPioneers?: boolean }) {
  const t = useT(messages);
  const navigate = useNavigate();
  const q = useModuleQuery<PublicAnswer>('/public');
  if (q.error && !q.data) return <ErrorState message={q.error.message} onRetry={() => void q.reload()} />;
  if (!q.data) return <LoadingState />;
  const { branches, news, pioneers } = q.data;
  return (
    <div style={stack}>
      {branches.length === 0 ? <EmptyState title={t('noBranch')} /> : null}
      {branches.map((b) => (
        <Card key={b.id} title={b.name} headingLevel={2}>
          <p style={prose}>{t('secretary', { name: b.secretary })}</p>
          <p style={prose}>{t('members', { n: b.memberCount })}</p>
          <p style={prose}>{t('address', { address: b.address })}</p>
          <a className="cm-button cm-button--secondary" href={`tel:${b.phone}`} style={{ marginTop: 8 }}>
            {t('call', { phone: b.phone })}
          </a>
        </Card>
      ))}
      <Button block variant="secondary" onClick={() => navigate(`${ROUTE}/member`)}>
        {t('memberSide')}
      </Button>
      <Section title={t('news')}>
        <List label={t('news')}>
          {news.length === 0 ? (
            <ListItem title={t('noNews')} />
          ) : (
            news.map((n) => (
              <ListItem
                key={n.id}
                title={n.title}
                description={formatTime(n.publishedAt)}
                onClick={() => navigate(`${ROUTE}/posts/${n.id}`)}
              />
            ))
          )}
        </List>
      </Section>
      {showPioneers ? (
        <Section title={t('pioneers')}>
          <List label={t('pioneers')}>
            {pioneers.length === 0 ? (
              <ListItem title={t('noPioneers')} />
            ) : (
              pioneers.map((p) => (
                <ListItem
                  key={p.id}
                  icon="star"
                  title={`${p.name} · ${p.honour}`}
                  description={`${p.year} · ${p.story}`}
                />
              ))
            )}
          </List>
        </Section>
      ) : null}
    </div>
  );
}
