// 接诉即办 content: residents submit cases in the portal, the village cadre accepts, dispatches, answers,
// closes and follows them up, and residents rate the closed ones — one case at each point of the loop.
// Each case is found among the resident's own before anything is done, and continues from its status.
import { DEMO_VILLAGES } from '../seed-shell.mjs';

const MODULE = 'complaints';
const [XIANTAN, WUSI, ZHUJIAHU] = DEMO_VILLAGES.map((v) => v.code);
/** The status each staff action leads to (common/workflow.ts). */
const RESULT = {
  accept: 'accepted',
  dispatch: 'dispatched',
  reply: 'replied',
  close: 'closed',
  'follow-up': 'followed-up',
};

const accept = ['accept', { note: '已受理，村两委安排专人跟进。' }];
const reply = (answer) => ['reply', { answer }];
const close = (resolved) => ['close', { resolved }];

/** Per village: who submits what, the staff steps the cadre takes, and the resident's rating. */
export const COMPLAINTS = {
  [XIANTAN]: [
    {
      resident: 'xiantan-shen',
      category: 'environment',
      text: '竹林路口的垃圾桶已经满了三天，没有人来清运，天热气味很大，请尽快安排清运。',
      place: '竹林路与仙潭路交叉口',
      steps: [],
    },
    {
      resident: 'xiantan-resident',
      category: 'roads',
      text: '3组到文化礼堂的村道有好几处坑洼，下雨天积水，骑电动车经过容易打滑。',
      place: '3组至文化礼堂村道',
      steps: [['accept', { note: '已受理，村两委本周内到现场查看。' }]],
    },
    {
      resident: 'xiantan-resident',
      category: 'land',
      text: '我家承包地和隔壁的边界有争议，去年土地流转时量的面积和合同上写的不一致，希望村里和镇里帮忙重新测量。',
      steps: [
        accept,
        [
          'dispatch',
          { target: '330521107', department: '农业农村办', note: '需镇农业农村办协助测量承包地面积。' },
        ],
      ],
    },
    {
      resident: 'xiantan-shen',
      category: 'services',
      text: '请问明年的城乡居民医保什么时候开始缴费？家里老人行动不便，能不能在村里代缴？我的电话13800000021。',
      steps: [
        accept,
        reply(
          '城乡居民医保集中缴费期一般在每年9月至12月，可以通过浙里办或支付宝缴费；行动不便的老人可以由家属带身份证到村便民服务中心，由代办员帮助缴费。',
        ),
      ],
    },
    {
      resident: 'xiantan-resident',
      category: 'roads',
      text: '文化礼堂到3组路上有两盏路灯不亮，晚上看不见路，老人走夜路很不方便。',
      place: '文化礼堂至3组村道',
      steps: [accept, reply('已请电工更换灯头和线路，当晚恢复照明。'), close(true)],
      rating: { rating: 'satisfied', comment: '当天就修好了，谢谢村里。' },
    },
    {
      resident: 'xiantan-shen',
      category: 'neighbourhood',
      text: '隔壁民宿的客人经常把车停在我家门口的村道上，早上拖拉机开不出去。',
      place: '仙潭村2组',
      steps: [
        accept,
        reply('村调解委员会已上门协调：民宿客人的车辆统一停到村口停车场，并在路口设置了指示牌。'),
        close(true),
        ['follow-up', { note: '回访：近一周没有再出现车辆堵路。' }],
      ],
      rating: { rating: 'basically-satisfied', comment: '好多了，周末偶尔还有车停过来。' },
    },
    {
      resident: 'xiantan-resident',
      category: 'utilities',
      text: '这几天自来水水压很小，二楼基本没有水，做饭洗衣都不方便。',
      steps: [
        accept,
        reply('经查是镇自来水厂管网改造导致水压不足，改造预计月底完成，期间请错峰用水。'),
        close(false),
      ],
      rating: { rating: 'dissatisfied', comment: '希望能早点解决。' },
    },
  ],
  [WUSI]: [
    {
      resident: 'wusi-yao',
      category: 'environment',
      text: '文化礼堂旁边公厕洗手池的水龙头坏了，一直在漏水。',
      place: '五四村文化礼堂',
      steps: [accept, reply('已更换水龙头，并安排保洁员每天检查。'), close(true)],
      rating: { rating: 'satisfied', comment: '修得很快。' },
    },
    {
      resident: 'wusi-yao',
      category: 'services',
      text: '想把家里的老房子改成民宿，需要办哪些手续？',
      steps: [
        accept,
        reply(
          '开办民宿需要办理营业执照、特种行业许可证和食品经营许可证，可以先到阜溪街道便民服务中心咨询，村里可以帮忙预约。',
        ),
      ],
    },
    {
      resident: 'wusi-yao',
      category: 'roads',
      text: '4组路口的反光镜被撞坏了，转弯时看不到对面来车。',
      place: '五四村4组路口',
      steps: [],
    },
  ],
  [ZHUJIAHU]: [
    {
      resident: 'zhujiahu-zhu',
      category: 'utilities',
      text: '东街的自来水管冻裂了，水漫到路上结了冰，很滑。',
      place: '朱家户村东街',
      steps: [accept, reply('已关闭阀门并更换冻裂的水管，路面的冰已经撒盐清除。'), close(true)],
      rating: { rating: 'satisfied', comment: '当天就修好了。' },
    },
    {
      resident: 'zhujiahu-zhu',
      category: 'roads',
      text: '苹果园边上的机耕路被雨水冲坏了，拉苹果的三轮车过不去。',
      place: '朱家户村北山果园',
      steps: [],
    },
  ],
};

/** The resident's case with this text, if it was submitted before (the summary holds its first 80 characters). */
const sameCase = (text) => (c) => text.startsWith(c.excerpt.replace(/…$/, ''));

/** Brings the village's cases to where the content says; returns how many there are. */
export async function ensureComplaints({ village, people, say }) {
  const specs = (COMPLAINTS[village] ?? []).filter((c) => people.has(c.resident));
  const cadreName = people.accountOf(village, 'village-cadre');
  if (specs.length === 0 || !cadreName) return 0;
  const cadreSession = await people.session(cadreName);
  if (!(await cadreSession.places(village, `@cunmen/${MODULE}`))) {
    say(`${village}: the portal has no 接诉即办; no complaints`);
    return 0;
  }
  const cadre = cadreSession.module(village, MODULE);
  const mine = new Map();
  for (const spec of specs) {
    const resident = (await people.session(spec.resident)).module(village, MODULE);
    if (!mine.has(spec.resident)) mine.set(spec.resident, (await resident.call('GET', '/cases/mine')).items);
    let found = mine.get(spec.resident).find(sameCase(spec.text));
    if (!found) {
      const { category, text, place } = spec;
      found = await resident.call('POST', '/cases', { category, text, ...(place ? { place } : {}) });
    }
    const path = ['submitted', ...spec.steps.map(([action]) => RESULT[action])];
    // A case someone moved elsewhere by hand (returned, transferred) is left as it is.
    const done = path.indexOf(found.status);
    for (const [action, body] of done < 0 ? [] : spec.steps.slice(done)) {
      found = await cadre.call('POST', `/cases/${found.id}/${action}`, body);
    }
    if (spec.rating && found.rating === null) {
      await resident.call('POST', `/cases/${found.id}/rate`, spec.rating);
    }
  }
  return specs.length;
}
