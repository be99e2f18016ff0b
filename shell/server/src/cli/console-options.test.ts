import type { CliContext } from '@cunmen/command-line';
import { describe, expect, it } from 'vitest';
import { consoleOptions } from './console-options.js';

class UsageError extends Error {}

const context = (values: CliContext['values']): CliContext => ({
  dataDir: '/tmp/unused',
  values,
  positionals: [],
  out: () => undefined,
  err: () => undefined,
  fail: (message) => {
    throw new UsageError(message);
  },
});

describe('the console and its cadre frame options', () => {
  it('passes the frame origin and the trusted county widgets to the console', () => {
    const options = consoleOptions(
      context({
        'console-port': '8081',
        'cadre-frame-port': '8082',
        'cadre-frame-url': 'https://frame.cunmen.example.gov.cn',
        'trusted-widget': ['@deqing/find-machinery', '@yiyuan/waste-pickup'],
      }),
      'https://cunmen.example.gov.cn',
    );
    expect(options).toEqual({
      consolePort: 8081,
      console: {
        url: 'http://127.0.0.1:8081',
        frame: { port: 8082, url: 'https://frame.cunmen.example.gov.cn' },
        trustedWidgets: ['@deqing/find-machinery', '@yiyuan/waste-pickup'],
      },
    });
  });

  it('leaves the frame to its defaults when no flag names it', () => {
    expect(consoleOptions(context({ 'console-port': '8081' }), undefined)).toEqual({
      consolePort: 8081,
      console: { url: 'http://127.0.0.1:8081' },
    });
  });

  it.each([
    [{ 'console-port': '8081', 'cadre-frame-port': '0' }, '--cadre-frame-port must be a port number'],
    [
      { 'console-port': '8081', 'cadre-frame-url': 'frame.example' },
      '--cadre-frame-url must be an http(s) URL such as https://registry.example.gov.cn',
    ],
    [
      { 'console-port': '8081', 'trusted-widget': ['find-machinery'] },
      '--trusted-widget "find-machinery" must be a widget name such as @deqing/find-machinery',
    ],
    [{ 'cadre-frame-port': '8082' }, '--cadre-frame-port needs --console-port'],
    [{ 'trusted-widget': ['@deqing/find-machinery'] }, '--trusted-widget needs --console-port'],
  ])('refuses %j', (values, message) => {
    expect(() => consoleOptions(context(values), undefined)).toThrow(new UsageError(message));
  });
});
