import { describe, expect, it } from 'vitest';
import { checkLimit } from './checks.js';
import { HOST_API_ERRORS } from './error-codes.js';
import { refusals } from './refusals.js';

describe('refusals', () => {
  it('carry a code of the contract, English and zh-CN texts', () => {
    const all = [
      refusals.invalid(checkLimit(0) ?? { field: 'limit', en: '', zh: '' }),
      refusals.capabilityDenied('store.write', '@deqing/find-machinery'),
      refusals.signInRequired(),
      refusals.docTooLarge(70_000, 65_536),
      refusals.versionConflict('doc-1', 3),
      refusals.versionConflict('doc-2', undefined),
      refusals.notAuthor('doc-1'),
      refusals.noHousehold(),
      refusals.otherHousehold(),
      refusals.unknownEvidence(2),
      refusals.mediaType('text/plain'),
      refusals.mediaBytes('image/png'),
      refusals.emptyFile(),
      refusals.bodyTooLarge(1024),
    ];
    for (const refusal of all) {
      expect(Object.keys(HOST_API_ERRORS)).toContain(refusal.code);
      expect(refusal.en).toMatch(/[a-z]/);
      expect(refusal.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('name the field a client can fix, and the capability a widget lacked', () => {
    expect(refusals.invalid({ field: 'limit', en: 'expected 1–100', zh: '应为 1 到 100' })).toEqual({
      code: 'SHELL_ERR_INVALID_ARGUMENT',
      en: 'limit: expected 1–100',
      zh: 'limit：应为 1 到 100',
      field: 'limit',
    });
    expect(refusals.unknownEvidence(2).field).toBe('evidence[2]');
    expect(refusals.docTooLarge(70_000, 65_536)).toMatchObject({
      field: 'data',
      en: expect.stringContaining('70000'),
    });
    expect(refusals.capabilityDenied('store.write', '@deqing/x')).toMatchObject({
      widget: '@deqing/x',
      zh: '本组件没有获得「store.write」权限，无法完成操作',
    });
    expect(refusals.versionConflict('doc-1', 3).en).toContain('version 3');
  });
});
