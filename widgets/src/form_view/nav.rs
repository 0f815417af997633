//! Navigating a long form: the section list (completion state and error
//! counts, from the engine's outline), the current section rendered on
//! demand, previous/next, the error summary whose links open the right
//! section and items and move focus to the field, and the review step.

use super::{Form, dom_id};
use crate::dom::{El, el};
use crate::fields::render_entries;
use crate::i18n::ui;
use crate::rx::*;
use hitforms_engine::{Completion, Finding, Outline, Severity};

/// The most findings the error summary lists (the count says how many more).
const LISTED: usize = 30;
/// The id of the heading of the section shown (focused on navigation).
const HEADING: &str = "hf-section-heading";

/// `n` in the UI string `one` (when 1) or `many`.
fn count_text(one: &str, many: &str, n: usize) -> String {
    ui(if n == 1 { one } else { many }).replace("{n}", &n.to_string())
}

fn state_text(c: Completion) -> &'static str {
    match c {
        Completion::NotStarted => ui("nav.not_started"),
        Completion::InProgress => ui("nav.in_progress"),
        Completion::Complete => ui("nav.complete"),
    }
}

fn button(text: &str, class: &str) -> El {
    el("button").a("type", "button").class(class).t(text)
}

/// The whole loaded form.
pub fn form_body(form: Form) -> El {
    let title = form.read(|s| s.template().title.get(form.lang()).to_owned()).unwrap_or_default();
    let outline: Memo<Option<Outline>> = {
        let form = form.clone();
        memo(move || form.read_tracked(|s| s.outline(form.lang())))
    };
    let section = form.section();
    let count = outline.with_untracked(|o| o.as_ref().map_or(0, |o| o.sections.len()));
    // Start on the first section shown (the first may not apply).
    let first = outline
        .with_untracked(|o| o.as_ref().and_then(|o| o.sections.iter().position(|s| s.visible)));
    section.set(first.unwrap_or(count));
    // The content is rebuilt only when the section shown or its visibility changes.
    let shown = {
        let section = section.clone();
        memo(move || {
            let i = section.get();
            (i, outline.with(|o| o.as_ref().and_then(|o| o.sections.get(i)).map(|s| s.visible)))
        })
    };
    let content = {
        let form = form.clone();
        el("div").class("hf-main").region(move || {
            vec![match shown.get() {
                (_, Some(false)) => el("p").class("hf-note").t(ui("nav.section_hidden")),
                (i, Some(true)) => section_view(&form, i, count),
                (_, None) => review(&form, outline),
            }]
        })
    };
    let nav = {
        let form = form.clone();
        el("ol").region(move || {
            let current = section.get();
            let mut items: Vec<El> = outline.with(|o| {
                o.iter()
                    .flat_map(|o| o.sections.iter().enumerate())
                    .filter(|(_, s)| s.visible)
                    .map(|(i, s)| {
                        let errors = (s.errors > 0)
                            .then(|| count_text("nav.error_one", "nav.errors", s.errors));
                        nav_item(&form, i, current, &s.title, state_text(s.completion), errors)
                    })
                    .collect()
            });
            items.push(nav_item(&form, count, current, ui("nav.review"), "", None));
            items
        })
    };
    let status = form.status();
    el("form")
        .class("hf-form")
        .a("novalidate", "")
        .on("submit", |e| e.prevent_default())
        .c(el("h2").t(&title))
        .c(el("p")
            .class("hf-note")
            .t(ui("form.required_note"))
            .t(" ")
            .c(el("span").a("aria-hidden", "true").t("*")))
        .c(summary(&form))
        .c(el("div")
            .class("hf-layout")
            .c(el("nav").class("hf-nav").a("aria-label", ui("nav.label")).c(nav))
            .c(content))
        .c(el("div")
            .class("hf-sr")
            .a("role", "status")
            .a("aria-live", "polite")
            .bind_text(move || status.get()))
}

/// Shows section `index` (or the review step) and moves focus to its heading.
fn go_to(form: &Form, index: usize) {
    form.section().set(index);
    form.focus_id_later(HEADING.to_owned(), false);
}

fn nav_item(
    form: &Form,
    index: usize,
    current: usize,
    title: &str,
    state: &str,
    errors: Option<String>,
) -> El {
    let form = form.clone();
    let item = button("", "hf-nav-item")
        .ao("aria-current", (index == current).then_some("step"))
        .on("click", move |_| go_to(&form, index))
        .c(el("span").class("hf-nav-title").t(title))
        .c(el("span").class("hf-nav-state").t(state))
        .co(errors.map(|e| el("span").class("hf-nav-errors").t(&e)));
    el("li").c(item)
}

/// One section: its heading, its entries, previous and next.
fn section_view(form: &Form, index: usize, count: usize) -> El {
    let (title, entries) = form
        .read(|s| {
            (
                s.template().sections[index].title.get(form.lang()).to_owned(),
                s.section_entries(index, form.lang()),
            )
        })
        .unwrap_or_default();
    // Previous and next are found when pressed: visibility may have changed.
    let step = move |form: &Form, back: bool| {
        let visible = |i: &usize| form.read(|s| s.section_visible(*i)).unwrap_or(false);
        let to =
            if back { (0..index).rev().find(visible) } else { (index + 1..count).find(visible) };
        go_to(form, to.unwrap_or(if back { index } else { count }));
    };
    let (f1, f2) = (form.clone(), form.clone());
    let has_previous = (0..index).any(|i| form.read(|s| s.section_visible(i)).unwrap_or(false));
    let last = !(index + 1..count).any(|i| form.read(|s| s.section_visible(i)).unwrap_or(false));
    let next_text = if last { ui("nav.to_review") } else { ui("nav.next") };
    let pager = el("div")
        .class("hf-pager")
        .co(has_previous
            .then(|| button(ui("nav.previous"), "hf-button").on("click", move |_| step(&f1, true))))
        .c(button(next_text, "hf-button hf-primary").on("click", move |_| step(&f2, false)));
    el("section")
        .class("hf-section")
        .a("aria-labelledby", HEADING)
        .c(el("h3").id(HEADING).a("tabindex", "-1").t(&title))
        .kids(render_entries(form, entries))
        .c(pager)
}

/// Opens the section and the items holding `finding` and moves focus to
/// its field (its language's input for a multilingual part).
fn reveal(form: &Form, finding: &Finding) {
    if let Some(section) = finding.section {
        form.section().set(section);
    }
    let segs: Vec<&str> = finding.pointer.split('/').collect();
    for end in 2..segs.len() {
        if segs[end].parse::<usize>().is_ok() {
            form.set_open(&segs[..=end].join("/"), true);
        }
    }
    let mut id = dom_id(&finding.pointer);
    if let Some(language) = &finding.language {
        id = format!("{id}-{}", language.to_ascii_lowercase());
    }
    form.focus_id_later(id, true);
}

/// The error summary, once every error is to be shown: a count and a link
/// per finding (the first [`LISTED`]).
fn summary(form: &Form) -> El {
    let (form, show_all) = (form.clone(), form.show_all());
    el("div").region(move || {
        // Recomputed on every change while shown (no memo type: size).
        let findings: Vec<Finding> = if show_all.get() {
            let all = form.read_tracked(|s| s.findings(form.lang())).unwrap_or_default();
            all.into_iter().filter(|f| f.severity == Severity::Error).collect()
        } else {
            Vec::new()
        };
        let count = findings.len();
        if count == 0 {
            return Vec::new();
        }
        let links = {
            findings
                .iter()
                .take(LISTED)
                .map(|f| {
                    let (form, finding) = (form.clone(), f.clone());
                    let message = crate::i18n::issue_text(&f.issue);
                    let text = if f.place.is_empty() {
                        message
                    } else {
                        format!("{}: {message}", f.place)
                    };
                    let link = el("a").a("href", &format!("#{}", dom_id(&f.pointer))).t(&text).on(
                        "click",
                        move |ev| {
                            ev.prevent_default();
                            reveal(&form, &finding);
                        },
                    );
                    el("li").c(link)
                })
                .collect::<Vec<El>>()
        };
        let more = (count > LISTED)
            .then(|| el("p").t(&ui("summary.more").replace("{n}", &(count - LISTED).to_string())));
        vec![
            el("div")
                .class("hf-summary")
                .id("hf-summary")
                .a("tabindex", "-1")
                .a("role", "group")
                .a("aria-labelledby", "hf-summary-title")
                .c(el("h3").id("hf-summary-title").t(&count_text(
                    "summary.title_one",
                    "summary.title",
                    count,
                )))
                .c(el("ul").kids(links))
                .co(more),
        ]
    })
}

/// The review step: every shown section's state, links back, and submit.
fn review(form: &Form, outline: Memo<Option<Outline>>) -> El {
    form.show_all().set(true);
    let rows = {
        let form = form.clone();
        el("tbody").region(move || {
            outline.with(|o| {
                o.iter()
                    .flat_map(|o| o.sections.iter().enumerate())
                    .filter(|(_, s)| s.visible)
                    .map(|(i, s)| {
                        let form = form.clone();
                        let link =
                            button(&s.title, "hf-link").on("click", move |_| go_to(&form, i));
                        el("tr")
                            .c(el("th").a("scope", "row").c(link))
                            .c(el("td").t(state_text(s.completion)))
                            .c(el("td").class("hf-num").t(&s.errors.to_string()))
                    })
                    .collect()
            })
        })
    };
    let submit = {
        let form = form.clone();
        move |_| {
            if form.submit() {
                form.announce(ui("review.submitted").to_owned());
            } else {
                form.focus_id_later("hf-summary".to_owned(), false);
            }
        }
    };
    let th = |text: &str| el("th").a("scope", "col").t(text);
    let head = el("thead").c(el("tr")
        .c(th(ui("review.section")))
        .c(th(ui("review.state")))
        .c(th(ui("review.errors"))));
    el("section")
        .class("hf-section hf-review")
        .a("aria-labelledby", HEADING)
        .c(el("h3").id(HEADING).a("tabindex", "-1").t(ui("review.title")))
        .c(el("p").t(ui("review.intro")))
        .c(el("table").class("hf-grid").c(head).c(rows))
        .c(el("div")
            .class("hf-pager")
            .c(button(ui("review.submit"), "hf-button hf-primary").on("click", submit)))
}
