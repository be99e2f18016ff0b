/**
 * For widget tests: a MockHost whose module calls go to the real server routes (the module mounted in
 * the test harness, in-memory SQLite), as the given server-side user. So a widget test exercises the
 * same masking, workflow and error codes a browser would.
 */

import type { ModuleUser } from '@cunmen/module-api';
import type { ModuleTestApp } from '@cunmen/module-api/testing';
import { HostError } from '@cunmen/sdk';
import type { MockModuleCall } from '@cunmen/sdk/testing';

export function serverHandler(
  t: ModuleTestApp,
  as: ModuleUser | { village: string; user: ModuleUser | null } | null,
) {
  return async (call: MockModuleCall): Promise<unknown> => {
    const upload = call.kind === 'upload' && call.file;
    const res = await t.inject({
      as,
      method: call.method,
      url: call.path,
      ...(upload
        ? {
            payload: Buffer.from(await (call.file as Blob).arrayBuffer()),
            headers: {
              'content-type': 'application/octet-stream',
              'x-filename': encodeURIComponent(call.filename ?? 'file'),
            },
          }
        : call.body !== undefined
          ? { payload: call.body }
          : {}),
    });
    if (res.statusCode >= 400) {
      const body = res.json() as { code: string; message: string; requestId?: string; field?: string };
      throw new HostError({
        code: body.code,
        message: body.message,
        status: res.statusCode,
        ...(body.requestId ? { requestId: body.requestId } : {}),
        ...(body.field ? { field: body.field } : {}),
      });
    }
    if (call.kind === 'download') return new Blob([new Uint8Array(res.rawPayload)]);
    return res.json();
  };
}
