//! Bodies of the Authorization calls: role assignments at a subscription and the caller's
//! permissions on a workspace.
//!
//! Why from named roles: the data file says "this account is Owner and Microsoft Sentinel
//! Contributor"; the role table turns that into the `actions` / `notActions` ARM's
//! permissions call returns (one entry per role, as ARM does), so the extension's permission
//! check meets real wildcards (`*`, `*/read`, `Microsoft.SecurityInsights/*`).

use serde_json::{json, Value};

use super::resources::CREATED;
use super::Place;
use crate::clock;
use crate::ids::stable_guid;
use crate::scenarios::{ArmData, Scenario, Subscription};

/// `GET /subscriptions/{sub}/providers/Microsoft.Authorization/roleAssignments`.
pub fn role_assignments(data: &ArmData, scenario: &Scenario, sub: &Subscription) -> Vec<Value> {
    let scope = format!("/subscriptions/{}", sub.id);
    sub.role_assignments
        .iter()
        .enumerate()
        .filter_map(|(n, a)| {
            let role = data.role(&a.role)?;
            let name = stable_guid(&format!("{}/{}/roleAssignment/{n}", scenario.id, sub.id));
            Some(json!({
                "properties": {
                    "roleDefinitionId": format!("{scope}/providers/Microsoft.Authorization/roleDefinitions/{}", role.id),
                    "principalId": a.principal_id,
                    "principalType": a.principal_type.as_str(),
                    "scope": scope,
                    "condition": null,
                    "conditionVersion": null,
                    "createdOn": clock::rfc3339(CREATED),
                    "updatedOn": clock::rfc3339(CREATED),
                    "createdBy": scenario.account.object_id,
                    "updatedBy": scenario.account.object_id,
                    "delegatedManagedIdentityResourceId": null,
                    "description": null
                },
                "id": format!("{scope}/providers/Microsoft.Authorization/roleAssignments/{name}"),
                "type": "Microsoft.Authorization/roleAssignments",
                "name": name
            }))
        })
        .collect()
}

/// `GET {ws}/providers/Microsoft.Authorization/permissions`: one entry per role the account
/// holds on the workspace.
pub fn permissions(data: &ArmData, place: &Place<'_>) -> Vec<Value> {
    place
        .ws
        .user_roles
        .iter()
        .filter_map(|r| data.role(r))
        .map(|role| {
            json!({
                "actions": role.actions,
                "notActions": role.not_actions,
                "dataActions": role.data_actions,
                "notDataActions": role.not_data_actions
            })
        })
        .collect()
}
