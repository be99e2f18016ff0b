import { describe, expect, it } from 'vitest';
import {
  CapabilityDeniedError,
  HostError,
  invalidArgument,
  isCapabilityDenied,
  isHostError,
  SDK_ERROR_CODES,
  toHostError,
} from './errors.js';

describe('SDK_ERROR_CODES', () => {
  it('documents every code with a zh-CN message and an English description', () => {
    for (const [code, text] of Object.entries(SDK_ERROR_CODES)) {
      expect(code).toMatch(/^SDK_ERR_[A-Z_]+$/);
      expect(text['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(text.en.length).toBeGreaterThan(10);
    }
  });

  it('uses the network message the design asks for', () => {
    expect(SDK_ERROR_CODES.SDK_ERR_NETWORK['zh-CN']).toBe('网络不稳定，请稍后重试');
  });
});

describe('HostError', () => {
  it('takes its message and detail from the table for SDK codes', () => {
    const error = new HostError({ code: 'SDK_ERR_NETWORK' });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('HostError');
    expect(error.message).toBe('网络不稳定，请稍后重试');
    expect(error.detail).toBe(SDK_ERROR_CODES.SDK_ERR_NETWORK.en);
    expect(error.status).toBeUndefined();
  });

  it('keeps a server code, status, message and request id', () => {
    const error = new HostError({ code: 'SHELL_ERR_X', status: 500, message: '服务器错误', requestId: 'r1' });
    expect(error).toMatchObject({ code: 'SHELL_ERR_X', status: 500, message: '服务器错误', requestId: 'r1' });
    expect(error.detail).toBe('SHELL_ERR_X');
  });
});

describe('CapabilityDeniedError', () => {
  it('names the capability in zh-CN and English', () => {
    const error = new CapabilityDeniedError('media.upload');
    expect(error).toBeInstanceOf(HostError);
    expect(error.code).toBe('SDK_ERR_CAPABILITY_DENIED');
    expect(error.capability).toBe('media.upload');
    expect(error.message).toContain('media.upload');
    expect(error.detail).toContain('"media.upload"');
  });
});

describe('guards', () => {
  it('recognise errors from another copy of the SDK by shape', () => {
    const foreign = Object.assign(new Error('本组件没有获得权限'), {
      code: 'SDK_ERR_CAPABILITY_DENIED',
      detail: 'x',
    });
    expect(isHostError(foreign)).toBe(true);
    expect(isCapabilityDenied(foreign)).toBe(true);
    expect(isHostError(new Error('plain'))).toBe(false);
    expect(isCapabilityDenied(new HostError({ code: 'SDK_ERR_NETWORK' }))).toBe(false);
  });

  it('toHostError wraps anything else as SDK_ERR_UNEXPECTED', () => {
    const wrapped = toHostError(new RangeError('oops'));
    expect(wrapped.code).toBe('SDK_ERR_UNEXPECTED');
    expect(wrapped.detail).toBe('oops');
    const kept = new HostError({ code: 'SDK_ERR_TIMEOUT' });
    expect(toHostError(kept)).toBe(kept);
  });

  it('invalidArgument says which argument and what was expected', () => {
    const error = invalidArgument(
      'limit',
      { 'zh-CN': '1 到 100 之间的整数', en: 'an integer from 1 to 100' },
      0,
    );
    expect(error.code).toBe('SDK_ERR_INVALID_ARGUMENT');
    expect(error.message).toBe('参数「limit」不正确：应为1 到 100 之间的整数');
    expect(error.detail).toBe('Invalid limit: expected an integer from 1 to 100, got 0.');
  });
});
