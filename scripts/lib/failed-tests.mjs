/**
 * The names of the failed tests in a Vitest JSON report, for the last lines `npm test` prints: CI keeps
 * only the tail of a long log, where the failing package's own output may no longer be.
 */
import { relative } from 'node:path';

/**
 * One line per failed test (`suite › file › full name`), and one per file that failed without a failed
 * test (a hook that timed out, an import that threw), with the first line of its message.
 */
export function failedTests(report, suite, root) {
  const lines = [];
  for (const file of report.testResults ?? []) {
    const where = `${suite} › ${relative(root, file.name)}`;
    const failed = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const a of failed) lines.push(`${where} › ${a.fullName}`);
    if (failed.length === 0 && file.status === 'failed') {
      const first = String(file.message ?? '').split('\n')[0] || 'failed';
      lines.push(`${where}: ${first}`);
    }
  }
  return lines;
}
