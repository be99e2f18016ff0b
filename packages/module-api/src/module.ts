/**
 * The one interface through which the shell server mounts a standard module's back end (the
 * Backstage/Fastify idea): a module is data — an id, the package whose widgets may call it, its
 * migrations and an encapsulated Fastify plugin — and everything it may use from the shell arrives in
 * `ModuleContext`. A module never imports the shell; the shell never imports a module's internals.
 *
 * The database in `ModuleContext.db` is SQLite in the embedded default and PostgreSQL in scale mode;
 * `ModuleContext.dialect` says which, and ./dialect.ts holds the helpers for what differs between them.
 *
 * Routes live under `/api/modules/<id>/`. Every request there is authenticated by the shell before the
 * module sees it: a widget credential of a version of `package` that holds the `module.api` capability
 * (granted at review), or no credential at all (`request.moduleCaller` is null, for public reads).
 */
import type { AuditEntry } from '@cunmen/audit-log';
import type { DivisionLevel } from '@cunmen/manifest';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Kysely, Migration } from 'kysely';
import type { ModuleDialect } from './dialect.js';
import type { Notice, ScheduledRun } from './notify.js';

export const MODULE_ID_PATTERN = /^[a-z][a-z0-9-]{1,39}$/;

export type { DivisionLevel };

export interface ModuleDivision {
  code: string;
  level: DivisionLevel;
  name: string;
  parent: string | null;
}

export interface ModuleDivisions {
  get(code: string): Promise<ModuleDivision | null>;
  /** The villages under a division prefix, by code. */
  villages(prefix: string): Promise<ModuleDivision[]>;
}

/** Content-addressed bytes (attachments, photos), scoped to the module; S3 in scale mode. */
export interface ModuleBlobs {
  /** Stores the bytes (idempotent) and returns their sha256 (hex). */
  put(bytes: Uint8Array): Promise<string>;
  get(sha256: string): Promise<Buffer | null>;
}

export interface ModuleAudit {
  /** Appends to the shell's hash-chained audit log; `action` is prefixed with `<module id>.`. */
  append(entry: AuditEntry): Promise<void>;
}

export interface ModuleContext {
  id: string;
  /**
   * The shell's database: SQLite in the embedded default, PostgreSQL in scale mode (several shell
   * instances share it). A module's tables are named `<id with _>_…` and created by its migrations.
   */
  // biome-ignore lint/suspicious/noExplicitAny: the tables are the module's own; it types its queries itself.
  db: Kysely<any>;
  /**
   * Which SQL `db` speaks, read from its adapter by `mountModule` (the shell does not pass it). Write
   * one query for both and put what must differ in a named helper (`skipLocked`, `addSerialId` …).
   */
  dialect: ModuleDialect;
  audit: ModuleAudit;
  blobs: ModuleBlobs;
  divisions: ModuleDivisions;
  /** The clock; tests move it to check time limits. */
  now(): Date;
  log: FastifyBaseLogger;
  /**
   * Puts a short notice in the inbox (消息) of one user (`{ user: id }`) or of every staff member of a
   * role in one division (`{ role, division }`), and sends it by WeChat to a resident who bound it
   * (./notify.ts). A notice that fails the schema throws; a WeChat failure is logged, never thrown.
   * Call it after your transaction commits: on the embedded SQLite the inbox is written over the one
   * connection a transaction would still hold (the same holds for `divisions`).
   */
  notify(notice: Notice): Promise<void>;
  /**
   * Registers work the shell runs every `everyMs` with no request (in the embedded default in-process;
   * with several instances on one database, once per tick on one of them). Call it from `routes`; the
   * same name registered again (the console mounts modules too) replaces the earlier one.
   */
  schedule(name: string, everyMs: number, run: ScheduledRun): void;
}

/** What the shell hands `mountModule`: the context without `dialect`, which module-api reads from `db`. */
export type ShellContext = Omit<ModuleContext, 'dialect'>;

export interface ShellModule {
  /** `/api/modules/<id>`; also the prefix of its tables and audit actions. */
  id: string;
  /** The npm package whose widgets call these routes, e.g. `@cunmen/complaints`. */
  package: string;
  /** Run in name order with Kysely's Migrator, recorded in `module_<id>_migration`. */
  migrations: Record<string, Migration>;
  /** Registered in its own encapsulated scope under the module's prefix. */
  routes(app: FastifyInstance, context: ModuleContext): Promise<void>;
}

export function defineModule(module: ShellModule): ShellModule {
  if (!MODULE_ID_PATTERN.test(module.id)) {
    throw new Error(`module id "${module.id}" must match ${MODULE_ID_PATTERN}`);
  }
  if (!/^@[a-z0-9-]+\/[a-z0-9-]+$/.test(module.package)) {
    throw new Error(`module package "${module.package}" must be a scoped npm name`);
  }
  return module;
}

export function modulePrefix(id: string): string {
  return `/api/modules/${id}`;
}

/** The migration tables of one module, so modules never share Kysely's bookkeeping. */
export function migrationTables(id: string): { migrationTableName: string; migrationLockTableName: string } {
  const base = `module_${id.replace(/-/g, '_')}_migration`;
  return { migrationTableName: base, migrationLockTableName: `${base}_lock` };
}
