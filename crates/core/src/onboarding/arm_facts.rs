//! What the ARM calls found, per subscription and workspace, before any conclusion is drawn.
//!
//! Why kept apart from the conclusions (`assess`): each call can succeed, fail or not have run
//! yet, independently. Keeping the raw finding per call ([`Known`]) means a later failure never
//! erases what an earlier call established ("bad input loses nothing"), and the assessment can
//! say exactly which call it lacks when it cannot conclude. Only what the checks need is kept:
//! names of the rules that matter, not whole rule bodies.

use super::calls::{Call, WorkspaceRef};
use crate::arm::ArmError;
use serde::{Deserialize, Serialize};

/// The result of one call (all its pages). Stored externally tagged (`"pending"`,
/// `{"got": …}`): an adjacent tag made every instantiation buffer its input, 17.7 KB gzipped of
/// wasm for the worker's decoding of stored facts (issue 7).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Known<T> {
    /// Not asked (yet).
    #[default]
    Pending,
    /// Read in full.
    Got(T),
    /// The call failed; what it would have told is unknown.
    Failed(ArmError),
    /// Not made, because an earlier answer made it pointless or impossible (the reason).
    Skipped(String),
}

impl<T> Known<T> {
    /// The value, when read.
    pub fn got(&self) -> Option<&T> {
        match self {
            Known::Got(v) => Some(v),
            _ => None,
        }
    }

    /// Answered one way or another (read, failed or skipped)?
    pub fn answered(&self) -> bool {
        !matches!(self, Known::Pending)
    }

    /// The failure, when the call failed.
    pub fn failed(&self) -> Option<&ArmError> {
        match self {
            Known::Failed(e) => Some(e),
            _ => None,
        }
    }
}

/// The Defender XDR data connector (`kind: MicrosoftThreatProtection`) of a workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct XdrConnector {
    /// `dataTypes.incidents.state == "Enabled"`.
    pub incidents: bool,
    /// `dataTypes.alerts.state == "Enabled"`.
    pub alerts: bool,
}

/// The analytics rules that matter for onboarding, by display name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RuleFacts {
    /// How many rules the workspace has.
    pub total: u32,
    /// Enabled `Fusion` rules (onboarding turns Fusion off; facts.md §2.1).
    pub fusion_enabled: Vec<String>,
    /// Enabled `MicrosoftSecurityIncidentCreation` rules (deactivated on onboarding; §2.2).
    pub incident_creation_enabled: Vec<String>,
    /// Enabled Scheduled / NRT rules with incident creation off: their alerts are not visible in
    /// the Defender portal (§2.1).
    pub alert_only: Vec<String>,
}

/// An automation rule with a condition that onboarding breaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AutomationFinding {
    /// The rule's display name.
    pub rule: String,
    /// The incident property its condition tests (`IncidentTitle`, `IncidentProviderName`).
    pub property: String,
}

/// A Defender XDR table ingested into the workspace, with its retention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct XdrTable {
    /// Table name.
    pub name: String,
    /// Total retention in days (interactive plus long-term), when ARM said.
    pub total_retention_days: Option<u32>,
}

/// The user's permissions at the workspace (union of the entries ARM returned).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PermissionFacts {
    /// Allowed operations, with wildcards.
    pub actions: Vec<String>,
    /// Operations taken out.
    pub not_actions: Vec<String>,
}

/// What was read about one workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ArmWorkspace {
    /// Which workspace.
    pub workspace: WorkspaceRef,
    /// Azure region.
    pub location: Option<String>,
    /// `onboardingStates/default`: 200 → true, 404 → false.
    pub sentinel: Known<bool>,
    /// The XDR connector; `Got(None)` when the list has none.
    pub connector: Known<Option<XdrConnector>>,
    /// Analytics rules.
    pub rules: Known<RuleFacts>,
    /// Automation rules with conditions onboarding breaks.
    pub automation: Known<Vec<AutomationFinding>>,
    /// The user's permissions here.
    pub permissions: Known<PermissionFacts>,
    /// Defender XDR tables in the workspace.
    pub tables: Known<Vec<XdrTable>>,
}

impl ArmWorkspace {
    /// A workspace nothing has been read about yet.
    pub fn new(workspace: WorkspaceRef, location: Option<String>) -> Self {
        ArmWorkspace {
            workspace,
            location,
            sentinel: Known::Pending,
            connector: Known::Pending,
            rules: Known::Pending,
            automation: Known::Pending,
            permissions: Known::Pending,
            tables: Known::Pending,
        }
    }
}

/// What was read about one subscription.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ArmSubscription {
    /// Subscription GUID.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Whether its workspace list was read.
    pub workspaces: Known<u32>,
    /// How many service principals hold Microsoft Sentinel Contributor here (onboarding assigns
    /// it to the Microsoft Threat Protection and WindowsDefenderATP apps; facts.md §4.7).
    pub sentinel_contributor_apps: Known<u32>,
}

/// Builds the call that reads a workspace (to word its failure).
type CallOn = fn(WorkspaceRef) -> Call;

/// Everything the ARM calls found for a tenant.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ArmFacts {
    /// The subscription list itself.
    pub subscriptions_read: Known<u32>,
    /// Per subscription.
    pub subscriptions: Vec<ArmSubscription>,
    /// Per workspace.
    pub workspaces: Vec<ArmWorkspace>,
    /// Workspaces left out because the tenant has more than the collector reads.
    pub workspaces_left_out: u32,
}

impl ArmFacts {
    /// Is every call answered (read or failed)?
    pub fn complete(&self) -> bool {
        let subs = self
            .subscriptions
            .iter()
            .all(|s| s.workspaces.answered() && s.sentinel_contributor_apps.answered());
        let wss = self.workspaces.iter().all(|w| {
            w.sentinel.answered()
                && w.connector.answered()
                && w.rules.answered()
                && w.automation.answered()
                && w.permissions.answered()
                && w.tables.answered()
        });
        self.subscriptions_read.answered() && subs && wss
    }

    /// Every failed call, in words, for the problem list.
    pub fn failures(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Known::Failed(e) = &self.subscriptions_read {
            out.push(format!("The subscription list: {e}"));
        }
        for s in &self.subscriptions {
            if let Known::Failed(e) = &s.workspaces {
                out.push(format!("The workspaces of {}: {e}", s.name));
            }
            if let Known::Failed(e) = &s.sentinel_contributor_apps {
                out.push(format!("The role assignments of {}: {e}", s.name));
            }
        }
        for w in &self.workspaces {
            let calls: [(CallOn, Option<&ArmError>); 6] = [
                (
                    |workspace| Call::SentinelState { workspace },
                    w.sentinel.failed(),
                ),
                (
                    |workspace| Call::DataConnectors { workspace },
                    w.connector.failed(),
                ),
                (|workspace| Call::AlertRules { workspace }, w.rules.failed()),
                (
                    |workspace| Call::AutomationRules { workspace },
                    w.automation.failed(),
                ),
                (
                    |workspace| Call::Permissions { workspace },
                    w.permissions.failed(),
                ),
                (|workspace| Call::Tables { workspace }, w.tables.failed()),
            ];
            for (call, e) in calls {
                if let Some(e) = e {
                    out.push(format!("{}: {e}", call(w.workspace.clone()).describe()));
                }
            }
        }
        out
    }
}
