import { describe, expect, it } from 'vitest';
import { formatIssues } from './issues.js';
import { validateBuiltManifest, validateWidgetManifest } from './validate.js';

const pkg = { name: '@deqing/find-machinery', version: '1.0.0' };

function manifest(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'widget',
    county: '330521',
    title: { 'zh-CN': '找农机', en: 'Find machinery' },
    description: { 'zh-CN': '查找本村农机手，一键拨打电话' },
    category: 'agriculture',
    sdk: '^0.1.0',
    exposes: { './Tile': './src/tile/index.tsx', './Page': './src/page/index.tsx' },
    contributes: [
      { slot: 'village.home.tile/v1', expose: './Tile' },
      { slot: 'village.page/v1', expose: './Page', route: 'find-machinery', title: { 'zh-CN': '找农机' } },
      { slot: 'village.nav/v1', route: 'find-machinery', title: { 'zh-CN': '农机' } },
    ],
    capabilities: ['store.read', 'store.write'],
    ...overrides,
  };
}

function errorsOf(input: unknown, p: { name?: unknown; version?: unknown } = pkg) {
  const r = validateWidgetManifest(input, p);
  if (r.ok) throw new Error('expected the manifest to be rejected');
  return r.issues;
}

describe('validateWidgetManifest', () => {
  it('accepts a complete manifest and fills defaults', () => {
    const r = validateWidgetManifest(manifest({ capabilities: undefined }), pkg);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.name).toBe('@deqing/find-machinery');
      expect(r.value.capabilities).toEqual([]);
    }
  });

  it('rejects an unknown capability naming the field and the allowed values', () => {
    const issues = errorsOf(manifest({ capabilities: ['store.read', 'camera.spy'] }));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('capabilities[1]');
    expect(issues[0]?.en).toMatch(
      /^capabilities\[1\]: "camera\.spy" is not allowed, expected one of "user\.read", .*"store\.write"/,
    );
    expect(issues[0]?.zh).toMatch(/^capabilities\[1\]："camera\.spy" 无效，应为 /);
  });

  it('rejects an unknown slot', () => {
    const issues = errorsOf(manifest({ contributes: [{ slot: 'village.sidebar/v1', expose: './Tile' }] }));
    expect(issues.map((i) => i.path)).toContain('contributes[0].slot');
    expect(formatIssues(issues)).toContain(
      'contributes[0].slot: "village.sidebar/v1" is not allowed, expected one of "village.home.tile/v1", "village.page/v1", "village.nav/v1", "cadre.page/v1"',
    );
  });

  it('rejects a scope that belongs to another county', () => {
    const issues = errorsOf(manifest(), { name: '@yiyuan/find-machinery', version: '1.0.0' });
    expect(issues).toEqual([
      {
        path: 'name',
        en: 'name: scope @yiyuan belongs to county 370323 (沂源县), not 330521',
        zh: 'name：作用域 @yiyuan 属于 沂源县（370323），不属于 330521',
      },
    ]);
  });

  it('rejects a county that publishes under another scope', () => {
    const issues = errorsOf(manifest(), { name: '@someone/find-machinery', version: '1.0.0' });
    expect(issues[0]?.en).toBe('name: county 330521 (德清县) publishes under @deqing, not @someone');
  });

  it('rejects a contribution whose expose is not declared, and an expose no contribution uses', () => {
    const issues = errorsOf(
      manifest({
        exposes: { './Tile': './src/tile/index.tsx', './Extra': './src/extra.tsx' },
        contributes: [{ slot: 'village.home.tile/v1', expose: './Missing' }],
      }),
    );
    expect(formatIssues(issues)).toBe(
      [
        'contributes[0].expose: "./Missing" is not declared in "exposes" (declared: ./Tile, ./Extra)',
        'exposes../Tile: "./Tile" is exposed but no contribution uses it',
        'exposes../Extra: "./Extra" is exposed but no contribution uses it',
      ].join('\n'),
    );
  });

  it('requires route and title for pages, and a nav route that points at a page', () => {
    const issues = errorsOf(
      manifest({
        exposes: { './Page': './src/page.tsx' },
        contributes: [
          { slot: 'village.page/v1', expose: './Page' },
          { slot: 'village.nav/v1', route: 'nowhere', title: { 'zh-CN': '去哪' } },
        ],
      }),
    );
    expect(formatIssues(issues, 'en').split('\n')).toEqual([
      'contributes[0].route: a page needs "route" (its URL segment)',
      'contributes[0].title: a page needs "title"',
      'contributes[1].route: navigation route "nowhere" matches no village.page/v1 route of this widget',
    ]);
  });

  it('names missing required fields and wrong types in both languages', () => {
    const { title: _t, ...noTitle } = manifest();
    const issues = errorsOf({ ...noTitle, sdk: 5 });
    expect(issues).toContainEqual({
      path: 'title',
      en: 'title: required object is missing',
      zh: 'title：缺少必填字段（应为对象）',
    });
    expect(issues).toContainEqual({
      path: 'sdk',
      en: 'sdk: expected string, received number',
      zh: 'sdk：应为字符串，实际是数字',
    });
  });

  it('rejects unknown fields, parent paths and a widget published with a province code', () => {
    const issues = errorsOf(manifest({ colour: 'red', icon: '../secret.svg', county: '330000' }));
    const text = formatIssues(issues);
    expect(text).toContain('(root): unknown field "colour"');
    expect(text).toContain('icon: a relative path inside the package (no "..", no leading "/")');
  });

  it('requires the province scope and a province code for standard modules', () => {
    const r = validateWidgetManifest(manifest({ kind: 'standard', county: '330000' }), {
      name: '@deqing/x',
      version: '1.0.0',
    });
    expect(r.ok).toBe(false);
    expect(formatIssues(r.issues)).toBe(
      'name: a standard module must be published under @cunmen, not @deqing',
    );
    expect(
      validateWidgetManifest(manifest({ kind: 'standard', county: '330000' }), {
        name: '@cunmen/x',
        version: '1.0.0',
      }).ok,
    ).toBe(true);
  });

  it('rejects a non-semver package version', () => {
    expect(formatIssues(errorsOf(manifest(), { name: pkg.name, version: 'latest' }))).toBe(
      'version: "latest" in package.json is not a semver version such as 1.0.0',
    );
  });
});

describe('validateBuiltManifest', () => {
  const integrity = `sha384-${'A'.repeat(64)}`;
  const built = {
    ...manifest(),
    manifestVersion: 1,
    name: '@deqing/find-machinery',
    version: '1.0.0',
    budget: { gzip: 1024 },
    remote: { name: 'deqing_find_machinery', entry: 'remoteEntry.js', manifest: 'mf-manifest.json' },
    shared: { react: '^19.0.0' },
    configSchema: null,
    configDefaults: null,
    assets: [
      { path: 'remoteEntry.js', size: 4000, gzip: 1500, integrity, contentType: 'text/javascript' },
      { path: 'mf-manifest.json', size: 900, gzip: 400, integrity, contentType: 'application/json' },
    ],
    size: { jsGzip: 1500, totalGzip: 1900, total: 4900 },
    builtWith: { '@cunmen/build': '0.1.0' },
  };

  it('reports a size-budget overrun with both figures', () => {
    const r = validateBuiltManifest(built);
    expect(r.ok).toBe(false);
    expect(formatIssues(r.issues)).toBe('size.jsGzip: 1500 bytes gzip exceeds the budget of 1024 bytes');
  });

  it('accepts the manifest within budget', () => {
    expect(validateBuiltManifest({ ...built, budget: { gzip: 2048 } }).ok).toBe(true);
  });

  it('rejects a remote entry that is not among the assets', () => {
    const r = validateBuiltManifest({
      ...built,
      budget: { gzip: 2048 },
      remote: { ...built.remote, entry: 'other.js' },
    });
    expect(formatIssues(r.issues)).toBe('remote.entry: "other.js" is not among the assets');
  });

  it('accepts per-expose asset lists that name declared exposes and listed assets', () => {
    const r = validateBuiltManifest({
      ...built,
      budget: { gzip: 2048 },
      exposeAssets: { [Object.keys(built.exposes)[0] as string]: ['remoteEntry.js'] },
    });
    expect(r.ok).toBe(true);
  });

  it('rejects an expose asset list for an undeclared expose or an unlisted file', () => {
    const key = Object.keys(built.exposes)[0] as string;
    const r = validateBuiltManifest({
      ...built,
      budget: { gzip: 2048 },
      exposeAssets: { './Nope': [], [key]: ['static/js/missing.js'] },
    });
    expect(r.ok).toBe(false);
    expect(formatIssues(r.issues)).toBe(
      [
        'exposeAssets../Nope: "./Nope" is not declared in "exposes"',
        `exposeAssets.${key}[0]: "static/js/missing.js" is not among the assets`,
      ].join('\n'),
    );
  });
});
