//! Reads configuration JSON into a checked [`Config`], collecting every problem.

use super::call::{self, duplicate, invalid};
use super::{CallType, Config, ParamDecls, Status, VisibilityCatalog, call_params};
use crate::issue::{Code, Issue, pointer_push};
use crate::sorted_map::SortedMap;
use crate::template::read::{Doc, Obj, object_in, parse};

pub(crate) use crate::template::load::INPUT_LANGUAGES;

/// The most input languages a programme may have (§5).
const MAX_INPUT_LANGUAGES: usize = 4;

const ROOT_KEYS: &[&str] = &[
    "$schema",
    "template",
    "name",
    "callType",
    "twoStep",
    "inputLanguages",
    "fallbackLanguage",
    "visibility",
    "limits",
    "parameters",
];

pub(super) fn load(
    json: &str,
    catalog: &VisibilityCatalog,
    decls: &ParamDecls,
) -> (Option<Config>, Vec<Issue>) {
    let value = match parse(json, Code::ConfigJson) {
        Ok(v) => v,
        Err(issue) => return (None, vec![issue]),
    };
    let mut p = Vec::new();
    let keys: Vec<&str> = ROOT_KEYS.iter().chain(call::KEYS).copied().collect();
    let Some(root) = object_in(Doc::Config, &value, "", &keys, &mut p) else { return (None, p) };
    let template = root.req_str("template", &mut p).unwrap_or_default().to_owned();
    let name = root.opt_str("name", &mut p).map(str::to_owned);
    let call_type = call_type(&root, &mut p);
    let two_step = root.flag("twoStep", &mut p);
    let input_languages = input_languages(&root, &mut p);
    let fallback_language = fallback_language(&root, &mut p);
    let chosen = visibility(&root, catalog, call_type, &mut p);
    let limits = super::Limits::read(root.map.get("limits"), &root.at("limits"), &mut p);
    let call = call::read(&root, &mut p);
    let declared = decls.values(root.map.get("parameters"), &root.at("parameters"), &mut p);
    let mut config = Config {
        template,
        name,
        call_type,
        two_step,
        input_languages,
        fallback_language,
        call,
        limits,
        visibility: catalog.resolve(call_type, &chosen),
        parameters: declared,
        step: super::Step::Two,
    };
    for (name, _, value) in call_params::entries(&config) {
        config.parameters.insert(name.to_owned(), value);
    }
    (Some(config), p)
}

fn call_type(root: &Obj, p: &mut Vec<Issue>) -> CallType {
    let Some(s) = root.opt_str("callType", p) else { return CallType::Standard };
    CallType::parse(s).unwrap_or_else(|| {
        p.push(invalid(&root.at("callType"), s, "STANDARD or SPF"));
        CallType::Standard
    })
}

/// 1 to 4 distinct Jems codes; `EN` stands in for a list that has none usable.
fn input_languages(root: &Obj, p: &mut Vec<Issue>) -> Vec<String> {
    let mut langs: Vec<String> = Vec::new();
    let mut first: SortedMap<String> = SortedMap::new();
    if let Some(list) = root.req_array("inputLanguages", p) {
        for (i, v) in list.iter().enumerate() {
            let at = pointer_push(&root.at("inputLanguages"), &i.to_string());
            match v.as_str() {
                None => p.push(Doc::Config.wrong_type(&at, "string")),
                Some(code) if !INPUT_LANGUAGES.contains(&code) => {
                    p.push(invalid(&at, code, "a Jems language code such as EN or DE"));
                }
                Some(code) => match first.get(code) {
                    Some(f) => p.push(duplicate(&at, code, f)),
                    None => {
                        first.insert(code.to_owned(), at);
                        langs.push(code.to_owned());
                    }
                },
            }
        }
        if !(1..=MAX_INPUT_LANGUAGES).contains(&list.len()) {
            let at = root.at("inputLanguages");
            p.push(Doc::Config.out_of_range(&at, "1 to 4 languages").with("count", list.len()));
        }
    }
    if langs.is_empty() { vec!["EN".to_owned()] } else { langs }
}

fn fallback_language(root: &Obj, p: &mut Vec<Issue>) -> String {
    match root.opt_str("fallbackLanguage", p) {
        Some(code) if INPUT_LANGUAGES.contains(&code) => code.to_owned(),
        Some(code) => {
            p.push(invalid(&root.at("fallbackLanguage"), code, "a Jems language code such as EN"));
            "EN".to_owned()
        }
        None => "EN".to_owned(),
    }
}

/// The statuses a configuration chooses, each checked against the catalog.
fn visibility(
    root: &Obj,
    catalog: &VisibilityCatalog,
    call_type: CallType,
    p: &mut Vec<Issue>,
) -> SortedMap<Status> {
    let mut chosen = SortedMap::new();
    let Some(v) = root.map.get("visibility") else { return chosen };
    let path = root.at("visibility");
    let Some(map) = v.as_object() else {
        p.push(Doc::Config.wrong_type(&path, "object of visibility id to status"));
        return chosen;
    };
    for (id, v) in map {
        let at = pointer_push(&path, id);
        let Some(setting) = catalog.get(id) else {
            p.push(Issue::error(at, Code::ConfigUnknownVisibilityId).with("id", id.as_str()));
            continue;
        };
        let Some(s) = v.as_str() else {
            p.push(
                Doc::Config.wrong_type(&at, "a status: NONE, STEP_ONE_AND_TWO or STEP_TWO_ONLY"),
            );
            continue;
        };
        let Some(status) = Status::parse(s) else {
            p.push(invalid(&at, s, "NONE, STEP_ONE_AND_TWO or STEP_TWO_ONLY"));
            continue;
        };
        let allowed = setting.allowed_for(call_type);
        if allowed.contains(&status) {
            chosen.insert(id.clone(), status);
        } else {
            let names: Vec<&str> = allowed.iter().map(|s| s.as_str()).collect();
            p.push(
                Issue::error(at, Code::ConfigVisibilityNotAllowed)
                    .with("id", id.as_str())
                    .with("status", s)
                    .with("callType", call_type.as_str())
                    .with("allowed", names.join(", ")),
            );
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(json: &str) -> Vec<(String, Code)> {
        let (_, p) = load(json, &VisibilityCatalog::default(), &ParamDecls::default());
        p.into_iter().map(|i| (i.path, i.code)).collect()
    }

    fn owned<const N: usize>(want: [(&str, Code); N]) -> Vec<(String, Code)> {
        want.into_iter().map(|(p, c)| (p.to_owned(), c)).collect()
    }

    #[test]
    fn not_json_or_not_an_object() {
        assert_eq!(problems("{\"template\": "), owned([("", Code::ConfigJson)]));
        assert_eq!(problems("[]"), owned([("", Code::ConfigWrongType)]));
    }

    #[test]
    fn root_languages_and_call_type_are_checked() {
        let got = problems(
            r#"{"callType": "MEGA", "twoStep": "yes", "inputLanguages": ["EN", "XX", "EN", 7],
                "fallbackLanguage": "en", "visibility": {"project.id": "NONE"}, "colour": 1}"#,
        );
        assert_eq!(
            got,
            owned([
                ("/colour", Code::ConfigUnknownProperty),
                ("", Code::ConfigMissing),
                ("/callType", Code::ConfigInvalidValue),
                ("/twoStep", Code::ConfigWrongType),
                ("/inputLanguages/1", Code::ConfigInvalidValue),
                ("/inputLanguages/2", Code::ConfigDuplicate),
                ("/inputLanguages/3", Code::ConfigWrongType),
                ("/fallbackLanguage", Code::ConfigInvalidValue),
                ("/visibility/project.id", Code::ConfigUnknownVisibilityId),
            ])
        );
        let got = problems(r#"{"template": "t", "inputLanguages": []}"#);
        assert_eq!(got, owned([("/inputLanguages", Code::ConfigOutOfRange)]));
    }
}
