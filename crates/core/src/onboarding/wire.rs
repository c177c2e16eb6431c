//! The ARM resources the onboarding status reads, as ARM sends them, as far as we read them.
//!
//! Why loose: like `arm::incident`, these shapes grow across api-versions (the 2025-07-01-preview
//! connector has `filteredProviders`, older ones only `dataTypes.incidents`), so unknown fields are
//! ignored, almost every field may be missing or `null`, and enum-like values (`kind`, `state`)
//! stay strings that `super::collect` reads with care. Field names follow the examples in
//! `shared/reference/arm-examples/` (kept as fixtures in `tests/fixtures/arm/`). The worker
//! decodes these and the core never re-encodes them; they are read by hand ([`crate::json_read`],
//! which says why) with serde's rules for the same types.

use crate::json_read::{
    flag, items, nested, object, optional, text, texts, whole, FromJson, JsonValue, Read, Shape,
};

/// Any ARM list: `{"value": [...], "nextLink": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireList<T> {
    /// The page's entries.
    pub value: Vec<T>,
    /// The next page, when there is one.
    pub next_link: Option<String>,
}

/// `GET /subscriptions` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
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
#[derive(Debug, Clone, PartialEq, Eq)]
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
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WireWorkspaceProperties {
    /// The workspace id queries use (`customerId`).
    pub customer_id: Option<String>,
    /// Default retention of its tables.
    pub retention_in_days: Option<i64>,
}

/// A `kind` + `properties` resource: data connectors and analytics rules.
#[derive(Debug, Clone, PartialEq, Eq)]
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
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WireConnectorProperties {
    /// The tenant the connector reads.
    pub tenant_id: Option<String>,
    /// Per data type, its state.
    pub data_types: Option<WireConnectorDataTypes>,
}

/// `properties.dataTypes` of the XDR connector.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WireConnectorDataTypes {
    /// Incidents sync.
    pub incidents: Option<WireDataTypeState>,
    /// Alerts sync.
    pub alerts: Option<WireDataTypeState>,
}

/// `{"state": "Enabled"}`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WireDataTypeState {
    /// `Enabled` or `Disabled`.
    pub state: Option<String>,
}

/// An analytics rule.
pub type WireAlertRule = WireKindResource<WireAlertRuleProperties>;

/// `properties` of an analytics rule, as far as the readiness checks need.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WireAlertRuleProperties {
    /// Name shown in the rules list.
    pub display_name: Option<String>,
    /// Whether it runs.
    pub enabled: Option<bool>,
    /// Scheduled and NRT rules: whether an alert becomes an incident.
    pub incident_configuration: Option<WireIncidentConfiguration>,
}

/// `properties.incidentConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WireIncidentConfiguration {
    /// `false` = alerts only.
    pub create_incident: Option<bool>,
}

/// An automation rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireAutomationRule {
    /// Resource name.
    pub name: Option<String>,
    /// Name, order and trigger.
    pub properties: Option<WireAutomationRuleProperties>,
}

/// `properties` of an automation rule.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WireAutomationRuleProperties {
    /// Name shown in the list.
    pub display_name: Option<String>,
    /// When and on what it runs.
    pub triggering_logic: Option<WireTriggeringLogic>,
}

/// `properties.triggeringLogic`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WireTriggeringLogic {
    /// Whether the rule runs.
    pub is_enabled: Option<bool>,
    /// Its conditions (property conditions name the incident property they test).
    pub conditions: Option<Vec<WireCondition>>,
}

/// One automation condition.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WireCondition {
    /// `Property`, `PropertyArray`, `PropertyChanged`, `Boolean`, …
    pub condition_type: Option<String>,
    /// For property conditions.
    pub condition_properties: Option<WireConditionProperties>,
}

/// `conditionProperties` (only the tested property's name matters here).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WireConditionProperties {
    /// `IncidentTitle`, `IncidentProviderName`, …
    pub property_name: Option<String>,
}

/// A role assignment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireRoleAssignment {
    /// Role, principal and scope.
    pub properties: Option<WireRoleAssignmentProperties>,
}

/// `properties` of a role assignment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
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
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WirePermission {
    /// Allowed operations (with `*` wildcards).
    pub actions: Option<Vec<String>>,
    /// Operations taken out again.
    pub not_actions: Option<Vec<String>>,
}

/// A workspace table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireTable {
    /// Table name (`DeviceEvents`, …).
    pub name: Option<String>,
    /// Retention and schema.
    pub properties: Option<WireTableProperties>,
}

/// `properties` of a table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WireTableProperties {
    /// Interactive retention.
    pub retention_in_days: Option<i64>,
    /// Interactive plus long-term retention.
    pub total_retention_in_days: Option<i64>,
    /// Its schema; `schema.name` names the table when the resource name is missing.
    pub schema: Option<WireTableSchema>,
}

/// `properties.schema` (only the name is read).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WireTableSchema {
    /// Table name.
    pub name: Option<String>,
}

// ---------- readers (member names as ARM writes them, camelCase) ----------

impl<T: FromJson> FromJson for WireList<T> {
    fn read<V: JsonValue>(value: &V) -> Read<Self> {
        let v = object(value)?;
        Ok(Self {
            // Required, as for serde: a list without `value` is not a list.
            value: items(&v.member("value").ok_or(Shape)?, T::read)?,
            next_link: text(v, "nextLink")?,
        })
    }
}

impl FromJson for WireSubscription {
    fn read<V: JsonValue>(value: &V) -> Read<Self> {
        let v = object(value)?;
        Ok(Self {
            subscription_id: text(v, "subscriptionId")?,
            tenant_id: text(v, "tenantId")?,
            display_name: text(v, "displayName")?,
            state: text(v, "state")?,
        })
    }
}

impl FromJson for WireWorkspace {
    fn read<V: JsonValue>(value: &V) -> Read<Self> {
        let v = object(value)?;
        Ok(Self {
            id: text(v, "id")?,
            name: text(v, "name")?,
            location: text(v, "location")?,
            properties: nested(v, "properties")?,
        })
    }
}

impl FromJson for WireWorkspaceProperties {
    fn read<V: JsonValue>(value: &V) -> Read<Self> {
        let v = object(value)?;
        Ok(Self {
            customer_id: text(v, "customerId")?,
            retention_in_days: whole(v, "retentionInDays")?,
        })
    }
}

impl<P: FromJson> FromJson for WireKindResource<P> {
    fn read<V: JsonValue>(value: &V) -> Read<Self> {
        let v = object(value)?;
        Ok(Self {
            name: text(v, "name")?,
            kind: text(v, "kind")?,
            properties: nested(v, "properties")?,
        })
    }
}

impl FromJson for WireConnectorProperties {
    fn read<V: JsonValue>(value: &V) -> Read<Self> {
        let v = object(value)?;
        Ok(Self {
            tenant_id: text(v, "tenantId")?,
            data_types: nested(v, "dataTypes")?,
        })
    }
}

impl FromJson for WireConnectorDataTypes {
    fn read<V: JsonValue>(value: &V) -> Read<Self> {
        let v = object(value)?;
        Ok(Self {
            incidents: nested(v, "incidents")?,
            alerts: nested(v, "alerts")?,
        })
    }
}

impl FromJson for WireDataTypeState {
    fn read<V: JsonValue>(value: &V) -> Read<Self> {
        Ok(Self {
            state: text(object(value)?, "state")?,
        })
    }
}

impl FromJson for WireAlertRuleProperties {
    fn read<V: JsonValue>(value: &V) -> Read<Self> {
        let v = object(value)?;
        Ok(Self {
            display_name: text(v, "displayName")?,
            enabled: flag(v, "enabled")?,
            incident_configuration: nested(v, "incidentConfiguration")?,
        })
    }
}

impl FromJson for WireIncidentConfiguration {
    fn read<V: JsonValue>(value: &V) -> Read<Self> {
        Ok(Self {
            create_incident: flag(object(value)?, "createIncident")?,
        })
    }
}

impl FromJson for WireAutomationRule {
    fn read<V: JsonValue>(value: &V) -> Read<Self> {
        let v = object(value)?;
        Ok(Self {
            name: text(v, "name")?,
            properties: nested(v, "properties")?,
        })
    }
}

impl FromJson for WireAutomationRuleProperties {
    fn read<V: JsonValue>(value: &V) -> Read<Self> {
        let v = object(value)?;
        Ok(Self {
            display_name: text(v, "displayName")?,
            triggering_logic: nested(v, "triggeringLogic")?,
        })
    }
}

impl FromJson for WireTriggeringLogic {
    fn read<V: JsonValue>(value: &V) -> Read<Self> {
        let v = object(value)?;
        Ok(Self {
            is_enabled: flag(v, "isEnabled")?,
            conditions: optional(v, "conditions", |c| items(c, WireCondition::read))?,
        })
    }
}

impl FromJson for WireCondition {
    fn read<V: JsonValue>(value: &V) -> Read<Self> {
        let v = object(value)?;
        Ok(Self {
            condition_type: text(v, "conditionType")?,
            condition_properties: nested(v, "conditionProperties")?,
        })
    }
}

impl FromJson for WireConditionProperties {
    fn read<V: JsonValue>(value: &V) -> Read<Self> {
        Ok(Self {
            property_name: text(object(value)?, "propertyName")?,
        })
    }
}

impl FromJson for WireRoleAssignment {
    fn read<V: JsonValue>(value: &V) -> Read<Self> {
        Ok(Self {
            properties: nested(object(value)?, "properties")?,
        })
    }
}

impl FromJson for WireRoleAssignmentProperties {
    fn read<V: JsonValue>(value: &V) -> Read<Self> {
        let v = object(value)?;
        Ok(Self {
            role_definition_id: text(v, "roleDefinitionId")?,
            principal_id: text(v, "principalId")?,
            principal_type: text(v, "principalType")?,
            scope: text(v, "scope")?,
        })
    }
}

impl FromJson for WirePermission {
    fn read<V: JsonValue>(value: &V) -> Read<Self> {
        let v = object(value)?;
        Ok(Self {
            actions: texts(v, "actions")?,
            not_actions: texts(v, "notActions")?,
        })
    }
}

impl FromJson for WireTable {
    fn read<V: JsonValue>(value: &V) -> Read<Self> {
        let v = object(value)?;
        Ok(Self {
            name: text(v, "name")?,
            properties: nested(v, "properties")?,
        })
    }
}

impl FromJson for WireTableProperties {
    fn read<V: JsonValue>(value: &V) -> Read<Self> {
        let v = object(value)?;
        Ok(Self {
            retention_in_days: whole(v, "retentionInDays")?,
            total_retention_in_days: whole(v, "totalRetentionInDays")?,
            schema: nested(v, "schema")?,
        })
    }
}

impl FromJson for WireTableSchema {
    fn read<V: JsonValue>(value: &V) -> Read<Self> {
        Ok(Self {
            name: text(object(value)?, "name")?,
        })
    }
}
