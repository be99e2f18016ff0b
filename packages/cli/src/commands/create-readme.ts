/**
 * The README of a new widget, written from the answers to `cunmen create` (not copied from the
 * template: a Markdown formatter would turn `__TITLE__` placeholders into bold text and they would
 * survive into the widget).
 */
import { KNOWN_COUNTY_SCOPES } from '@cunmen/manifest';
import { normalizeRegistry } from '../npmrc.js';

export interface ReadmeOptions {
  name: string;
  scope: string;
  county: string;
  title: string;
  registry: string;
}

function table(rows: Array<[string, string]>): string[] {
  const width = Math.max(...rows.map(([cmd]) => cmd.length));
  const pad = (text: string, n: number) => text + ' '.repeat(n - text.length);
  const descWidth = Math.max(...rows.map(([, what]) => what.length));
  return rows.map(([cmd, what], i) => {
    const line = `| ${pad(cmd, width)} | ${pad(what, descWidth)} |`;
    return i === 0 ? `${line}\n| ${'-'.repeat(width)} | ${'-'.repeat(descWidth)} |` : line;
  });
}

export function widgetReadme(options: ReadmeOptions): string {
  const full = `${options.scope}/${options.name}`;
  const registry = normalizeRegistry(options.registry);
  const countyName = KNOWN_COUNTY_SCOPES.find((s) => s.county === options.county)?.name;
  const county = countyName ? `${countyName} (county ${options.county})` : `county ${options.county}`;
  const commands = table([
    ['command', 'what it does'],
    ['`npm install`', `installs the toolchain; \`@cunmen\` and \`${options.scope}\` come from the registry`],
    ['`npm run dev`', 'runs the widget in the emulated shell (one tab per slot) with a mock host'],
    ['`npm test`', "unit tests (vitest + happy-dom, `@cunmen/sdk/testing`'s mock host)"],
    ['`npm run build`', 'builds the Module Federation remote into `dist/` with hashes and sizes'],
    ['`npm run validate`', 'checks `widget.json`, the scope and the build'],
    ['`npx cunmen publish`', 'publishes the build to the registry for provincial review'],
  ]);
  return [
    `# ${options.title} (\`${full}\`)`,
    '',
    `A Cunmen widget of ${county}, published under the scope \`${options.scope}\`, made with`,
    '`cunmen create`.',
    '',
    `- **Home tile** (\`village.home.tile/v1\`, \`src/tile/\`): shows the village's \`config.heading\` and`,
    '  opens the page.',
    `- **Page** (\`village.page/v1\`, \`src/page/\`) at the route \`${options.name}\`: on the village portal at`,
    `  \`/v/<village code>/p/${options.name}\`; also in the portal's navigation (\`village.nav/v1\`).`,
    `- **Config** (\`src/config.ts\`): what a village cadre sets — \`heading\` (default ${options.title}) and`,
    '  `pageSize`. The build turns it into the form and the defaults; unknown keys are refused.',
    '- **Manifest**: `widget.json` (slots, capabilities `store.read` and `store.write`).',
    '',
    ...commands,
    '',
    '## Registry',
    '',
    `The provincial registry is ${registry}. \`.npmrc\` takes \`@cunmen\` and \`${options.scope}\` packages`,
    'from it, and `publishConfig.registry` in `package.json` sends `npm publish`, `pnpm publish` and',
    '`cunmen publish` there only. Log in once before publishing (the password is read from standard',
    'input, never from the command line):',
    '',
    '```sh',
    `printf '%s' "$PASSWORD" | npx cunmen login --registry ${registry} --username <your user> --password-stdin`,
    '```',
    '',
  ].join('\n');
}
