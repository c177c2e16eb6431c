//! Reading and changing the stored settings from an extension page.
//!
//! The JS shell hands over two functions around `chrome.storage.sync` (`load` resolves to the
//! stored settings object, `save` stores one). Every change is a fresh read, a change in Rust
//! and a write, so two open pages (popup and overlay, say) never undo each other's changes, and
//! settings that do not decode are never overwritten: the change is refused with the reason.

use crate::text::{message, message_with};
use js_sys::{Function, Promise};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use wayfinder_core::settings::Settings;

/// The stored settings, through the shell's functions.
#[derive(Clone)]
pub struct SettingsStore {
    load: Function,
    save: Function,
}

fn reason(error: JsValue) -> String {
    error
        .as_string()
        .or_else(|| {
            js_sys::Reflect::get(&error, &JsValue::from_str("message"))
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| message("storageRefused"))
}

pub(crate) async fn settle(result: Result<JsValue, JsValue>) -> Result<JsValue, String> {
    let value = result.map_err(reason)?;
    JsFuture::from(Promise::resolve(&value))
        .await
        .map_err(reason)
}

impl SettingsStore {
    /// Wraps the shell's `load()` and `save(settings)` functions.
    pub fn new(load: Function, save: Function) -> Self {
        SettingsStore { load, save }
    }

    /// The stored settings (defaults when nothing is stored).
    pub async fn load(&self) -> Result<Settings, String> {
        let value = settle(self.load.call0(&JsValue::NULL)).await?;
        decode_settings(value)
    }

    /// Reads, changes and writes the settings; returns what was saved. `change` is a reference,
    /// not a generic closure, so the module carries one copy of this future, not one per caller.
    pub async fn update(&self, change: &dyn Fn(&mut Settings)) -> Result<Settings, String> {
        let mut settings = self
            .load()
            .await
            .map_err(|why| message_with("settingsUnreadable", &[&why]))?;
        change(&mut settings);
        let value = wayfinder_worker::to_js::encode(&settings)?;
        settle(self.save.call1(&JsValue::NULL, &value)).await?;
        Ok(settings)
    }
}

/// Reads stored settings; anything unreadable falls back to the defaults (and says so).
pub fn decode_settings(value: JsValue) -> Result<Settings, String> {
    if value.is_undefined() || value.is_null() {
        return Ok(Settings::default());
    }
    wayfinder_worker::from_js::decode(&value)
}

/// A function-valued property of a hooks object from a JS shell.
pub fn hook(hooks: &JsValue, name: &str) -> Option<Function> {
    js_sys::Reflect::get(hooks, &JsValue::from_str(name))
        .ok()
        .and_then(|f| wasm_bindgen::JsCast::dyn_into::<Function>(f).ok())
}
