//! Template loading: every problem reported at once, each with its pointer.

use hitforms_engine::{Code, FieldKind, Template, TextRules, builtin_template};

fn problems(json: &str) -> Vec<(String, Code)> {
    match Template::load(json) {
        Ok(_) => Vec::new(),
        Err(p) => p.into_iter().map(|i| (i.path, i.code)).collect(),
    }
}

#[test]
fn malformed_json_names_line_and_column() {
    let err = Template::load("{\n  \"id\": ").unwrap_err();
    assert_eq!(err.len(), 1);
    assert_eq!(err[0].code, Code::TemplateJson);
    assert_eq!(err[0].params["line"], 2);
    assert!(err[0].message().contains("line 2"));
}

#[test]
fn reports_all_problems_at_once_with_paths() {
    let json = r#"{
      "id": "t", "version": "1", "title": {"en": "T"}, "colour": "red",
      "inputLanguages": ["EN", "XX"],
      "sections": [
        {"id": "s", "title": {"en": "S"}, "fields": [
          {"id": "a", "kind": "text", "label": {"en": "A"}, "maxLength": 0},
          {"id": "a", "kind": "text", "label": {"en": "A again"}},
          {"id": "b", "kind": "slider", "label": {"en": "B"}},
          {"id": "c", "kind": "integer", "label": {"EN": "C"}, "min": 5, "max": 1},
          {"id": "d", "kind": "decimal", "label": {"en": "D"}, "scale": "two", "maxLength": 3},
          {"kind": "text", "label": {"en": "no id"}}
        ]}
      ]
    }"#;
    let got = problems(json);
    let want = [
        ("/colour", Code::TemplateUnknownProperty),
        ("/inputLanguages/1", Code::TemplateInvalidValue),
        ("/sections/0/fields/0/maxLength", Code::TemplateInvalidValue),
        ("/sections/0/fields/1/id", Code::TemplateDuplicateId),
        ("/sections/0/fields/2/kind", Code::TemplateUnknownKind),
        ("/sections/0/fields/3/label/EN", Code::TemplateInvalidValue),
        ("/sections/0/fields/3/min", Code::TemplateInvalidValue),
        ("/sections/0/fields/4/maxLength", Code::TemplateUnknownProperty),
        ("/sections/0/fields/4/scale", Code::TemplateInvalidValue),
        ("/sections/0/fields/5", Code::TemplateMissing),
    ];
    for (path, code) in &want {
        assert!(
            got.contains(&(path.to_string(), code.clone())),
            "missing {path} {code}; got {got:#?}"
        );
    }
    assert_eq!(got.len(), want.len(), "{got:#?}");
}

#[test]
fn lenient_loading_keeps_the_usable_part() {
    let json = r#"{"id": "t", "version": "1", "title": {"en": "T"}, "sections": [
        {"id": "s", "title": {"en": "S"}, "fields": [
          {"id": "good", "kind": "text", "label": {"en": "Good"}},
          {"id": "bad", "kind": "nope", "label": {"en": "Bad"}}
        ]}]}"#;
    let (template, problems) = Template::load_lenient(json);
    let template = template.expect("model");
    assert!(template.root.field("good").is_some());
    assert!(template.root.field("bad").is_none());
    assert_eq!(problems.len(), 1);
}

#[test]
fn wrong_root_types_are_errors_not_panics() {
    for json in ["[]", "42", "null", r#"{"sections": 3}"#, r#"{"sections": [1, "x"]}"#] {
        assert!(Template::load(json).is_err(), "{json}");
    }
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(Template::load(&deep).unwrap_err()[0].code, Code::TemplateJson);
}

#[test]
fn the_slice_template_has_the_three_field_kinds() {
    let t = Template::load(builtin_template("project-idea").unwrap()).unwrap();
    assert_eq!(t.input_languages, ["EN", "DE"]);
    let kind = |id: &str| &t.root.field(id).unwrap().1.kind;
    assert!(matches!(kind("acronym"), FieldKind::Text(TextRules { max_length: Some(25), .. })));
    assert_eq!(kind("duration").name(), "integer");
    assert!(matches!(
        kind("summary"),
        FieldKind::Multilingual {
            rules: TextRules { max_length: Some(2000), multiline: true },
            languages: None
        }
    ));
}

#[test]
fn computed_values_that_depend_on_themselves_are_reported() {
    let json = r#"{"id": "c", "version": "1", "title": {"en": "C"}, "sections": [{"id": "s", "title": {"en": "S"}, "fields": [
        {"id": "n", "kind": "integer", "label": {"en": "N"}},
        {"id": "a", "kind": "computed", "type": "number", "expression": "b + 1"},
        {"id": "b", "kind": "computed", "type": "number", "expression": "a + n"},
        {"id": "c", "kind": "computed", "type": "number", "expression": "a * 2"},
        {"id": "rows", "kind": "repeat", "label": {"en": "Rows"}, "fields": [
          {"id": "x", "kind": "computed", "type": "number", "expression": "sum(rows.x)"}]}]}]}"#;
    let got = problems(json);
    assert_eq!(
        got,
        [
            ("/sections/0/fields/1/expression".to_string(), Code::TemplateExpressionCycle),
            ("/sections/0/fields/2/expression".to_string(), Code::TemplateExpressionCycle),
            ("/sections/0/fields/4/fields/0/expression".to_string(), Code::TemplateExpressionCycle),
        ],
        "c reads the cycle but is not on it"
    );
}

#[test]
fn numberings_name_only_their_own_or_enclosing_numbers() {
    let json = r#"{"id": "t", "version": "1", "title": {"en": "T"}, "sections": [
      {"id": "s", "title": {"en": "S"}, "fields": [
        {"id": "wps", "kind": "repeat", "label": {"en": "WPs"}, "numbering": "WP{n}", "numberAs": "wp",
         "fields": [
          {"id": "acts", "kind": "repeat", "label": {"en": "Activities"}, "numbering": "A{wp}.{n}",
           "fields": [{"id": "x", "kind": "text", "label": {"en": "X"}}]},
          {"id": "bad", "kind": "repeat", "label": {"en": "Bad"}, "numbering": "B{act}.{n}",
           "fields": [{"id": "y", "kind": "text", "label": {"en": "Y"}}]}
         ]},
        {"id": "open", "kind": "repeat", "label": {"en": "Open"}, "numbering": "O{wp",
         "fields": [{"id": "z", "kind": "text", "label": {"en": "Z"}}]}
      ]}
    ]}"#;
    assert_eq!(
        problems(json),
        [
            ("/sections/0/fields/0/fields/1/numbering".to_owned(), Code::TemplateInvalidValue),
            ("/sections/0/fields/1/numbering".to_owned(), Code::TemplateInvalidValue),
        ]
    );
}
