//! Compile errors as data: a byte span and a kind, turned into an [`Issue`]
//! with a stable code when a template reports them.

use crate::issue::{Code, Issue};
use crate::shape::Type;

/// A byte range `(start, end)` in an expression's source text.
pub type Span = (usize, usize);

/// One problem found while compiling an expression.
#[derive(Clone, Debug, PartialEq)]
pub struct ExprError {
    /// Where in the source, as byte offsets `(start, end)`.
    pub span: Span,
    /// What is wrong.
    pub kind: ExprErrorKind,
}

/// What is wrong with an expression.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum ExprErrorKind {
    /// The text is not a well-formed expression; the string says why
    /// (for example "expected `)`, found end of expression").
    Syntax(String),
    /// No field of this name is visible here (a parameter is named with its
    /// `$`).
    UnknownName(String),
    /// `parent` or `position()` used where there is no enclosing item.
    OutsideItem(String),
    /// No function of this name exists.
    UnknownFunction(String),
    /// A function was called with too few or too many arguments.
    WrongArity {
        /// The function's name.
        function: String,
        /// The fewest arguments it takes.
        min: usize,
        /// The most arguments it takes (`None`: no limit).
        max: Option<usize>,
        /// How many it was given.
        found: usize,
    },
    /// A value of the wrong type.
    TypeMismatch {
        /// What was expected, in words (`number`, `a list of groups`, …).
        expected: String,
        /// The type found.
        found: Type,
    },
}

impl ExprError {
    pub(crate) fn new(span: Span, kind: ExprErrorKind) -> Self {
        ExprError { span, kind }
    }

    pub(crate) fn syntax(span: Span, detail: impl Into<String>) -> Self {
        ExprError::new(span, ExprErrorKind::Syntax(detail.into()))
    }

    /// The stable issue code for this error.
    pub fn code(&self) -> Code {
        match self.kind {
            ExprErrorKind::Syntax(_) => Code::TemplateExpressionSyntax,
            ExprErrorKind::UnknownName(_) | ExprErrorKind::OutsideItem(_) => {
                Code::TemplateExpressionUnknownName
            }
            ExprErrorKind::UnknownFunction(_) => Code::TemplateExpressionUnknownFunction,
            ExprErrorKind::WrongArity { .. } | ExprErrorKind::TypeMismatch { .. } => {
                Code::TemplateExpressionType
            }
        }
    }

    /// The error as a template [`Issue`] at `pointer` (the JSON pointer of the
    /// template property holding the expression), with the parameter `offset`
    /// (byte offset of the problem in the expression) and, as applicable,
    /// `detail`, `name`, `expected` and `found`.
    pub fn to_issue(&self, pointer: &str) -> Issue {
        let issue = Issue::error(pointer, self.code()).with("offset", self.span.0);
        match &self.kind {
            ExprErrorKind::Syntax(detail) => issue.with("detail", detail.as_str()),
            ExprErrorKind::UnknownName(name)
            | ExprErrorKind::OutsideItem(name)
            | ExprErrorKind::UnknownFunction(name) => issue.with("name", name.as_str()),
            ExprErrorKind::WrongArity { function, min, max, found } => issue
                .with("name", function.as_str())
                .with("expected", arity_text(*min, *max))
                .with("found", count_text(*found)),
            ExprErrorKind::TypeMismatch { expected, found } => {
                issue.with("expected", expected.as_str()).with("found", found.describe())
            }
        }
    }
}

/// The English message, e.g. `Unknown function "summ" (offset 0).`
impl std::fmt::Display for ExprError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_issue("").message())
    }
}

fn count_text(n: usize) -> String {
    match n {
        0 => "no arguments".into(),
        1 => "1 argument".into(),
        n => format!("{n} arguments"),
    }
}

fn arity_text(min: usize, max: Option<usize>) -> String {
    match max {
        Some(max) if max == min => count_text(min),
        Some(max) if max == min + 1 => format!("{min} or {}", count_text(max)),
        Some(max) => format!("{min} to {}", count_text(max)),
        None => format!("{min} or more arguments"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issues_carry_code_offset_and_names() {
        let e = ExprError::new((4, 9), ExprErrorKind::UnknownName("total".into()));
        let issue = e.to_issue("/sections/0/fields/1/visible");
        assert_eq!(issue.code.as_str(), "template.expression_unknown_name");
        assert_eq!(issue.params["offset"], 4);
        assert_eq!(issue.params["name"], "total");
        assert_eq!(e.to_string(), "\"total\" is not available here (offset 4).");

        let e = ExprError::new(
            (0, 12),
            ExprErrorKind::WrongArity {
                function: "round_down".into(),
                min: 2,
                max: Some(2),
                found: 1,
            },
        );
        assert_eq!(e.to_string(), "Expected 2 arguments, found 1 argument (offset 0).");
        let e = ExprError::new(
            (3, 4),
            ExprErrorKind::TypeMismatch { expected: "number".into(), found: Type::Text },
        );
        assert_eq!(e.code(), Code::TemplateExpressionType);
        assert_eq!(e.to_string(), "Expected number, found text (offset 3).");
        let e = ExprError::syntax((2, 3), "expected `)`, found end of expression");
        assert_eq!(
            e.to_string(),
            "Expression syntax error at offset 2: expected `)`, found end of expression."
        );
    }

    #[test]
    fn arity_in_words() {
        assert_eq!(arity_text(0, Some(0)), "no arguments");
        assert_eq!(arity_text(1, Some(2)), "1 or 2 arguments");
        assert_eq!(arity_text(1, Some(3)), "1 to 3 arguments");
        assert_eq!(arity_text(2, None), "2 or more arguments");
    }
}
