//! Files in and out of the extension pages: JSON written for a download, and a chosen file read
//! back as a JS value. Shared by the onboarding report and the settings file, so both say the
//! same thing when a file cannot be read.

use crate::text::message;
use serde::Serialize;
use wasm_bindgen::JsValue;

/// Today's UTC date and the time, for a file name and an `exportedAt` field.
pub fn now_stamp() -> (String, String) {
    let at = String::from(js_sys::Date::new_0().to_iso_string());
    (at.get(..10).unwrap_or_default().to_string(), at)
}

/// `value` as indented JSON text.
pub fn json_text<T: Serialize>(value: &T) -> Result<String, String> {
    let value = wayfinder_worker::to_js::encode(value)?;
    js_sys::JSON::stringify_with_replacer_and_space(&value, &JsValue::NULL, &JsValue::from_f64(2.0))
        .map(String::from)
        .map_err(|_| message("fileNotWritten"))
}

/// Hands a file to the shell's `download(filename, mimeType, text)`.
pub fn offer(
    download: &js_sys::Function,
    name: &str,
    mime: &str,
    text: String,
) -> Result<(), String> {
    download
        .call3(&JsValue::NULL, &name.into(), &mime.into(), &text.into())
        .map(|_| ())
        .map_err(|_| message("downloadRefused"))
}

/// The chosen file of `input`, parsed as JSON.
pub async fn read_json(input: web_sys::HtmlInputElement) -> Result<JsValue, String> {
    let file = input
        .files()
        .and_then(|files| files.get(0))
        .ok_or_else(|| message("fileNotChosen"))?;
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| message("fileNotRead"))?;
    js_sys::JSON::parse(&text.as_string().unwrap_or_default()).map_err(|_| message("fileNotJson"))
}
