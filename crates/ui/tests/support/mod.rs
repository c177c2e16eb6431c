//! A stand-in for `chrome.i18n.getMessage` over the real English messages, for components
//! rendered in a plain page (wasm-bindgen-test), where extension APIs do not exist. With it the
//! tests read the same English a user of the extension reads; the product code is the same in
//! both places.

use serde_json::Value;
use std::cell::Cell;
use wasm_bindgen::prelude::*;

/// The extension's English messages, as the browser reads them.
const ENGLISH: &str = include_str!("../../../../extension/_locales/en/messages.json");

thread_local! {
    static INSTALLED: Cell<bool> = const { Cell::new(false) };
}

/// Puts `chrome.i18n.getMessage` over the English messages on the page (once).
pub fn install_english_messages() {
    if INSTALLED.with(|i| i.replace(true)) {
        return;
    }
    let messages: Value = serde_json::from_str(ENGLISH).expect("English messages are JSON");
    let get_message = Closure::<dyn Fn(String, JsValue) -> String>::new(
        move |key: String, substitutions: JsValue| {
            fill(&messages[key.as_str()], &values(&substitutions))
        },
    );
    let global = js_sys::global();
    let chrome = js_sys::Reflect::get(&global, &"chrome".into())
        .ok()
        .filter(JsValue::is_object)
        .unwrap_or_else(|| js_sys::Object::new().into());
    let i18n = js_sys::Object::new();
    js_sys::Reflect::set(&i18n, &"getMessage".into(), get_message.as_ref()).expect("set");
    js_sys::Reflect::set(&chrome, &"i18n".into(), &i18n).expect("set");
    js_sys::Reflect::set(&global, &"chrome".into(), &chrome).expect("set");
    get_message.forget();
}

/// The substitutions as chrome.i18n takes them: one string, an array of strings, or none.
fn values(substitutions: &JsValue) -> Vec<String> {
    if let Some(one) = substitutions.as_string() {
        return vec![one];
    }
    if js_sys::Array::is_array(substitutions) {
        return js_sys::Array::from(substitutions)
            .iter()
            .map(|v| v.as_string().unwrap_or_default())
            .collect();
    }
    Vec::new()
}

/// A message with its `$name$` placeholders replaced by their content and `$1`… by `values`;
/// `""` for an unknown key, as chrome.i18n answers.
fn fill(entry: &Value, values: &[String]) -> String {
    let message = entry["message"].as_str().unwrap_or_default();
    let mut text = String::new();
    let mut rest = message;
    while let Some(at) = rest.find('$') {
        text.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        if let Some(next) = after.strip_prefix('$') {
            text.push('$');
            rest = next;
            continue;
        }
        let (name, next) = after.split_once('$').expect("a closed $placeholder$");
        let content = entry["placeholders"][name.to_ascii_lowercase()]["content"]
            .as_str()
            .expect("a declared placeholder");
        let index: usize = content
            .trim_start_matches('$')
            .parse()
            .expect("a $n placeholder");
        text.push_str(values.get(index - 1).map_or("", String::as_str));
        rest = next;
    }
    text.push_str(rest);
    text
}
