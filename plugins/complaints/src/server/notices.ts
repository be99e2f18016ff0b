/**
 * What 接诉即办 tells people through the shell's inbox (`ctx.notify`): the resident when their case is
 * accepted, answered or closed, and the township's staff when a case passes a time limit and is
 * escalated to them. Plain, short words an elderly resident understands; the case is named by the first
 * words of what the resident wrote.
 */
import type { Notice } from '@cunmen/module-api';
import type { ComplaintsContext } from './context.js';
import type { CaseRow } from './rows.js';

/** The first words of the resident's text, for “您反映的‘…’”. */
export function gist(text: string, max = 12): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}

/** The case's page on the resident's portal and on the staff console. */
const portalLink = (row: CaseRow) => `/v/${row.village}/p/complaints`;
const consoleLink = (row: CaseRow) => `/v/${row.village}/cadre/complaints`;

type ResidentStep = 'accept' | 'reply' | 'close';

const RESIDENT: Record<ResidentStep, { title: string; body: (g: string) => string }> = {
  accept: { title: '您反映的事已受理', body: (g) => `您反映的“${g}”已受理，我们会尽快办理` },
  reply: { title: '您反映的事有答复了', body: (g) => `您反映的“${g}”已有答复，点此查看` },
  close: { title: '您反映的事已办结', body: (g) => `您反映的“${g}”已办结，请点此评价` },
};

export function residentNotice(step: ResidentStep, row: CaseRow): Notice {
  const words = RESIDENT[step];
  return {
    to: { user: row.resident_id },
    title: words.title,
    body: words.body(gist(row.text)),
    link: portalLink(row),
  };
}

const LIMIT_WORDS = { accept: '受理', reply: '答复' } as const;

/** For the township staff a case was escalated to. */
export function escalationNotice(row: CaseRow, limit: 'accept' | 'reply', township: string): Notice {
  return {
    to: { role: 'township-staff', division: township },
    title: '有案件超时，已提级',
    body: `“${gist(row.text)}”（${row.tracking}）超过${LIMIT_WORDS[limit]}时限，已提级到乡镇督办，请尽快处理`,
    link: consoleLink(row),
  };
}

/** Sends a notice; a failure is logged and never undoes the step that caused it. */
export async function tell(c: ComplaintsContext, notice: Notice): Promise<void> {
  try {
    await c.notify(notice);
  } catch (err) {
    c.log.error({ err }, 'a notice could not be sent');
  }
}

export const isResidentStep = (action: string): action is ResidentStep =>
  action === 'accept' || action === 'reply' || action === 'close';
