//! The words of the extension pages, looked up by key in `extension/_locales/<language>/
//! messages.json` through `chrome.i18n.getMessage`.
//!
//! Why here and not as literals: the browser picks the messages of its UI language (English when
//! the extension has none for it), so the pages speak English or German without a language
//! setting of their own, and the English text is not carried in the wasm module.
//!
//! Values (counts, names, reasons) are substitutions: each message names them as placeholders,
//! and each language puts them where its grammar wants them. Counts take one key per form, none,
//! one and more (`dismissedNone`, `dismissedOne`, `dismissedMany`): English and German both set 1
//! apart from every other number, so these three forms are correct in both.
//!
//! A key without a message shows as the key itself, never as nothing, so a missing text is seen.
//! Keys are written as literals at every call (`message("panelHide")`): `cargo xtask` reads them
//! from the sources and fails when one is missing in a language (`crates/xtask/src/locales.rs`).

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `chrome.i18n.getMessage(key, substitutions)`: the message, or `""` for an unknown key.
    /// Caught: where `chrome.i18n` is missing the key is shown instead of the page failing.
    #[wasm_bindgen(catch, js_namespace = ["chrome", "i18n"], js_name = getMessage)]
    fn get_message(key: &str, substitutions: &JsValue) -> Result<JsValue, JsValue>;
}

/// The message `key` in the browser's UI language.
pub fn message(key: &str) -> String {
    lookup(key, &JsValue::UNDEFINED)
}

/// The message `key` with `values` for its placeholders (`$1` is the first value).
pub fn message_with(key: &str, values: &[&str]) -> String {
    let substitutions: js_sys::Array = values.iter().map(|v| JsValue::from_str(v)).collect();
    lookup(key, &substitutions)
}

fn lookup(key: &str, substitutions: &JsValue) -> String {
    get_message(key, substitutions)
        .ok()
        .and_then(|m| m.as_string())
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| key.to_string())
}
