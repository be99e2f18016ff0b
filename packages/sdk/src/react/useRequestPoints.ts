/** Request points for a household (积分申请; needs `points.request`, approved later by the village). */
import { useCallback, useState } from 'react';
import type { HostError } from '../core/errors.js';
import type { PointsRequest, PointsRequestReceipt } from '../core/host-api.js';
import { useTracked } from './use-tracked.js';
import { useHost } from './useHost.js';

export interface RequestPoints {
  /** Resolves the pending request, or `undefined` on failure (see `error`). */
  request(request: PointsRequest): Promise<PointsRequestReceipt | undefined>;
  pending: boolean;
  error: HostError | null;
  result: PointsRequestReceipt | null;
}

/**
 * @example
 * const { request, result } = useRequestPoints();
 * await request({ item: '垃圾分类', evidence: [photo.id] });
 */
export function useRequestPoints(): RequestPoints {
  const { api } = useHost();
  const { track, pending, error } = useTracked();
  const [result, setResult] = useState<PointsRequestReceipt | null>(null);
  const request = useCallback(
    async (points: PointsRequest) => {
      const outcome = await track(() => api.points.request(points));
      if (!outcome.ok) return undefined;
      setResult(outcome.value);
      return outcome.value;
    },
    [api, track],
  );
  return { request, pending, error, result };
}
