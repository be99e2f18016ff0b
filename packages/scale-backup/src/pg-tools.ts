/**
 * PostgreSQL's own dump and restore programs: the only tools that copy every object of a database
 * (tables, sequences, indexes, extensions such as pg_trgm) the way the server itself understands them.
 * They come with the server's client package; `PG_BIN` names their directory when they are not on PATH.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ScaleBackupError } from './format.js';

export type PgTool = 'pg_dump' | 'pg_restore';

export function pgToolPath(tool: PgTool, env: NodeJS.ProcessEnv = process.env): string {
  return env.PG_BIN ? join(env.PG_BIN, tool) : tool;
}

/** Runs the tool; a failure becomes a refusal naming the tool and its last error lines. */
export function runPgTool(tool: PgTool, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const path = pgToolPath(tool, env);
  return new Promise((resolve, reject) => {
    const child = spawn(path, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4000);
    });
    child.on('error', (err: NodeJS.ErrnoException) => {
      reject(
        new ScaleBackupError(
          err.code === 'ENOENT'
            ? `${tool} not found (${path}): install PostgreSQL's client programs of the server's major version, or set PG_BIN to their directory`
            : `${tool} could not start: ${err.message}`,
        ),
      );
    });
    child.on('close', (code) => {
      if (code === 0) resolve();
      else {
        const lines = stderr.trim().split('\n').slice(-3).join(' / ');
        reject(new ScaleBackupError(`${tool} failed (exit ${code}): ${lines}`));
      }
    });
  });
}
