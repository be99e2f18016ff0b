/** Upload a photo (needs `media.upload`). */
import { useCallback, useState } from 'react';
import type { HostError } from '../core/errors.js';
import type { UploadedMedia } from '../core/host-api.js';
import { useTracked } from './use-tracked.js';
import { useHost } from './useHost.js';

export interface Upload {
  /** Resolves `{ id, url }`, or `undefined` on failure (see `error`). `filename` defaults to the File's name. */
  upload(file: Blob, options?: { filename?: string }): Promise<UploadedMedia | undefined>;
  pending: boolean;
  error: HostError | null;
  /** The last successful upload. */
  result: UploadedMedia | null;
}

/**
 * @example
 * const { upload, pending } = useUpload();
 * <input type="file" accept="image/*" onChange={(e) => e.target.files?.[0] && upload(e.target.files[0])} />
 */
export function useUpload(): Upload {
  const { api } = useHost();
  const { track, pending, error } = useTracked();
  const [result, setResult] = useState<UploadedMedia | null>(null);
  const upload = useCallback(
    async (file: Blob, options?: { filename?: string }) => {
      const filename = options?.filename ?? (file as Partial<File>).name ?? 'upload';
      const outcome = await track(() => api.media.upload(file, { filename }));
      if (!outcome.ok) return undefined;
      setResult(outcome.value);
      return outcome.value;
    },
    [api, track],
  );
  return { upload, pending, error, result };
}
