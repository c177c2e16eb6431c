//! The service worker's Rust core, compiled to wasm.
//!
//! The JS service worker (`extension/background.js`) is a shell: it hands each incoming message,
//! its sender and the stored settings to [`handle`], and carries out the returned action
//! (store and reply). Decoding and every decision happen here, in typed Rust.
//!
//! The crate is the service worker's own wasm module (`wasm/worker.js`) and a library of the
//! pages' modules. A module exports every `#[wasm_bindgen]` function of every crate it links, so
//! the entry points are exports only under the `exports` feature (and the two the popup calls,
//! under `page-exports`): without it they are plain functions, and a page's module carries only
//! the decoder and what it calls.

// The worker's module allocates with talc instead of Rust's default dlmalloc: 2.6 KB gzipped
// smaller here, and faster by talc's own benchmarks
// (https://github.com/SFBdragon/talc/blob/master/BENCHMARKS_WASM.md). Only the worker's own
// module (`exports`): in the panel's and the pages' modules, which link this crate too, it
// measured larger than dlmalloc, so they keep the default (docs/wasm-size.md).
#[cfg(all(
    feature = "exports",
    target_family = "wasm",
    not(target_feature = "atomics")
))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod from_js;
mod json_value;
pub mod onboarding;
pub mod panel;
#[cfg(feature = "probe-patches")]
pub mod patches;
pub mod sync_confirm;
pub mod to_js;

use from_js::decode;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wayfinder_core::model::PageFacts;
use wayfinder_core::onboarding::PageEvidence;
use wayfinder_core::protocol::{Action, Clock, Request, Sender};
use wayfinder_core::router;
use wayfinder_core::settings::policy::Policy;
use wayfinder_core::settings::Settings;

/// Decodes and checks one message and returns the action for the shell to carry out
/// (`{action: "store-plan" | "store-sync" | "reply-tab" | …, …}`). `clock` is
/// `{nowMs, tzOffsetMinutes}`.
///
/// Malformed input never throws: a request or sender that does not decode becomes a
/// `reject` action naming the problem; settings that do not decode fall back to defaults.
#[cfg_attr(feature = "exports", wasm_bindgen)]
pub fn handle(request: JsValue, sender: JsValue, settings: JsValue, clock: JsValue) -> JsValue {
    let action = match (decode::<Request>(&request), decode::<Sender>(&sender)) {
        (Ok(request), Ok(sender)) => {
            let settings = decode::<Settings>(&settings).unwrap_or_default();
            // A clock that does not decode only costs the countdown and the lag line.
            let clock = decode::<Clock>(&clock).unwrap_or_default();
            router::decide(request, &sender, &settings, &clock)
        }
        (Err(e), _) => Action::Reject {
            reason: format!("malformed request: {e}"),
        },
        (_, Err(e)) => Action::Reject {
            reason: format!("malformed sender: {e}"),
        },
    };
    let js = to_js(&action);
    sync_confirm::note_action(action);
    js
}

/// The settings in force: the stored settings (defaults when they do not decode) under the
/// administrator's policy from `chrome.storage.managed` (none when it does not decode; the
/// options page says why). Every reader of settings goes through this, so a value the policy
/// names wins everywhere while only the user's own settings are ever stored.
#[cfg_attr(feature = "page-exports", wasm_bindgen(js_name = effectiveSettings))]
pub fn effective_settings(stored: JsValue, managed: JsValue) -> JsValue {
    let user = decode::<Settings>(&stored).unwrap_or_default();
    to_js(&read_policy(&managed).0.over(&user))
}

/// The administrator's policy (`chrome.storage.managed`, `{}` or nothing when none) with what
/// it may not hold taken out, and a line for each value ignored (the whole policy, when it
/// does not decode). It decodes as settings; its keys say which settings it sets.
pub fn read_policy(managed: &JsValue) -> (Policy, Vec<String>) {
    if !managed.is_object() {
        return (Policy::default(), Vec::new());
    }
    let named = js_sys::Object::keys(managed.unchecked_ref::<js_sys::Object>())
        .iter()
        .filter_map(|key| key.as_string())
        .collect();
    #[cfg(feature = "probe-patches")]
    let (rest, entries) = patches::split_policy(managed);
    #[cfg(feature = "probe-patches")]
    let managed = &rest;
    match decode::<Settings>(managed) {
        #[cfg(feature = "probe-patches")]
        Ok(values) => Policy::new(values, named)
            .with_patch_entries(entries)
            .checked(),
        #[cfg(not(feature = "probe-patches"))]
        Ok(values) => Policy::new(values, named).checked(),
        Err(why) => (Policy::default(), vec![why]),
    }
}

/// Adds a settled reading of a Defender evidence page (`facts`) to a tenant's stored evidence
/// (`stored`, `null` when none yet) and returns `{evidence, changed}`; `changed` is false when the
/// reading told nothing new (then the shell skips the write). Stored evidence that no longer
/// decodes starts afresh rather than blocking the status.
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = absorbEvidence))]
pub fn absorb_evidence(stored: JsValue, facts: JsValue, now_ms: f64) -> JsValue {
    let mut evidence = decode::<PageEvidence>(&stored).unwrap_or_default();
    let changed = match decode::<PageFacts>(&facts) {
        Ok(facts) if facts.check().is_ok() => evidence.absorb(&facts, now_ms as i64),
        _ => false,
    };
    to_js(&EvidenceUpdate { evidence, changed })
}

#[derive(Serialize)]
struct EvidenceUpdate {
    evidence: PageEvidence,
    changed: bool,
}

pub(crate) fn to_js<T: Serialize>(value: &T) -> JsValue {
    to_js::encode(value).unwrap_or(JsValue::NULL)
}
