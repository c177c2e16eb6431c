//! The overlay's items: what one thing shown on a page says, where it points and where its fact
//! comes from.
//!
//! Every feature (hints, notices, the retirement reminder, sync, onboarding) produces these
//! items and the plan only collects them, so the item vocabulary sits below all of them. The
//! serde names are the wire form the overlay pages and the test contract read.

use serde::{Deserialize, Serialize};

/// The test contract's overlay kinds (`data-wayfinder-kind`).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OverlayKind {
    /// Where a feature lives in the other portal.
    Hint,
    /// A feature that is gone or does not sync.
    Notice,
    /// Incident synchronization state.
    Sync,
    /// Workspace onboarding state.
    Onboarding,
    /// The Azure-portal retirement reminder.
    Retirement,
}

impl OverlayKind {
    /// The kind's name as serialized and in the test contract (`data-wayfinder-kind`).
    pub fn name(self) -> &'static str {
        match self {
            OverlayKind::Hint => "hint",
            OverlayKind::Notice => "notice",
            OverlayKind::Sync => "sync",
            OverlayKind::Onboarding => "onboarding",
            OverlayKind::Retirement => "retirement",
        }
    }
}

/// Which portal a link or location belongs to (`data-wayfinder-link`).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkPortal {
    /// security.microsoft.com
    Defender,
    /// portal.azure.com
    Azure,
    /// Documentation (learn.microsoft.com and the like).
    Docs,
}

/// A menu path in one portal.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Location {
    /// The portal of the path.
    pub portal: LinkPortal,
    /// `A > B > C`, as in the catalog.
    pub path: String,
}

/// A link to the other portal.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PortalLink {
    /// Target portal.
    pub portal: LinkPortal,
    /// Absolute https URL.
    pub href: String,
    /// Link text.
    pub label: String,
}

/// Where an item's fact comes from.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SourceNote {
    /// Document reference.
    pub reference: String,
    /// Its date, `YYYY-MM-DD`.
    pub date: String,
}

/// One thing to show.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OverlayItem {
    /// Kind (test contract).
    pub kind: OverlayKind,
    /// Catalog id (test contract).
    pub id: String,
    /// One-line headline.
    pub title: String,
    /// Explanation.
    pub body: String,
    /// Where the feature lives in the other portal.
    pub location: Option<Location>,
    /// Other places docs name for it ("earlier location (2025 docs): A > B").
    #[serde(default)]
    pub also: Vec<String>,
    /// Links to the other portal.
    pub links: Vec<PortalLink>,
    /// Source of the fact.
    pub source: SourceNote,
    /// A notice whose control is looked for with a probe patch: whose patch it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patched: Option<PatchOrigin>,
}

/// Who patched a notice's probe (see `crate::settings::probe_patch`).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PatchOrigin {
    /// The administrator's policy (`chrome.storage.managed`).
    Organization,
    /// A patch file the user imported in options.
    Local,
}
