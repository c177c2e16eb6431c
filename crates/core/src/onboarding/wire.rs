//! The ARM resources the onboarding status reads, as ARM sends them, as far as we read them.
//!
//! Why loose: like `arm::incident`, these shapes grow across api-versions (the 2025-07-01-preview
//! connector has `filteredProviders`, older ones only `dataTypes.incidents`), so unknown fields are
//! ignored, almost every field may be missing or `null`, and enum-like values (`kind`, `state`)
//! stay strings that `super::collect` reads with care. Field names follow the examples in
//! `shared/reference/arm-examples/` (kept as fixtures in `tests/fixtures/arm/`). Only
//! `Deserialize` is derived: the worker decodes, the core never re-encodes these.

use serde::Deserialize;

/// Any ARM list: `{"value": [...], "nextLink": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireList<T> {
    /// The page's entries.
    pub value: Vec<T>,
    /// The next page, when there is one.
    pub next_link: Option<String>,
}

/// `GET /subscriptions` entry.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireSubscription {
    /// The subscription GUID.
    pub subscription_id: Option<String>,
    /// Its home tenant.
    pub tenant_id: Option<String>,
    /// Name shown in the Azure portal.
    pub display_name: Option<String>,
    /// `Enabled`, `Disabled`, `Warned`, …
    pub state: Option<String>,
}

/// A Log Analytics workspace.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireWorkspace {
    /// Full resource id (its case varies: the list example has `resourcegroups`).
    pub id: Option<String>,
    /// Workspace name.
    pub name: Option<String>,
    /// Azure region.
    pub location: Option<String>,
    /// Retention and ids.
    pub properties: Option<WireWorkspaceProperties>,
}

/// `properties` of a workspace.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireWorkspaceProperties {
    /// The workspace id queries use (`customerId`).
    pub customer_id: Option<String>,
    /// Default retention of its tables.
    pub retention_in_days: Option<i64>,
}

/// A `kind` + `properties` resource: data connectors and analytics rules.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireKindResource<P> {
    /// Resource name.
    pub name: Option<String>,
    /// `MicrosoftThreatProtection`, `Fusion`, `Scheduled`, …
    pub kind: Option<String>,
    /// What the kind carries.
    pub properties: Option<P>,
}

/// A data connector.
pub type WireDataConnector = WireKindResource<WireConnectorProperties>;

/// `properties` of a data connector, as far as the Defender XDR connector needs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireConnectorProperties {
    /// The tenant the connector reads.
    pub tenant_id: Option<String>,
    /// Per data type, its state.
    pub data_types: Option<WireConnectorDataTypes>,
}

/// `properties.dataTypes` of the XDR connector.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireConnectorDataTypes {
    /// Incidents sync.
    pub incidents: Option<WireDataTypeState>,
    /// Alerts sync.
    pub alerts: Option<WireDataTypeState>,
}

/// `{"state": "Enabled"}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct WireDataTypeState {
    /// `Enabled` or `Disabled`.
    pub state: Option<String>,
}

/// An analytics rule.
pub type WireAlertRule = WireKindResource<WireAlertRuleProperties>;

/// `properties` of an analytics rule, as far as the readiness checks need.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireAlertRuleProperties {
    /// Name shown in the rules list.
    pub display_name: Option<String>,
    /// Whether it runs.
    pub enabled: Option<bool>,
    /// Scheduled and NRT rules: whether an alert becomes an incident.
    pub incident_configuration: Option<WireIncidentConfiguration>,
}

/// `properties.incidentConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireIncidentConfiguration {
    /// `false` = alerts only.
    pub create_incident: Option<bool>,
}

/// An automation rule.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireAutomationRule {
    /// Resource name.
    pub name: Option<String>,
    /// Name, order and trigger.
    pub properties: Option<WireAutomationRuleProperties>,
}

/// `properties` of an automation rule.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireAutomationRuleProperties {
    /// Name shown in the list.
    pub display_name: Option<String>,
    /// When and on what it runs.
    pub triggering_logic: Option<WireTriggeringLogic>,
}

/// `properties.triggeringLogic`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireTriggeringLogic {
    /// Whether the rule runs.
    pub is_enabled: Option<bool>,
    /// Its conditions (property conditions name the incident property they test).
    pub conditions: Option<Vec<WireCondition>>,
}

/// One automation condition.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireCondition {
    /// `Property`, `PropertyArray`, `PropertyChanged`, `Boolean`, …
    pub condition_type: Option<String>,
    /// For property conditions.
    pub condition_properties: Option<WireConditionProperties>,
}

/// `conditionProperties` (only the tested property's name matters here).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireConditionProperties {
    /// `IncidentTitle`, `IncidentProviderName`, …
    pub property_name: Option<String>,
}

/// A role assignment.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireRoleAssignment {
    /// Role, principal and scope.
    pub properties: Option<WireRoleAssignmentProperties>,
}

/// `properties` of a role assignment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireRoleAssignmentProperties {
    /// `/…/providers/Microsoft.Authorization/roleDefinitions/{guid}`.
    pub role_definition_id: Option<String>,
    /// The object id of who holds the role.
    pub principal_id: Option<String>,
    /// `User`, `Group`, `ServicePrincipal`, …
    pub principal_type: Option<String>,
    /// Where the role applies.
    pub scope: Option<String>,
}

/// One entry of `Microsoft.Authorization/permissions`: what the caller may do at a scope.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WirePermission {
    /// Allowed operations (with `*` wildcards).
    pub actions: Option<Vec<String>>,
    /// Operations taken out again.
    pub not_actions: Option<Vec<String>>,
}

/// A workspace table.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireTable {
    /// Table name (`DeviceEvents`, …).
    pub name: Option<String>,
    /// Retention and schema.
    pub properties: Option<WireTableProperties>,
}

/// `properties` of a table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireTableProperties {
    /// Interactive retention.
    pub retention_in_days: Option<i64>,
    /// Interactive plus long-term retention.
    pub total_retention_in_days: Option<i64>,
    /// Its schema; `schema.name` names the table when the resource name is missing.
    pub schema: Option<WireTableSchema>,
}

/// `properties.schema` (only the name is read).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct WireTableSchema {
    /// Table name.
    pub name: Option<String>,
}
