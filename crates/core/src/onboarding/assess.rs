//! From what the portal showed and what ARM returned to the tenant view.
//!
//! The rules, strongest evidence first (facts.md §4.5, §4.7; portal-dom.md §1.6, §1.7):
//! - The Defender portal's SIEM workspaces table listing a workspace as Primary or Secondary
//!   with status Connected is the portal's own statement: high confidence.
//! - The Home banner "ready" / "Get your SIEM and XDR in one place" states the tenant's
//!   connection: high confidence for the tenant, nothing about which workspace.
//! - `onboardingStates/default` 404 means Sentinel is off, so the workspace cannot be connected:
//!   high confidence.
//! - ARM has no "connected" flag. The Defender XDR connector syncing incidents, in a subscription
//!   where Microsoft Sentinel Contributor is held by service principals (onboarding assigns it to
//!   the Microsoft Threat Protection and WindowsDefenderATP apps), marks the primary: medium
//!   confidence. The connector alone is not enough (it existed before the Defender portal).
//! - No connector and no such assignment anywhere, with every call answered: not connected,
//!   medium confidence.
//! - A Sentinel workspace without the connector in a connected tenant is a secondary or not
//!   connected; only the SIEM workspaces table tells which.
//! - The Microsoft Sentinel section in the Defender navigation: connected, low confidence.
//!
//! When the page and ARM disagree, the page wins (it is the portal's own statement) and the
//! evidence lists both.

use super::arm_facts::{ArmFacts, ArmWorkspace, Known};
use super::checks;
use super::page::{Banner, PageEvidence, SeenWorkspace};
use super::view::{
    ArmStatus, Chip, Confidence, Connection, Finding, Overall, TenantView, Tri, WorkspaceView,
};

/// Everything the assessment takes.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    /// `?tid=` or `home`.
    pub tenant: &'a str,
    /// What the portal showed.
    pub page: &'a PageEvidence,
    /// What ARM returned, if anything was read.
    pub arm: Option<&'a ArmFacts>,
    /// Where the ARM side stands.
    pub arm_status: &'a ArmStatus,
}

/// The tenant view.
pub fn tenant_view(inputs: Inputs<'_>) -> TenantView {
    let Inputs {
        tenant,
        page,
        arm,
        arm_status,
    } = inputs;
    let seen = page
        .workspaces
        .as_ref()
        .map(|s| s.value.as_slice())
        .unwrap_or_default();
    let tenant_signed = arm.map(tenant_has_onboarding_apps).unwrap_or(Tri::Unknown);
    let mut workspaces: Vec<WorkspaceView> = Vec::new();
    if let Some(arm) = arm {
        for w in &arm.workspaces {
            let row = seen
                .iter()
                .find(|s| s.name.eq_ignore_ascii_case(&w.workspace.name));
            workspaces.push(workspace_from_arm(w, row, arm, tenant_signed));
        }
    }
    for row in seen {
        if !workspaces
            .iter()
            .any(|w| w.name.eq_ignore_ascii_case(&row.name))
        {
            workspaces.push(workspace_from_page(row));
        }
    }
    let overall = overall(page, arm, &workspaces);
    let primary = workspaces
        .iter()
        .find(|w| w.connection.value == Connection::Primary)
        .map(|w| w.name.clone());
    let checks = checks::evaluate(&overall, &workspaces, arm);
    let problems = arm.map(ArmFacts::failures).unwrap_or_default();
    let chip = chip(&overall, primary.as_deref(), workspaces.len());
    TenantView {
        tenant: tenant.to_string(),
        overall,
        primary,
        workspaces,
        checks,
        arm: arm_status.clone(),
        problems,
        chip,
    }
}

/// Do service principals hold Microsoft Sentinel Contributor in some subscription?
fn tenant_has_onboarding_apps(arm: &ArmFacts) -> Tri {
    let counts: Vec<&Known<u32>> = arm
        .subscriptions
        .iter()
        .map(|s| &s.sentinel_contributor_apps)
        .collect();
    if counts.iter().any(|k| k.got().is_some_and(|n| *n > 0)) {
        Tri::Yes
    } else if !counts.is_empty() && counts.iter().all(|k| k.got().is_some()) {
        Tri::No
    } else {
        Tri::Unknown
    }
}

fn subscription_has_apps(arm: &ArmFacts, subscription: &str) -> Tri {
    match arm
        .subscriptions
        .iter()
        .find(|s| s.id.eq_ignore_ascii_case(subscription))
        .map(|s| &s.sentinel_contributor_apps)
    {
        Some(Known::Got(n)) if *n > 0 => Tri::Yes,
        Some(Known::Got(_)) => Tri::No,
        _ => Tri::Unknown,
    }
}

fn table_words(row: &SeenWorkspace) -> String {
    format!(
        "The Defender portal's SIEM workspaces table lists it as {} ({}).",
        if row.kind.is_empty() {
            "a workspace"
        } else {
            &row.kind
        },
        if row.status.is_empty() {
            "no status shown"
        } else {
            &row.status
        }
    )
}

fn connection_from_row(row: &SeenWorkspace) -> Option<Finding<Connection>> {
    let words = vec![table_words(row)];
    if !row.is_connected() {
        return Some(Finding::known(
            Connection::NotConnected,
            Confidence::High,
            words,
        ));
    }
    if row.is_primary() {
        Some(Finding::known(Connection::Primary, Confidence::High, words))
    } else if row.is_secondary() {
        Some(Finding::known(
            Connection::Secondary,
            Confidence::High,
            words,
        ))
    } else {
        None
    }
}

fn workspace_from_page(row: &SeenWorkspace) -> WorkspaceView {
    let connection = connection_from_row(row)
        .unwrap_or_else(|| Finding::unknown(Connection::Unknown, table_words(row)));
    let sentinel = if row.is_connected() {
        Finding::known(
            Tri::Yes,
            Confidence::High,
            vec!["Only Sentinel workspaces can be connected.".into()],
        )
    } else {
        Finding::unknown(Tri::Unknown, "Sign in to read it from Azure.")
    };
    WorkspaceView {
        name: row.name.clone(),
        subscription: None,
        resource_group: None,
        location: None,
        sentinel,
        xdr_connector: Finding::unknown(
            Tri::Unknown,
            "Sign in to read the workspace's data connectors.",
        ),
        connection,
    }
}

fn workspace_from_arm(
    w: &ArmWorkspace,
    row: Option<&SeenWorkspace>,
    arm: &ArmFacts,
    tenant_apps: Tri,
) -> WorkspaceView {
    let sentinel = match &w.sentinel {
        Known::Got(true) => Finding::known(Tri::Yes, Confidence::High, vec!["onboardingStates/default exists (Azure Resource Manager).".into()]),
        Known::Got(false) => Finding::known(Tri::No, Confidence::High, vec!["onboardingStates/default is not found: Microsoft Sentinel is not enabled (Azure Resource Manager).".into()]),
        Known::Failed(e) => Finding::unknown(Tri::Unknown, format!("Sentinel's state could not be read: {e}")),
        Known::Pending | Known::Skipped(_) => Finding::unknown(Tri::Unknown, "Not read yet."),
    };
    let xdr_connector = match &w.connector {
        Known::Got(Some(c)) if c.incidents => Finding::known(Tri::Yes, Confidence::High, vec![format!(
            "The Defender XDR connector syncs incidents{} (Azure Resource Manager).",
            if c.alerts { " and alerts" } else { ", not alerts" }
        )]),
        Known::Got(Some(_)) => Finding::known(Tri::No, Confidence::High, vec!["The Defender XDR connector exists, but its incidents are off.".into()]),
        Known::Got(None) => Finding::known(Tri::No, Confidence::High, vec!["No Defender XDR connector (kind MicrosoftThreatProtection) among its data connectors.".into()]),
        Known::Failed(e) => Finding::unknown(Tri::Unknown, format!("The data connectors could not be read: {e}")),
        Known::Skipped(why) => Finding::unknown(Tri::Unknown, format!("The data connectors were not read: {why}.")),
        Known::Pending => Finding::unknown(Tri::Unknown, "Not read yet."),
    };
    let from_arm = arm_connection(
        &sentinel,
        &xdr_connector,
        subscription_has_apps(arm, &w.workspace.subscription),
        tenant_apps,
    );
    let connection = match row.and_then(connection_from_row) {
        Some(mut page) => {
            if from_arm.value != page.value && from_arm.value != Connection::Unknown {
                page.evidence.push(format!(
                    "Azure Resource Manager alone suggests otherwise ({}); the portal's own table wins.",
                    from_arm.evidence.join(" ")
                ));
            }
            page
        }
        None => from_arm,
    };
    WorkspaceView {
        name: w.workspace.name.clone(),
        subscription: Some(w.workspace.subscription.clone()),
        resource_group: Some(w.workspace.resource_group.clone()),
        location: w.location.clone(),
        sentinel,
        xdr_connector,
        connection,
    }
}

fn arm_connection(
    sentinel: &Finding<Tri>,
    connector: &Finding<Tri>,
    subscription_apps: Tri,
    tenant_apps: Tri,
) -> Finding<Connection> {
    if sentinel.value == Tri::No {
        return Finding::known(Connection::NotConnected, Confidence::High, vec!["Microsoft Sentinel is not enabled on it, and only Sentinel workspaces can be connected.".into()]);
    }
    match (connector.value, subscription_apps, tenant_apps) {
        (Tri::Yes, Tri::Yes, _) => Finding::known(Connection::Primary, Confidence::Medium, vec![
            "The Defender XDR connector syncs its incidents; the Defender portal sets it up on the primary workspace.".into(),
            "Service principals hold Microsoft Sentinel Contributor in its subscription, as connecting assigns.".into(),
        ]),
        (Tri::Yes, Tri::No, _) => Finding::unknown(Connection::Unknown, "The Defender XDR connector syncs its incidents, but no service principal holds Microsoft Sentinel Contributor in its subscription: the connector may predate the Defender portal. Open System › Settings › Microsoft Sentinel in the Defender portal to be sure."),
        (Tri::No, _, Tri::No) => Finding::known(Connection::NotConnected, Confidence::Medium, vec![
            "No Defender XDR connector, and no service principal holds Microsoft Sentinel Contributor in any subscription read.".into(),
        ]),
        (Tri::No, _, Tri::Yes) => Finding::unknown(Connection::Unknown, "Secondary or not connected: Azure Resource Manager does not tell secondaries apart. Open System › Settings › Microsoft Sentinel › SIEM workspaces in the Defender portal."),
        _ => Finding::unknown(Connection::Unknown, "Not enough was read to tell; sign in, or open System › Settings › Microsoft Sentinel in the Defender portal."),
    }
}

fn overall(
    page: &PageEvidence,
    arm: Option<&ArmFacts>,
    workspaces: &[WorkspaceView],
) -> Finding<Overall> {
    let primary = workspaces
        .iter()
        .find(|w| w.connection.value == Connection::Primary);
    if let Some(p) = primary.filter(|p| p.connection.confidence == Some(Confidence::High)) {
        return Finding::known(
            Overall::Connected,
            Confidence::High,
            vec![format!(
                "{} is the primary workspace. {}",
                p.name,
                p.connection.evidence.join(" ")
            )],
        );
    }
    if let Some(b) = &page.banner {
        return match b.value {
            Banner::Ready => Finding::known(Overall::Connected, Confidence::High, vec!["The Defender portal's Home says \"Your unified SIEM and XDR is ready\".".into()]),
            Banner::Connect => Finding::known(Overall::NotConnected, Confidence::High, vec!["The Defender portal's Home offers \"Get your SIEM and XDR in one place\" with Connect a workspace.".into()]),
        };
    }
    if let Some(p) = primary {
        return Finding::known(
            Overall::Connected,
            p.connection.confidence.unwrap_or(Confidence::Medium),
            vec![format!(
                "{} looks like the primary workspace: {}",
                p.name,
                p.connection.evidence.join(" ")
            )],
        );
    }
    if let Some(arm) = arm {
        let sentinel_known = arm.workspaces.iter().all(|w| w.sentinel.got().is_some());
        if arm.subscriptions_read.got().is_some()
            && sentinel_known
            && !arm
                .workspaces
                .iter()
                .any(|w| w.sentinel.got() == Some(&true))
        {
            let all_subs_read = arm
                .subscriptions
                .iter()
                .all(|s| s.workspaces.got().is_some());
            if all_subs_read {
                return Finding::known(
                    Overall::NotConnected,
                    Confidence::High,
                    vec!["No workspace you can see has Microsoft Sentinel enabled.".into()],
                );
            }
        }
        let sentinel_ws: Vec<&WorkspaceView> = workspaces
            .iter()
            .filter(|w| w.sentinel.value == Tri::Yes)
            .collect();
        if !sentinel_ws.is_empty()
            && sentinel_ws
                .iter()
                .all(|w| w.connection.value == Connection::NotConnected)
        {
            return Finding::known(Overall::NotConnected, Confidence::Medium, vec!["No Sentinel workspace shows the signs of a connected primary (Defender XDR connector and Microsoft Sentinel Contributor held by service principals).".into()]);
        }
    }
    if page.sentinel_nav.is_some() {
        return Finding::known(
            Overall::Connected,
            Confidence::Low,
            vec!["The Defender portal's navigation has a Microsoft Sentinel section.".into()],
        );
    }
    Finding::unknown(Overall::Unknown, "Open the Defender portal's Home or System › Settings › Microsoft Sentinel, or sign in (Options) to read it from Azure.")
}

fn chip(overall: &Finding<Overall>, primary: Option<&str>, workspaces: usize) -> Chip {
    let confidence = match overall.confidence {
        Some(Confidence::High) => "high confidence",
        Some(Confidence::Medium) => "medium confidence",
        Some(Confidence::Low) => "low confidence",
        None => "no evidence yet",
    };
    let label = match (overall.value, primary) {
        (Overall::Connected, Some(p)) => format!("Sentinel connected · primary {p}"),
        (Overall::Connected, None) => "Sentinel connected".to_string(),
        (Overall::NotConnected, _) => "Sentinel not connected".to_string(),
        (Overall::Unknown, _) => "Sentinel connection unknown".to_string(),
    };
    let count = match workspaces {
        0 => String::new(),
        1 => " 1 workspace known.".to_string(),
        n => format!(" {n} workspaces known."),
    };
    Chip {
        state: overall.value,
        label,
        title: format!(
            "{} ({confidence}).{count}",
            overall.evidence.first().map(String::as_str).unwrap_or("")
        ),
    }
}
