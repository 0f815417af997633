//! The draft bar above the form: the notice (restored, imported, cleared),
//! an alert line (a bad file, a failed save), the save indicator (a polite
//! live region), and the buttons to export, import and clear the draft.
//! Built once as plain DOM; the session sets its texts.

use super::{read_chosen, settle};
use crate::element::dom::{add, add_text, set};
use crate::element::{Save, Session, Work};
use crate::i18n::{ui, ui_with};
use wasm_bindgen::prelude::*;
use web_sys::{Element, Event, HtmlInputElement};

/// The bar's elements, and the one listener its buttons share.
pub struct Bar {
    root: Element,
    notice: Element,
    alert: Element,
    status: Element,
    _listener: Closure<dyn FnMut(Event)>,
}

impl Bar {
    /// Builds the bar (hidden until [`Bar::show`]) into `parent`; its
    /// buttons act on the session `session` gives (while it lives).
    pub fn new(
        parent: &Element,
        autosave: bool,
        session: impl Fn() -> Option<Session> + 'static,
    ) -> Bar {
        let root = add(parent, "div", "hf-drafts hf-hidden");
        set(&root, "part", "drafts");
        let notice = add(&root, "p", "hf-notice");
        set(&notice, "part", "notice");
        set(&notice, "role", "status");
        let alert = add(&root, "p", "hf-alert");
        set(&alert, "role", "alert");
        let status = add(&root, "p", "hf-save");
        set(&status, "part", "status");
        set(&status, "role", "status");
        let tools = add(&root, "div", "hf-tools");
        let button = |parent: &Element, tag: &str, key: &str, act: &str| {
            let b = add_text(parent, tag, "hf-button", ui(key));
            set(&b, "part", "button");
            set(&b, "data-act", act);
            if tag == "button" {
                set(&b, "type", "button");
            }
            b
        };
        button(&tools, "button", "data.export", "export");
        let label = button(&tools, "label", "data.import", "");
        let file = add(&label, "input", "hf-file");
        set(&file, "type", "file");
        set(&file, "accept", ".json,application/json");
        set(&file, "data-act", "import");
        if autosave {
            button(&tools, "button", "draft.clear", "clear");
        }
        let listener = Closure::<dyn FnMut(Event)>::new(move |ev: Event| {
            let (Some(s), Some(target)) = (session(), ev.target()) else { return };
            let target: Element = target.unchecked_into();
            match (ev.type_().as_str(), target.get_attribute("data-act").as_deref()) {
                ("click", Some("export")) => s.export(),
                ("click", Some("clear")) => clear(s),
                ("change", Some("import")) => s.work(Work::Import(target.unchecked_into())),
                _ => {}
            }
        });
        for kind in ["click", "change"] {
            let _ = root.add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref());
        }
        Bar { root, notice, alert, status, _listener: listener }
    }

    /// Shows the bar (the form has loaded).
    pub fn show(&self) {
        self.root.set_class_name("hf-drafts");
    }

    /// Shows a notice; a problem goes to the alert line.
    pub fn notify(&self, text: &str, problem: bool) {
        let (line, other) =
            if problem { (&self.alert, &self.notice) } else { (&self.notice, &self.alert) };
        line.set_text_content(Some(text));
        other.set_text_content(None);
    }

    /// Shows the save state.
    pub fn save(&self, save: &Save) {
        let text = match save {
            Save::Idle => String::new(),
            Save::Pending => ui("draft.unsaved").to_owned(),
            Save::Saving => ui("draft.saving").to_owned(),
            Save::Saved(time) => ui_with("draft.saved", &[("time", time)]),
            Save::Off => ui("draft.off").to_owned(),
            Save::Failed(why) => {
                self.notify(&ui_with("draft.save_failed", &[("detail", why)]), true);
                String::new()
            }
        };
        self.status.set_text_content(Some(&text));
    }
}

fn clear(session: Session) {
    let confirmed = web_sys::window()
        .and_then(|w| w.confirm_with_message(ui("draft.clear_confirm")).ok())
        .unwrap_or(false);
    if confirmed {
        session.work(Work::Clear);
    }
}

/// Reads the chosen file and imports it (`Session::import`).
pub async fn import(session: &Session, input: HtmlInputElement) {
    match settle(read_chosen(&input)).await {
        Ok(chosen) if chosen.is_array() => {
            let chosen = js_sys::Array::from(&chosen);
            let name = chosen.get(0).as_string().unwrap_or_default();
            session.import(&name, &chosen.get(1).as_string().unwrap_or_default());
        }
        Ok(_) => {}
        Err(why) => {
            let params = [("name", ""), ("detail", why.as_str())];
            session.notify(ui_with("data.import_unreadable", &params), true);
        }
    }
}
