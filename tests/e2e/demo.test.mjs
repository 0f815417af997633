// End-to-end tests of demo/index.html with <hitforms-form>: rendering, live counters,
// validation messages and ARIA wiring, live data, CSP/console cleanliness and axe-core.
// Run: HITFORMS_URL=http://127.0.0.1:8123/demo/ npm run test:e2e   (system Chromium, no downloads)
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoAxeViolations, closeBrowser, newPage } from './browser.mjs';
import { DemoPage, demoUrl, waitFor, waitForText } from './demo-page.mjs';

const OPTS = { timeout: 60_000 };

after(closeBrowser);

/** Opens the demo in a fresh context (closed after the test) and waits for the form. */
async function openDemo(t) {
  demoUrl(); // fails with a clear message when HITFORMS_URL is unset
  const { page, problems } = await newPage(t);
  const demo = new DemoPage(page);
  try {
    await demo.open();
  } catch (err) {
    // Say why the form did not render, when the page told us.
    const csp = await page.evaluate(() => window.__cspViolations).catch(() => []);
    const seen = [...problems, ...csp.map((v) => `CSP violation: ${v}`)];
    if (seen.length) err.message += `\nProblems seen on the page:\n${seen.join('\n')}`;
    throw err;
  }
  return { page, demo, problems };
}

/** Finds the first value stored under `key` anywhere in a JSON document. */
function findKey(value, key) {
  if (value === null || typeof value !== 'object') return undefined;
  if (Object.hasOwn(value, key)) return value[key];
  for (const child of Object.values(value)) {
    const found = findKey(child, key);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Asserts that an input is invalid and that aria-describedby points at its error text. */
async function assertErrorWired(demo, inputId, errorId = inputId) {
  const text = await demo.waitForError(errorId);
  const input = demo.field(inputId);
  assert.equal(await input.getAttribute('aria-invalid'), 'true', `#hf-${inputId} aria-invalid`);
  const described = await input.evaluate((el) => {
    const root = el.getRootNode();
    return (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean)
      .map((id) => ({ id, text: root.getElementById(id)?.textContent?.trim() ?? null }));
  });
  const ids = described.map((d) => d.id);
  assert.ok(ids.includes(`hf-${errorId}-error`), `aria-describedby of #hf-${inputId} (${ids.join(' ')}) includes hf-${errorId}-error`);
  assert.ok(described.some((d) => d.text === text), `an element referenced by aria-describedby holds the error text "${text}"`);
  return text;
}

test('renders the three fields with visible labels', OPTS, async (t) => {
  const { demo } = await openDemo(t);
  await waitForText(demo.form.locator('h2').first(), /Project idea/, 'form title');
  // One section at a time, named by its h3 heading (the section list is in the navigation).
  await waitForText(demo.host.locator('section h3').first(), /A\.1 Project identification/, 'section heading');
  assert.equal(await demo.host.locator('section h3').count(), 1, 'one section shown at a time');
  assert.equal(await demo.host.getByRole('region', { name: /A\.1 Project identification/ }).count(), 1, 'the section is a region named by its heading');

  for (const [id, label] of [['acronym', 'Project acronym'], ['duration', 'Duration (months)']]) {
    assert.equal(await demo.fieldBox(id).count(), 1, `one .hf-field holding #hf-${id}`);
    assert.ok(await demo.label(id).isVisible(), `label for #hf-${id} is visible`);
    assert.match(await demo.label(id).textContent(), new RegExp(label.replace(/[()]/g, '\\$&')));
    assert.ok(await demo.field(id).isVisible(), `#hf-${id} is visible`);
    assert.ok(await demo.host.locator(`#hf-${id}-help`).isVisible(), `help text of ${id} is visible`);
  }

  const group = demo.fieldBox('summary').locator('[role="group"]');
  assert.equal(await group.count(), 1, 'summary has one role=group');
  const groupName = await group.evaluate((el) => {
    const root = el.getRootNode();
    return (el.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean)
      .map((id) => root.getElementById(id)?.textContent ?? '').join(' ');
  });
  assert.match(groupName, /Project summary/, 'group is labelled by "Project summary"');
  assert.ok(await demo.fieldBox('summary').getByText('Project summary').first().isVisible(), 'summary label is visible');
  for (const lang of ['en', 'de']) {
    assert.ok(await demo.label(`summary-${lang}`).isVisible(), `label for #hf-summary-${lang} is visible`);
    assert.ok(await demo.field(`summary-${lang}`).isVisible(), `#hf-summary-${lang} is visible`);
  }
});

test('acronym: live counter, error above 25 characters, ARIA wiring', OPTS, async (t) => {
  const { demo } = await openDemo(t);
  await demo.type('acronym', 'ALPES');
  await demo.waitForCount('acronym', 5, 25);

  await demo.enter('acronym', 'A'.repeat(26));
  await demo.waitForCount('acronym', 26, 25);
  await assertErrorWired(demo, 'acronym');

  await demo.enter('acronym', 'MEADOWLINK');
  await demo.waitForNoError('acronym');
  assert.notEqual(await demo.field('acronym').getAttribute('aria-invalid'), 'true');
});

test('duration: 40 is above the maximum, 12 is fine', OPTS, async (t) => {
  const { demo } = await openDemo(t);
  await demo.enter('duration', '40');
  await assertErrorWired(demo, 'duration');

  await demo.enter('duration', '12');
  await demo.waitForNoError('duration');
  assert.notEqual(await demo.field('duration').getAttribute('aria-invalid'), 'true');
});

test('summary: one textarea per language, each with its own counter', OPTS, async (t) => {
  const { demo } = await openDemo(t);
  for (const lang of ['en', 'de']) {
    const input = demo.field(`summary-${lang}`);
    assert.equal(await input.getAttribute('lang'), lang, `#hf-summary-${lang} lang`);
    assert.equal(await input.evaluate((el) => el.localName), 'textarea');
    await demo.waitForCount(`summary-${lang}`, 0, 2000);
  }
  await demo.type('summary-en', 'Meadows');
  await demo.waitForCount('summary-en', 7, 2000);
  await demo.waitForCount('summary-de', 0, 2000);
  await demo.type('summary-de', 'Auen');
  await demo.waitForCount('summary-de', 4, 2000);
  await demo.waitForCount('summary-en', 7, 2000);
});

test('live data reflects typed values', OPTS, async (t) => {
  const { demo } = await openDemo(t);
  await demo.enter('acronym', 'MEADOWLINK');
  await demo.enter('duration', '12');
  await demo.enter('summary-en', 'Restoring floodplain meadows.');
  await demo.enter('summary-de', 'Auenwiesen wiederherstellen.');

  await waitFor('#data-out to contain all typed values', () => demo.data(), (data) => {
    const text = JSON.stringify(data);
    return findKey(data, 'acronym') === 'MEADOWLINK' &&
      Number(findKey(data, 'duration')) === 12 &&
      text.includes('Restoring floodplain meadows.') &&
      text.includes('Auenwiesen wiederherstellen.');
  });
  await waitForText(demo.page.locator('#data-valid'), 'valid', 'validity status');
});

test('no console errors and no CSP violations while loading', OPTS, async (t) => {
  const { page, problems } = await openDemo(t);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500); // let late async work (first render, events) settle
  const csp = await page.evaluate(() => window.__cspViolations);
  assert.deepEqual(csp, [], `CSP violations:\n${csp.join('\n')}`);
  assert.deepEqual(problems, [], `problems during page load:\n${problems.join('\n')}`);
});

test('axe-core finds no WCAG 2.1 A/AA violations, before and with errors', OPTS, async (t) => {
  const { demo, page } = await openDemo(t);
  await assertNoAxeViolations(page, 'after first render');

  await demo.enter('acronym', 'A'.repeat(30));
  await demo.enter('duration', '40');
  await demo.waitForError('acronym');
  await demo.waitForError('duration');
  await assertNoAxeViolations(page, 'with error messages shown');
});
