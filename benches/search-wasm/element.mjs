// <hitforms-partner-search> itself in headless Chromium: the built module
// (pkg/dist/search, or another build's folder) on the 100k index, one page.
// Load: from connecting the element to its first count, the index fetched from
// a blob: URL (in memory, so no network or Playwright transfer in the figure):
// fetch, binary::read_from, facet tables and the first render. Keystrokes: the
// 400 queries typed as one `input` event each (the country filter set through
// the first select for the filtered kind), timing the synchronous handler:
// search, facet counts and re-rendering the selects and the list; a warm-up
// pass, then the median of three passes per query. Usage (docs/benchmarks.md):
//   node benches/search-wasm/element.mjs MODULE_DIR BENCH_DIR [RUNS]
// with MODULE_DIR holding partner-search.js (`cargo xtask build search`),
// BENCH_DIR the output of `HITFORMS_BENCH_OUT=… cargo bench -p hitforms-search`,
// tests/node_modules installed (playwright-core) and /usr/bin/chromium.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [moduleDir, dir, runs = '1'] = process.argv.slice(2);
const require = createRequire(new URL('../../tests/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const types = { '.js': 'text/javascript', '.wasm': 'application/wasm' };
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
const index = readFileSync(join(dir, 'partners-100k.hfsx'));
const queries = readFileSync(join(dir, 'queries-400.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
for (let run = 0; run < Number(runs); run++) {
  const page = await browser.newPage();
  await page.route('http://bench.invalid/**', (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/') return route.fulfill({ body: '<!doctype html><html lang="en"><title>bench</title>', contentType: 'text/html' });
    if (path === '/index.hfsx') return route.fulfill({ body: index, contentType: 'application/octet-stream' });
    try {
      const body = readFileSync(join(moduleDir, path.replace('/m/', '')));
      return route.fulfill({ body, contentType: types[path.slice(path.lastIndexOf('.'))] ?? 'text/plain' });
    } catch {
      return route.fulfill({ status: 404, body: '' });
    }
  });
  await page.goto('http://bench.invalid/');
  const result = await page.evaluate(async (queries) => {
    const blob = await (await fetch('/index.hfsx')).blob();
    const url = URL.createObjectURL(blob);
    await (await import('/m/partner-search.js')).default();
    const el = document.createElement('hitforms-partner-search');
    el.setAttribute('index', url);
    const start = performance.now();
    document.body.append(el);
    const status = () => el.shadowRoot.querySelector('[role=status]').textContent;
    while (!/found/.test(status())) await new Promise((r) => setTimeout(r, 2));
    const loadMs = performance.now() - start;
    const input = el.shadowRoot.querySelector('input');
    const country = el.shadowRoot.querySelector('select');
    const times = {};
    for (let pass = 0; pass < 4; pass++) {
      for (const [i, q] of queries.entries()) {
        if (q.country && ![...country.options].some((o) => o.value === q.country)) country.append(new Option(q.country, q.country));
        country.value = q.country;
        country.dispatchEvent(new Event('change'));
        input.value = q.query;
        const t = performance.now();
        input.dispatchEvent(new Event('input'));
        if (pass > 0) ((times[q.id] ??= {})[i] ??= []).push(performance.now() - t);
      }
    }
    const out = { loadMs: Math.round(loadMs) };
    for (const [kind, byQuery] of Object.entries(times)) {
      const medians = Object.values(byQuery).map((t) => t.sort((a, b) => a - b)[1]).sort((a, b) => a - b);
      const pct = (p) => medians[Math.max(1, Math.ceil((medians.length * p) / 100)) - 1].toFixed(1);
      out[kind] = `p50 ${pct(50)} / p95 ${pct(95)} ms`;
    }
    return out;
  }, queries);
  console.log(JSON.stringify(result));
  await page.close();
}
console.log(`Chromium ${await browser.version()}`);
await browser.close();
