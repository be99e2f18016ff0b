#!/usr/bin/env node
import { run } from './program.js';

run(process.argv.slice(2)).then((code) => {
  // dev keeps its servers running; every other command ends here.
  if (code !== 0 || !process.argv.includes('dev')) process.exitCode = code;
});
