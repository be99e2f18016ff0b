import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir } from '@cunmen/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { CliError } from '../output.js';
import {
  type CreateOptions,
  PLACEHOLDER,
  scaffoldWidget,
  TEMPLATE_DIR,
  TEMPLATE_MANAGED_FILES,
} from './create.js';
import { THIRD_PARTY } from './create-package.js';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const temps: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const remove of temps.splice(0)) await remove();
});

async function tempDir() {
  const t = await makeTempDir('cunmen-create-unit-');
  temps.push(t.remove);
  return t.path;
}

const base: Omit<CreateOptions, 'dir'> = {
  name: 'find-tractor',
  scope: '@deqing',
  county: '330521',
  title: '找拖拉机',
  registry: 'http://registry.test:4873',
  deps: { kind: 'registry' },
};

/** Every file of a created widget, as path → text. */
function filesOf(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (at: string) => {
    for (const e of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, e.name);
      if (e.isDirectory()) walk(path);
      else out.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

describe('scaffoldWidget', () => {
  it('writes a package whose manifest, package.json and .npmrc agree', async () => {
    const dir = join(await tempDir(), 'w');
    scaffoldWidget({ ...base, dir });
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const widget = JSON.parse(readFileSync(join(dir, 'widget.json'), 'utf8'));
    expect(pkg.name).toBe('@deqing/find-tractor');
    expect(pkg.devDependencies['@cunmen/sdk']).toMatch(/^\^\d+\.\d+\.\d+$/);
    expect(widget.contributes[1]).toEqual({
      slot: 'village.page/v1',
      expose: './Page',
      route: 'find-tractor',
      title: { 'zh-CN': '找拖拉机' },
    });
    expect(readFileSync(join(dir, '.npmrc'), 'utf8')).toBe(
      '@cunmen:registry=http://registry.test:4873/\n@deqing:registry=http://registry.test:4873/\n',
    );
    expect(readFileSync(join(dir, 'src/tile/index.tsx'), 'utf8')).toContain('defineTile(FindTractorTile)');
    expect(readFileSync(join(dir, 'src/config.ts'), 'utf8')).toContain(".default('找拖拉机')");
    expect(existsSync(join(dir, '.gitignore'))).toBe(true);
    expect(readFileSync(join(dir, 'pnpm-workspace.yaml'), 'utf8')).toContain('allowBuilds:');
  });

  it('names the registry for the province scope and the county scope only, with a trailing slash', async () => {
    const dir = join(await tempDir(), 'w');
    scaffoldWidget({
      ...base,
      dir,
      scope: '@yiyuan',
      county: '370323',
      registry: 'https://registry.example.gov.cn/npm',
    });
    expect(readFileSync(join(dir, '.npmrc'), 'utf8')).toBe(
      '@cunmen:registry=https://registry.example.gov.cn/npm/\n@yiyuan:registry=https://registry.example.gov.cn/npm/\n',
    );
  });

  it('writes no .npmrc when @cunmen packages come from a checkout', async () => {
    const parent = await tempDir();
    scaffoldWidget({ ...base, dir: join(parent, 'local'), deps: { kind: 'local', checkout: repo } });
    expect(existsSync(join(parent, 'local', '.npmrc'))).toBe(false);
  });

  it.each<[string, CreateOptions['deps']]>([
    ['registry', { kind: 'registry' }],
    ['local', { kind: 'local', checkout: repo }],
    ['workspace', { kind: 'workspace' }],
  ])(
    'sends npm publish and pnpm publish to the provincial registry only (%s dependencies)',
    async (_, deps) => {
      const dir = join(await tempDir(), 'w');
      scaffoldWidget({ ...base, dir, deps });
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      expect(pkg.publishConfig).toEqual({ registry: 'http://registry.test:4873/' });
    },
  );

  it("decides every install script for npm and pnpm, lets the province's packages past pnpm's release-age gate, keeps storybook and its renderer equal", async () => {
    const dir = join(await tempDir(), 'w');
    scaffoldWidget({ ...base, dir });
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(pkg.allowScripts).toEqual({ esbuild: false });
    expect(readFileSync(join(dir, 'pnpm-workspace.yaml'), 'utf8')).toContain(
      "allowBuilds:\n  esbuild: false\nminimumReleaseAgeExclude:\n  - '@cunmen/*'\n  - '@deqing/*'\n",
    );
    expect(pkg.devDependencies['@storybook/react']).toBe(pkg.devDependencies.storybook);
    expect(THIRD_PARTY['@storybook/react']).toBe(THIRD_PARTY.storybook);
  });

  it('fills the README from the answers: title, name, county, scope, route and registry', async () => {
    const dir = join(await tempDir(), 'w');
    scaffoldWidget({ ...base, dir });
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(readme.split('\n')[0]).toBe('# 找拖拉机 (`@deqing/find-tractor`)');
    expect(readme).toContain(
      'A Cunmen widget of 德清县 (county 330521), published under the scope `@deqing`',
    );
    expect(readme).toContain('`/v/<village code>/p/find-tractor`');
    expect(readme).toContain('`heading` (default 找拖拉机)');
    expect(readme).toContain('The provincial registry is http://registry.test:4873/.');
    expect(readme).toContain(
      'npx cunmen login --registry http://registry.test:4873/ --username <your user> --password-stdin',
    );
  });

  it.each<[string, Partial<CreateOptions>]>([
    ['a known county, registry dependencies', {}],
    ['a county the CLI does not know', { scope: '@xianju', county: '331024', name: 'tea-garden' }],
    ['a local checkout', { deps: { kind: 'local', checkout: repo } }],
  ])('leaves no template placeholder in any file (%s)', async (_, change) => {
    const dir = join(await tempDir(), 'w');
    scaffoldWidget({ ...base, ...change, dir });
    const files = filesOf(dir);
    expect([...files.keys()]).toEqual(
      expect.arrayContaining(['README.md', 'src/config.ts', 'src/tile/Tile.tsx']),
    );
    const left = [...files].filter(
      ([, text]) => PLACEHOLDER.test(text) || /\*\*(TITLE|COUNTY)\*\*/.test(text),
    );
    expect(left.map(([path]) => path)).toEqual([]);
  });

  it('names the county by its code alone when the CLI does not know its name', async () => {
    const dir = join(await tempDir(), 'w');
    scaffoldWidget({ ...base, dir, scope: '@xianju', county: '331024', name: 'tea-garden' });
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain(
      'A Cunmen widget of county 331024, published under the scope `@xianju`',
    );
  });

  const bad: Array<[string, Partial<CreateOptions>, string]> = [
    [
      'an invalid name',
      { name: 'Find_Tractor' },
      'name: "Find_Tractor" must be lower-case letters, digits and dashes, starting with a letter (e.g. find-machinery)',
    ],
    [
      'the province scope',
      { scope: '@cunmen' },
      "--scope: @cunmen is the province's scope; use your county's scope",
    ],
    [
      'a scope of another county',
      { scope: '@yiyuan' },
      'name: scope @yiyuan belongs to county 370323 (沂源县), not 330521',
    ],
    [
      'a province code as county',
      { county: '330000' },
      'county: "330000" is not a county code (6 digits, not ending in 00)',
    ],
  ];
  for (const [what, change, message] of bad) {
    it(`refuses ${what} and writes nothing`, async () => {
      const parent = await tempDir();
      const dir = join(parent, 'w');
      let error: unknown;
      try {
        scaffoldWidget({ ...base, ...change, dir });
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).issues.map((i) => i.en)).toContain(message);
      expect(readdirSync(parent)).toEqual([]);
    });
  }

  it('never overwrites a folder that has files', async () => {
    const dir = join(await tempDir(), 'w');
    mkdirSync(dir);
    writeFileSync(join(dir, 'keep.txt'), 'mine');
    expect(() => scaffoldWidget({ ...base, dir })).toThrow(/already exists and is not empty/);
    expect(readdirSync(dir)).toEqual(['keep.txt']);
  });
});

describe("the repository's own widgets", () => {
  // County widgets come from the template; standard modules (kind "standard") have a server half and
  // their own build and test set-up, so only their .storybook files follow the template.
  const all = readdirSync(join(repo, 'plugins')).filter((name) =>
    existsSync(join(repo, 'plugins', name, 'widget.json')),
  );
  const kindOf = (name: string) =>
    (JSON.parse(readFileSync(join(repo, 'plugins', name, 'widget.json'), 'utf8')) as { kind: string }).kind;
  const widgets = all.filter((name) => kindOf(name) === 'widget');
  const standard = all.filter((name) => kindOf(name) === 'standard');

  it('exist', () => {
    expect(widgets).toEqual(expect.arrayContaining(['find-machinery', 'waste-pickup']));
    expect(standard).toEqual(expect.arrayContaining(['affairs-disclosure', 'complaints']));
  });

  for (const name of standard) {
    it(`${name} (a standard module) keeps the template's Storybook files`, () => {
      for (const file of TEMPLATE_MANAGED_FILES.filter((f) => f.startsWith('.storybook/'))) {
        expect(readFileSync(join(repo, 'plugins', name, file), 'utf8'), `${name}/${file}`).toBe(
          readFileSync(join(TEMPLATE_DIR, file), 'utf8'),
        );
      }
    });
  }

  for (const name of widgets) {
    it(`${name} keeps the current template's managed files`, () => {
      for (const file of TEMPLATE_MANAGED_FILES) {
        const templateFile = join(TEMPLATE_DIR, file === '.gitignore' ? 'gitignore' : file);
        expect(readFileSync(join(repo, 'plugins', name, file), 'utf8'), `${name}/${file}`).toBe(
          readFileSync(templateFile, 'utf8'),
        );
      }
    });
  }
});
