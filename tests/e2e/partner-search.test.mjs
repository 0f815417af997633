// End-to-end tests of <hitforms-partner-search> on demo/partner-search.html?fixture
// (the project's CSV fixtures, indexed in the browser): search as you type, keyboard
// navigation, the live count, facet filters, the detail card with a safe website link
// and the keep.eu credit, "use as partner" (event and form fill), CSP and axe-core.
// Run: HITFORMS_URL=http://127.0.0.1:8123/demo/ node --test e2e/partner-search.test.mjs
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { demoUrl, waitFor, waitForText } from './demo-page.mjs';

const LAUNCH = {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
};
const OPTS = { timeout: 60_000 };

let browser;
after(async () => {
  await browser?.close();
});

/** Opens the page on the fixtures; returns the page, the host locator and the problems seen. */
async function open(t) {
  browser ??= await chromium.launch(LAUNCH);
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  t.after(() => context.close());
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught exception: ${err.message}`));
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.blockedURI || '(inline)'), true);
  });
  await page.goto(new URL('partner-search.html?fixture', demoUrl()).href);
  const host = page.locator('hitforms-partner-search');
  await waitForText(host.locator('[role=status]'), /participations? found/, 'the live count');
  return { page, host, problems };
}

/** The class of the element focused inside the shadow root. */
const focused = (page) =>
  page.evaluate(() => {
    const a = document.querySelector('hitforms-partner-search').shadowRoot.activeElement;
    return a ? `${a.tagName.toLowerCase()}.${a.className}:${a.textContent.slice(0, 60)}` : null;
  });

async function assertNoAxeViolations(page, when) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const text = results.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  assert.equal(results.violations.length, 0, `axe violations ${when}:\n${text.join('\n')}`);
}

test('searches as you type with folded diacritics and announces the count', OPTS, async (t) => {
  const { page, host, problems } = await open(t);
  const input = host.locator('input[type=search]');
  await input.pressSequentially('padagog');
  await waitForText(host.locator('.hf-hit .hf-name').first(), 'Pädagogische Hochschule Salzburg', 'first result');
  // The fixture's mojibake row ("PÃ¤dagogische Akademie Linz") is found through its repair.
  await waitForText(host.locator('[role=status]'), /^2 participations found$/, 'the live count');
  const names = await host.locator('.hf-hit .hf-name').allTextContents();
  assert.deepEqual(names, ['Pädagogische Hochschule Salzburg', 'PÃ¤dagogische Akademie Linz']);
  await input.fill('');
  await input.pressSequentially('universitat pasau');
  await waitForText(host.locator('.hf-hit .hf-name').first(), 'Universität Passau', 'typo-tolerant result');
  await waitForText(host.locator('[role=status]'), /^1 participation found$/, 'the singular count');
  assert.deepEqual(problems, []);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
});

test('is usable by keyboard: results, detail card, use as partner, back', OPTS, async (t) => {
  const { page, host } = await open(t);
  // A stand-in for <hitforms-form>: the same public `data` property.
  await page.evaluate(() => {
    const form = document.createElement('div');
    form.id = 'application';
    let data = { partners: [] };
    Object.defineProperty(form, 'data', { get: () => data, set: (v) => { data = v; } });
    document.body.append(form);
    document.getElementById('search').setAttribute('form', 'application');
    window.__selected = [];
    document.addEventListener('hitforms-partner-selected', (e) => window.__selected.push(e.detail));
  });
  const input = host.locator('input[type=search]');
  await input.pressSequentially('salzburg');
  await waitForText(host.locator('.hf-hit .hf-name').first(), 'Pädagogische Hochschule Salzburg', 'result');
  await input.press('ArrowDown');
  assert.match(await focused(page), /^button\.hf-hit:Pädagogische/);
  await page.keyboard.press('ArrowUp');
  assert.match(await focused(page), /^input\./);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await waitFor('focus on the card title', () => focused(page), (f) => /^h3\.hf-detail-title:Pädagogische/.test(f));
  const card = host.locator('.hf-detail');
  await waitForText(card.locator('dd').first(), 'Institute for Teacher Education', 'department');
  assert.match(await card.textContent(), /EDU-NET/);
  assert.match(await card.textContent(), /2014-2020/);
  // The keep.eu credit stays visible with the card.
  assert.equal(await host.locator('.hf-attribution a').getAttribute('href'), 'https://keep.eu/');
  assert.ok(await host.locator('.hf-attribution').isVisible());
  await assertNoAxeViolations(page, 'with the detail card open');

  await page.keyboard.press('Tab'); // the title is focused: next is the first button of the card
  while (!/hf-use/.test(await focused(page))) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const selected = await waitFor('the event', () => page.evaluate(() => window.__selected), (s) => s.length === 1);
  assert.equal(selected[0].organisation, 'Pädagogische Hochschule Salzburg');
  assert.equal(selected[0].country, 'AT');
  assert.deepEqual(selected[0].nuts, ['AT3', 'AT32', 'AT323']);
  assert.equal(selected[0].projects[0].acronym, 'EDU-NET');
  const data = await page.evaluate(() => document.getElementById('application').data);
  assert.equal(data.partners.length, 1);
  assert.equal(data.partners[0].nameInOriginalLanguage, 'Pädagogische Hochschule Salzburg');
  assert.equal(data.partners[0].role, 'LEAD_PARTNER');
  assert.equal(data.partners[0].legalStatusId, 'Public');
  assert.deepEqual(data.partners[0].mainAddress, {
    countryCode: 'AT', nutsRegion2Code: 'AT32', nutsRegion3Code: 'AT323',
    street: 'Akademiestraße 23', postalCode: '5020', city: 'Salzburg',
  });
  await waitForText(host.locator('[role=status]'), /added as a new partner/, 'the announcement');

  await page.keyboard.press('Escape');
  await waitFor('focus back on the result', () => focused(page), (f) => /^button\.hf-hit:Pädagogische/.test(f));
  assert.equal(await host.locator('.hf-detail').count(), 0);
});

test('"use as partner" fills a new partner into the page\'s real <hitforms-form>', OPTS, async (t) => {
  const { page, host, problems } = await open(t);
  const data = () => page.evaluate(() => document.getElementById('application-form').data);
  await waitFor('the application form', data, (d) => d && typeof d === 'object');
  assert.equal((await data()).partners?.length ?? 0, 0, 'no partner before');
  await host.locator('input[type=search]').pressSequentially('salzburg');
  await waitForText(host.locator('.hf-hit .hf-name').first(), 'Pädagogische Hochschule Salzburg', 'result');
  await host.locator('.hf-hit').first().click();
  await host.locator('.hf-use').click();
  const filled = await waitFor('the partner in the form', data, (d) => d?.partners?.length === 1);
  const partner = filled.partners[0];
  assert.equal(partner.nameInOriginalLanguage, 'Pädagogische Hochschule Salzburg');
  assert.equal(partner.role, 'LEAD_PARTNER');
  assert.equal(partner.mainAddress?.countryCode, 'AT');
  assert.equal(partner.mainAddress?.nutsRegion3Code, 'AT323');
  assert.equal(partner.mainAddress?.city, 'Salzburg');
  // The engine computed what derives from it: the lead partner's name in A.1.
  assert.equal(filled.leadPartnerNameInOriginalLanguage, 'Pädagogische Hochschule Salzburg');
  const alert = await page.evaluate(() => [...document.getElementById('application-form').shadowRoot.querySelectorAll('[role=alert]')]
    .map((a) => a.textContent.trim()).find(Boolean) ?? null);
  assert.equal(alert, null, 'the form shows no load problem');
  assert.deepEqual(problems, []);
});

test('facet filters narrow the results and show counts', OPTS, async (t) => {
  const { page, host } = await open(t);
  const country = host.locator('select[data-facet="0"]');
  const options = await country.locator('option').allTextContents();
  assert.ok(options.some((o) => /^DE \(\d+\)$/.test(o)), `country options: ${options}`);
  await country.selectOption('DE');
  await waitFor('only German results', () => host.locator('.hf-hit .hf-meta').allTextContents(),
    (metas) => metas.length > 0 && metas.every((m) => /, DE\b/.test(m)));
  await assertNoAxeViolations(page, 'with results and a filter');
  // A preset filter and the German UI (attributes re-mount the element).
  await host.evaluate((e) => { e.setAttribute('country', 'AT'); e.setAttribute('lang', 'de'); });
  await waitForText(host.locator('label[for=hf-q]'), 'Partner suchen', 'the German label');
  await waitForText(host.locator('[role=status]'), /^\d+ Beteiligung(en)? gefunden$/, 'the German count');
  assert.equal(await country.inputValue(), 'AT');
  const metas = await host.locator('.hf-hit .hf-meta').allTextContents();
  assert.ok(metas.length > 0 && metas.every((m) => /, AT\b/.test(m)), `results: ${metas}`);
});

test('says why when the data cannot be loaded', OPTS, async (t) => {
  const { host } = await open(t);
  const status = host.locator('[role=status]');
  // A CSV file is not a binary index: a clear message, no crash.
  await host.evaluate((e) => e.setAttribute('index', '../tests/fixtures/search/keep_partners.csv'));
  await waitForText(status, /could not be loaded: .*keep_partners\.csv: not a hitforms search index/, 'the load error');
  await host.evaluate((e) => e.setAttribute('index', 'missing.hfsx'));
  await waitForText(status, /could not be loaded: missing\.hfsx: HTTP 404/, 'the HTTP error');
});
