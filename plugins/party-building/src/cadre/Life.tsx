/**
 * Organisational life: what is due and overdue; planning a meeting; recording it once with the
 * sign-in sheet (members who signed in themselves are ticked already) and attaching scans.
 */
import { useModuleMutation, useModuleQuery, useT } from '@cunmen/sdk';
import { Button, Card, List, ListItem, Select, TextArea, TextField } from '@cunmen/ui';
import { type FormEvent, useState } from 'react';
import type { BranchDetail } from '../answers.js';
import { chinaDay } from '../common/day.js';
import { MEETING_KINDS, type Meeting, type Member } from '../common/index.js';
import { messages } from './i18n.js';

function RecordForm({ branch, meeting }: { branch: string; meeting: Meeting }) {
  const t = useT(messages);
  const members = useModuleQuery<Member[]>(`/branches/${branch}/members`);
  const { request, upload, pending, error } = useModuleMutation();
  const self = new Set(meeting.attendees.map((a) => a.member));
  const [ticked, setTicked] = useState<Set<string>>(() => new Set(self));
  const [heldOn, setHeldOn] = useState(meeting.plannedOn);
  const [minutes, setMinutes] = useState('');
  const toggle = (id: string) =>
    setTicked((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await request('POST', `/branches/${branch}/meetings/${meeting.id}/record`, {
      heldOn,
      minutes,
      attendees: [...ticked],
    });
  };
  return (
    <form onSubmit={(e) => void submit(e)} style={{ display: 'grid', gap: 8 }} aria-label={t('life.record')}>
      <TextField label={t('life.heldOn')} value={heldOn} onValueChange={setHeldOn} />
      <TextArea label={t('life.minutes')} value={minutes} onValueChange={setMinutes} />
      <fieldset>
        <legend>{t('life.sheet')}</legend>
        {(members.data ?? []).map((m) => (
          <label key={m.id} style={{ display: 'flex', gap: 8, alignItems: 'center', minHeight: 44 }}>
            <input type="checkbox" checked={ticked.has(m.id)} onChange={() => toggle(m.id)} />
            {m.name}
            {self.has(m.id) ? t('life.signedSelf') : ''}
          </label>
        ))}
      </fieldset>
      <label>
        {t('life.attach')}
        <input
          type="file"
          accept="application/pdf,image/jpeg,image/png"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) {
              void upload(
                `/branches/${branch}/meetings/${meeting.id}/attachments?name=${encodeURIComponent(file.name)}`,
                file,
                { filename: file.name },
              );
            }
          }}
        />
      </label>
      {error ? <p role="alert">{error.message}</p> : null}
      <Button type="submit" disabled={pending}>
        {t('life.submitRecord')}
      </Button>
    </form>
  );
}

function PlanForm({ branch }: { branch: string }) {
  const t = useT(messages);
  const { request, pending, error } = useModuleMutation();
  const [kind, setKind] = useState<string>('theme-day');
  const [title, setTitle] = useState('');
  const [topic, setTopic] = useState('');
  const [place, setPlace] = useState('');
  const [plannedOn, setPlannedOn] = useState(() => chinaDay(new Date()));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await request('POST', `/branches/${branch}/meetings`, { kind, title, topic, place, plannedOn });
  };
  return (
    <Card title={t('life.plan')} headingLevel={3}>
      <form onSubmit={(e) => void submit(e)} style={{ display: 'grid', gap: 8 }}>
        <Select
          label={t('life.kind')}
          value={kind}
          onValueChange={setKind}
          options={MEETING_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        />
        <TextField label={t('life.meetingTitle')} value={title} onValueChange={setTitle} />
        <TextArea label={t('life.topic')} value={topic} onValueChange={setTopic} />
        <TextField label={t('life.place')} value={place} onValueChange={setPlace} />
        <TextField label={t('life.plannedOn')} value={plannedOn} onValueChange={setPlannedOn} />
        {error ? <p role="alert">{error.message}</p> : null}
        <Button type="submit" disabled={pending}>
          {t('life.submitPlan')}
        </Button>
      </form>
    </Card>
  );
}

export function Life({ detail }: { detail: BranchDetail }) {
  const t = useT(messages);
  const [recording, setRecording] = useState<string | null>(null);
  const officer = detail.viewer.officer;
  const branch = detail.branch.id;
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <List label={t('life.due')}>
        {detail.due.length === 0 ? (
          <ListItem title={t('life.clear')} />
        ) : (
          detail.due.map((d) => (
            <ListItem
              key={`${d.kind} ${d.period}`}
              title={`${t(`kind.${d.kind}`)} · ${d.period}`}
              description={d.planned ? t('life.planned') : t('life.dueBy', { deadline: d.deadline })}
              trailing={d.status === 'overdue' ? <strong>{t('life.overdue')}</strong> : null}
            />
          ))
        )}
      </List>
      {officer ? <PlanForm branch={branch} /> : null}
      <List label={t('life.meetings')}>
        {detail.meetings.length === 0 ? (
          <ListItem title={t('life.noMeetings')} />
        ) : (
          detail.meetings.map((m) => (
            <ListItem
              key={m.id}
              title={`${t(`kind.${m.kind}`)}：${m.title}`}
              description={
                <>
                  {m.status === 'held'
                    ? t('life.held', { day: m.heldOn ?? '', n: m.attendees.length })
                    : t('life.notHeld', { day: m.plannedOn })}
                  {' · '}
                  {m.place}
                  {m.attachments.length ? ` · ${m.attachments.map((a) => a.name).join('、')}` : ''}
                  {recording === m.id ? <RecordForm branch={branch} meeting={m} /> : null}
                </>
              }
              trailing={
                officer && m.status === 'planned' && recording !== m.id ? (
                  <Button onClick={() => setRecording(m.id)}>{t('life.record')}</Button>
                ) : null
              }
            />
          ))
        )}
      </List>
    </div>
  );
}
