/**
 * Two steps that work in elderly mode: (1) the category as big buttons, (2) a few words, optional place
 * and photos, send. Then the tracking number. Input is checked here with the same rules as the server
 * (`checkSubmission`); a refusal from the server is shown on the field it names.
 */
import {
  type GeoPoint,
  useCapability,
  useDeviceLocation,
  useModuleMutation,
  useNavigate,
  useT,
} from '@cunmen/sdk';
import { Button, Icon, Page, TextArea, TextField } from '@cunmen/ui';
import { useRef, useState } from 'react';
import {
  CATEGORIES,
  CATEGORY_IDS,
  type CaseDetail,
  type Category,
  MAX_PLACE,
  MAX_TEXT,
} from '../common/model.js';
import { checkSubmission } from '../common/validate.js';
import { messages } from '../i18n.js';
import { PhotoPicker } from './PhotoPicker.js';
import { Alert, ROUTE, stack } from './shared.js';

type Errors = Partial<Record<'category' | 'text' | 'photos' | 'place' | 'form', string>>;

/** The form field a server refusal belongs to: its `field`, or (older SDKs) its code. */
function serverField(error: { code: string; field?: string }): keyof Errors {
  if (error.field) return fieldOf(error.field);
  if (error.code.includes('PHOTO')) return 'photos';
  if (error.code.startsWith('COMPLAINTS_ERR_TEXT')) return 'text';
  if (error.code === 'COMPLAINTS_ERR_CATEGORY') return 'category';
  return 'form';
}

function fieldOf(field: string | undefined): keyof Errors {
  if (!field) return 'form';
  if (field.startsWith('photo')) return 'photos';
  if (field === 'text' || field === 'category' || field === 'place') return field;
  return 'form';
}

export function SubmitFlow() {
  const t = useT(messages);
  const navigate = useNavigate();
  const { request, upload, pending, error, clearError } = useModuleMutation();
  const [category, setCategory] = useState<Category | null>(null);
  const [text, setText] = useState('');
  const [place, setPlace] = useState('');
  const [location, setLocation] = useState<GeoPoint | null>(null);
  const canLocate = useCapability('location.read');
  const device = useDeviceLocation();
  const [photos, setPhotos] = useState<File[]>([]);
  const [isPublic, setPublic] = useState(true);
  const [errors, setErrors] = useState<Errors>({});
  const [progress, setProgress] = useState<string | null>(null);
  const [done, setDone] = useState<CaseDetail | null>(null);
  // Photos already uploaded keep their id, so sending again after an error does not upload them twice.
  const uploaded = useRef(new WeakMap<File, string>());

  if (done) {
    const hours = Math.max(
      1,
      Math.round((Date.parse(done.deadlines.acceptDue) - Date.parse(done.submittedAt)) / 3600_000),
    );
    return (
      <Page title={t('submitted')} onBack={() => navigate(ROUTE)}>
        <div style={stack} role="status">
          <p style={{ margin: 0 }}>{t('trackingIs')}</p>
          <p
            style={{ margin: 0, fontSize: '1.75em', fontWeight: 700, letterSpacing: 1 }}
            data-testid="tracking"
          >
            {done.tracking}
          </p>
          <p style={{ margin: 0 }}>{t('submittedHint', { hours })}</p>
        </div>
        <div style={stack}>
          <Button block onClick={() => navigate(`${ROUTE}/case/${done.id}`)}>
            {t('viewProgress')}
          </Button>
          <Button block variant="secondary" onClick={() => navigate(ROUTE)}>
            {t('backHome')}
          </Button>
        </div>
      </Page>
    );
  }

  if (category === null) {
    return (
      <Page title={t('home.submit')} onBack={() => navigate(ROUTE)}>
        <p style={{ margin: 0 }}>{t('step', { n: 1 })}</p>
        <fieldset style={{ ...stack, border: 0, padding: 0, margin: 0 }}>
          <legend style={{ margin: 0, padding: 0, fontSize: '1.25em', fontWeight: 700 }}>
            {t('chooseCategory')}
          </legend>
          {CATEGORY_IDS.map((id) => (
            <Button key={id} block variant="secondary" onClick={() => setCategory(id)}>
              <Icon name={CATEGORIES[id].icon} />
              {t(`category.${id}`)}
            </Button>
          ))}
        </fieldset>
        <p style={{ margin: 0 }}>{t('home.emergency')}</p>
      </Page>
    );
  }

  const send = async () => {
    const issue = checkSubmission({ category, text, photos });
    if (issue) {
      setErrors({ [fieldOf(issue.field)]: issue.zh });
      return;
    }
    setErrors({});
    clearError();
    const ids: string[] = [];
    for (const [i, file] of photos.entries()) {
      let id = uploaded.current.get(file);
      if (!id) {
        setProgress(t('uploading', { n: i + 1 }));
        try {
          const answer = await upload<{ id: string }>('/photos', file, { filename: file.name });
          if (!answer) throw new Error('upload failed');
          id = answer.id;
          uploaded.current.set(file, id);
        } catch {
          setProgress(null);
          return;
        }
      }
      ids.push(id);
    }
    setProgress(t('sending'));
    const created = await request<CaseDetail>('POST', '/cases', {
      category,
      text,
      photos: ids,
      ...(place.trim() ? { place: place.trim() } : {}),
      ...(location ? { location: { lat: location.lat, lng: location.lng } } : {}),
      public: isPublic,
    });
    setProgress(null);
    if (created) setDone(created);
  };

  // The server's refusal, on the field it names (e.g. a photo the server could not accept).
  const shown: Errors = {
    ...(error ? { [serverField(error as { code: string; field?: string })]: error.message } : {}),
    ...errors,
  };

  return (
    <Page title={t('home.submit')} onBack={() => setCategory(null)}>
      <p style={{ margin: 0 }}>{t('step', { n: 2 })}</p>
      <Button variant="secondary" onClick={() => setCategory(null)}>
        {t('changeCategory', { category: t(`category.${category}`) })}
      </Button>
      <h2 style={{ margin: 0, fontSize: '1.25em' }}>{t('describe')}</h2>
      <TextArea
        label={t('textLabel')}
        hint={t('textHint', { max: MAX_TEXT })}
        value={text}
        onValueChange={setText}
        maxLength={MAX_TEXT}
        rows={5}
        required
        error={shown.text}
      />
      <TextField
        label={t('placeLabel')}
        hint={t('placeHint')}
        value={place}
        onValueChange={setPlace}
        maxLength={MAX_PLACE}
        error={shown.place}
      />
      {canLocate ? (
        location ? (
          <div style={stack}>
            <p role="status" style={{ margin: 0 }}>
              {t('located', { accuracy: location.accuracy })}
            </p>
            <Button variant="secondary" onClick={() => setLocation(null)}>
              {t('unlocate')}
            </Button>
          </div>
        ) : (
          <div style={stack}>
            <Button
              variant="secondary"
              loading={device.pending}
              onClick={async () => setLocation((await device.locate()) ?? null)}
            >
              {t('locate')}
            </Button>
            <Alert>{device.error?.message}</Alert>
          </div>
        )
      ) : null}
      <PhotoPicker files={photos} onChange={setPhotos} error={shown.photos} disabled={pending} />
      <label style={{ display: 'flex', gap: 12, alignItems: 'center', minHeight: 60 }}>
        <input
          type="checkbox"
          checked={isPublic}
          onChange={(e) => setPublic(e.target.checked)}
          style={{ width: 28, height: 28, flex: 'none' }}
        />
        <span>{t('publicLabel')}</span>
      </label>
      <Alert>{shown.category ?? shown.form}</Alert>
      <Button block loading={pending} onClick={() => void send()}>
        {progress ?? t('send')}
      </Button>
    </Page>
  );
}
