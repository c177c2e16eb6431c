//! Bodies of `Microsoft.SecurityInsights/incidents/{name}`: the incidents the demo's incident
//! pages show, as ARM holds them, so a signed-in extension can confirm what a page says.
//!
//! Why these fields: the keys of the `Incidents_Get` 2025-07-01-preview example in
//! `shared/reference/arm-examples/` (with `additionalData.providerIncidentUrl`), filled from the
//! scenario. Defender XDR incidents carry the provider `Microsoft XDR` and the Defender link, as
//! <https://learn.microsoft.com/en-us/azure/sentinel/move-to-defender> describes for the API.

use serde_json::{json, Value};

use super::Place;
use crate::clock;
use crate::scenarios::{Effect, Fault, Incident, Step};

/// The incident of the workspace named `name` (ARM compares names case-insensitively).
pub fn find<'d>(place: &Place<'d>, name: &str) -> Option<&'d Incident> {
    place
        .ws
        .incidents
        .iter()
        .find(|i| i.name.eq_ignore_ascii_case(name))
}

/// The incident's own fault, as a scenario fault of the incidents step.
pub fn fault(incident: &Incident) -> Option<Fault> {
    incident.fault.as_ref().map(|f| Fault {
        step: Step::Incidents,
        effect: f.effect,
        status: f.status,
        retry_after: f.retry_after,
        seconds: (f.effect == Effect::Delay).then_some(30),
        times: None,
    })
}

/// The GET body of `incident`, its times counted back from `now`.
pub fn body(place: &Place<'_>, incident: &Incident, now: i64) -> Value {
    let id = format!(
        "{}/providers/Microsoft.SecurityInsights/incidents/{}",
        place.ws_id(),
        incident.name
    );
    let modified = now - i64::from(incident.updated_minutes_ago) * 60;
    let rules: Vec<String> = if incident.from_rule {
        vec![format!(
            "{}/providers/Microsoft.SecurityInsights/alertRules/{}",
            place.ws_id(),
            crate::ids::stable_guid(&place.seed(&format!("rule-of-{}", incident.name)))
        )]
    } else {
        Vec::new()
    };
    let mut additional = json!({
        "alertProductNames": [],
        "alertsCount": incident.alerts,
        "bookmarksCount": 0,
        "commentsCount": 0,
        "tactics": [],
        "techniques": [],
    });
    if let Some(defender) = incident.provider_incident_id {
        additional["providerIncidentUrl"] = json!(format!(
            "https://security.microsoft.com/incidents/{defender}?tid={}",
            place.scenario.tenant_id
        ));
    }
    json!({
        "id": id,
        "name": incident.name,
        "type": "Microsoft.SecurityInsights/incidents",
        "etag": crate::ids::stable_etag(&place.seed(&format!("etag-of-{}", incident.name))),
        "properties": {
            "additionalData": additional,
            "classification": null,
            "createdTimeUtc": clock::rfc3339(modified - 3600),
            "incidentNumber": incident.number,
            "incidentUrl": format!("https://portal.azure.com/#asset/Microsoft_Azure_Security_Insights/Incident{id}"),
            "labels": [],
            "lastModifiedTimeUtc": clock::rfc3339(modified),
            "owner": { "assignedTo": null, "email": null, "objectId": null, "ownerType": null, "userPrincipalName": null },
            "providerIncidentId": incident.provider_incident_id.map(|d| d.to_string()),
            "providerName": incident.provider_name,
            "relatedAnalyticRuleIds": rules,
            "severity": "Medium",
            "status": "Active",
            "title": incident.title,
        }
    })
}
