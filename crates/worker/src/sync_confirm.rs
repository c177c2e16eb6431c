//! Sync confirmed by Azure Resource Manager, for the service worker. The core's
//! [`Confirmations`] lives here, in the worker's wasm memory, between messages: [`handle`]
//! (`crate::handle`) tells it which page each tab shows, the shell asks [`confirm_sync`] for the
//! view to answer with, and hands ARM's answer to [`arm_incident`], which gives the tabs to
//! update. A worker restart loses it, which costs one more ARM read.

use crate::from_js::decode;
use crate::to_js;
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wayfinder_core::arm::WireIncident;
use wayfinder_core::protocol::{Action, Clock};
use wayfinder_core::sync::confirm::kept::{Confirmations, Update};
use wayfinder_core::sync::confirm::{self};
use wayfinder_core::sync::{Now, SyncView};

thread_local! {
    static KEPT: RefCell<Confirmations> = RefCell::new(Confirmations::default());
}

/// Notes what a decided action (already handed to the shell) means for the tabs' kept pages.
pub(crate) fn note_action(action: Action) {
    KEPT.with(|kept| {
        let mut kept = kept.borrow_mut();
        match action {
            Action::StoreSync {
                tab_id, view, arm, ..
            } => kept.page(tab_id, view, arm),
            Action::StorePlan { tab_id, .. } => kept.forget(tab_id),
            _ => {}
        }
    });
}

/// The core's time of judgement for the shell's `Date.now()` and time zone offset.
fn now_of(now_ms: f64, tz_offset_minutes: i32) -> Now {
    Clock {
        now_ms: Some(now_ms as i64),
        tz_offset_minutes,
    }
    .now()
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Confirmed {
    view: SyncView,
    /// ARM is to be read (nothing kept, or an old answer).
    read: bool,
}

/// The view to answer tab `tab_id`'s page-facts with, when its user is signed in:
/// `{view, read}`, `read` true when the shell is to read ARM; `null` when the tab shows nothing
/// ARM confirms.
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = confirmSync))]
pub fn confirm_sync(tab_id: u32, now_ms: f64, tz_offset_minutes: i32) -> JsValue {
    let now = now_of(now_ms, tz_offset_minutes);
    KEPT.with(|kept| kept.borrow().view(tab_id, now, now_ms as i64))
        .map_or(JsValue::NULL, |(view, read)| {
            to_js(&Confirmed { view, read })
        })
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Answered {
    /// The tabs showing the incident, with their new views.
    tabs: Vec<Update>,
    /// Seconds after which to read again (ARM throttled).
    retry_after_secs: Option<u64>,
}

/// ARM's answer to the GET of incident `resource` (`status` 0: no answer; `body` the parsed
/// JSON or `null`): kept, and `{tabs: [{tabId, url, view}], retryAfterSecs}` returned. A body
/// that does not decode as an incident is a "malformed" answer, never an exception.
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = armIncident))]
pub fn arm_incident(
    resource: &str,
    status: u16,
    retry_after: Option<String>,
    body: JsValue,
    timed_out: bool,
    now_ms: f64,
    tz_offset_minutes: i32,
) -> JsValue {
    let wire = if body.is_object() {
        decode::<WireIncident>(&body).ok()
    } else {
        None
    };
    let now = now_of(now_ms, tz_offset_minutes);
    let unix = now.unix.unwrap_or_default();
    let outcome = confirm::read_answer(status, retry_after.as_deref(), timed_out, wire, unix);
    let (tabs, retry_after_secs) = KEPT.with(|kept| {
        kept.borrow_mut()
            .answer(resource, outcome, now, now_ms as i64)
    });
    to_js(&Answered {
        tabs,
        retry_after_secs,
    })
}

/// Is a tab still showing incident `resource` (a throttled read is tried again only then)?
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = incidentShown))]
pub fn incident_shown(resource: &str) -> bool {
    KEPT.with(|kept| kept.borrow().shown(resource))
}

/// Tab `tab_id` was closed.
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = forgetTab))]
pub fn forget_tab(tab_id: u32) {
    KEPT.with(|kept| kept.borrow_mut().forget(tab_id));
}
