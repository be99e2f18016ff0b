/**
 * The manifest's error family (`MANIFEST_ERR_…`), documented on the manifest reference page. Validation
 * itself never throws (`validate*` return every issue); a caller that must throw — a tool that cannot go
 * on with an invalid document — throws {@link ManifestValidationError}, which carries the issues.
 */
import { CunmenError, defineErrors } from '@cunmen/errors';
import { formatIssues, type ManifestIssue } from './issues.js';

export const manifestErrors = defineErrors('MANIFEST', '/docs/county/manifest-reference', {
  MANIFEST_ERR_INVALID: {
    status: 400,
    en: 'the document does not match its schema',
    zh: '内容不符合格式要求',
  },
});

/** An invalid manifest, village config or snapshot; `issues` keeps the structured form for JSON bodies. */
export class ManifestValidationError extends CunmenError {
  override name = 'ManifestValidationError';

  constructor(
    readonly issues: ManifestIssue[],
    what = 'manifest',
  ) {
    const code = 'MANIFEST_ERR_INVALID';
    super(code, manifestErrors.codes[code], manifestErrors.docsPage, {
      en: `invalid ${what}:\n${formatIssues(issues, 'en')}`,
      zh: formatIssues(issues, 'zh'),
      field: issues[0]?.path || undefined,
    });
  }
}
