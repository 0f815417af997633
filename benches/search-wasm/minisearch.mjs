// MiniSearch 7.2.0 on the same 100k records and 400 queries as run.mjs
// (docs/benchmarks.md), configured as close to hitforms-search as its
// options allow: the same fields and weights, diacritics folded, AND,
// typo tolerance by word length (0 up to 3 letters, 1 up to 7, else 2),
// prefix search for the prefix kind, a country filter for the filtered kind.
// MiniSearch returns every hit, sorted; hitforms-search counts every hit,
// computes facets and sorts the top 20.
// Usage: node --expose-gc minisearch.mjs PATH/TO/minisearch/dist/es/index.js DIR
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [modulePath, dir] = process.argv.slice(2);
const { default: MiniSearch } = await import(pathToFileURL(modulePath).href);
const records = readFileSync(`${dir}/records-100k.jsonl`, 'utf8').trim().split('\n').map(JSON.parse);
const queries = readFileSync(`${dir}/queries-400.jsonl`, 'utf8').trim().split('\n').map(JSON.parse);
const countries = records.map((r) => r.country);

const fold = (t) => t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const fuzzy = (term) => (term.length <= 3 ? 0 : term.length <= 7 ? 1 : 2);
const boost = { name: 4, acronym: 2.5, department: 2, title: 1.5, town: 1, region: 0.7, programme: 0.5 };

globalThis.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
let start = performance.now();
const ms = new MiniSearch({ fields: Object.keys(boost), processTerm: fold });
ms.addAll(records);
const buildMs = performance.now() - start;
globalThis.gc?.();
const heapMB = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
const json = JSON.stringify(ms);
start = performance.now();
MiniSearch.loadJSON(json, { fields: Object.keys(boost), processTerm: fold });
const loadMs = performance.now() - start;

const options = (q) => ({
  boost,
  combineWith: 'AND',
  fuzzy,
  prefix: q.id === 'prefix',
  filter: q.country ? (r) => countries[r.id] === q.country : undefined,
});
for (const q of queries) ms.search(q.query, options(q));
const times = {};
const hits = {};
for (const q of queries) {
  const runs = [];
  for (let r = 0; r < 3; r++) {
    start = performance.now();
    const found = ms.search(q.query, options(q));
    runs.push(performance.now() - start);
    hits[q.id] = (hits[q.id] ?? 0) + found.length / 3;
  }
  runs.sort((a, b) => a - b);
  (times[q.id] ??= []).push(runs[1]);
}
const pct = (sorted, p) => sorted[Math.max(1, Math.ceil((sorted.length * p) / 100)) - 1];
console.log(`MiniSearch: ${records.length} records; build ${buildMs.toFixed(0)} ms; heap ${heapMB.toFixed(0)} MB; ` +
  `JSON index ${(json.length / 1e6).toFixed(1)} MB, loadJSON ${loadMs.toFixed(0)} ms; Node ${process.version}`);
console.log('| query kind | p50 | p95 | max | mean hits |\n|---|---|---|---|---|');
for (const [kind, t] of Object.entries(times)) {
  t.sort((a, b) => a - b);
  console.log(`| ${kind} | ${pct(t, 50).toFixed(2)} ms | ${pct(t, 95).toFixed(2)} ms | ${t[t.length - 1].toFixed(2)} ms | ${Math.round(hits[kind] / t.length)} |`);
}
