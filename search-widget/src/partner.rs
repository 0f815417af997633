//! "Use as partner": the `hitforms-partner-selected` event's detail and the
//! new partner written into a `<hitforms-form>`'s data (HIT application
//! shape, docs/hit-data.md section B: `partners[]` with identity and
//! `mainAddress`), through the form element's public `data` property.

use hitforms_search::Index;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

/// Sets `key` on `obj` (a plain object: cannot fail).
fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &key.into(), value);
}

/// A string value.
fn s(text: &str) -> JsValue {
    JsValue::from_str(text)
}

/// The event detail of participation `doc`: the organisation's fields and
/// every project it took part in (docs/embedding.md, `hitforms/partner-search`).
pub fn detail(index: &Index, doc: u32) -> Object {
    let p = &index.data.partners[doc as usize];
    let out = Object::new();
    for (key, value) in [
        ("organisation", &p.organisation),
        ("department", &p.department),
        ("street", &p.street),
        ("postalCode", &p.postal_code),
        ("town", &p.town),
        ("country", &p.country),
        ("region", &p.region),
        ("legalStatus", &p.legal_status),
        ("partnerType", &p.partner_type),
        ("website", &p.website),
    ] {
        set(&out, key, &s(value));
    }
    let nuts: Array = p.nuts.iter().map(|n| s(n)).collect();
    set(&out, "nuts", &nuts);
    let projects: Array = index
        .participations_of(doc)
        .into_iter()
        .map(|d| {
            let part = &index.data.partners[d as usize];
            let project = index.data.project_of(part);
            let o = Object::new();
            for (key, value) in [
                ("acronym", &project.acronym),
                ("title", &project.title),
                ("programme", &project.programme),
                ("period", &project.period),
                ("role", &part.role),
            ] {
                set(&o, key, &s(value));
            }
            JsValue::from(o)
        })
        .collect();
    set(&out, "projects", &projects);
    out
}

/// A new HIT partner from participation `doc`, numbered after `partners`.
fn hit_partner(index: &Index, doc: u32, partners: &Array, lang: &str) -> Object {
    let p = &index.data.partners[doc as usize];
    let next_id = partners
        .iter()
        .filter_map(|q| Reflect::get(&q, &"id".into()).ok()?.as_f64())
        .fold(0.0, f64::max)
        + 1.0;
    let out = Object::new();
    set(&out, "id", &JsValue::from_f64(next_id));
    let role = if partners.length() == 0 { "LEAD_PARTNER" } else { "PARTNER" };
    set(&out, "role", &s(role));
    set(&out, "nameInOriginalLanguage", &s(&p.organisation));
    if !p.department.is_empty() {
        let text = Object::new();
        set(&text, "language", &s(lang));
        set(&text, "translation", &s(&p.department));
        set(&out, "department", &Array::of1(&text));
    }
    match p.legal_status.as_str() {
        "public" => set(&out, "legalStatusId", &s("Public")),
        "private" => set(&out, "legalStatusId", &s("Private")),
        _ => {}
    }
    let address = Object::new();
    for (key, value) in [
        ("countryCode", &p.country),
        ("nutsRegion2Code", &p.nuts[1]),
        ("nutsRegion3Code", &p.nuts[2]),
        ("street", &p.street),
        ("postalCode", &p.postal_code),
        ("city", &p.town),
        ("homepage", &p.website),
    ] {
        if !value.is_empty() {
            set(&address, key, &s(value));
        }
    }
    set(&out, "mainAddress", &address);
    out
}

/// Adds participation `doc` as a new partner to the data of `form` (a
/// `<hitforms-form>`): reads its `data`, appends to `partners`, assigns
/// `data`. Returns whether the form now holds the partner.
pub fn fill_form(form: &JsValue, index: &Index, doc: u32, lang: &str) -> bool {
    let Ok(data) = Reflect::get(form, &"data".into()) else { return false };
    if !data.is_object() {
        return false; // not a form, or its template has not loaded yet
    }
    let copy = Object::assign(&Object::new(), data.unchecked_ref());
    let old = Reflect::get(&copy, &"partners".into()).unwrap_or(JsValue::UNDEFINED);
    let partners = if Array::is_array(&old) { Array::from(&old) } else { Array::new() };
    let before = partners.length();
    partners.push(&hit_partner(index, doc, &partners, lang));
    set(&copy, "partners", &partners);
    if Reflect::set(form, &"data".into(), &copy) != Ok(true) {
        return false;
    }
    // The form keeps what it accepted: check it took the partner.
    Reflect::get(form, &"data".into())
        .ok()
        .and_then(|d| Reflect::get(&d, &"partners".into()).ok())
        .is_some_and(|p| Array::is_array(&p) && Array::from(&p).length() > before)
}
