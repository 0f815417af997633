// Demo wiring: load the hitforms WebAssembly bundle (registers <hitforms-form>)
// and mirror the form's live data into <pre id="data-out">. Text only, never innerHTML.
import init from '../pkg/dist/hitforms.js';

const form = document.getElementById('form');
const out = document.getElementById('data-out');
const status = document.getElementById('data-valid');

function show(data, valid) {
  out.textContent = JSON.stringify(data ?? {}, null, 2);
  status.textContent = valid ? 'valid' : 'not valid yet';
  status.classList.toggle('is-valid', Boolean(valid));
  status.classList.toggle('is-invalid', !valid);
}

// Listen before init so that no early event is missed.
form.addEventListener('hitforms-change', (event) => {
  show(event.detail.data, event.detail.valid);
});

try {
  await init();
  await customElements.whenDefined('hitforms-form');
  // Show the initial (empty) document if the element exposes it before any change.
  if (form.data !== undefined) show(form.data, form.valid);
} catch (err) {
  const fallback = form.querySelector('.form-fallback');
  if (fallback) fallback.textContent = 'The form could not be loaded. Please try again later.';
  console.error('hitforms: initialisation failed', err);
}
