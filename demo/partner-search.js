// Demo wiring for <hitforms-partner-search>: load its module and list the chosen
// partners. `?fixture` switches to the project's small CSV fixtures, indexed in
// the browser (the end-to-end test uses it). Text only, never innerHTML.
import { defineSearchElement } from '../pkg/partner-search.js';
import { defineElements } from '../pkg/full.js';

const search = document.getElementById('search');
const fixture = new URLSearchParams(location.search).has('fixture');
if (fixture) {
  search.removeAttribute('index');
  search.setAttribute('data', ['keep_projects.csv', 'keep_partners.csv', 'se_partners.csv']
    .map((f) => `../tests/fixtures/search/${f}`).join(' '));
}
const chosen = document.getElementById('chosen');
search.addEventListener('hitforms-partner-selected', (event) => {
  const p = event.detail;
  const li = document.createElement('li');
  li.textContent = `${p.organisation} (${[p.town, p.country].filter(Boolean).join(', ')}), ${p.projects.length} project(s)`;
  chosen.append(li);
});
// The fixtures are CSV: that needs the build with the import.
await Promise.all([defineSearchElement({ withImport: fixture }), defineElements()]);
