//! The sync indicator's content: what the overlay panel, the in-page mark and the queue badges
//! show. Plain data, computed by the core, rendered by the shells.

use crate::model::{LinkPortal, PortalLink};

const NO_DEFENDER_COPY: &str = "There is no copy in the Defender portal.";
use serde::{Deserialize, Serialize};

/// An incident's synchronization state.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SyncState {
    /// The page has not shown enough yet.
    Checking,
    /// In both portals.
    Synced,
    /// Sentinel's own incident, not in the Defender portal.
    SentinelOnly,
    /// Created by hand or through the API in the Azure portal; never synced.
    CreatedInAzure,
    /// A Defender incident in no Sentinel workspace.
    DefenderOnly,
    /// Not known; the evidence says why.
    Unknown,
}

/// How fresh the latest change is, against the documented sync delays.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LagState {
    /// Changed within the sync delay: the other portal may not show it yet.
    Pending,
    /// Within the automation batching window.
    Batching,
    /// Older than every documented delay.
    Settled,
    /// The last update time could not be read.
    Unknown,
}

/// The lag line.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Lag {
    /// State.
    pub state: LagState,
    /// Sentence for the user.
    pub text: String,
}

/// How the ARM reading stands, for the sync card.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ArmNoteState {
    /// The request is on its way.
    Checking,
    /// ARM says what the page said.
    Confirmed,
    /// The page did not show enough (still checking, or unknown); ARM tells.
    Decided,
    /// ARM says otherwise than the page; ARM's state is shown.
    Corrected,
    /// ARM could not tell (an error, or a provider without documented rules).
    Failed,
}

/// The sync card's line about Azure Resource Manager.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ArmNote {
    /// State.
    pub state: ArmNoteState,
    /// Sentence for the user.
    pub text: String,
}

/// A query the analyst can run to check the state themselves.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Verify {
    /// KQL.
    pub kql: String,
    /// Where to run it.
    pub note: String,
}

/// The sync indicator of one incident.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IncidentSync {
    /// State.
    pub state: SyncState,
    /// Short text of the in-page mark.
    pub label: String,
    /// Panel headline.
    pub headline: String,
    /// What was observed, one sentence each.
    pub evidence: Vec<String>,
    /// The same incident in the other portal.
    pub twin: Option<PortalLink>,
    /// Why there is no twin link, when there is none.
    pub twin_note: Option<String>,
    /// How fresh the latest change is (synced incidents).
    pub lag: Option<Lag>,
    /// The 150-alert cap, when it applies.
    pub cap: Option<String>,
    /// The check the analyst can run.
    pub verify: Option<Verify>,
    /// What Azure Resource Manager said about it, when the user has signed in.
    pub arm: Option<ArmNote>,
}

impl IncidentSync {
    /// A fresh indicator in `state`.
    pub fn new(state: SyncState) -> Self {
        IncidentSync {
            state,
            label: "Checking sync…".into(),
            headline: "Checking whether this incident is synchronized…".into(),
            evidence: Vec::new(),
            twin: None,
            twin_note: None,
            lag: None,
            cap: None,
            verify: None,
            arm: None,
        }
    }

    /// Sets the state and its mark text.
    pub fn set_state(&mut self, state: SyncState, label: String) {
        self.state = state;
        self.label = label;
    }

    /// In both portals: Defender incident `defender` (`(id, link)`, when known) is its twin.
    pub fn synced_with_defender(&mut self, defender: Option<(&str, String)>) {
        self.state = SyncState::Synced;
        self.headline = "Synchronized with the Defender portal".into();
        match defender {
            Some((id, href)) => {
                self.label = format!("⇄ Synced with Defender incident {id}");
                self.twin = Some(PortalLink {
                    portal: LinkPortal::Defender,
                    href,
                    label: format!("Open Defender incident {id}"),
                });
            }
            None => self.label = "⇄ Synced with the Defender portal".into(),
        }
    }

    /// Sentinel's own incident, with no copy in the Defender portal.
    pub fn sentinel_only(&mut self) {
        self.state = SyncState::SentinelOnly;
        self.label = "Sentinel only: not in the Defender portal".into();
        self.headline = "Sentinel only: not synchronized".into();
        self.twin_note = Some(NO_DEFENDER_COPY.into());
    }

    /// Created by hand or through the API in the Azure portal: never synced.
    pub fn created_in_azure(&mut self) {
        self.state = SyncState::CreatedInAzure;
        self.label = "Not synced: created in the Azure portal".into();
        self.headline = "Not synchronized: created in the Azure portal".into();
        self.twin_note = Some(NO_DEFENDER_COPY.into());
    }

    /// Unknown, with the reason.
    pub fn unknown(mut self, reason: &str) -> Self {
        self.state = SyncState::Unknown;
        self.label = "Sync state unknown".into();
        self.headline = "Sync state unknown".into();
        self.evidence.push(reason.to_string());
        self
    }
}

/// A queue row's badge.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RowBadge {
    /// The row's key text.
    pub key: String,
    /// State.
    pub state: SyncState,
    /// Badge text.
    pub label: String,
    /// Why (tooltip).
    pub title: String,
}

/// Everything the sync overlays show for one page. The documented rules (what syncs, value
/// mappings) are static data the overlay reads from `spec` itself.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SyncView {
    /// The incident of an incident page.
    pub incident: Option<IncidentSync>,
    /// Badges of a queue's rows (only rows that show enough to tell).
    pub badges: Vec<RowBadge>,
}

impl SyncView {
    /// The view of a page.
    pub fn new(incident: Option<IncidentSync>, badges: Vec<RowBadge>) -> Self {
        SyncView { incident, badges }
    }
}
