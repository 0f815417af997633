//! Problems as data: every template problem and every validation finding is an
//! [`Issue`] with a JSON pointer, a stable [`Code`], parameters and a severity.
//! Messages are produced later from the code (see [`crate::messages`]).

use serde::Serialize;
use serde_json::{Map, Value};

/// How serious an issue is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Blocks submission (or, for a template, blocks loading in strict mode).
    Error,
    /// Shown to the user but does not block.
    Warning,
}

macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident = $text:literal,)*) => {
        /// The stable identity of an issue. The string form (`as_str`) is part of
        /// the public contract: message catalogs and integrators key on it.
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Code {
            $($(#[$doc])* $variant,)*
            /// A template's own cross-field rule code (e.g. `partners.one_lead`);
            /// its message comes from the template.
            Rule(std::sync::Arc<str>),
        }

        impl Code {
            /// Every built-in code, in declaration order (used to check message catalogs).
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The stable string form, e.g. `text.too_long`.
            pub fn as_str(&self) -> &str {
                match self { $(Code::$variant => $text,)* Code::Rule(code) => code }
            }
        }
    };
}

codes! {
    /// The template text is not valid JSON.
    TemplateJson = "template.json",
    /// A required template property is missing.
    TemplateMissing = "template.missing",
    /// A template property has the wrong JSON type.
    TemplateWrongType = "template.wrong_type",
    /// A template object has a property the format does not define.
    TemplateUnknownProperty = "template.unknown_property",
    /// A field declares a kind the engine does not know.
    TemplateUnknownKind = "template.unknown_kind",
    /// Two sections or fields share an id.
    TemplateDuplicateId = "template.duplicate_id",
    /// A template value is out of its allowed range or form.
    TemplateInvalidValue = "template.invalid_value",
    /// The configuration text is not valid JSON.
    ConfigJson = "config.json",
    /// A required configuration property is missing.
    ConfigMissing = "config.missing",
    /// A configuration property has the wrong JSON type.
    ConfigWrongType = "config.wrong_type",
    /// A configuration object has a property the format does not define.
    ConfigUnknownProperty = "config.unknown_property",
    /// A configuration value is not one of the accepted values (an unknown
    /// language code, fund type, call type, visibility status…).
    ConfigInvalidValue = "config.invalid_value",
    /// A configuration number or count is outside its range or has too many decimals.
    ConfigOutOfRange = "config.out_of_range",
    /// Two configuration entries share an id or language code.
    ConfigDuplicate = "config.duplicate",
    /// The configuration is for another template.
    ConfigTemplateMismatch = "config.template_mismatch",
    /// The configuration sets the visibility of an id the template does not declare.
    ConfigUnknownVisibilityId = "config.unknown_visibility_id",
    /// A visibility status is not in the set the template allows for that id.
    ConfigVisibilityNotAllowed = "config.visibility_not_allowed",
    /// Two flat rates that may not be combined are both set.
    ConfigFlatRateCombination = "config.flat_rate_combination",
    /// The configuration gives a parameter the template does not declare.
    ConfigUnknownParameter = "config.unknown_parameter",
    /// A declared parameter without a default is not given.
    ConfigMissingParameter = "config.missing_parameter",
    /// A limit override names a field that has no configurable limits.
    ConfigUnknownField = "config.unknown_field",
    /// A limit override names a field by an id that several fields share.
    ConfigAmbiguousField = "config.ambiguous_field",
    /// A limit override changes a limit the template does not let calls change.
    ConfigLimitNotConfigurable = "config.limit_not_configurable",
    /// An expression (`visible`, `required`, a computed value, a rule) is not
    /// well-formed.
    TemplateExpressionSyntax = "template.expression_syntax",
    /// An expression names a field, parameter or scope that is not visible
    /// where it is used.
    TemplateExpressionUnknownName = "template.expression_unknown_name",
    /// An expression calls a function that does not exist.
    TemplateExpressionUnknownFunction = "template.expression_unknown_function",
    /// An expression combines values of the wrong types, or calls a function
    /// with the wrong number of arguments.
    TemplateExpressionType = "template.expression_type",
    /// The template uses an expression, and this build has no expression
    /// language (the engine's `expressions` feature is off).
    TemplateExpressionUnsupported = "template.expression_unsupported",
    /// A computed value depends on itself, directly or through others.
    TemplateExpressionCycle = "template.expression_cycle",
    /// A plain JSON template or configuration was given where this build
    /// reads only compiled ones (`hitforms compile`).
    CompiledRequired = "compiled.required",
    /// A compiled template or configuration is damaged or was changed after
    /// it was written (its checksum or structure does not hold).
    CompiledDamaged = "compiled.damaged",
    /// A compiled file has a format version this engine does not read.
    CompiledFormat = "compiled.format",
    /// A compiled configuration was checked against another template or
    /// template version.
    CompiledTemplateMismatch = "compiled.template_mismatch",
    /// The data document is not valid JSON.
    DataJson = "data.json",
    /// The data document is not a JSON object.
    DataNotObject = "data.not_object",
    /// The data document has a key that no field of the template declares.
    DataUnknownField = "data.unknown_field",
    /// A required value is missing or blank.
    Required = "required",
    /// A value has the wrong JSON type for its field.
    WrongType = "type.mismatch",
    /// A text is longer than its limit (UTF-16 code units).
    TextTooLong = "text.too_long",
    /// A number could not be read as a decimal number.
    NumberInvalid = "number.invalid",
    /// A number has a fractional part where a whole number is expected.
    NumberNotInteger = "number.not_integer",
    /// A number has more decimals than its field allows (it is not rounded).
    NumberTooManyDecimals = "number.too_many_decimals",
    /// A number is below its minimum.
    NumberBelowMin = "number.below_min",
    /// A number is above its maximum.
    NumberAboveMax = "number.above_max",
    /// A multilingual value has a translation in a language that is not an input language.
    LanguageUnknown = "language.unknown",
    /// A multilingual value has two translations in one language.
    LanguageDuplicate = "language.duplicate",
    /// A list (repeatable group, table, multi-select) has fewer items than allowed.
    ListTooFew = "list.too_few",
    /// A list has more items than allowed.
    ListTooMany = "list.too_many",
    /// A select's value is not one of its options.
    SelectUnknownOption = "select.unknown_option",
    /// A date is not a real date in the form YYYY-MM-DD.
    DateInvalid = "date.invalid",
    /// A date is before its earliest allowed date.
    DateBeforeMin = "date.before_min",
    /// A date is after its latest allowed date.
    DateAfterMax = "date.after_max",
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem, located by a JSON pointer into the document it concerns
/// (the template for template problems, the data for validation findings).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Issue {
    /// JSON pointer (RFC 6901), e.g. `/summary` or `/sections/0/fields/2/kind`.
    pub path: String,
    /// Stable code.
    pub code: Code,
    /// Named parameters the message interpolates (`max`, `length`, `language`…).
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub params: Map<String, Value>,
    /// Error or warning.
    pub severity: Severity,
}

impl Issue {
    /// A new error at `path` with no parameters.
    pub fn error(path: impl Into<String>, code: Code) -> Self {
        Issue { path: path.into(), code, params: Map::new(), severity: Severity::Error }
    }

    /// A new warning at `path` with no parameters.
    pub fn warning(path: impl Into<String>, code: Code) -> Self {
        Issue { severity: Severity::Warning, ..Issue::error(path, code) }
    }

    /// Adds a parameter (builder style).
    pub fn with(mut self, name: &str, value: impl Into<Value>) -> Self {
        self.params.insert(name.to_owned(), value.into());
        self
    }

    /// The English message for this issue.
    pub fn message(&self) -> String {
        crate::messages::english(self)
    }
}

/// Appends `segment` to a JSON pointer, escaping `~` and `/` as RFC 6901 says.
pub fn pointer_push(base: &str, segment: &str) -> String {
    let mut out = String::with_capacity(base.len() + segment.len() + 1);
    out.push_str(base);
    out.push('/');
    for c in segment.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_segments_are_escaped() {
        assert_eq!(pointer_push("", "a/b~c"), "/a~1b~0c");
        assert_eq!(pointer_push("/x", "0"), "/x/0");
    }

    #[test]
    fn issues_serialize_as_plain_data() {
        let issue = Issue::error("/name", Code::TextTooLong).with("max", 5);
        let json = serde_json::to_value(&issue).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"path": "/name", "code": "text.too_long",
                               "params": {"max": 5}, "severity": "error"})
        );
    }

    #[test]
    fn codes_are_unique() {
        let mut seen: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        seen.sort_unstable();
        let before = seen.len();
        seen.dedup();
        assert_eq!(before, seen.len());
    }
}
