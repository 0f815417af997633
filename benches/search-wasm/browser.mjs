// The partner search and MiniSearch side by side in headless Chromium (the
// issue's setting), in one page, one run: the wasm module of this crate loads
// the 100k index a section at a time (as <hitforms-partner-search> does), then
// both answer the same 400 queries (warm-up pass, median of three runs each).
// Files are served to the page from memory (page.route), so fetch times are
// not network times. Usage (docs/benchmarks.md):
//   node benches/search-wasm/browser.mjs MODULE.wasm DIR MINISEARCH_DIST_ES_DIR
// with tests/node_modules installed (playwright-core) and /usr/bin/chromium.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const [wasmPath, dir, msDir] = process.argv.slice(2);
const require = createRequire(new URL('../../tests/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const files = {
  '/': [Buffer.from('<!doctype html><title>bench</title>'), 'text/html'],
  '/search.wasm': [readFileSync(wasmPath), 'application/wasm'],
  '/index.hfsx': [readFileSync(`${dir}/partners-100k.hfsx`), 'application/octet-stream'],
  '/queries.jsonl': [readFileSync(`${dir}/queries-400.jsonl`), 'text/plain'],
  '/records.jsonl': [readFileSync(`${dir}/records-100k.jsonl`), 'text/plain'],
};
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--js-flags=--expose-gc', '--enable-precise-memory-info'],
});
const page = await browser.newPage();
await page.route('http://bench.invalid/**', (route) => {
  const path = new URL(route.request().url()).pathname;
  if (path.startsWith('/ms/')) {
    return route.fulfill({ body: readFileSync(join(msDir, path.slice(4))), contentType: 'text/javascript' });
  }
  const [body, contentType] = files[path] ?? [];
  return body ? route.fulfill({ body, contentType }) : route.fulfill({ status: 404, body: '' });
});
await page.goto('http://bench.invalid/');
const version = await browser.version();

const result = await page.evaluate(async () => {
  const pct = (sorted, p) => sorted[Math.max(1, Math.ceil((sorted.length * p) / 100)) - 1];
  const summary = (times) => Object.fromEntries(Object.entries(times).map(([k, t]) => {
    t.sort((a, b) => a - b);
    return [k, [pct(t, 50), pct(t, 95), t[t.length - 1]]];
  }));
  const queries = (await (await fetch('/queries.jsonl')).text()).trim().split('\n').map(JSON.parse);
  const out = {};

  // hitforms-search (wasm)
  let start = performance.now();
  const index = new Uint8Array(await (await fetch('/index.hfsx')).arrayBuffer());
  out.fetchMs = performance.now() - start;
  let x;
  const env = { read_range: (at, len, dst) => new Uint8Array(x.memory.buffer, dst, len).set(index.subarray(at, at + len)) };
  const { instance } = await WebAssembly.instantiateStreaming(fetch('/search.wasm'), { env });
  x = instance.exports;
  start = performance.now();
  out.records = x.load_chunked(index.length);
  out.loadMs = performance.now() - start;
  out.linearMB = x.memory.buffer.byteLength / 1e6;
  out.heapLiveMB = x.heap_live() / 1e6;
  out.heapPeakMB = x.heap_peak() / 1e6;
  const enc = new TextEncoder();
  const put = (bytes) => {
    const ptr = x.buffer(bytes.length);
    new Uint8Array(x.memory.buffer, ptr, bytes.length).set(bytes);
    return [ptr, bytes.length];
  };
  const prepared = queries.map((q) => [q.id, ...put(enc.encode(q.query)), ...put(enc.encode(q.country))]);
  for (const [, qp, ql, cp, cl] of prepared) x.search(qp, ql, cp, cl);
  let times = {};
  const hits = {};
  for (const [kind, qp, ql, cp, cl] of prepared) {
    const runs = [];
    for (let r = 0; r < 3; r++) {
      start = performance.now();
      const n = x.search(qp, ql, cp, cl);
      runs.push(performance.now() - start);
      if (r === 0) hits[kind] = (hits[kind] ?? 0) + n / 100;
    }
    runs.sort((a, b) => a - b);
    (times[kind] ??= []).push(runs[1]);
  }
  out.ours = summary(times);
  out.oursHits = hits;

  // MiniSearch 7.2.0 (JS), configured as benches/search-wasm/minisearch.mjs
  const { default: MiniSearch } = await import('/ms/index.js');
  const records = (await (await fetch('/records.jsonl')).text()).trim().split('\n').map(JSON.parse);
  const countries = records.map((r) => r.country);
  const fold = (t) => t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const fuzzy = (term) => (term.length <= 3 ? 0 : term.length <= 7 ? 1 : 2);
  const boost = { name: 4, acronym: 2.5, department: 2, title: 1.5, town: 1, region: 0.7, programme: 0.5 };
  globalThis.gc?.();
  const heapBefore = performance.memory.usedJSHeapSize;
  start = performance.now();
  const ms = new MiniSearch({ fields: Object.keys(boost), processTerm: fold });
  ms.addAll(records);
  out.msBuildMs = performance.now() - start;
  globalThis.gc?.();
  out.msHeapMB = (performance.memory.usedJSHeapSize - heapBefore) / 1e6;
  const json = JSON.stringify(ms);
  out.msJsonMB = json.length / 1e6;
  const gz = new Response(new Blob([json]).stream().pipeThrough(new CompressionStream('gzip')));
  out.msJsonGzipMB = (await gz.arrayBuffer()).byteLength / 1e6;
  start = performance.now();
  MiniSearch.loadJSON(json, { fields: Object.keys(boost), processTerm: fold });
  out.msLoadMs = performance.now() - start;
  const options = (q) => ({
    boost, combineWith: 'AND', fuzzy, prefix: q.id === 'prefix',
    filter: q.country ? (r) => countries[r.id] === q.country : undefined,
  });
  for (const q of queries) ms.search(q.query, options(q));
  times = {};
  for (const q of queries) {
    const runs = [];
    for (let r = 0; r < 3; r++) {
      start = performance.now();
      ms.search(q.query, options(q));
      runs.push(performance.now() - start);
    }
    runs.sort((a, b) => a - b);
    (times[q.id] ??= []).push(runs[1]);
  }
  out.ms = summary(times);
  return out;
});
await browser.close();

const f = (v) => v.toFixed(2);
const indexBytes = files['/index.hfsx'][0];
console.log(`Chromium ${version}; records ${result.records}; index ${(indexBytes.length / 1e6).toFixed(1)} MB, ` +
  `${(gzipSync(indexBytes, { level: 9 }).length / 1e6).toFixed(1)} MB gzip; fetch (from memory) ${result.fetchMs.toFixed(0)} ms`);
console.log(`hitforms-search: load ${result.loadMs.toFixed(0)} ms; linear memory ${result.linearMB.toFixed(0)} MB ` +
  `(heap ${result.heapLiveMB.toFixed(1)} MB live, ${result.heapPeakMB.toFixed(1)} MB peak)`);
console.log(`MiniSearch: build ${result.msBuildMs.toFixed(0)} ms; heap ${result.msHeapMB.toFixed(0)} MB; JSON ${result.msJsonMB.toFixed(1)} MB ` +
  `(${result.msJsonGzipMB.toFixed(1)} MB gzip), loadJSON ${result.msLoadMs.toFixed(0)} ms`);
console.log('| query kind | hitforms-search p50 / p95 / max | MiniSearch p50 / p95 / max | mean hits (ours) |\n|---|---|---|---|');
for (const kind of Object.keys(result.ours)) {
  const [a, b] = [result.ours[kind], result.ms[kind]];
  console.log(`| ${kind} | ${f(a[0])} / ${f(a[1])} / ${f(a[2])} ms | ${f(b[0])} / ${f(b[1])} / ${f(b[2])} ms | ${Math.round(result.oursHits[kind])} |`);
}
