// @vitest-environment node
/** The module's manifest and strings stay in step with the code (error codes: common/errors.test.ts). */
import { readFileSync } from 'node:fs';
import { validateWidgetManifest } from '@cunmen/manifest';
import { describe, expect, it } from 'vitest';
import { messages } from './i18n.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('widget.json', () => {
  it('is a valid standard-module manifest with module.api and user.read', () => {
    const manifest = JSON.parse(read('../widget.json'));
    const pkg = JSON.parse(read('../package.json'));
    const result = validateWidgetManifest(manifest, pkg);
    expect(result.issues).toEqual([]);
    expect(manifest.kind).toBe('standard');
    expect(manifest.capabilities).toEqual(['module.api', 'user.read']);
    const routes = manifest.contributes.map(
      (c: { slot: string; route?: string }) => `${c.slot}:${c.route ?? ''}`,
    );
    expect(routes).toEqual([
      'village.home.tile/v1:',
      'village.page/v1:affairs-disclosure',
      'village.nav/v1:affairs-disclosure',
      'cadre.page/v1:affairs-disclosure',
    ]);
  });
});

describe('i18n', () => {
  it('has the same keys and placeholders in zh-CN and en', () => {
    const zh = messages['zh-CN'];
    const en = messages.en;
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zh) as (keyof typeof zh)[])
      expect(vars(en[key]), key).toEqual(vars(zh[key]));
    for (const value of Object.values(zh)) expect(value).toMatch(/[\u4e00-\u9fff]|^\{\{/);
  });
});
