import { readFileSync } from 'node:fs';
import { SDK_VERSION } from '@cunmen/sdk';
import { describe, expect, it } from 'vitest';
import { HOST_SDK, HOST_SHARED, UI_VERSION } from './host.js';

const json = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));

describe('host versions', () => {
  it('are the versions of the packages the shell ships', () => {
    expect(HOST_SDK).toBe(SDK_VERSION);
    expect(UI_VERSION).toBe(json('../../../../packages/ui/package.json').version);
    const own = json('../../package.json');
    expect(HOST_SHARED.react).toBe(own.dependencies.react);
    expect(HOST_SHARED['react-dom']).toBe(own.dependencies.react);
    expect(Object.keys(HOST_SHARED).sort()).toEqual(
      ['@cunmen/sdk', '@cunmen/ui', 'react', 'react-dom', 'react/jsx-runtime'].sort(),
    );
  });

  it('match the React of the shell web app when it is in the tree', () => {
    let web: { dependencies?: Record<string, string>; devDependencies?: Record<string, string> } | null =
      null;
    try {
      web = json('../../../web/package.json');
    } catch {
      return;
    }
    const react = web?.dependencies?.react ?? web?.devDependencies?.react;
    if (react !== undefined) expect(react).toBe(HOST_SHARED.react);
  });
});
