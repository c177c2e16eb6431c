//! An incident's sync state from its ARM record (`Microsoft.SecurityInsights/incidents`), for
//! when the user has signed in to Azure (issue 6 brings the sign-in).
//!
//! ARM says more than the page: the provider ("Microsoft XDR", earlier "Microsoft 365 Defender",
//! or "Azure Sentinel"; facts.md §4.6), the Defender link (`additionalData.providerIncidentUrl`),
//! the alert count and the last modification time. The rules are the page's, with these facts.

use super::assess::{cap_note, lag_since, Now};
use super::facts::{self, AlertCount};
use super::kql;
use super::view::{IncidentSync, SyncState};
use crate::arm::{IncidentRecord, Provider};

/// The sync indicator of an incident read from ARM.
pub fn incident(record: &IncidentRecord, now: Now) -> IncidentSync {
    let mut sync = IncidentSync::new(SyncState::Checking);
    sync.verify = kql::by_incident_name(&record.name);
    let alerts = record
        .alerts_count
        .map(|n| AlertCount::Exact(u32::try_from(n).unwrap_or(u32::MAX)));
    let link = record
        .provider_incident_url
        .as_deref()
        .and_then(facts::defender_incident_link);
    let provider_line = match &record.provider {
        Provider::MicrosoftXdr => "Azure reports its provider as 'Microsoft XDR'.".to_string(),
        Provider::Microsoft365Defender => {
            "Azure reports its provider as 'Microsoft 365 Defender' (the earlier name of Microsoft XDR).".to_string()
        }
        Provider::AzureSentinel => "Azure reports its provider as 'Azure Sentinel'.".to_string(),
        Provider::Other(name) => format!("Azure reports its provider as '{name}'."),
    };
    sync.evidence.push(provider_line);
    if record.provider.is_defender_xdr() || link.is_some() {
        let id = link.as_ref().map(|l| l.id.to_string()).or_else(|| {
            record
                .provider_incident_id
                .clone()
                .filter(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
        });
        match (link, id) {
            (Some(link), _) => {
                let id = link.id.to_string();
                sync.evidence.push(format!(
                    "Azure links it to Defender incident {id} (providerIncidentUrl)."
                ));
                sync.synced_with_defender(Some((&id, link.href)));
            }
            (None, Some(id)) => {
                let href = format!("https://security.microsoft.com/incidents/{id}");
                sync.synced_with_defender(Some((&id, href)));
            }
            (None, None) => {
                sync.synced_with_defender(None);
                sync.twin_note = Some("Azure gives no Defender incident id for it.".into());
            }
        }
        sync.lag = Some(lag_since(record.last_modified_unix, now));
        sync.cap = cap_note(alerts);
        return sync;
    }
    match record.provider {
        Provider::AzureSentinel
            if record.alerts_count == Some(0) && record.related_analytic_rule_ids.is_empty() =>
        {
            sync.created_in_azure();
            sync.evidence.push("It has no alerts and no analytics rule, so a person or a script created it, and such incidents stay in the Azure portal.".into());
            sync
        }
        Provider::AzureSentinel => {
            sync.sentinel_only();
            sync
        }
        _ => sync.unknown("That provider is not one whose sync rules are documented."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arm::fixtures::{body, GET_BY_ID, GET_PREVIEW, LIST};
    use crate::arm::{check, check_list, WireIncident, WireIncidentList};

    const NOW: Now = Now {
        unix: Some(1_795_344_420),
        tz_offset_minutes: 0,
    };

    fn record(example: &str) -> IncidentRecord {
        let wire: WireIncident = serde_json::from_value(body(example)).expect("an incident body");
        check(wire).expect("a valid incident")
    }

    #[test]
    fn every_incident_example_gives_a_state_with_evidence() {
        let stable = incident(&record(GET_BY_ID), NOW);
        assert_eq!(stable.state, SyncState::SentinelOnly);
        assert!(stable.evidence[0].contains("'Azure Sentinel'"));
        let preview = incident(&record(GET_PREVIEW), NOW);
        assert_eq!(preview.state, SyncState::Synced, "it has a Defender link");
        assert!(preview.twin.is_some_and(|t| t
            .href
            .starts_with("https://security.microsoft.com/incidents/3177")));
        let list: WireIncidentList = serde_json::from_value(body(LIST)).expect("a list body");
        for item in check_list(list).expect("a valid list").items {
            assert_ne!(incident(&item, NOW).state, SyncState::Checking);
        }
    }

    #[test]
    fn xdr_provider_without_a_link_uses_the_provider_id() {
        let mut r = record(GET_BY_ID);
        r.provider = Provider::MicrosoftXdr;
        r.provider_incident_url = None;
        r.provider_incident_id = Some("3421".into());
        r.alerts_count = Some(163);
        r.last_modified_unix = Some(1_795_344_420 - 120);
        let sync = incident(&r, NOW);
        assert_eq!(sync.label, "⇄ Synced with Defender incident 3421");
        assert!(sync.cap.is_some());
        assert_eq!(
            sync.lag.map(|l| l.state),
            Some(super::super::view::LagState::Pending)
        );
    }

    #[test]
    fn no_alerts_and_no_rule_means_created_by_hand() {
        let mut r = record(GET_BY_ID);
        r.alerts_count = Some(0);
        r.related_analytic_rule_ids.clear();
        assert_eq!(incident(&r, NOW).state, SyncState::CreatedInAzure);
        r.provider = Provider::Other("Contoso SOAR".into());
        assert_eq!(incident(&r, NOW).state, SyncState::Unknown);
    }
}
