//! What to read on a page to tell an incident's sync state, from `catalog/sync.json`.
//!
//! The plan of an incident page carries [`PageReaders`]: probes whose text or link the content
//! script reads and sends back as facts, and on a queue, which columns of each row to read. The
//! content script only reads; the rules that turn readings into a sync state are in
//! [`super::assess`] and [`super::badges`].

use crate::model::{Column, PageReaders, Portal, ProbeTemplate, Queue, Read, Reader, TierTemplate};
use crate::route::Route;
use serde::{Deserialize, Serialize};

/// One reading of the catalog (generated).
#[derive(Debug)]
pub struct ReaderDef {
    /// Fact id (`incident-number`, `defender-link`, `alerts`, …).
    pub id: &'static str,
    /// Portal whose incident page it reads.
    pub portal: Portal,
    /// What to take from the element.
    pub read: Read,
    /// How to find the element.
    pub probe: ProbeTemplate,
}

/// Where the in-page sync mark goes on an incident page (generated).
#[derive(Debug)]
pub struct TitleAnchorDef {
    /// Portal.
    pub portal: Portal,
    /// The incident title element.
    pub probe: ProbeTemplate,
}

/// How to read an incident queue's rows (generated).
#[derive(Debug)]
pub struct QueueDef {
    /// Portal.
    pub portal: Portal,
    /// Selector of the rows.
    pub rows: &'static str,
    /// Selector of the column headers, in column order.
    pub headers: &'static str,
    /// Selector of a row's cells, in the same order as the headers.
    pub cells: &'static str,
    /// Header text of the column that identifies a row.
    pub key: &'static str,
    /// Header text of the column the row badge goes into.
    pub badge_in: &'static str,
    /// `(fact id, header text)` of the columns to read.
    pub columns: &'static [(&'static str, &'static str)],
    /// Evidence for the markup.
    pub source_ref: &'static str,
    /// Its date.
    pub source_date: &'static str,
}

/// Whether a field synchronizes between the portals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Way {
    /// Copied unchanged.
    AsIs,
    /// Copied through a mapping of values.
    Mapped,
    /// Not synchronized.
    No,
}

/// One row of the documented field table (generated).
#[derive(Debug)]
pub struct FieldRule {
    /// Field.
    pub field: &'static str,
    /// How it syncs.
    pub way: Way,
    /// Detail.
    pub note: &'static str,
}

/// One value mapping (generated).
#[derive(Debug)]
pub struct MappingRule {
    /// Field.
    pub field: &'static str,
    /// Value in the Defender portal.
    pub defender: &'static str,
    /// Value in Sentinel.
    pub sentinel: &'static str,
}

/// Documented delays and limits (generated).
#[derive(Debug)]
pub struct Timing {
    /// Changes reach the other portal within this many minutes.
    pub sync_minutes: u32,
    /// Automation batches changes in windows of this many minutes (lower bound) …
    pub batch_min_minutes: u32,
    /// … to this many (upper bound); only the latest change of a window is sent.
    pub batch_max_minutes: u32,
    /// Most alerts a Sentinel incident holds.
    pub alert_cap: u32,
}

include!(concat!(env!("OUT_DIR"), "/sync_catalog.rs"));

/// Is this route an incident page (one incident named by the URL)?
pub fn is_incident_page(route: &Route) -> bool {
    route.incident.is_some() && route.feature.is_some_and(|f| f.id == "incident-page")
}

/// Is this route an incident queue?
pub fn is_queue(route: &Route) -> bool {
    route.feature.is_some_and(|f| f.id == "incidents") && route.incident.is_none()
}

/// What to read on this page, if it is an incident page or a queue.
pub fn readers_for(route: &Route) -> Option<PageReaders> {
    let portal = route.portal.side()?;
    if is_incident_page(route) {
        let readers = READERS
            .iter()
            .filter(|r| r.portal == portal)
            .map(|r| Reader {
                id: r.id.to_string(),
                read: r.read,
                probe: r.probe.fill(&[]),
            })
            .collect();
        let title = TITLE_ANCHORS
            .iter()
            .find(|t| t.portal == portal)
            .map(|t| t.probe.fill(&[]));
        return Some(PageReaders {
            readers,
            title,
            queue: None,
            settles: true,
        });
    }
    if is_queue(route) {
        let q = QUEUES.iter().find(|q| q.portal == portal)?;
        return Some(PageReaders {
            readers: Vec::new(),
            title: None,
            queue: Some(Queue {
                rows: q.rows.to_string(),
                headers: q.headers.to_string(),
                cells: q.cells.to_string(),
                key: q.key.to_string(),
                badge_in: q.badge_in.to_string(),
                columns: q
                    .columns
                    .iter()
                    .map(|(id, header)| Column {
                        id: (*id).to_string(),
                        header: (*header).to_string(),
                    })
                    .collect(),
            }),
            settles: false,
        });
    }
    None
}
