/**
 * The masked content of a revision as residents see it — text blocks, the finance table and the masked
 * lists — shared by the resident page and the cadre's preview. Text is rendered as text nodes only.
 */
import { useT } from '@cunmen/sdk';
import { Button } from '@cunmen/ui';
import type { AttachmentView, Block, FinanceTable } from '../common/web.js';
import { financeTotals, formatYuan } from '../common/web.js';
import { messages } from '../i18n.js';

const tableStyle = { borderCollapse: 'collapse', width: '100%', margin: '8px 0 16px' } as const;
const cellStyle = {
  border: '1px solid #c8cdd3',
  padding: '6px 8px',
  textAlign: 'left',
  verticalAlign: 'top',
} as const;
const numStyle = { ...cellStyle, textAlign: 'right', whiteSpace: 'nowrap' } as const;
const scrollStyle = { overflowX: 'auto', maxWidth: '100%' } as const;

export function Blocks({ blocks }: { blocks: Block[] }) {
  return (
    <div>
      {blocks.map((b, i) => {
        const key = `${b.type}-${i}`;
        if (b.type === 'heading')
          return b.level === 1 ? <h3 key={key}>{b.text}</h3> : <h4 key={key}>{b.text}</h4>;
        if (b.type === 'list')
          return (
            <ul key={key}>
              {b.items.map((item, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: items have no identity beyond their place.
                <li key={j}>{item}</li>
              ))}
            </ul>
          );
        return (
          <p key={key} style={{ whiteSpace: 'pre-line' }}>
            {b.text}
          </p>
        );
      })}
    </div>
  );
}

export function FinanceView({ finance }: { finance: FinanceTable }) {
  const t = useT(messages);
  const totals = financeTotals(finance);
  return (
    <div style={scrollStyle}>
      <table style={tableStyle}>
        <caption style={{ textAlign: 'left', fontWeight: 600 }}>{t('financeTable')}</caption>
        <thead>
          <tr>
            <th scope="col" style={cellStyle}>
              {t('subject')}
            </th>
            <th scope="col" style={numStyle}>
              {t('income')}
            </th>
            <th scope="col" style={numStyle}>
              {t('expenditure')}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row" style={cellStyle}>
              {t('openingBalance')}
            </th>
            <td style={numStyle} colSpan={2}>
              {formatYuan(finance.openingBalance)}
            </td>
          </tr>
          {finance.rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional.
            <tr key={i}>
              <td style={cellStyle}>{r.subject}</td>
              <td style={numStyle}>{r.income ? formatYuan(r.income) : ''}</td>
              <td style={numStyle}>{r.expenditure ? formatYuan(r.expenditure) : ''}</td>
            </tr>
          ))}
          <tr>
            <th scope="row" style={cellStyle}>
              {t('totals')}
            </th>
            <td style={numStyle}>{formatYuan(totals.income)}</td>
            <td style={numStyle}>{formatYuan(totals.expenditure)}</td>
          </tr>
          <tr>
            <th scope="row" style={cellStyle}>
              {t('closingBalance')}
            </th>
            <td style={numStyle} colSpan={2}>
              {formatYuan(finance.closingBalance)}
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

export function AttachmentList({
  attachments,
  onDownload,
}: {
  attachments: AttachmentView[];
  onDownload?: (a: AttachmentView) => void;
}) {
  const t = useT(messages);
  if (attachments.length === 0) return null;
  return (
    <section aria-label={t('attachments')}>
      <h3>{t('attachments')}</h3>
      {attachments.some((a) => a.sheets.length > 0) ? <p>{t('maskedNote')}</p> : null}
      {attachments.map((a) => (
        <div key={a.id}>
          {onDownload ? (
            <p>
              <Button variant="secondary" onClick={() => onDownload(a)}>
                {t('download', { name: a.filename })}
              </Button>
            </p>
          ) : (
            <p>{a.filename}</p>
          )}
          {a.sheets.map((s, si) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: sheets are positional.
            <div key={si} style={scrollStyle}>
              <table style={tableStyle}>
                <caption style={{ textAlign: 'left' }}>{`${a.filename} · ${s.name}`}</caption>
                <tbody>
                  {s.rows.map((row, ri) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional.
                    <tr key={ri}>
                      {row.map((cell, ci) =>
                        ri === 0 ? (
                          // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
                          <th key={ci} scope="col" style={cellStyle}>
                            {cell}
                          </th>
                        ) : (
                          // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
                          <td key={ci} style={cellStyle}>
                            {cell}
                          </td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
              {s.more > 0 ? <p>{t('moreRows', { n: s.more })}</p> : null}
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}
