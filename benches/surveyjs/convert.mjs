// Converts a hitforms template (and a data document for it) to SurveyJS JSON, for the browser
// benchmark (benches/browser): sections → pages, groups → panels, repeats → dynamic panels,
// tables → dynamic matrices, multilingual fields → one input per input language, selects →
// dropdowns, computed fields → read-only expression questions. SurveyJS panels do not nest
// values, so a group's fields are named `group__field` and the data is flattened the same way.
// Not converted: the template's expressions (visible/required conditions, computed values, rules):
// SurveyJS has its own language, so the SurveyJS form evaluates none of what hitforms evaluates.
// Usage: node convert.mjs TEMPLATE.json [DATA.json] --languages EN,DE > survey.json

const SEP = '__';

/** The label in `lang`, else English, else the id. */
function text(label, lang, fallback) {
  return label?.[lang] ?? label?.en ?? fallback;
}

/** One template field as SurveyJS elements (a list: multilingual fields give a panel). */
function element(field, ctx, prefix) {
  const name = prefix + field.id;
  const title = text(field.label, ctx.lang, field.id);
  const required = field.required === true;
  switch (field.kind) {
    case 'text':
      return { type: 'text', name, title, maxLength: field.maxLength, isRequired: required, readOnly: Boolean(field.readonly) };
    case 'multilineText':
      return { type: 'comment', name, title, maxLength: field.maxLength, isRequired: required };
    case 'multilingualText':
      return {
        type: 'panel',
        name: `${name}${SEP}panel`,
        title,
        elements: (field.languages ?? ctx.languages).map((l) => ({
          type: field.multiline ? 'comment' : 'text',
          name: `${name}${SEP}${l}`,
          title: `${title} (${l})`,
          maxLength: field.maxLength,
          isRequired: required,
        })),
      };
    case 'integer':
    case 'decimal':
    case 'money':
      return { type: 'text', inputType: 'number', name, title, min: field.min, max: field.max, isRequired: required };
    case 'date':
      return { type: 'text', inputType: 'date', name, title, isRequired: required };
    case 'boolean':
      return { type: 'boolean', name, title, isRequired: required };
    case 'select':
      return { type: 'dropdown', name, title, choices: choices(field, ctx, name), isRequired: required };
    case 'multiSelect':
      return { type: 'checkbox', name, title, choices: choices(field, ctx, name), isRequired: required };
    case 'computed':
      return { type: 'expression', name, title };
    case 'static':
      return { type: 'html', name: `static${ctx.statics++}`, html: escape(text(field.text, ctx.lang, '')) };
    case 'group':
      return { type: 'panel', name: `${name}${SEP}panel`, title, elements: elements(field.fields, ctx, `${name}${SEP}`) };
    case 'repeat':
      return {
        type: 'paneldynamic',
        name,
        title,
        templateElements: elements(field.fields, ctx, ''),
        minPanelCount: field.minItems ?? 0,
        maxPanelCount: field.maxItems ?? 100,
      };
    case 'table':
      return {
        type: 'matrixdynamic',
        name,
        title,
        rowCount: 0,
        maxRowCount: field.maxRows ?? 100,
        columns: field.columns.map((c) => column(c, ctx)),
      };
    default:
      return { type: 'text', name, title };
  }
}

function column(c, ctx) {
  const title = text(c.label, ctx.lang, c.id);
  const cell = element(c, ctx, '');
  if (cell.type === 'panel') return { name: c.id, title, cellType: 'text' };
  const { type, name, ...rest } = cell;
  return { ...rest, name, title, cellType: type === 'html' ? 'expression' : type };
}

function elements(fields, ctx, prefix) {
  return (fields ?? []).map((f) => element(f, ctx, prefix));
}

/** Choices: the field's options, an inline code list, or (external lists) the values the data uses. */
function choices(field, ctx, name) {
  const list = field.options ?? (Array.isArray(ctx.codeLists[field.codeList]) ? ctx.codeLists[field.codeList] : null);
  if (list) return list.map((o) => ({ value: o.value, text: text(o.label, ctx.lang, o.value) }));
  return [...(ctx.usedValues.get(name.split(SEP).pop()) ?? [])].map((v) => ({ value: v, text: String(v) }));
}

function escape(s) {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Every value a data document holds, by field id (for external code lists). */
function usedValues(data, out = new Map()) {
  if (Array.isArray(data)) data.forEach((d) => usedValues(d, out));
  else if (data && typeof data === 'object') {
    for (const [k, v] of Object.entries(data)) {
      if (typeof v === 'string' || typeof v === 'number') {
        if (!out.has(k)) out.set(k, new Set());
        out.get(k).add(v);
      } else usedValues(v, out);
    }
  }
  return out;
}

/** The SurveyJS JSON of a template. `languages`: the input languages (e.g. the call's). */
export function convertTemplate(template, { languages = template.inputLanguages ?? ['EN'], lang = 'en', data = {} } = {}) {
  const ctx = { lang, languages, codeLists: template.codeLists ?? {}, usedValues: usedValues(data), statics: 0 };
  const sections = template.sections ?? [{ id: 'main', fields: template.fields }];
  return {
    title: text(template.title, lang, template.id),
    textUpdateMode: 'onTyping',
    checkErrorsMode: 'onValueChanged',
    showQuestionNumbers: 'off',
    pages: sections.map((s) => ({ name: s.id, title: text(s.title, lang, s.id), elements: elements(s.fields, ctx, '') })),
  };
}

/** A hitforms data document as SurveyJS data for the converted template (same flattening). */
export function convertData(template, data) {
  const fields = (template.sections ?? [{ fields: template.fields }]).flatMap((s) => s.fields ?? []);
  return record(fields, data ?? {}, '', {});
}

function record(fields, data, prefix, out) {
  for (const f of fields) {
    const v = data?.[f.id];
    if (v === undefined || v === null) continue;
    const name = prefix + f.id;
    if (f.kind === 'group') record(f.fields, v, `${name}${SEP}`, out);
    else if (f.kind === 'repeat' && Array.isArray(v)) out[name] = v.map((item) => record(f.fields, item, '', {}));
    else if (f.kind === 'table' && Array.isArray(v)) out[name] = v.map((row) => record(f.columns, row, '', {}));
    else if (f.kind === 'multilingualText' && Array.isArray(v)) {
      for (const t of v) out[`${name}${SEP}${t.language}`] = t.translation;
    } else if (typeof v !== 'object' || Array.isArray(v)) out[name] = v;
  }
  return out;
}

// Command line: node convert.mjs TEMPLATE [DATA] [--languages EN,DE]
if (import.meta.url === `file://${process.argv[1]}`) {
  const { readFileSync } = await import('node:fs');
  const args = process.argv.slice(2);
  const li = args.indexOf('--languages');
  const languages = li >= 0 ? args.splice(li, 2)[1].split(',') : undefined;
  const [templateFile, dataFile] = args;
  if (!templateFile) {
    console.error('usage: node convert.mjs TEMPLATE.json [DATA.json] [--languages EN,DE]');
    process.exit(2);
  }
  const template = JSON.parse(readFileSync(templateFile, 'utf8'));
  const data = dataFile ? JSON.parse(readFileSync(dataFile, 'utf8')) : {};
  const survey = convertTemplate(template, { languages, data });
  process.stdout.write(JSON.stringify(dataFile ? { survey, data: convertData(template, data) } : survey, null, 1));
}
