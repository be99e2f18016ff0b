/**
 * No emoji anywhere in what residents and cadres see: an emoji renders as an empty box on a phone
 * without an emoji font and differently on every Android WebView generation WeChat runs on, so icons
 * come from the UI kit's SVG set (`Icon`, manifest `icon` names). This also keeps the test machines
 * free of an emoji font (scripts/lib/bootstrap.mjs installs only the CJK one).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const UI_SOURCE = /\.(tsx?|css|html|json)$/;
// Pictographs (emoji and their text-default cousins) and the emoji presentation selector.
const EMOJI = /\p{Extended_Pictographic}|\u{FE0F}/u;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : UI_SOURCE.test(name) ? [path] : [];
  });
}

const plugins = readdirSync(join(repo, 'plugins'));
const roots = [
  'shell/web/src',
  'packages/ui/src',
  'packages/ui/.storybook',
  ...plugins.flatMap((p) => [`plugins/${p}/src`, `plugins/${p}/widget.json`]),
];

describe('resident and cadre UI', () => {
  it('has no emoji in any source file (icons come from the UI kit)', () => {
    const files = roots.flatMap((r) => {
      const path = join(repo, r);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (EMOJI.test(line) ? [`${relative(repo, file)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it('the check finds an emoji', () => {
    for (const sample of ['🚜', '♻️', '⚠', '📋']) expect(EMOJI.test(sample), sample).toBe(true);
    for (const sample of ['首页', '‹', '×', '·', '！']) expect(EMOJI.test(sample), sample).toBe(false);
  });
});
