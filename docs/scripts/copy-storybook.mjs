// Runs after `rspress build`: copies the UI kit's Storybook (packages/ui/storybook-static/, built by
// `@cunmen/ui`'s own build) into the site as doc_build/storybook/, so /storybook/index.html works.
import { cpSync, existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const docsDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(docsDir, process.argv[2] ?? 'doc_build');
const require = createRequire(import.meta.url);
const uiDir = dirname(require.resolve('@cunmen/ui/package.json'));
const source = join(uiDir, 'storybook-static');
const target = join(outDir, 'storybook');

const fail = (message) => {
  console.error(`copy-storybook: ${message}`);
  process.exit(1);
};

if (!existsSync(join(outDir, 'index.html'))) {
  fail(`${relative(process.cwd(), outDir) || '.'}/index.html is missing: run \`rspress build\` first.`);
}
if (!existsSync(join(source, 'index.html'))) {
  fail(
    `${relative(process.cwd(), source)}/index.html is missing: the UI kit's Storybook has not been built.\n` +
      'Build it with `pnpm --filter @cunmen/ui build`, or build the docs through turbo, which builds it first:\n' +
      '`pnpm exec turbo run build --filter @cunmen/docs`.',
  );
}

rmSync(target, { recursive: true, force: true });
cpSync(source, target, { recursive: true });
console.log(`copy-storybook: ${relative(process.cwd(), source)} → ${relative(process.cwd(), target)}`);
