// 党建 content: each village's branch, set up by its cadre (who is its secretary) with its members;
// its organisational life since the start of the previous quarter — 三会一课 and 主题党日 planned and
// recorded with their sign-in sheets, one party group meeting left undone so the due list shows an
// overdue one, and this month's 主题党日 planned for today, open for sign-in — then news, notices,
// study materials and pioneers, and a member who finished a study material. Every step is a call of
// the module's own routes, looked up first, so a run that stopped half-way carries on without duplicates.
import { addDays } from './dates.mjs';
import { PARTY, TOPICS } from './party-texts.mjs';

const MODULE = 'party-building';
const KINDS = {
  members: '支部党员大会',
  committee: '支部委员会',
  group: '党小组会',
  lecture: '党课',
  'theme-day': '主题党日',
};
const QUARTERLY = new Set(['members', 'lecture']);
/** The day of the period each kind is held on: monthly kinds by day of month, quarterly by month and day. */
const DAY = { committee: 5, group: 12, 'theme-day': 15, lecture: [2, 20], members: [3, 10] };

const pad = (n) => String(n).padStart(2, '0');

/** The first day of the quarter before the one `today` is in: where the branch's tracking starts. */
function trackingFrom(today) {
  const [y, m] = today.split('-').map(Number);
  const q = Math.floor((m - 1) / 3);
  return q === 0 ? `${y - 1}-10-01` : `${y}-${pad((q - 1) * 3 + 1)}-01`;
}

/** The months from the one holding `from` to the one holding `to`, as `[year, month]`. */
function months(from, to) {
  const out = [];
  let [y, m] = from.split('-').map(Number);
  const [y1, m1] = to.split('-').map(Number);
  while (y < y1 || (y === y1 && m <= m1)) {
    out.push([y, m]);
    m += 1;
    if (m > 12) {
      y += 1;
      m = 1;
    }
  }
  return out;
}

/** Each meeting the branch holds from `from` to `today`: kind, period label, the day, and its turn. */
function calendar(from, today, hasGroups) {
  const out = [];
  months(from, today).forEach(([y, m], turn) => {
    for (const kind of Object.keys(KINDS)) {
      if (kind === 'group' && !hasGroups) continue;
      const [month, d] = QUARTERLY.has(kind) ? DAY[kind] : [null, DAY[kind]];
      if (month !== null && (m - 1) % 3 !== month - 1) continue;
      const day = `${y}-${pad(m)}-${pad(d)}`;
      const label = QUARTERLY.has(kind) ? `${y}年第${Math.ceil(m / 3)}季度` : `${y}年${m}月`;
      out.push({ kind, day, label, turn, current: day.slice(0, 7) === today.slice(0, 7) });
    }
  });
  return out;
}

async function ensureBranch(cadre, spec, cadreName, today) {
  const list = await cadre.call('GET', '/branches');
  const found = list.find((b) => b.name === spec.branch.name);
  if (found) return found.id;
  const body = {
    ...spec.branch,
    trackingFrom: trackingFrom(today),
    secretary: { ...spec.secretary, account: cadreName },
  };
  // The secretary's role is the branch's to give: the body names none.
  delete body.secretary.role;
  return (await cadre.call('POST', '/branches', body)).id;
}

async function ensureMembers(cadre, branch, spec) {
  const have = await cadre.call('GET', `/branches/${branch}/members`);
  for (const m of spec.members) {
    if (have.some((h) => h.name === m.name)) continue;
    have.push(await cadre.call('POST', `/branches/${branch}/members`, m));
  }
  return have;
}

async function ensureMeetings(cadre, branch, members, today, hasGroups) {
  const detail = await cadre.call('GET', `/branches/${branch}`);
  let recorded = 0;
  const ids = members.map((m) => m.id);
  for (const slot of calendar(trackingFrom(today), today, hasGroups)) {
    const topics = TOPICS[slot.kind];
    const [short, topic] = topics[slot.turn % topics.length];
    const title = `${slot.label}${KINDS[slot.kind]}：${short}`;
    const themeToday = slot.current && slot.kind === 'theme-day';
    // Last month's party group meeting was never held: the due list shows it overdue.
    const skipped =
      slot.kind === 'group' && slot.day.slice(0, 7) === addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
    if (skipped || (!themeToday && slot.day > today)) continue;
    let meeting = detail.meetings.find((m) => m.title === title);
    if (!meeting) {
      const plannedOn = themeToday ? today : slot.day;
      const body = { kind: slot.kind, title, topic, place: '村党群服务中心', plannedOn };
      meeting = { ...(await cadre.call('POST', `/branches/${branch}/meetings`, body)), status: 'planned' };
    }
    if (themeToday || meeting.status === 'held') continue;
    // Everyone but one member (a different one each time) came.
    const absent = ids[(slot.turn + 1) % ids.length];
    const minutes = `${slot.day}，${KINDS[slot.kind]}在村党群服务中心召开。${topic}。应到 ${ids.length} 人，实到 ${ids.length - 1} 人。`;
    const attendees = ids.filter((id) => id !== absent);
    await cadre.call('POST', `/branches/${branch}/meetings/${meeting.id}/record`, {
      heldOn: slot.day,
      minutes,
      attendees,
    });
    recorded += 1;
  }
  return recorded;
}

async function ensurePosts(cadre, branch, spec) {
  const { posts, pioneers } = await cadre.call('GET', `/branches/${branch}`);
  const wanted = [
    ...spec.news.map(([title, body]) => ({ kind: 'news', title, body })),
    ...spec.notices.map(([title, body]) => ({ kind: 'notice', title, body })),
    ...spec.study.map(([title, body]) => ({ kind: 'study', title, body })),
  ];
  const ids = new Map(posts.map((p) => [p.title, p.id]));
  for (const post of wanted) {
    if (!ids.has(post.title))
      ids.set(post.title, (await cadre.call('POST', `/branches/${branch}/posts`, post)).id);
  }
  const members = await cadre.call('GET', `/branches/${branch}/members`);
  const year = Number(new Date().getFullYear());
  for (const [name, honour, story] of spec.pioneers) {
    if (pioneers.some((p) => p.name === name && p.honour === honour)) continue;
    const who = members.find((m) => m.name === name);
    if (who)
      await cadre.call('POST', `/branches/${branch}/pioneers`, { member: who.id, honour, story, year });
  }
  return ids;
}

/** Brings the village's party branch to where the content says; returns how many meetings it recorded. */
export async function ensureParty({ village, people, today, say }) {
  const spec = PARTY[village];
  const cadreName = people.accountOf(village, 'village-cadre');
  if (!spec || !cadreName) return { branches: 0, meetings: 0 };
  const session = await people.session(cadreName);
  if (!(await session.places(village, `@cunmen/${MODULE}`))) {
    say(`${village}: the portal has no 党建; no party branch`);
    return { branches: 0, meetings: 0 };
  }
  const cadre = session.module(village, MODULE);
  const branch = await ensureBranch(cadre, spec, cadreName, today);
  const members = await ensureMembers(cadre, branch, spec);
  const meetings = await ensureMeetings(cadre, branch, members, today, spec.branch.hasGroups);
  const posts = await ensurePosts(cadre, branch, spec);
  for (const { account, study } of spec.studied) {
    const id = posts.get(spec.study[study][0]);
    if (id && people.has(account))
      await (await people.session(account)).module(village, MODULE).call('POST', `/study/${id}/done`);
  }
  return { branches: 1, meetings };
}
