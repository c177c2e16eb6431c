//! The ARM calls of the onboarding status: which URL each step fetches, with which api-version.
//!
//! Why here and nowhere else: the call plan is part of the contract with ARM (and with the demo
//! portal that impersonates it, `docs/onboarding-arm.md`), so the paths and api-versions live in
//! one table that the collector, its tests and the docs agree on. A workspace is named by a
//! checked [`WorkspaceRef`]: its parts come from ARM responses and go back into URLs, so each must
//! be a plain resource name, never a path or query fragment. The type is the route's
//! `WorkspaceRef` (the same workspace, named by a URL there); reading it from an ARM id is here.

use crate::ids::is_tenant_guid;
use crate::route::workspace_from_resource_id;
pub use crate::route::WorkspaceRef;
use serde::{Deserialize, Serialize};

/// The ARM host (public cloud).
pub const ARM_BASE: &str = "https://management.azure.com";

/// api-version of `GET /subscriptions`.
pub const SUBSCRIPTIONS_API: &str = "2022-12-01";
/// api-version of the workspace list.
pub const WORKSPACES_API: &str = "2025-02-01";
/// api-version of `onboardingStates`, alert rules and automation rules (stable).
pub const SECURITY_INSIGHTS_API: &str = "2024-09-01";
/// api-version of the data connector list: the `MicrosoftThreatProtection` kind exists only in
/// preview versions (<https://learn.microsoft.com/en-us/rest/api/securityinsights/data-connectors>).
pub const CONNECTORS_API: &str = "2025-07-01-preview";
/// api-version of role assignments and permissions.
pub const AUTHORIZATION_API: &str = "2022-04-01";
/// api-version of the table list.
pub const TABLES_API: &str = "2025-02-01";

impl WorkspaceRef {
    /// Reads `/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.OperationalInsights/workspaces/{n}`
    /// (segment names in any case, as ARM returns them). `None` for anything else.
    pub fn from_id(id: &str) -> Option<Self> {
        let w = workspace_from_resource_id(id)?;
        // Exactly the workspace itself (no child resource), and the Log Analytics form only.
        let whole = id.starts_with('/') && id.trim_end_matches('/').split('/').count() == 9;
        let log_analytics = id
            .to_ascii_lowercase()
            .contains("/providers/microsoft.operationalinsights/workspaces/");
        let plain = is_tenant_guid(&w.subscription)
            && is_resource_name(&w.resource_group)
            && is_resource_name(&w.name);
        (whole && log_analytics && plain).then(|| WorkspaceRef {
            subscription: w.subscription.to_ascii_lowercase(),
            ..w
        })
    }

    /// The workspace's resource path (no host).
    pub fn path(&self) -> String {
        format!(
            "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.OperationalInsights/workspaces/{}",
            self.subscription, self.resource_group, self.name
        )
    }

    /// Same workspace? (ARM compares names case-insensitively.)
    pub fn same(&self, other: &WorkspaceRef) -> bool {
        self.subscription.eq_ignore_ascii_case(&other.subscription)
            && self
                .resource_group
                .eq_ignore_ascii_case(&other.resource_group)
            && self.name.eq_ignore_ascii_case(&other.name)
    }
}

/// A resource group or workspace name: 1–90 of letters, digits, `-`, `_`, `.`, `(`, `)`, not
/// ending in `.` (Azure's naming rules for resource groups, which are the wider of the two).
fn is_resource_name(text: &str) -> bool {
    (1..=90).contains(&text.len())
        && !text.ends_with('.')
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'(' | b')'))
}

/// What one ARM call asks for.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Call {
    /// The subscriptions the user can see.
    Subscriptions,
    /// The workspaces of a subscription.
    Workspaces {
        /// Subscription GUID.
        subscription: String,
    },
    /// Role assignments in a subscription.
    RoleAssignments {
        /// Subscription GUID.
        subscription: String,
    },
    /// Is Sentinel enabled on the workspace?
    SentinelState {
        /// The workspace.
        workspace: WorkspaceRef,
    },
    /// The workspace's data connectors.
    DataConnectors {
        /// The workspace.
        workspace: WorkspaceRef,
    },
    /// The workspace's analytics rules.
    AlertRules {
        /// The workspace.
        workspace: WorkspaceRef,
    },
    /// The workspace's automation rules.
    AutomationRules {
        /// The workspace.
        workspace: WorkspaceRef,
    },
    /// The signed-in user's permissions on the workspace.
    Permissions {
        /// The workspace.
        workspace: WorkspaceRef,
    },
    /// The workspace's tables and their retention.
    Tables {
        /// The workspace.
        workspace: WorkspaceRef,
    },
}

impl Call {
    /// The first page's URL.
    pub fn url(&self) -> String {
        let (path, api) = match self {
            Call::Subscriptions => ("/subscriptions".to_string(), SUBSCRIPTIONS_API),
            Call::Workspaces { subscription } => (
                format!(
                    "/subscriptions/{subscription}/providers/Microsoft.OperationalInsights/workspaces"
                ),
                WORKSPACES_API,
            ),
            Call::RoleAssignments { subscription } => (
                format!(
                    "/subscriptions/{subscription}/providers/Microsoft.Authorization/roleAssignments"
                ),
                AUTHORIZATION_API,
            ),
            Call::SentinelState { workspace } => (
                format!(
                    "{}/providers/Microsoft.SecurityInsights/onboardingStates/default",
                    workspace.path()
                ),
                SECURITY_INSIGHTS_API,
            ),
            Call::DataConnectors { workspace } => (
                format!(
                    "{}/providers/Microsoft.SecurityInsights/dataConnectors",
                    workspace.path()
                ),
                CONNECTORS_API,
            ),
            Call::AlertRules { workspace } => (
                format!(
                    "{}/providers/Microsoft.SecurityInsights/alertRules",
                    workspace.path()
                ),
                SECURITY_INSIGHTS_API,
            ),
            Call::AutomationRules { workspace } => (
                format!(
                    "{}/providers/Microsoft.SecurityInsights/automationRules",
                    workspace.path()
                ),
                SECURITY_INSIGHTS_API,
            ),
            Call::Permissions { workspace } => (
                format!(
                    "{}/providers/Microsoft.Authorization/permissions",
                    workspace.path()
                ),
                AUTHORIZATION_API,
            ),
            Call::Tables { workspace } => {
                (format!("{}/tables", workspace.path()), TABLES_API)
            }
        };
        format!("{ARM_BASE}{path}?api-version={api}")
    }

    /// The workspace this call is about, if any.
    pub fn workspace(&self) -> Option<&WorkspaceRef> {
        match self {
            Call::SentinelState { workspace }
            | Call::DataConnectors { workspace }
            | Call::AlertRules { workspace }
            | Call::AutomationRules { workspace }
            | Call::Permissions { workspace }
            | Call::Tables { workspace } => Some(workspace),
            _ => None,
        }
    }

    /// What the call reads, in words, for error lines ("analytics rules of contoso-sentinel").
    pub fn describe(&self) -> String {
        let what = match self {
            Call::Subscriptions => return "the subscription list".to_string(),
            Call::Workspaces { subscription } => {
                return format!("the workspaces of subscription {subscription}")
            }
            Call::RoleAssignments { subscription } => {
                return format!("the role assignments of subscription {subscription}")
            }
            Call::SentinelState { .. } => "Sentinel's state",
            Call::DataConnectors { .. } => "the data connectors",
            Call::AlertRules { .. } => "the analytics rules",
            Call::AutomationRules { .. } => "the automation rules",
            Call::Permissions { .. } => "your permissions",
            Call::Tables { .. } => "the tables",
        };
        let ws = self
            .workspace()
            .map(|w| w.name.as_str())
            .unwrap_or_default();
        format!("{what} of {ws}")
    }
}
