// The household register (户籍) each village's cadre keeps in the shell: a few households with their
// members and phone numbers (the shell masks them in every view), and a sign-in account for the
// residents who then submit complaints and book pickups. Every phone number in the demo is in the
// made-up range 138 0000 0xxx.
import { DEMO_VILLAGES } from '../seed-shell.mjs';

const [XIANTAN, WUSI, ZHUJIAHU] = DEMO_VILLAGES.map((v) => v.code);

/** Per village: households, each with its members; `account` gives the member a resident account. */
export const HOUSEHOLDS = {
  [XIANTAN]: [
    {
      number: '0012',
      head: '张建华',
      address: '仙潭村3组12号',
      members: [
        // 张建华 signs in with the shell's demo account xiantan-resident (household H-0012).
        { name: '张建华', relation: '户主', phone: '13800000012' },
        { name: '李秀英', relation: '配偶' },
        { name: '张晓东', relation: '子女', phone: '13800000013' },
      ],
    },
    {
      number: '0008',
      head: '沈美芳',
      address: '仙潭村2组8号',
      members: [
        { name: '沈美芳', relation: '户主', phone: '13800000021', account: 'xiantan-shen' },
        { name: '姚志刚', relation: '配偶', phone: '13800000022' },
      ],
    },
    {
      number: '0021',
      head: '王国强',
      address: '仙潭村3组21号',
      members: [
        { name: '王国强', relation: '户主', phone: '13800000031' },
        { name: '王小燕', relation: '子女' },
      ],
    },
    {
      number: '0035',
      head: '钱桂英',
      address: '仙潭村1组35号',
      members: [{ name: '钱桂英', relation: '户主', phone: '13800000041' }],
    },
  ],
  [WUSI]: [
    {
      number: '0006',
      head: '姚建明',
      address: '五四村4组6号',
      members: [
        { name: '姚建明', relation: '户主', phone: '13800000112', account: 'wusi-yao' },
        { name: '吴月娥', relation: '配偶' },
      ],
    },
    {
      number: '0015',
      head: '吴志林',
      address: '五四村2组15号',
      members: [{ name: '吴志林', relation: '户主', phone: '13800000121' }],
    },
  ],
  [ZHUJIAHU]: [
    {
      number: '0003',
      head: '朱玉兰',
      address: '朱家户村东街3号',
      members: [
        { name: '朱玉兰', relation: '户主', phone: '13800000212', account: 'zhujiahu-zhu' },
        { name: '刘长海', relation: '配偶', phone: '13800000213' },
      ],
    },
    {
      number: '0017',
      head: '朱德海',
      address: '朱家户村西街17号',
      members: [{ name: '朱德海', relation: '户主', phone: '13800000221' }],
    },
  ],
};

/** Registers the village's households and members that are missing; returns how many households it has. */
export async function ensureHouseholds({ village, cadre, people }) {
  const base = `/api/villages/${village}/households`;
  const registered = (await cadre.shell('GET', `${base}?pageSize=100`)).items;
  const wanted = HOUSEHOLDS[village] ?? [];
  for (const h of wanted) {
    const household =
      registered.find((r) => r.number === h.number) ??
      (await cadre.shell('POST', base, { number: h.number, head: h.head, address: h.address }));
    const { residents } = await cadre.shell('GET', `${base}/${household.id}`);
    for (const m of h.members) {
      if (residents.some((r) => r.name === m.name)) continue;
      const body = { name: m.name, relation: m.relation };
      if (m.phone) body.phone = m.phone;
      if (m.account)
        body.account = { name: m.account, password: people.passwordFor(m.account, village, m.name) };
      await cadre.shell('POST', `${base}/${household.id}/residents`, body);
    }
  }
  return wanted.length;
}
