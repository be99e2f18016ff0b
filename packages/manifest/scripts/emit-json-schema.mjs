// Writes schema/*.json from the built package, so widget.json files can point `$schema` at it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { JSON_SCHEMAS, toJsonSchema } from '../dist/index.js';

const out = new URL('../schema/', import.meta.url);
mkdirSync(out, { recursive: true });
for (const [file, schema] of Object.entries(JSON_SCHEMAS)) {
  writeFileSync(new URL(file, out), `${JSON.stringify(toJsonSchema(schema), null, 2)}\n`);
}
console.log(`wrote ${Object.keys(JSON_SCHEMAS).length} JSON Schemas to schema/`);
