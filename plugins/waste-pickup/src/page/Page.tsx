import {
  type StoredDoc,
  useCapability,
  useConfig,
  useStoreList,
  useStoreMutation,
  useSubmitForm,
  useT,
  useUpload,
  useUser,
} from '@cunmen/sdk';
import {
  Button,
  Card,
  EmptyState,
  ErrorState,
  ImageUpload,
  List,
  ListItem,
  LoadingState,
  NumberField,
  Page,
  RadioGroup,
  Select,
  TextField,
} from '@cunmen/ui';
import { type FormEvent, type ReactNode, useState } from 'react';
import {
  BOOKINGS,
  BOOKINGS_PAGE,
  type Booking,
  type BookingForm,
  KINDS,
  type Kind,
  MAX_QUANTITY,
  MIN_QUANTITY,
  UNITS,
  type Unit,
} from '../bookings.js';
import type { Config } from '../config.js';
import { type BookingErrors, bookableDates, checkBooking, formatDate } from '../dates.js';
import { messages } from '../i18n.js';

/** Residents: book a pickup of recyclables or bulky waste, and see their own bookings. */
export function WastePickupPage() {
  const config = useConfig<Config>();
  const t = useT(messages);
  const user = useUser();
  const canUpload = useCapability('media.upload');
  const form = useSubmitForm('pickup');
  const upload = useUpload();
  const list = useStoreList<Booking>(BOOKINGS, { limit: BOOKINGS_PAGE });
  const store = useStoreMutation<Booking>(BOOKINGS);

  const [kind, setKind] = useState<Kind>('recyclable');
  const [quantity, setQuantity] = useState<number | null>(1);
  const [unit, setUnit] = useState<Unit>('piece');
  const [address, setAddress] = useState('');
  const [date, setDate] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [photo, setPhoto] = useState<{ id: string; url: string } | null>(null);
  const [errors, setErrors] = useState<BookingErrors>({});
  const [booked, setBooked] = useState<StoredDoc<Booking> | null>(null);

  if (!user) {
    return (
      <Page title={config.heading}>
        <EmptyState title={t('signIn')} />
      </Page>
    );
  }
  const userId = user.id;

  async function onPhotos(next: File[]) {
    setFiles(next);
    setPhoto(null);
    const [file] = next;
    if (!file) return;
    const media = await upload.upload(file);
    if (media) setPhoto(media);
    else setFiles([]);
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found = checkBooking({ address, quantity, date }, new Date());
    setErrors(found);
    if (Object.keys(found).length > 0 || quantity === null) return;
    const data: BookingForm = { kind, quantity, unit, address: address.trim(), date };
    if (photo) data.photo = photo.id;
    // A receipt whose store write failed is reused on the next tap: the form is sent once.
    const receipt = form.result ?? (await form.submit(data));
    if (!receipt) return;
    const doc = await store.create({
      ...data,
      ...(photo ? { photoUrl: photo.url } : {}),
      status: 'booked',
      receiptId: receipt.id,
      userId,
      userName: user?.displayName ?? '',
    });
    if (doc) setBooked(doc);
  }

  function again() {
    form.reset();
    setBooked(null);
    setAddress('');
    setQuantity(1);
    setDate('');
    setFiles([]);
    setPhoto(null);
  }

  const failure = form.error ?? store.error;
  const mine = list.items.filter((doc) => doc.data.userId === userId);
  let history: ReactNode;
  if (list.loading && list.items.length === 0) history = <LoadingState />;
  else if (list.error) history = <ErrorState message={list.error.message} onRetry={list.reload} />;
  else if (mine.length === 0) history = <EmptyState title={t('mineEmpty')} />;
  else {
    history = (
      <List label={t('mine')}>
        {mine.map(({ id, data }) => (
          <ListItem
            key={id}
            title={`${t(`kind.${data.kind}`)} ${data.quantity} ${t(`unit.${data.unit}`)}`}
            description={[
              formatDate(data.date, t),
              data.address,
              data.closeNote && t('closeNote', { note: data.closeNote }),
            ]
              .filter(Boolean)
              .join(' · ')}
            trailing={t(`status.${data.status}`)}
          />
        ))}
      </List>
    );
  }

  return (
    <Page title={config.heading}>
      {booked ? (
        <Card
          title={t('booked')}
          actions={
            <Button variant="secondary" onClick={again}>
              {t('again')}
            </Button>
          }
        >
          <p role="status">{t('receipt', { id: booked.data.receiptId })}</p>
          <p>
            {formatDate(booked.data.date, t)} · {booked.data.address}
          </p>
        </Card>
      ) : (
        <Card title={t('formTitle')}>
          {config.notice ? <p>{config.notice}</p> : null}
          <form onSubmit={onSubmit} noValidate>
            <RadioGroup
              label={t('kindLabel')}
              options={KINDS.map((k) => ({
                value: k,
                label: t(`kind.${k}`),
                description: t(`kindHint.${k}`),
              }))}
              value={kind}
              onValueChange={(v) => setKind(v as Kind)}
            />
            <NumberField
              label={t('quantityLabel')}
              required
              min={MIN_QUANTITY}
              max={MAX_QUANTITY}
              value={quantity}
              onValueChange={setQuantity}
              error={errors.quantity && t(errors.quantity)}
            />
            <Select
              label={t('unitLabel')}
              placeholder={false}
              options={UNITS.map((u) => ({ value: u, label: t(`unit.${u}`) }))}
              value={unit}
              onValueChange={(v) => setUnit(v as Unit)}
            />
            <TextField
              label={t('addressLabel')}
              hint={t('addressHint')}
              required
              maxLength={100}
              value={address}
              onValueChange={setAddress}
              error={errors.address && t(errors.address)}
            />
            <Select
              label={t('dateLabel')}
              required
              options={bookableDates(new Date()).map((d) => ({ value: d, label: formatDate(d, t) }))}
              value={date}
              onValueChange={setDate}
              error={errors.date && t(errors.date)}
            />
            {canUpload ? (
              <ImageUpload
                label={t('photoLabel')}
                hint={t('photoHint')}
                maxCount={1}
                value={files}
                onChange={onPhotos}
                disabled={upload.pending}
                error={upload.error?.message}
              />
            ) : null}
            <p>
              <Button type="submit" block loading={form.pending || store.pending || upload.pending}>
                {t('submit')}
              </Button>
            </p>
          </form>
          {failure ? <ErrorState message={failure.message} /> : null}
        </Card>
      )}
      <Card title={t('mine')}>
        {history}
        {list.hasMore ? (
          <Button variant="secondary" block loading={list.loading} onClick={list.loadMore}>
            {t('loadMore')}
          </Button>
        ) : null}
      </Card>
    </Page>
  );
}
