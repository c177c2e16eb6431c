//! Checks of the data file beyond its shape: ids are well formed and unique, names refer to
//! things that exist, and each scenario's parts agree (no Sentinel content on a workspace
//! without Sentinel, faults with the fields their effect needs).
//!
//! Why at load: a wrong reference would otherwise surface as a confusing ARM answer in some
//! end-to-end test; here it is one readable message.

use std::collections::HashSet;

use super::model::{ArmData, Effect, Scenario, Workspace};
use crate::ids::is_guid;

/// Operators of automation-rule property conditions (SecurityInsights 2024-09-01).
const OPERATORS: &[&str] = &[
    "Equals",
    "NotEquals",
    "Contains",
    "NotContains",
    "StartsWith",
    "NotStartsWith",
    "EndsWith",
    "NotEndsWith",
];

const SEVERITIES: &[&str] = &["Informational", "Low", "Medium", "High"];

/// Every problem found, or `Ok`.
pub fn check(data: &ArmData) -> Result<(), Vec<String>> {
    let mut p = Vec::new();
    if !data.comment.to_lowercase().contains("all names invented") {
        p.push("_comment must say \"all names invented\"".to_string());
    }
    let mut role_names = HashSet::new();
    for r in &data.roles {
        if !role_names.insert(r.name.as_str()) {
            p.push(format!("role {} twice", r.name));
        }
        if !is_lower_guid(&r.id) {
            p.push(format!("role {}: id is not a lower-case GUID", r.name));
        }
    }
    let mut seen = Seen::default();
    for s in &data.scenarios {
        check_scenario(data, s, &mut seen, &mut p);
    }
    if p.is_empty() {
        Ok(())
    } else {
        Err(p)
    }
}

#[derive(Default)]
struct Seen {
    ids: HashSet<String>,
    tenants: HashSet<String>,
    domains: HashSet<String>,
    upns: HashSet<String>,
    subscriptions: HashSet<String>,
}

fn is_lower_guid(text: &str) -> bool {
    is_guid(text) && !text.bytes().any(|b| b.is_ascii_uppercase())
}

/// Azure-style names: letters, digits and dashes, 1 to 63 characters, no leading dash.
fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 63
        && !name.starts_with('-')
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

fn check_scenario(data: &ArmData, s: &Scenario, seen: &mut Seen, p: &mut Vec<String>) {
    let at = format!("scenario {}", s.id);
    let id_ok = is_plain_name(&s.id) && !s.id.bytes().any(|b| b.is_ascii_uppercase());
    if !id_ok {
        p.push(format!(
            "{at}: id must be lower-case letters, digits and dashes"
        ));
    }
    if !seen.ids.insert(s.id.clone()) {
        p.push(format!("{at}: id used twice"));
    }
    if !is_lower_guid(&s.tenant_id) || !seen.tenants.insert(s.tenant_id.clone()) {
        p.push(format!("{at}: tenantId must be a unique lower-case GUID"));
    }
    let label = s.tenant_domain.strip_suffix(".onmicrosoft.com");
    if !label.is_some_and(is_plain_name) || !seen.domains.insert(s.tenant_domain.to_lowercase()) {
        p.push(format!(
            "{at}: tenantDomain must be a unique *.onmicrosoft.com domain"
        ));
    }
    let upn_domain = s.account.upn.split_once('@').map(|(_, d)| d);
    if upn_domain != Some(s.tenant_domain.as_str())
        || !seen.upns.insert(s.account.upn.to_lowercase())
    {
        p.push(format!(
            "{at}: account upn must be unique and in the tenant's domain"
        ));
    }
    if !is_lower_guid(&s.account.object_id) || s.account.display_name.trim().is_empty() {
        p.push(format!(
            "{at}: account needs a display name and a lower-case GUID objectId"
        ));
    }
    let mut ws_names = HashSet::new();
    for sub in &s.subscriptions {
        let at = format!("{at} subscription {}", sub.id);
        if !is_lower_guid(&sub.id) || !seen.subscriptions.insert(sub.id.clone()) {
            p.push(format!(
                "{at}: id must be a lower-case GUID, unique across scenarios"
            ));
        }
        for a in &sub.role_assignments {
            if data.role(&a.role).is_none() {
                p.push(format!(
                    "{at}: role assignment names unknown role {}",
                    a.role
                ));
            }
            if !is_lower_guid(&a.principal_id) {
                p.push(format!(
                    "{at}: principalId {} is not a lower-case GUID",
                    a.principal_id
                ));
            }
        }
        let mut rg_names = HashSet::new();
        for g in &sub.resource_groups {
            if !is_plain_name(&g.name) || !rg_names.insert(g.name.to_lowercase()) {
                p.push(format!(
                    "{at}: resource group {} is not a unique plain name",
                    g.name
                ));
            }
            for w in &g.workspaces {
                if !ws_names.insert(w.name.to_lowercase()) {
                    p.push(format!("{at}: workspace {} twice", w.name));
                }
                check_workspace(data, &format!("{at} workspace {}", w.name), w, p);
            }
        }
    }
    for f in &s.faults {
        let ok = match f.effect {
            Effect::Status => {
                let status = f.status.unwrap_or(0);
                (400..=599).contains(&status)
                    && f.seconds.is_none()
                    && (f.retry_after.is_none() || status == 429)
            }
            Effect::Truncate => {
                f.status.is_none() && f.seconds.is_none() && f.retry_after.is_none()
            }
            Effect::Delay => {
                f.status.is_none()
                    && f.retry_after.is_none()
                    && f.seconds.is_some_and(|n| (1..=120).contains(&n))
            }
        };
        if !ok || f.times == Some(0) {
            p.push(format!(
                "{at}: fault {:?}/{:?} has the wrong fields",
                f.step, f.effect
            ));
        }
    }
}

fn check_workspace(data: &ArmData, at: &str, w: &Workspace, p: &mut Vec<String>) {
    if !is_plain_name(&w.name) || w.name.len() < 4 {
        p.push(format!("{at}: name must be 4-63 letters, digits or dashes"));
    }
    if w.location.is_empty()
        || !w
            .location
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        p.push(format!(
            "{at}: location must be an ARM location name (eastus)"
        ));
    }
    if !(30..=730).contains(&w.retention_in_days) {
        p.push(format!("{at}: retentionInDays must be 30-730"));
    }
    let has_content = w.xdr_connector.is_some()
        || !w.other_connectors.is_empty()
        || w.fusion.is_some()
        || !w.incident_creation_rules.is_empty()
        || !w.rules.is_empty()
        || w.generated_rules > 0
        || !w.automation_rules.is_empty();
    if !w.sentinel_enabled && has_content {
        p.push(format!(
            "{at}: Sentinel content on a workspace without Sentinel"
        ));
    }
    if w.generated_rules > 500 {
        p.push(format!("{at}: generatedRules above 500"));
    }
    for r in &w.rules {
        if !SEVERITIES.contains(&r.severity.as_str()) {
            p.push(format!(
                "{at}: rule {} has severity {}",
                r.display_name, r.severity
            ));
        }
    }
    for a in &w.automation_rules {
        for c in &a.conditions {
            let name_ok = c
                .property_name
                .starts_with(|ch: char| ch.is_ascii_uppercase())
                && c.property_name.bytes().all(|b| b.is_ascii_alphanumeric());
            if !name_ok || !OPERATORS.contains(&c.operator.as_str()) || c.values.is_empty() {
                p.push(format!(
                    "{at}: automation rule {} has a bad condition",
                    a.display_name
                ));
            }
        }
    }
    let mut tables = HashSet::new();
    for t in &w.tables {
        let ok = tables.insert(t.name.as_str())
            && (4..=730).contains(&t.retention_in_days)
            && t.retention_in_days <= t.total_retention_in_days
            && t.total_retention_in_days <= 4383;
        if !ok {
            p.push(format!(
                "{at}: table {} is repeated or has impossible retention",
                t.name
            ));
        }
    }
    if w.user_roles.is_empty() {
        p.push(format!(
            "{at}: userRoles is empty (the account could not see the workspace)"
        ));
    }
    for r in &w.user_roles {
        if data.role(r).is_none() {
            p.push(format!("{at}: userRoles names unknown role {r}"));
        }
    }
}
