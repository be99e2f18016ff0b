/**
 * Where a service's bucket is, from its flags and the environment (the scale-mode conventions): flags
 * `--s3-endpoint`, `--s3-bucket`; env `CUNMEN_S3_ENDPOINT`, `CUNMEN_S3_BUCKET`, `CUNMEN_S3_REGION`
 * (default `us-east-1`), `CUNMEN_S3_ACCESS_KEY_ID`, `CUNMEN_S3_SECRET_ACCESS_KEY`. A flag wins over the
 * environment.
 */
import type { S3ObjectStoreOptions } from './s3-store.js';

export interface S3Flags {
  endpoint?: string;
  bucket?: string;
}

/** The S3 options, or null when neither a flag nor the environment names an endpoint or a bucket. */
export function s3OptionsFrom(
  flags: S3Flags,
  env: NodeJS.ProcessEnv,
  defaultBucket: string,
): S3ObjectStoreOptions | null {
  const nonEmpty = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);
  const endpoint = nonEmpty(flags.endpoint) ?? nonEmpty(env.CUNMEN_S3_ENDPOINT);
  const bucket = nonEmpty(flags.bucket) ?? nonEmpty(env.CUNMEN_S3_BUCKET);
  if (endpoint === undefined && bucket === undefined) return null;
  const options: S3ObjectStoreOptions = {
    bucket: bucket ?? defaultBucket,
    region: nonEmpty(env.CUNMEN_S3_REGION) ?? 'us-east-1',
  };
  if (endpoint !== undefined) options.endpoint = endpoint;
  const accessKeyId = nonEmpty(env.CUNMEN_S3_ACCESS_KEY_ID);
  const secretAccessKey = nonEmpty(env.CUNMEN_S3_SECRET_ACCESS_KEY);
  if (accessKeyId !== undefined && secretAccessKey !== undefined) {
    options.accessKeyId = accessKeyId;
    options.secretAccessKey = secretAccessKey;
  }
  return options;
}
