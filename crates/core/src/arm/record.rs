//! The checked incident: what the extension shows and links to, made from a wire incident only
//! when the fields we rely on hold.
//!
//! Why a second type: the wire types take whatever ARM sends; the UI must not have to wonder
//! whether a number is negative, a time readable, or a link safe. `check` refuses an incident,
//! with a reason naming the field, when something we rely on is wrong: no `properties`; no
//! `providerName`; a negative `incidentNumber` or `alertsCount`; a timestamp that is not
//! RFC 3339; a `name` that could not stand in a resource path.
//!
//! Links are treated differently, on purpose: a `providerIncidentUrl` that is not an https link
//! to a Defender portal host (`link`) is *dropped with a note* and the incident is
//! kept. The link is an extra; the incident is what the user is looking for, and it is still
//! reachable by number. Losing it from a list for a bad extra would hide real data, while
//! showing the bad link is never an option. An empty link string counts as absent.
//!
//! Reasons and notes name fields, positions and (when it is a GUID) the incident's name, never
//! other response text: they end up in UI sentences (`ArmError` Display), and
//! titles can be shaped by outsiders through alerts. Titles and other text fields are kept
//! verbatim as plain text; the UI renders them as text, never as markup.
//!
//! Paging: a `nextLink` is fetched with the user's ARM token, so it must be an https URL on
//! `management.azure.com` (public cloud only; sovereign clouds' ARM hosts are refused for now).
//! A refused `nextLink` keeps the page's items, and `next_link_refused` says why later pages
//! were not loaded.

use super::error::ArmError;
use super::incident::{WireIncident, WireIncidentList, WireListEntry};
use super::link;
use super::provider::Provider;
use crate::ids::is_tenant_guid;
use crate::time;
use serde::{Deserialize, Serialize};

/// An incident as the extension uses it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IncidentRecord {
    /// The incident's resource name (its GUID).
    pub name: String,
    /// Sentinel incident number.
    pub number: Option<u64>,
    /// Title, verbatim (plain text).
    pub title: Option<String>,
    /// Who raised it.
    pub provider: Provider,
    /// The incident's id at its provider (the Defender incident id for XDR incidents).
    pub provider_incident_id: Option<String>,
    /// Defender portal link: https on a Defender host, else `None` (see `notes`).
    pub provider_incident_url: Option<String>,
    /// Number of alerts.
    pub alerts_count: Option<u64>,
    /// `createdTimeUtc` in unix seconds.
    pub created_unix: Option<i64>,
    /// `lastModifiedTimeUtc` in unix seconds.
    pub last_modified_unix: Option<i64>,
    /// Resource ids of the analytics rules behind it.
    pub related_analytic_rule_ids: Vec<String>,
    /// What was dropped while checking, and why (for the log or a quiet hint in the UI).
    pub notes: Vec<String>,
}

/// A checked page of incidents.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IncidentList {
    /// The entries that passed `check`, in page order.
    pub items: Vec<IncidentRecord>,
    /// One reason per entry that did not (position and field; nothing else of the page is lost).
    pub skipped: Vec<String>,
    /// The next page's URL, only when it is https on `management.azure.com`.
    pub next_link: Option<String>,
    /// Why a `nextLink` the page had was not followed.
    pub next_link_refused: Option<String>,
}

/// Checks one incident (a GET body, or one entry of a page).
pub fn check(raw: WireIncident) -> Result<IncidentRecord, ArmError> {
    check_reason(raw).map_err(ArmError::malformed)
}

/// `check`, with the reason alone as the error (a page collects reasons).
fn check_reason(raw: WireIncident) -> Result<IncidentRecord, String> {
    let who = describe(&raw.name);
    let fail = |what: &str| format!("{who}: {what}");
    if !usable_name(&raw.name) {
        return Err(fail(
            "its `name` is empty or cannot stand in a resource path",
        ));
    }
    let props = raw
        .properties
        .ok_or_else(|| fail("it has no `properties`"))?;
    let provider = props
        .provider_name
        .as_deref()
        .and_then(Provider::from_name)
        .ok_or_else(|| fail("`providerName` is missing or empty"))?;
    let number =
        non_negative(props.incident_number).ok_or_else(|| fail("`incidentNumber` is negative"))?;
    let extra = props.additional_data.unwrap_or_default();
    let alerts_count =
        non_negative(extra.alerts_count).ok_or_else(|| fail("`alertsCount` is negative"))?;
    let timestamp = |text: Option<String>, field: &str| match text {
        None => Ok(None),
        Some(t) => time::rfc3339_to_unix(&t)
            .map(Some)
            .ok_or_else(|| fail(&format!("`{field}` is not an RFC 3339 timestamp"))),
    };
    let created_unix = timestamp(props.created_time_utc, "createdTimeUtc")?;
    let last_modified_unix = timestamp(props.last_modified_time_utc, "lastModifiedTimeUtc")?;

    let mut notes = Vec::new();
    let mut keep_link = |url: Option<String>, allowed: fn(&str) -> Option<&str>, field, to| {
        let url = url.filter(|u| !u.trim().is_empty())?;
        if allowed(&url).is_some() {
            Some(url)
        } else {
            notes.push(fail(&format!(
                "`{field}` was dropped: it is not an https link to {to}"
            )));
            None
        }
    };
    let provider_incident_url = keep_link(
        extra.provider_incident_url,
        link::defender_link,
        "providerIncidentUrl",
        "a Defender portal host",
    );
    Ok(IncidentRecord {
        name: raw.name,
        number,
        title: props.title,
        provider,
        provider_incident_id: props.provider_incident_id,
        provider_incident_url,
        alerts_count,
        created_unix,
        last_modified_unix,
        related_analytic_rule_ids: props.related_analytic_rule_ids.unwrap_or_default(),
        notes,
    })
}

/// Checks a page of incidents: every entry on its own, then the `nextLink`. Fails only when the
/// body is not a page at all (no `value` array).
pub fn check_list(raw: WireIncidentList) -> Result<IncidentList, ArmError> {
    let entries = raw
        .value
        .ok_or_else(|| ArmError::malformed("the incident list has no `value` array"))?;
    let total = entries.len();
    let mut list = IncidentList::default();
    for (i, entry) in entries.into_iter().enumerate() {
        let at = format!("item {} of {total}", i + 1);
        match entry {
            WireListEntry::Incident(raw) => match check_reason(*raw) {
                Ok(record) => list.items.push(record),
                Err(reason) => list.skipped.push(format!("{at}: {reason}")),
            },
            WireListEntry::Unreadable(_) => list.skipped.push(format!(
                "{at}: not an incident of the expected shape (no `name`, or a field of the wrong type)"
            )),
        }
    }
    match raw.next_link {
        None => {}
        Some(next) if link::arm_link(&next).is_some() => list.next_link = Some(next),
        Some(_) => {
            list.next_link_refused = Some(format!(
                "the `nextLink` is not an https URL on {}; later pages were not loaded",
                link::ARM_HOST
            ));
        }
    }
    Ok(list)
}

/// `Some(None)` when absent, `Some(value)` when it is not negative, `None` when it is.
fn non_negative(n: Option<i64>) -> Option<Option<u64>> {
    n.map(u64::try_from).transpose().ok()
}

/// Could `name` be the last segment of an incident's resource path (and so be used to build
/// one)? Not empty, no path, query or fragment delimiters, no control characters.
fn usable_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 256
        && !name
            .chars()
            .any(|c| c.is_control() || matches!(c, '/' | '\\' | '?' | '#'))
}

/// How reasons name an incident: by its name only when that is a GUID (what ARM names incidents
/// with), so response text of any other shape never reaches a UI sentence.
fn describe(name: &str) -> String {
    if is_tenant_guid(name) {
        format!("incident {name}")
    } else {
        "an incident".to_string()
    }
}

#[cfg(test)]
mod tests;
