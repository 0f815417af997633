//! Crossing between engine JSON and the page: JSON ↔ JS values, attribute
//! parsing, and dispatching the element's CustomEvents.

use serde_json::{Value, json};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

/// A JSON value as a plain JS value (through `JSON.parse`, which is small and exact).
pub fn json_to_js(value: &Value) -> JsValue {
    js_sys::JSON::parse(&hitforms_engine::json::write(value)).unwrap_or(JsValue::NULL)
}

/// A JS value as JSON (through `JSON.stringify`); `null` when it cannot be.
pub fn js_to_json(value: &JsValue) -> Value {
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .and_then(|s| hitforms_engine::json::parse(&s).ok())
        .unwrap_or(Value::Null)
}

/// The `data` attribute as a data document: inline JSON; anything else
/// (absent, malformed) starts an empty document and is logged.
pub fn parse_data_attribute(attr: Option<&str>) -> Value {
    match attr.map(str::trim).filter(|a| !a.is_empty()) {
        None => json!({}),
        Some(text) => match hitforms_engine::json::parse(text) {
            Ok(v @ Value::Object(_)) => v,
            _ => {
                web_sys::console::warn_1(
                    &"hitforms-form: the data attribute is not a JSON object; starting empty"
                        .into(),
                );
                json!({})
            }
        },
    }
}

/// A JSON object of `pairs`, built directly (`json!` serializes each
/// value through serde, which links a serializer per value type).
pub fn object(pairs: Vec<(&str, Value)>) -> Value {
    let mut map = serde_json::Map::new();
    for (k, v) in pairs {
        map.insert(k.to_owned(), v);
    }
    Value::Object(map)
}

/// Dispatches the CustomEvent `name` (bubbling, crossing the shadow
/// boundary) with `detail` as a plain JS value.
pub fn dispatch(host: &HtmlElement, name: &str, detail: &Value) {
    dispatch_js(host, name, &json_to_js(detail));
}

/// [`dispatch`] with a detail already made in JS.
pub fn dispatch_js(host: &HtmlElement, name: &str, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}
