/** The audit log's records and its interface. */
/** What happened, by whom: one privileged action (publish, review, yank, deprecate, unpublish, token). */
export interface AuditEntry {
  /** User name, or `operator` for a command run on the server. */
  actor: string;
  /** e.g. `version.publish`, `version.approve`, `token.revoke` */
  action: string;
  /** What it acted on, e.g. `@deqing/find-machinery@1.0.0` or `user:alice`. */
  subject: string;
  detail?: Record<string, unknown>;
  /** Source IP of the request, or `local` for a command. */
  ip?: string;
}

export interface AuditRecord {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  detail: Record<string, unknown>;
  ip: string;
  prevHash: string;
  hash: string;
}

export type AuditVerification =
  | { ok: true; count: number; head: string }
  | { ok: false; count: number; head: string; problem: string; seq: number };

export interface AuditLog {
  append(entry: AuditEntry): Promise<AuditRecord>;
  list(options?: { after?: number; limit?: number }): Promise<AuditRecord[]>;
  /** Walks the chain from the first row: finds an edited, inserted or deleted row. */
  verify(): Promise<AuditVerification>;
}
