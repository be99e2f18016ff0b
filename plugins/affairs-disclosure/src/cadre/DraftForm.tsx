/**
 * A new draft (or an edit of a draft or a returned one): catalogue item, period, title, markdown-lite
 * text and, for finance items, the income/expenditure table. The server masks everything on save; the
 * masked preview opens right after.
 */
import { useModuleMutation, useModuleQuery, useT } from '@cunmen/sdk';
import { Button, Card, ErrorState, LoadingState, Select, TextArea, TextField } from '@cunmen/ui';
import { type FormEvent, useEffect, useState } from 'react';
import {
  addDays,
  type CatalogueAnswer,
  type CatalogueItem,
  chinaDate,
  type FinanceTable,
  financeTotals,
  formatYuan,
  type ItemView,
  LIMITS,
  type OriginalAnswer,
  parseYuan,
  periodContaining,
  periodKindOf,
} from '../common/web.js';
import { messages } from '../i18n.js';

interface Row {
  subject: string;
  income: string;
  expenditure: string;
}

const EMPTY_ROW: Row = { subject: '', income: '', expenditure: '' };
const yuan = (fen: number) => (fen / 100).toFixed(2);

/** The period a cadre most likely drafts now: the last finished one of the item's cadence. */
export function suggestedPeriod(item: Pick<CatalogueItem, 'cadence'>, now: Date): string {
  const today = chinaDate(now);
  if (item.cadence === 'immediate') return today;
  const kind = periodKindOf(item.cadence);
  return periodContaining(kind, addDays(periodContaining(kind, today).start, -1)).key;
}

export function DraftForm({
  editing,
  onSaved,
  onCancel,
}: {
  editing?: ItemView;
  onSaved(id: string): void;
  onCancel?: () => void;
}) {
  const t = useT(messages);
  const catalogue = useModuleQuery<CatalogueAnswer>('/catalogue');
  const mutation = useModuleMutation();
  const [key, setKey] = useState(editing?.catalogueKey ?? '');
  const [period, setPeriod] = useState(editing?.period ?? '');
  const [title, setTitle] = useState(editing?.title ?? '');
  const [body, setBody] = useState('');
  const [opening, setOpening] = useState(editing?.finance ? yuan(editing.finance.openingBalance) : '');
  const [closing, setClosing] = useState(editing?.finance ? yuan(editing.finance.closingBalance) : '');
  const [rows, setRows] = useState<Row[]>(
    editing?.finance
      ? editing.finance.rows.map((r) => ({
          subject: r.subject,
          income: yuan(r.income),
          expenditure: yuan(r.expenditure),
        }))
      : [{ ...EMPTY_ROW }],
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Editing starts from the unmasked original (this view is audited on the server), so saving again
  // does not turn masked text into the new original.
  const original = useModuleQuery<OriginalAnswer>(editing ? `/items/${editing.id}/original` : null);
  const loaded = original.data;
  useEffect(() => {
    if (!loaded) return;
    setTitle(loaded.title);
    setBody(loaded.body);
    if (loaded.finance) {
      setOpening(yuan(loaded.finance.openingBalance));
      setClosing(yuan(loaded.finance.closingBalance));
      setRows(
        loaded.finance.rows.map((r) => ({
          subject: r.subject,
          income: yuan(r.income),
          expenditure: yuan(r.expenditure),
        })),
      );
    }
  }, [loaded]);

  const items = catalogue.data?.items ?? [];
  const item = items.find((i) => i.key === key);
  const isFinance = item?.category === 'finance' || editing?.category === 'finance';

  function chooseItem(next: string) {
    setKey(next);
    const chosen = items.find((i) => i.key === next);
    if (chosen && !editing) setPeriod(suggestedPeriod(chosen, new Date()));
  }

  function setRow(i: number, patch: Partial<Row>) {
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  }

  /** The finance table in fen, or null with errors set. */
  function financeTable(next: Record<string, string>): FinanceTable | null {
    const filled = rows.filter((r) => r.subject.trim() || r.income.trim() || r.expenditure.trim());
    if (!opening.trim() && !closing.trim() && filled.length === 0) return null;
    const amount = (text: string, field: string) => {
      const v = parseYuan(text.trim() === '' ? '0' : text);
      if (v === null || Math.abs(v) > LIMITS.amount) next[field] = t('amountInvalid');
      return v ?? 0;
    };
    const table: FinanceTable = {
      openingBalance: amount(opening, 'opening'),
      rows: filled.map((r, i) => {
        if (!r.subject.trim()) next[`subject${i}`] = t('required', { field: t('subject') });
        return {
          subject: r.subject.trim(),
          income: amount(r.income, `income${i}`),
          expenditure: amount(r.expenditure, `expenditure${i}`),
        };
      }),
      closingBalance: amount(closing, 'closing'),
    };
    if (table.rows.length === 0) next.subject0 = t('required', { field: t('subject') });
    if (Object.keys(next).length === 0 && !financeTotals(table).balanced) next.closing = t('unbalanced');
    return table;
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!editing && !key) next.catalogueKey = t('mandatoryItem');
    if (!editing && !period.trim()) next.period = t('required', { field: t('periodLabel') });
    if (title.trim().length < 2) next.title = t('required', { field: t('titleLabel') });
    if (!body.trim()) next.body = t('required', { field: t('bodyLabel') });
    const finance = isFinance ? financeTable(next) : null;
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    const content = { title: title.trim(), body: body.trim(), ...(finance ? { finance } : {}) };
    const saved = editing
      ? await mutation.request<ItemView>('PUT', `/items/${editing.id}`, content)
      : await mutation.request<ItemView>('POST', '/items', {
          catalogueKey: key,
          period: period.trim(),
          ...content,
        });
    if (saved) onSaved(saved.id);
  }

  if ((catalogue.loading && !catalogue.data) || (editing && original.loading && !loaded))
    return <LoadingState />;
  if (catalogue.error) return <ErrorState message={catalogue.error.message} onRetry={catalogue.reload} />;

  const serverField = mutation.error?.field;
  const fieldError = (name: string) =>
    errors[name] ?? (serverField === name ? mutation.error?.message : undefined);
  let expected: string | null = null;
  if (isFinance) {
    const probe: Record<string, string> = {};
    const table = financeTable(probe);
    if (table && Object.keys(probe).every((k) => k === 'closing' && probe[k] === t('unbalanced')))
      expected = formatYuan(financeTotals(table).expectedClosing);
  }

  return (
    <Card title={editing ? t('editTitle') : t('draftTitle')}>
      <form onSubmit={onSubmit} noValidate>
        {editing ? (
          <p>
            {editing.catalogueTitle} · {editing.period}
          </p>
        ) : (
          <>
            <Select
              label={t('catalogueItem')}
              hint={t('catalogueHint')}
              required
              placeholder={t('chooseItem')}
              options={items.map((i) => ({
                value: i.key,
                label: `${i.title}（${t(`cat_${i.category}`)} · ${i.deadlineText}）`,
              }))}
              value={key}
              onValueChange={chooseItem}
              error={fieldError('catalogueKey')}
            />
            {item?.maskNames ? <p>{t('maskNamesOn')}</p> : null}
            <TextField
              label={t('periodLabel')}
              hint={t('periodHint')}
              required
              maxLength={10}
              value={period}
              onValueChange={setPeriod}
              error={fieldError('period')}
            />
          </>
        )}
        <TextField
          label={t('titleLabel')}
          required
          maxLength={LIMITS.title}
          value={title}
          onValueChange={setTitle}
          error={fieldError('title')}
        />
        <TextArea
          label={t('bodyLabel')}
          hint={t('bodyHint')}
          required
          maxLength={LIMITS.body}
          rows={8}
          value={body}
          onValueChange={setBody}
          error={fieldError('body')}
        />
        {isFinance ? (
          <fieldset style={{ border: '1px solid #c8cdd3', padding: 12, margin: '12px 0' }}>
            <legend>{t('financeEditor')}</legend>
            <TextField
              label={t('openingLabel')}
              inputMode="decimal"
              value={opening}
              onValueChange={setOpening}
              error={fieldError('opening')}
            />
            {rows.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional.
              <div key={i} style={{ borderTop: '1px dashed #c8cdd3', paddingTop: 8 }}>
                <TextField
                  label={t('subjectN', { n: i + 1 })}
                  maxLength={100}
                  value={r.subject}
                  onValueChange={(v) => setRow(i, { subject: v })}
                  error={errors[`subject${i}`]}
                />
                <TextField
                  label={t('incomeN', { n: i + 1 })}
                  inputMode="decimal"
                  value={r.income}
                  onValueChange={(v) => setRow(i, { income: v })}
                  error={errors[`income${i}`]}
                />
                <TextField
                  label={t('expenditureN', { n: i + 1 })}
                  inputMode="decimal"
                  value={r.expenditure}
                  onValueChange={(v) => setRow(i, { expenditure: v })}
                  error={errors[`expenditure${i}`]}
                />
                {rows.length > 1 ? (
                  <Button variant="secondary" onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
                    {t('removeRow', { n: i + 1 })}
                  </Button>
                ) : null}
              </div>
            ))}
            <p>
              <Button
                variant="secondary"
                disabled={rows.length >= LIMITS.financeRows}
                onClick={() => setRows((rs) => [...rs, { ...EMPTY_ROW }])}
              >
                {t('addRow')}
              </Button>
            </p>
            <TextField
              label={t('closingLabel')}
              inputMode="decimal"
              hint={expected ? t('closingHint', { amount: expected }) : undefined}
              value={closing}
              onValueChange={setClosing}
              error={
                fieldError('closing') ??
                (serverField?.startsWith('finance') ? mutation.error?.message : undefined)
              }
            />
          </fieldset>
        ) : null}
        {mutation.error &&
        !['catalogueKey', 'period', 'title', 'body'].includes(serverField ?? '') &&
        !serverField?.startsWith('finance') ? (
          <ErrorState message={mutation.error.message} />
        ) : null}
        <p>
          <Button type="submit" loading={mutation.pending}>
            {editing ? t('saveChanges') : t('saveDraft')}
          </Button>
          {onCancel ? (
            <>
              {' '}
              <Button variant="secondary" onClick={onCancel}>
                {t('cancel')}
              </Button>
            </>
          ) : null}
        </p>
      </form>
    </Card>
  );
}
