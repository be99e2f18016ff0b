/**
 * The shared runtime a portal page loads once for all widgets — React, react-dom, the SDK, the UI kit
 * and the Module Federation runtime — built for the residents' browsers and measured in gzip bytes.
 * A byte budget, so it belongs in `npm test`; the figures are printed for the issue notes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { makeTempDir } from '@cunmen/test-utils';
import { createRsbuild } from '@rsbuild/core';
import { pluginReact } from '@rsbuild/plugin-react';
import { afterAll, describe, expect, it } from 'vitest';

const probes = fileURLToPath(new URL('../test/shared-runtime/', import.meta.url));
const BUDGET = 120 * 1024;

describe('shared runtime', () => {
  let tmp: Awaited<ReturnType<typeof makeTempDir>> | undefined;
  afterAll(async () => tmp?.remove());

  it(`fits the resident budget of ${BUDGET / 1024} KB gzip`, async () => {
    tmp = await makeTempDir('cunmen-shared-runtime-');
    const rsbuild = await createRsbuild({
      cwd: probes,
      rsbuildConfig: {
        mode: 'production',
        logLevel: 'warn',
        source: {
          entry: {
            all: join(probes, 'all.tsx'),
            react: join(probes, 'react.tsx'),
            federation: join(probes, 'federation.ts'),
          },
        },
        output: {
          distPath: { root: tmp.path },
          overrideBrowserslist: ['chrome >= 78', 'ios_saf >= 13'],
          sourceMap: false,
          legalComments: 'none',
          filenameHash: false,
        },
        performance: { chunkSplit: { strategy: 'all-in-one' } },
        tools: { htmlPlugin: false },
        plugins: [pluginReact()],
      },
    });
    await (await rsbuild.build()).close();
    const jsDir = join(tmp.path, 'static/js');
    const gz = (entry: string) =>
      readdirSync(jsDir)
        .filter((f) => f.startsWith(`${entry}.`) && f.endsWith('.js'))
        .reduce((n, f) => n + gzipSync(readFileSync(join(jsDir, f)), { level: 9 }).length, 0);
    const all = gz('all');
    const react = gz('react');
    const federation = gz('federation');
    console.log(
      `shared runtime: ${(all / 1024).toFixed(1)} KB gzip in all — React + react-dom ${(react / 1024).toFixed(1)} KB, MF runtime ${(federation / 1024).toFixed(1)} KB, SDK + UI kit + i18next ≈ ${((all - react - federation) / 1024).toFixed(1)} KB`,
    );
    expect(react).toBeGreaterThan(20 * 1024);
    expect(all).toBeGreaterThan(react + federation);
    expect(all).toBeLessThanOrEqual(BUDGET);
  }, 120_000);
});
