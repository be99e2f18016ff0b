import { describe, expect, it } from 'vitest';
import { uplinkSetting } from './uplink-options.js';

const fail = (message: string): never => {
  throw new Error(message);
};

describe('uplinkSetting', () => {
  it('is off unless --uplink or $CUNMEN_UPLINK names a registry', () => {
    expect(uplinkSetting({}, {}, fail)).toBeUndefined();
    expect(uplinkSetting({}, { CUNMEN_UPLINK: '' }, fail)).toBeUndefined();
  });

  it('takes the flag over the environment, with the default timeout and max age', () => {
    expect(
      uplinkSetting({ uplink: 'https://mirror.example.gov.cn/npm/' }, { CUNMEN_UPLINK: 'http://x' }, fail),
    ).toEqual({
      url: 'https://mirror.example.gov.cn/npm/',
      timeoutMs: 30_000,
      maxAgeSeconds: 300,
    });
    expect(
      uplinkSetting(
        { 'uplink-timeout-ms': '5000', 'uplink-max-age': '60' },
        { CUNMEN_UPLINK: 'https://registry.npmjs.org/' },
        fail,
      ),
    ).toEqual({ url: 'https://registry.npmjs.org/', timeoutMs: 5000, maxAgeSeconds: 60 });
  });

  it('--no-uplink switches the environment off', () => {
    expect(
      uplinkSetting({ 'no-uplink': true }, { CUNMEN_UPLINK: 'https://registry.npmjs.org/' }, fail),
    ).toBeUndefined();
  });

  it.each([
    [
      { uplink: 'ftp://mirror' },
      '--uplink must be an http(s) registry URL without credentials, such as https://registry.npmjs.org/',
    ],
    [
      { uplink: 'https://user:secret@mirror/' },
      '--uplink must be an http(s) registry URL without credentials, such as https://registry.npmjs.org/',
    ],
    [
      { uplink: 'not a url' },
      '--uplink must be an http(s) registry URL without credentials, such as https://registry.npmjs.org/',
    ],
    [{ uplink: 'https://a/', 'no-uplink': true }, 'give --uplink or --no-uplink, not both'],
    [
      { uplink: 'https://a/', 'uplink-timeout-ms': '0' },
      '--uplink-timeout-ms must be a positive whole number',
    ],
    [{ uplink: 'https://a/', 'uplink-max-age': '1.5' }, '--uplink-max-age must be a positive whole number'],
  ])('refuses %j', (values, message) => {
    expect(() => uplinkSetting(values, {}, fail)).toThrow(message);
  });

  it('names the environment variable when that is what is wrong', () => {
    expect(() => uplinkSetting({}, { CUNMEN_UPLINK: 'registry.npmjs.org' }, fail)).toThrow(
      /^\$CUNMEN_UPLINK must be an http\(s\) registry URL/,
    );
  });
});
