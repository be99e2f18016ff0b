import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { freePort } from './ports.js';
import { startProcess } from './processes.js';

/** Alive means running: a zombie left for a container's PID 1 to reap counts as gone. */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) [ZX]/.test(stat);
  } catch {
    return false;
  }
}

describe('startProcess', () => {
  it('waits for the ready pattern and kills the whole process group on stop', async () => {
    const port = await freePort();
    const script = `
      const { spawn } = require('node:child_process');
      const grandchild = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      require('node:http').createServer((q, s) => s.end('ok')).listen(${port}, () => console.log('ready ' + grandchild.pid));
    `;
    const proc = await startProcess({
      command: process.execPath,
      args: ['-e', script],
      readyPattern: /ready (\d+)/,
    });
    const grandchildPid = Number(/ready (\d+)/.exec(proc.output())?.[1]);
    expect(isRunning(grandchildPid)).toBe(true);
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('ok');
    await proc.stop();
    await new Promise((r) => setTimeout(r, 200));
    expect(isRunning(grandchildPid)).toBe(false);
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });

  it('reports the output when the process dies before it is ready', async () => {
    await expect(
      startProcess({
        command: process.execPath,
        args: ['-e', 'console.error("boom"); process.exit(3)'],
        readyPattern: /never/,
      }),
    ).rejects.toThrow(/exited \(3\) before it was ready:\nboom/);
  });
});
