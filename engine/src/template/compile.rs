//! Compiling a template's expressions once, at load: conditions, computed
//! values and rules, each in the scope of the record it belongs to (the
//! root, then every enclosing group or list item). Every problem of every
//! expression is reported with the pointer of the expression in the template.

use super::{Cond, ExprSource, FieldKind, Group, Template};
use crate::expr::{Scope, compile};
use crate::issue::{Code, Issue};
use crate::shape::{RecordShape, Type};
use std::sync::Arc;

/// Compiles every expression of `t` in place; reports each problem.
pub(super) fn compile_expressions(t: &mut Template, problems: &mut Vec<Issue>) {
    // Without the expression language every expression is refused anyway;
    // the parameters' types (and the call settings' code) are not needed.
    let params = if cfg!(feature = "expressions") { t.parameters.types() } else { Vec::new() };
    let root_shape = t.root.shape.clone();
    let mut scopes = vec![root_shape];
    for section in &mut t.sections {
        if let Cond::Expr(e) = &mut section.visible {
            one(e, &scopes, &params, &Type::Bool, problems);
        }
    }
    group(&mut t.root, &mut scopes, &params, problems);
}

fn one(
    e: &mut ExprSource,
    scopes: &[Arc<RecordShape>],
    params: &[(String, Type)],
    ty: &Type,
    problems: &mut Vec<Issue>,
) {
    let scope = Scope { records: scopes, params };
    match compile(&e.src, &scope, Some(ty)) {
        Ok(expr) => e.compiled = Some(Arc::new(expr)),
        Err(errors) => problems.extend(errors.iter().map(|err| err.to_issue(&e.at))),
    }
}

fn group(
    g: &mut Group,
    scopes: &mut Vec<Arc<RecordShape>>,
    params: &[(String, Type)],
    problems: &mut Vec<Issue>,
) {
    for field in &mut g.fields {
        for cond in [&mut field.visible, &mut field.required, &mut field.readonly] {
            if let Cond::Expr(e) = cond {
                one(e, scopes, params, &Type::Bool, problems);
            }
        }
        match &mut field.kind {
            FieldKind::Computed { expression, ty, .. } => {
                one(expression, scopes, params, ty, problems)
            }
            FieldKind::Group(inner) => nested(inner, scopes, params, problems),
            FieldKind::Repeat(rep) => {
                if let Some(rows) = &mut rep.rows_from {
                    // One key per item, of the type of the item's first field.
                    match rep.item.shape.fields.first() {
                        Some((_, key @ (Type::Number | Type::Text))) => {
                            let ty = Type::List(Box::new(key.clone()));
                            one(rows, scopes, params, &ty, problems)
                        }
                        _ => problems.push(
                            Issue::error(rows.at.clone(), Code::TemplateInvalidValue).with(
                                "expected",
                                "items whose first field holds a number or a text (the key)",
                            ),
                        ),
                    }
                }
                scopes.push(rep.item.shape.clone());
                for case in &mut rep.numbering_when {
                    one(&mut case.when, scopes, params, &Type::Bool, problems);
                }
                scopes.pop();
                nested(&mut rep.item, scopes, params, problems)
            }
            _ => {}
        }
    }
    for rule in &mut g.rules {
        if let Some(when) = &mut rule.when {
            one(when, scopes, params, &Type::Bool, problems);
        }
        one(&mut rule.assert, scopes, params, &Type::Bool, problems);
    }
}

fn nested(
    g: &mut Group,
    scopes: &mut Vec<Arc<RecordShape>>,
    params: &[(String, Type)],
    problems: &mut Vec<Issue>,
) {
    scopes.push(g.shape.clone());
    group(g, scopes, params, problems);
    scopes.pop();
}
