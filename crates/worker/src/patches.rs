//! The worker's patch module: puts the probe patches in force on a plan the worker made.
//!
//! Why a module of its own: checking a patch takes the build's probe-tier rules, the catalog's
//! notices and a decoder for tiers, about 10 KB gzipped, and the worker's own module is at its
//! size budget (docs/wasm-size.md). Patches are rare and short-lived (an administrator's fix
//! until the next release), so the service worker instantiates this module only while the
//! user's settings or the policy hold one (`extension/background.js`), and every other browser
//! pays nothing for them.

use crate::from_js::decode;
use crate::{read_policy, to_js};
use wasm_bindgen::prelude::*;
use wayfinder_core::plan::{with_patches, OverlayPlan};
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
