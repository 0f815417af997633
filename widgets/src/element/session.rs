//! One mount of `<hitforms-form>`: its settings from the attributes, the
//! draft it restored and saves, its notices and save status, and the events
//! it dispatches. The form view calls [`Session::changed`] after every
//! change; the rest is driven by the element's methods and the draft bar.

use super::{later, remount};
use crate::bridge::{dispatch, dispatch_js, json_to_js, object};
use crate::drafts::{self, Bar, Found};
use crate::i18n::{ui, ui_with};
use hitforms_engine::config::Step;
use hitforms_engine::{FormState, Template};
use serde_json::Value;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};

/// How long the form waits after the last change before saving the draft.
const SAVE_DELAY_MS: i32 = 500;

/// What the attributes say, read once per mount.
#[derive(Clone)]
pub struct Settings {
    /// UI language (lower-case primary code).
    pub lang: String,
    /// The `config` attribute: inline JSON or a URL.
    pub config: Option<String>,
    /// The application step (`step`).
    pub step: Step,
    /// `readonly`: the form shown as a document.
    pub readonly: bool,
    /// Drafts saved on this device (not `autosave="off"`, not read-only).
    pub autosave: bool,
    /// The data comes from a previous mount or the `data` property: no draft is restored.
    pub kept: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: "en".to_owned(),
            config: None,
            step: Step::Two,
            readonly: false,
            autosave: false,
            kept: false,
        }
    }
}

/// The draft's state, as the save indicator shows it.
pub enum Save {
    /// Nothing changed since the form loaded or was saved.
    Idle,
    /// Changed; the save waits for a pause in typing.
    Pending,
    /// Being written.
    Saving,
    /// Written at the given local time.
    Saved(String),
    /// Writing failed (why): shown as an alert.
    Failed(String),
    /// Autosave is off.
    Off,
}

struct Inner {
    host: HtmlElement,
    settings: Settings,
    /// Template id and version, once loaded.
    form: RefCell<(String, String)>,
    /// The data as of the last change, as JSON text (what a save writes).
    data: RefCell<String>,
    dirty: Cell<bool>,
    /// A save is scheduled.
    pending: Cell<bool>,
    /// The draft bar (none in the read-only view), built in its slot once
    /// the UI language is known, and the notice waiting for it.
    bar: RefCell<Option<Bar>>,
    bar_slot: Option<Element>,
    note: RefCell<Option<String>>,
    /// Where the read-only document goes.
    document: Option<Element>,
}

/// Work a session does in the background ([`Session::work`]).
pub enum Work {
    /// Save the draft now.
    Save,
    /// Remove the drafts and start over.
    Clear,
    /// Import the file chosen in this input.
    Import(web_sys::HtmlInputElement),
}

/// The mount's session; the default (no element) does nothing.
#[derive(Clone, Default)]
pub struct Session(Option<Rc<Inner>>);

impl Session {
    /// A session for `host` with `settings`, its draft bar (or, read-only,
    /// its document) in `parent`, showing `notice` once loaded.
    pub fn new(
        host: HtmlElement,
        settings: Settings,
        parent: &Element,
        notice: Option<String>,
    ) -> Session {
        let readonly = settings.readonly;
        let document = readonly.then(|| crate::element::dom::add(parent, "div", ""));
        let bar_slot = (!readonly).then(|| crate::element::dom::add(parent, "div", ""));
        let inner = Rc::new(Inner {
            host,
            settings,
            form: RefCell::default(),
            data: RefCell::default(),
            dirty: Cell::new(false),
            pending: Cell::new(false),
            bar: RefCell::new(None),
            bar_slot,
            note: RefCell::new(notice),
            document,
        });
        Session(Some(inner))
    }

    /// Builds the draft bar into its slot, once the UI language is set
    /// (its labels are in that language), with the notice waiting for it.
    fn build_bar(&self) {
        let Some(rc) = self.0.as_ref() else { return };
        let (inner, weak) = (rc.as_ref(), Rc::downgrade(rc));
        let Some(slot) = inner.bar_slot.as_ref().filter(|_| inner.bar.borrow().is_none()) else {
            return;
        };
        let session = move || weak.upgrade().map(|i| Session(Some(i)));
        let bar = Bar::new(slot, inner.settings.autosave, session);
        bar.save(if inner.settings.autosave { &Save::Idle } else { &Save::Off });
        if let Some(text) = inner.note.take() {
            bar.notify(&text, false);
        }
        *inner.bar.borrow_mut() = Some(bar);
    }

    /// Runs `f` on the draft bar, when there is one.
    fn with_bar(&self, f: impl FnOnce(&Bar)) {
        if let Some(inner) = self.inner()
            && let Some(bar) = inner.bar.borrow().as_ref()
        {
            f(bar);
        }
    }

    fn set_save(&self, save: Save) {
        self.with_bar(|bar| bar.save(&save));
    }

    fn inner(&self) -> Option<&Inner> {
        self.0.as_deref()
    }

    /// The element, when there is one.
    pub fn host(&self) -> Option<HtmlElement> {
        self.inner().map(|i| i.host.clone())
    }

    /// The attribute settings (defaults without an element).
    pub fn settings(&self) -> Settings {
        self.inner().map(|i| i.settings.clone()).unwrap_or_default()
    }

    /// Whether the form is shown as a document.
    pub fn readonly(&self) -> bool {
        self.inner().is_some_and(|i| i.settings.readonly)
    }

    /// The data the form starts with: a draft on this device when there is
    /// one (with a notice saying so), else `data`.
    pub async fn starting_data(&self, template: &Template, data: Value) -> Value {
        let Some(inner) = self.inner() else { return data };
        self.build_bar();
        *inner.form.borrow_mut() = (template.id.clone(), template.version.clone());
        if !inner.settings.autosave || inner.settings.kept {
            return data;
        }
        let (notice, data) = match drafts::find(&template.id, &template.version).await {
            Found::Nothing => (None, data),
            Found::Same(draft, saved) => {
                let time = drafts::local_time(&saved, &inner.settings.lang);
                (Some((ui_with("draft.restored", &[("time", &time)]), false)), draft)
            }
            Found::Other(draft, old) => {
                let params = [("old", old.as_str()), ("new", template.version.as_str())];
                (Some((ui_with("draft.migrated", &params), false)), draft)
            }
            Found::Unreadable(why) => {
                (Some((ui_with("draft.read_failed", &[("detail", &why)]), true)), data)
            }
        };
        if let Some((text, problem)) = notice {
            self.notify(text, problem);
        }
        data
    }

    /// The form is ready: remembers its data; re-saves data that came from
    /// elsewhere than a draft (an import, the `data` property).
    pub fn loaded(&self, form: &FormState) {
        let Some(inner) = self.inner() else { return };
        *inner.data.borrow_mut() = form.data_text();
        if let Some(bar) = inner.bar.borrow().as_ref() {
            bar.show();
        }
        if let Some(into) = &inner.document {
            super::document::render(form, &inner.settings.lang, into);
        }
        if inner.settings.kept && inner.settings.autosave {
            self.schedule_save();
        }
    }

    /// After every change of the data: dispatches `hitforms-change` and
    /// schedules the draft's save.
    /// `data`: the document as JSON text (`FormState::data_text`), kept
    /// for the draft; the event's `data` is parsed from it only when a
    /// listener reads it.
    pub fn changed(&self, data: String, valid: bool, changed: &[String]) {
        let Some(inner) = self.inner() else { return };
        let pointers: js_sys::Array = changed.iter().map(|c| JsValue::from_str(c)).collect();
        let detail = super::change_detail(&data, valid, pointers);
        dispatch_js(&inner.host, "hitforms-change", &detail);
        *inner.data.borrow_mut() = data;
        inner.dirty.set(true);
        if inner.settings.autosave {
            self.schedule_save();
        }
    }

    /// Saves after the pause in typing (shim.js's `later` calls the
    /// handle's `ask(7)`, which saves, when no change came for a while).
    fn schedule_save(&self) {
        let Some(inner) = self.inner() else { return };
        inner.pending.set(true);
        self.set_save(Save::Pending);
        later(&inner.host, SAVE_DELAY_MS);
    }

    /// Writes the draft now; the status, and `hitforms-save`, say how it went.
    async fn save_now(&self) {
        let Some(inner) = self.inner() else { return };
        inner.pending.set(false);
        self.set_save(Save::Saving);
        let (id, version) = inner.form.borrow().clone();
        let data = inner.data.borrow().clone();
        let key = drafts::key(&id, &version);
        let detail = match drafts::save(&id, &version, &data).await {
            Ok((saved, storage)) => {
                // A change while saving keeps the form dirty (its save is scheduled).
                if !inner.pending.get() {
                    inner.dirty.set(false);
                    self.set_save(Save::Saved(drafts::local_time(&saved, &inner.settings.lang)));
                }
                object(vec![
                    ("ok", true.into()),
                    ("key", key.into()),
                    ("savedAt", saved.into()),
                    ("storage", storage.into()),
                ])
            }
            Err(why) => {
                self.set_save(Save::Failed(why.clone()));
                object(vec![("ok", false.into()), ("key", key.into()), ("error", why.into())])
            }
        };
        dispatch(&inner.host, "hitforms-save", &detail);
    }

    /// Starts `work`; when done, tells the element (which resolves the
    /// promise `reset()` or `saveDraft()` returned). One task type for all
    /// background work keeps the wasm smaller.
    pub fn work(&self, work: Work) {
        let session = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            match work {
                Work::Save => session.save_now().await,
                Work::Clear => session.clear().await,
                Work::Import(input) => drafts::import(&session, input).await,
            }
            if let Some(host) = session.host() {
                super::work_done(&host);
            }
        });
    }

    /// Whether there are changes not saved on this device nor exported.
    pub fn dirty(&self) -> bool {
        self.inner().is_some_and(|i| i.dirty.get())
    }

    /// Shows a notice above the form (`problem`: as an alert).
    pub fn notify(&self, text: String, problem: bool) {
        self.with_bar(|bar| bar.notify(&text, problem));
    }

    /// Downloads the current data as `<template id>.json`.
    pub fn export(&self) {
        let Some(inner) = self.inner() else { return };
        let name = format!("{}.json", inner.form.borrow().0);
        let text = inner.data.borrow().clone();
        drafts::download(&name, &text);
        if !inner.settings.autosave {
            inner.dirty.set(false);
        }
        self.notify(ui_with("data.exported", &[("name", &name)]), false);
    }

    /// Imports a data file: on success the form re-mounts with its data
    /// (saved as the draft); a bad file changes nothing and says why.
    pub fn import(&self, name: &str, text: &str) {
        let Some(inner) = self.inner() else { return };
        match hitforms_engine::json::parse(text) {
            Ok(data @ Value::Object(_)) => {
                let note = ui_with("data.imported", &[("name", name)]);
                remount(&inner.host, &json_to_js(&data), &note);
            }
            Ok(_) => self.notify(ui_with("data.import_not_object", &[("name", name)]), true),
            Err(e) => {
                let detail = e.to_string();
                let params = [("name", name), ("detail", detail.as_str())];
                self.notify(ui_with("data.import_bad_json", &params), true);
            }
        }
    }

    /// Removes this form's drafts from the device and starts over from the
    /// `data` attribute (for shared computers; also `reset()`).
    async fn clear(&self) {
        let Some(inner) = self.inner() else { return };
        inner.pending.set(false);
        later(&inner.host, -1);
        let id = inner.form.borrow().0.clone();
        match drafts::clear(&id).await {
            Ok(()) => remount(&inner.host, &JsValue::NULL, ui("draft.cleared")),
            Err(why) => {
                self.notify(ui_with("draft.save_failed", &[("detail", &why)]), true);
            }
        }
    }
}
