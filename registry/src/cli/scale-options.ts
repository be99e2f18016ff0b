/**
 * Scale mode's settings (the conventions of issue #15): PostgreSQL from `--database-url` or
 * `$REGISTRY_DATABASE_URL`, else `$DATABASE_URL`; the bucket from `--s3-endpoint`/`--s3-bucket` or
 * `$CUNMEN_S3_*` (bucket `cunmen-registry` by default); the province signing key from `--signing-key`
 * or `$REGISTRY_SIGNING_KEY_FILE`. `serve` and `migrate-to-scale` take the flags; every other operator
 * command reads the same environment, so it acts on the registry the servers use.
 */
import { s3OptionsFrom } from '@cunmen/object-store';
import type { ScaleStorageOptions } from '../storage/index.js';

export const SCALE_OPTIONS = {
  'database-url': { type: 'string' },
  's3-endpoint': { type: 'string' },
  's3-bucket': { type: 'string' },
  'signing-key': { type: 'string' },
} as const;

export const SCALE_HELP = `  --database-url <url>  PostgreSQL for the metadata instead of <data>/registry.db
                    (default $REGISTRY_DATABASE_URL, else $DATABASE_URL)
  --s3-endpoint <url>   S3-compatible endpoint for tarballs and assets instead of <data>/blobs
                    (default $CUNMEN_S3_ENDPOINT; region, keys: $CUNMEN_S3_REGION,
                    $CUNMEN_S3_ACCESS_KEY_ID, $CUNMEN_S3_SECRET_ACCESS_KEY)
  --s3-bucket <name>    the bucket (default $CUNMEN_S3_BUCKET, else cunmen-registry; created if missing)
  --signing-key <file>  the province's Ed25519 private key (PEM), the same file on every instance
                    (default $REGISTRY_SIGNING_KEY_FILE, else <data>/keys/province-ed25519.key)
`;

export const DEFAULT_BUCKET = 'cunmen-registry';

export interface ScaleSetting {
  storage: ScaleStorageOptions;
  /** The private key file every instance signs with; undefined: `<data>/keys/`. */
  signingKeyFile?: string;
}

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

function stringValue(values: Values, key: string): string | undefined {
  const v = values[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function envValue(env: NodeJS.ProcessEnv, key: string): string | undefined {
  const v = env[key];
  return v === undefined || v === '' ? undefined : v;
}

export function scaleSetting(values: Values, env: NodeJS.ProcessEnv): ScaleSetting {
  const storage: ScaleStorageOptions = {};
  const databaseUrl =
    stringValue(values, 'database-url') ??
    envValue(env, 'REGISTRY_DATABASE_URL') ??
    envValue(env, 'DATABASE_URL');
  if (databaseUrl !== undefined) storage.databaseUrl = databaseUrl;
  const s3 = s3OptionsFrom(
    { endpoint: stringValue(values, 's3-endpoint'), bucket: stringValue(values, 's3-bucket') },
    env,
    DEFAULT_BUCKET,
  );
  if (s3) storage.s3 = s3;
  const signingKeyFile = stringValue(values, 'signing-key') ?? envValue(env, 'REGISTRY_SIGNING_KEY_FILE');
  return signingKeyFile === undefined ? { storage } : { storage, signingKeyFile };
}

/** Where the metadata and blobs are, for a startup line (credentials in a database URL are hidden). */
export function describeStorage(dataDir: string, scale: ScaleStorageOptions): string {
  const db = scale.databaseUrl
    ? `PostgreSQL ${scale.databaseUrl.replace(/\/\/[^@/]*@/, '//***@')}`
    : `${dataDir}/registry.db`;
  const blobs = scale.s3 ? `bucket ${scale.s3.bucket} at ${scale.s3.endpoint ?? 'AWS'}` : `${dataDir}/blobs`;
  return `metadata in ${db}, blobs in ${blobs}`;
}
