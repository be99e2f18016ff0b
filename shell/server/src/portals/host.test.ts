import { readFileSync } from 'node:fs';
import { SHARED_SINGLETONS } from '@cunmen/manifest';
import { describe, expect, it } from 'vitest';
import { HOST_SDK, HOST_SHARED } from './host.js';

const json = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));

describe('host versions', () => {
  it('are the versions of the packages the shell ships, every singleton of the table', () => {
    expect(HOST_SDK).toBe(json('../../../../packages/sdk/package.json').version);
    expect(HOST_SHARED['@cunmen/ui']).toBe(json('../../../../packages/ui/package.json').version);
    expect(Object.keys(HOST_SHARED).sort()).toEqual(
      ['@cunmen/sdk', '@cunmen/ui', 'react', 'react-dom', 'react/jsx-runtime'].sort(),
    );
    for (const [name, row] of Object.entries(SHARED_SINGLETONS)) expect(HOST_SHARED[name]).toBe(row.version);
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
    if (react !== undefined) {
      expect(react).toBe(HOST_SHARED.react);
      expect(web?.dependencies?.['react-dom']).toBe(HOST_SHARED['react-dom']);
    }
  });
});
