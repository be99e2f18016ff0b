/**
 * The member side (党员之家), behind sign-in: the branch's notices and study materials (finishing one
 * earns a point), the meetings ahead with sign-in on the day, and the member's own points.
 */
import { useModuleMutation, useModuleQuery, useNavigate, useT, useUser } from '@cunmen/sdk';
import { Button, Card, ErrorState, List, ListItem, LoadingState } from '@cunmen/ui';
import type { MeAnswer } from '../answers.js';
import { chinaDay } from '../common/day.js';
import { formatTime, messages } from '../i18n.js';
import { prose, ROUTE, Section, stack } from './shared.js';

export function MemberSide() {
  const t = useT(messages);
  const user = useUser();
  const navigate = useNavigate();
  const me = useModuleQuery<MeAnswer>(user ? '/me' : null);
  const { request, pending, error } = useModuleMutation();
  if (!user) {
    return (
      <p role="note" style={prose}>
        {t('signIn')}
      </p>
    );
  }
  if (me.error?.code === 'PARTY_ERR_NOT_MEMBER') {
    return (
      <p role="note" style={prose}>
        {t('notMember')}
      </p>
    );
  }
  if (me.error && !me.data) return <ErrorState message={me.error.message} onRetry={() => void me.reload()} />;
  if (!me.data) return <LoadingState />;
  const { member, notices, study, upcoming, points } = me.data;
  const today = chinaDay(new Date());
  return (
    <div style={stack}>
      <Card title={t('me.hello', { name: member.name })} headingLevel={2}>
        <p style={prose}>{t('me.points')}</p>
        <p style={{ ...prose, fontSize: '2em', fontWeight: 700 }} data-testid="party-points">
          {t('me.total', { n: points.total })}
        </p>
      </Card>
      {error ? <p role="alert">{error.message}</p> : null}
      <Section title={t('me.upcoming')}>
        <List label={t('me.upcoming')}>
          {upcoming.length === 0 ? (
            <ListItem title={t('me.noUpcoming')} />
          ) : (
            upcoming.map((m) => (
              <ListItem
                key={m.id}
                title={`${t(`kind.${m.kind}`)}：${m.title}`}
                description={`${m.plannedOn} · ${m.place}`}
                trailing={
                  m.signedIn ? (
                    t('me.signedIn')
                  ) : m.plannedOn === today ? (
                    <Button
                      disabled={pending}
                      onClick={() => void request('POST', `/meetings/${m.id}/sign-in`)}
                    >
                      {t('me.signIn')}
                    </Button>
                  ) : null
                }
              />
            ))
          )}
        </List>
      </Section>
      <Section title={t('me.notices')}>
        <List label={t('me.notices')}>
          {notices.length === 0 ? (
            <ListItem title={t('me.noNotices')} />
          ) : (
            notices.map((n) => (
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
      <Section title={t('me.study')}>
        <List label={t('me.study')}>
          {study.length === 0 ? (
            <ListItem title={t('me.noStudy')} />
          ) : (
            study.map((s) => (
              <ListItem
                key={s.id}
                title={s.title}
                description={<span style={prose}>{s.body}</span>}
                trailing={
                  s.done ? (
                    t('me.studyDone')
                  ) : (
                    <Button disabled={pending} onClick={() => void request('POST', `/study/${s.id}/done`)}>
                      {t('me.markDone')}
                    </Button>
                  )
                }
              />
            ))
          )}
        </List>
      </Section>
      <Section title={t('me.entries')}>
        <List label={t('me.entries')}>
          {points.entries.length === 0 ? (
            <ListItem title={t('me.noEntries')} />
          ) : (
            points.entries
              .slice(0, 30)
              .map((e) => (
                <ListItem
                  key={e.id}
                  title={e.reason}
                  description={formatTime(e.at)}
                  trailing={e.points > 0 ? `+${e.points}` : String(e.points)}
                />
              ))
          )}
        </List>
      </Section>
    </div>
  );
}
