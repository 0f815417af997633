//! Deterministic inputs of the benchmarks, built in code (nothing large is
//! committed): a 1,000-field template, and a HIT-like template with a
//! document of 50 partners, each with 300 budget rows.

use std::fmt::Write;

/// The scalar kinds the 1,000-field template cycles through (JSON bodies
/// after `"kind": …`).
const KINDS: &[&str] = &[
    r#""kind": "text", "maxLength": 250"#,
    r#""kind": "multilingualText", "maxLength": 2000, "multiline": true"#,
    r#""kind": "integer", "min": 0, "max": 1000"#,
    r#""kind": "decimal", "scale": 3"#,
    r#""kind": "money""#,
    r#""kind": "percentage""#,
    r#""kind": "date", "min": "2021-01-01", "max": "2029-12-31""#,
    r#""kind": "boolean""#,
    r#""kind": "select", "options": [{"value": "a", "label": {"en": "A"}}, {"value": "b", "label": {"en": "B"}}]"#,
    r#""kind": "multiSelect", "maxItems": 2, "options": [{"value": "x", "label": {"en": "X"}}, {"value": "y", "label": {"en": "Y"}}]"#,
];

fn scalar(id: &str, i: usize) -> String {
    let kind = KINDS[i % KINDS.len()];
    let required = i.is_multiple_of(3);
    format!(r#"{{"id": "{id}", {kind}, "label": {{"en": "Field {id}"}}, "required": {required}}}"#)
}

fn template(id: &str, sections: &[String], languages: &str) -> String {
    format!(
        r#"{{"id": "{id}", "version": "1", "title": {{"en": "{id}"}}, "inputLanguages": {languages},
           "codeLists": {{"role": [{{"value": "LEAD", "label": {{"en": "Lead partner"}}}},
                                   {{"value": "PARTNER", "label": {{"en": "Partner"}}}}]}},
           "sections": [{}]}}"#,
        sections.join(",")
    )
}

/// A template of exactly 1,000 fields in 10 sections of 100: 89 scalar
/// fields of every kind and a group of 10 scalars; in the last section 79
/// scalars, the group, and a repeat of 9 columns (groups and the repeat
/// count as fields).
pub fn thousand_fields() -> String {
    let sections: Vec<String> = (0..10)
        .map(|s| {
            let scalars = if s == 9 { 79 } else { 88 };
            let mut fields: Vec<String> =
                (0..scalars).map(|i| scalar(&format!("s{s}f{i}"), i)).collect();
            let inner: Vec<String> = (0..10).map(|i| scalar(&format!("g{i}"), i)).collect();
            fields.push(format!(
                r#"{{"id": "s{s}group", "kind": "group", "label": {{"en": "Group"}}, "fields": [{}]}}"#,
                inner.join(",")
            ));
            if s == 9 {
                let cols: Vec<String> = (0..9).map(|i| scalar(&format!("c{i}"), i)).collect();
                fields.push(format!(
                    r#"{{"id": "items", "kind": "repeat", "label": {{"en": "Items"}}, "maxItems": 20, "fields": [{}]}}"#,
                    cols.join(",")
                ));
            } else {
                fields.push(scalar(&format!("s{s}extra"), 0));
            }
            format!(
                r#"{{"id": "s{s}", "title": {{"en": "Section {s}"}}, "fields": [{}]}}"#,
                fields.join(",")
            )
        })
        .collect();
    template("thousand", &sections, r#"["EN", "DE"]"#)
}

/// The partner fields of the HIT-like template: a dozen scalars and the
/// budget table.
const PARTNER_FIELDS: &str = r#"
  {"id": "abbreviation", "kind": "text", "label": {"en": "Abbreviation"}, "required": true, "maxLength": 15},
  {"id": "role", "kind": "select", "label": {"en": "Role"}, "required": true, "codeList": "role"},
  {"id": "nameInOriginalLanguage", "kind": "text", "label": {"en": "Name (original)"}, "required": true, "maxLength": 255},
  {"id": "nameInEnglish", "kind": "text", "label": {"en": "Name (English)"}, "required": true, "maxLength": 255},
  {"id": "department", "kind": "multilingualText", "label": {"en": "Department"}, "maxLength": 255},
  {"id": "vat", "kind": "text", "label": {"en": "VAT number"}, "maxLength": 50},
  {"id": "vatRecovery", "kind": "select", "label": {"en": "VAT recovery"}, "options": [{"value": "Yes", "label": {"en": "Yes"}}, {"value": "No", "label": {"en": "No"}}]},
  {"id": "legalStatus", "kind": "integer", "label": {"en": "Legal status"}, "min": 1, "max": 20},
  {"id": "website", "kind": "text", "label": {"en": "Website"}, "maxLength": 250},
  {"id": "publicBody", "kind": "boolean", "label": {"en": "Public body"}},
  {"id": "coFinancingRate", "kind": "percentage", "label": {"en": "Co-financing rate"}, "required": true},
  {"id": "startDate", "kind": "date", "label": {"en": "Start"}, "min": "2021-01-01"},
  {"id": "budget", "kind": "table", "label": {"en": "Budget"}, "maxRows": 300, "columns": [
    {"id": "description", "kind": "multilingualText", "label": {"en": "Description"}, "maxLength": 255},
    {"id": "numberOfUnits", "kind": "decimal", "label": {"en": "Number of units"}, "scale": 2, "min": 0},
    {"id": "pricePerUnit", "kind": "money", "label": {"en": "Price per unit"}},
    {"id": "rowSum", "kind": "computed", "label": {"en": "Total"}, "type": "number", "scale": 2,
     "expression": "round_down(numberOfUnits * pricePerUnit, 2)"}
  ]}"#;

/// A HIT-like application form: project identification and up to 50
/// partners with their budget tables (input languages EN and DE).
pub fn hit_template() -> String {
    let project = r#"{"id": "a", "title": {"en": "A. Project"}, "fields": [
      {"id": "acronym", "kind": "text", "label": {"en": "Acronym"}, "required": true, "maxLength": 25},
      {"id": "title", "kind": "multilingualText", "label": {"en": "Title"}, "required": true, "maxLength": 255},
      {"id": "duration", "kind": "integer", "label": {"en": "Duration"}, "required": true, "min": 1, "max": 36},
      {"id": "summary", "kind": "multilingualText", "label": {"en": "Summary"}, "required": true, "maxLength": 2000, "multiline": true}
    ]}"#;
    let partners = format!(
        r#"{{"id": "b", "title": {{"en": "B. Partners"}}, "fields": [
          {{"id": "partners", "kind": "repeat", "label": {{"en": "Partners"}}, "minItems": 1,
            "maxItems": 50, "fields": [{PARTNER_FIELDS}]}}]}}"#
    );
    template("hit", &[project.to_owned(), partners], r#"["EN", "DE"]"#)
}

/// Pointers the incremental cases change.
pub const PRICE: &str = "/partners/17/budget/150/pricePerUnit";
/// A multilingual row description.
pub const DESCRIPTION: &str = "/partners/17/budget/150/description";

/// A document for [`hit_template`]: 50 partners × 300 budget rows (numbers
/// written as exact decimals; `rowSum` as the expression gives it). Valid,
/// except that with `error_every` = n > 0 every n-th row's price has three
/// decimals (one finding per such row).
pub fn hit_document(error_every: u32) -> String {
    let mut out = String::with_capacity(6 << 20);
    out.push_str(r#"{"acronym": "RIVERS", "duration": 36,
      "title": [{"language": "EN", "translation": "Living rivers"}, {"language": "DE", "translation": "Lebendige Flüsse"}],
      "summary": [{"language": "EN", "translation": "We restore meadows."}, {"language": "DE", "translation": "Wir renaturieren Auen."}],
      "partners": ["#);
    for p in 0..50_u32 {
        let role = if p == 0 { "LEAD" } else { "PARTNER" };
        let _ = write!(
            out,
            r#"{}{{"abbreviation": "PP{p}", "role": "{role}", "nameInOriginalLanguage": "Partner {p} GmbH",
              "nameInEnglish": "Partner {p} Ltd", "department": [{{"language": "EN", "translation": "Research"}}],
              "vat": "ATU{p:08}", "vatRecovery": "No", "legalStatus": {}, "website": "https://p{p}.example.eu",
              "publicBody": {}, "coFinancingRate": 80.00, "startDate": "2026-01-01", "budget": ["#,
            if p == 0 { "" } else { "," },
            p % 20 + 1,
            p.is_multiple_of(2),
        );
        for r in 0..300 {
            let units = (r % 40) * 100 + 50; // hundredths: 0.50 … 39.50
            let price = 10_000 + (r * 7 + p * 13) % 90_000; // cents: 100.00 … 999.99
            let sum = units * price / 100; // cents, rounded down
            let extra = if error_every > 0 && r % error_every == 0 { "5" } else { "" };
            let _ = write!(
                out,
                r#"{}{{"description": [{{"language": "EN", "translation": "Staff costs, work package {wp}, row {r}"}},
                   {{"language": "DE", "translation": "Personalkosten, Arbeitspaket {wp}, Zeile {r}"}}],
                   "numberOfUnits": {}.{:02}, "pricePerUnit": {}.{:02}{extra}, "rowSum": {}.{:02}}}"#,
                if r == 0 { "" } else { "," },
                units / 100,
                units % 100,
                price / 100,
                price % 100,
                sum / 100,
                sum % 100,
                wp = r % 6 + 1,
            );
        }
        out.push_str("]}");
    }
    out.push_str("]}");
    out
}
