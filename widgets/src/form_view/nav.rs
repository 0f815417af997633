//! Navigating a long form: the section list (completion state and error
//! counts, from the engine's outline), the current section rendered on
//! demand, previous/next, the error summary whose links open the right
//! section and items and move focus to the field, and the review step.

use super::{Form, dom_id};
use crate::fields::render_entries;
use crate::i18n::ui;
use hitforms_engine::{Completion, Finding, Severity};
use leptos::prelude::*;

/// The most findings the error summary lists (the count says how many more).
const LISTED: usize = 30;
/// The id of the heading of the section shown (focused on navigation).
const HEADING: &str = "hf-section-heading";

/// The whole loaded form.
pub fn form_body(form: Form) -> AnyView {
    let title = form.read(|s| s.template().title.get(form.lang()).to_owned()).unwrap_or_default();
    let outline = {
        let form = form.clone();
        Memo::new(move |_| form.read_tracked(|s| s.outline(form.lang())))
    };
    let section = form.section();
    let count = outline.with_untracked(|o| o.as_ref().map_or(0, |o| o.sections.len()));
    // Re-render the content only when the section shown or its visibility changes.
    let shown = {
        let section = section.clone();
        Memo::new(move |_| {
            let i = section.get();
            (i, outline.with(|o| o.as_ref().and_then(|o| o.sections.get(i)).map(|s| s.visible)))
        })
    };
    let content = {
        let form = form.clone();
        move || match shown.get() {
            (_, Some(false)) => {
                view! { <p class="hf-note">{ui("nav.section_hidden")}</p> }.into_any()
            }
            (i, Some(true)) => section_view(&form, i, count),
            (_, None) => review(&form, outline),
        }
    };
    let nav = {
        let (form, section) = (form.clone(), section.clone());
        move || {
            let current = section.get();
            let items = outline.with(|o| {
                o.iter()
                    .flat_map(|o| o.sections.iter().enumerate())
                    .filter(|(_, s)| s.visible)
                    .map(|(i, s)| {
                        let state = match s.completion {
                            Completion::NotStarted => ui("nav.not_started"),
                            Completion::InProgress => ui("nav.in_progress"),
                            Completion::Complete => ui("nav.complete"),
                        };
                        let errors = (s.errors > 0)
                            .then(|| ui("nav.errors").replace("{n}", &s.errors.to_string()));
                        nav_item(&form, i, current, s.title.clone(), state, errors)
                    })
                    .collect_view()
            });
            let review = nav_item(&form, count, current, ui("nav.review").to_owned(), "", None);
            view! { {items} {review} }
        }
    };
    let status = form.status();
    view! {
        <form class="hf-form" novalidate on:submit=|e| e.prevent_default()>
            <h2>{title}</h2>
            <p class="hf-note">{ui("form.required_note")} <span aria-hidden="true">"*"</span></p>
            {summary(&form)}
            <div class="hf-layout">
                <nav class="hf-nav" aria-label=ui("nav.label")><ol>{nav}</ol></nav>
                <div class="hf-main">{content}</div>
            </div>
            <div class="hf-sr" role="status" aria-live="polite">{move || status.get()}</div>
        </form>
    }
    .into_any()
}

/// `n` in the UI string `one` (when 1) or `many`.
fn count_text(one: &str, many: &str, n: usize) -> String {
    ui(if n == 1 { one } else { many }).replace("{n}", &n.to_string())
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
    title: String,
    state: &'static str,
    errors: Option<String>,
) -> AnyView {
    let form = form.clone();
    view! {
        <li>
            <button type="button" class="hf-nav-item" aria-current=(index == current).then_some("step")
                on:click=move |_| go_to(&form, index)>
                <span class="hf-nav-title">{title}</span>
                <span class="hf-nav-state">{state}</span>
                {errors.map(|e| view! { <span class="hf-nav-errors">{e}</span> })}
            </button>
        </li>
    }
    .into_any()
}

/// One section: its heading, its entries, previous and next.
fn section_view(form: &Form, index: usize, count: usize) -> AnyView {
    let (title, entries) = form
        .read(|s| {
            let t = s.template().sections[index].title.get(form.lang()).to_owned();
            (t, s.section_entries(index, form.lang()))
        })
        .unwrap_or_default();
    let visible = |i: usize| form.read(|s| s.section_visible(i)).unwrap_or(false);
    let previous = (0..index).rev().find(|&i| visible(i));
    let next = (index + 1..count).find(|&i| visible(i)).unwrap_or(count);
    let (f1, f2) = (form.clone(), form.clone());
    let next_text = if next == count { ui("nav.to_review") } else { ui("nav.next") };
    view! {
        <section class="hf-section" aria-labelledby=HEADING>
            <h3 id=HEADING tabindex="-1">{title}</h3>
            {render_entries(form, entries)}
            <div class="hf-pager">
                {previous.map(|p| view! {
                    <button type="button" class="hf-button" on:click=move |_| go_to(&f1, p)>{ui("nav.previous")}</button>
                })}
                <button type="button" class="hf-button hf-primary" on:click=move |_| go_to(&f2, next)>{next_text}</button>
            </div>
        </section>
    }
    .into_any()
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
fn summary(form: &Form) -> impl IntoView + use<> {
    let (form, show_all) = (form.clone(), form.show_all());
    let findings = {
        let form = form.clone();
        Memo::new(move |_| {
            if !show_all.get() {
                return Vec::new();
            }
            let all = form.read_tracked(|s| s.findings(form.lang())).unwrap_or_default();
            all.into_iter().filter(|f| f.severity == Severity::Error).collect::<Vec<_>>()
        })
    };
    move || {
        let count = findings.with(Vec::len);
        (count > 0).then(|| {
            let links = findings.with(|all| {
                all.iter()
                    .take(LISTED)
                    .map(|f| {
                        let (form, finding) = (form.clone(), f.clone());
                        let href = format!("#{}", dom_id(&f.pointer));
                        let text = if f.place.is_empty() { f.message.clone() } else { format!("{}: {}", f.place, f.message) };
                        view! {
                            <li><a href=href on:click=move |ev| {
                                ev.prevent_default();
                                reveal(&form, &finding);
                            }>{text}</a></li>
                        }
                    })
                    .collect_view()
            });
            let heading = count_text("summary.title_one", "summary.title", count);
            view! {
                <div class="hf-summary" id="hf-summary" tabindex="-1" role="group" aria-labelledby="hf-summary-title">
                    <h3 id="hf-summary-title">{heading}</h3>
                    <ul>{links}</ul>
                    {(count > LISTED).then(|| view! { <p>{ui("summary.more").replace("{n}", &(count - LISTED).to_string())}</p> })}
                </div>
            }
        })
    }
}

/// The review step: every shown section's state, links back, and submit.
fn review(form: &Form, outline: Memo<Option<hitforms_engine::Outline>>) -> AnyView {
    form.show_all().set(true);
    let rows = {
        let form = form.clone();
        move || {
            outline.with(|o| {
                o.iter()
                    .flat_map(|o| o.sections.iter().enumerate())
                    .filter(|(_, s)| s.visible)
                    .map(|(i, s)| {
                        let form = form.clone();
                        let state = match s.completion {
                            Completion::NotStarted => ui("nav.not_started"),
                            Completion::InProgress => ui("nav.in_progress"),
                            Completion::Complete => ui("nav.complete"),
                        };
                        view! {
                            <tr>
                                <th scope="row">
                                    <button type="button" class="hf-link" on:click=move |_| go_to(&form, i)>{s.title.clone()}</button>
                                </th>
                                <td>{state}</td>
                                <td class="hf-num">{s.errors}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        }
    };
    let submit = {
        let form = form.clone();
        move |_| {
            form.show_all().set(true);
            if form.read(|s| s.is_valid()).unwrap_or(false) {
                form.dispatch("hitforms-submit");
                form.announce(ui("review.submitted").to_owned());
            } else {
                form.focus_id_later("hf-summary".to_owned(), false);
            }
        }
    };
    view! {
        <section class="hf-section hf-review" aria-labelledby=HEADING>
            <h3 id=HEADING tabindex="-1">{ui("review.title")}</h3>
            <p>{ui("review.intro")}</p>
            <table class="hf-grid">
                <thead>
                    <tr>
                        <th scope="col">{ui("review.section")}</th>
                        <th scope="col">{ui("review.state")}</th>
                        <th scope="col">{ui("review.errors")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <div class="hf-pager">
                <button type="button" class="hf-button hf-primary" on:click=submit>{ui("review.submit")}</button>
            </div>
        </section>
    }
    .into_any()
}
