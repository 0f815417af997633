// The SurveyJS side of the browser benchmark: ?survey= (the JSON of benches/surveyjs/convert.mjs,
// with the converted data), fetched before timing; the model is created and rendered (survey-core
// + survey-js-ui, production builds) from the start of timing to its first frame.
import { nextFrame, timeFirstRender, timeAddRow, watchKeystrokes } from './measure.js';

const q = new URLSearchParams(location.search);
let survey;

async function main() {
  const { survey: json, data } = await (await fetch(q.get('survey'))).json();
  const host = document.getElementById('host');
  const render = await timeFirstRender(
    () => {
      survey = new window.Survey.Model(json);
      survey.data = data;
      survey.render(host);
      return host;
    },
    (root) => root,
    (root) => Boolean(root.querySelector('input, textarea, select')),
  );
  return { moduleStart: 0, render };
}

window.__bench = { result: main().catch((e) => ({ error: String(e) })) };

/** The acronym input and its character counter. */
window.__prepareKeys = async () => {
  const host = document.getElementById('host');
  const question = survey.getQuestionByName('acronym');
  question.value = '';
  await nextFrame();
  const box = host.querySelector(`[data-name="acronym"]`);
  const input = box.querySelector('input');
  const counter = () => box.querySelector('.sd-remaining-character-counter') ?? { textContent: '' };
  watchKeystrokes(host, counter);
  input.focus();
  return input.id;
};

/** The partners' dynamic panel add button (its page shown first). */
window.__addRow = async () => {
  const host = document.getElementById('host');
  const question = survey.getQuestionByName('partners');
  survey.currentPage = question.page;
  await new Promise((r) => setTimeout(r, 500));
  const button = [...host.querySelectorAll(`[data-name="partners"] button, [data-name="partners"] .sd-paneldynamic__add-btn`)]
    .find((b) => /add/i.test(b.textContent) || b.classList.contains('sd-paneldynamic__add-btn'));
  if (!button) return { error: 'no add button for partners' };
  return timeAddRow(button, host);
};
