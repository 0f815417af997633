//! One mount of `<hitforms-form>`: its settings from the attributes, the
//! draft it restored and saves, its notices and save status, and the events
//! it dispatches. The form view calls [`Session::changed`] after every
//! change; the rest is driven by the element's methods and the draft bar.

use crate::bridge::{dispatch, json_to_js};
use crate::drafts::{self, Found};
use crate::i18n::{ui, ui_with};
use hitforms_engine::config::Step;
use hitforms_engine::{FormState, Template};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use serde_json::{Value, json};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

/// How long the form waits after the last change before saving the draft.
const SAVE_DELAY_MS: i32 = 500;

/// What the attributes say, read once per mount.
#[derive(Clone, Debug)]
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
#[derive(Clone, Debug, PartialEq)]
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

/// A notice above the form: its text and whether it reports a problem.
pub type Notice = Option<(String, bool)>;

struct Inner {
    host: HtmlElement,
    settings: Settings,
    /// Template id and version, once loaded.
    form: RefCell<(String, String)>,
    /// The data as of the last change (what a save writes).
    data: RefCell<Value>,
    dirty: Cell<bool>,
    timer: Cell<Option<i32>>,
    save: ArcRwSignal<Save>,
    notice: ArcRwSignal<Notice>,
    ready: ArcRwSignal<bool>,
}

/// The mount's session; the default (no element) does nothing.
#[derive(Clone, Default)]
pub struct Session(Option<SendWrapper<Rc<Inner>>>);

impl Session {
    /// A session for `host` with `settings`, showing `notice` once loaded.
    pub fn new(host: HtmlElement, settings: Settings, notice: Option<String>) -> Session {
        let save = if settings.autosave { Save::Idle } else { Save::Off };
        Session(Some(SendWrapper::new(Rc::new(Inner {
            host,
            settings,
            form: RefCell::default(),
            data: RefCell::default(),
            dirty: Cell::new(false),
            timer: Cell::new(None),
            save: ArcRwSignal::new(save),
            notice: ArcRwSignal::new(notice.map(|n| (n, false))),
            ready: ArcRwSignal::new(false),
        }))))
    }

    fn inner(&self) -> Option<&Inner> {
        self.0.as_deref().map(Rc::as_ref)
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
        *inner.form.borrow_mut() = (template.id.clone(), template.version.clone());
        if !inner.settings.autosave || inner.settings.kept {
            return data;
        }
        let (notice, data) = match drafts::find(&template.id, &template.version).await {
            Found::Nothing => (None, data),
            Found::Same(draft, saved) => {
                let time = local_time(&saved, &inner.settings.lang);
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
        if notice.is_some() {
            inner.notice.set(notice);
        }
        data
    }

    /// The form is ready: remembers its data; re-saves data that came from
    /// elsewhere than a draft (an import, the `data` property).
    pub fn loaded(&self, form: &FormState) {
        let Some(inner) = self.inner() else { return };
        *inner.data.borrow_mut() = form.data();
        inner.ready.set(true);
        if inner.settings.kept && inner.settings.autosave {
            self.schedule_save();
        }
    }

    /// After every change of the data: dispatches `hitforms-change` and
    /// schedules the draft's save.
    pub fn changed(&self, data: &Value, valid: bool, changed: &[String]) {
        let Some(inner) = self.inner() else { return };
        let detail = json!({ "data": data, "valid": valid, "changed": changed });
        dispatch(&inner.host, "hitforms-change", &detail);
        *inner.data.borrow_mut() = data.clone();
        inner.dirty.set(true);
        if inner.settings.autosave {
            self.schedule_save();
        }
    }

    fn schedule_save(&self) {
        let Some(inner) = self.inner() else { return };
        let Some(window) = web_sys::window() else { return };
        if let Some(timer) = inner.timer.take() {
            window.clear_timeout_with_handle(timer);
        }
        inner.save.set(Save::Pending);
        let session = self.clone();
        let run = Closure::once_into_js(move || {
            leptos::task::spawn_local(async move { session.save_now().await });
        });
        let timer = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            run.unchecked_ref(),
            SAVE_DELAY_MS,
        );
        inner.timer.set(timer.ok());
    }

    /// Writes the draft now; the status, and `hitforms-save`, say how it went.
    pub async fn save_now(&self) {
        let Some(inner) = self.inner() else { return };
        inner.timer.set(None);
        inner.save.set(Save::Saving);
        let (id, version) = inner.form.borrow().clone();
        let data = inner.data.borrow().clone();
        let key = drafts::key(&id, &version);
        let detail = match drafts::save(&id, &version, &data).await {
            Ok((saved, storage)) => {
                // A change while saving keeps the form dirty (its save is scheduled).
                if inner.timer.get().is_none() {
                    inner.dirty.set(false);
                    inner.save.set(Save::Saved(local_time(&saved, &inner.settings.lang)));
                }
                json!({"ok": true, "key": key, "savedAt": saved, "storage": storage})
            }
            Err(why) => {
                inner.save.set(Save::Failed(why.clone()));
                json!({"ok": false, "key": key, "error": why})
            }
        };
        dispatch(&inner.host, "hitforms-save", &detail);
    }

    /// Whether there are changes not saved on this device nor exported.
    pub fn dirty(&self) -> bool {
        self.inner().is_some_and(|i| i.dirty.get())
    }

    /// Shows a notice above the form (`problem`: as an alert).
    pub fn notify(&self, text: String, problem: bool) {
        if let Some(inner) = self.inner() {
            inner.notice.set(Some((text, problem)));
        }
    }

    /// The signals the draft bar shows: ready, save status, notice.
    pub fn signals(&self) -> Option<(ArcRwSignal<bool>, ArcRwSignal<Save>, ArcRwSignal<Notice>)> {
        self.inner().map(|i| (i.ready.clone(), i.save.clone(), i.notice.clone()))
    }

    /// Downloads the current data as `<template id>.json`.
    pub fn export(&self) {
        let Some(inner) = self.inner() else { return };
        let name = format!("{}.json", inner.form.borrow().0);
        let text = serde_json::to_string_pretty(&*inner.data.borrow()).unwrap_or_default();
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
        match serde_json::from_str::<Value>(text) {
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
    pub async fn clear(&self) {
        let Some(inner) = self.inner() else { return };
        if let Some(timer) = inner.timer.take()
            && let Some(window) = web_sys::window()
        {
            window.clear_timeout_with_handle(timer);
        }
        let id = inner.form.borrow().0.clone();
        match drafts::clear(&id).await {
            Ok(()) => remount(&inner.host, &JsValue::NULL, ui("draft.cleared")),
            Err(why) => {
                self.notify(ui_with("draft.save_failed", &[("detail", &why)]), true);
            }
        }
    }
}

/// Asks the element (shim.js) to mount again with `data` (`null`: the
/// `data` attribute and no draft) and a notice.
fn remount(host: &HtmlElement, data: &JsValue, note: &str) {
    if let Ok(f) = js_sys::Reflect::get(host, &"_mount".into()) {
        let f: js_sys::Function = f.unchecked_into();
        let _ = f.call2(host, data, &note.into());
    }
}

/// An ISO time as local text in the UI language.
fn local_time(iso: &str, lang: &str) -> String {
    let date = js_sys::Date::new(&iso.into());
    date.to_locale_string(lang, &JsValue::UNDEFINED).into()
}
