/**
 * Where a command's data directory is when `--data` is not given: `$CUNMEN_REGISTRY_DATA`, else
 * `$CUNMEN_DATA/registry` — the layout `npm start` uses (`CUNMEN_DATA` is `<repo>/.data` there), so
 * `npm run registry -- review list` from the repository root reads the registry `npm start` runs.
 * `@cunmen/command-line` applies it (`Program.dataFromEnv`).
 */
export const REGISTRY_DATA_ENV = { env: 'CUNMEN_REGISTRY_DATA', subdir: 'registry' } as const;

/** How the `--data` line of every command's help ends. */
export const DATA_DEFAULT_HELP = '(default $CUNMEN_REGISTRY_DATA, else $CUNMEN_DATA/registry)';
