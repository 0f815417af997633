// Opening one form of the demo (demo/forms.js ids, ?form=&lang=&readonly) and reading the
// <hitforms-form> it holds through roles and labels only (no widget class names), so the specs
// follow the element's accessible contract while the renderers change.
import { demoUrl, waitFor } from './demo-page.mjs';

/** Waits for the form in the page: `{ ready: true }`; throws on any alert (a form that did not load:
 * the demo runs the full build, so the built-in templates' expressions and configurations are no excuse). */
export async function openForm(page, { form, lang = 'en', readonly = false }) {
  const q = new URLSearchParams({ form, lang });
  if (readonly) q.set('readonly', '');
  await page.goto(`${demoUrl()}?${q}`, { waitUntil: 'load' });
  const state = await waitFor(`form ${form} to render`, () => page.evaluate(() => {
    const root = document.querySelector('hitforms-form')?.shadowRoot;
    // A non-empty alert is a load failure; empty alert regions wait for announcements.
    const alert = [...(root?.querySelectorAll('[role="alert"]') ?? [])].map((a) => a.textContent.trim()).find(Boolean);
    if (alert) return { alert };
    // A field of the form or the read-only document (the draft bar's controls come before the form).
    return root?.querySelector('form :is(input, textarea, select), [part="document"]') ? { ready: true } : null;
  }), Boolean, 20_000);
  if (state.alert) throw new Error(`form ${form} did not load: ${state.alert}`);
  return { ready: true };
}

/** What the element class declares: its observed attributes and its methods. */
export function elementApi(page) {
  return page.evaluate(() => {
    const cls = customElements.get('hitforms-form');
    return {
      observed: cls?.observedAttributes ?? [],
      methods: Object.getOwnPropertyNames(cls?.prototype ?? {}),
    };
  });
}

/** The host element's locator. */
export function host(page) {
  return page.locator('hitforms-form');
}

/** The element that really has focus, through shadow roots: `{ tag, label, inHost, text }`. */
export function deepFocus(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const root = el?.getRootNode();
    const labelled = el?.labels?.[0]?.textContent ?? el?.getAttribute?.('aria-label') ?? '';
    return {
      tag: el?.localName ?? null,
      type: el?.getAttribute?.('type') ?? null,
      label: labelled.trim(),
      text: (el?.textContent ?? '').trim().slice(0, 80),
      inHost: root instanceof ShadowRoot && root.host.localName === 'hitforms-form',
      row: el?.closest?.('[data-index], li, [role="listitem"], fieldset')?.getAttribute?.('data-index') ?? null,
    };
  });
}

/** Every form control in the element that a user could still change. */
export function editableControls(page) {
  return page.evaluate(() => {
    const root = document.querySelector('hitforms-form')?.shadowRoot;
    return [...(root?.querySelectorAll('input, textarea, select') ?? [])]
      .filter((el) => !el.disabled && !el.readOnly && el.type !== 'hidden')
      .map((el) => el.id || el.name || el.localName);
  });
}

/** Texts of every live region (aria-live, role=status/alert) in the element, non-empty only. */
export function liveTexts(page) {
  return page.evaluate(() => {
    const root = document.querySelector('hitforms-form')?.shadowRoot;
    return [...(root?.querySelectorAll('[aria-live], [role="status"], [role="alert"]') ?? [])]
      .map((el) => el.textContent.trim())
      .filter(Boolean);
  });
}
