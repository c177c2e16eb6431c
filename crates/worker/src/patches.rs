//! The worker's patch module: puts the probe patches in force on a plan the worker made.
//!
//! Why a module of its own: checking a patch takes the build's probe-tier rules, the catalog's
//! notices and a decoder for tiers, more than the worker's own module has left under its size
//! budget (docs/wasm-size.md). Patches are rare and short-lived (an administrator's fix until
//! the next release), so the service worker instantiates this module only while the user's
//! settings or the policy hold one (`extension/probe-patches.js`), and every other browser pays
//! nothing for them. The pages' module links this file too, for [`split_policy`].

use crate::from_js::decode;
use crate::{read_policy, to_js};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wayfinder_core::plan::{with_patches, OverlayPlan};
use wayfinder_core::settings::policy::PatchEntries;
use wayfinder_core::settings::probe_patch::ProbePatch;
use wayfinder_core::settings::Settings;

/// `plan` with the probe patches in force on its notices: the policy's (`managed`, as
/// `chrome.storage.managed` gives it) and the user's (`stored`, their settings). The plan as it
/// came when it does not decode; stored settings that do not decode bring no patches.
#[cfg_attr(feature = "patch-exports", wasm_bindgen(js_name = patchedPlan))]
pub fn patched_plan(plan: JsValue, stored: JsValue, managed: JsValue) -> JsValue {
    let Ok(decoded) = decode::<OverlayPlan>(&plan) else {
        return plan;
    };
    let user = decode::<Settings>(&stored).unwrap_or_default();
    let in_force = read_policy(&managed).0.over(&user);
    to_js(&with_patches(decoded, &in_force.probe_patches))
}

/// The policy without its `probePatches`, and those patches decoded one by one (with their
/// index, or why one did not decode): a malformed patch then costs only itself, not the whole
/// policy. The browser's schema check lets through a tier with fields its kind does not have.
pub(crate) fn split_policy(managed: &JsValue) -> (JsValue, PatchEntries) {
    let key = JsValue::from_str("probePatches");
    let listed = Reflect::get(managed, &key).unwrap_or(JsValue::UNDEFINED);
    if !Array::is_array(&listed) {
        return (managed.clone(), Vec::new());
    }
    let rest = Object::assign(&Object::new(), managed.unchecked_ref::<Object>());
    let _ = Reflect::delete_property(&rest, &key);
    let entries = listed
        .unchecked_ref::<Array>()
        .iter()
        .map(|patch| decode::<ProbePatch>(&patch))
        .enumerate()
        .collect();
    (rest.into(), entries)
}
