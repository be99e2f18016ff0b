/** What officers publish: news (public), notices and study materials (members), pioneers, activity points. */
import { useModuleMutation, useModuleQuery, useT } from '@cunmen/sdk';
import { Button, Card, List, ListItem, Select, TextArea, TextField } from '@cunmen/ui';
import { type FormEvent, type ReactNode, useState } from 'react';
import type { BranchDetail } from '../answers.js';
import { type Member, POST_KINDS } from '../common/index.js';
import { messages } from './i18n.js';

function Form({
  title,
  submit,
  children,
}: {
  title: string;
  submit(): Promise<unknown>;
  children: ReactNode;
}) {
  const t = useT(messages);
  const [done, setDone] = useState(false);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(Boolean(await submit()));
  };
  return (
    <Card title={title} headingLevel={3}>
      <form onSubmit={(e) => void onSubmit(e)} style={{ display: 'grid', gap: 8 }}>
        {children}
        {done ? <p role="status">{t('publish.done')}</p> : null}
      </form>
    </Card>
  );
}

export function Publish({ detail }: { detail: BranchDetail }) {
  const t = useT(messages);
  const branch = detail.branch.id;
  const members = useModuleQuery<Member[]>(`/branches/${branch}/members`);
  const { request, pending, error } = useModuleMutation();
  const [kind, setKind] = useState<string>('news');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [who, setWho] = useState('');
  const [honour, setHonour] = useState('');
  const [story, setStory] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [points, setPoints] = useState('');
  const [reason, setReason] = useState('');
  const options = (members.data ?? []).map((m) => ({ value: m.id, label: m.name }));
  const officer = detail.viewer.officer;
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      {error ? <p role="alert">{error.message}</p> : null}
      {officer ? (
        <>
          <Form
            title={t('publish.post')}
            submit={() => request('POST', `/branches/${branch}/posts`, { kind, title, body })}
          >
            <Select
              label={t('publish.kind')}
              value={kind}
              onValueChange={setKind}
              options={POST_KINDS.map((k) => ({ value: k, label: t(`publish.kinds.${k}`) }))}
            />
            <TextField label={t('publish.postTitle')} value={title} onValueChange={setTitle} />
            <TextArea label={t('publish.body')} value={body} onValueChange={setBody} />
            <Button type="submit" disabled={pending}>
              {t('publish.post')}
            </Button>
          </Form>
          <Form
            title={t('publish.pioneer')}
            submit={() =>
              request('POST', `/branches/${branch}/pioneers`, {
                member: who,
                honour,
                story,
                year: Number(year),
              })
            }
          >
            <Select label={t('publish.who')} value={who} onValueChange={setWho} options={options} />
            <TextField label={t('publish.honour')} value={honour} onValueChange={setHonour} />
            <TextArea label={t('publish.story')} value={story} onValueChange={setStory} />
            <TextField label={t('publish.year')} value={year} onValueChange={setYear} />
            <Button type="submit" disabled={pending}>
              {t('publish.addPioneer')}
            </Button>
          </Form>
          <Form
            title={t('publish.points')}
            submit={() =>
              request('POST', `/branches/${branch}/points`, { member: who, points: Number(points), reason })
            }
          >
            <Select label={t('publish.who')} value={who} onValueChange={setWho} options={options} />
            <TextField label={t('publish.pointsValue')} value={points} onValueChange={setPoints} />
            <TextField label={t('publish.reason')} value={reason} onValueChange={setReason} />
            <Button type="submit" disabled={pending}>
              {t('publish.award')}
            </Button>
          </Form>
        </>
      ) : null}
      <List label={t('publish.post')}>
        {detail.posts.map((p) => (
          <ListItem key={p.id} title={p.title} description={t(`publish.kinds.${p.kind}`)} />
        ))}
      </List>
    </div>
  );
}
