//! The shape of `data/arm-tenants.json` (field meanings: the file's own `_fields`).
//!
//! Why strict: every struct denies unknown fields, so a typo in the data file fails the unit
//! test instead of silently dropping a rule or a fault.

use std::collections::BTreeMap;

use serde::Deserialize;

/// The whole data file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArmData {
    /// What the file is; must say that all names are invented.
    #[serde(rename = "_comment")]
    pub comment: String,
    /// Documentation of every field (for people).
    #[serde(rename = "_fields")]
    pub fields: BTreeMap<String, String>,
    /// Built-in roles, referred to by name.
    pub roles: Vec<Role>,
    /// The scenarios, in the order the sign-in page lists their accounts.
    pub scenarios: Vec<Scenario>,
}

/// An Azure role definition.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Role {
    /// Role name (`Microsoft Sentinel Contributor`).
    pub name: String,
    /// Role definition GUID.
    pub id: String,
    /// Allowed actions.
    pub actions: Vec<String>,
    /// Excluded actions.
    pub not_actions: Vec<String>,
    /// Allowed data actions.
    #[serde(default)]
    pub data_actions: Vec<String>,
    /// Excluded data actions.
    #[serde(default)]
    pub not_data_actions: Vec<String>,
}

/// One demo tenant and what ARM shows to its account.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Scenario {
    /// Scenario id (`contoso`, `err-429`).
    pub id: String,
    /// What ARM shows (for people).
    pub description: String,
    /// Tenant GUID.
    pub tenant_id: String,
    /// Tenant display name.
    pub tenant_name: String,
    /// `*.onmicrosoft.com` domain.
    pub tenant_domain: String,
    /// The tenant's demo account.
    pub account: Account,
    /// Subscriptions the account can see.
    pub subscriptions: Vec<Subscription>,
    /// Injected errors.
    #[serde(default)]
    pub faults: Vec<Fault>,
}

/// A demo account.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Account {
    /// Display name.
    pub display_name: String,
    /// User principal name.
    pub upn: String,
    /// Object id (`oid`).
    pub object_id: String,
}

/// An Azure subscription.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Subscription {
    /// Subscription GUID.
    pub id: String,
    /// Display name.
    pub display_name: String,
    /// Role assignments at the subscription scope.
    pub role_assignments: Vec<RoleAssignment>,
    /// Resource groups.
    pub resource_groups: Vec<ResourceGroup>,
}

/// Kind of principal a role is assigned to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum PrincipalType {
    /// A user account.
    User,
    /// A group.
    Group,
    /// A service principal (an app's identity in the tenant).
    ServicePrincipal,
}

impl PrincipalType {
    /// The value ARM prints.
    pub fn as_str(self) -> &'static str {
        match self {
            PrincipalType::User => "User",
            PrincipalType::Group => "Group",
            PrincipalType::ServicePrincipal => "ServicePrincipal",
        }
    }
}

/// One role assignment.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct RoleAssignment {
    /// A [`Role::name`].
    pub role: String,
    /// Principal kind.
    pub principal_type: PrincipalType,
    /// Principal object id.
    pub principal_id: String,
    /// Who that is (for people; ARM does not return it).
    pub principal_name: String,
}

/// A resource group.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ResourceGroup {
    /// Name.
    pub name: String,
    /// Log Analytics workspaces in it.
    pub workspaces: Vec<Workspace>,
}

/// `Enabled` / `Disabled`, as data connectors print a data type's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum State {
    /// On.
    Enabled,
    /// Off.
    Disabled,
}

impl State {
    /// The value ARM prints.
    pub fn as_str(self) -> &'static str {
        match self {
            State::Enabled => "Enabled",
            State::Disabled => "Disabled",
        }
    }
}

/// A Log Analytics workspace and its Microsoft Sentinel content.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Workspace {
    /// Name.
    pub name: String,
    /// ARM location name (`eastus`).
    pub location: String,
    /// Default retention in days.
    pub retention_in_days: u32,
    /// Whether Microsoft Sentinel is enabled (`onboardingStates/default` exists).
    pub sentinel_enabled: bool,
    /// The `MicrosoftThreatProtection` connector, when present.
    #[serde(default)]
    pub xdr_connector: Option<XdrConnector>,
    /// Other data connectors.
    #[serde(default)]
    pub other_connectors: Vec<Connector>,
    /// The built-in Fusion rule, when present.
    #[serde(default)]
    pub fusion: Option<Fusion>,
    /// `MicrosoftSecurityIncidentCreation` rules.
    #[serde(default)]
    pub incident_creation_rules: Vec<IncidentCreationRule>,
    /// Named Scheduled / NRT rules.
    #[serde(default)]
    pub rules: Vec<QueryRule>,
    /// How many ordinary Scheduled rules to generate after the named ones.
    #[serde(default)]
    pub generated_rules: u32,
    /// Automation rules.
    #[serde(default)]
    pub automation_rules: Vec<AutomationRule>,
    /// Tables and their retention.
    pub tables: Vec<Table>,
    /// Roles the signed-in account holds on the workspace.
    pub user_roles: Vec<String>,
    /// Incidents (those the demo's incident pages show, as ARM holds them).
    #[serde(default)]
    pub incidents: Vec<Incident>,
}

/// An incident as ARM holds it (`Microsoft.SecurityInsights/incidents`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Incident {
    /// Resource name (a GUID; the demo's incident pages use the same).
    pub name: String,
    /// Sentinel incident number.
    pub number: u32,
    /// Title.
    pub title: String,
    /// `Microsoft XDR` or `Azure Sentinel`.
    pub provider_name: String,
    /// The Defender incident id (Defender XDR incidents).
    #[serde(default)]
    pub provider_incident_id: Option<u32>,
    /// Number of alerts.
    pub alerts: u32,
    /// Whether an analytics rule raised it (false: created by hand or through the API).
    pub from_rule: bool,
    /// Minutes since its last change, counted back from the request's time.
    pub updated_minutes_ago: u32,
    /// An injected error for every read of this incident.
    #[serde(default)]
    pub fault: Option<IncidentFault>,
}

/// What a read of one incident answers instead.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct IncidentFault {
    /// What it does.
    pub effect: Effect,
    /// HTTP status (`effect: status`).
    #[serde(default)]
    pub status: Option<u16>,
    /// `Retry-After` seconds (status 429 only).
    #[serde(default)]
    pub retry_after: Option<u32>,
}

/// The Defender XDR connector's data types.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct XdrConnector {
    /// `dataTypes.incidents.state`.
    pub incidents: State,
    /// `dataTypes.alerts.state`.
    pub alerts: State,
}

/// Any other data connector.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Connector {
    /// Connector kind (`ThreatIntelligence`).
    pub kind: String,
    /// Data type name → state.
    pub data_types: BTreeMap<String, State>,
}

/// The Fusion rule.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Fusion {
    /// Whether it is enabled.
    pub enabled: bool,
}

/// A `MicrosoftSecurityIncidentCreation` rule.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct IncidentCreationRule {
    /// Display name.
    pub display_name: String,
    /// Product whose alerts it turns into incidents.
    pub product_filter: String,
    /// Whether it is enabled.
    pub enabled: bool,
}

/// Kind of a query rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum RuleKind {
    /// Scheduled query rule.
    Scheduled,
    /// Near-real-time rule.
    #[serde(rename = "NRT")]
    Nrt,
}

impl RuleKind {
    /// The `kind` ARM prints.
    pub fn as_str(self) -> &'static str {
        match self {
            RuleKind::Scheduled => "Scheduled",
            RuleKind::Nrt => "NRT",
        }
    }
}

/// A Scheduled or NRT rule.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct QueryRule {
    /// Scheduled or NRT.
    pub kind: RuleKind,
    /// Display name.
    pub display_name: String,
    /// `Informational`, `Low`, `Medium` or `High`.
    pub severity: String,
    /// Whether it is enabled.
    pub enabled: bool,
    /// `incidentConfiguration.createIncident`.
    pub create_incident: bool,
}

/// An automation rule.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct AutomationRule {
    /// Display name.
    pub display_name: String,
    /// Run order.
    pub order: u32,
    /// `triggeringLogic.isEnabled`.
    pub enabled: bool,
    /// Property conditions.
    pub conditions: Vec<Condition>,
    /// Title of its one `AddIncidentTask` action.
    pub task_title: String,
}

/// A `Property` condition of an automation rule.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Condition {
    /// `conditionProperties.propertyName` (`IncidentTitle`).
    pub property_name: String,
    /// `conditionProperties.operator` (`Contains`).
    pub operator: String,
    /// `conditionProperties.propertyValues`.
    pub values: Vec<String>,
}

/// A table's retention.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Table {
    /// Table name.
    pub name: String,
    /// Interactive retention in days.
    pub retention_in_days: u32,
    /// Total retention (interactive plus long-term) in days.
    pub total_retention_in_days: u32,
}

/// Which ARM call a fault applies to (the contract's steps).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Step {
    /// `GET /subscriptions`.
    Subscriptions,
    /// `GET /subscriptions/{sub}/providers/Microsoft.OperationalInsights/workspaces`.
    Workspaces,
    /// `GET {ws}/providers/Microsoft.SecurityInsights/onboardingStates/default`.
    OnboardingState,
    /// `GET {ws}/providers/Microsoft.SecurityInsights/dataConnectors`.
    DataConnectors,
    /// `GET {ws}/providers/Microsoft.SecurityInsights/alertRules`.
    AlertRules,
    /// `GET {ws}/providers/Microsoft.SecurityInsights/automationRules`.
    AutomationRules,
    /// `GET /subscriptions/{sub}/providers/Microsoft.Authorization/roleAssignments`.
    RoleAssignments,
    /// `GET {ws}/providers/Microsoft.Authorization/permissions`.
    Permissions,
    /// `GET {ws}/tables`.
    Tables,
    /// `GET {ws}/providers/Microsoft.SecurityInsights/incidents/{name}`.
    Incidents,
    /// Every ARM call.
    All,
}

/// What a fault does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Effect {
    /// Answer ARM's error for `status`.
    Status,
    /// Answer 200 with the JSON body cut in half.
    Truncate,
    /// Answer normally after `seconds`.
    Delay,
}

/// An injected error.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Fault {
    /// The call it applies to.
    pub step: Step,
    /// What it does.
    pub effect: Effect,
    /// HTTP status (`effect: status`).
    #[serde(default)]
    pub status: Option<u16>,
    /// `Retry-After` seconds (status 429 only).
    #[serde(default)]
    pub retry_after: Option<u32>,
    /// Delay in seconds (`effect: delay`).
    #[serde(default)]
    pub seconds: Option<u64>,
    /// Only the first `times` calls of the step per token (absent: every call).
    #[serde(default)]
    pub times: Option<u32>,
}
