/** The `cunmen` command line: one sub-command per file in commands/. */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import * as prompts from '@clack/prompts';
import { Command, CommanderError, Option } from 'commander';
import { buildCommand } from './commands/build.js';
import { type DependencyMode, knownCountyForScope, printCreated, scaffoldWidget } from './commands/create.js';
import { devCommand } from './commands/dev.js';
import { type LoginOptions, loginCommand } from './commands/login.js';
import { publishCommand } from './commands/publish.js';
import { validateCommand } from './commands/validate.js';
import { defaultProvinceRegistry } from './npmrc.js';
import { CliError, printIssues, red } from './output.js';

const require = createRequire(import.meta.url);
const { version } = require('../package.json') as { version: string };

async function ask(label: string, initial?: string): Promise<string> {
  const value = await prompts.text({ message: label, initialValue: initial });
  if (prompts.isCancel(value)) throw new CliError('cancelled', 130);
  return String(value);
}

export function createProgram(): Command {
  const program = new Command('cunmen')
    .description('Build, check and publish Cunmen (村门) widgets')
    .version(version)
    .showHelpAfterError()
    .exitOverride();

  program
    .command('create')
    .description('scaffold a widget: a tile, a page, a config schema, a unit test and a story')
    .argument('<name>', 'widget name, e.g. find-machinery (or @deqing/find-machinery)')
    .option('--scope <scope>', "your county's npm scope, e.g. @deqing")
    .option('--county <code>', 'your 6-digit county division code, e.g. 330521')
    .option('--title <title>', 'zh-CN title, e.g. 找农机')
    .option('--dir <dir>', 'target folder (default: ./<name>)')
    .option(
      '--registry <url>',
      "the provincial registry, for .npmrc and publishConfig (default: CUNMEN_REGISTRY, else the user's @cunmen:registry, else npx's --registry if on this machine, else http://localhost:4873/)",
    )
    .option('--workspace', 'use workspace:^ for @cunmen packages (inside the Cunmen monorepo)')
    .option(
      '--local <checkout>',
      'link @cunmen packages from a local Cunmen checkout instead of the registry',
    )
    .option('-y, --yes', 'never prompt; fail when an option is missing')
    .action(
      async (
        rawName: string,
        opts: {
          scope?: string;
          county?: string;
          title?: string;
          dir?: string;
          registry?: string;
          workspace?: boolean;
          local?: string;
          yes?: boolean;
        },
      ) => {
        let name = rawName;
        let scope = opts.scope;
        const m = /^(@[^/]+)\/(.+)$/.exec(rawName);
        if (m) {
          scope = scope ?? m[1];
          name = m[2] ?? rawName;
        }
        const interactive = !opts.yes && process.stdin.isTTY === true;
        if (!scope) scope = interactive ? await ask('County scope (县级作用域), e.g. @deqing') : undefined;
        if (!scope) throw new CliError('missing --scope <scope> (your county scope, e.g. @deqing)', 2);
        let county = opts.county ?? knownCountyForScope(scope);
        if (!county)
          county = interactive ? await ask('County division code (县级区划代码), e.g. 330521') : undefined;
        if (!county)
          throw new CliError('missing --county <code> (6-digit county division code, e.g. 330521)', 2);
        let title = opts.title;
        if (!title) title = interactive ? await ask('Title in Chinese (中文名称)') : undefined;
        if (!title) throw new CliError('missing --title <title> (the zh-CN title residents see)', 2);
        const deps: DependencyMode = opts.local
          ? { kind: 'local', checkout: resolve(opts.local) }
          : opts.workspace
            ? { kind: 'workspace' }
            : { kind: 'registry' };
        const registry = opts.registry ?? defaultProvinceRegistry();
        const options = { name, scope, county, title, registry, dir: opts.dir ?? name, deps };
        printCreated(scaffoldWidget(options), options);
      },
    );

  program
    .command('dev')
    .description('run the widget in an emulated shell with a mock host, one tab per slot; reloads on change')
    .argument('[dir]', 'widget folder', '.')
    .option('-p, --port <port>', 'port for the emulated shell', '5190')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .action(async (dir: string, opts: { port: string; host: string }) => {
      await devCommand(dir, { port: Number(opts.port), host: opts.host });
    });

  program
    .command('validate')
    .description(
      'check widget.json, the scope, the exposed modules and (when built) the remote and its size budget',
    )
    .argument('[dir]', 'widget folder', '.')
    .option('--out-dir <dir>', 'build output folder', 'dist')
    .action(async (dir: string, opts: { outDir: string }) => validateCommand(dir, opts));

  program
    .command('build')
    .description('build the Module Federation remote with hashes and sizes into dist/')
    .argument('[dir]', 'widget folder', '.')
    .option('--out-dir <dir>', 'build output folder', 'dist')
    .action(async (dir: string, opts: { outDir: string }) => {
      await buildCommand(dir, opts);
    });

  program
    .command('login')
    .description('save a registry token in ~/.npmrc (shared with npm)')
    .requiredOption('--registry <url>', 'provincial registry URL')
    .option('--token <token>', 'a token from the province (cunmen-registry user add)')
    .option('--username <name>', 'user name for password login')
    .option(
      '--password-stdin',
      'read the password from standard input (else CUNMEN_PASSWORD, else asked in a terminal)',
    )
    .addOption(new Option('--password <password>', 'discouraged: visible in the process list').hideHelp())
    .action(async (opts: LoginOptions) => {
      await loginCommand(opts);
    });

  program
    .command('publish')
    .description('pack the widget like npm pack and publish it to the registry for review')
    .argument('[dir]', 'widget folder', '.')
    .option('--registry <url>', 'registry URL (default: the scope line in .npmrc)')
    .option('--tag <tag>', 'dist-tag', 'latest')
    .option('--dry-run', 'show what would be published without uploading')
    .action(async (dir: string, opts: PublishCliOptions) => {
      await publishCommand(dir, opts);
    });

  return program;
}

interface PublishCliOptions {
  registry?: string;
  tag: string;
  dryRun?: boolean;
}

/** Runs the CLI; returns the exit code instead of exiting, so tests can call it. */
export async function run(argv: string[]): Promise<number> {
  const program = createProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    if (err instanceof CliError) {
      if (err.issues.length > 0) printIssues(err.issues);
      process.stderr.write(`${red('error')} ${err.message}\n`);
      return err.exitCode;
    }
    process.stderr.write(`${red('error')} ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
