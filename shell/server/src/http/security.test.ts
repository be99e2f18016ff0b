import { describe, expect, it } from 'vitest';
import { MAX_SCRIPT_SOURCES_BYTES, portalPagePolicy } from './security.js';

const SRI = `sha384-${'A'.repeat(64)}`;
const widget = (base: string, assets: string[], capabilities: string[] = []) => ({
  assetBase: base,
  assets: Object.fromEntries(assets.map((a) => [a, SRI])),
  capabilities,
});
const policy = (...widgets: ReturnType<typeof widget>[]) =>
  portalPagePolicy(JSON.stringify({ widgets }), ['https://registry.example']);
const directive = (csp: string, name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));

const A = 'https://registry.example/-/assets/aaaa/';
const B = 'https://cdn.example/-/assets/bbbb/';

describe('the portal page policy', () => {
  it('allows exactly the placed versions’ signed scripts and stylesheets as path sources', () => {
    const { csp } = policy(
      widget(A, ['remoteEntry.js', 'static/js/1.js', 'static/css/a.css', 'mf-manifest.json', 'logo.png']),
      widget(B, ['remoteEntry.js', 'x.mjs']),
    );
    expect(directive(csp, 'script-src')).toBe(
      `script-src 'self' ${B}remoteEntry.js ${B}x.mjs ${A}remoteEntry.js ${A}static/js/1.js`,
    );
    expect(directive(csp, 'style-src')).toBe(`style-src 'self' 'unsafe-inline' ${A}static/css/a.css`);
    expect(directive(csp, 'img-src')).toBe(
      "img-src 'self' data: blob: https://cdn.example https://registry.example",
    );
    expect(directive(csp, 'form-action')).toBe("form-action 'self'");
    // Never a whole origin for scripts.
    expect(directive(csp, 'script-src')).not.toMatch(/ https:\/\/registry\.example( |$)/);
  });

  it('has only the shell itself without widgets', () => {
    const { csp, permissions } = policy();
    expect(directive(csp, 'script-src')).toBe("script-src 'self'");
    expect(permissions).toMatch(/^geolocation=\(\),/);
  });

  it.each([
    [['store.read'], 'geolocation=()'],
    [['location.read'], 'geolocation=(self)'],
  ])('geolocation with capabilities %j: %s', (capabilities, expected) => {
    expect(policy(widget(A, ['remoteEntry.js'], capabilities)).permissions.split(', ')[0]).toBe(expected);
  });

  it('lists each version’s hashed directory when the file list would overflow proxy header buffers', () => {
    const many = Array.from({ length: 200 }, (_, i) => `static/js/async/chunk-${i}.0123456789abcdef.js`);
    const { csp } = policy(widget(A, many), widget(B, ['remoteEntry.js']));
    expect(directive(csp, 'script-src')).toBe(`script-src 'self' ${B} ${A}`);
    expect(csp.length).toBeLessThan(MAX_SCRIPT_SOURCES_BYTES);
  });

  it('drops an asset path that would break out of the directive or its directory', () => {
    const { csp } = policy(widget(A, ["evil.js; script-src 'unsafe-inline'", '../other.js', 'ok.js']));
    expect(directive(csp, 'script-src')).toBe(`script-src 'self' ${A}ok.js`);
  });
});
