// Page object for demo/index.html: locators follow the <hitforms-form> DOM contract
// (open shadow root; Playwright CSS locators pierce it) plus small polling helpers.
import assert from 'node:assert/strict';

export const TIMEOUT = 10_000;

/** The demo URL from HITFORMS_URL; fails loudly (never skips) when it is missing. */
export function demoUrl() {
  const url = process.env.HITFORMS_URL;
  if (!url) {
    throw new Error(
      'HITFORMS_URL is not set. Serve the repository root with a static server ' +
        '(e.g. `python3 -m http.server -b 127.0.0.1 8123`) and run with ' +
        'HITFORMS_URL=http://127.0.0.1:8123/demo/',
    );
  }
  return url;
}

/** Polls fn() until check(value) is true; fails with the last value seen. */
export async function waitFor(what, fn, check, timeout = TIMEOUT) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (check(last)) return last;
    } catch (err) {
      last = `<${err.message.split('\n')[0]}>`;
    }
    if (Date.now() > deadline) {
      assert.fail(`timed out after ${timeout} ms waiting for ${what}; last value: ${JSON.stringify(last)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the locator's text matches a RegExp (or equals a string, whitespace-trimmed). */
export function waitForText(locator, expected, what = String(locator)) {
  const ok = (text) =>
    text != null && (expected instanceof RegExp ? expected.test(text) : text.trim() === expected);
  return waitFor(`${what} to have text ${expected}`, () => locator.textContent({ timeout: 1000 }), ok);
}

export class DemoPage {
  constructor(page) {
    this.page = page;
    this.host = page.locator('hitforms-form#form');
    this.form = this.host.locator('form.hf-form');
    this.dataOut = page.locator('pre#data-out');
  }

  /** Opens the demo and waits until the element has rendered its form. */
  async open() {
    await this.page.goto(demoUrl(), { waitUntil: 'load' });
    await this.form.waitFor({ timeout: TIMEOUT });
    await this.field('acronym').waitFor({ timeout: TIMEOUT });
  }

  /** The field's wrapper: the `.hf-field` holding `#hf-ID` (or, multilingual, its `#hf-ID-label`). */
  fieldBox(id) {
    return this.host.locator('.hf-field', { has: this.page.locator(`#hf-${id}, #hf-${id}-label`) });
  }

  /** The input: id like "acronym", or "summary-en" for one language of a multilingual field. */
  field(id) {
    return this.host.locator(`#hf-${id}`);
  }

  label(id) {
    return this.host.locator(`label[for="hf-${id}"]`);
  }

  counter(id) {
    return this.host.locator(`#hf-${id}-count`);
  }

  /** The error paragraph; it exists only while the field has an error. */
  error(id) {
    return this.host.locator(`#hf-${id}-error`);
  }

  /** Replaces the field's content as typed text (fires input events). */
  async type(id, text) {
    await this.field(id).fill(text);
  }

  /** Moves focus away from the field, as a user does after typing (fires change). */
  async leave(id) {
    await this.field(id).blur();
  }

  /** Types and leaves the field, so validation messages are due. */
  async enter(id, text) {
    await this.type(id, text);
    await this.leave(id);
  }

  /** Waits for the counter text "N/MAX" (extra words around it are tolerated). */
  waitForCount(id, n, max) {
    return waitForText(this.counter(id), new RegExp(`(^|\\D)${n}\\s*/\\s*${max}(\\D|$)`), `counter #hf-${id}-count`);
  }

  /** Waits until the error element exists and has some text; returns the text. */
  waitForError(id) {
    return waitFor(
      `an error message in #hf-${id}-error`,
      async () => ((await this.error(id).count()) ? (await this.error(id).textContent()).trim() : ''),
      (text) => text.length > 0,
    );
  }

  /** Waits until the error element is gone (or empty). */
  waitForNoError(id) {
    return waitFor(
      `#hf-${id}-error to disappear`,
      async () => ((await this.error(id).count()) ? (await this.error(id).textContent()).trim() : ''),
      (text) => text === '',
    );
  }

  /** The live JSON data shown below the form, parsed. */
  async data() {
    return JSON.parse(await this.dataOut.textContent());
  }
}
