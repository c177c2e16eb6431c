//! Bodies of the Microsoft Sentinel (`Microsoft.SecurityInsights`) calls: onboarding state,
//! data connectors, analytics rules and automation rules of a workspace.
//!
//! Why these fields: each kind has the keys of its example in `shared/reference/arm-examples/`
//! (`GetSentinelOnboardingState`, `GetMicrosoftThreatProtectionById`, `GetDataConnectors`,
//! `GetAllAlertRules`, `GetNrtAlertRule`, `AutomationRules_List`), filled from the scenario;
//! the tests compare the key sets. Names and etags are derived from the rule's place, so they
//! stay the same from run to run.

use serde_json::{json, Value};

use super::Place;
use crate::clock;
use crate::ids::{stable_etag, stable_guid};
use crate::scenarios::{QueryRule, RuleKind};

/// When rules were last changed, counted back from here (2026-06-30T08:00:00Z).
const MODIFIED: i64 = 1_782_806_400;

/// Template id of the built-in Fusion rule (as in the `GetAllAlertRules` example).
const FUSION_TEMPLATE: &str = "f71aba3d-28fb-450b-b192-4e76a83015c8";

/// Invented detections for generated rules: name, query, tactic, severity.
const TOPICS: &[(&str, &str, &str, &str)] = &[
    (
        "Unusual volume of failed sign-ins",
        "SigninLogs | where ResultType != \"0\" | summarize Failures = count() by UserPrincipalName, bin(TimeGenerated, 1h) | where Failures > 20",
        "CredentialAccess",
        "Medium",
    ),
    (
        "Rare process started by an Office application",
        "DeviceProcessEvents | where InitiatingProcessFileName in~ (\"winword.exe\", \"excel.exe\") | summarize count() by FileName, DeviceName",
        "Execution",
        "High",
    ),
    (
        "Mailbox forwarding rule to an external domain",
        "OfficeActivity | where Operation == \"New-InboxRule\" and Parameters has \"ForwardTo\"",
        "Collection",
        "Medium",
    ),
    (
        "New service installed on a domain controller",
        "SecurityEvent | where EventID == 7045 | where Computer has \"dc\"",
        "Persistence",
        "Medium",
    ),
    (
        "Outbound connection to a newly seen domain",
        "DeviceNetworkEvents | where isnotempty(RemoteUrl) | summarize FirstSeen = min(TimeGenerated) by RemoteUrl | where FirstSeen > ago(1d)",
        "CommandAndControl",
        "Low",
    ),
    (
        "Privileged role assigned outside the change window",
        "AuditLogs | where OperationName == \"Add member to role\" | where hourofday(TimeGenerated) !between (8 .. 18)",
        "PrivilegeEscalation",
        "High",
    ),
];

fn sentinel_id(place: &Place<'_>, kind: &str, name: &str) -> String {
    format!(
        "{}/providers/Microsoft.SecurityInsights/{kind}/{name}",
        place.ws_id()
    )
}

fn modified(n: usize) -> String {
    let back = i64::try_from(n).unwrap_or(0).saturating_mul(7 * 3_600);
    clock::rfc3339(MODIFIED - back)
}

/// `GET {ws}/providers/Microsoft.SecurityInsights/onboardingStates/default`.
pub fn onboarding_state(place: &Place<'_>) -> Value {
    json!({
        "id": sentinel_id(place, "onboardingStates", "default"),
        "name": "default",
        "type": "Microsoft.SecurityInsights/onboardingStates",
        "etag": stable_etag(&place.seed("onboardingState")),
        "properties": { "customerManagedKey": false }
    })
}

/// `GET {ws}/providers/Microsoft.SecurityInsights/dataConnectors` (2025-07-01-preview).
pub fn data_connectors(place: &Place<'_>) -> Vec<Value> {
    let tenant = &place.scenario.tenant_id;
    let mut out = Vec::new();
    if let Some(x) = place.ws.xdr_connector {
        let name = stable_guid(&place.seed("connector/MicrosoftThreatProtection"));
        out.push(json!({
            "id": sentinel_id(place, "dataConnectors", &name),
            "name": name,
            "type": "Microsoft.SecurityInsights/dataConnectors",
            "kind": "MicrosoftThreatProtection",
            "etag": stable_etag(&name),
            "properties": {
                "tenantId": tenant,
                "dataTypes": {
                    "incidents": { "state": x.incidents.as_str() },
                    "alerts": { "state": x.alerts.as_str() }
                },
                "filteredProviders": { "alerts": [] }
            }
        }));
    }
    for c in &place.ws.other_connectors {
        let name = stable_guid(&place.seed(&format!("connector/{}", c.kind)));
        let data_types: serde_json::Map<String, Value> = c
            .data_types
            .iter()
            .map(|(k, s)| (k.clone(), json!({ "state": s.as_str() })))
            .collect();
        let mut properties = json!({ "dataTypes": data_types });
        if c.kind == "AzureSecurityCenter" {
            properties["subscriptionId"] = json!(place.sub.id);
        } else {
            properties["tenantId"] = json!(tenant);
        }
        out.push(json!({
            "id": sentinel_id(place, "dataConnectors", &name),
            "name": name,
            "type": "Microsoft.SecurityInsights/dataConnectors",
            "kind": c.kind,
            "etag": stable_etag(&name),
            "properties": properties
        }));
    }
    out
}

/// `GET {ws}/providers/Microsoft.SecurityInsights/alertRules`: Fusion, the Microsoft
/// incident-creation rules, the named rules, then the generated ones.
pub fn alert_rules(place: &Place<'_>) -> Vec<Value> {
    let ws = place.ws;
    let mut out = Vec::new();
    if let Some(f) = ws.fusion {
        out.push(json!({
            "id": sentinel_id(place, "alertRules", "BuiltInFusion"),
            "name": "BuiltInFusion",
            "etag": stable_etag(&place.seed("fusion")),
            "type": "Microsoft.SecurityInsights/alertRules",
            "kind": "Fusion",
            "properties": {
                "displayName": "Advanced Multistage Attack Detection",
                "description": "Microsoft Sentinel correlates low-fidelity alerts and events across products into high-fidelity, multistage incidents.",
                "alertRuleTemplateName": FUSION_TEMPLATE,
                "tactics": ["Persistence", "LateralMovement", "Exfiltration", "CommandAndControl"],
                "severity": "High",
                "enabled": f.enabled,
                "lastModifiedUtc": modified(0)
            }
        }));
    }
    for (n, r) in ws.incident_creation_rules.iter().enumerate() {
        let name = stable_guid(&place.seed(&format!("msic/{n}")));
        out.push(json!({
            "id": sentinel_id(place, "alertRules", &name),
            "name": name,
            "etag": stable_etag(&name),
            "type": "Microsoft.SecurityInsights/alertRules",
            "kind": "MicrosoftSecurityIncidentCreation",
            "properties": {
                "productFilter": r.product_filter,
                "severitiesFilter": null,
                "displayNamesFilter": null,
                "displayName": r.display_name,
                "enabled": r.enabled,
                "description": null,
                "alertRuleTemplateName": null,
                "lastModifiedUtc": modified(n + 1)
            }
        }));
    }
    for (n, r) in ws.rules.iter().enumerate() {
        let topic = TOPICS[n % TOPICS.len()];
        out.push(query_rule(
            place,
            &format!("rule/{n}"),
            r,
            topic.1,
            topic.2,
            n,
        ));
    }
    for n in 0..ws.generated_rules as usize {
        let (title, query, tactic, severity) = TOPICS[n % TOPICS.len()];
        let rule = QueryRule {
            kind: RuleKind::Scheduled,
            display_name: format!("{title} ({:02})", n + 1),
            severity: severity.to_string(),
            enabled: true,
            create_incident: true,
        };
        out.push(query_rule(
            place,
            &format!("generated/{n}"),
            &rule,
            query,
            tactic,
            n + 3,
        ));
    }
    out
}

fn query_rule(
    place: &Place<'_>,
    seed: &str,
    r: &QueryRule,
    query: &str,
    tactic: &str,
    age: usize,
) -> Value {
    let name = stable_guid(&place.seed(seed));
    let mut properties = json!({
        "displayName": r.display_name,
        "description": "",
        "alertRuleTemplateName": null,
        "severity": r.severity,
        "enabled": r.enabled,
        "query": query,
        "tactics": [tactic],
        "techniques": [],
        "suppressionDuration": "PT5H",
        "suppressionEnabled": false,
        "lastModifiedUtc": modified(age),
        "eventGroupingSettings": { "aggregationKind": "SingleAlert" },
        "customDetails": null,
        "entityMappings": null,
        "alertDetailsOverride": null,
        "incidentConfiguration": {
            "createIncident": r.create_incident,
            "groupingConfiguration": {
                "enabled": false,
                "reopenClosedIncident": false,
                "lookbackDuration": "PT5H",
                "matchingMethod": "AllEntities",
                "groupByEntities": [],
                "groupByAlertDetails": [],
                "groupByCustomDetails": []
            }
        }
    });
    if r.kind == RuleKind::Scheduled {
        properties["queryFrequency"] = json!("PT1H");
        properties["queryPeriod"] = json!("PT1H");
        properties["triggerOperator"] = json!("GreaterThan");
        properties["triggerThreshold"] = json!(0);
    }
    json!({
        "id": sentinel_id(place, "alertRules", &name),
        "name": name,
        "type": "Microsoft.SecurityInsights/alertRules",
        "kind": r.kind.as_str(),
        "etag": stable_etag(&name),
        "properties": properties
    })
}

/// `GET {ws}/providers/Microsoft.SecurityInsights/automationRules`.
pub fn automation_rules(place: &Place<'_>) -> Vec<Value> {
    let account = &place.scenario.account;
    let person = json!({
        "objectId": account.object_id,
        "email": account.upn,
        "name": account.display_name,
        "userPrincipalName": account.upn
    });
    place
        .ws
        .automation_rules
        .iter()
        .enumerate()
        .map(|(n, a)| {
            let name = stable_guid(&place.seed(&format!("automation/{n}")));
            let conditions: Vec<Value> = a
                .conditions
                .iter()
                .map(|c| {
                    json!({
                        "conditionType": "Property",
                        "conditionProperties": {
                            "propertyName": c.property_name,
                            "operator": c.operator,
                            "propertyValues": c.values
                        }
                    })
                })
                .collect();
            json!({
                "id": sentinel_id(place, "automationRules", &name),
                "name": name,
                "etag": stable_etag(&name),
                "type": "Microsoft.SecurityInsights/automationRules",
                "properties": {
                    "displayName": a.display_name,
                    "order": a.order,
                    "triggeringLogic": {
                        "isEnabled": a.enabled,
                        "triggersOn": "Incidents",
                        "triggersWhen": "Created",
                        "conditions": conditions
                    },
                    "actions": [{
                        "order": 1,
                        "actionType": "AddIncidentTask",
                        "actionConfiguration": { "title": a.task_title, "description": null }
                    }],
                    "lastModifiedTimeUtc": modified(n + 2),
                    "createdTimeUtc": modified(n + 40),
                    "lastModifiedBy": person,
                    "createdBy": person
                }
            })
        })
        .collect()
}
