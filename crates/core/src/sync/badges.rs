//! Queue badges: per row, only where the row itself shows enough to tell.
//!
//! Rows say little about sync. The Azure queue's "Alerts" column does, at its extremes:
//! "150+" appears only on incidents from Defender XDR (Sentinel caps them at 150), and no alerts
//! means a person or a script created the incident, which is never synced. The Defender queue's
//! "Workspaces" column names the Sentinel workspace an incident belongs to. Every other row gets
//! no badge rather than a guess.

use super::facts::{self, AlertCount};
use super::spec::TIMING;
use super::view::{RowBadge, SyncState};
use crate::model::page::{value, PageFacts};
use crate::model::Portal;

/// The badges of a queue page's rows.
pub fn for_rows(portal: Portal, page: &PageFacts) -> Vec<RowBadge> {
    page.rows
        .iter()
        .filter_map(|row| {
            let (state, label, title) = if portal == Portal::Azure {
                match value(&row.values, "alerts").and_then(facts::alert_count)? {
                    AlertCount::AtLeast(n) if n >= TIMING.alert_cap => (
                        SyncState::Synced,
                        "Synced".to_string(),
                        format!("More than {} alerts: only incidents from Defender XDR grow past Sentinel's cap, so this one is in both portals.", TIMING.alert_cap),
                    ),
                    AlertCount::Exact(0) => (
                        SyncState::CreatedInAzure,
                        "Not synced".to_string(),
                        "No alerts: created by hand or through the API in the Azure portal, and such incidents are not synced to the Defender portal.".to_string(),
                    ),
                    _ => return None,
                }
            } else {
                let workspace = value(&row.values, "workspace")?;
                (
                    SyncState::Synced,
                    "Synced".to_string(),
                    format!("In the Sentinel workspace '{workspace}': this incident is in both portals."),
                )
            };
            Some(RowBadge {
                key: row.key.trim().to_string(),
                state,
                label,
                title,
            })
        })
        .collect()
}
