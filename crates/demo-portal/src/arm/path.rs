//! Which ARM operation a request path names, and the api-version each one takes.
//!
//! Why a parser of its own: ARM compares the fixed segments (`subscriptions`,
//! `resourceGroups`, `providers`, namespaces, types) case-insensitively, and the extension must
//! call exactly the api-versions of the contract, so both are decided here, in one table that
//! the tests check against `docs/onboarding-arm.md`.

use crate::scenarios::Step;

/// A workspace named in a path (names as the request spelled them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WsRef<'a> {
    /// Subscription id.
    pub sub: &'a str,
    /// Resource group name.
    pub rg: &'a str,
    /// Workspace name.
    pub name: &'a str,
}

/// The operations of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint<'a> {
    /// `GET /subscriptions`.
    Subscriptions,
    /// `GET /subscriptions/{sub}/providers/Microsoft.OperationalInsights/workspaces`.
    Workspaces(&'a str),
    /// `GET /subscriptions/{sub}/providers/Microsoft.Authorization/roleAssignments`.
    RoleAssignments(&'a str),
    /// `GET {ws}/providers/Microsoft.SecurityInsights/onboardingStates/{name}`.
    OnboardingState(WsRef<'a>, &'a str),
    /// `GET {ws}/providers/Microsoft.SecurityInsights/dataConnectors`.
    DataConnectors(WsRef<'a>),
    /// `GET {ws}/providers/Microsoft.SecurityInsights/alertRules`.
    AlertRules(WsRef<'a>),
    /// `GET {ws}/providers/Microsoft.SecurityInsights/automationRules`.
    AutomationRules(WsRef<'a>),
    /// `GET {ws}/providers/Microsoft.Authorization/permissions`.
    Permissions(WsRef<'a>),
    /// `GET {ws}/tables`.
    Tables(WsRef<'a>),
    /// `GET {ws}/providers/Microsoft.SecurityInsights/incidents/{name}`.
    Incident(WsRef<'a>, &'a str),
}

impl<'a> Endpoint<'a> {
    /// The contract step (what faults and call counts are keyed by).
    pub fn step(&self) -> Step {
        match self {
            Endpoint::Subscriptions => Step::Subscriptions,
            Endpoint::Workspaces(_) => Step::Workspaces,
            Endpoint::RoleAssignments(_) => Step::RoleAssignments,
            Endpoint::OnboardingState(..) => Step::OnboardingState,
            Endpoint::DataConnectors(_) => Step::DataConnectors,
            Endpoint::AlertRules(_) => Step::AlertRules,
            Endpoint::AutomationRules(_) => Step::AutomationRules,
            Endpoint::Permissions(_) => Step::Permissions,
            Endpoint::Tables(_) => Step::Tables,
            Endpoint::Incident(..) => Step::Incidents,
        }
    }

    /// The subscription in the path, if any.
    pub fn subscription(&self) -> Option<&'a str> {
        match *self {
            Endpoint::Subscriptions => None,
            Endpoint::Workspaces(s) | Endpoint::RoleAssignments(s) => Some(s),
            Endpoint::OnboardingState(w, _)
            | Endpoint::DataConnectors(w)
            | Endpoint::AlertRules(w)
            | Endpoint::AutomationRules(w)
            | Endpoint::Permissions(w)
            | Endpoint::Tables(w)
            | Endpoint::Incident(w, _) => Some(w.sub),
        }
    }

    /// The workspace in the path, if any.
    pub fn workspace(&self) -> Option<WsRef<'a>> {
        match *self {
            Endpoint::OnboardingState(w, _)
            | Endpoint::DataConnectors(w)
            | Endpoint::AlertRules(w)
            | Endpoint::AutomationRules(w)
            | Endpoint::Permissions(w)
            | Endpoint::Tables(w)
            | Endpoint::Incident(w, _) => Some(w),
            _ => None,
        }
    }
}

/// The api-version each step takes (`docs/onboarding-arm.md`).
pub fn api_version(step: Step) -> &'static str {
    match step {
        Step::Subscriptions => "2022-12-01",
        Step::Workspaces | Step::Tables => "2025-02-01",
        Step::OnboardingState | Step::AlertRules | Step::AutomationRules => "2024-09-01",
        // The first incidents version whose answers carry `providerIncidentUrl`.
        Step::DataConnectors | Step::Incidents => "2025-07-01-preview",
        Step::RoleAssignments | Step::Permissions => "2022-04-01",
        Step::All => "",
    }
}

/// The ARM type of a path's last resource, for messages (`Microsoft.SecurityInsights/alertRules`).
pub fn resource_type(step: Step) -> &'static str {
    match step {
        Step::Subscriptions => "Microsoft.Resources/subscriptions",
        Step::Workspaces => "Microsoft.OperationalInsights/workspaces",
        Step::Tables => "Microsoft.OperationalInsights/workspaces/tables",
        Step::OnboardingState => "Microsoft.SecurityInsights/onboardingStates",
        Step::DataConnectors => "Microsoft.SecurityInsights/dataConnectors",
        Step::AlertRules => "Microsoft.SecurityInsights/alertRules",
        Step::AutomationRules => "Microsoft.SecurityInsights/automationRules",
        Step::Incidents => "Microsoft.SecurityInsights/incidents",
        Step::RoleAssignments => "Microsoft.Authorization/roleAssignments",
        Step::Permissions => "Microsoft.Authorization/permissions",
        Step::All => "",
    }
}

/// Reads a request path (without query). `None`: not an operation of the contract.
pub fn parse(path: &str) -> Option<Endpoint<'_>> {
    let path = path.strip_prefix('/')?;
    let path = path.strip_suffix('/').unwrap_or(path);
    let s: Vec<&str> = path.split('/').collect();
    if s.iter().any(|x| x.is_empty()) {
        return None;
    }
    let is = |i: usize, fixed: &str| s.get(i).is_some_and(|x| x.eq_ignore_ascii_case(fixed));
    if !is(0, "subscriptions") {
        return None;
    }
    if s.len() == 1 {
        return Some(Endpoint::Subscriptions);
    }
    let sub = s[1];
    if s.len() == 5 && is(2, "providers") {
        if is(3, "Microsoft.OperationalInsights") && is(4, "workspaces") {
            return Some(Endpoint::Workspaces(sub));
        }
        if is(3, "Microsoft.Authorization") && is(4, "roleAssignments") {
            return Some(Endpoint::RoleAssignments(sub));
        }
        return None;
    }
    let ws_prefix = s.len() >= 8
        && is(2, "resourceGroups")
        && is(4, "providers")
        && is(5, "Microsoft.OperationalInsights")
        && is(6, "workspaces");
    if !ws_prefix {
        return None;
    }
    let ws = WsRef {
        sub,
        rg: s[3],
        name: s[7],
    };
    let rest = &s[8..];
    let fixed = |i: usize, f: &str| rest.get(i).is_some_and(|x| x.eq_ignore_ascii_case(f));
    match rest.len() {
        1 if fixed(0, "tables") => Some(Endpoint::Tables(ws)),
        3 if fixed(0, "providers")
            && fixed(1, "Microsoft.Authorization")
            && fixed(2, "permissions") =>
        {
            Some(Endpoint::Permissions(ws))
        }
        3 if fixed(0, "providers") && fixed(1, "Microsoft.SecurityInsights") => {
            if fixed(2, "dataConnectors") {
                Some(Endpoint::DataConnectors(ws))
            } else if fixed(2, "alertRules") {
                Some(Endpoint::AlertRules(ws))
            } else if fixed(2, "automationRules") {
                Some(Endpoint::AutomationRules(ws))
            } else {
                None
            }
        }
        4 if fixed(0, "providers")
            && fixed(1, "Microsoft.SecurityInsights")
            && fixed(2, "onboardingStates") =>
        {
            Some(Endpoint::OnboardingState(ws, rest[3]))
        }
        4 if fixed(0, "providers")
            && fixed(1, "Microsoft.SecurityInsights")
            && fixed(2, "incidents") =>
        {
            Some(Endpoint::Incident(ws, rest[3]))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WS: &str =
        "/subscriptions/S/resourceGroups/RG/providers/Microsoft.OperationalInsights/workspaces/W";
    const W: WsRef<'static> = WsRef {
        sub: "S",
        rg: "RG",
        name: "W",
    };

    #[test]
    fn parses_every_contract_path() {
        let cases = [
            ("/subscriptions".to_string(), Endpoint::Subscriptions),
            (
                "/subscriptions/S/providers/Microsoft.OperationalInsights/workspaces".into(),
                Endpoint::Workspaces("S"),
            ),
            (
                "/subscriptions/S/providers/Microsoft.Authorization/roleAssignments".into(),
                Endpoint::RoleAssignments("S"),
            ),
            (
                format!("{WS}/providers/Microsoft.SecurityInsights/onboardingStates/default"),
                Endpoint::OnboardingState(W, "default"),
            ),
            (
                format!("{WS}/providers/Microsoft.SecurityInsights/dataConnectors"),
                Endpoint::DataConnectors(W),
            ),
            (
                format!("{WS}/providers/Microsoft.SecurityInsights/alertRules"),
                Endpoint::AlertRules(W),
            ),
            (
                format!("{WS}/providers/Microsoft.SecurityInsights/automationRules"),
                Endpoint::AutomationRules(W),
            ),
            (
                format!("{WS}/providers/Microsoft.Authorization/permissions"),
                Endpoint::Permissions(W),
            ),
            (format!("{WS}/tables"), Endpoint::Tables(W)),
        ];
        for (path, want) in cases {
            assert_eq!(parse(&path), Some(want), "{path}");
            assert_eq!(parse(&format!("{path}/")), Some(want), "{path}/");
        }
    }

    #[test]
    fn fixed_segments_in_any_case() {
        assert_eq!(
            parse("/SUBSCRIPTIONS/S/resourcegroups/RG/PROVIDERS/microsoft.operationalinsights/WORKSPACES/W/providers/MICROSOFT.SECURITYINSIGHTS/alertrules"),
            Some(Endpoint::AlertRules(W))
        );
        assert_eq!(
            parse("/subscriptions/S/providers/microsoft.authorization/ROLEASSIGNMENTS"),
            Some(Endpoint::RoleAssignments("S"))
        );
    }

    #[test]
    fn rejects_other_paths() {
        for path in [
            "",
            "/",
            "subscriptions",
            "/subscription",
            "/subscriptions//providers/Microsoft.OperationalInsights/workspaces",
            "/subscriptions/S/providers/Microsoft.Compute/virtualMachines",
            "/subscriptions/S/resourceGroups/RG",
            "/subscriptions/S/resourceGroups/RG/providers/Microsoft.OperationalInsights/workspaces/W",
            &format!("{WS}/providers/Microsoft.SecurityInsights/incidents"),
            &format!("{WS}/providers/Microsoft.SecurityInsights/incidents/x/alerts"),
            &format!("{WS}/providers/Microsoft.SecurityInsights/alertRules/x"),
            &format!("{WS}/tables/DeviceEvents"),
            &format!("{WS}//tables"),
        ] {
            assert_eq!(parse(path), None, "{path}");
        }
    }

    #[test]
    fn api_versions_are_the_contracts() {
        let table = [
            (Step::Subscriptions, "2022-12-01"),
            (Step::Workspaces, "2025-02-01"),
            (Step::OnboardingState, "2024-09-01"),
            (Step::DataConnectors, "2025-07-01-preview"),
            (Step::AlertRules, "2024-09-01"),
            (Step::AutomationRules, "2024-09-01"),
            (Step::RoleAssignments, "2022-04-01"),
            (Step::Permissions, "2022-04-01"),
            (Step::Tables, "2025-02-01"),
            (Step::Incidents, "2025-07-01-preview"),
        ];
        for (step, v) in table {
            assert_eq!(api_version(step), v, "{step:?}");
            assert!(!resource_type(step).is_empty());
        }
    }
}
