// Issue 5, point 7: the npm package as a user gets it. `npm pack` of pkg/, its file list and
// manifest checked, installed (offline: the tarball has no dependencies) into a fresh Vite
// project made in a temp folder, built with the Vite of tests/package-lock.json, served under a
// strict CSP and loaded in headless Chromium: <hitforms-form> renders and takes input; the same
// project also under Vite's dev server. The installed package is also loaded by a plain page
// with an inline <script type="module">.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, createServer } from 'vite';
import { closeBrowser, cspViolations, newPage } from './browser.mjs';
import { serve } from './static.mjs';

const ROOT = path.resolve(fileURLToPath(import.meta.url), '../../..');
const PKG = path.join(ROOT, 'pkg');
const OPTS = { timeout: 120_000 };
export const STRICT_CSP = "default-src 'self'; img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'";

let work; // the temp folder: tarball, app/
let packed; // npm pack's JSON for the tarball

before(() => {
  assert.ok(existsSync(path.join(PKG, 'dist/hitforms_bg.wasm')), 'pkg/dist is missing: run `cargo xtask build` first');
  work = mkdtempSync(path.join(tmpdir(), 'hitforms-pkg-'));
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: PKG, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  [packed] = JSON.parse(out);
});
after(async () => {
  await closeBrowser();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Writes a file (making its folder) below `dir`. */
function put(dir, rel, text) {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), text);
}

/** A fresh app folder with the packed tarball installed (no network: it has no dependencies). */
function freshApp(name) {
  const app = path.join(work, name);
  put(app, 'package.json', JSON.stringify({ name, private: true, type: 'module', dependencies: { hitforms: `file:../${packed.filename}` } }, null, 2));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'] });
  return app;
}

/** Waits until <hitforms-form> shows the acronym input, types into it and reads `data` back. */
async function assertFormWorks(page) {
  const acronym = page.getByLabel(/Project acronym/).first();
  await acronym.waitFor({ timeout: 20_000 });
  await acronym.fill('VITELINK');
  await page.waitForFunction(() => document.querySelector('hitforms-form')?.data?.acronym === 'VITELINK', null, { timeout: 10_000 });
}

test('npm pack: ESM manifest with types, only the needed files', OPTS, () => {
  const manifest = JSON.parse(readFileSync(path.join(PKG, 'package.json'), 'utf8'));
  assert.equal(manifest.type, 'module');
  assert.equal(manifest.exports['.'].types, './index.d.ts');
  assert.equal(manifest.exports['.'].default, './index.js');
  assert.equal(manifest.exports['./full'].default, './full.js');
  const files = packed.files.map((f) => f.path).sort();
  const needed = ['README.md', 'package.json', 'index.js', 'index.d.ts', 'dist/hitforms.js', 'dist/hitforms_bg.wasm', 'dist/hitforms.d.ts',
    'partner-search.js', 'partner-search.d.ts', 'dist/search/partner-search.js', 'dist/search/partner-search_bg.wasm',
    'dist/i18n/de.json', 'dist/i18n/fr.json', 'define.js', 'full.js', 'full.d.ts', 'dist/full/hitforms.js', 'dist/full/hitforms_bg.wasm'];
  for (const file of needed) {
    assert.ok(files.includes(file), `the tarball holds ${file} (it has: ${files.join(', ')})`);
  }
  // Nothing beyond the manifest's `files` (an entry ending in "/" is a folder): no tests, sources, maps.
  const listed = (f) => f === 'package.json' || manifest.files.some((e) => (e.endsWith('/') ? f.startsWith(e) : f === e));
  assert.deepEqual(files.filter((f) => !listed(f)), [], 'files in the tarball beyond package.json\'s `files`');
  assert.deepEqual(files.filter((f) => /\.(rs|map|ts\.map|test\.m?js)$|(^|\/)tests?\//.test(f)), [], 'sources, maps or tests in the tarball');
  // wasm-bindgen's JS imports its snippets: each must be in the tarball.
  for (const glue of ['dist/hitforms.js', 'dist/full/hitforms.js', 'dist/search/partner-search.js', 'dist/search-import/partner-search.js'].filter((g) => files.includes(g))) {
    const text = readFileSync(path.join(PKG, glue), 'utf8');
    const dir = path.posix.dirname(glue);
    const snippets = [...text.matchAll(/from\s*["']\.\/(snippets\/[^"']+)["']/g)];
    // The element's class lives in a snippet (shim.js): a glue importing none was misread.
    assert.ok(snippets.length > 0, `${glue} imports its snippets (none found: the glue's layout changed?)`);
    for (const [, snippet] of snippets) {
      assert.ok(files.includes(`${dir}/${snippet}`), `the tarball holds ${dir}/${snippet}, which ${glue} imports`);
    }
  }
});

/** A fresh Vite project using the package: index.html, main.js, the template in public/. */
function viteApp(name) {
  const app = freshApp(name);
  cpSync(path.join(ROOT, 'engine/templates/project-idea.json'), path.join(app, 'public/project-idea.json'));
  put(app, 'index.html', `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Vite app</title><link rel="icon" href="data:,">
<script type="module" src="/main.js"></script></head>
<body><main><h1>Apply</h1><hitforms-form template="/project-idea.json" lang="en"></hitforms-form></main></body></html>
`);
  put(app, 'main.js', "import { defineElements } from 'hitforms';\nawait defineElements();\n");
  return app;
}

test('a fresh Vite project builds with the package and renders <hitforms-form> under a strict CSP', OPTS, async (t) => {
  const app = viteApp('vite-app');
  await build({ root: app, logLevel: 'warn', configFile: false, build: { outDir: path.join(app, 'dist'), emptyOutDir: true } });

  const assets = readdirSync(path.join(app, 'dist/assets'));
  assert.ok(assets.some((f) => f.endsWith('.wasm')), `Vite emitted the wasm file as an asset (assets: ${assets.join(', ')})`);

  const server = await serve(path.join(app, 'dist'), { headers: { 'Content-Security-Policy': STRICT_CSP } });
  t.after(() => server.close());
  const { page, problems } = await newPage(t);
  await page.goto(server.url, { waitUntil: 'load' });
  await assertFormWorks(page);
  assert.deepEqual(await cspViolations(page), [], 'CSP violations');
  assert.deepEqual(problems, [], 'problems on the page');
});

test('the Vite dev server serves the package too (wasm URL through dependency pre-bundling)', OPTS, async (t) => {
  const app = viteApp('vite-dev');
  const server = await createServer({ root: app, configFile: false, logLevel: 'warn', server: { host: '127.0.0.1', port: 0 } });
  await server.listen();
  t.after(() => {
    server.httpServer?.closeAllConnections();
    return server.close();
  });
  const { context, page, problems } = await newPage(t);
  await page.goto(server.resolvedUrls.local[0], { waitUntil: 'load' });
  await assertFormWorks(page);
  assert.deepEqual(problems, [], 'problems on the page');
  // The page first: its HMR socket would keep the server's close waiting.
  await context.close();
});

/** A plain page (no bundler) with built-in template `template` (from engine/templates/, or compiled
 * from demo/compiled/ with `compiled`) and the package's `entry` module imported by a
 * `<script type="module">`, `defineElements(options)` called with the given source text and
 * `prepare(appDir)` run first; returns `{ page, problems }`. */
async function plainPage(t, name, template, entry, { lang = 'en', options = '', prepare, compiled = false } = {}) {
  const app = freshApp(name);
  const from = compiled ? 'demo/compiled' : 'engine/templates';
  cpSync(path.join(ROOT, from, template), path.join(app, template));
  prepare?.(app);
  put(app, 'index.html', `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Plain page</title><link rel="icon" href="data:,"></head>
<body><main><h1>Apply</h1><hitforms-form template="${template}" autosave="off" lang="${lang}"></hitforms-form></main>
<script type="module">
  import { defineElements } from './node_modules/hitforms/${entry}';
  await defineElements(${options});
</script></body></html>
`);
  const server = await serve(app);
  t.after(() => server.close());
  const opened = await newPage(t);
  await opened.page.goto(server.url, { waitUntil: 'load' });
  return opened;
}

test('a plain page loads the installed package with <script type="module">', OPTS, async (t) => {
  const { page, problems } = await plainPage(t, 'plain-app', 'project-idea.json', 'index.js');
  await assertFormWorks(page);
  assert.deepEqual(problems, [], 'problems on the page');
});

/** The first non-empty alert in the element, or the first form control's id once one shows. */
function outcome(page) {
  return page.waitForFunction(() => {
    const root = document.querySelector('hitforms-form')?.shadowRoot;
    const alert = [...(root?.querySelectorAll('[role="alert"]') ?? [])].map((a) => a.textContent.trim()).find(Boolean);
    if (alert) return { alert };
    const control = root?.querySelector('form :is(input, textarea, select)');
    return control ? { control: control.id } : null;
  }, null, { timeout: 20_000 }).then((h) => h.jsonValue());
}

test('the default entry refuses a template with expressions, saying why', OPTS, async (t) => {
  const { page } = await plainPage(t, 'slim-academy', 'academy-application.json', 'index.js');
  const result = await outcome(page);
  assert.match(result.alert ?? '', /cannot evaluate expressions/, JSON.stringify(result));
});

test('hitforms/full renders a compiled template with expressions', OPTS, async (t) => {
  const { page } = await plainPage(t, 'full-academy', 'academy-application.json', 'full.js', { compiled: true });
  const result = await outcome(page);
  assert.ok(result.control, `a form control, not ${JSON.stringify(result)}`);
});

test('hitforms/full refuses a plain JSON template, naming hitforms compile', OPTS, async (t) => {
  const { page } = await plainPage(t, 'full-plain', 'academy-application.json', 'full.js');
  const result = await outcome(page);
  assert.match(result.alert ?? '', /hitforms compile/, JSON.stringify(result));
});

test('catalogs given to defineElements() apply to a form already on the page', OPTS, async (t) => {
  // A German catalog of its own, told apart by one string.
  const prepare = (app) => {
    const de = JSON.parse(readFileSync(path.join(ROOT, 'i18n/de.json'), 'utf8'));
    de.ui['data.export'] = 'Daten exportieren (eigener Katalog)';
    put(app, 'own-i18n/de.json', JSON.stringify(de));
  };
  const { page } = await plainPage(t, 'own-catalogs', 'project-idea.json', 'index.js',
    { lang: 'de', options: "{ catalogs: './own-i18n/' }", prepare });
  const button = page.locator('hitforms-form').getByRole('button', { name: 'Daten exportieren (eigener Katalog)' });
  await button.waitFor({ timeout: 20_000 });
});
