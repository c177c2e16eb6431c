//! A Microsoft.SecurityInsights incident as ARM returns it (Incidents_Get, and the pages of
//! Incidents_List), as far as the extension reads it.
//!
//! Why these types are loose: ARM adds fields over api-versions (the 2025-07-01-preview example
//! has `providerIncidentUrl` that 2024-09-01 lacks), so
//! unknown fields are ignored (no `deny_unknown_fields`), every field but `name` may be missing
//! or `null`, enum-like values (severity, status, classification) stay strings, and counts are
//! signed so that a negative one reaches `record::check` and gets a clear reason there instead
//! of a bare type error here. Only `Deserialize` is derived: the worker decodes JSON in JS and
//! hands the value to its serde decoder of JS values (`from_js`); tests and the fuzzer use
//! serde_json.
//! Field names follow the 2024-09-01 swagger (`Incidents.json`) and the examples in
//! `shared/reference/arm-examples/`.

use serde::de::IgnoredAny;
use serde::Deserialize;

/// One incident resource.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireIncident {
    /// The incident's resource name (a GUID in practice).
    pub name: String,
    /// Everything else.
    pub properties: Option<WireIncidentProperties>,
}

/// `properties` of an incident: the fields `record::check` reads. The others (severity,
/// status, owner, labels, classification, tactics, …) are skipped, which keeps the decoder the
/// service worker ships small; add a field here when something reads it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireIncidentProperties {
    /// Title.
    pub title: Option<String>,
    /// Sequential number within the workspace (Sentinel's "incident ID" in the UI).
    pub incident_number: Option<i64>,
    /// Who raised it: `Azure Sentinel`, `Microsoft XDR`, `Microsoft 365 Defender`, …
    pub provider_name: Option<String>,
    /// The incident's id at its provider (the Defender incident id for XDR incidents).
    pub provider_incident_id: Option<String>,
    /// RFC 3339.
    pub created_time_utc: Option<String>,
    /// RFC 3339.
    pub last_modified_time_utc: Option<String>,
    /// Resource ids of the analytics rules that raised its alerts.
    pub related_analytic_rule_ids: Option<Vec<String>>,
    /// Counts and the Defender link.
    pub additional_data: Option<WireAdditionalData>,
}

/// `properties.additionalData`: the fields `record::check` reads.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireAdditionalData {
    /// Number of alerts (Sentinel caps synced incidents at 150, docs/onboarding-arm.md).
    pub alerts_count: Option<i64>,
    /// Link to the incident in the Defender portal (newer api-versions).
    pub provider_incident_url: Option<String>,
}

/// A page of Incidents_List: `{"value": [...], "nextLink": "..."}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireIncidentList {
    /// The incidents of this page; `None` when the body has no `value` (not a list at all).
    pub value: Option<Vec<WireListEntry>>,
    /// The next page, absent or `null` on the last one.
    pub next_link: Option<String>,
}

/// One entry of a page. An entry of the wrong shape (a field of the wrong type, no `name`, not
/// an object) must cost only that entry, not the whole page, so it is kept as `Unreadable`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum WireListEntry {
    /// An entry that reads as an incident (it may still fail `record::check`).
    Incident(Box<WireIncident>),
    /// An entry that does not (its content is skipped).
    Unreadable(IgnoredAny),
}

#[cfg(test)]
mod tests;
