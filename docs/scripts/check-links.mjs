// `node scripts/check-links.mjs <dir>`: serves the built site with linkinator, follows every link from the
// home page, and fails listing each broken link with the page it is on. Links to other origins are
// skipped (this check runs without internet, and http://localhost:8080/ is the platform, not this site).
// The copied Storybook (/storybook/) must exist and be linked; its entry page and the assets it links
// statically are checked like any other page (the rest it loads from JavaScript).
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { LinkChecker, LinkState } from 'linkinator';

const dir = resolve(process.argv[2] ?? 'doc_build');
const STORYBOOK = '/storybook/index.html';

if (!existsSync(join(dir, 'index.html'))) {
  console.error(`check-links: ${dir}/index.html is missing: build the site first (pnpm run build).`);
  process.exit(1);
}

/** A free TCP port for linkinator's static server, so that links to it can be told from other origins. */
function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

const port = await freePort();
const origin = `http://localhost:${port}`;

const result = await new LinkChecker().check({
  path: dir,
  port,
  recurse: true,
  concurrency: 8,
  timeout: 10_000,
  linksToSkip: async (link) => {
    let url;
    try {
      url = new URL(link);
    } catch {
      return false; // let linkinator report it
    }
    return url.origin !== origin; // external, mailto:, data:, the running platform …
  },
});

// linkinator reports links on its own server as paths under `dir`; show them as site paths.
const sitePath = (url) => {
  if (!url) return '(start)';
  if (url === dir) return '/';
  if (url.startsWith(`${dir}/`)) return url.slice(dir.length);
  if (url.startsWith(`${origin}/`)) return url.slice(origin.length);
  return url;
};

const byState = (state) => result.links.filter((link) => link.state === state);
const broken = byState(LinkState.BROKEN);
const problems = broken.map(
  (link) => `${sitePath(link.url)} (HTTP ${link.status || 'no response'}) on page ${sitePath(link.parent)}`,
);

if (!existsSync(join(dir, 'storybook', 'index.html'))) {
  problems.push(
    `${STORYBOOK} is missing from ${dir}: the Storybook copy step (scripts/copy-storybook.mjs) did not run.`,
  );
} else if (!result.links.some((link) => sitePath(link.url) === STORYBOOK)) {
  problems.push(`${STORYBOOK} exists but no page links to it.`);
}

const pages = new Set(result.links.map((link) => link.parent).filter(Boolean)).size;
console.log(
  `check-links: ${pages} pages crawled, ${byState(LinkState.OK).length} links OK, ` +
    `${byState(LinkState.SKIPPED).length} skipped, ${broken.length} broken`,
);
if (problems.length > 0) {
  for (const problem of problems) console.error(`  ✗ ${problem}`);
  process.exit(1);
}
