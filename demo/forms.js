// The forms the demo offers: each a template, an optional call configuration and step, and the
// page text around it. The demo loads the package's full build (hitforms/full), which reads
// templates and configurations compiled by `hitforms compile`: `cargo xtask build` writes them to
// demo/compiled/ from engine/templates/ and tests/fixtures/reports/ (docs/embedding.md).
// Attribute names follow <hitforms-form>'s API (docs/embedding.md).
const C = 'compiled/';

export const FORMS = [
  {
    id: 'project-idea',
    name: 'Call 1 – Project idea',
    lead: 'Describe your project idea in a few lines. The joint secretariat gives feedback within four weeks, before you prepare a full application.',
    facts: [['Step', '1 of 2 (project idea)'], ['Deadline', '30 September 2026, 12:00 CET'], ['Languages', 'English and German']],
    attrs: { template: `${C}project-idea.json` },
  },
  {
    id: 'hit-standard',
    name: 'Call 1 – Application (standard, one step)',
    lead: 'The full application form (HIT) for small-scale cooperation projects: partnership, work plan, budget.',
    facts: [['Call type', 'Standard, one step'], ['Deadline', '31 January 2027, 12:00 CET'], ['Languages', 'English, German, Czech']],
    attrs: { template: `${C}hit-application.json`, config: `${C}call-standard-one-step.json`, step: '2' },
  },
  {
    id: 'hit-two-step-1',
    name: 'Call 2 – Strategic projects, step 1',
    lead: 'Step 1 of the two-step call: the short application; the full one follows when step 1 is approved.',
    facts: [['Call type', 'Standard, two steps'], ['Step', '1 of 2'], ['Languages', 'English and French']],
    attrs: { template: `${C}hit-application.json`, config: `${C}call-two-step.json`, step: '1' },
  },
  {
    id: 'hit-two-step-2',
    name: 'Call 2 – Strategic projects, step 2',
    lead: 'Step 2 of the two-step call: the full application.',
    facts: [['Call type', 'Standard, two steps'], ['Step', '2 of 2'], ['Languages', 'English and French']],
    attrs: { template: `${C}hit-application.json`, config: `${C}call-two-step.json`, step: '2' },
  },
  {
    id: 'hit-spf',
    name: 'Call 3 – Small project fund',
    lead: 'The application of a small project fund beneficiary.',
    facts: [['Call type', 'Small project fund'], ['Deadline', 'open until 2027'], ['Languages', 'English']],
    attrs: { template: `${C}hit-application.json`, config: `${C}call-spf.json`, step: '2' },
  },
  {
    id: 'partner-report',
    name: 'Partner report',
    lead: 'The report a project partner submits for each reporting period.',
    facts: [['For', 'approved projects'], ['Period', 'every six months'], ['Languages', 'English']],
    attrs: { template: `${C}hit-partner-report.json`, config: `${C}cobium-partner.config.json` },
  },
  {
    id: 'academy',
    name: 'Interact Academy – Application',
    lead: 'Apply for a certified training of the Interact Academy.',
    facts: [['For', 'programme staff'], ['Cohorts', 'spring and autumn'], ['Languages', 'English']],
    attrs: { template: `${C}academy-application.json` },
  },
  {
    id: 'knowledge-fair',
    name: 'Interact knowledge fair – Registration',
    lead: 'Register for the knowledge fair.',
    facts: [['For', 'programmes and projects'], ['Where', 'Meadowtown'], ['Languages', 'English']],
    attrs: { template: `${C}knowledge-fair-registration.json` },
  },
];

/** UI languages with complete catalogs (issue 5, point 5). */
export const LANGUAGES = [['en', 'English'], ['de', 'Deutsch'], ['fr', 'Français']];
