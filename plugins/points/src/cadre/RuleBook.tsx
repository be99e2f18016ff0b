/** The rule book in force with its assembly record, and a new version recorded with the assembly's vote. */
import { useModuleMutation, useModuleQuery, useT } from '@cunmen/sdk';
import { Button, Card, List, ListItem, NumberField, TextArea, TextField } from '@cunmen/ui';
import { useState } from 'react';
import type { RuleBookAnswer } from '../page/shared.js';
import { messages } from './i18n.js';
import { parseItems } from './parse-items.js';

const row = { display: 'flex', gap: 8, flexWrap: 'wrap' } as const;

export function RuleBook() {
  const t = useT(messages);
  const book = useModuleQuery<RuleBookAnswer>('/rulebook');
  const { request, pending, error } = useModuleMutation();
  const [items, setItems] = useState('');
  const [date, setDate] = useState('');
  const [adoptedOn, setAdoptedOn] = useState('');
  const [votes, setVotes] = useState<Record<string, number | null>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const current = book.data?.inForce ?? null;
  const vote = (k: string) => (
    <NumberField
      label={t(`rules.${k}` as 'rules.votesFor')}
      min={0}
      value={votes[k] ?? null}
      onValueChange={(v) => setVotes({ ...votes, [k]: v })}
    />
  );

  async function adopt() {
    const parsed = parseItems(items);
    if ('badLine' in parsed) return setProblem(t('rules.itemsBad', { n: parsed.badLine }));
    setProblem(null);
    const answer = await request<{ version: number; adoptedOn: string }>('POST', '/rulebooks', {
      adoptedOn,
      assembly: {
        date,
        attendance: votes.attendance ?? 0,
        votesFor: votes.votesFor ?? 0,
        votesAgainst: votes.votesAgainst ?? 0,
        abstaining: votes.abstaining ?? 0,
      },
      items: parsed,
    });
    if (answer) setDone(t('rules.adopted', { version: answer.version, date: answer.adoptedOn }));
  }

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      {current ? (
        <Card
          title={t('rules.inForce', { version: current.version, date: current.adoptedOn })}
          headingLevel={2}
        >
          <p style={{ marginTop: 0 }}>
            {t('rules.assembly', {
              date: current.assembly.date,
              attendance: current.assembly.attendance,
              for: current.assembly.votesFor,
              against: current.assembly.votesAgainst,
              abstain: current.assembly.abstaining,
            })}
          </p>
          <List>
            {current.items.map((i) => (
              <ListItem
                key={i.code}
                title={`${i.code} ${i.title}`}
                description={`${i.evidence} · ${i.proposer}`}
                trailing={String(i.points)}
              />
            ))}
          </List>
        </Card>
      ) : (
        <p role="note">{t('rules.none')}</p>
      )}
      <Card title={t('rules.newVersion')} headingLevel={2}>
        <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
          <TextArea
            label={t('rules.items')}
            hint={t('rules.itemsHint')}
            value={items}
            onValueChange={setItems}
            rows={6}
          />
          <div style={row}>
            <TextField
              label={t('rules.date')}
              type="text"
              placeholder="2026-10-20"
              value={date}
              onValueChange={setDate}
            />
            <TextField
              label={t('rules.adoptedOn')}
              type="text"
              placeholder="2026-11-01"
              value={adoptedOn}
              onValueChange={setAdoptedOn}
            />
          </div>
          <div style={row}>
            {vote('attendance')}
            {vote('votesFor')}
            {vote('votesAgainst')}
            {vote('abstaining')}
          </div>
          {problem ? <p role="alert">{problem}</p> : null}
          {error ? <p role="alert">{error.message}</p> : null}
          {done ? <p role="status">{done}</p> : null}
          <Button disabled={pending || !items.trim()} loading={pending} onClick={() => void adopt()}>
            {t('rules.adopt')}
          </Button>
        </div>
      </Card>
    </div>
  );
}
