/**
 * The resident bundle carries none of the staff console (shell/console, its own origin): checked on
 * the production build in `dist/` — every script the portal can ever load (first load and lazy chunks)
 * and every stylesheet — for the console's libraries, its API, its cookie and its screens' words.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const files = (ext: string) => walk(dist).filter((f) => f.endsWith(ext));

/** What only the console's code contains. */
const CONSOLE_MARKS = [
  /\bantd\b|ant-design|ant-btn|ant-layout/, // antd and its class names
  /@tanstack|TanStack|QueryClient|createRootRoute/, // TanStack Router and Query
  /\/api\/console\//, // the console's own API
  /cunmen_console/, // its session cookie
  /村门工作台|服务目录|村干部工作台/, // its screens' words
  /console-layout|console-root/, // its stylesheet's classes
  /widget-runtime|CadreArea|cadre\.pages/, // its modules
];

describe('the resident build holds nothing of the console', () => {
  it('no script and no stylesheet of dist/ carries console code', () => {
    const scripts = files('.js');
    const sheets = files('.css');
    expect(scripts.length).toBeGreaterThanOrEqual(2); // the entry and the sign-in chunk, at least
    for (const file of [...scripts, ...sheets, join(dist, 'index.html')]) {
      const text = readFileSync(file, 'utf8');
      for (const mark of CONSOLE_MARKS) expect(text, `${file.slice(dist.length)} ${mark}`).not.toMatch(mark);
    }
  });

  it('the resident app does not depend on the console or its libraries', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(pkg.dependencies).filter((d) => /console|antd|@tanstack|@ant-design/.test(d))).toEqual(
      [],
    );
  });
});
