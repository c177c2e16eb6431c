//! Incident synchronization between the Defender portal and Sentinel in the Azure portal.
//!
//! An analyst needs to know whether what they change on an incident reaches the other portal.
//! The content script reads what the page shows (probes from `catalog/sync.json`, see
//! [`spec`]); [`view_for`] turns those readings into the indicator, the panel's explanation and
//! the queue badges. Only observed facts count; anything else is "unknown" with its reason.

pub mod assess;
pub mod badges;
pub mod clock;
pub mod confirm;
pub mod facts;
pub mod from_arm;
pub mod kql;
pub mod spec;
pub mod view;

pub use assess::Now;
pub use spec::readers_for;
pub use view::{ArmNote, ArmNoteState, IncidentSync, RowBadge, SyncState, SyncView};

use crate::model::{PageFacts, Portal};
use crate::route::Route;

/// The sync view of a page from what its content script read; `None` for pages that are
/// neither an incident page nor a queue.
pub fn view_for(route: &Route, page: &PageFacts, now: Now) -> Option<SyncView> {
    if spec::is_incident_page(route) {
        let incident = if route.portal == Portal::Azure {
            assess::azure_incident(route, page, now)
        } else {
            assess::defender_incident(route, page, now)
        };
        return Some(SyncView::new(Some(incident), Vec::new()));
    }
    if spec::is_queue(route) {
        return Some(SyncView::new(None, badges::for_rows(route.portal, page)));
    }
    None
}

#[cfg(test)]
mod tests;
