//! Bodies of the resource-manager and Log Analytics calls: subscriptions, workspaces, tables.
//!
//! Why these fields: each item has the keys of the matching example in
//! `shared/reference/arm-examples/` (`GetSubscriptions` 2022-12-01, `WorkspacesSubscriptionList`
//! and `TablesGet` 2025-02-01), filled from the scenario; the tests compare the key sets.
//! Workspace ids are lower-cased the way that example (and ARM) prints them, which keeps the
//! extension honest about comparing ARM ids case-insensitively.

use serde_json::{json, Value};

use super::Place;
use crate::clock;
use crate::ids::stable_guid;
use crate::scenarios::{Scenario, Subscription, Workspace};

/// When the demo resources were created (2025-03-04T09:30:00Z), for `createdDate` fields.
pub const CREATED: i64 = 1_741_080_600;

/// `GET /subscriptions`: one item per subscription of the scenario.
pub fn subscriptions(scenario: &Scenario) -> Vec<Value> {
    scenario
        .subscriptions
        .iter()
        .map(|s| {
            json!({
                "id": format!("/subscriptions/{}", s.id),
                "authorizationSource": "RoleBased",
                "managedByTenants": [],
                "subscriptionId": s.id,
                "tenantId": scenario.tenant_id,
                "displayName": s.display_name,
                "state": "Enabled",
                "subscriptionPolicies": {
                    "locationPlacementId": "Public_2014-09-01",
                    "quotaId": "PayAsYouGo_2014-09-01",
                    "spendingLimit": "Off"
                },
                "tags": {}
            })
        })
        .collect()
}

/// The workspace's customer id (the GUID Log Analytics queries use), stable per workspace.
pub fn customer_id(scenario: &Scenario, sub: &Subscription, ws: &Workspace) -> String {
    stable_guid(&format!(
        "{}/{}/{}/customerId",
        scenario.id, sub.id, ws.name
    ))
}

/// `GET /subscriptions/{sub}/providers/Microsoft.OperationalInsights/workspaces`.
pub fn workspaces(scenario: &Scenario, sub: &Subscription) -> Vec<Value> {
    sub.workspaces()
        .map(|(g, w)| {
            let id = format!(
                "/subscriptions/{}/resourcegroups/{}/providers/microsoft.operationalinsights/workspaces/{}",
                sub.id, g.name, w.name
            )
            .to_lowercase();
            json!({
                "properties": {
                    "customerId": customer_id(scenario, sub, w),
                    "provisioningState": "Succeeded",
                    "sku": { "name": "PerGB2018", "lastSkuUpdate": clock::rfc3339(CREATED) },
                    "retentionInDays": w.retention_in_days,
                    "features": {
                        "legacy": 0,
                        "searchVersion": 1,
                        "enableLogAccessUsingOnlyResourcePermissions": true
                    },
                    "workspaceCapping": { "dailyQuotaGb": -1.0, "dataIngestionStatus": "RespectQuota" },
                    "publicNetworkAccessForIngestion": "Enabled",
                    "publicNetworkAccessForQuery": "Enabled",
                    "createdDate": clock::rfc3339(CREATED),
                    "modifiedDate": clock::rfc3339(CREATED)
                },
                "id": id,
                "name": w.name,
                "type": "Microsoft.OperationalInsights/workspaces",
                "location": w.location,
                "tags": {}
            })
        })
        .collect()
}

/// `GET {ws}/tables`.
pub fn tables(place: &Place<'_>) -> Vec<Value> {
    let ws_id = place.ws_id();
    place
        .ws
        .tables
        .iter()
        .map(|t| {
            json!({
                "properties": {
                    "retentionInDays": t.retention_in_days,
                    "totalRetentionInDays": t.total_retention_in_days,
                    "archiveRetentionInDays": t.total_retention_in_days - t.retention_in_days,
                    "retentionInDaysAsDefault": t.retention_in_days == place.ws.retention_in_days,
                    "totalRetentionInDaysAsDefault": t.total_retention_in_days == t.retention_in_days,
                    "plan": "Analytics",
                    "provisioningState": "Succeeded",
                    "schema": {
                        "name": t.name,
                        "tableType": "Microsoft",
                        "tableSubType": "Any",
                        "displayName": null,
                        "description": null,
                        "columns": [],
                        "standardColumns": [],
                        "categories": null,
                        "labels": null,
                        "source": "microsoft",
                        "solutions": ["SecurityInsights"]
                    }
                },
                "id": format!("{ws_id}/tables/{}", t.name),
                "name": t.name
            })
        })
        .collect()
}
