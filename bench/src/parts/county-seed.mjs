// The county of (e): `villages` villages under 德清县 (330521) in ten townships, each with the demo
// portal (the four example widgets), seeded into a running demo platform the way an operator does it —
// the townships and villages with `cunmen-shell divisions import`, each portal with the admin API's
// `PUT /api/portals/:village` — never by writing the shell's database behind its back.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../paths.mjs';
import { runToEnd } from '../processes.mjs';

const COUNTY = '330521';
const TOWNSHIPS = 10;

/** The generated townships and villages (codes 330521110…119 and <township>201…). */
export function countyDivisions(villages) {
  const perTownship = Math.ceil(villages / TOWNSHIPS);
  const divisions = [];
  const codes = [];
  for (let t = 0; t < TOWNSHIPS && codes.length < villages; t++) {
    const township = `${COUNTY}${110 + t}`;
    divisions.push({ code: township, name: `测试${t + 1}镇` });
    for (let v = 0; v < perTownship && codes.length < villages; v++) {
      const code = `${township}${201 + v}`;
      divisions.push({ code, name: `测试${t + 1}镇${v + 1}村` });
      codes.push(code);
    }
  }
  return { divisions, codes };
}

/** Seeds the county into `platform` (startDemoPlatform's); resolves the village codes. */
export async function seedCounty({ platform, villages, say }) {
  const shellData = join(platform.data, 'shell');
  const { divisions, codes } = countyDivisions(villages);
  const file = join(platform.data, 'county-divisions.json');
  writeFileSync(file, JSON.stringify(divisions));
  const shellCli = join(root, 'shell', 'server', 'dist', 'cli.js');
  say(
    `county: ${(await runToEnd(process.execPath, [shellCli, 'divisions', 'import', '--file', file, '--data', shellData])).trim()}`,
  );
  const token = readFileSync(join(shellData, 'admin-token'), 'utf8').trim();
  const config = readFileSync(join(shellData, 'demo-portal.json'), 'utf8');
  const started = Date.now();
  let next = 0;
  const worker = async () => {
    while (next < codes.length) {
      const code = codes[next++];
      const res = await fetch(`${platform.shellUrl}/api/portals/${code}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: config,
      });
      const body = await res.text();
      if (!res.ok) throw new Error(`PUT /api/portals/${code} answered ${res.status}: ${body.slice(0, 300)}`);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  say(`county: ${codes.length} portals saved in ${Math.round((Date.now() - started) / 1000)} s`);
  return codes;
}
