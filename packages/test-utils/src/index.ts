export { type AxeViolation, formatViolations, runAxe } from './axe.js';
export {
  CHROMIUM_ARGS,
  chromePath,
  type LaunchedBrowser,
  launchChromium,
  launchPersistentContext,
  openPage,
} from './chromium.js';
export { type CommandResult, type RunCommandOptions, runCommand } from './commands.js';
export { smallTargets, smallText } from './elderly.js';
export { copyFixture, type FixtureName, fixturePath } from './fixtures.js';
export {
  type NginxPlace,
  nginxBin,
  type StartedNginx,
  type StartNginxOptions,
  startNginx,
} from './nginx.js';
export {
  integrityOf,
  type PublishDocumentOptions,
  publishDocument,
  publishPath,
  sri,
} from './npm-publish.js';
export { freePort } from './ports.js';
export { postgresBinDir, type StartedPostgres, startPostgres } from './postgres.js';
export { type StartedProcess, type StartProcessOptions, startProcess } from './processes.js';
export { checkRenderedPage, exposeDomGlobals, inlineCss, type RenderedPageReport } from './rendered-page.js';
export { type StartedS3, startS3 } from './s3.js';
export { makeTarball, type TarEntry } from './tar.js';
export { makeTempDir } from './temp.js';
