//! The service worker's replies to the extension's other contexts, in the shape its JS shell
//! (`extension/background.js`) writes them.
//!
//! Why types for replies the shell composes: part of each reply comes from the browser (the
//! pill's words from `chrome.i18n`, the panel key from `crypto.randomUUID()`), so the shell builds
//! the object; but the content script and the overlay read it, and a property renamed on one
//! side only would fail in a user's browser. With the feature `ts`, these types and the messages
//! and stored records they hold are generated as TypeScript (`crates/core/bindings/`), and the
//! shells' type check (`cargo xtask test`) holds both sides to them.

use crate::attention::Corner;
use crate::model::Anchor;
use crate::onboarding::view::Chip;
use crate::plan::OverlayPlan;
use crate::sync::SyncView;
use serde::Serialize;

/// Where a tab's panel stands after a message: open or collapsed, whether that is news the user
/// has not seen, and its corner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PanelState {
    /// Whether the panel is open.
    pub open: bool,
    /// Whether it opened for news.
    pub fresh: bool,
    /// Where the pill and the panel sit.
    pub corner: Corner,
}

/// The pill's words in the browser's language (`extension/_locales`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PillWords {
    /// The pill's button: open the panel.
    pub open: String,
    /// The brand.
    pub name: String,
    /// The move button.
    #[serde(rename = "move")]
    pub move_to: String,
    /// The pill's group label.
    pub group: String,
}

/// The reply to a top frame's `page-changed`: the page's plan and what the page draws of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PlanReply {
    /// The overlay plan (also stored as `plan:<tab>`).
    pub plan: OverlayPlan,
    /// The onboarding chip of the plan's tenant, when one is known.
    pub chip: Option<Chip>,
    /// The panel's state on this page.
    pub panel: PanelState,
    /// The pill's words.
    pub words: PillWords,
    /// The key the tab's overlay presents in `overlay-ready`.
    pub panel_key: String,
}

/// The reply to a `panel-choice`: the panel's corner after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ChoiceReply {
    /// The panel's corner.
    pub panel: CornerOnly,
}

/// A panel state that names only the corner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CornerOnly {
    /// Where the pill and the panel sit.
    pub corner: Corner,
}

/// The reply to a `probe-report`: stored, and the panel's state after its news.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ReportReply {
    /// Always `true`: the report is kept (`health:<tab>`).
    pub stored: bool,
    /// The panel's state.
    pub panel: PanelState,
}

/// The reply to `overlay-ready` with the tab's panel key: the overlay's tab.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TabReply {
    /// The tab the overlay is in.
    pub tab_id: u32,
}

/// The reply to a blade frame's `frame-ready`: its tab's anchors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AnchorsReply {
    /// The anchors of the tab's plan (those of other frames are ignored by the frame).
    pub anchors: Vec<Anchor>,
}

/// The reply to `page-facts`: the page's sync view with the panel's state after its news, or (for
/// onboarding readings, which the chip shows) no view and no panel state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FactsReply {
    /// The sync view of an incident page or queue (also stored as `sync:<tab>`).
    pub view: Option<SyncView>,
    /// The panel's state, with a sync view.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub panel: Option<PanelState>,
}
