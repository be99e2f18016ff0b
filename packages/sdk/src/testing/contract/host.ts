/** What the contract suite runs against, and the helpers its cases share. */
import { expect } from 'vitest';
import { type HostError, isHostError } from '../../core/errors.js';
import type { HostApi } from '../../core/host-api.js';

/** Three views of one host under test. */
export interface ContractHost {
  /**
   * A widget granted `user.read`, `store.read`, `store.write`, `form.submit`, `points.request` and
   * `media.upload`, used by a signed-in resident who has a household.
   */
  resident: HostApi;
  /** A widget granted only `store.read`, used by the same resident. */
  readOnly: HostApi;
  /** A widget granted as much as `resident`'s, with nobody signed in. */
  anonymous: HostApi;
  close?(): Promise<void>;
}

export type GetHost = () => ContractHost;

let names = 0;

/** A collection name no other case uses, so cases share one host without seeing each other's data. */
export function freshCollection(prefix: string): string {
  names += 1;
  return `${prefix}-${names}-${Math.random().toString(36).slice(2, 8)}`;
}

export interface Expected {
  code: string;
  /** The HTTP status; `undefined` for what the SDK refuses before sending. */
  status: number | undefined;
  field?: string;
}

/** Awaits a call that must be refused and checks the code, status and (when given) the field. */
export async function expectRefusal(call: Promise<unknown>, expected: Expected): Promise<HostError> {
  const error = await call.then(
    (value) => {
      throw new Error(`expected ${expected.code}, but the call succeeded with ${JSON.stringify(value)}`);
    },
    (e: unknown) => e,
  );
  expect(isHostError(error), String(error)).toBe(true);
  const refused = error as HostError;
  const seen = { code: refused.code, status: refused.status, field: refused.field };
  expect(seen).toEqual({ code: expected.code, status: expected.status, field: expected.field ?? seen.field });
  expect(refused.message).toMatch(/[\u4e00-\u9fff]/);
  return refused;
}

/** The smallest PNG: signature, IHDR and IEND. */
export function tinyPng(): Blob {
  const hex =
    '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082';
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return new Blob([bytes], { type: 'image/png' });
}
