/** A revision's content as stored: the original for authorised roles, the masked form for everyone. */
import { moduleErrors } from '@cunmen/module-api';
import {
  affairsErrors,
  type CatalogueItem,
  type FinanceTable,
  financeTotals,
  MAX_BLOCKS,
  mapBlockTexts,
  parseBlocks,
  type UpdateInput,
} from '../common/index.js';
import { maskText } from './deidentify.js';

export interface ContentColumns {
  title_original: string;
  title: string;
  body_original: string;
  blocks: string;
  finance_original: string | null;
  finance: string | null;
  masked_text: number;
  masked_finance: number;
}

const invalidBody = (en: string, zh: string) =>
  moduleErrors.error('MODULE_ERR_INVALID_ARGUMENT', {
    en: `body: ${en}`,
    zh: `body：填写有误（${zh}）`,
    field: 'body',
  });

export function prepareContent(
  input: UpdateInput,
  catalogue: CatalogueItem,
  names: readonly string[] = [],
): ContentColumns {
  const title = maskText(input.title, names);
  let masked = title.masked;
  const parsed = parseBlocks(input.body);
  if (parsed.length === 0) throw invalidBody('body has no text', '正文不能为空');
  if (parsed.length > MAX_BLOCKS)
    throw invalidBody(`at most ${MAX_BLOCKS} blocks`, `正文最多 ${MAX_BLOCKS} 段`);
  const blocks = mapBlockTexts(parsed, (text) => {
    const m = maskText(text, names);
    masked += m.masked;
    return m.text;
  });
  let finance: FinanceTable | null = null;
  let maskedFinance = 0;
  if (input.finance) {
    if (catalogue.category !== 'finance')
      throw affairsErrors.error('AFFAIRS_ERR_FINANCE_NOT_ALLOWED', { field: 'finance' });
    if (!financeTotals(input.finance).balanced)
      throw affairsErrors.error('AFFAIRS_ERR_UNBALANCED', { field: 'finance.closingBalance' });
    finance = {
      ...input.finance,
      rows: input.finance.rows.map((r) => {
        const m = maskText(r.subject, names);
        maskedFinance += m.masked;
        return { ...r, subject: m.text };
      }),
    };
  }
  return {
    title_original: input.title,
    title: title.text,
    body_original: input.body,
    blocks: JSON.stringify(blocks),
    finance_original: input.finance ? JSON.stringify(input.finance) : null,
    finance: finance ? JSON.stringify(finance) : null,
    masked_text: masked,
    masked_finance: maskedFinance,
  };
}

/** The content of a stored revision masked again, after its lists (and so the names to mask) changed. */
export function remaskContent(
  row: { title_original: string; body_original: string; finance_original: string | null },
  catalogue: CatalogueItem,
  names: readonly string[],
): ContentColumns {
  return prepareContent(
    {
      title: row.title_original,
      body: row.body_original,
      finance: row.finance_original ? JSON.parse(row.finance_original) : null,
    },
    catalogue,
    names,
  );
}
