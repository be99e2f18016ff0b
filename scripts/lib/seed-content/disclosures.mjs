// 三务公开 content: each disclosure drafted by the village cadre (with its attachments), submitted,
// approved by the 村务监督委员会 member, recorded as passed by the 两委 meeting and published — or left
// waiting for review — then residents' questions and the cadre's answers. Every step is a call of the
// module's own routes with the widget credential of the person who takes it, and each starts from
// what the server already holds, so a run that stopped half-way carries on without duplicates.
import { DEMO_VILLAGES } from '../seed-shell.mjs';
import { xiantanDisclosures } from './disclosure-texts.mjs';

const MODULE = 'affairs-disclosure';
const XIANTAN = DEMO_VILLAGES[0].code;
/** Only 仙潭村 has a supervision-committee account, and publishing needs its review. */
const CONTENT = { [XIANTAN]: xiantanDisclosures };

/** The workflow in order; each step moves an item from the status before it (review.ts). */
const FLOW = ['draft', 'submitted', 'reviewed', 'approved', 'published'];

function steps(today) {
  return {
    submitted: { who: 'cadre', action: 'submit', body: {} },
    reviewed: {
      who: 'supervisor',
      action: 'approve',
      body: { note: '已核对原始材料，内容属实，同意公开。' },
    },
    approved: {
      who: 'cadre',
      action: 'council',
      body: { meetingDate: today, note: '村两委联席会议审议通过' },
    },
    published: { who: 'cadre', action: 'publish', body: {} },
  };
}

/** The draft of `spec`, found among the village's items or created. */
async function draftOf(cadre, items, spec) {
  const found = items.find(
    (i) => i.catalogueKey === spec.key && i.period === spec.period && i.title === spec.title,
  );
  if (found) return found;
  const { key, period, title, body, finance } = spec;
  return cadre.call('POST', '/items', { catalogueKey: key, period, title, body, finance: finance ?? null });
}

async function attach(cadre, item, spec) {
  if (!spec.attachments?.length || (item.status !== 'draft' && item.status !== 'returned')) return;
  const { attachments } = await cadre.call('GET', `/items/${item.id}`);
  for (const file of spec.attachments) {
    if (attachments.some((a) => a.filename === file.name)) continue;
    await cadre.upload(`/items/${item.id}/attachments`, file);
  }
}

async function ask(api, item, questions) {
  const asked = (await api.cadre.call('GET', '/questions')).questions.filter((q) => q.itemId === item.id);
  for (const q of questions ?? []) {
    let question = asked.find((a) => a.text === q.text);
    if (!question) {
      const resident = await api.resident(q.asker);
      question = await resident.call('POST', `/published/${item.id}/questions`, { text: q.text });
    }
    if (q.answer && question.answeredAt === null) {
      await api.cadre.call('POST', `/questions/${question.id}/answer`, { text: q.answer });
    }
  }
}

/** Brings the village's disclosures to where the content says; returns how many are published and in review. */
export async function ensureDisclosures({ village, people, today, say }) {
  const counts = { published: 0, inReview: 0, questions: 0 };
  const specs = CONTENT[village]?.(today) ?? [];
  const cadreName = people.accountOf(village, 'village-cadre');
  const supervisorName = people.accountOf(village, 'supervisor');
  if (specs.length === 0 || !cadreName || !supervisorName) return counts;
  const cadreSession = await people.session(cadreName);
  if (!(await cadreSession.places(village, `@cunmen/${MODULE}`))) {
    say(`${village}: the portal has no 三务公开; no disclosures`);
    return counts;
  }
  const api = {
    cadre: cadreSession.module(village, MODULE),
    supervisor: (await people.session(supervisorName)).module(village, MODULE),
    resident: async (name) => (await people.session(name)).module(village, MODULE),
  };
  const flow = steps(today);
  const { items } = await api.cadre.call('GET', '/items');
  for (const spec of specs) {
    let item = await draftOf(api.cadre, items, spec);
    await attach(api.cadre, item, spec);
    // A returned draft is submitted again; a corrected (superseded) one is past the whole flow.
    const from =
      item.status === 'superseded'
        ? FLOW.length
        : FLOW.indexOf(item.status === 'returned' ? 'draft' : item.status);
    for (const status of FLOW.slice(from + 1, FLOW.indexOf(spec.until) + 1)) {
      const step = flow[status];
      item = await api[step.who].call('POST', `/items/${item.id}/${step.action}`, step.body);
    }
    if (spec.until === 'published') {
      counts.published += 1;
      await ask(api, item, spec.questions);
      counts.questions += spec.questions?.length ?? 0;
    } else {
      counts.inReview += 1;
    }
  }
  return counts;
}
