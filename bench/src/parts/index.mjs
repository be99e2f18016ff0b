// The parts of `npm run bench`, in the order of value the issue gives them. A part without `run` is not
// built yet: the table lists it as "not measured" with `why`.
import { buildPart } from './build.mjs';
import { countyPart } from './county.mjs';
import { homePart } from './home.mjs';
import { lcpPart } from './lcp.mjs';
import { registryPart } from './registry.mjs';
import { searchPart } from './search.mjs';

export const PARTS = [
  { name: 'home', measure: '仙潭村 home bytes, serial depth, repeat visit', run: homePart },
  {
    name: 'registry',
    measure: 'registry throughput vs raw node:http and Verdaccio 6.8.0',
    run: registryPart,
  },
  { name: 'search', measure: 'catalog search p95, 10,000 widgets × 10 versions', run: searchPart },
  {
    name: 'lcp',
    measure: 'home LCP (Lighthouse 12.2.3, mobile throttling, median of 5) ≤ 0.7 × a bare MF host',
    run: lcpPart,
  },
  {
    name: 'county',
    measure: 'county load: 300 villages, 3,000 concurrent residents, 60 s, 0 errors, p99 ≤ 200 ms',
    run: countyPart,
  },
  {
    name: 'build',
    measure: '`cunmen build` of an example widget ≤ 1.2 × a plain rsbuild MF remote',
    run: buildPart,
  },
];
