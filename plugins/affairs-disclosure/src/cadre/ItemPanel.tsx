/**
 * One revision on the cadre side: the masked preview (what residents will see, with how many values
 * were masked and warnings about unchecked images/PDFs), attachments, the workflow buttons the caller
 * may use now, the steps so far, and the audited view of the unmasked original.
 */
import { useHost, useModuleMutation, useModuleQuery, useT, useUser } from '@cunmen/sdk';
import { Button, Card, ErrorState, Icon, List, ListItem, LoadingState, TextField, Toast } from '@cunmen/ui';
import { type FormEvent, useRef, useState } from 'react';
import {
  type AttachmentView,
  chinaDate,
  type ItemView,
  type OriginalAnswer,
  type PreviewAnswer,
} from '../common/web.js';
import { messages } from '../i18n.js';
import { useDownload } from '../shared/download.js';
import { chinaTime } from '../shared/format.js';
import { AttachmentList, Blocks, FinanceView } from '../shared/ItemContent.js';

export function ItemPanel({
  id,
  onBack,
  onEdit,
  onOpen,
}: {
  id: string;
  onBack(): void;
  onEdit(item: ItemView): void;
  onOpen(id: string): void;
}) {
  const t = useT(messages);
  const user = useUser();
  const { api } = useHost();
  const preview = useModuleQuery<PreviewAnswer>(`/items/${id}/preview`);
  const mutation = useModuleMutation();
  const download = useDownload();
  const [done, setDone] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [reviseReason, setReviseReason] = useState('');
  const [meetingDate, setMeetingDate] = useState(() => chinaDate(new Date()));
  const [confirm, setConfirm] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [original, setOriginal] = useState<OriginalAnswer | null>(null);
  const [originalError, setOriginalError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  if (preview.loading && !preview.data) return <LoadingState />;
  if (preview.error || !preview.data)
    return <ErrorState message={preview.error?.message} onRetry={preview.reload} />;
  const { item, masked, warnings } = preview.data;
  const can = (a: ItemView['actions'][number]) => item.actions.includes(a);

  async function act(action: 'submit' | 'approve' | 'return' | 'council' | 'publish', body: object = {}) {
    setDone(null);
    const answer = await mutation.request<ItemView>('POST', `/items/${id}/${action}`, body);
    if (answer) setDone(t(`done_${action}`));
  }

  async function remove() {
    setDone(null);
    if (await mutation.request('DELETE', `/items/${id}`)) {
      onBack();
    }
  }

  async function revise(event: FormEvent) {
    event.preventDefault();
    const answer = await mutation.request<ItemView>('POST', `/items/${id}/revisions`, {
      reason: reviseReason.trim(),
    });
    if (answer) onOpen(answer.id);
  }

  async function onUpload(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setDone(null);
    const query = confirm ? '?confirmNoPersonalData=true' : '';
    const answer = await mutation.upload<AttachmentView>(`/items/${id}/attachments${query}`, file, {
      filename: file.name,
    });
    if (answer) {
      setDone(t('uploaded', { name: answer.filename, n: answer.masked }));
      setFile(null);
      setConfirm(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  }

  async function toggleOriginal() {
    if (original) {
      setOriginal(null);
      return;
    }
    setOriginalError(null);
    try {
      setOriginal(await api.module.request<OriginalAnswer>('GET', `/items/${id}/original`));
    } catch (thrown) {
      setOriginalError((thrown as { message?: string }).message ?? String(thrown));
    }
  }

  const isCadre = user?.role === 'cadre';

  return (
    <div>
      <p>
        <Button variant="secondary" onClick={onBack}>
          {t('back')}
        </Button>
      </p>
      <Card title={item.title}>
        <p>
          {item.catalogueTitle} · {item.period} · {t('revisionN', { n: item.revision })}
        </p>
        <p role="status">
          <strong>{t('statusLine', { status: t(`status_${item.status}`) })}</strong>
        </p>
        {item.returnReason ? <p>{t('returnReasonShown', { reason: item.returnReason })}</p> : null}
        {item.revisionReason ? <p>{t('correctionReason', { reason: item.revisionReason })}</p> : null}
      </Card>

      <Card title={t('previewTitle')}>
        <p>
          <strong>{t('maskedCount', { n: masked.total })}</strong>（{t('maskedBreakdown', masked)}）
        </p>
        {item.maskNames ? <p>{t('maskNamesOn')}</p> : null}
        {warnings.map((w) => (
          <p key={w.filename} role="alert">
            <Icon name="warning" className="cm-icon--start" />
            {t('warnUnchecked', { filename: w.filename })}
          </p>
        ))}
        <Blocks blocks={item.blocks} />
        {item.finance ? <FinanceView finance={item.finance} /> : null}
        <AttachmentList attachments={item.attachments} />
        {can('edit') ? (
          <p>
            {item.attachments.map((a) => (
              <Button
                key={a.id}
                variant="secondary"
                onClick={() => mutation.request('DELETE', `/items/${id}/attachments/${a.id}`)}
              >
                {t('removeAttachment', { name: a.filename })}
              </Button>
            ))}
          </p>
        ) : null}
      </Card>

      {can('edit') ? (
        <Card title={t('upload')}>
          <form onSubmit={onUpload}>
            <p>
              <label htmlFor={`file-${id}`}>{t('uploadLabel')}</label>
              <br />
              <input
                id={`file-${id}`}
                ref={fileInput}
                type="file"
                accept=".jpg,.jpeg,.png,.pdf,.xlsx,.csv"
                aria-describedby={`file-hint-${id}`}
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                style={{ minHeight: 'var(--cm-touch-min, 44px)' }}
              />
              <br />
              <small id={`file-hint-${id}`}>{t('uploadHint')}</small>
            </p>
            <p>
              <label
                style={{
                  display: 'flex',
                  gap: 8,
                  alignItems: 'center',
                  minHeight: 'var(--cm-touch-min, 44px)',
                }}
              >
                <input
                  type="checkbox"
                  checked={confirm}
                  onChange={(e) => setConfirm(e.target.checked)}
                  style={{ width: 24, height: 24 }}
                />
                {t('confirmNoPii')}
              </label>
            </p>
            <p>
              <Button type="submit" disabled={!file} loading={mutation.pending}>
                {t('upload')}
              </Button>
            </p>
          </form>
        </Card>
      ) : null}

      {mutation.error ? <ErrorState message={mutation.error.message} /> : null}
      <div role="status">{done ? <Toast inline message={done} tone="success" /> : null}</div>

      <Card title={t('tabReview')}>
        <p style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          {can('edit') ? (
            <Button variant="secondary" onClick={() => onEdit(item)}>
              {t('edit')}
            </Button>
          ) : null}
          {can('submit') ? (
            <Button loading={mutation.pending} onClick={() => act('submit')}>
              {t('submit')}
            </Button>
          ) : null}
          {can('publish') ? (
            <Button loading={mutation.pending} onClick={() => act('publish')}>
              {t('publish')}
            </Button>
          ) : null}
          {can('delete') ? (
            <Button variant="danger" onClick={remove}>
              {t('delete')}
            </Button>
          ) : null}
        </p>
        {can('approve') ? (
          <div>
            <TextField label={t('approveNote')} maxLength={500} value={note} onValueChange={setNote} />
            <p>
              <Button
                loading={mutation.pending}
                onClick={() => act('approve', note.trim() ? { note: note.trim() } : {})}
              >
                {t('approve')}
              </Button>
            </p>
          </div>
        ) : null}
        {can('return') ? (
          <div>
            <TextField label={t('returnReason')} maxLength={500} value={reason} onValueChange={setReason} />
            <p>
              <Button
                variant="secondary"
                loading={mutation.pending}
                onClick={() => act('return', { reason: reason.trim() })}
              >
                {t('return')}
              </Button>
            </p>
          </div>
        ) : null}
        {can('council') ? (
          <div>
            <TextField
              label={t('councilDate')}
              hint="YYYY-MM-DD"
              maxLength={10}
              value={meetingDate}
              onValueChange={setMeetingDate}
            />
            <p>
              <Button
                loading={mutation.pending}
                onClick={() => act('council', { meetingDate: meetingDate.trim() })}
              >
                {t('council')}
              </Button>
            </p>
          </div>
        ) : null}
        {item.status === 'published' && isCadre ? (
          <form onSubmit={revise}>
            <TextField
              label={t('reviseReason')}
              maxLength={500}
              value={reviseReason}
              onValueChange={setReviseReason}
            />
            <p>
              <Button type="submit" variant="secondary" loading={mutation.pending}>
                {t('revise')}
              </Button>
            </p>
          </form>
        ) : null}
      </Card>

      <Card title={t('steps')}>
        <List label={t('steps')}>
          {item.steps.map((s, i) => (
            <ListItem
              // biome-ignore lint/suspicious/noArrayIndexKey: steps are an append-only sequence.
              key={i}
              title={`${t(`step_${s.action}`)} · ${s.actor}`}
              description={[chinaTime(s.at), s.note].filter(Boolean).join(' · ')}
            />
          ))}
        </List>
      </Card>

      <Card title={t('originalTitle')}>
        <p>
          <Button variant="secondary" onClick={toggleOriginal}>
            {original ? t('hideOriginal') : t('viewOriginal')}
          </Button>
        </p>
        {originalError ? <ErrorState message={originalError} /> : null}
        {original ? (
          <div>
            <p style={{ whiteSpace: 'pre-wrap' }}>{original.body}</p>
            {original.attachments.map((a) => (
              <p key={a.id}>
                <Button
                  variant="secondary"
                  onClick={() => download.save(`/items/${id}/original/attachments/${a.id}`, a.filename)}
                >
                  {t('downloadOriginal', { name: a.filename })}
                </Button>
              </p>
            ))}
          </div>
        ) : null}
        {download.error ? <ErrorState message={download.error} /> : null}
      </Card>
    </div>
  );
}
