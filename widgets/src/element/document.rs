//! The read-only view (`readonly`): the same template and data shown as a
//! document (headings, label/value pairs, every section and list item
//! expanded), values as text, made for reading and for "print to PDF"
//! (style.css's `@media print`). What each field shows is the engine's
//! view; the values come from the data document.

use super::dom::{add, add_text, set};
use crate::i18n::{ui, ui_with};
use hitforms_engine::{Field, FieldKind, FormState, Group, Item, pointer_push};
use serde_json::Value;
use web_sys::Element;

/// Renders the whole form as a document into `into`, labels in `lang`.
pub fn render(form: &FormState, lang: &str, into: &Element) {
    let t = form.template();
    let data = form.data();
    let article = add(into, "article", "hf-document");
    set(&article, "part", "document");
    add_text(&article, "h2", "", t.title.get(lang));
    for section in &t.sections {
        let block = add(&article, "section", "hf-doc-section");
        set(&block, "part", "section");
        add_text(&block, "h3", "", section.title.get(lang));
        for item in &section.items {
            match item {
                Item::Field(slot) => {
                    if let Some(f) = t.root.fields.get(*slot) {
                        field(form, &data, f, &pointer_push("", &f.id), lang, &block);
                    }
                }
                Item::Static(text) => {
                    add_text(&block, "p", "hf-static", text.get(lang));
                }
            }
        }
    }
}

/// The fields of a record at `base`.
fn record(form: &FormState, data: &Value, group: &Group, base: &str, lang: &str, into: &Element) {
    for f in &group.fields {
        field(form, data, f, &pointer_push(base, &f.id), lang, into);
    }
}

/// One field: a label/value pair, or a titled block for a group or list.
fn field(form: &FormState, data: &Value, f: &Field, pointer: &str, lang: &str, into: &Element) {
    let Some(view) = form.view(pointer, lang).filter(|v| v.visible) else { return };
    match &f.kind {
        FieldKind::Group(inner) => {
            let block = add(into, "div", "hf-doc-group");
            add_text(&block, "h4", "", &view.label);
            record(form, data, inner, pointer, lang, &block);
            return;
        }
        FieldKind::Repeat(repeat) => {
            let block = add(into, "div", "hf-doc-group");
            add_text(&block, "h4", "", &view.label);
            for i in 0..view.items.unwrap_or(0) {
                let item = add(&block, "div", "hf-doc-group");
                let number = (i + 1).to_string();
                let title = ui_with("doc.item", &[("label", &view.label), ("number", &number)]);
                add_text(&item, "h4", "", &title);
                let base = pointer_push(pointer, &i.to_string());
                record(form, data, &repeat.item, &base, lang, &item);
            }
            return;
        }
        _ => {}
    }
    let pair = add(into, "dl", "hf-doc-field");
    set(&pair, "data-field", &view.id);
    add_text(&pair, "dt", "", &view.label);
    let dd = add(&pair, "dd", "");
    let value = data.pointer(pointer).unwrap_or(&Value::Null);
    let shown = match &f.kind {
        FieldKind::Multilingual { .. } => {
            let mut any = false;
            for part in view.parts.iter().filter(|p| !p.text.is_empty()) {
                let code = part.language.clone().unwrap_or_default();
                let p = add(&dd, "p", "hf-doc-text");
                set(&p, "lang", &code.to_ascii_lowercase());
                add_text(&p, "span", "hf-doc-lang", &code);
                add_text(&p, "span", "", &format!(" {}", part.text));
                any = true;
            }
            if any {
                return;
            }
            String::new()
        }
        FieldKind::Bool => match value {
            Value::Bool(true) => ui("doc.yes").to_owned(),
            Value::Bool(false) => ui("doc.no").to_owned(),
            _ => String::new(),
        },
        FieldKind::Select(_) | FieldKind::MultiSelect { .. } => {
            let option = |code: &Value| {
                let code =
                    code.as_str().map_or_else(|| hitforms_engine::json::write(code), str::to_owned);
                view.options.iter().find(|(c, _)| *c == code).map_or(code, |(_, l)| l.clone())
            };
            match value {
                Value::Array(codes) => {
                    let mut all = String::new();
                    for code in codes {
                        if !all.is_empty() {
                            all.push_str("; ");
                        }
                        all.push_str(&option(code));
                    }
                    all
                }
                Value::Null => String::new(),
                one => option(one),
            }
        }
        _ => view.parts.first().map(|p| p.text.clone()).unwrap_or_default(),
    };
    if shown.is_empty() {
        add_text(&dd, "span", "hf-doc-empty", ui("doc.empty"));
    } else {
        add_text(&dd, "p", "hf-doc-text", &shown);
    }
}
