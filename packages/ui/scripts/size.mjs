/**
 * Prints the gzip size of the built ESM (`dist/**\/*.js`, as emitted and minified the way the shell's
 * bundler will) and of `src/styles.css`, and fails when the minified JS or the CSS exceeds its budget
 * (the resident first load has 150 KB gzip in total, React included).
 * Run after `pnpm run build`: `pnpm run size`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rspack } from '@rsbuild/core';

const BUDGET = { js: 12 * 1024, css: 6 * 1024 };
const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const gz = (buffer) => gzipSync(buffer, { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;

let js;
try {
  js = files(dist).filter((f) => f.endsWith('.js'));
} catch {
  console.error('dist/ is missing: run `pnpm run build` first');
  process.exit(1);
}
const jsBuffers = js.map((f) => readFileSync(f));
const jsRaw = jsBuffers.reduce((n, b) => n + b.length, 0);
const jsEach = jsBuffers.reduce((n, b) => n + gz(b), 0);
const jsBundled = gz(Buffer.concat(jsBuffers));
const minified = await Promise.all(
  jsBuffers.map(async (b) => {
    const { code } = await rspack.experiments.swc.minify(b.toString('utf8'), {
      compress: true,
      mangle: true,
      module: true,
      format: { comments: false },
    });
    return Buffer.from(code);
  }),
);
const jsMin = gz(Buffer.concat(minified));
const cssMin = Buffer.from(
  css0()
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};:,>])\s*/g, '$1'),
);
/** styles.css with its `@import`s inlined, as the host's bundler emits it. */
function css0(file = join(root, 'src/styles.css')) {
  return readFileSync(file, 'utf8').replace(/@import ["']([^"']+)["'];/g, (_, rel) =>
    css0(join(dirname(file), rel)),
  );
}
const css = Buffer.from(css0());
const cssGz = gz(css);

console.log(
  `dist JS: ${js.length} files, ${kb(jsRaw)} raw; gzip ${kb(jsBundled)} as emitted (one stream), ` +
    `${kb(jsEach)} file by file; minified + gzip ${kb(jsMin)}`,
);
console.log(
  `styles.css: ${kb(css.length)} raw, gzip ${kb(cssGz)}; whitespace/comments stripped + gzip ${kb(gz(cssMin))}`,
);
for (const f of js)
  if (process.argv.includes('--verbose')) console.log(`  ${relative(root, f)} ${kb(gz(readFileSync(f)))}`);

let failed = false;
if (jsMin > BUDGET.js) {
  console.error(`JS over budget: ${kb(jsMin)} > ${kb(BUDGET.js)}`);
  failed = true;
}
if (cssGz > BUDGET.css) {
  console.error(`CSS over budget: ${kb(cssGz)} > ${kb(BUDGET.css)}`);
  failed = true;
}
process.exit(failed ? 1 : 0);
