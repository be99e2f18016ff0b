// What 仙潭村 has published under 三务公开 (党务, 村务, 财务), as its cadre would write it: periods
// relative to the day of seeding (the last full month and quarter, the current quarter, an event two days
// ago). Amounts are in fen. Data, not logic: disclosures.mjs walks each item through the workflow.
import { addDays, currentQuarter, periodLabel, previousMonth, previousQuarter } from './dates.mjs';

/** A finance table whose closing balance is what the module checks it against. */
function table(openingBalance, rows) {
  const closingBalance = rows.reduce((sum, r) => sum + r.income - r.expenditure, openingBalance);
  return { openingBalance, rows, closingBalance };
}

const csv = (name, lines) => ({
  name,
  type: 'text/csv',
  // With the BOM, as Excel saves "CSV UTF-8", so the file opens right when a villager downloads it.
  bytes: new TextEncoder().encode(`\ufeff${lines.map((l) => l.join(',')).join('\r\n')}\r\n`),
});

/**
 * 仙潭村's disclosures as of `today`. `until` is how far the workflow goes (`published`, or `submitted`:
 * waiting for the 村务监督委员会); `questions` are residents' questions, answered by the cadre when an
 * answer is given.
 */
export function xiantanDisclosures(today) {
  const month = previousMonth(today);
  const lastQuarter = previousQuarter(today);
  const quarter = currentQuarter(today);
  const bidDay = addDays(today, -2);
  const year = today.slice(0, 4);
  return [
    {
      key: 'finance-ledger',
      period: month,
      title: `仙潭村${periodLabel(month)}财务收支明细`,
      body: [
        `根据《村民委员会组织法》和《农村集体经济组织财务公开规定》，现将本村${periodLabel(month)}集体财务收支情况公布如下，接受全体村民监督。`,
        '',
        '## 收支说明',
        '- 收入主要为上级拨付的村级组织运转经费、集体物业（民宿用房）租金和毛竹山林承包费。',
        '- 支出主要为村道保洁人员工资、文化礼堂和村委会水电费、村道路灯维修。',
        '- 原始凭证存放在村会计代理服务中心，村民可以在工作日到村委会查阅。',
        '',
        '对公开内容有疑问的，可以在本页提问，村委会在规定期限内答复；也可以向村务监督委员会反映。',
      ].join('\n'),
      finance: table(38_642_015, [
        { subject: '上级转移支付：村级组织运转经费', income: 5_000_000, expenditure: 0 },
        { subject: '集体物业（民宿用房）租金收入', income: 3_600_000, expenditure: 0 },
        { subject: '毛竹山林承包费', income: 1_280_000, expenditure: 0 },
        { subject: '村道保洁人员工资（3人）', income: 0, expenditure: 1_080_000 },
        { subject: '文化礼堂及村委会水电费', income: 0, expenditure: 186_530 },
        { subject: '村道路灯维修', income: 0, expenditure: 138_050 },
        { subject: '党群服务中心办公用品', income: 0, expenditure: 42_600 },
      ]),
      attachments: [
        csv(`${periodLabel(month)}收支凭证清单.csv`, [
          ['凭证号', '日期', '摘要', '收入（元）', '支出（元）', '经办'],
          ['记-01', `${month}-03`, '收村级组织运转经费', '50000.00', '', '村报账员'],
          ['记-02', `${month}-05`, '收民宿用房租金（第四季度）', '36000.00', '', '村报账员'],
          ['记-03', `${month}-08`, '收毛竹山林承包费', '12800.00', '', '村报账员'],
          ['记-04', `${month}-10`, '付村道保洁人员工资', '', '10800.00', '村委会主任'],
          ['记-05', `${month}-15`, '付文化礼堂及村委会水电费', '', '1865.30', '村报账员'],
          ['记-06', `${month}-21`, '付路灯维修材料和人工', '', '1380.50', '村委会主任'],
          ['记-07', `${month}-26`, '付党群服务中心办公用品', '', '426.00', '村报账员'],
        ]),
      ],
      until: 'published',
      questions: [
        {
          asker: 'xiantan-resident',
          text: '路灯维修花了1380.50元，是修了哪几处的路灯？',
          answer:
            '本月共维修路灯4盏：村口石桥旁2盏、竹林路1盏、文化礼堂停车场1盏，更换了灯头和线路。维修单据可以在工作日到村委会查阅。',
        },
      ],
    },
    {
      key: 'project-funds',
      period: lastQuarter,
      title: `仙潭村${periodLabel(lastQuarter)}工程项目及资金使用情况`,
      body: [
        `现将本村${periodLabel(lastQuarter)}在建和完工工程项目的资金使用情况公布如下。`,
        '',
        '## 项目进展',
        '- 仙潭溪沿岸护栏修缮工程：已完工，通过莫干山镇农业农村办验收。',
        '- 3组至文化礼堂村道白改黑工程：已完成路基整修，沥青摊铺计划于下季度完成。',
        '',
        '工程合同、验收单据和付款凭证存放在村委会，村民可以在工作日查阅。',
      ].join('\n'),
      finance: table(42_000_000, [
        { subject: '县级美丽乡村建设补助资金', income: 30_000_000, expenditure: 0 },
        { subject: '仙潭溪沿岸护栏修缮工程（尾款）', income: 0, expenditure: 8_650_000 },
        { subject: '3组至文化礼堂村道白改黑工程（进度款）', income: 0, expenditure: 21_000_000 },
        { subject: '工程监理费', income: 0, expenditure: 1_200_000 },
      ]),
      until: 'published',
    },
    {
      key: 'village-general',
      period: quarter,
      title: '关于修订《仙潭村村规民约》的公告',
      body: [
        '《仙潭村村规民约》修订稿已经村民代表会议讨论通过，并报莫干山镇人民政府备案，现予公告，自公告之日起施行。',
        '',
        '## 本次修订的主要内容',
        '- 新增垃圾分类条款：各户做好垃圾分类，大件垃圾和可回收物可以通过村门户的“垃圾分类预约”上门收运。',
        '- 新增民宿经营条款：经营民宿的农户应当遵守消防、卫生规定，不得占用村道停车。',
        '- 完善移风易俗条款：红白喜事从简办理，提倡不燃放烟花爆竹。',
        '- 完善竹林管护条款：禁止在竹林内焚烧秸秆和垃圾，春笋采挖期间不得进入他人承包的山林。',
        '',
        '全文张贴在村委会公开栏和文化礼堂，村民可以到村委会领取纸质文本。对修订内容有意见的，可以在本页提问。',
      ].join('\n'),
      until: 'published',
      questions: [
        { asker: 'xiantan-shen', text: '我家开民宿，客人的车停在自家门口的空地上算不算占用村道？' },
      ],
    },
    {
      key: 'major-matters',
      period: bidDay,
      title: '仙潭村竹林游步道提升工程招标结果公示',
      body: [
        `仙潭村竹林游步道提升工程（预算68.5万元）经村民代表会议决定，委托德清县公共资源交易中心公开招标，已于${periodLabel(bidDay)}开标。现将结果公示如下：`,
        '',
        '## 招标结果',
        '- 中标单位：德清县山野路桥工程有限公司',
        '- 中标价：61.8万元',
        '- 工期：90日历天',
        '',
        '## 其他投标单位',
        '- 湖州竹乡园林建设有限公司：64.2万元',
        '- 德清县溪岸市政工程有限公司：65.9万元',
        '',
        '公示期为5个工作日。对招标结果有异议的，请在公示期内以书面形式向村务监督委员会或莫干山镇农业农村办反映。',
      ].join('\n'),
      until: 'published',
    },
    {
      key: 'party-life',
      period: lastQuarter,
      title: `仙潭村党支部${periodLabel(lastQuarter)}“三会一课”和主题党日开展情况`,
      body: [
        `现将村党支部${periodLabel(lastQuarter)}组织生活开展情况公开如下。`,
        '',
        '## 支部党员大会',
        '- 召开1次，讨论通过1名预备党员转正，应到36人，实到33人。',
        '## 支部委员会',
        '- 召开3次，研究村道白改黑工程、秋季森林防火和三务公开工作。',
        '## 党小组会',
        '- 3个党小组各召开3次，学习党的创新理论和村规民约修订稿。',
        '## 党课',
        '- 支部书记讲授党课1次：《发挥党员作用，共建美丽仙潭》。',
        '## 主题党日',
        '- 第一个月：参观余村“两山”理念展示馆。',
        '- 第二个月：党员志愿清理仙潭溪河道垃圾。',
        '- 第三个月：走访慰问困难党员和老党员。',
      ].join('\n'),
      until: 'published',
    },
    {
      key: 'dibao-roster',
      period: quarter,
      title: `仙潭村${periodLabel(quarter)}低保对象名单公示`,
      body: [
        `根据《社会救助暂行办法》和《最低生活保障审核确认办法》，经村民委员会入户调查、民主评议，莫干山镇人民政府审核，德清县民政局确认，本村${periodLabel(quarter)}最低生活保障对象名单见附件（姓名和联系电话已按规定隐去部分内容）。`,
        '',
        '- 保障户数：3户',
        '- 保障人数：4人',
        '- 月保障金总额：4390元',
        '',
        '公示期7天。对名单有异议的，可以向村民委员会、莫干山镇社会事务办或德清县民政局反映，我们将依法核查。',
      ].join('\n'),
      attachments: [
        csv(`${periodLabel(quarter)}低保对象名单.csv`, [
          ['序号', '户主姓名', '家庭人口', '保障人数', '月保障金额（元）', '联系电话', '保障类别'],
          ['1', '钱桂英', '1', '1', '1130', '13800000041', '全额保障'],
          ['2', '沈阿四', '2', '2', '1860', '13800000051', '差额保障'],
          ['3', '姚福根', '3', '1', '1400', '13800000061', '单人户保障'],
        ]),
      ],
      until: 'published',
    },
    {
      key: 'agri-subsidy',
      period: quarter,
      title: `仙潭村${year}年耕地地力保护补贴发放情况`,
      body: [
        `${year}年耕地地力保护补贴已由德清县财政通过惠民惠农财政补贴资金“一卡通”直接发放到户，现将本村发放情况公开如下。`,
        '',
        '- 补贴标准：每亩110元',
        '- 补贴面积：1286.4亩',
        '- 补贴户数：215户',
        '- 发放总额：141504元',
        '',
        '各户补贴明细可以到村委会查阅，也可以登录“浙里办”查询本人的补贴到账情况。',
      ].join('\n'),
      // Waiting for the 村务监督委员会: the supervisor's queue has something to review.
      until: 'submitted',
    },
  ];
}
