/** Fixture packages shared by tests; copy one before building it, never build in place. */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../fixtures/', import.meta.url));

export type FixtureName = 'hello-widget';

export function fixturePath(name: FixtureName): string {
  return join(root, name);
}

/** Copies a fixture to `target` without any build output it may have. */
export function copyFixture(name: FixtureName, target: string): string {
  const source = fixturePath(name);
  cpSync(source, target, {
    recursive: true,
    filter: (src) => !/^[/\\]?(dist|node_modules)([/\\]|$|\.tmp-)/.test(src.slice(source.length)),
  });
  return target;
}
