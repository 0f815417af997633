// Demo wiring: load the hitforms WebAssembly bundle (registers <hitforms-form>; the full build,
// with the expression language and call configurations the HIT templates need), offer every
// form of demo/forms.js with a language switch and a read-only view (state kept in the URL:
// ?form=ID&lang=xx&readonly), and mirror the form's live data into <pre id="data-out">.
// Text only, never innerHTML.
import init from '../pkg/dist/full/hitforms.js';
import { FORMS, LANGUAGES } from './forms.js';

const card = document.getElementById('form-card');
const out = document.getElementById('data-out');
const status = document.getElementById('data-valid');
const pickForm = document.getElementById('pick-form');
const pickLang = document.getElementById('pick-lang');
const pickReadonly = document.getElementById('pick-readonly');

function show(data, valid) {
  out.textContent = JSON.stringify(data ?? {}, null, 2);
  status.textContent = valid ? 'valid' : 'not valid yet';
  status.classList.toggle('is-valid', Boolean(valid));
  status.classList.toggle('is-invalid', !valid);
}

function option(value, label) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  return o;
}

/** The settings in the URL, with defaults for what is missing or unknown. */
function settings() {
  const q = new URLSearchParams(location.search);
  const form = FORMS.find((f) => f.id === q.get('form')) ?? FORMS[0];
  const lang = LANGUAGES.some(([code]) => code === q.get('lang')) ? q.get('lang') : 'en';
  return { form, lang, readonly: q.has('readonly') };
}

function remember({ form, lang, readonly }) {
  const q = new URLSearchParams({ form: form.id, lang });
  if (readonly) q.set('readonly', '');
  history.replaceState(null, '', `?${q}`);
}

/** The page text around the form. */
function describe(form) {
  document.getElementById('form-title').textContent = form.name;
  document.getElementById('crumb').textContent = form.name;
  document.getElementById('form-lead').textContent = form.lead;
  document.title = `${form.name} | Interreg Danube Meadows 2021-2027`;
  const facts = document.getElementById('form-facts');
  facts.replaceChildren(...form.facts.map(([term, value]) => {
    const div = document.createElement('div');
    const dt = document.createElement('dt');
    const dd = document.createElement('dd');
    dt.textContent = term;
    dd.textContent = value;
    div.append(dt, dd);
    return div;
  }));
}

/** A new <hitforms-form> for the settings, replacing the old one (a new template is a new form). */
function mount({ form, lang, readonly }) {
  const el = document.createElement('hitforms-form');
  el.id = 'form';
  for (const [name, value] of Object.entries(form.attrs)) el.setAttribute(name, value);
  el.setAttribute('lang', lang);
  el.toggleAttribute('readonly', readonly);
  document.getElementById('form').replaceWith(el);
  describe(form);
  show({}, false);
  status.textContent = 'waiting for input';
}

FORMS.forEach((f) => pickForm.append(option(f.id, f.name)));
LANGUAGES.forEach(([code, name]) => pickLang.append(option(code, name)));
const current = settings();
pickForm.value = current.form.id;
pickLang.value = current.lang;
pickReadonly.checked = current.readonly;
if (current.form !== FORMS[0] || current.lang !== 'en' || current.readonly) mount(current);
else describe(current.form);

pickForm.addEventListener('change', () => {
  const next = { ...settings(), form: FORMS.find((f) => f.id === pickForm.value) };
  remember(next);
  mount(next);
});
// Language and read-only are live attributes of the same element (its data is kept).
pickLang.addEventListener('change', () => {
  remember({ ...settings(), lang: pickLang.value });
  document.getElementById('form').setAttribute('lang', pickLang.value);
});
pickReadonly.addEventListener('change', () => {
  remember({ ...settings(), readonly: pickReadonly.checked });
  document.getElementById('form').toggleAttribute('readonly', pickReadonly.checked);
});
// The card, not the element: the element is replaced when another form is chosen.
card.addEventListener('hitforms-change', (event) => show(event.detail.data, event.detail.valid));

try {
  await init();
  await customElements.whenDefined('hitforms-form');
  const form = document.getElementById('form');
  if (form.data) show(form.data, form.valid);
} catch (err) {
  const fallback = document.querySelector('#form .form-fallback');
  if (fallback) fallback.textContent = 'The form could not be loaded. Please try again later.';
  console.error('hitforms: initialisation failed', err);
}
