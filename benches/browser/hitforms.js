// The hitforms side of the browser benchmark: ?template=&config=&data=&step= (URLs, fetched
// before timing starts); the module is started first, then <hitforms-form> is timed from its
// insertion to its first frame. The runner (run.mjs) reads window.__bench.
import { nextFrame, timeFirstRender, timeAddRow, watchKeystrokes } from './measure.js';

const q = new URLSearchParams(location.search);
const pkg = q.get('pkg') ?? '../../pkg/dist/full/hitforms.js';
const fetchText = async (url) => (url ? (await fetch(url)).text() : null);

async function main() {
  const t0 = performance.now();
  const { default: init } = await import(pkg);
  await init();
  const moduleStart = performance.now() - t0;
  const [template, config, data] = await Promise.all([q.get('template'), q.get('config'), q.get('data')].map(fetchText));
  let el;
  const render = await timeFirstRender(
    () => {
      el = document.createElement('hitforms-form');
      el.setAttribute('template', template);
      if (config) el.setAttribute('config', config);
      if (data) el.setAttribute('data', data);
      if (q.get('step')) el.setAttribute('step', q.get('step'));
      el.setAttribute('autosave', 'off');
      document.getElementById('host').append(el);
      return el;
    },
    (root) => root.shadowRoot,
    // A field of the form (the draft bar's own controls come first) or a load problem.
    (root) => Boolean(root.shadowRoot?.querySelector('form :is(input, textarea, select)') || problem(root.shadowRoot)),
  );
  const alert = problem(el.shadowRoot);
  if (alert) return { error: alert, moduleStart };
  return { moduleStart, render };
}

/** The text of a non-empty alert (a template that failed to load); empty live regions wait for news. */
function problem(root) {
  return [...(root?.querySelectorAll('[role="alert"]') ?? [])].map((a) => a.textContent.trim()).find(Boolean) ?? null;
}

window.__bench = { result: main().catch((e) => ({ error: String(e) })) };

/** The acronym input (found by its label) and its counter (linked by aria-describedby). */
window.__prepareKeys = async () => {
  const root = document.querySelector('hitforms-form').shadowRoot;
  const input = [...root.querySelectorAll('input')].find((i) => /acronym/i.test(i.labels?.[0]?.textContent ?? i.getAttribute('aria-label') ?? ''));
  const isCount = (n) => n && /\d+\s*\/\s*\d+/.test(n.textContent);
  const counter = () => (input.getAttribute('aria-describedby') ?? '').split(/\s+/).map((id) => root.getElementById(id)).find(isCount) ?? { textContent: '' };
  input.value = '';
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await nextFrame();
  watchKeystrokes(root, counter);
  input.focus();
  return input.id;
};

/** The partners' add button (after showing section B when sections render on demand). */
window.__addRow = async () => {
  const root = document.querySelector('hitforms-form').shadowRoot;
  let button = partnersAddButton(root);
  if (!button) {
    const nav = [...root.querySelectorAll('a, button')].find((a) => /^\s*B\b.*partners/i.test(a.textContent));
    nav?.click();
    await new Promise((r) => setTimeout(r, 200));
    button = partnersAddButton(root);
  }
  if (!button) return { error: 'no add button for partners' };
  if (button.disabled) return { error: 'the partners\' add button is disabled (the list is full)' };
  return timeAddRow(button, root);
};

/** The partners' add button: by its id, else a button named for partners, or one whose nearest titled container is "Project partners". */
function partnersAddButton(root) {
  const name = (b) => `${b.textContent} ${b.getAttribute('aria-label') ?? ''}`;
  // The widget's id for a list's add button is hf-<pointer>-add (widgets/src/fields/lists.rs).
  const byId = root.getElementById('hf-partners-add');
  if (byId) return byId;
  const adds = [...root.querySelectorAll('button')].filter((b) => /^\s*(add|\+)/i.test(name(b)));
  const titleOf = (el) => el.querySelector(':scope > legend, :scope > h2, :scope > h3, :scope > h4, :scope > label, :scope > header')?.textContent ?? '';
  return adds.find((b) => /add (a |another |to (the )?)?(project )?partners?\b/i.test(name(b))) ?? adds.find((b) => {
    for (let el = b.parentElement; el; el = el.parentElement) {
      const title = titleOf(el);
      if (title) return /project partners/i.test(title);
    }
    return false;
  });
}
