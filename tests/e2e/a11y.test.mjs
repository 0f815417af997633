// Issue 5, point 9: accessibility in a real browser. axe-core (WCAG 2.1 A/AA) finds nothing in
// each state of the demo's forms (empty, errors shown, rows added, read-only, each complete UI
// language), a keyboard-only user fills and submits a small form, focus moves sensibly when a
// row is added or removed, and errors and the save status reach live regions.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { FORMS, LANGUAGES } from '../../demo/forms.js';
import { assertNoAxeViolations, closeBrowser, newPage } from './browser.mjs';
import { waitFor } from './demo-page.mjs';
import { deepFocus, editableControls, elementApi, host, liveTexts, openForm } from './form-page.mjs';

const OPTS = { timeout: 120_000 };
/** For a test whose subtests each take up to OPTS. */
const LONG = { timeout: 900_000 };
after(closeBrowser);

/** Opens a form in a new page; returns the page (openForm throws when the form does not load). */
async function openedForm(t, settings) {
  const { page } = await newPage(t);
  await openForm(page, settings);
  return page;
}

/** The section holding academy-application's one repeat (previous trainings). */
const REPEAT_SECTION = /^Experience/;

/** Shows the section named `name` by its button in the section list (one section at a time). */
async function showSection(page, name) {
  await host(page).getByRole('navigation').getByRole('button', { name }).click();
  await waitFor(`section ${name}`, () => host(page).getByRole('heading', { level: 3 }).first().textContent(), (s) => name.test(s.trim()));
}

/** The repeat's add button (in the section shown), or null. */
async function addButton(page) {
  const add = host(page).getByRole('button', { name: /^(add|\+)/i });
  return (await add.count()) ? add.first() : null;
}

/** Presses Tab (at most `max` times) until the focused element satisfies `ok`; returns it. */
async function tabTo(page, what, ok, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focus = await deepFocus(page);
    if (ok(focus)) return focus;
  }
  assert.fail(`${max} presses of Tab never reached ${what}`);
}

test('axe: every form of the demo, empty', LONG, async (t) => {
  for (const form of FORMS) {
    await t.test(form.id, OPTS, async (st) => {
      const page = await openedForm(st, { form: form.id });
      if (page) await assertNoAxeViolations(page, `in ${form.id}, empty`);
    });
  }
});

test('axe: each complete UI language', LONG, async (t) => {
  for (const form of ['project-idea', 'academy']) {
    for (const [lang] of LANGUAGES) {
      await t.test(`${form} in ${lang}`, OPTS, async (st) => {
        const page = await openedForm(st, { form, lang });
        assert.equal(await host(page).getAttribute('lang'), lang);
        // The UI strings are the language's own (its catalog loaded), not English.
        const exportLabel = { en: 'Export data (JSON)', de: 'Daten exportieren (JSON)', fr: 'Exporter les données (JSON)' }[lang];
        await host(page).getByRole('button', { name: exportLabel }).waitFor({ timeout: 10_000 });
        await assertNoAxeViolations(page, `in ${form}, lang=${lang}`);
      });
    }
  }
});

test('axe: errors shown', LONG, async (t) => {
  await t.test('project-idea with invalid values, after validate()', OPTS, async (st) => {
    const page = await openedForm(st, { form: 'project-idea' });
    await host(page).getByLabel(/Project acronym/).fill('A'.repeat(30));
    await host(page).getByLabel(/Duration/).fill('40');
    assert.equal(await host(page).evaluate((el) => el.validate()), false, 'validate() says the form is invalid');
    await waitFor('two invalid inputs', () => host(page).locator('[aria-invalid="true"]').count(), (n) => n >= 2);
    await assertNoAxeViolations(page, 'with errors shown (project-idea)');
  });
  await t.test('academy, empty, after validate()', OPTS, async (st) => {
    const page = await openedForm(st, { form: 'academy' });
    assert.equal(await host(page).evaluate((el) => el.validate()), false, 'an empty application is invalid');
    await waitFor('required errors', () => host(page).locator('[aria-invalid="true"]').count(), (n) => n >= 1);
    await assertNoAxeViolations(page, 'with errors shown (academy)');
  });
});

test('axe: rows added', OPTS, async (t) => {
  const page = await openedForm(t, { form: 'academy' });
  await showSection(page, REPEAT_SECTION);
  const add = await addButton(page);
  assert.ok(add, 'an add button in the section holding the repeat');
  const before = await host(page).locator('input, select, textarea').count();
  await add.click();
  await add.click();
  await waitFor('the rows\' inputs', () => host(page).locator('input, select, textarea').count(), (n) => n > before);
  await assertNoAxeViolations(page, 'with two rows added (academy)');
});

test('axe: read-only view has no editable control and no violation', OPTS, async (t) => {
  const { page } = await newPage(t);
  const state = await openForm(page, { form: 'project-idea' });
  assert.ok(state.ready);
  assert.ok((await elementApi(page)).observed.includes('readonly'), 'the readonly attribute is observed');
  await host(page).getByLabel(/Project acronym/).fill('MEADOWLINK');
  await page.getByLabel('Read-only view').check();
  await waitFor('no editable control', () => editableControls(page), (c) => c.length === 0);
  // In the shadow root: the host's own text is the page's fallback for browsers without the element.
  await waitFor('the typed value shown as text', () => host(page).evaluate((el) => el.shadowRoot.textContent), (s) => s.includes('MEADOWLINK'));
  await assertNoAxeViolations(page, 'in the read-only view');
});

/** Fills project-idea from the top of the page with the keyboard only; checks the data. */
async function fillByKeyboard(page) {
  const typed = [[/acronym/i, 'MEADOWLINK'], [/duration/i, '24'], [/summary.*\(EN\)|english|\ben\b/i, 'Restoring floodplain meadows.'], [/summary.*\(DE\)|deutsch|german|\bde\b/i, 'Auenwiesen wiederherstellen.']];
  // From the top of the page: past the skip link, navigation and the demo's settings.
  for (const [i, [label, text]] of typed.entries()) {
    await tabTo(page, `the field labelled ${label}`, (f) => f.inHost && ['input', 'textarea'].includes(f.tag) && label.test(f.label), i ? 12 : 60);
    await page.keyboard.type(text);
  }
  await page.keyboard.press('Tab'); // leave the last field, as a user does
  const data = await host(page).evaluate((el) => el.data);
  assert.equal(data.acronym, 'MEADOWLINK');
  assert.equal(Number(data.duration), 24);
  assert.match(JSON.stringify(data.summary), /Restoring floodplain meadows\..*Auenwiesen wiederherstellen\.|Auenwiesen wiederherstellen\..*Restoring floodplain meadows\./);
}

test('keyboard only: fill project-idea', OPTS, async (t) => {
  const { page } = await newPage(t);
  assert.ok((await openForm(page, { form: 'project-idea' })).ready);
  await fillByKeyboard(page);
});

test('keyboard only: fill project-idea and submit it (through the review step)', OPTS, async (t) => {
  const { page } = await newPage(t);
  assert.ok((await openForm(page, { form: 'project-idea' })).ready);
  assert.ok((await elementApi(page)).methods.includes('submit'), 'the element has submit()');
  await page.evaluate(() => {
    window.__submitted = null;
    document.addEventListener('hitforms-submit', (e) => { window.__submitted = e.detail; });
  });
  await fillByKeyboard(page);
  // Submit, then confirm on the review step (WCAG 3.3.4) if there is one: keys only.
  for (let round = 0; round < 3 && !(await page.evaluate(() => window.__submitted)); round++) {
    await tabTo(page, 'a submit button', (f) => f.inHost && f.tag === 'button' && /submit|send|review|confirm/i.test(f.text));
    await page.keyboard.press('Enter');
    await page.waitForTimeout(200);
  }
  const submitted = await waitFor('hitforms-submit', () => page.evaluate(() => window.__submitted), Boolean);
  assert.equal(submitted.data.acronym, 'MEADOWLINK');
});

test('keyboard: focus goes to the new row on add and stays in the form on remove', OPTS, async (t) => {
  const page = await openedForm(t, { form: 'academy' });
  // Keys only: to the section list's entry for the repeat's section, open it, then to its add button.
  await tabTo(page, 'the section list entry', (f) => f.inHost && f.tag === 'button' && REPEAT_SECTION.test(f.text), 200);
  await page.keyboard.press('Enter');
  await waitFor('focus on the section heading', () => deepFocus(page), (f) => f.inHost && f.tag === 'h3' && REPEAT_SECTION.test(f.text));
  await tabTo(page, 'the add button', (f) => f.inHost && f.tag === 'button' && /^(add|\+)/i.test(f.text), 60);
  // Everything present before the add is marked; focus must land on something new.
  await host(page).evaluate((el) => el.shadowRoot.querySelectorAll('*').forEach((n) => { n.__old = true; }));
  await page.keyboard.press('Enter');
  const isNew = () => page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return Boolean(el && el.getRootNode() instanceof ShadowRoot && !el.__old);
  });
  await waitFor('focus inside the new row', isNew, Boolean);

  page.on('dialog', (d) => d.accept());
  await tabTo(page, 'the row\'s remove button', (f) => f.inHost && f.tag === 'button' && /remove|delete/i.test(f.text), 40);
  await page.keyboard.press('Enter');
  // A confirmation in the page (role=dialog/alertdialog) is confirmed by keyboard too.
  const confirm = host(page).getByRole('alertdialog').or(host(page).getByRole('dialog'));
  if (await confirm.count()) {
    await tabTo(page, 'the confirm button', (f) => f.tag === 'button' && /remove|delete|yes|confirm/i.test(f.text), 10);
    await page.keyboard.press('Enter');
  }
  await waitFor('focus on a connected element of the form, not the page body', () => deepFocus(page), (f) => f.inHost && f.tag !== null);
});

test('live regions: a field error is announced', OPTS, async (t) => {
  const { page } = await newPage(t);
  assert.ok((await openForm(page, { form: 'project-idea' })).ready);
  const acronym = host(page).getByLabel(/Project acronym/);
  await acronym.fill('A'.repeat(26));
  await acronym.blur();
  // A message in words naming the limit, not merely a "26/25" counter.
  await waitFor('an error text in a live region', () => liveTexts(page), (texts) => texts.some((s) => /25/.test(s) && /\p{L}{3,}/u.test(s)));
});

test('live regions: the save status is announced', OPTS, async (t) => {
  const { page } = await newPage(t);
  assert.ok((await openForm(page, { form: 'project-idea' })).ready);
  assert.ok((await elementApi(page)).observed.includes('autosave'), 'the autosave attribute is observed');
  await host(page).getByLabel(/Project acronym/).fill('MEADOWLINK');
  await waitFor('a save status in a live region', () => liveTexts(page), (texts) => texts.some((s) => /sav|gespeichert|enregistr/i.test(s)));
});
