//! The draft bar above the form: the notice (restored, imported, a bad
//! file…), the save indicator (a polite live region; a failure is an
//! alert), and the buttons to export, import and clear the draft.

use super::{read_chosen, settle};
use crate::element::{Save, Session};
use crate::i18n::{ui, ui_with};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

/// The bar; nothing until the form has loaded, nothing in the read-only view.
#[component]
pub fn DraftBar(session: Session) -> impl IntoView {
    let Some((ready, save, notice)) = session.signals().filter(|_| !session.readonly()) else {
        return ().into_any();
    };
    let autosave = session.settings().autosave;
    let session = SendWrapper::new(session);
    let contents = move || {
        let shown = (session.clone(), save.clone(), notice.clone());
        ready.get().then(|| contents(shown.0, shown.1, shown.2, autosave))
    };
    contents.into_any()
}

/// The bar's notices, save status and buttons.
fn contents(
    session: SendWrapper<Session>,
    save: ArcRwSignal<Save>,
    notice: ArcRwSignal<crate::element::Notice>,
    autosave: bool,
) -> impl IntoView {
    let status = {
        let save = save.clone();
        move || match save.get() {
            Save::Idle | Save::Failed(_) => String::new(),
            Save::Pending => ui("draft.unsaved").to_owned(),
            Save::Saving => ui("draft.saving").to_owned(),
            Save::Saved(time) => ui_with("draft.saved", &[("time", &time)]),
            Save::Off => ui("draft.off").to_owned(),
        }
    };
    let failure = move || match save.get() {
        Save::Failed(why) => ui_with("draft.save_failed", &[("detail", &why)]),
        _ => String::new(),
    };
    let (info, problem) = (notice.clone(), notice);
    let info = move || info.get().filter(|(_, p)| !p).map(|(t, _)| t);
    let problem = move || problem.get().filter(|(_, p)| *p).map(|(t, _)| t);
    let export = {
        let s = session.clone();
        move |_| s.export()
    };
    let import = {
        let s = session.clone();
        move |ev: web_sys::Event| {
            let Some(input) = ev.target().and_then(|t| t.dyn_into().ok()) else { return };
            let s = s.clone();
            leptos::task::spawn_local(async move {
                match settle(read_chosen(&input)).await {
                    Ok(chosen) if chosen.is_array() => {
                        let chosen = js_sys::Array::from(&chosen);
                        let (name, text) = (chosen.get(0), chosen.get(1));
                        s.import(
                            &name.as_string().unwrap_or_default(),
                            &text.as_string().unwrap_or_default(),
                        );
                    }
                    Ok(_) => {}
                    Err(why) => s.notify(
                        ui_with("data.import_unreadable", &[("name", ""), ("detail", &why)]),
                        true,
                    ),
                }
            });
        }
    };
    let clear = move |_| {
        let confirmed = web_sys::window()
            .and_then(|w| w.confirm_with_message(ui("draft.clear_confirm")).ok())
            .unwrap_or(false);
        if confirmed {
            let s = session.clone();
            leptos::task::spawn_local(async move { s.clear().await });
        }
    };
    view! {
        <div class="hf-drafts" part="drafts">
            <p class="hf-notice" part="notice" role="status">{info}</p>
            <p class="hf-alert" role="alert">{problem}</p>
            <p class="hf-save" part="status" role="status">{status}</p>
            <p class="hf-alert" role="alert">{failure}</p>
            <div class="hf-tools">
                <button type="button" class="hf-button" part="button" on:click=export>
                    {ui("data.export")}
                </button>
                <label class="hf-button" part="button">
                    {ui("data.import")}
                    <input type="file" class="hf-file" accept=".json,application/json" on:change=import />
                </label>
                {autosave.then(|| view! {
                    <button type="button" class="hf-button" part="button" on:click=clear>
                        {ui("draft.clear")}
                    </button>
                })}
            </div>
        </div>
    }
}
