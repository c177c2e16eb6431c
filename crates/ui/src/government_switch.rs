//! The options page's switch for the US Government portals (GCC High, DoD, Azure Government).
//!
//! Why a switch: their hosts are optional permissions, so that nobody who works in the
//! commercial cloud grants the extension access to them. Turning it on asks the browser for
//! them (its own prompt, inside the user's click); the worker then runs the content script
//! there (`extension/government.js`). Turning it off gives them back. docs/government-clouds.md.

use crate::settings_store::{hook, settle};
use crate::text::message;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

/// The shell's `allowed()` and `set(on)`, each a Promise of whether the portals are allowed.
#[derive(Clone)]
pub struct GovernmentHooks {
    /// `allowed()`.
    pub allowed: js_sys::Function,
    /// `set(on)`: asks for the hosts or removes them.
    pub set: js_sys::Function,
}

impl GovernmentHooks {
    /// The hooks of `{allowed, set}`, when both are functions.
    pub fn from_js(hooks: &JsValue) -> Option<Self> {
        Some(GovernmentHooks {
            allowed: hook(hooks, "allowed")?,
            set: hook(hooks, "set")?,
        })
    }
}

/// The switch, showing whether the portals are allowed now.
#[component]
pub fn GovernmentSwitch(hooks: GovernmentHooks) -> impl IntoView {
    let allowed = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    let first = hooks.allowed.call0(&JsValue::NULL);
    spawn_local(async move {
        match settle(first).await {
            Ok(now) => allowed.set(now.as_bool().unwrap_or(false)),
            Err(why) => status.set(why),
        }
    });
    let on_change = move |ev| {
        let on = event_target_checked(&ev);
        // Called inside the click: the browser's prompt needs the user's gesture.
        let called = hooks.set.call1(&JsValue::NULL, &JsValue::from_bool(on));
        spawn_local(async move {
            match settle(called).await {
                Ok(now) => {
                    let now = now.as_bool().unwrap_or(false);
                    allowed.set(now);
                    status.set(if on && !now {
                        message("governmentNotAllowed")
                    } else {
                        String::new()
                    });
                }
                Err(why) => status.set(why),
            }
        });
    };
    view! {
        <fieldset class="wf-government">
            <legend>{message("governmentLegend")}</legend>
            <label class="wf-check">
                <input type="checkbox" name="government-portals" prop:checked=move || allowed.get() on:change=on_change />
                {message("governmentSwitch")}
            </label>
            <p class="wf-muted">{message("governmentExplained")}</p>
            <p class="wf-status" role="status" aria-live="polite">{move || status.get()}</p>
        </fieldset>
    }
}
