/**
 * Finance tables (收支明细). Amounts are integers in fen (分, 1/100 yuan) so no rounding ever hides a
 * gap. The rule checked on the server: closing balance = opening balance + total income − total
 * expenditure (期末余额 = 期初余额 + 收入合计 − 支出合计).
 */
export interface FinanceRow {
  subject: string;
  income: number;
  expenditure: number;
}

export interface FinanceTable {
  openingBalance: number;
  rows: FinanceRow[];
  closingBalance: number;
}

export interface FinanceTotals {
  income: number;
  expenditure: number;
  /** The closing balance the rows give. */
  expectedClosing: number;
  balanced: boolean;
}

export function financeTotals(table: FinanceTable): FinanceTotals {
  const income = table.rows.reduce((s, r) => s + r.income, 0);
  const expenditure = table.rows.reduce((s, r) => s + r.expenditure, 0);
  const expectedClosing = table.openingBalance + income - expenditure;
  return { income, expenditure, expectedClosing, balanced: expectedClosing === table.closingBalance };
}

/** 123456 → "1,234.56"; negative amounts keep their sign. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** "1,234.5" → 123450; null when it is not an amount with at most two decimals. */
export function parseYuan(text: string): number | null {
  const t = text.replace(/[,，\s]/g, '');
  const m = /^(-?)(\d{1,12})(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return null;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -fen : fen;
}
