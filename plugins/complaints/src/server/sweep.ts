/**
 * Escalation: every case under `prefix` whose accept or reply limit passed unmet is escalated to its
 * township, once per limit — recorded in the case history and the audit log. Run at the start of every
 * route that reads or acts on cases, so it happens deterministically on the next request (no timer).
 */
import { dueEscalations, townshipOf } from '../common/index.js';
import type { ComplaintsContext } from './context.js';
import type { CaseRow } from './rows.js';
import { addEvent, unitOf } from './store.js';

export async function sweep(c: ComplaintsContext, prefix: string): Promise<void> {
  const now = c.nowIso();
  const rows: CaseRow[] = await c.db
    .selectFrom('complaints_case')
    .selectAll()
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
    .execute();
  for (const row of rows) {
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
    const township = await unitOf(c, townshipOf(row.village), null);
    const done: string[] = [];
    await c.db.transaction().execute(async (trx) => {
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
          note: limit === 'accept' ? '超过受理时限，已提级至乡镇督办' : '超过答复时限，已提级至乡镇督办',
        });
      }
    });
    for (const limit of done) {
      await c.audit.append({
        actor: 'system',
        action: 'case.escalate',
        subject: `case:${row.id}`,
        detail: { tracking: row.tracking, village: row.village, limit, to: township.division },
      });
    }
  }
}
