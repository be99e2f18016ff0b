/** The UI kit's whole stylesheet as the host's bundler sees it: `styles.css` with its imports inlined. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const STYLES = fileURLToPath(new URL('../src/styles.css', import.meta.url));

export function readStylesheet(file: string = STYLES): string {
  return readFileSync(file, 'utf8').replace(/@import ["']([^"']+)["'];/g, (_, rel: string) =>
    readStylesheet(join(dirname(file), rel)),
  );
}
