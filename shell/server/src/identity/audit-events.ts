/**
 * Audit entries that other areas of the shell record about identity and credentials, written one way.
 * The host API calls `recordCredentialIssued` when it mints a widget credential (`POST /widget-token`
 * does not pass through this plugin), so who obtained which widget's credential, where, is on record.
 */
import type { AuditLog } from '@cunmen/audit-log';

export interface CredentialIssue {
  village: string;
  widget: string;
  version: string;
  /** The signed-in user the credential is bound to, or null (nobody signed in). */
  user: string | null;
  /** The capabilities the credential carries. */
  capabilities: readonly string[];
  /** The request's source address. */
  ip: string;
}

export async function recordCredentialIssued(audit: AuditLog, issue: CredentialIssue): Promise<void> {
  await audit.append({
    actor: issue.user ?? 'anonymous',
    action: 'widget.credential-issue',
    subject: `village:${issue.village}`,
    detail: { widget: issue.widget, version: issue.version, capabilities: [...issue.capabilities] },
    ip: issue.ip,
  });
}
