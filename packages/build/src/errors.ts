/** A widget build that cannot go on: every problem names the field or file and what was expected. */
import { formatIssues, type ManifestIssue } from '@cunmen/manifest';

export class WidgetBuildError extends Error {
  readonly code = 'BUILD_ERR_INVALID_WIDGET';
  constructor(readonly issues: ManifestIssue[]) {
    super(formatIssues(issues, 'en'));
    this.name = 'WidgetBuildError';
  }
}
