// Loaded with `--import` through NODE_OPTIONS (Node.js 20 refuses --cpu-prof there): on SIGUSR2 it starts
// profiling the process with the inspector, and it writes `<CUNMEN_BENCH_PROFILE_DIR>/<pid>.cpuprofile`
// when the process exits (or from its start with CUNMEN_BENCH_PROFILE_START=now). The signal comes once the load starts, so start-up and seeding stay out of it.
// An in-thread inspector session answers synchronously, so the profile is written inside 'exit'.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const dir = process.env.CUNMEN_BENCH_PROFILE_DIR;
if (dir) {
  const session = new Session();
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    session.connect();
    session.post('Profiler.enable');
    session.post('Profiler.start');
  };
  // A short-lived process (a build) is profiled from its first line instead.
  if (process.env.CUNMEN_BENCH_PROFILE_START === 'now') start();
  else process.on('SIGUSR2', start);
  process.once('exit', () => {
    if (!started) return;
    session.post('Profiler.stop', (err, result) => {
      if (!err) writeFileSync(join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
