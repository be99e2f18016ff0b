// (f) Build time: `cunmen build` of the example widget 找农机 (plugins/find-machinery) against the same
// source built as a plain rsbuild Module Federation remote (bench/baselines/plain-remote), each a fresh
// process as a developer runs it, alternating so a change in the machine's load hits both alike.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { figure } from '../goals.mjs';
import { benchDir, root } from '../paths.mjs';
import { runToEnd } from '../processes.mjs';
import { summarize } from '../stats.mjs';
import { describeShares, profileRunning, profilingEnv, selfTimeByOrigin } from './profile.mjs';

const WIDGET = join(root, 'plugins', 'find-machinery');

async function timed(command, args, cwd, env) {
  const started = performance.now();
  await runToEnd(command, args, { cwd, env });
  return (performance.now() - started) / 1000;
}

const cunmenBuild = (env) =>
  timed(process.execPath, [join(root, 'packages', 'cli', 'dist', 'bin.js'), 'build'], WIDGET, env);

/** One more `cunmen build`, not timed, under the CPU profiler: where its main thread spends its time. */
async function profiledCause(out, say) {
  if (process.env.BENCH_PROFILE === '0') return '';
  say('build: one more `cunmen build` under the CPU profiler');
  const dir = join(out, '..', `${out.split('/').pop()}-profile`);
  mkdirSync(dir, { recursive: true });
  try {
    await cunmenBuild(profilingEnv(dir, true));
    const profile = profileRunning(dir, '/dist/bin.js');
    return profile
      ? `\`cunmen build\` main-thread self time: ${describeShares(selfTimeByOrigin(profile))}`
      : '';
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function buildPart({ runs, say }) {
  const out = mkdtempSync(join(tmpdir(), 'cunmen-bench-plain-remote-'));
  const cunmen = [];
  const plain = [];
  let cause = '';
  try {
    for (let run = 1; run <= runs; run++) {
      say(`build round ${run}/${runs}: cunmen build, then the plain rsbuild remote`);
      cunmen.push(
        await timed(process.execPath, [join(root, 'packages', 'cli', 'dist', 'bin.js'), 'build'], WIDGET),
      );
      plain.push(
        await timed(
          process.execPath,
          [join(benchDir, 'baselines', 'plain-remote', 'build.mjs'), WIDGET, out],
          WIDGET,
        ),
      );
    }
    cause = await profiledCause(out, say);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return {
    figures: [
      figure({
        id: 'build.find-machinery',
        measure: '`cunmen build` of 找农机 (plugins/find-machinery), wall time',
        unit: 's',
        better: 'lower',
        value: summarize(cunmen),
        baseline: { name: 'plain rsbuild MF remote', value: summarize(plain) },
        ratio: 1.2,
        note: cause,
      }),
    ],
    problems: [],
  };
}
