/**
 * The ledger for the village assembly as one XLSX (exceljs): the balances, every entry, and the rule
 * book in force with its adoption record. Names stay unmasked: the export is the committee's.
 */
import { loadExcelJs } from '@cunmen/pii';
import type { Balance, RuleBook } from '../common/index.js';
import type { EntryRow, HouseholdRow } from './rows.js';

const KIND_ZH: Record<EntryRow['kind'], string> = {
  base: '基础分',
  award: '加分',
  deduction: '扣分',
  redemption: '兑换',
  reset: '年度清零',
};

export async function ledgerXlsx(
  villageName: string,
  households: (HouseholdRow & { balance: Balance })[],
  entries: EntryRow[],
  book: RuleBook | null,
): Promise<Buffer> {
  const wb = new (await loadExcelJs()).Workbook();
  wb.creator = 'Cunmen 积分制';
  wb.addWorksheet('积分余额').addRows([
    ['户号', '户主', '总积分', '可兑换积分'],
    ...households.map((h) => [h.code, h.head, h.balance.total, h.balance.redeemable]),
  ]);
  wb.addWorksheet('积分明细').addRows([
    [
      '户号',
      '序号',
      '时间',
      '类型',
      '事项',
      '积分',
      '可兑换',
      '证明',
      '审核人',
      '复核人',
      '规则版本',
      '备注',
    ],
    ...entries.map((e) => [
      e.household,
      e.seq,
      e.at,
      KIND_ZH[e.kind],
      e.item_title ?? '',
      e.points,
      e.redeemable ? '是' : '否',
      e.evidence ?? '',
      e.approver ?? '',
      e.second_approver ?? '',
      e.rulebook_version ?? '',
      e.note ?? '',
    ]),
  ]);
  const rules = wb.addWorksheet('积分规则');
  if (book) {
    const a = book.assembly;
    rules.addRows([
      [`${villageName}积分规则 第 ${book.version} 版`],
      ['施行日期', book.adoptedOn],
      [
        '村民会议',
        a.date,
        `到会 ${a.attendance} 人`,
        `赞成 ${a.votesFor}`,
        `反对 ${a.votesAgainst}`,
        `弃权 ${a.abstaining}`,
      ],
      [],
      ['编号', '事项', '分值', '所需证明', '提议人'],
      ...book.items.map((i) => [i.code, i.title, i.points, i.evidence, i.proposer]),
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
