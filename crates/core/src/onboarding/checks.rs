//! The readiness checklist: each check's outcome from the tenant's workspaces and ARM facts.
//!
//! Why each check is computed here while its words live in `catalog/onboarding.json`: the
//! outcome is logic (tested natively), the title, fix and documentation link are knowledge that
//! follows Microsoft's docs. A check that needs ARM and has no ARM facts is `Unknown` with "sign
//! in", never a pass: nothing says "ready" without evidence. A check whose decisive fact ARM
//! cannot show (a role assignment's condition, an Entra role, what an integration reads) never
//! passes either: it says what was seen and what is left to confirm.

use super::arm_facts::{ArmFacts, ArmWorkspace, Known};
use super::permissions;
use super::spec::{self, CONNECT_ACTIONS, HUNTING_DAYS, VIEW_ACTIONS};
use super::view::{CheckResult, CheckState, Connection, Finding, Overall, Tri, WorkspaceView};

const SIGN_IN: &str = "Sign in (Options › Onboarding status) to read this from Azure.";

/// Every check, in catalog order.
pub fn evaluate(
    overall: &Finding<Overall>,
    workspaces: &[WorkspaceView],
    arm: Option<&ArmFacts>,
) -> Vec<CheckResult> {
    spec::CHECKS
        .iter()
        .map(|def| {
            let (state, detail, items) = match def.id {
                "sentinel-enabled" => sentinel_enabled(workspaces, arm),
                "primary-connected" => primary_connected(overall, workspaces),
                "xdr-connector" => xdr_connector(workspaces),
                "onboarding-roles" => onboarding_roles(arm),
                "fusion-rule" => rules(arm, overall, RuleKind::Fusion),
                "incident-creation-rules" => rules(arm, overall, RuleKind::IncidentCreation),
                "alert-only-rules" => rules(arm, overall, RuleKind::AlertOnly),
                "automation-conditions" => automation(arm),
                "incident-api-fields" => incident_api(arm),
                _ => table_retention(arm),
            };
            CheckResult {
                id: def.id.to_string(),
                title: def.title.to_string(),
                state,
                detail,
                items,
                fix: (state != CheckState::Pass).then(|| def.fix.to_string()),
                doc: def.doc.to_string(),
            }
        })
        .collect()
}

type Outcome = (CheckState, String, Vec<String>);

fn unknown(why: impl Into<String>) -> Outcome {
    (CheckState::Unknown, why.into(), Vec::new())
}

/// The Sentinel workspaces ARM read, with their facts.
fn sentinel_workspaces(arm: &ArmFacts) -> impl Iterator<Item = &ArmWorkspace> {
    arm.workspaces
        .iter()
        .filter(|w| w.sentinel.got() == Some(&true))
}

/// What one field of the Sentinel workspaces told.
struct Gathered {
    /// The lines made of each read value.
    items: Vec<String>,
    /// The read failed for some workspace.
    failed: bool,
    /// How many workspaces' values were read: with none, no check may pass (a pass needs
    /// evidence, not the absence of it).
    read: usize,
}

impl Gathered {
    /// The outcome when nothing was found: unknown (`failed_why`) when a read failed, unknown
    /// (`unread_why`) when no read was made, else a pass with `detail`.
    fn nothing_found(self, failed_why: &str, unread_why: &str, detail: String) -> Outcome {
        if self.failed {
            unknown(failed_why)
        } else if self.read == 0 {
            unknown(unread_why)
        } else {
            (CheckState::Pass, detail, self.items)
        }
    }
}

/// The lines `lines` makes of each workspace's read `field` (pending and skipped reads add
/// nothing).
fn gather<'a, T: 'a>(
    workspaces: impl Iterator<Item = &'a ArmWorkspace>,
    field: impl Fn(&'a ArmWorkspace) -> &'a Known<T>,
    lines: impl Fn(&'a ArmWorkspace, &'a T) -> Vec<String>,
) -> Gathered {
    let mut g = Gathered {
        items: Vec::new(),
        failed: false,
        read: 0,
    };
    for w in workspaces {
        match field(w) {
            Known::Got(value) => {
                g.read += 1;
                g.items.extend(lines(w, value));
            }
            Known::Failed(_) => g.failed = true,
            _ => {}
        }
    }
    g
}

fn sentinel_enabled(workspaces: &[WorkspaceView], arm: Option<&ArmFacts>) -> Outcome {
    let on: Vec<String> = workspaces
        .iter()
        .filter(|w| w.sentinel.value == Tri::Yes)
        .map(|w| w.name.clone())
        .collect();
    if !on.is_empty() {
        return (
            CheckState::Pass,
            format!(
                "Microsoft Sentinel is enabled on {}.",
                count(on.len(), "workspace", "workspaces")
            ),
            on,
        );
    }
    let Some(arm) = arm else {
        return unknown(SIGN_IN);
    };
    let off: Vec<String> = workspaces
        .iter()
        .filter(|w| w.sentinel.value == Tri::No)
        .map(|w| w.name.clone())
        .collect();
    let all_read = arm.subscriptions_read.got().is_some()
        && arm
            .subscriptions
            .iter()
            .all(|s| s.workspaces.got().is_some())
        && arm.workspaces.iter().all(|w| w.sentinel.got().is_some());
    if all_read {
        let detail = if off.is_empty() {
            "You can see no Log Analytics workspace.".to_string()
        } else {
            format!(
                "None of the {} you can see has Microsoft Sentinel enabled.",
                count(off.len(), "workspace", "workspaces")
            )
        };
        (CheckState::Fail, detail, off)
    } else {
        unknown("Some workspaces could not be read (see the problems below).")
    }
}

fn primary_connected(overall: &Finding<Overall>, workspaces: &[WorkspaceView]) -> Outcome {
    let primary = workspaces
        .iter()
        .find(|w| w.connection.value == Connection::Primary);
    let secondaries: Vec<String> = workspaces
        .iter()
        .filter(|w| w.connection.value == Connection::Secondary)
        .map(|w| w.name.clone())
        .collect();
    match (overall.value, primary) {
        (Overall::Connected, Some(p)) => {
            let mut items = vec![format!("{} (primary)", p.name)];
            items.extend(secondaries.iter().map(|s| format!("{s} (secondary)")));
            let extra = if secondaries.is_empty() { String::new() } else { format!(" and {}", count(secondaries.len(), "secondary", "secondaries")) };
            (CheckState::Pass, format!("{} is the primary{extra}.", p.name), items)
        }
        (Overall::Connected, None) => (CheckState::Pass, "The tenant is connected; which workspace is primary shows under System › Settings › Microsoft Sentinel.".into(), Vec::new()),
        (Overall::NotConnected, _) => (CheckState::Fail, overall.evidence.join(" "), Vec::new()),
        (Overall::Unknown, _) => unknown(overall.evidence.join(" ")),
    }
}

fn xdr_connector(workspaces: &[WorkspaceView]) -> Outcome {
    let Some(primary) = workspaces
        .iter()
        .find(|w| w.connection.value == Connection::Primary)
    else {
        return unknown("No primary workspace is known.");
    };
    match primary.xdr_connector.value {
        Tri::Yes => (
            CheckState::Pass,
            primary.xdr_connector.evidence.join(" "),
            vec![primary.name.clone()],
        ),
        Tri::No => (
            CheckState::Fail,
            primary.xdr_connector.evidence.join(" "),
            vec![primary.name.clone()],
        ),
        Tri::Unknown => unknown(primary.xdr_connector.evidence.join(" ")),
    }
}

fn onboarding_roles(arm: Option<&ArmFacts>) -> Outcome {
    let Some(arm) = arm else {
        return unknown(SIGN_IN);
    };
    let mut read_any = false;
    let mut lacking = Vec::new();
    let mut failures = 0;
    for w in sentinel_workspaces(arm) {
        match &w.permissions {
            Known::Got(p) => {
                read_any = true;
                let missing: Vec<&str> = permissions::missing(p, CONNECT_ACTIONS)
                    .into_iter()
                    .chain(permissions::missing(p, VIEW_ACTIONS))
                    .collect();
                if !missing.is_empty() {
                    lacking.push(format!(
                        "{}: lacks {}",
                        w.workspace.name,
                        missing.join(", ")
                    ));
                }
            }
            Known::Failed(_) => failures += 1,
            _ => {}
        }
    }
    if !lacking.is_empty() {
        return (
            CheckState::Fail,
            "Your account lacks operations that connecting a workspace needs.".into(),
            lacking,
        );
    }
    if failures > 0 || !read_any {
        return unknown(if read_any {
            "Your permissions could not be read on every workspace."
        } else {
            "No Sentinel workspace's permissions were read."
        });
    }
    // Never a pass: `Microsoft.Authorization/permissions` lists the operations, not the
    // assignment behind them, so a condition (ABAC) on it is invisible here, and so are Entra
    // roles. Connecting needs Owner without conditions (or User Access Administrator with
    // Microsoft Sentinel Contributor) and Security Administrator.
    unknown(ROLES_UNSEEN)
}

/// What the roles check saw when every operation is there, and what it cannot see.
const ROLES_UNSEEN: &str = "Your account has the Azure operations to connect every Sentinel workspace read. Azure Resource Manager does not show whether the role assignment behind them has a condition (Owner must be assigned without one), nor whether you hold the Entra role Security Administrator: confirm both before connecting.";

/// Integrations that read incidents through the API: ARM shows none of them, so this check
/// names what changes and says what it could see (automation rules that test the provider
/// name, which becomes "Microsoft XDR"), never a pass.
fn incident_api(arm: Option<&ArmFacts>) -> Outcome {
    const UNSEEN: &str = "Playbooks, ticketing and other integrations that call the incidents API cannot be seen from Azure Resource Manager: review those that read providerName, incidentUrl or alertProductNames.";
    let Some(arm) = arm else {
        return unknown(UNSEEN);
    };
    let found = gather(
        sentinel_workspaces(arm),
        |w| &w.automation,
        |w, found| {
            found
                .iter()
                .filter(|f| f.property.eq_ignore_ascii_case("IncidentProviderName"))
                .map(|f| {
                    format!(
                        "{} ({}): tests IncidentProviderName",
                        w.workspace.name, f.rule
                    )
                })
                .collect()
        },
    );
    if found.items.is_empty() {
        return unknown(UNSEEN);
    }
    let n = found.items.len();
    (
        CheckState::Warn,
        format!(
            "{} the incident provider, which becomes Microsoft XDR. {UNSEEN}",
            count(n, "automation rule tests", "automation rules test")
        ),
        found.items,
    )
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum RuleKind {
    Fusion,
    IncidentCreation,
    AlertOnly,
}

fn rules(arm: Option<&ArmFacts>, overall: &Finding<Overall>, kind: RuleKind) -> Outcome {
    let Some(arm) = arm else {
        return unknown(SIGN_IN);
    };
    let found = gather(
        sentinel_workspaces(arm),
        |w| &w.rules,
        |w, r| {
            let names = match kind {
                RuleKind::Fusion => &r.fusion_enabled,
                RuleKind::IncidentCreation => &r.incident_creation_enabled,
                RuleKind::AlertOnly => &r.alert_only,
            };
            names
                .iter()
                .map(|n| format!("{} ({n})", w.workspace.name))
                .collect()
        },
    );
    let connected = overall.value == Overall::Connected;
    if found.items.is_empty() {
        let detail = match kind {
            RuleKind::Fusion => "No enabled Fusion rule.",
            RuleKind::IncidentCreation => "No enabled Microsoft incident creation rule.",
            RuleKind::AlertOnly => "Every enabled Scheduled and NRT rule creates incidents.",
        };
        return found.nothing_found(
            "The analytics rules of some workspaces could not be read.",
            "No Sentinel workspace's analytics rules were read.",
            detail.into(),
        );
    }
    let items = found.items;
    let n = items.len();
    let (state, detail) = match kind {
        // Only what the transition guide states: connecting a workspace disables its Fusion
        // rule. Why one is on anyway (another workspace, turned on again) is not documented.
        RuleKind::Fusion if connected => (CheckState::Warn, format!("{} enabled although the tenant is connected; connecting a workspace disables its Fusion rule, and Defender XDR correlation replaces it.", count(n, "Fusion rule is", "Fusion rules are"))),
        RuleKind::Fusion => (CheckState::Warn, format!("{} enabled; connecting turns it off and Defender XDR correlation takes over.", count(n, "Fusion rule is", "Fusion rules are"))),
        RuleKind::IncidentCreation if connected => (CheckState::Warn, format!("{} still enabled; they are not supported in the Defender portal. If they were migrated when connecting, their grouping is under System › Settings › Microsoft Defender XDR › Alert grouping.", count(n, "Microsoft incident creation rule is", "Microsoft incident creation rules are"))),
        RuleKind::IncidentCreation => (CheckState::Warn, format!("{} enabled; connecting deactivates them, or migrates them to alert grouping rules when you choose 'Retain Sentinel incident creation behavior for XDR alerts'.", count(n, "Microsoft incident creation rule is", "Microsoft incident creation rules are"))),
        RuleKind::AlertOnly => (CheckState::Warn, format!("{} alerts without incidents; those alerts are not visible in the Defender portal.", count(n, "rule creates", "rules create"))),
    };
    (state, detail, items)
}

fn automation(arm: Option<&ArmFacts>) -> Outcome {
    let Some(arm) = arm else {
        return unknown(SIGN_IN);
    };
    let found = gather(
        sentinel_workspaces(arm),
        |w| &w.automation,
        |w, found| {
            found
                .iter()
                .map(|f| format!("{} ({}): tests {}", w.workspace.name, f.rule, f.property))
                .collect()
        },
    );
    if !found.items.is_empty() {
        let n = found.items.len();
        return (
            CheckState::Warn,
            format!(
                "{} the incident title or provider.",
                count(
                    n,
                    "automation rule condition tests",
                    "automation rule conditions test"
                )
            ),
            found.items,
        );
    }
    found.nothing_found(
        "The automation rules of some workspaces could not be read.",
        "No Sentinel workspace's automation rules were read.",
        "No automation rule tests the incident title or provider.".into(),
    )
}

fn table_retention(arm: Option<&ArmFacts>) -> Outcome {
    let Some(arm) = arm else {
        return unknown(SIGN_IN);
    };
    // Only workspaces the XDR connector streams into ingest these tables.
    let streaming =
        sentinel_workspaces(arm).filter(|w| matches!(&w.connector, Known::Got(Some(_))));
    let found = gather(
        streaming,
        |w| &w.tables,
        |w, tables| {
            tables
                .iter()
                .filter(|t| t.total_retention_days.is_some_and(|d| d <= HUNTING_DAYS))
                .map(|t| {
                    format!(
                        "{} ({}): {} days",
                        w.workspace.name,
                        t.name,
                        t.total_retention_days.unwrap_or_default()
                    )
                })
                .collect()
        },
    );
    if !found.items.is_empty() {
        let n = found.items.len();
        return (
            CheckState::Warn,
            format!(
                "{} kept {HUNTING_DAYS} days or less, which Advanced hunting already keeps.",
                count(n, "Defender XDR table is", "Defender XDR tables are")
            ),
            found.items,
        );
    }
    found.nothing_found(
        "The tables of some workspaces could not be read.",
        "No workspace that the Defender XDR connector streams into was read.",
        format!("No Defender XDR table is kept {HUNTING_DAYS} days or less in a workspace the connector streams into."),
    )
}

/// "1 workspace" / "3 workspaces".
fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn counts_read_naturally() {
        assert_eq!(count(1, "rule is", "rules are"), "1 rule is");
        assert_eq!(count(3, "rule is", "rules are"), "3 rules are");
    }
}
