// 找农机 (@deqing/find-machinery) content: the machines each village's cadre registers on the widget's
// admin page — documents of its `owners` collection, written through the host API with the cadre's
// widget credential, as the page does. Owners are listed the way villages list them (surname and
// 师傅); their phones are in the demo's made-up range and, as on the page, shown so residents can call.
import { DEMO_VILLAGES } from '../seed-shell.mjs';

const WIDGET = '@deqing/find-machinery';
const OWNERS = 'owners';
const [XIANTAN, WUSI, ZHUJIAHU] = DEMO_VILLAGES.map((v) => v.code);

const machine = (name, type, capacity, area, phone, available = true) => ({
  name,
  type,
  capacity,
  phone,
  area,
  available,
});

export const MACHINES = {
  [XIANTAN]: [
    machine('沈师傅', '收割机', '每天 60 亩', '本村及周边各村', '13800000071'),
    machine('王师傅', '拖拉机', '旋耕每天 40 亩', '仙潭村及邻村', '13800000072'),
    machine('姚师傅', '植保无人机', '每天 300 亩', '莫干山镇全镇', '13800000073'),
    machine('钱师傅', '插秧机', '每天 30 亩', '本村', '13800000074', false),
  ],
  [WUSI]: [
    machine('吴师傅', '拖拉机', '旋耕每天 35 亩', '五四村及阜溪街道各村', '13800000171'),
    machine('姚师傅', '烘干机', '每批 12 吨', '本村', '13800000172'),
  ],
  [ZHUJIAHU]: [
    machine('朱师傅', '植保无人机', '果园打药每天 200 亩', '燕崖镇各村', '13800000271'),
    machine('刘师傅', '拖拉机', '旋耕每天 30 亩', '朱家户村及周边', '13800000272'),
  ],
};

/** Registers the village's machines that are missing; returns how many it has of the content's. */
export async function ensureMachinery({ village, people, say }) {
  const wanted = MACHINES[village] ?? [];
  const cadreName = people.accountOf(village, 'village-cadre');
  if (wanted.length === 0 || !cadreName) return 0;
  const cadre = await people.session(cadreName);
  if (!(await cadre.places(village, WIDGET))) {
    say(`${village}: the portal has no 找农机; no machines`);
    return 0;
  }
  const store = cadre.host(village, WIDGET);
  const registered = await store.list(OWNERS);
  for (const m of wanted) {
    if (registered.some((d) => d.data.name === m.name && d.data.type === m.type)) continue;
    await store.create(OWNERS, m);
  }
  return wanted.length;
}
