// The browser benchmark's section of docs/benchmarks.md, between its two markers (the rest of
// the document belongs to `cargo xtask bench`'s own report and is left alone).
import { readFileSync, writeFileSync } from 'node:fs';

const BEGIN = '<!-- browser-bench:begin (benches/browser/run.mjs writes this part) -->';
const END = '<!-- browser-bench:end -->';

const ms = (s, key = 'median') => (s ? `${s[key].toFixed(1)} ms` : '—');
const ratio = (a, b, key = 'median') => (a && b && a[key] > 0 ? `${(b[key] / a[key]).toFixed(1)}×` : '—');

/** The markdown of one run. */
export function section(r) {
  const h = r.libs.hitforms;
  const s = r.libs.surveyjs;
  const rows = [
    ['first render of the form, to its first frame (median)', '≤ 300 ms', h.frame, s.frame, 'median'],
    ['keystroke to updated DOM, p95', '≤ 16 ms', h.keys, s.keys, 'p95'],
    ['keystroke to updated DOM, median', '', h.keys, s.keys, 'median'],
    ['add a partner, to updated DOM (median)', '≤ 16 ms', h.add, s.add, 'median'],
    ['add a partner, to its first frame (median)', '', h.addFrame, s.addFrame, 'median'],
  ];
  const notMeasured = (lib, x) => (x.error ? `\n**${lib}:** not all measured: ${x.error}.\n` : '');
  return `${BEGIN}
## The widget in the browser, side by side with SurveyJS (issue 5)

Measured ${r.date} on ${r.machine}; ${r.browser}. The form: \`hit-application\` at step 2
without a call configuration (SurveyJS has none to compare; hitforms runs its full build on the
template compiled by \`hitforms compile\`), so
both sides show the template's own input languages (EN), with ${r.inputs.partners} partners and ${r.inputs.wps} work
packages (${r.inputs.dataBytes.toLocaleString('en')} B of data, made by \`benches/browser/gen-data.mjs\`
from the valid one-step example). SurveyJS (\`survey-core\` + \`survey-js-ui\` 2.5.38, production
builds) renders the same template converted by \`benches/surveyjs/convert.mjs\` (sections as pages,
partners and work packages as dynamic panels, tables as dynamic matrices) with the same data.
hitforms build: ${r.options.pkg ? `\`${r.options.pkg}\`` : '`pkg/dist/full`, the release build of the npm package\'s `hitforms/full`'}. Both show one part at a time:
hitforms section A on first render (section B is opened before the adds), SurveyJS its first page.${r.options.note ? ` ${r.options.note}` : ''}

| figure | goal | hitforms | SurveyJS | SurveyJS / hitforms |
|---|---|---|---|---|
${rows.map(([name, goal, a, b, key]) => `| ${name} | ${goal} | ${h.error && !a ? '—' : ms(a, key)} | ${ms(b, key)} | ${ratio(a, b, key)} |`).join('\n')}
${notMeasured('hitforms', h)}${notMeasured('SurveyJS', s)}
Method (\`cargo xtask bench browser\`, i.e. \`node benches/browser/run.mjs\`): both run in the same
Chromium, each page fresh. First render: ${r.options.rounds} fresh pages each, the two libraries
alternating round by round;
the library's code is loaded and started and the template and data fetched before the clock
starts; it stops at the first animation frame after a MutationObserver sees the form's first
input (hitforms: inserting \`<hitforms-form>\`; SurveyJS: \`new Model(json)\`, setting \`data\` and
\`render()\`). Keystrokes: ${r.options.keys} presses of a key into the project acronym field through
Chromium's input pipeline; each is timed from the keydown event to the DOM mutation after which the
field's character counter shows the new length (SurveyJS with \`textUpdateMode: "onTyping"\`, so
that it updates on every key as hitforms does). Add a partner: ${r.options.adds} clicks on the
partners' add button in a fresh page whose document has ${r.options.adds} fewer partners (the
template allows at most 50), each timed from the click to the mutation that inserts the new row's inputs
(and to the next frame). The conversion carries no expressions: the SurveyJS form evaluates no
condition, computed value or rule, while hitforms evaluates all of them on every change.
${END}`;
}

/** Replaces (or appends) the section in `file`. */
export function writeDoc(file, r) {
  let old = '';
  try {
    old = readFileSync(file, 'utf8');
  } catch {
    old = '# Benchmarks\n';
  }
  const b = old.indexOf(BEGIN);
  const e = old.indexOf(END);
  const text = b >= 0 && e > b ? old.slice(0, b) + section(r) + old.slice(e + END.length) : `${old.trimEnd()}\n\n${section(r)}\n`;
  writeFileSync(file, text);
}
