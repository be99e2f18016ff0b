/** Terminal output for the CLI: English for developers, one line per problem, colour only on a TTY. */
import type { ManifestIssue } from '@cunmen/manifest';

const tty = process.stdout.isTTY === true && process.env.NO_COLOR === undefined;
const paint = (code: number) => (text: string) => (tty ? `\x1b[${code}m${text}\x1b[0m` : text);
export const red = paint(31);
export const green = paint(32);
export const yellow = paint(33);
export const dim = paint(2);
export const bold = paint(1);

export function printIssues(
  issues: readonly ManifestIssue[],
  stream: NodeJS.WritableStream = process.stderr,
): void {
  for (const issue of issues) stream.write(`${red('✗')} ${issue.en}\n`);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** A failure the CLI reports as one message and a non-zero exit, never a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
    readonly issues: ManifestIssue[] = [],
  ) {
    super(message);
    this.name = 'CliError';
  }
}
