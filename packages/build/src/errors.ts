/**
 * The build preset's error family (`BUILD_ERR_…`), documented on the toolchain page. `buildWidget`
 * returns its problems as issues (every one names the field or file and what was expected); where a
 * build cannot go on at all (`watchWidget` with an invalid package) it throws {@link WidgetBuildError}.
 */
import { CunmenError, defineErrors } from '@cunmen/errors';
import { formatIssues, type ManifestIssue } from '@cunmen/manifest';

export const buildErrors = defineErrors('BUILD', '/docs/county/toolchain', {
  BUILD_ERR_INVALID_WIDGET: {
    status: 400,
    en: 'the widget cannot be built as it is; nothing was written',
    zh: '组件无法按当前内容构建，未写入任何文件',
  },
});

/** A widget build that cannot go on; `issues` lists every problem, `field` names the first. */
export class WidgetBuildError extends CunmenError {
  override name = 'WidgetBuildError';

  constructor(readonly issues: ManifestIssue[]) {
    const code = 'BUILD_ERR_INVALID_WIDGET';
    super(code, buildErrors.codes[code], buildErrors.docsPage, {
      en: formatIssues(issues, 'en'),
      zh: formatIssues(issues, 'zh'),
      field: issues[0]?.path || undefined,
    });
  }
}
