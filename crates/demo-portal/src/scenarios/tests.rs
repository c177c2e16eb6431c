#![allow(clippy::unwrap_used)]

use super::*;

/// The scenario ids of `docs/onboarding-arm.md`, in its order.
const CONTRACT_IDS: &[&str] = &[
    "contoso",
    "fabrikam",
    "primary-only",
    "sentinel-off",
    "fusion-on",
    "alert-only",
    "automation-title",
    "missing-roles",
    "err-401",
    "err-403",
    "err-429",
    "err-500",
    "err-malformed",
    "err-timeout",
];

fn scenario(id: &str) -> &'static Scenario {
    let d = data().unwrap();
    &d.scenarios[d.scenario_index(id).unwrap()]
}

#[test]
fn data_file_parses_and_validates() {
    let d = data().unwrap();
    let ids: Vec<&str> = d.scenarios.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, CONTRACT_IDS);
    assert!(d.comment.contains("All names invented"));
    assert!(d.fields.len() >= 15, "every field documented");
}

#[test]
fn every_reference_resolves() {
    let d = data().unwrap();
    for s in &d.scenarios {
        for sub in &s.subscriptions {
            for a in &sub.role_assignments {
                assert!(d.role(&a.role).is_some(), "{} {}", s.id, a.role);
            }
            for (_, w) in sub.workspaces() {
                for r in &w.user_roles {
                    assert!(d.role(r).is_some(), "{} {r}", s.id);
                }
            }
        }
    }
}

#[test]
fn tenant_segments() {
    let d = data().unwrap();
    let contoso = d.scenario_index("contoso").unwrap();
    assert_eq!(d.tenant("organizations"), Some(TenantSel::All));
    assert_eq!(d.tenant("Common"), Some(TenantSel::All));
    assert_eq!(
        d.tenant("6F3C2B1A-4D5E-4F60-8A7B-9C0D1E2F3A4B"),
        Some(TenantSel::One(contoso))
    );
    assert_eq!(
        d.tenant("Contoso.onmicrosoft.com"),
        Some(TenantSel::One(contoso))
    );
    assert_eq!(d.tenant("consumers"), None);
    assert_eq!(d.tenant("example.com"), None);
    assert_eq!(d.accounts(TenantSel::All).len(), CONTRACT_IDS.len());
    assert_eq!(
        d.subscription_owner("0B1C2D3E-4F50-4617-8293-A4B5C6D7E8F9"),
        Some(contoso)
    );
}

/// contoso and fabrikam are the tenants the portal pages show: same ids, users and workspaces.
#[test]
fn agrees_with_the_portal_scenario() {
    let portal: serde_json::Value =
        serde_json::from_str(include_str!("../../data/scenario.json")).unwrap();
    for t in portal["tenants"].as_array().unwrap() {
        let d = data().unwrap();
        let Some(TenantSel::One(i)) = d.tenant(t["id"].as_str().unwrap()) else {
            panic!("tenant {} missing", t["id"]);
        };
        let s = &d.scenarios[i];
        assert_eq!(s.tenant_domain, t["domain"].as_str().unwrap());
        assert_eq!(s.account.upn, t["user"]["upn"].as_str().unwrap());
        assert_eq!(s.account.display_name, t["user"]["name"].as_str().unwrap());
        for w in t["workspaces"].as_array().unwrap() {
            let sub = s
                .subscription(w["subscriptionId"].as_str().unwrap())
                .unwrap();
            assert_eq!(sub.display_name, w["subscriptionName"].as_str().unwrap());
            let g = sub
                .resource_group(w["resourceGroup"].as_str().unwrap())
                .unwrap();
            let ws = g.workspace(w["name"].as_str().unwrap()).unwrap();
            let location = w["location"]
                .as_str()
                .unwrap()
                .replace(' ', "")
                .to_lowercase();
            assert_eq!(ws.location, location, "{}", ws.name);
            assert!(ws.sentinel_enabled);
            let primary = w["type"] == "Primary";
            assert_eq!(ws.xdr_connector.is_some(), primary, "{}", ws.name);
        }
    }
}

#[test]
fn scenarios_differ_where_the_contract_says() {
    let ws = |id: &str| {
        let s = scenario(id);
        s.subscriptions[0].workspaces().next().unwrap().1
    };
    let contoso: Vec<&Workspace> = scenario("contoso").subscriptions[0]
        .workspaces()
        .map(|(_, w)| w)
        .collect();
    assert_eq!(contoso.len(), 3);
    assert_eq!(
        contoso.iter().filter(|w| w.xdr_connector.is_some()).count(),
        1
    );
    let primary = contoso[0];
    let rule_count = primary.rules.len()
        + primary.incident_creation_rules.len()
        + usize::from(primary.fusion.is_some())
        + primary.generated_rules as usize;
    assert!(rule_count > 50, "{rule_count}");
    assert!(contoso.iter().all(|w| w.fusion.is_some_and(|f| !f.enabled)));

    let fabrikam = scenario("fabrikam");
    let f_ws: Vec<&Workspace> = fabrikam.subscriptions[0]
        .workspaces()
        .map(|(_, w)| w)
        .collect();
    assert_eq!(f_ws.iter().filter(|w| w.sentinel_enabled).count(), 1);
    assert!(f_ws.iter().all(|w| w.xdr_connector.is_none()));
    assert!(f_ws[0].fusion.unwrap().enabled);
    let sps = |id: &str| {
        scenario(id).subscriptions[0]
            .role_assignments
            .iter()
            .filter(|a| a.principal_type == PrincipalType::ServicePrincipal)
            .count()
    };
    assert_eq!(sps("fabrikam"), 0);
    assert_eq!(sps("contoso"), 2);
    assert_eq!(sps("primary-only"), 2);

    assert!(!ws("sentinel-off").sentinel_enabled);
    assert!(ws("fusion-on").fusion.unwrap().enabled);
    assert!(!ws("primary-only").fusion.unwrap().enabled);
    assert!(ws("alert-only").rules.iter().any(|r| !r.create_incident));
    assert!(ws("primary-only").rules.iter().all(|r| r.create_incident));
    assert!(ws("automation-title").automation_rules.iter().any(|a| a
        .conditions
        .iter()
        .any(|c| c.property_name == "IncidentTitle")));
    assert_eq!(
        ws("missing-roles").user_roles,
        ["Reader", "Microsoft Sentinel Reader"]
    );
    for id in CONTRACT_IDS.iter().filter(|id| !id.starts_with("err-")) {
        assert!(scenario(id).faults.is_empty(), "{id}");
    }
    for id in CONTRACT_IDS.iter().filter(|id| id.starts_with("err-")) {
        assert_eq!(scenario(id).faults.len(), 1, "{id}");
    }
    let throttle = &scenario("err-429").faults[0];
    assert_eq!(
        (
            throttle.step,
            throttle.status,
            throttle.retry_after,
            throttle.times
        ),
        (Step::Subscriptions, Some(429), Some(2), Some(1))
    );
    assert_eq!(scenario("err-timeout").faults[0].seconds, Some(30));
}

fn broken(edit: impl Fn(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value = serde_json::from_str(ARM_TENANTS_JSON).unwrap();
    edit(&mut v);
    parse(&v.to_string()).unwrap_err()
}

#[test]
fn validation_reports_broken_data() {
    let ws0 = "/scenarios/0/subscriptions/0/resourceGroups/0/workspaces/0";
    let e = broken(|v| v["_comment"] = "demo".into());
    assert!(e.contains("all names invented"), "{e}");
    let e = broken(|v| {
        *v.pointer_mut(&format!("{ws0}/userRoles/0")).unwrap() = "Global Admin".into();
    });
    assert!(e.contains("unknown role Global Admin"), "{e}");
    let e = broken(|v| {
        *v.pointer_mut(&format!("{ws0}/sentinelEnabled")).unwrap() = false.into();
    });
    assert!(
        e.contains("Sentinel content on a workspace without Sentinel"),
        "{e}"
    );
    let e = broken(|v| v["scenarios"][1]["tenantId"] = v["scenarios"][0]["tenantId"].clone());
    assert!(e.contains("tenantId"), "{e}");
    let e = broken(|v| {
        v["scenarios"][0]["faults"] =
            serde_json::json!([{ "step": "tables", "effect": "delay", "status": 500 }]);
    });
    assert!(e.contains("wrong fields"), "{e}");
    let e = broken(|v| v["scenarios"][0]["account"]["upn"] = "megan@example.com".into());
    assert!(e.contains("upn"), "{e}");
    let e = broken(|v| {
        *v.pointer_mut(&format!("{ws0}/tables/0/retentionInDays"))
            .unwrap() = 9999.into();
    });
    assert!(e.contains("impossible retention"), "{e}");
    let e = broken(|v| v["scenarios"][0]["colour"] = "blue".into());
    assert!(e.contains("unknown field"), "{e}");
    let e = broken(|v| {
        v["scenarios"][0]["faults"] =
            serde_json::json!([{ "step": "everything", "effect": "truncate" }]);
    });
    assert!(e.contains("does not parse"), "{e}");
}
