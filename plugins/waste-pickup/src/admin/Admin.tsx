import { type HostError, type StoredDoc, useStoreList, useStoreMutation, useT } from '@cunmen/sdk';
import {
  Button,
  Card,
  EmptyState,
  ErrorState,
  List,
  ListItem,
  LoadingState,
  Page,
  TextArea,
  Toast,
} from '@cunmen/ui';
import { type ReactNode, useState } from 'react';
import { BOOKINGS, BOOKINGS_PAGE, type Booking } from '../bookings.js';
import { formatDate } from '../dates.js';
import { messages } from '../i18n.js';
import { PhotoLink } from './PhotoLink.js';

/** Village cadres: the open bookings, soonest first; close one with a note. */
export function WastePickupAdmin() {
  const t = useT(messages);
  const list = useStoreList<Booking>(BOOKINGS, { limit: BOOKINGS_PAGE });
  const store = useStoreMutation<Booking>(BOOKINGS);
  const [closing, setClosing] = useState<StoredDoc<Booking> | null>(null);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string>();
  const [done, setDone] = useState(false);
  // A failed write stays in store.error until the next write; "刷新" puts it aside.
  const [dismissed, setDismissed] = useState<HostError | null>(null);
  const failure = store.error !== dismissed ? store.error : null;

  function start(doc: StoredDoc<Booking>) {
    setClosing(doc);
    setNote('');
    setNoteError(undefined);
    setDone(false);
  }

  async function close() {
    if (!closing) return;
    if (note.trim() === '') {
      setNoteError(t('noteRequired'));
      return;
    }
    const data: Booking = {
      ...closing.data,
      status: 'closed',
      closedAt: new Date().toISOString(),
      closeNote: note.trim(),
    };
    if (await store.put(closing.id, data, { ifVersion: closing.version })) {
      setClosing(null);
      setDone(true);
    }
  }

  const open = list.items
    .filter((doc) => doc.data.status === 'booked')
    .sort((a, b) => a.data.date.localeCompare(b.data.date));

  let content: ReactNode;
  if (list.loading && list.items.length === 0) content = <LoadingState />;
  else if (list.error) content = <ErrorState message={list.error.message} onRetry={list.reload} />;
  else if (open.length === 0) content = <EmptyState title={t('noneOpen')} />;
  else {
    content = (
      <List label={t('open')}>
        {open.map((doc) => (
          <ListItem
            key={doc.id}
            title={`${formatDate(doc.data.date, t)} · ${t(`kind.${doc.data.kind}`)} ${doc.data.quantity} ${t(`unit.${doc.data.unit}`)}`}
            description={
              <>
                {[
                  doc.data.address,
                  t('by', { name: doc.data.userName }),
                  t('receipt', { id: doc.data.receiptId }),
                ].join(' · ')}
                {doc.data.photo ? (
                  <>
                    {' · '}
                    <PhotoLink id={doc.data.photo} label={t('photo')} />
                  </>
                ) : null}
              </>
            }
            trailing={
              <Button variant="secondary" onClick={() => start(doc)}>
                {t('close')}
              </Button>
            }
          />
        ))}
      </List>
    );
  }

  return (
    <Page title={t('adminTitle')}>
      {closing ? (
        <Card
          title={`${t('close')}：${formatDate(closing.data.date, t)} · ${closing.data.address}`}
          actions={
            <>
              <Button loading={store.pending} onClick={close}>
                {t('confirmClose')}
              </Button>{' '}
              <Button variant="secondary" onClick={() => setClosing(null)}>
                {t('cancel')}
              </Button>
            </>
          }
        >
          <TextArea
            label={t('noteLabel')}
            hint={t('noteHint')}
            required
            maxLength={200}
            value={note}
            onValueChange={setNote}
            error={noteError}
          />
        </Card>
      ) : null}
      {failure ? (
        <ErrorState
          message={failure.message}
          retryLabel={t('refresh')}
          onRetry={
            failure.code === 'SHELL_ERR_VERSION_CONFLICT'
              ? () => {
                  setDismissed(failure);
                  setClosing(null);
                  void list.reload();
                }
              : undefined
          }
        />
      ) : null}
      <div role="status">{done ? <Toast inline message={t('closed')} tone="success" /> : null}</div>
      <Card title={t('open')}>
        {content}
        {list.hasMore ? (
          <Button variant="secondary" block loading={list.loading} onClick={list.loadMore}>
            {t('loadMore')}
          </Button>
        ) : null}
      </Card>
    </Page>
  );
}
