/**
 * Publish steps 1 and 3: the body is an npm publish document for the package the URL names, and it
 * carries exactly one version and one tarball, under a semver version whose names agree.
 */
import { errorFromIssues } from '@cunmen/errors';
import semver from 'semver';
import { z } from 'zod';
import { regError, registryErrors } from '../../errors.js';
import type { PublishUpload, UploadedTarball } from './upload.js';

const versionDocSchema = z.looseObject({
  name: z.string(),
  version: z.string(),
  dist: z.looseObject({ integrity: z.string(), shasum: z.string() }),
});

const publishDocSchema = z.looseObject({
  name: z.string(),
  'dist-tags': z.record(z.string(), z.string()).optional(),
  versions: z.record(z.string(), versionDocSchema),
  _attachments: z.record(z.string(), z.looseObject({ data: z.string(), length: z.number().optional() })),
});

export type PublishDocument = z.infer<typeof publishDocSchema>;
export type VersionDocument = z.infer<typeof versionDocSchema>;

/** One version ready to be checked: its document, its tarball and the dist-tag it asks for. */
export interface Release {
  name: string;
  version: string;
  versionDoc: VersionDocument;
  /** The dist-tag the document points at this version; `latest` when none does. */
  tag: string;
  tarball: UploadedTarball;
  /** The attachment's `length` field, when the client sent one. */
  declaredLength: number | undefined;
}

/** Step 1: an npm publish document that names the package the URL names. */
export function parseDocument(upload: PublishUpload, urlName: string): PublishDocument {
  const parsed = publishDocSchema.safeParse(upload.document);
  if (!parsed.success) {
    const err = errorFromIssues(registryErrors, 'REG_ERR_BAD_PUBLISH', parsed.error.issues, 'document');
    throw regError('REG_ERR_BAD_PUBLISH', `invalid publish document: ${err.message}`, { field: err.field });
  }
  const doc = parsed.data;
  if (doc.name !== urlName) {
    throw regError(
      'REG_ERR_NAME_MISMATCH',
      `the document names "${doc.name}" but the URL names "${urlName}"`,
      {
        field: 'name',
      },
    );
  }
  return doc;
}

/** Step 3: exactly one version and one tarball, the version semver, its document for the same package. */
export function pickRelease(doc: PublishDocument, upload: PublishUpload): Release {
  const versionKeys = Object.keys(doc.versions);
  const attachmentKeys = Object.keys(doc._attachments);
  if (versionKeys.length !== 1) {
    throw regError(
      'REG_ERR_BAD_PUBLISH',
      `a publish must carry exactly one version, got ${versionKeys.length}`,
      {
        field: 'versions',
      },
    );
  }
  if (attachmentKeys.length !== 1) {
    throw regError(
      'REG_ERR_BAD_PUBLISH',
      `a publish must carry exactly one tarball attachment, got ${attachmentKeys.length}`,
      { field: '_attachments' },
    );
  }
  const version = versionKeys[0] as string;
  const attachmentKey = attachmentKeys[0] as string;
  const versionDoc = doc.versions[version] as VersionDocument;
  if (semver.valid(version) !== version) {
    throw regError('REG_ERR_INVALID_VERSION', `"${version}" is not a valid semver version such as 1.0.0`, {
      field: 'versions',
    });
  }
  if (versionDoc.name !== doc.name || versionDoc.version !== version) {
    throw regError(
      'REG_ERR_NAME_MISMATCH',
      `the version document is ${versionDoc.name}@${versionDoc.version}, expected ${doc.name}@${version}`,
      { field: `versions.${version}` },
    );
  }
  // The reader decodes every attachment string; one it did not decode was not base64 data.
  const tarball = upload.tarballs.get(attachmentKey);
  if (!tarball) {
    throw regError('REG_ERR_BAD_PUBLISH', 'the attachment data is not base64', {
      field: `_attachments.${attachmentKey}.data`,
    });
  }
  const tag = Object.entries(doc['dist-tags'] ?? {}).find(([, v]) => v === version)?.[0] ?? 'latest';
  return {
    name: doc.name,
    version,
    versionDoc,
    tag,
    tarball,
    declaredLength: doc._attachments[attachmentKey]?.length,
  };
}
