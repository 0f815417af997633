//! The expression language, left out of this build (the `expressions`
//! feature is off). The types exist so the rest of the engine compiles
//! unchanged, but [`Expr`] has no values: no expression can be compiled, so
//! everything that would evaluate one is unreachable and the optimizer drops
//! it, and a template that uses an expression is rejected at load with
//! [`Code::TemplateExpressionUnsupported`] for each expression.
//!
//! The browser widget is built this way for now, to stay within its size
//! budget (docs/decisions.md); the CLI and the engine's own tests use the
//! full language (`expr/`).

use crate::issue::{Code, Issue};
use crate::shape::Type;
use crate::value::Value;

pub use crate::expr_env::{Env, Ref, Scope};

/// A compiled expression: none exists in this build.
#[derive(Clone, Debug)]
pub enum Expr {}

impl Expr {
    /// The result type.
    pub fn ty(&self) -> &Type {
        match *self {}
    }

    /// The data locations read.
    pub fn refs(&self) -> &[Ref] {
        match *self {}
    }

    /// The value.
    pub fn eval(&self, _env: &Env<'_>) -> Value {
        match *self {}
    }

    /// Whether the value is `true`.
    pub fn is_true(&self, _env: &Env<'_>) -> bool {
        match *self {}
    }
}

/// Why an expression could not be compiled: expressions are not in this build.
#[derive(Clone, Debug, PartialEq)]
pub struct ExprError;

impl ExprError {
    /// The finding for the expression at `pointer` in the template.
    pub fn to_issue(&self, pointer: &str) -> Issue {
        Issue::error(pointer, Code::TemplateExpressionUnsupported)
    }
}

/// Refuses every expression: the language is not in this build.
pub fn compile(
    _src: &str,
    _scope: &Scope<'_>,
    _expected: Option<&Type>,
) -> Result<Expr, Vec<ExprError>> {
    Err(vec![ExprError])
}
