//! Item numbering of repeatable groups and tables: `"numbering": "WP{n}"`
//! numbers work packages WP1, WP2…; a repeat with `"numberAs": "wp"` lends
//! its number to the numberings inside it, so activities numbered
//! `"A{wp}.{n}"` read A1.1, A1.2, A2.1… as in Jems.
//!
//! Placeholders are checked at load (each must be `n` or the `numberAs` of
//! an enclosing repeat); numbers are rendered by [`render`] for the item a
//! form shows (`FormState::item_number`).

use super::{FieldKind, Group};
use crate::issue::{Code, Issue};

/// The placeholder names in `numbering`, with their byte offsets, or the
/// offset of a brace that does not close.
fn placeholders(numbering: &str) -> Result<Vec<&str>, usize> {
    let mut out = Vec::new();
    let mut rest = numbering;
    let mut offset = 0;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = after.find('}').ok_or(offset + open)?;
        out.push(&after[..close]);
        offset += open + close + 2;
        rest = &after[close + 1..];
    }
    Ok(out)
}

/// `numbering` with `{n}` replaced by `n` and each `{name}` by the number of
/// the enclosing item `name` stands for (`enclosing`: innermost last). An
/// unknown name is left as written (load has reported it).
pub fn render(numbering: &str, n: usize, enclosing: &[(&str, usize)]) -> String {
    let mut out = String::with_capacity(numbering.len() + 4);
    let mut rest = numbering;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else { break };
        out.push_str(&rest[..open]);
        let name = &rest[open + 1..close];
        let number = if name == "n" {
            Some(n)
        } else {
            enclosing.iter().rev().find(|(k, _)| *k == name).map(|(_, v)| *v)
        };
        match number {
            Some(v) => out.push_str(&v.to_string()),
            None => out.push_str(&rest[open..=close]),
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Reports every numbering whose placeholders are not `n` or an enclosing
/// repeat's `numberAs`, and unclosed braces, at the numbering's pointer.
pub(super) fn check(root: &Group, problems: &mut Vec<Issue>) {
    fn walk<'a>(g: &'a Group, names: &mut Vec<&'a str>, problems: &mut Vec<Issue>) {
        for field in &g.fields {
            match &field.kind {
                FieldKind::Group(inner) => walk(inner, names, problems),
                FieldKind::Repeat(rep) => {
                    let own = rep.numbering.iter().map(|n| (n, "numbering".to_owned()));
                    let cases = rep
                        .numbering_when
                        .iter()
                        .enumerate()
                        .map(|(i, c)| (&c.numbering, format!("numberingWhen/{i}/numbering")));
                    for (numbering, key) in own.chain(cases) {
                        let at = format!("{}/{key}", field.source);
                        match placeholders(numbering) {
                            Err(offset) => problems.push(
                                Issue::error(at, Code::TemplateInvalidValue)
                                    .with("expected", "a closing } for each {")
                                    .with("offset", offset),
                            ),
                            Ok(found) => {
                                for name in found {
                                    if name != "n" && !names.contains(&name) {
                                        problems.push(
                                            Issue::error(at.clone(), Code::TemplateInvalidValue)
                                                .with("name", name)
                                                .with(
                                                    "expected",
                                                    "{n} or the numberAs of an enclosing list",
                                                ),
                                        );
                                    }
                                }
                            }
                        }
                    }
                    let pushed = rep.number_as.as_deref().map(|n| names.push(n)).is_some();
                    walk(&rep.item, names, problems);
                    if pushed {
                        names.pop();
                    }
                }
                _ => {}
            }
        }
    }
    walk(root, &mut Vec::new(), problems);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_own_and_enclosing_numbers() {
        assert_eq!(render("WP{n}", 3, &[]), "WP3");
        assert_eq!(render("D{wp}.{act}.{n}", 2, &[("wp", 1), ("act", 4)]), "D1.4.2");
        assert_eq!(render("No {n}", 10, &[]), "No 10");
        assert_eq!(render("{x}-{n}", 1, &[]), "{x}-1");
        assert_eq!(render("plain", 1, &[]), "plain");
        assert_eq!(render("open {n", 1, &[]), "open {n");
    }

    #[test]
    fn finds_placeholders_and_unclosed_braces() {
        assert_eq!(placeholders("A{wp}.{n}"), Ok(vec!["wp", "n"]));
        assert_eq!(placeholders("none"), Ok(vec![]));
        assert_eq!(placeholders("A{wp}.{n"), Err(6));
    }
}
