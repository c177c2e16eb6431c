//! Typed values handed to the JS shells and `chrome.storage` as plain objects: written as JSON
//! text by serde_json and parsed by the browser's `JSON.parse`.
//!
//! Why not serde-wasm-bindgen's serializer: with the decoding side in [`crate::from_js`] it was
//! the last user of that crate, and serde_json's writer is smaller in the one wasm module
//! (issue 7, the size budget). The objects are the same: `None` is `null`, maps are objects.

use serde::Serialize;
use wasm_bindgen::JsValue;

/// A plain JS object (or array, string, …) for `value`.
pub fn encode<T: Serialize>(value: &T) -> Result<JsValue, String> {
    let text = serde_json::to_string(value).map_err(|e| e.to_string())?;
    js_sys::JSON::parse(&text).map_err(|_| "not JSON".to_string())
}
