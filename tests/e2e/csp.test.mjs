// Issue 5, point 6: <hitforms-form> works under a strict Content-Security-Policy sent as an HTTP
// header (the demo page also carries it in a <meta>): no 'unsafe-eval', no 'unsafe-inline', only
// 'wasm-unsafe-eval'. Any securitypolicyviolation event or console error fails the test, while
// the form loads, takes input, shows errors, switches language and (when supported) goes read-only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeBrowser, cspViolations, newPage } from './browser.mjs';
import { waitFor } from './demo-page.mjs';
import { elementApi, host } from './form-page.mjs';
import { serve } from './static.mjs';

const ROOT = path.resolve(fileURLToPath(import.meta.url), '../../..');
const OPTS = { timeout: 60_000 };
/** The policy of issue 5, point 6, exactly. */
export const CSP = "script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

let server;
before(async () => {
  server = await serve(ROOT, {
    prefixes: ['demo/', 'pkg/', 'engine/templates/', 'tests/fixtures/'],
    headers: { 'Content-Security-Policy': CSP },
  });
});
after(async () => {
  await closeBrowser();
  await server?.close();
});

async function assertClean(page, problems, when) {
  await page.waitForTimeout(300); // violations are reported asynchronously
  const csp = await cspViolations(page);
  assert.deepEqual(csp, [], `CSP violations ${when}:\n${csp.join('\n')}`);
  assert.deepEqual(problems, [], `problems ${when}:\n${problems.join('\n')}`);
}

test('the demo under a CSP header: load, type, errors, language, read-only', OPTS, async (t) => {
  const { page, problems } = await newPage(t);
  const response = await page.goto(`${server.url}demo/?form=project-idea`, { waitUntil: 'load' });
  assert.equal(response.headers()['content-security-policy'], CSP, 'the policy is sent');
  const acronym = host(page).getByLabel(/Project acronym/);
  await acronym.waitFor({ timeout: 20_000 });
  await assertClean(page, problems, 'while loading');

  await acronym.fill('A'.repeat(30));
  await acronym.blur();
  assert.equal(await host(page).evaluate((el) => el.validate()), false);
  await waitFor('an invalid field', () => host(page).locator('[aria-invalid="true"]').count(), (n) => n > 0);
  await assertClean(page, problems, 'while typing and showing errors');

  await page.getByLabel('Language').selectOption('de');
  await waitFor('lang=de on the element', () => host(page).getAttribute('lang'), (l) => l === 'de');
  await host(page).locator('input, textarea').first().waitFor();
  await assertClean(page, problems, 'after switching the language');

  if ((await elementApi(page)).observed.includes('readonly')) {
    await page.getByLabel('Read-only view').check();
    await page.waitForTimeout(300);
    await assertClean(page, problems, 'in the read-only view');
  } else {
    t.diagnostic('read-only view not checked: <hitforms-form> does not observe `readonly` yet (owner element)');
  }
});
