import { describe, expect, it } from 'vitest';
import { matchOutput } from './match.ts';

const actual =
  '\x1b[32m✓\x1b[0m built @deqing/x@0.1.0 in 1480 ms → dist\n  remoteEntry.js   44.1 KB\nnoise\n  JS gzip 15.9 KB of 50.0 KB budget (32%)\n';

describe('matchOutput', () => {
  it('matches shown lines in order, with … for any text and any run of spaces', () => {
    expect(
      matchOutput(
        '✓ built @deqing/x@0.1.0 in … ms → dist\nremoteEntry.js 44.1 KB\nJS gzip … of 50.0 KB budget (…)',
        actual,
      ),
    ).toBeNull();
  });

  it('reports the first shown line the output lacks', () => {
    expect(matchOutput('✓ built …\nJS gzip … of 40.0 KB budget (…)', actual)).toEqual({
      missing: 'JS gzip … of 40.0 KB budget (…)',
      matched: 1,
    });
  });

  it('requires the order the page shows', () => {
    expect(matchOutput('JS gzip …\n✓ built …', actual)).toEqual({ missing: '✓ built …', matched: 1 });
  });

  it('matches whole lines, not parts of one', () => {
    expect(matchOutput('built', actual)).toEqual({ missing: 'built', matched: 0 });
  });
});
