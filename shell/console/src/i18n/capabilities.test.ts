import { CAPABILITY_IDS } from '@cunmen/manifest';
import { describe, expect, it } from 'vitest';
import { CAPABILITY_WORDS, describeAccess, notGranted } from './capabilities.js';

describe('capabilities in plain words', () => {
  it('has words for every capability of the manifest, and none for a capability that does not exist', () => {
    expect(Object.keys(CAPABILITY_WORDS).sort()).toEqual([...CAPABILITY_IDS].sort());
    for (const [id, words] of Object.entries(CAPABILITY_WORDS)) {
      // Plain Chinese: no capability ids, no "组件"/"widget" jargon.
      expect(words['zh-CN'], id).not.toMatch(/[a-z]+\.[a-z]+|组件|widget/i);
    }
  });

  it('groups what a service reads and writes', () => {
    expect(describeAccess(['store.read', 'store.write', 'user.read', 'form.submit'], 'zh-CN')).toEqual({
      reads: ['它自己在本村存下的资料', '是哪位村民在用（只看到打码的姓名和户号）'],
      writes: ['在本村存资料，例如预约记录', '村民填写的表单，例如预约、报名'],
      other: [],
      unknown: [],
    });
    expect(describeAccess(['events.publish'], 'en').other).toEqual([
      'Notifies other services of the portal (takes no data away)',
    ]);
  });

  it.each([
    ['nothing', [], { reads: [], writes: [], other: [], unknown: [] }],
    ['a duplicate once', ['media.upload', 'media.upload'], { writes: ['村民上传的照片'] }],
    ['an unknown id as it is', ['store.read', 'telepathy.read'], { unknown: ['telepathy.read'] }],
  ])('describes %s', (_what, ids, expected) => {
    expect(describeAccess(ids, 'zh-CN')).toMatchObject(expected);
  });

  it('names what was asked for and not granted', () => {
    expect(notGranted(['store.read', 'store.write'], ['store.read'])).toEqual(['store.write']);
    expect(notGranted(['store.read'], null)).toEqual([]);
    expect(notGranted(['store.read'], [])).toEqual(['store.read']);
  });
});
