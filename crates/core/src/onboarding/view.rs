//! The onboarding status as the chip, the popup and the report show it.
//!
//! Why every conclusion is a [`Finding`]: the architecture's rule is that nothing says "ready"
//! without evidence. Each value carries how sure we are and the observations it rests on, in
//! words, and "unknown" carries what would settle it. The same type is exported (JSON) and
//! imported again, so it is strict on the way in (`deny_unknown_fields`, checked by
//! `report::import`).

use serde::{Deserialize, Serialize};

/// How sure a conclusion is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Confidence {
    /// An indirect sign.
    Low,
    /// Several consistent signs from ARM.
    Medium,
    /// The portal or ARM states it directly.
    High,
}

/// The tenant's connection to the Defender portal.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Overall {
    /// A primary workspace is connected.
    Connected,
    /// No workspace is connected.
    NotConnected,
    /// The evidence does not tell.
    Unknown,
}

/// One workspace's connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Connection {
    /// The primary workspace.
    Primary,
    /// A secondary workspace.
    Secondary,
    /// Not connected.
    NotConnected,
    /// The evidence does not tell.
    Unknown,
}

/// Yes, no, or not known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tri {
    /// Yes.
    Yes,
    /// No.
    No,
    /// Not known.
    Unknown,
}

/// A conclusion with its confidence and evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Finding<T> {
    /// The conclusion.
    pub value: T,
    /// How sure (none when the value is unknown).
    pub confidence: Option<Confidence>,
    /// What it rests on, or for unknown values what would settle it; one sentence each.
    pub evidence: Vec<String>,
}

impl<T> Finding<T> {
    /// A conclusion.
    pub fn known(value: T, confidence: Confidence, evidence: Vec<String>) -> Self {
        Finding {
            value,
            confidence: Some(confidence),
            evidence,
        }
    }

    /// No conclusion (`value` is the type's unknown), with what would settle it.
    pub fn unknown(value: T, why: impl Into<String>) -> Self {
        Finding {
            value,
            confidence: None,
            evidence: vec![why.into()],
        }
    }
}

/// One workspace in the tenant view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WorkspaceView {
    /// Workspace name.
    pub name: String,
    /// Subscription GUID, when ARM was read.
    pub subscription: Option<String>,
    /// Resource group, when ARM was read.
    pub resource_group: Option<String>,
    /// Azure region, when ARM was read.
    pub location: Option<String>,
    /// Is Microsoft Sentinel enabled on it?
    pub sentinel: Finding<Tri>,
    /// Is the Defender XDR connector syncing incidents into it?
    pub xdr_connector: Finding<Tri>,
    /// Its connection to the Defender portal.
    pub connection: Finding<Connection>,
}

/// How a readiness check came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CheckState {
    /// Fine.
    Pass,
    /// Blocks onboarding or breaks something once connected.
    Fail,
    /// Changes behaviour once connected; worth a look.
    Warn,
    /// Not known (a call failed, no sign-in, or Azure Resource Manager cannot show the fact).
    Unknown,
}

/// One readiness check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CheckResult {
    /// Catalog id.
    pub id: String,
    /// Heading.
    pub title: String,
    /// Outcome.
    pub state: CheckState,
    /// What was found, in one sentence.
    pub detail: String,
    /// The rules, workspaces or tables concerned.
    pub items: Vec<String>,
    /// What to do (when not passing).
    pub fix: Option<String>,
    /// Microsoft's documentation.
    pub doc: String,
}

/// Where the ARM side stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    rename_all = "kebab-case",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum ArmStatus {
    /// No app registration configured: status from the portal pages only.
    NotConfigured,
    /// Configured, not signed in (or signed out).
    SignedOut,
    /// The sign-in expired.
    Expired,
    /// Reading now.
    Reading,
    /// Read.
    Read {
        /// When the reading ended (ms since the epoch).
        at_ms: i64,
        /// Every call answered with data (no failures).
        complete: bool,
    },
    /// Sign-in or reading stopped with this message.
    Failed {
        /// What went wrong, for the user.
        message: String,
    },
}

impl ArmStatus {
    /// The status in one sentence (the popup adds the reading's time to `Read`).
    pub fn sentence(&self) -> String {
        match self {
            ArmStatus::NotConfigured => "Azure Resource Manager is not read: add your app registration in Options to check the workspaces, rules and roles.".into(),
            ArmStatus::SignedOut => "Sign in to read the workspaces, rules and roles from Azure Resource Manager.".into(),
            ArmStatus::Expired => "The sign-in expired; sign in again to read Azure Resource Manager.".into(),
            ArmStatus::Reading => "Reading Azure Resource Manager…".into(),
            ArmStatus::Read { complete: true, .. } => "Read from Azure Resource Manager.".into(),
            ArmStatus::Read { complete: false, .. } => "Read from Azure Resource Manager; some calls failed (below).".into(),
            ArmStatus::Failed { message } => message.clone(),
        }
    }
}

/// The status chip's short form.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Chip {
    /// `connected`, `not-connected` or `unknown` (the mark's colour).
    pub state: Overall,
    /// The text.
    pub label: String,
    /// Its tooltip: confidence and the main evidence.
    pub title: String,
}

/// The tenant view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TenantView {
    /// `?tid=` of the pages, or `home` for the signed-in user's own tenant.
    pub tenant: String,
    /// The connection as a whole.
    pub overall: Finding<Overall>,
    /// The primary's name, when known.
    pub primary: Option<String>,
    /// Every workspace known.
    pub workspaces: Vec<WorkspaceView>,
    /// The readiness checklist.
    pub checks: Vec<CheckResult>,
    /// The ARM side.
    pub arm: ArmStatus,
    /// Calls that failed, in words (what was already known is kept).
    pub problems: Vec<String>,
    /// The chip.
    pub chip: Chip,
}
