// `node scripts/run.mjs <bin> …`: runs a workspace binary after making sure pnpm and dependencies exist.
import { ensureDependencies, ensurePnpm, run } from './lib/bootstrap.mjs';

ensurePnpm();
ensureDependencies();
const [bin, ...args] = process.argv.slice(2);
process.exitCode = run('pnpm', ['exec', bin, ...args], { allowFailure: true });
