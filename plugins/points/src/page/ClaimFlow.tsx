/**
 * A claim in one screen: the item (only those of the rule book in force), one photo taken or chosen
 * (checked for type and size before anything is sent; the server sniffs the bytes again), a note.
 */
import { useModuleMutation, useModuleQuery, useNavigate, useT } from '@cunmen/sdk';
import { Button, ErrorState, LoadingState, Page, Select, TextArea } from '@cunmen/ui';
import { type ChangeEvent, useId, useRef, useState } from 'react';
import { MAX_PHOTO_BYTES } from '../common/model.js';
import { messages } from '../i18n.js';
import { ROUTE, type RuleBookAnswer, stack } from './shared.js';

const TYPES = ['image/jpeg', 'image/png', 'image/webp'];

export function ClaimFlow() {
  const t = useT(messages);
  const navigate = useNavigate();
  const book = useModuleQuery<RuleBookAnswer>('/rulebook');
  const { request, upload, pending, error } = useModuleMutation();
  const [item, setItem] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const camera = useRef<HTMLInputElement>(null);
  const album = useRef<HTMLInputElement>(null);
  const id = useId();
  const back = () => navigate(ROUTE);

  const pick = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (file.type && !TYPES.includes(file.type)) return setProblem(t('claim.photoType'));
    if (file.size > MAX_PHOTO_BYTES) return setProblem(t('claim.photoSize'));
    setProblem(null);
    setPhoto(file);
  };

  async function submit() {
    if (!photo) return setProblem(t('claim.photoMissing'));
    const uploaded = await upload<{ id: string }>('/photos', photo, { filename: photo.name });
    if (!uploaded) return;
    const created = await request('POST', '/claims', {
      item,
      photo: uploaded.id,
      ...(note.trim() ? { evidence: note.trim() } : {}),
    });
    if (created) setDone(true);
  }

  if (book.error && !book.data)
    return <ErrorState message={book.error.message} onRetry={() => void book.reload()} />;
  if (!book.data) return <LoadingState />;
  const items = book.data.inForce?.items ?? [];
  return (
    <Page title={t('claim.title')} onBack={back}>
      {done ? (
        <div style={stack}>
          <p role="status" style={{ margin: 0 }}>
            {t('claim.done')}
          </p>
          <Button block onClick={back}>
            {t('back')}
          </Button>
        </div>
      ) : items.length === 0 ? (
        <p role="note">{t('claim.noBook')}</p>
      ) : (
        <div style={stack}>
          <Select
            label={t('claim.item')}
            hint={t('claim.itemHint')}
            value={item}
            onValueChange={setItem}
            options={items.map((i) => ({
              value: i.code,
              label: `${i.title}（${t('claim.points', { n: i.points })}）`,
            }))}
          />
          <fieldset
            style={{ border: 0, padding: 0, margin: 0 }}
            aria-describedby={problem ? `${id}-problem` : undefined}
          >
            <legend>{t('claim.photo')}</legend>
            <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
              <Button variant="secondary" onClick={() => camera.current?.click()}>
                {t('claim.takePhoto')}
              </Button>
              <Button variant="secondary" onClick={() => album.current?.click()}>
                {t('claim.fromAlbum')}
              </Button>
            </div>
            <input
              ref={camera}
              type="file"
              accept="image/*"
              capture="environment"
              hidden
              onChange={pick}
              data-testid="camera"
            />
            <input ref={album} type="file" accept="image/jpeg,image/png,image/webp" hidden onChange={pick} />
            {photo ? (
              <p style={{ margin: '8px 0 0' }}>
                {photo.name}{' '}
                <Button variant="secondary" onClick={() => setPhoto(null)}>
                  {t('claim.remove')}
                </Button>
              </p>
            ) : null}
            {problem ? (
              <p id={`${id}-problem`} role="alert" className="cm-field__error">
                {problem}
              </p>
            ) : null}
          </fieldset>
          <TextArea label={t('claim.evidence')} value={note} onValueChange={setNote} />
          {error ? <p role="alert">{error.message}</p> : null}
          <Button block disabled={!item || pending} loading={pending} onClick={() => void submit()}>
            {pending ? t('claim.sending') : t('claim.submit')}
          </Button>
        </div>
      )}
    </Page>
  );
}
