// The partner search in wasm under Node (V8, the engine of Chromium):
// load time, linear memory and per-kind p50/p95 of the 400 queries that
// `HITFORMS_BENCH_OUT=DIR cargo bench -p hitforms-search` writes to DIR.
// Usage: node run.mjs MODULE.wasm DIR   (docs/benchmarks.md)
import { readFileSync } from 'node:fs';

const [wasmPath, dir] = process.argv.slice(2);
const index = readFileSync(`${dir}/partners-100k.hfsx`);
const queries = readFileSync(`${dir}/queries-400.jsonl`, 'utf8').trim().split('\n').map(JSON.parse);
// `load_chunked` asks for one section at a time (as the widget does).
const env = {
  read_range: (at, len, dst) => new Uint8Array(x.memory.buffer, dst, len).set(index.subarray(at, at + len)),
};
const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), { env });
const x = instance.exports;
const encoder = new TextEncoder();
const put = (bytes) => {
  const ptr = x.buffer(bytes.length);
  new Uint8Array(x.memory.buffer, ptr, bytes.length).set(bytes);
  return [ptr, bytes.length];
};

const il = index.length;
let start = performance.now();
const records = x.load_chunked(il);
const loadMs = performance.now() - start;
const memoryMB = x.memory.buffer.byteLength / 1e6;
const heap = `heap ${(x.heap_live() / 1e6).toFixed(1)} MB live, ${(x.heap_peak() / 1e6).toFixed(1)} MB at the peak`;
const prepared = queries.map((q) => [q.id, ...put(encoder.encode(q.query)), ...put(encoder.encode(q.country))]);
for (const [, qp, ql, cp, cl] of prepared) x.search(qp, ql, cp, cl);
const times = {};
for (const [kind, qp, ql, cp, cl] of prepared) {
  const runs = [];
  for (let r = 0; r < 3; r++) {
    start = performance.now();
    x.search(qp, ql, cp, cl);
    runs.push(performance.now() - start);
  }
  runs.sort((a, b) => a - b);
  (times[kind] ??= []).push(runs[1]);
}
const pct = (sorted, p) => sorted[Math.max(1, Math.ceil((sorted.length * p) / 100)) - 1];
console.log(`records ${records}; load ${loadMs.toFixed(0)} ms; linear memory ${memoryMB.toFixed(0)} MB; ${heap} ` +
  `(the ${(il / 1e6).toFixed(1)} MB file read a section at a time); Node ${process.version}`);
console.log('| query kind | p50 | p95 | max |\n|---|---|---|---|');
for (const [kind, t] of Object.entries(times)) {
  t.sort((a, b) => a - b);
  console.log(`| ${kind} | ${pct(t, 50).toFixed(2)} ms | ${pct(t, 95).toFixed(2)} ms | ${t[t.length - 1].toFixed(2)} ms |`);
}
