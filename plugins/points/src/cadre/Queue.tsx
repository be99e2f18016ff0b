/**
 * The committee's queue: each claim with its household, item, points and evidence; approve, or reject
 * with a reason. A deduction approved once shows who approved it and waits for another member's
 * countersignature (the server refuses the same member twice).
 */
import { useModuleMutation, useModuleQuery, useT } from '@cunmen/sdk';
import { Button, List, ListItem, TextField } from '@cunmen/ui';
import { useState } from 'react';
import type { Claim } from '../common/model.js';
import { useDownload } from './download.js';
import { messages } from './i18n.js';

function ClaimRow({ claim }: { claim: Claim }) {
  const t = useT(messages);
  const { request, pending, error } = useModuleMutation();
  const download = useDownload();
  const [reason, setReason] = useState('');
  const [rejecting, setRejecting] = useState(false);
  const points = claim.points * claim.quantity;
  const description = [
    t('queue.by', { source: t(`queue.source.${claim.source}`), claimant: claim.claimant }),
    claim.evidence,
    claim.status === 'second' ? t('queue.second', { first: claim.firstApprover ?? '' }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <ListItem
      title={t('queue.claim', { household: claim.household, item: claim.itemTitle, points })}
      description={
        <>
          {description}
          {error ? <span role="alert"> {error.message}</span> : null}
          {rejecting ? (
            <TextField label={t('queue.reason')} value={reason} onValueChange={setReason} />
          ) : null}
        </>
      }
      trailing={
        <span style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          {claim.photo ? (
            <Button
              variant="secondary"
              onClick={() => void download.save(`/photos/${claim.photo}`, `${claim.id}.jpg`)}
            >
              {t('queue.photo')}
            </Button>
          ) : null}
          <Button disabled={pending} onClick={() => void request('POST', `/claims/${claim.id}/approve`)}>
            {claim.status === 'second' ? t('queue.countersign') : t('queue.approve')}
          </Button>
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() =>
              rejecting ? void request('POST', `/claims/${claim.id}/reject`, { reason }) : setRejecting(true)
            }
          >
            {t('queue.reject')}
          </Button>
        </span>
      }
    />
  );
}

export function Queue() {
  const t = useT(messages);
  const queue = useModuleQuery<{ items: Claim[] }>('/claims');
  const items = queue.data?.items ?? [];
  return (
    <List label={t('tabs.queue')}>
      {items.length === 0 ? (
        <ListItem title={t('queue.empty')} />
      ) : (
        items.map((c) => <ClaimRow key={c.id} claim={c} />)
      )}
    </List>
  );
}
