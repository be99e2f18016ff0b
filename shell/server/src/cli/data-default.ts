/**
 * Where `--data` comes from when it is not given: `$CUNMEN_SHELL_DATA`, else `$CUNMEN_DATA/shell` — the
 * layout `npm start` uses (`.data/shell`, which `npm run shell` points at). `@cunmen/command-line` applies
 * it (`Program.dataFromEnv`) and names both variables when neither is set.
 */
export const SHELL_DATA_ENV = { env: 'CUNMEN_SHELL_DATA', subdir: 'shell' } as const;
