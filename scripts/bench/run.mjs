// `npm run bench [-- --only home,registry] [--compare <baseline.json>]`: installs what is missing,
// builds what the selected parts run (every package but the docs for the home; the registry and its
// test helpers for the registry and search parts), then runs the harness (bench/src/cli.mjs), which
// starts every server it measures itself. Not part of `npm test`: a full run takes up to 20 minutes.
import { join } from 'node:path';
import { ensureDependencies, ensurePnpm, log, root, run } from '../lib/bootstrap.mjs';

ensurePnpm();
ensureDependencies();
const args = process.argv.slice(2);
const onlyAt = args.findIndex((a) => a === '--only' || a.startsWith('--only='));
const only =
  onlyAt === -1
    ? null
    : (args[onlyAt].includes('=') ? args[onlyAt].split('=')[1] : (args[onlyAt + 1] ?? '')).split(',');
const needsPlatform = only === null || only.includes('home');
const filters = needsPlatform
  ? ['--filter=!@cunmen/docs', '--filter=!@cunmen/bench']
  : ['--filter=@cunmen/registry...', '--filter=@cunmen/test-utils...'];
log(`building ${needsPlatform ? 'the platform' : 'the registry'}`);
run('pnpm', ['exec', 'turbo', 'run', 'build', ...filters, '--concurrency=2', '--output-logs=errors-only']);
process.exitCode = run(process.execPath, [join(root, 'bench', 'src', 'cli.mjs'), ...args], {
  allowFailure: true,
});
