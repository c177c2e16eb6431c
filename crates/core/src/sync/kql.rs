//! The "verify" queries: KQL an analyst runs to check an incident's sync state themselves.
//!
//! Values come from the page's URL, so they are checked to be an incident GUID or a numeric id
//! before they go into a query string; anything else gives no query.

use super::view::Verify;

const PROJECT: &str = "| project IncidentNumber, ProviderName, ProviderIncidentId, Status, ModifiedBy, LastModifiedTime, IncidentUrl, ProviderIncidentUrl = tostring(AdditionalData.providerIncidentUrl)";

/// By the Azure incident name (the GUID in the incident URL).
pub fn by_incident_name(name: &str) -> Option<Verify> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name.chars().all(|c| c.is_ascii_hexdigit() || c == '-');
    ok.then(|| Verify {
        kql: format!(
            "SecurityIncident\n| where IncidentName == \"{name}\"\n| summarize arg_max(TimeGenerated, *) by IncidentName\n{PROJECT}"
        ),
        note: "Run it in the workspace's Logs. ProviderName 'Microsoft XDR' (earlier 'Microsoft 365 Defender') means synced with Defender XDR; 'Azure Sentinel' means Sentinel's own.".into(),
    })
}

/// By the Defender incident id (the number in the Defender incident URL).
pub fn by_provider_incident_id(id: &str) -> Option<Verify> {
    let ok = !id.is_empty() && id.len() <= 19 && id.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| Verify {
        kql: format!(
            "SecurityIncident\n| where ProviderIncidentId == \"{id}\"\n| summarize arg_max(TimeGenerated, *) by IncidentNumber\n{PROJECT}"
        ),
        note: "Run it in Advanced hunting or in the workspace's Logs. A row means Sentinel has the incident; IncidentUrl opens it in the Azure portal.".into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_name_the_incident() {
        let v = by_incident_name("a7d3e1f2-5b6c-4d8e-9f01-23456789abcd").map(|v| v.kql);
        assert!(v.is_some_and(
            |k| k.contains("IncidentName == \"a7d3e1f2-5b6c-4d8e-9f01-23456789abcd\"")
        ));
        let v = by_provider_incident_id("3421").map(|v| v.kql);
        assert!(v.is_some_and(|k| k.contains("ProviderIncidentId == \"3421\"")));
    }

    #[test]
    fn anything_else_gives_no_query() {
        for bad in ["", "\" | take 1 //", "a b", &"a".repeat(65)] {
            assert_eq!(by_incident_name(bad), None, "{bad}");
        }
        for bad in ["", "12a", "1\"", "99999999999999999999"] {
            assert_eq!(by_provider_incident_id(bad), None, "{bad}");
        }
    }
}
