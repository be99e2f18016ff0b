// What the demo villages' party branches hold: their profile, members (phone numbers in the demo's
// made-up range 138 0000 0xxx), topics of their meetings, news, notices, study materials and pioneers.
import { DEMO_VILLAGES } from '../seed-shell.mjs';

const [XIANTAN, WUSI, ZHUJIAHU] = DEMO_VILLAGES.map((v) => v.code);

const member = (name, gender, birthDate, joinedOn, phone, extra = {}) => ({
  name,
  gender,
  birthDate,
  joinedOn,
  phone,
  role: 'member',
  status: 'full',
  account: null,
  ...extra,
});

/** Topics by kind (a short title and what was done), taken in turn period after period. */
export const TOPICS = {
  members: [
    ['发展党员和党费收缴情况', '讨论接收预备党员，通报本季度党费收缴和使用情况'],
    ['民主评议党员', '开展民主评议党员，征求群众对支部工作的意见'],
  ],
  committee: [
    ['研究本月重点工作', '研究人居环境整治、困难群众走访和党员志愿服务安排'],
    ['讨论村级重大事项', '按“四议两公开”讨论村道修缮项目，提交村民代表会议'],
  ],
  group: [
    ['学习交流', '组织党员交流学习体会，收集村民意见建议'],
    ['联系户走访情况', '通报党员联系户走访情况，梳理需要协调解决的问题'],
  ],
  lecture: [
    ['书记讲党课', '支部书记讲《中国共产党农村基层组织工作条例》和乡村振兴'],
    ['红色家风', '邀请老党员讲红色家风故事'],
  ],
  'theme-day': [
    ['清理河道', '组织党员清理村内河道和沟渠垃圾，开展垃圾分类入户宣传'],
    ['走访独居老人', '党员分组走访独居和困难老人，帮助打扫卫生、检查用电安全'],
    ['学习身边榜样', '重温入党誓词，学习身边优秀共产党员事迹'],
  ],
};

export const PARTY = {
  [XIANTAN]: {
    branch: {
      name: '中共仙潭村支部委员会',
      address: '莫干山镇仙潭村党群服务中心二楼',
      phone: '0572-8400101',
      hasGroups: true,
    },
    secretary: member('沈国平', 'male', '1969-04-12', '1994-06-28', '13800000101'),
    members: [
      member('沈美芳', 'female', '1978-09-03', '2004-07-01', '13800000021', {
        role: 'committee',
        account: 'xiantan-shen',
      }),
      member('王国强', 'male', '1972-01-20', '1999-05-18', '13800000031', { role: 'deputy' }),
      // 张建华 signs in with the shell's demo account xiantan-resident and opens the member side.
      member('张建华', 'male', '1965-11-08', '1988-10-12', '13800000012', { account: 'xiantan-resident' }),
      member('姚志刚', 'male', '1980-02-14', '2008-06-30', '13800000022'),
      member('陈丽', 'female', '1992-07-22', '2016-07-01', '13800000102'),
      member('李金华', 'male', '1998-03-30', '2025-12-20', '13800000103', { status: 'probationary' }),
    ],
    news: [
      ['仙潭村党支部组织党员清理仙潭溪', '支部党员和村民志愿者一起清理仙潭溪沿岸垃圾，共清出垃圾两车。'],
      ['党员联系户：走访独居老人 23 户', '支部党员分组走访全村独居和困难老人，帮助检查用电安全、打扫卫生。'],
    ],
    notices: [
      [
        '关于按时缴纳党费的通知',
        '请各位党员于本月 25 日前到村党群服务中心缴纳党费，外出党员可委托家人代缴。',
      ],
    ],
    study: [
      [
        '学习《中国共产党农村基层组织工作条例》',
        '第一章 总则。村党组织是党在农村的基层组织，是党在农村全部工作和战斗力的基础……',
      ],
      [
        '学习“千万工程”经验',
        '浙江“千村示范、万村整治”工程二十年来的做法和经验，对照本村人居环境整治谈体会。',
      ],
    ],
    pioneers: [
      ['张建华', '优秀共产党员', '连续五年义务看护村里的古树和溪道，带头做好垃圾分类。'],
      ['陈丽', '党员志愿服务之星', '组织青年党员为全村 60 岁以上老人代办医保、养老认证。'],
    ],
    studied: [{ account: 'xiantan-resident', study: 0 }],
  },
  [WUSI]: {
    branch: {
      name: '中共五四村支部委员会',
      address: '阜溪街道五四村村委会',
      phone: '0572-8400201',
      hasGroups: false,
    },
    secretary: member('吴建新', 'male', '1970-08-15', '1996-07-01', '13800000201'),
    members: [
      member('钱月琴', 'female', '1975-05-06', '2001-06-20', '13800000202', { role: 'committee' }),
      member('孙海明', 'male', '1983-12-01', '2010-06-28', '13800000203'),
      member('周晓红', 'female', '1990-04-18', '2015-06-30', '13800000204'),
    ],
    news: [['五四村党员开展“美丽庭院”结对帮扶', '支部党员与 15 户村民结对，帮助整治庭院环境。']],
    notices: [],
    study: [],
    pioneers: [['钱月琴', '优秀共产党员', '带领村民发展民宿，帮助低收入农户增收。']],
    studied: [],
  },
  [ZHUJIAHU]: {
    branch: {
      name: '中共朱家户村支部委员会',
      address: '燕崖镇朱家户村村委会',
      phone: '0533-3200301',
      hasGroups: true,
    },
    secretary: member('朱德明', 'male', '1966-03-09', '1990-07-01', '13800000301'),
    members: [
      member('朱秀兰', 'female', '1971-10-10', '1998-06-25', '13800000302', { role: 'committee' }),
      member('刘长春', 'male', '1979-06-06', '2005-07-01', '13800000303'),
      member('朱卫国', 'male', '1985-01-28', '2012-06-30', '13800000304'),
    ],
    news: [['朱家户村党员带头开展秋收互助', '支部党员组织农机手帮助缺劳力农户抢收玉米。']],
    notices: [],
    study: [],
    pioneers: [['朱秀兰', '优秀共产党员', '义务为村里留守儿童辅导功课十余年。']],
    studied: [],
  },
};
