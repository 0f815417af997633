// The browser benchmark of issue 5, point 10: hitforms and SurveyJS side by side in one headless
// Chromium run, on the same form (hit-application, converted for SurveyJS by
// benches/surveyjs/convert.mjs) with the same data (gen-data.mjs: 50 partners, 20 work packages).
// Three figures each: first render, keystroke to updated DOM (p95), adding a repeated row.
// Usage: node benches/browser/run.mjs [--tiny] [--rounds N] [--keys N] [--adds N] [--pkg URL] [--doc FILE]
//   [--note TEXT]  (--pkg: another build of the widget, its hitforms.js relative to benches/browser/;
//   --note: a sentence the report prints about it)
// (`cargo xtask bench browser` runs it with --doc docs/benchmarks.md.)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getBrowser, closeBrowser } from '../../tests/e2e/browser.mjs';
import { serve } from '../../tests/e2e/static.mjs';
import { convertData, convertTemplate } from '../surveyjs/convert.mjs';
import { generate } from './gen-data.mjs';
import { writeDoc } from './report.mjs';

const ROOT = path.resolve(fileURLToPath(import.meta.url), '../../..');
const OUT = path.join(ROOT, 'target/bench/browser');
const TEMPLATE = 'engine/templates/hit/hit-application.json';
/** The same template compiled (`cargo xtask build`), which hitforms/full reads. */
const COMPILED = 'demo/compiled/hit-application.json';

function options(argv) {
  const o = { tiny: false, rounds: 7, keys: 100, adds: 10, pkg: null, doc: null, note: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--tiny') Object.assign(o, { tiny: true, rounds: 1, keys: 5, adds: 1 });
    else if (['--rounds', '--keys', '--adds'].includes(a)) o[a.slice(2)] = Number(argv[++i]);
    else if (['--pkg', '--doc', '--note'].includes(a)) o[a.slice(2)] = argv[++i];
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

export function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return s.length ? { n: s.length, median: at(0.5), p95: at(0.95), min: s[0], max: s[s.length - 1] } : null;
}

/** Writes the inputs both sides load: the data document and the SurveyJS JSON. */
function prepare(o) {
  mkdirSync(OUT, { recursive: true });
  const [partners, wps] = o.tiny ? [2, 1] : [50, 20];
  const template = JSON.parse(readFileSync(path.join(ROOT, TEMPLATE), 'utf8'));
  // Two inputs: `partners` partners for first render and keys; for adding rows, `adds` fewer, as
  // the template allows at most 50 partners (hitforms disables its add button on a full list).
  const write = (suffix, n) => {
    const data = generate(n, wps);
    // The template's own input languages on both sides (hitforms loads it without the config).
    const survey = convertTemplate(template, { languages: template.inputLanguages, data });
    writeFileSync(path.join(OUT, `hit-data${suffix}.json`), JSON.stringify(data));
    writeFileSync(path.join(OUT, `survey${suffix}.json`), JSON.stringify({ survey, data: convertData(template, data) }));
    return JSON.stringify(data).length;
  };
  write('-add', Math.max(1, partners - o.adds));
  return { partners, wps, dataBytes: write('', partners) };
}

function pageUrl(base, lib, o, suffix = '') {
  if (lib === 'surveyjs') return `${base}benches/browser/surveyjs.html?survey=../../target/bench/browser/survey${suffix}.json`;
  // No call configuration (SurveyJS has none to compare), so hitforms (its full build,
  // pkg/dist/full) shows the template's full step 2 in every input language of the template,
  // as the SurveyJS side does.
  const q = new URLSearchParams({ template: `../../${COMPILED}`, data: `../../target/bench/browser/hit-data${suffix}.json`, step: '2' });
  if (o.pkg) q.set('pkg', o.pkg);
  return `${base}benches/browser/hitforms.html?${q}`;
}

/** One fresh page of `lib`; resolves to its first-render result (or `{ error }`). */
async function open(browser, base, lib, o, suffix = '') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pageUrl(base, lib, o, suffix));
  await page.waitForFunction(() => window.__bench, null, { timeout: 60_000 });
  const result = await page.evaluate(() => window.__bench.result);
  if (errors.length && !result.error) result.error = errors.join('; ');
  return { context, page, result };
}

/** `n` keys into the acronym field, in batches of 20 (its limit is 25 characters). */
async function keystrokes(page, n) {
  for (let i = 1; i <= n; i++) {
    if (i % 20 === 1) await page.evaluate(() => window.__prepareKeys());
    await page.keyboard.press('a');
    await page.waitForFunction((k) => window.__keys.length >= k, i, { timeout: 5_000, polling: 'raf' });
  }
  return page.evaluate(() => window.__keys);
}

/** First renders, alternating the libraries round by round so that load on the machine hits both alike. */
async function firstRenders(browser, base, libs, o) {
  const out = Object.fromEntries(libs.map((lib) => [lib, { render: [], frame: [], moduleStart: [], keys: [], add: [], addFrame: [], error: null }]));
  for (let r = 0; r < o.rounds; r++) {
    for (const lib of r % 2 ? [...libs].reverse() : libs) {
      if (out[lib].error) continue;
      const { context, result } = await open(browser, base, lib, o);
      await context.close();
      if (result.error) {
        out[lib].error = result.error;
        continue;
      }
      out[lib].render.push(result.render.dom);
      out[lib].frame.push(result.render.frame);
      out[lib].moduleStart.push(result.moduleStart);
    }
  }
  return out;
}

/** Keystrokes in one fresh page of `lib` (the full form), then added rows in another (`adds` fewer partners). */
async function interactions(browser, base, lib, o, out) {
  for (const suffix of ['', '-add']) {
    if (out.error) return;
    const { context, page } = await open(browser, base, lib, o, suffix);
    try {
      if (!suffix) out.keys = await keystrokes(page, o.keys);
      for (let i = 0; suffix && i < o.adds; i++) {
        const add = await page.evaluate(() => window.__addRow());
        if (add.error) {
          out.error = add.error;
          break;
        }
        out.add.push(add.dom);
        out.addFrame.push(add.frame);
      }
    } catch (e) {
      out.error = e.message.split('\n')[0];
    } finally {
      await context.close();
    }
  }
}

export async function run(o) {
  const loadAtStart = os.loadavg()[0];
  const inputs = prepare(o);
  const server = await serve(ROOT, {
    prefixes: ['benches/browser/', 'pkg/', 'engine/templates/', 'demo/compiled/', 'target/bench/browser/', 'tests/node_modules/survey-core/', 'tests/node_modules/survey-js-ui/'],
  });
  const browser = await getBrowser();
  const libs = ['hitforms', 'surveyjs'];
  let results;
  try {
    results = await firstRenders(browser, server.url, libs, o);
    for (const lib of libs) await interactions(browser, server.url, lib, o, results[lib]);
  } finally {
    await closeBrowser();
    await server.close();
  }
  const summary = {
    date: new Date().toISOString().slice(0, 10),
    machine: `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load average ${loadAtStart.toFixed(2)} at the start and ${os.loadavg()[0].toFixed(2)} at the end (other sessions share the machine; their work slows both sides)`,
    browser: `Chromium ${browser.version()} headless (Debian), playwright-core`,
    inputs,
    options: o,
    libs: Object.fromEntries(Object.entries(results).map(([lib, r]) => [lib, {
      error: r.error,
      render: stats(r.render), frame: stats(r.frame), moduleStart: stats(r.moduleStart),
      keys: stats(r.keys), add: stats(r.add), addFrame: stats(r.addFrame),
    }])),
  };
  writeFileSync(path.join(OUT, 'results.json'), JSON.stringify(summary, null, 2));
  return summary;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const o = options(process.argv.slice(2));
  const summary = await run(o);
  const fmt = (s) => (s ? `median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms (n=${s.n})` : '—');
  for (const [lib, r] of Object.entries(summary.libs)) {
    console.log(`${lib}:${r.error ? ` NOT MEASURED: ${r.error}` : ''}`);
    console.log(`  first render (DOM / frame): ${fmt(r.render)} / ${fmt(r.frame)}`);
    console.log(`  keystroke to DOM:           ${fmt(r.keys)}`);
    console.log(`  add a partner (DOM / frame): ${fmt(r.add)} / ${fmt(r.addFrame)}`);
  }
  if (o.doc) {
    writeDoc(path.resolve(o.doc), summary);
    console.log(`wrote ${o.doc}`);
  }
}
