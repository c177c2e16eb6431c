//! Sync confirmed by Azure Resource Manager: when the user has signed in for the onboarding
//! checks, the worker reads the incident of an Azure-portal incident page from ARM, and this
//! module turns the answer into a confirmation, a correction, or the reason it could not tell.
//!
//! Why the page's answer comes first: it is there at once and needs no sign-in, while ARM takes a
//! request and may refuse, throttle or fail. So the page's view is shown as soon as the page has
//! rendered, and ARM's record upgrades it ("confirmed"), corrects it when the two disagree, or
//! leaves it as it was with a clear reason. Nothing the page showed is lost either way: its
//! evidence stays first in the list.
//!
//! What ARM tells apart (see `from_arm`): the provider (`Microsoft XDR` for incidents that come
//! from Defender XDR), `additionalData.providerIncidentUrl` (the Defender twin), the alert count
//! (`additionalData.alertsCount`, for the 150-alert cap) and the analytics rules behind it (none,
//! and no alerts: created by hand or through the API). The API fields are documented at
//! <https://learn.microsoft.com/en-us/azure/sentinel/move-to-defender> (API changes) and
//! <https://learn.microsoft.com/en-us/rest/api/securityinsights/incidents/get>.

use super::assess::Now;
use super::from_arm;
use super::view::{ArmNote, ArmNoteState, IncidentSync, SyncState, SyncView};
use crate::arm::{check, http, ArmError, IncidentRecord, WireIncident};
use crate::model::{Cloud, Portal};
use crate::route::Route;
use serde::{Deserialize, Serialize};

/// The incidents API version read: the first whose responses carry `providerIncidentUrl`
/// (the 2025-07-01-preview `Incidents_Get` example of the public REST specs).
pub const INCIDENT_API_VERSION: &str = "2025-07-01-preview";

/// The ARM host of the public cloud (the only one the sign-in reads).
const ARM_ORIGIN: &str = "https://management.azure.com";

/// What the worker should read to confirm an incident page's sync state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IncidentRead {
    /// The tenant key whose sign-in reads it (`home` or a GUID; the session token's key).
    pub tenant: String,
    /// The app registration's client id (the session token's key).
    pub client_id: String,
    /// The incident's ARM resource id (also the key of the worker's cache).
    pub resource: String,
    /// The GET URL, with its api-version.
    pub url: String,
    /// The page it confirms (the URL its content script reported), for the tab's update.
    pub page: String,
}

/// ARM's answer about one incident, as the worker keeps it between a page's readings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "outcome",
    rename_all = "kebab-case",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum ArmIncident {
    /// The incident as ARM holds it.
    Read {
        /// The checked record.
        record: Box<IncidentRecord>,
    },
    /// Why it could not be read.
    Failed {
        /// The state the call ended in.
        error: ArmError,
    },
}

/// A segment of a resource id we build a URL from: what Azure allows in subscription, resource
/// group, workspace and incident names, and nothing that could change the URL's path or query.
fn usable_segment(segment: &str) -> bool {
    !segment.is_empty()
        && segment.len() <= 128
        && segment
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '(' | ')'))
        && segment != "."
        && segment != ".."
}

/// The read that confirms the incident of `route`, with the sign-in of `tenant` and `client_id`:
/// Azure-portal incident pages only (their URL names the incident's workspace and name; a
/// Defender page names only the Defender id), and only in the commercial cloud, whose Azure
/// Resource Manager the sign-in reaches (docs/government-clouds.md).
pub fn incident_read(route: &Route, tenant: &str, client_id: &str) -> Option<IncidentRead> {
    if route.portal != Portal::Azure || route.cloud != Cloud::Commercial {
        return None;
    }
    let ws = route.workspace.as_ref()?;
    let name = route.incident.as_deref()?;
    let parts = [
        ws.subscription.as_str(),
        ws.resource_group.as_str(),
        ws.name.as_str(),
        name,
    ];
    if !parts.iter().all(|p| usable_segment(p)) {
        return None;
    }
    let resource = format!(
        "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.OperationalInsights/workspaces/{}/providers/Microsoft.SecurityInsights/incidents/{}",
        parts[0], parts[1], parts[2], parts[3]
    );
    let url = format!("{ARM_ORIGIN}{resource}?api-version={INCIDENT_API_VERSION}");
    Some(IncidentRead {
        tenant: tenant.to_string(),
        client_id: client_id.to_string(),
        resource,
        url,
        page: String::new(),
    })
}

/// ARM's answer to the incident GET: the status (0 when the request failed), its `Retry-After`,
/// whether the shell's deadline passed, and the body decoded as an incident (`None` when the
/// body was missing or not of an incident's shape).
pub fn read_answer(
    status: u16,
    retry_after: Option<&str>,
    timed_out: bool,
    body: Option<WireIncident>,
    now_unix: i64,
) -> ArmIncident {
    let failed = |error: ArmError| ArmIncident::Failed { error };
    if timed_out {
        return failed(ArmError::Timeout);
    }
    if status == 0 {
        return failed(ArmError::Unexpected { status });
    }
    if let Err(error) = http::outcome(status, retry_after, now_unix) {
        return failed(error.on("this incident"));
    }
    let Some(wire) = body else {
        return failed(ArmError::malformed("the body is not an incident"));
    };
    match check(wire) {
        Ok(record) => ArmIncident::Read {
            record: Box::new(record),
        },
        Err(error) => failed(error),
    }
}

/// Marks the page's view as being checked with ARM.
pub fn checking(view: &mut SyncView) {
    if let Some(incident) = view.incident.as_mut() {
        incident.arm = Some(ArmNote {
            state: ArmNoteState::Checking,
            text: "Checking with Azure Resource Manager…".into(),
        });
    }
}

/// The page's view with ARM's answer: confirmed, corrected, or unchanged with the reason.
pub fn confirm(view: &mut SyncView, answer: &ArmIncident, now: Now) {
    let Some(page) = view.incident.take() else {
        return;
    };
    view.incident = Some(match answer {
        ArmIncident::Failed { error } => with_note(
            page,
            ArmNoteState::Failed,
            format!("Azure Resource Manager could not confirm it: {error}"),
        ),
        ArmIncident::Read { record } => from_record(page, record, now),
    });
}

fn with_note(mut sync: IncidentSync, state: ArmNoteState, text: String) -> IncidentSync {
    sync.arm = Some(ArmNote { state, text });
    sync
}

fn from_record(page: IncidentSync, record: &IncidentRecord, now: Now) -> IncidentSync {
    let mut arm = from_arm::incident(record, now);
    if arm.state == SyncState::Unknown {
        let reason = arm.evidence.last().cloned().unwrap_or_default();
        return with_note(
            page,
            ArmNoteState::Failed,
            format!("Azure Resource Manager could not tell: {reason}"),
        );
    }
    arm.headline = match arm.state {
        SyncState::Synced => "Synchronized (confirmed by Azure Resource Manager)",
        SyncState::CreatedInAzure => {
            "Not synchronized: created in the Azure portal or by API (confirmed by Azure Resource Manager)"
        }
        SyncState::SentinelOnly => {
            "Sentinel only: not synchronized (confirmed by Azure Resource Manager)"
        }
        _ => "Sync state confirmed by Azure Resource Manager",
    }
    .into();
    if arm.state == SyncState::CreatedInAzure {
        arm.label = "Not synced: created in the Azure portal or by API".into();
    }
    let note = if matches!(page.state, SyncState::Checking | SyncState::Unknown) {
        (
            ArmNoteState::Decided,
            "The page does not show enough to tell; Azure Resource Manager does.".to_string(),
        )
    } else if page.state == arm.state {
        (
            ArmNoteState::Confirmed,
            "Confirmed by Azure Resource Manager.".to_string(),
        )
    } else {
        (
            ArmNoteState::Corrected,
            format!(
                "Azure Resource Manager corrects what the page showed (\"{}\").",
                page.label
            ),
        )
    };
    let mut evidence = page.evidence;
    evidence.append(&mut arm.evidence);
    arm.evidence = evidence;
    if arm.verify.is_none() {
        arm.verify = page.verify;
    }
    with_note(arm, note.0, note.1)
}

pub mod kept;

#[cfg(test)]
mod tests;
