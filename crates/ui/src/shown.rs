//! What the pages decode of a stored plan and sync view: the parts they show.
//!
//! A plan also carries its anchors and, on incident pages and queues (and the onboarding
//! evidence pages), the page readers' probes and the queue
//! layout; a sync view carries the queue rows' badges. Those are for the content script, which
//! reads them from the same stored objects. The pages never use them (the panel only asks
//! whether the readers name an incident title), so they are skipped here instead of decoded:
//! their decoders would grow the one wasm module (`docs/wasm-size.md`). What is kept is decoded exactly as
//! the core's types are, and unknown fields are still refused; the result is the plan without
//! anchors, readers, queue or probe tiers (a title probe stays, empty, to say there is one), and
//! the sync view without badges.

use serde::de::IgnoredAny;
use serde::Deserialize;
use wayfinder_core::model::{OverlayItem, PageReaders, Probe};
use wayfinder_core::plan::{OnboardingSlot, OverlayPlan, PageSummary};
use wayfinder_core::sync::{IncidentSync, SyncView};

/// `OverlayPlan`'s fields, with the content script's parts skipped.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct ShownPlan {
    page: PageSummary,
    items: Vec<OverlayItem>,
    #[serde(default, rename = "anchors")]
    _anchors: IgnoredAny,
    #[serde(default)]
    page_readers: Option<ShownReaders>,
    #[serde(default)]
    onboarding: Option<OnboardingSlot>,
}

/// `PageReaders`' fields: only whether there is a title probe is kept.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ShownReaders {
    #[serde(default, rename = "readers")]
    _readers: IgnoredAny,
    #[serde(default)]
    title: Option<IgnoredAny>,
    #[serde(default, rename = "queue")]
    _queue: IgnoredAny,
    #[serde(default, rename = "settles")]
    _settles: IgnoredAny,
}

impl From<ShownPlan> for OverlayPlan {
    fn from(shown: ShownPlan) -> Self {
        // The plan's links are the catalog's, written for the commercial cloud; the pages of a
        // US Government cloud show them on that cloud's hosts.
        let mut items = shown.items;
        for item in &mut items {
            shown.page.cloud.localize(&mut item.links);
        }
        OverlayPlan {
            page: shown.page,
            items,
            anchors: Vec::new(),
            page_readers: shown.page_readers.map(|r| PageReaders {
                readers: Vec::new(),
                title: r.title.map(|_| Probe {
                    tiers: Vec::new(),
                    user_content: None,
                }),
                queue: None,
                settles: false,
            }),
            onboarding: shown.onboarding,
        }
    }
}

/// `SyncView`'s fields, with the row badges skipped.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ShownSync {
    incident: Option<IncidentSync>,
    #[serde(rename = "badges")]
    _badges: IgnoredAny,
}

impl From<ShownSync> for SyncView {
    fn from(shown: ShownSync) -> Self {
        SyncView::new(shown.incident, Vec::new())
    }
}
