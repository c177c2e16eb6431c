//! From what a page shows to an incident's sync state, with the evidence for it.
//!
//! Every conclusion names what was observed: every status shown comes from an observed fact or
//! is shown as unknown, with why. The rules, with their sources:
//! - Azure shows "Investigate in Microsoft Defender XDR" for incidents that come from Defender
//!   XDR (<https://learn.microsoft.com/en-us/azure/sentinel/incident-navigate-triage>), so its
//!   presence means the incident is in both portals.
//! - Its absence, once the details have rendered, means the incident is Sentinel's own.
//! - Analytics rules and Defender XDR create incidents with alerts; one without any was created
//!   by hand or through the API, and those are not synced
//!   (<https://learn.microsoft.com/en-us/azure/sentinel/create-incident-manually>).
//! - A Defender incident that belongs to a Sentinel workspace exists in that workspace too.
//! - Lag and the alert cap come from `catalog/sync.json`'s timing.

use super::facts::{self, AlertCount};
use super::kql;
use super::spec::TIMING;
use super::view::{IncidentSync, Lag, LagState, SyncState};
use crate::model::PageFacts;
use crate::route::Route;

/// The time facts are judged at.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Now {
    /// Seconds since the Unix epoch; `None` when the shell could not say.
    pub unix: Option<i64>,
    /// `Date.getTimezoneOffset()` of the browser.
    pub tz_offset_minutes: i32,
}

const NO_XDR_LINK: &str = "It has no 'Investigate in Microsoft Defender XDR' link, which the Azure portal shows on every incident that comes from Defender XDR.";

/// An Azure-portal incident page.
pub fn azure_incident(route: &Route, page: &PageFacts, now: Now) -> IncidentSync {
    let number = page.get("incident-number").and_then(facts::incident_number);
    let link_text = page.get("defender-link");
    let link = link_text.and_then(facts::defender_incident_link);
    let alerts = page.get("alerts").and_then(facts::alert_count);
    let name = route.incident.as_deref().unwrap_or_default();
    let verify = kql::by_incident_name(name);
    let mut sync = IncidentSync::new(SyncState::Checking);
    sync.verify = verify;
    // A second such link (one pasted in a comment, say) could be taken for the twin: which one
    // belongs to this incident can't be told from the page.
    if page.is_ambiguous("defender-link") {
        return sync.unknown(
            "The page shows more than one 'Investigate in Microsoft Defender XDR' link, so which Defender incident is its twin can't be told.",
        );
    }
    if let Some(link) = link {
        let id = link.id.to_string();
        sync.evidence.push(format!(
            "The page links to Defender incident {id} ('Investigate in Microsoft Defender XDR'), a link the Azure portal shows only for incidents from Defender XDR."
        ));
        sync.synced_with_defender(Some((&id, link.href)));
        sync.lag = Some(lag(page, now));
        sync.cap = cap_note(alerts);
        return sync;
    }
    if link_text.is_some() {
        return sync.unknown(
            "The 'Investigate in Microsoft Defender XDR' link does not lead to a Defender incident page, so it was not followed.",
        );
    }
    if number.is_none() || !page.settled {
        return if page.settled {
            sync.unknown("Can't read this view: the incident's details are not where expected (the portal may have changed).")
        } else {
            sync
        };
    }
    sync.evidence.push(NO_XDR_LINK.into());
    match alerts {
        Some(AlertCount::Exact(0)) => {
            sync.created_in_azure();
            sync.evidence.push("It has no alerts. Analytics rules and Defender XDR always create incidents with alerts, so a person or a script created this one, and such incidents stay in the Azure portal.".into());
        }
        Some(count) => {
            sync.sentinel_only();
            sync.evidence.push(format!(
                "It has {} alert(s), so an analytics rule created it.",
                count_text(count)
            ));
        }
        None => {
            sync.sentinel_only();
            sync.evidence.push(
                "Its alert count can't be read, so whether a person created it is not known."
                    .into(),
            );
        }
    }
    sync
}

/// A Defender-portal incident page.
pub fn defender_incident(route: &Route, page: &PageFacts, now: Now) -> IncidentSync {
    let id = route.incident.as_deref().unwrap_or_default();
    let alerts = page.get("alerts").and_then(facts::alert_count);
    let mut sync = IncidentSync::new(SyncState::Checking);
    sync.verify = kql::by_provider_incident_id(id);
    if let Some(workspace) = page.get("workspace") {
        sync.set_state(
            SyncState::Synced,
            format!("⇄ Synced with Sentinel ({workspace})"),
        );
        sync.headline = "Synchronized with Microsoft Sentinel".into();
        sync.evidence.push(format!(
            "It belongs to the Sentinel workspace '{workspace}', and incidents of a connected workspace sync both ways."
        ));
        sync.twin_note = Some("Its Azure-portal copy: the verify query returns its IncidentUrl. A direct link needs the incident's Azure id, which this page does not show.".into());
        sync.lag = Some(lag(page, now));
        sync.cap = cap_note(alerts);
        return sync;
    }
    if !page.settled {
        return sync;
    }
    if !page.values.contains_key("workspace") {
        return sync.unknown("Can't read this view: the incident's 'Workspace' field is not where expected (the portal may have changed).");
    }
    if page.get("sentinel-nav").is_some() {
        sync.set_state(
            SyncState::DefenderOnly,
            "Defender only: not in Sentinel".into(),
        );
        sync.headline = "Defender only: not in any Sentinel workspace".into();
        sync.evidence.push("This tenant has Microsoft Sentinel in the Defender portal, but the incident names no workspace.".into());
        sync.twin_note = Some("There is no copy in Sentinel.".into());
        return sync;
    }
    sync.unknown("The incident names no Sentinel workspace and this tenant shows no Microsoft Sentinel section. It may still reach a workspace through the Defender XDR connector in the Azure portal, which this page does not show.")
}

fn count_text(count: AlertCount) -> String {
    match count {
        AlertCount::Exact(n) => n.to_string(),
        AlertCount::AtLeast(n) => format!("{n}+"),
    }
}

pub(super) fn cap_note(alerts: Option<AlertCount>) -> Option<String> {
    let cap = TIMING.alert_cap;
    alerts.filter(|a| a.exceeds(cap)).map(|a| {
        format!(
            "{} alerts: a Sentinel incident holds at most {cap}, so the Azure portal shows '{cap}+' and only the Defender incident has them all.",
            count_text(a)
        )
    })
}

/// "3 min", "2 h", "5 days".
fn age_text(seconds: i64) -> String {
    let minutes = seconds / 60;
    match minutes {
        m if m < 1 => "less than a minute".into(),
        1 => "1 minute".into(),
        m if m < 120 => format!("{m} minutes"),
        m if m < 48 * 60 => format!("{} hours", m / 60),
        m => format!("{} days", m / (24 * 60)),
    }
}

/// How likely the latest change has reached the other portal, from the page's last update time.
fn lag(page: &PageFacts, now: Now) -> Lag {
    let Some(text) = page.get("last-update") else {
        return unknown_lag(
            "Can't read when it last changed, so whether its latest change has synced is unknown.",
        );
    };
    match super::clock::parse_display_time(text, now.tz_offset_minutes) {
        Some(updated) => lag_since(Some(updated), now),
        None => unknown_lag(
            "Can't read its last update time, so whether its latest change has synced is unknown.",
        ),
    }
}

fn unknown_lag(text: &str) -> Lag {
    Lag {
        state: LagState::Unknown,
        text: text.to_string(),
    }
}

/// The lag line for a change at `updated` (seconds since the epoch).
pub(super) fn lag_since(updated: Option<i64>, now: Now) -> Lag {
    let (Some(updated), Some(now)) = (updated, now.unix) else {
        return unknown_lag("The last update time is not known, so whether its latest change has synced is unknown.");
    };
    let age = (now - updated).max(0);
    let t = &TIMING;
    let (state, text) = if age < i64::from(t.sync_minutes) * 60 {
        (
            LagState::Pending,
            format!(
                "Changed {} ago: the other portal may not show it yet (changes take up to {} minutes; refresh there).",
                age_text(age),
                t.sync_minutes
            ),
        )
    } else if age < i64::from(t.batch_max_minutes) * 60 {
        (
            LagState::Batching,
            format!(
                "Changed {} ago: synced, unless automation is still batching ({}–{} minutes; only the latest change is sent).",
                age_text(age),
                t.batch_min_minutes,
                t.batch_max_minutes
            ),
        )
    } else {
        (
            LagState::Settled,
            format!(
                "Last changed {} ago: that change should be in both portals (sync takes up to {} minutes).",
                age_text(age),
                t.sync_minutes
            ),
        )
    };
    Lag { state, text }
}
