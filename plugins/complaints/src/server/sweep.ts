/**
 * Escalation: every case under `prefix` whose accept or reply limit passed unmet is escalated to its
 * township, once per limit — recorded in the case history and the audit log, and told to the
 * township's staff in their inbox (./notices.ts). It runs on the shell's timer (`ctx.schedule`, every
 * minute, ./index.ts), so a case is escalated when its limit passes with no request at all, and still at
 * the start of every route that reads or acts on cases, so a page never shows a stale state between ticks.
 *
 * Several shell instances sweep at once in scale mode (every request sweeps). Each case is escalated in
 * its own transaction that first locks its row, skipping a row another transaction holds (`skipLocked`:
 * that sweep escalates it, or the next request does once a staff step on it is done); the update itself
 * only fills an empty escalation column, so an escalation is recorded once whoever gets there first.
 */
import { skipLocked } from '@cunmen/module-api';
import { dueEscalations, townshipOf } from '../common/index.js';
import type { ComplaintsContext } from './context.js';
import { escalationNotice, tell } from './notices.js';
import type { CaseRow } from './rows.js';
import { addEvent, unitOf } from './store.js';

type Limit = ReturnType<typeof dueEscalations>[number];

const NOTE: Record<Limit, string> = {
  accept: '超过受理时限，已提级至乡镇督办',
  reply: '超过答复时限，已提级至乡镇督办',
};

/** The cases under `prefix` with a passed, unmet and not yet escalated limit (read without locks). */
async function candidates(
  c: ComplaintsContext,
  prefix: string,
  now: string,
): Promise<{ id: string; village: string }[]> {
  return c.db
    .selectFrom('complaints_case')
    .select(['id', 'village'])
    .where('village', 'like', `${prefix}%`)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('accepted_at', 'is', null),
          eb('accept_due', '<', now),
          eb('accept_escalated_at', 'is', null),
        ]),
        eb.and([
          eb('replied_at', 'is', null),
          eb('reply_due', '<', now),
          eb('reply_escalated_at', 'is', null),
        ]),
      ]),
    )
    .orderBy('id')
    .execute();
}

/** Escalates one case's due limits; returns the case as it was and the limits this call escalated. */
async function escalate(
  c: ComplaintsContext,
  { id, village }: { id: string; village: string },
  now: string,
): Promise<{ row: CaseRow; done: Limit[]; to: string } | null> {
  // Looked up before the transaction: on the embedded SQLite the shell's division tree is read over the
  // one connection the transaction holds, so a lookup inside it would wait for itself.
  const township = await unitOf(c, townshipOf(village), null);
  return c.db.transaction().execute(async (trx) => {
    const row = await skipLocked(
      trx.selectFrom('complaints_case').selectAll().where('id', '=', id),
      c.dialect,
    ).executeTakeFirst();
    if (!row) return null;
    const due = dueEscalations(
      {
        acceptDue: row.accept_due,
        replyDue: row.reply_due,
        acceptedAt: row.accepted_at,
        repliedAt: row.replied_at,
        acceptEscalatedAt: row.accept_escalated_at,
        replyEscalatedAt: row.reply_escalated_at,
      },
      now,
    );
    const done: Limit[] = [];
    for (const limit of due) {
      const column = limit === 'accept' ? 'accept_escalated_at' : 'reply_escalated_at';
      const r = await trx
        .updateTable('complaints_case')
        .set(
          limit === 'accept'
            ? { accept_escalated_at: now, updated_at: now }
            : { reply_escalated_at: now, updated_at: now },
        )
        .where('id', '=', row.id)
        .where(column, 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) continue;
      done.push(limit);
      await addEvent(trx, row.id, {
        at: now,
        action: 'escalate',
        from_status: row.status,
        to_status: row.status,
        unit: '系统',
        actor: null,
        actor_id: null,
        actor_role: null,
        target: township.name,
        note: NOTE[limit],
      });
    }
    return { row, done, to: township.division };
  });
}

export async function sweep(c: ComplaintsContext, prefix: string): Promise<void> {
  const now = c.nowIso();
  for (const candidate of await candidates(c, prefix, now)) {
    const escalated = await escalate(c, candidate, now);
    if (!escalated) continue;
    const { row, done, to } = escalated;
    for (const limit of done) {
      await c.audit.append({
        actor: 'system',
        action: 'case.escalate',
        subject: `case:${row.id}`,
        detail: { tracking: row.tracking, village: row.village, limit, to },
      });
      await tell(c, escalationNotice(row, limit, to));
    }
  }
}
