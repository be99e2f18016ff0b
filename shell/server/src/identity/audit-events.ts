/**
 * Audit entries that other areas of the shell record about identity and credentials, written one way.
 * The host API calls `recordCredentialIssued` when it mints widget credentials bound to a signed-in user
 * (a page load's exchange: one entry naming every widget; a renewal: one entry), so who obtained which
 * widget's credential, where, is on record. Credentials of nobody signed in reach only public data and
 * come with every visitor's page load: they are not recorded, which keeps the hash-chained log from
 * becoming a page-view counter.
 */
import type { AuditLog } from '@cunmen/audit-log';

export interface CredentialIssue {
  village: string;
  /** `exchange` (a page load's credentials), `renew` (one renewed) or `console` (a cadre page's, by name). */
  how: 'exchange' | 'renew' | 'console';
  /** Each widget with its version and the capabilities its credential carries. */
  widgets: readonly { widget: string; version: string; capabilities: readonly string[] }[];
  /** The signed-in user's login name the credentials are bound to. */
  user: string;
  /** The request's source address. */
  ip: string;
}

const ACTIONS = {
  exchange: 'widget.credentials-issue',
  renew: 'widget.credential-renew',
  console: 'widget.credential-issue-console',
} as const;

export async function recordCredentialIssued(audit: AuditLog, issue: CredentialIssue): Promise<void> {
  await audit.append({
    actor: issue.user,
    action: ACTIONS[issue.how],
    subject: `village:${issue.village}`,
    detail: {
      widgets: issue.widgets.map((w) => ({ ...w, capabilities: [...w.capabilities] })),
    },
    ip: issue.ip,
  });
}
