//! The panel's attention, for the service worker: whether the panel opens on a page, and the
//! user's remembered choices. The decisions are the core's (`wayfinder_core::attention`); this
//! module only decodes what the worker keeps in storage and hands back what to keep.

use crate::from_js::decode;
use crate::to_js;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wayfinder_core::attention::{self, News, PanelChoice, PanelPrefs, Seen};
use wayfinder_core::settings::Settings;

/// What [`attend`] decided, with the record to store when it changed.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Attention {
    open: bool,
    fresh: usize,
    /// The seen record to store, when it changed.
    seen: Option<Seen>,
    /// Why the stored record was dropped, when it was.
    warning: Option<String>,
}

/// The stored seen record, or an empty one with the reason when it is corrupt or oversized (the
/// panel then behaves as on a first visit).
fn stored_seen(seen: &JsValue) -> (Seen, Option<String>) {
    if seen.is_undefined() || seen.is_null() {
        return (Seen::default(), None);
    }
    match decode::<Seen>(seen).and_then(|s| s.check().map(|()| s)) {
        Ok(seen) => (seen, None),
        Err(why) => (
            Seen::default(),
            Some(format!("the panel's seen record was dropped: {why}")),
        ),
    }
}

/// Decides whether the panel opens after a message's `news` (the `news` of its action), under
/// the settings in force and the user's `prefs`, given the stored `seen` record:
/// `{open, fresh, seen, warning}`, `seen` set when it is to be stored.
#[cfg_attr(feature = "exports", wasm_bindgen)]
pub fn attend(settings: JsValue, prefs: JsValue, seen: JsValue, news: JsValue) -> JsValue {
    let settings = decode::<Settings>(&settings).unwrap_or_default();
    let prefs = decode::<PanelPrefs>(&prefs).unwrap_or_default();
    let news = decode::<Vec<News>>(&news).unwrap_or_default();
    let (mut seen, warning) = stored_seen(&seen);
    let decision = attention::decide(settings.panel, settings.trainer, prefs, &mut seen, &news);
    to_js(&Attention {
        open: decision.open,
        fresh: decision.fresh,
        seen: (decision.changed || warning.is_some()).then_some(seen),
        warning,
    })
}

/// The user's panel preferences after `choice` (`open`, `collapse` or `move`); preferences that
/// do not decode start from the defaults.
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = panelPrefs))]
pub fn panel_prefs(prefs: JsValue, choice: JsValue) -> JsValue {
    let prefs = decode::<PanelPrefs>(&prefs).unwrap_or_default();
    match decode::<PanelChoice>(&choice) {
        Ok(choice) => to_js(&prefs.with(choice)),
        Err(_) => to_js(&prefs),
    }
}

/// Marks `news` seen in the stored record (the user opened the panel on a page that has it):
/// the record to store, or `null` when nothing changed.
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = markSeen))]
pub fn mark_seen(seen: JsValue, news: JsValue) -> JsValue {
    let (mut seen, warning) = stored_seen(&seen);
    let news = decode::<Vec<News>>(&news).unwrap_or_default();
    if attention::mark_seen(&mut seen, &news) || warning.is_some() {
        to_js(&seen)
    } else {
        JsValue::NULL
    }
}
