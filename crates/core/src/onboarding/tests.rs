//! Onboarding status: the spec examples decode, the collector runs a tenant to completion (with
//! paging, throttling, failures), and the assessment concludes only what the evidence supports.

use super::arm_facts::Known;
use super::calls::{Call, WorkspaceRef};
use super::collect::{decode_page, Collection, Page, Request};
use super::page::{Banner, PageEvidence};
use super::report::{self, ReportFile};
use super::spec;
use super::view::{ArmStatus, CheckState, Confidence, Connection, Overall, TenantView, Tri};
use super::{tenant_view, Inputs};
use crate::arm::ArmError;
use crate::model::{PageFacts, RowFacts};
use serde_json::{json, Value};
use std::collections::BTreeMap;

fn example(name: &str) -> Value {
    let path = format!(
        "{}/tests/fixtures/arm/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect("fixture exists");
    let file: Value = serde_json::from_str(&text).expect("fixture is JSON");
    file["responses"]["200"]["body"].clone()
}

fn ws(name: &str) -> WorkspaceRef {
    WorkspaceRef {
        subscription: SUB.into(),
        resource_group: "soc-rg".into(),
        name: name.into(),
    }
}

const SUB: &str = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";

fn decode(call: &Call, body: &Value) -> Page {
    decode_page(call, body).expect("decodes")
}

#[test]
fn every_spec_example_decodes_as_its_call() {
    let w = ws("myWorkspace");
    let cases: Vec<(Call, Value)> = vec![
        (
            Call::Subscriptions,
            example("subscriptions__GetSubscriptions__2022-12-01"),
        ),
        (
            Call::Workspaces {
                subscription: SUB.into(),
            },
            example("workspaces__WorkspacesSubscriptionList__2025-02-01"),
        ),
        (
            Call::Workspaces {
                subscription: SUB.into(),
            },
            example("workspaces__WorkspacesListByResourceGroup__2025-02-01"),
        ),
        (
            Call::SentinelState {
                workspace: w.clone(),
            },
            example("onboardingStates__GetSentinelOnboardingState__2024-09-01"),
        ),
        (
            Call::DataConnectors {
                workspace: w.clone(),
            },
            example("dataConnectors__GetDataConnectors__2024-09-01"),
        ),
        (
            Call::DataConnectors {
                workspace: w.clone(),
            },
            json!({ "value": [example("dataConnectors__GetMicrosoftThreatProtectionById__2025-07-01-preview")] }),
        ),
        (
            Call::AlertRules {
                workspace: w.clone(),
            },
            example("alertRules__GetAllAlertRules__2024-09-01"),
        ),
        (
            Call::AlertRules {
                workspace: w.clone(),
            },
            json!({ "value": [
            example("alertRules__GetFusionAlertRule__2024-09-01"),
            example("alertRules__GetMicrosoftSecurityIncidentCreationAlertRule__2024-09-01"),
            example("alertRules__GetNrtAlertRule__2025-07-01-preview"),
            example("alertRules__GetScheduledAlertRule__2024-09-01"),
        ] }),
        ),
        (
            Call::AutomationRules {
                workspace: w.clone(),
            },
            example("automationRules__AutomationRules_List__2024-09-01"),
        ),
        (
            Call::AutomationRules {
                workspace: w.clone(),
            },
            json!({ "value": [example("automationRules__AutomationRules_Get__2024-09-01")] }),
        ),
        (
            Call::RoleAssignments {
                subscription: SUB.into(),
            },
            example("roleAssignments__RoleAssignments_ListForScope__2022-04-01"),
        ),
        (
            Call::Permissions {
                workspace: w.clone(),
            },
            example("permissions__GetPermissions__2015-07-01"),
        ),
        (
            Call::Permissions {
                workspace: w.clone(),
            },
            example("permissions__GetResourcePermissions__2022-05-01-preview"),
        ),
        (
            Call::Tables { workspace: w },
            json!({ "value": [example("tables__TablesGet__2025-02-01")] }),
        ),
    ];
    for (call, body) in cases {
        assert!(decode_page(&call, &body).is_ok(), "{call:?}");
    }
}

#[test]
fn the_spec_examples_read_into_facts() {
    let w = ws("myWorkspace");
    let mut c = collection_at(&w);
    let rules = json!({ "value": [
        example("alertRules__GetFusionAlertRule__2024-09-01"),
        example("alertRules__GetMicrosoftSecurityIncidentCreationAlertRule__2024-09-01"),
        example("alertRules__GetNrtAlertRule__2025-07-01-preview"),
        example("alertRules__GetScheduledAlertRule__2024-09-01"),
    ] });
    let xdr = json!({ "value": [example("dataConnectors__GetMicrosoftThreatProtectionById__2025-07-01-preview")] });
    answer_all(&mut c, |call, _| match call {
        Call::AlertRules { .. } => Ok(rules.clone()),
        Call::DataConnectors { .. } => Ok(xdr.clone()),
        Call::AutomationRules { .. } => {
            Ok(example("automationRules__AutomationRules_List__2024-09-01"))
        }
        Call::Permissions { .. } => Ok(example("permissions__GetPermissions__2015-07-01")),
        Call::Tables { .. } => Ok(json!({ "value": [] })),
        _ => Ok(json!({})),
    });
    let f = &c.facts().workspaces[0];
    let r = f.rules.got().expect("rules read");
    assert_eq!(r.total, 4);
    // The Fusion and incident-creation examples are enabled; the NRT and scheduled ones create incidents.
    assert_eq!(r.fusion_enabled.len(), 1);
    assert_eq!(r.incident_creation_enabled.len(), 1);
    assert!(r.alert_only.is_empty());
    let x = f
        .connector
        .got()
        .expect("read")
        .as_ref()
        .expect("XDR connector found");
    assert!(x.incidents && x.alerts);
    // The example automation rule conditions on analytics rule ids: not a breaking condition.
    assert_eq!(f.automation.got().map(Vec::len), Some(0));
}

#[test]
fn workspace_ids_are_read_case_insensitively_and_strictly() {
    let id = "/subscriptions/00000000-0000-0000-0000-000000000005/resourcegroups/oiautorest6685/providers/microsoft.operationalinsights/workspaces/aztest2170";
    let w = WorkspaceRef::from_id(id).expect("list example id reads");
    assert_eq!(
        (w.resource_group.as_str(), w.name.as_str()),
        ("oiautorest6685", "aztest2170")
    );
    assert!(w.same(&WorkspaceRef {
        name: "AzTest2170".into(),
        ..w.clone()
    }));
    for bad in [
        "/subscriptions/x/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/w",
        "/subscriptions/00000000-0000-0000-0000-000000000005/resourceGroups/rg/providers/Microsoft.OperationalIinsights/workspaces/w",
        "/subscriptions/00000000-0000-0000-0000-000000000005/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/w/tables/x",
        "/subscriptions/00000000-0000-0000-0000-000000000005/resourceGroups/r?g/providers/Microsoft.OperationalInsights/workspaces/w",
        "/subscriptions/00000000-0000-0000-0000-000000000005/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/w%2F..",
    ] {
        assert!(WorkspaceRef::from_id(bad).is_none(), "{bad}");
    }
}

#[test]
fn call_urls_use_the_documented_paths_and_api_versions() {
    let w = ws("contoso-sentinel");
    let base = "https://management.azure.com/subscriptions/0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";
    let wsp = format!("{base}/resourceGroups/soc-rg/providers/Microsoft.OperationalInsights/workspaces/contoso-sentinel");
    let cases = [
        (Call::Subscriptions, "https://management.azure.com/subscriptions?api-version=2022-12-01".to_string()),
        (Call::Workspaces { subscription: SUB.into() }, format!("{base}/providers/Microsoft.OperationalInsights/workspaces?api-version=2025-02-01")),
        (Call::RoleAssignments { subscription: SUB.into() }, format!("{base}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01")),
        (Call::SentinelState { workspace: w.clone() }, format!("{wsp}/providers/Microsoft.SecurityInsights/onboardingStates/default?api-version=2024-09-01")),
        (Call::DataConnectors { workspace: w.clone() }, format!("{wsp}/providers/Microsoft.SecurityInsights/dataConnectors?api-version=2025-07-01-preview")),
        (Call::AlertRules { workspace: w.clone() }, format!("{wsp}/providers/Microsoft.SecurityInsights/alertRules?api-version=2024-09-01")),
        (Call::AutomationRules { workspace: w.clone() }, format!("{wsp}/providers/Microsoft.SecurityInsights/automationRules?api-version=2024-09-01")),
        (Call::Permissions { workspace: w.clone() }, format!("{wsp}/providers/Microsoft.Authorization/permissions?api-version=2022-04-01")),
        (Call::Tables { workspace: w }, format!("{wsp}/tables?api-version=2025-02-01")),
    ];
    for (call, url) in cases {
        assert_eq!(call.url(), url);
    }
}

// ---------- a fake tenant, answered by closures ----------

type Answer = Result<Value, ArmError>;

/// Answers every request until the collection is done; `serve` gets the call and the URL.
fn answer_all(c: &mut Collection, mut serve: impl FnMut(&Call, &str) -> Answer) -> Vec<Request> {
    let mut asked = Vec::new();
    let mut guard = 0;
    while let Some(r) = c.next_request() {
        guard += 1;
        assert!(guard < 500, "the collection never ends");
        let answer = serve(&r.call, &r.url).map(|body| decode(&r.call, &body));
        c.absorb(r.id, answer);
        asked.push(r);
    }
    assert!(c.is_done());
    asked
}

/// A collection whose subscription and workspace lists are read, with one workspace.
fn collection_at(w: &WorkspaceRef) -> Collection {
    let mut c = Collection::start();
    let id = format!(
        "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.OperationalInsights/workspaces/{}",
        w.subscription, w.resource_group, w.name
    );
    for _ in 0..3 {
        let r = c.next_request().expect("a request");
        let body = match &r.call {
            Call::Subscriptions => {
                json!({ "value": [{ "subscriptionId": w.subscription, "displayName": "Contoso Security", "state": "Enabled" }] })
            }
            Call::Workspaces { .. } => {
                json!({ "value": [{ "id": id, "name": w.name, "location": "eastus" }] })
            }
            Call::RoleAssignments { .. } => json!({ "value": [] }),
            other => panic!("unexpected {other:?}"),
        };
        c.absorb(r.id, Ok(decode(&r.call, &body)));
    }
    c
}

struct Tenant {
    workspaces: Vec<(&'static str, bool)>,
    xdr_on: Option<&'static str>,
    apps: usize,
    rules: Value,
    automation: Value,
    actions: Value,
    tables: Value,
}

impl Default for Tenant {
    fn default() -> Self {
        Tenant {
            workspaces: vec![("contoso-sentinel", true)],
            xdr_on: Some("contoso-sentinel"),
            apps: 2,
            rules: json!({ "value": [{ "name": "r1", "kind": "Scheduled", "properties": { "displayName": "Rare sign-in", "enabled": true, "incidentConfiguration": { "createIncident": true } } }] }),
            automation: json!({ "value": [] }),
            actions: json!({ "value": [{ "actions": ["*"], "notActions": [] }] }),
            tables: json!({ "value": [{ "name": "DeviceEvents", "properties": { "retentionInDays": 90, "totalRetentionInDays": 90 } }] }),
        }
    }
}

impl Tenant {
    fn serve(&self, call: &Call, _url: &str) -> Answer {
        let ws_id = |n: &str| {
            format!("/subscriptions/{SUB}/resourceGroups/soc-rg/providers/Microsoft.OperationalInsights/workspaces/{n}")
        };
        Ok(match call {
            Call::Subscriptions => {
                json!({ "value": [{ "subscriptionId": SUB, "displayName": "Contoso Security", "state": "Enabled" }] })
            }
            Call::Workspaces { .. } => {
                json!({ "value": self.workspaces.iter().map(|(n, _)| json!({ "id": ws_id(n), "name": n, "location": "eastus" })).collect::<Vec<_>>() })
            }
            Call::RoleAssignments { .. } => {
                json!({ "value": (0..self.apps).map(|i| json!({ "properties": {
                "roleDefinitionId": format!("/subscriptions/{SUB}/providers/Microsoft.Authorization/roleDefinitions/ab8e14d6-4a74-4a29-9ba8-549422addade"),
                "principalId": format!("00000000-0000-0000-0000-00000000000{i}"), "principalType": "ServicePrincipal" } })).collect::<Vec<_>>() })
            }
            Call::SentinelState { workspace } => {
                let on = self
                    .workspaces
                    .iter()
                    .any(|(n, on)| *n == workspace.name && *on);
                if !on {
                    return Err(ArmError::NotFound { resource: None });
                }
                json!({ "name": "default", "properties": { "customerManagedKey": false } })
            }
            Call::DataConnectors { workspace } => {
                if self.xdr_on == Some(workspace.name.as_str()) {
                    json!({ "value": [{ "name": "x", "kind": "MicrosoftThreatProtection", "properties": { "dataTypes": { "incidents": { "state": "Enabled" }, "alerts": { "state": "Enabled" } } } }] })
                } else {
                    json!({ "value": [{ "name": "y", "kind": "AzureActiveDirectory", "properties": {} }] })
                }
            }
            Call::AlertRules { .. } => self.rules.clone(),
            Call::AutomationRules { .. } => self.automation.clone(),
            Call::Permissions { .. } => self.actions.clone(),
            Call::Tables { .. } => self.tables.clone(),
        })
    }

    fn view(&self, page: &PageEvidence) -> TenantView {
        let mut c = Collection::start();
        answer_all(&mut c, |call, url| self.serve(call, url));
        assert!(c.facts().complete());
        tenant_view(Inputs {
            tenant: "home",
            page,
            arm: Some(c.facts()),
            arm_status: &ArmStatus::Read {
                at_ms: 1,
                complete: true,
            },
        })
    }
}

fn check<'a>(v: &'a TenantView, id: &str) -> &'a super::view::CheckResult {
    v.checks.iter().find(|c| c.id == id).expect("check present")
}

fn settled(values: &[(&str, &str)], rows: &[(&str, &str, &str)]) -> PageFacts {
    PageFacts {
        values: values
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        rows: rows
            .iter()
            .map(|(name, kind, status)| RowFacts {
                key: name.to_string(),
                values: BTreeMap::from([
                    ("workspace-type".to_string(), kind.to_string()),
                    ("workspace-status".to_string(), status.to_string()),
                ]),
            })
            .collect(),
        settled: true,
        ambiguous: Vec::new(),
    }
}

#[test]
fn nothing_known_says_unknown_and_never_passes() {
    let v = tenant_view(Inputs {
        tenant: "home",
        page: &PageEvidence::default(),
        arm: None,
        arm_status: &ArmStatus::NotConfigured,
    });
    assert_eq!(v.overall.value, Overall::Unknown);
    assert_eq!(v.chip.label, "Sentinel connection unknown");
    assert!(
        v.checks.iter().all(|c| c.state == CheckState::Unknown),
        "{:?}",
        v.checks
    );
    assert_eq!(v.checks.len(), 10);
}

#[test]
fn the_home_banner_and_the_workspaces_table_are_high_confidence_without_sign_in() {
    let mut page = PageEvidence::default();
    let mut unsettled = settled(
        &[("home-connect", "Get your SIEM and XDR in one place")],
        &[],
    );
    unsettled.settled = false;
    assert!(!page.absorb(&unsettled, 1));
    assert!(page.absorb(
        &settled(
            &[("home-connect", "Get your SIEM and XDR in one place")],
            &[]
        ),
        1
    ));
    let v = tenant_view(Inputs {
        tenant: "home",
        page: &page,
        arm: None,
        arm_status: &ArmStatus::NotConfigured,
    });
    assert_eq!(
        (v.overall.value, v.overall.confidence),
        (Overall::NotConnected, Some(Confidence::High))
    );
    assert_eq!(check(&v, "primary-connected").state, CheckState::Fail);

    let mut page = PageEvidence::default();
    page.absorb(
        &settled(&[("home-ready", "Your unified SIEM and XDR is ready")], &[]),
        1,
    );
    page.absorb(
        &settled(
            &[("sentinel-nav", "Microsoft Sentinel")],
            &[
                ("contoso-sentinel", "Primary", "Connected"),
                ("contoso-sentinel-eu", "Secondary", "Connected"),
            ],
        ),
        2,
    );
    assert_eq!(page.banner.as_ref().map(|b| b.value), Some(Banner::Ready));
    let v = tenant_view(Inputs {
        tenant: "home",
        page: &page,
        arm: None,
        arm_status: &ArmStatus::SignedOut,
    });
    assert_eq!(v.primary.as_deref(), Some("contoso-sentinel"));
    assert_eq!(
        v.chip.label,
        "Sentinel connected · primary contoso-sentinel"
    );
    assert_eq!(v.workspaces[1].connection.value, Connection::Secondary);
    assert_eq!(check(&v, "primary-connected").state, CheckState::Pass);
    assert_eq!(check(&v, "fusion-rule").state, CheckState::Unknown);
}

#[test]
fn arm_alone_finds_the_primary_with_medium_confidence_and_the_table_names_the_secondaries() {
    let t = Tenant {
        workspaces: vec![
            ("contoso-sentinel", true),
            ("contoso-sentinel-eu", true),
            ("contoso-sentinel-apac", true),
        ],
        ..Tenant::default()
    };
    let v = t.view(&PageEvidence::default());
    assert_eq!(
        (v.overall.value, v.overall.confidence),
        (Overall::Connected, Some(Confidence::Medium))
    );
    assert_eq!(v.primary.as_deref(), Some("contoso-sentinel"));
    assert_eq!(
        v.workspaces[1].connection.value,
        Connection::Unknown,
        "ARM cannot tell secondaries"
    );
    // Every check passes except the two whose decisive fact ARM cannot show: the role
    // assignment's condition and Entra role, and what integrations read from the API.
    let not_passing: Vec<(&str, CheckState)> = v
        .checks
        .iter()
        .filter(|c| c.state != CheckState::Pass)
        .map(|c| (c.id.as_str(), c.state))
        .collect();
    assert_eq!(
        not_passing,
        [
            ("onboarding-roles", CheckState::Unknown),
            ("incident-api-fields", CheckState::Unknown)
        ],
        "{:#?}",
        v.checks
    );
    let roles = check(&v, "onboarding-roles");
    assert!(
        roles.detail.contains("condition") && roles.detail.contains("Security Administrator"),
        "{}",
        roles.detail
    );
    assert!(roles
        .fix
        .as_deref()
        .is_some_and(|f| f.contains("without conditions")));

    let mut page = PageEvidence::default();
    page.absorb(
        &settled(
            &[],
            &[
                ("contoso-sentinel", "Primary", "Connected"),
                ("contoso-sentinel-eu", "Secondary", "Connected"),
                ("contoso-sentinel-apac", "Secondary", "Connected"),
            ],
        ),
        5,
    );
    let v = t.view(&page);
    assert_eq!(
        (v.overall.value, v.overall.confidence),
        (Overall::Connected, Some(Confidence::High))
    );
    let kinds: Vec<Connection> = v.workspaces.iter().map(|w| w.connection.value).collect();
    assert_eq!(
        kinds,
        [
            Connection::Primary,
            Connection::Secondary,
            Connection::Secondary
        ]
    );
    assert_eq!(check(&v, "primary-connected").items.len(), 3);
}

#[test]
fn a_tenant_without_the_connector_or_the_apps_is_not_connected_and_fusion_is_a_review() {
    let t = Tenant {
        xdr_on: None,
        apps: 0,
        rules: json!({ "value": [{ "name": "f", "kind": "Fusion", "properties": { "displayName": "Advanced Multistage Attack Detection", "enabled": true } }] }),
        ..Tenant::default()
    };
    let v = t.view(&PageEvidence::default());
    assert_eq!(
        (v.overall.value, v.overall.confidence),
        (Overall::NotConnected, Some(Confidence::Medium))
    );
    assert_eq!(check(&v, "fusion-rule").state, CheckState::Warn);
    assert_eq!(check(&v, "primary-connected").state, CheckState::Fail);
    assert_eq!(check(&v, "xdr-connector").state, CheckState::Unknown);
}

#[test]
fn sentinel_off_everywhere_fails_the_first_check_and_skips_its_resources() {
    let t = Tenant {
        workspaces: vec![("law-apps", false)],
        xdr_on: None,
        apps: 0,
        ..Tenant::default()
    };
    let mut c = Collection::start();
    let asked = answer_all(&mut c, |call, url| t.serve(call, url));
    assert!(
        !asked
            .iter()
            .any(|r| matches!(r.call, Call::AlertRules { .. })),
        "no SecurityInsights calls without Sentinel"
    );
    assert!(matches!(c.facts().workspaces[0].rules, Known::Skipped(_)));
    let v = tenant_view(Inputs {
        tenant: "home",
        page: &PageEvidence::default(),
        arm: Some(c.facts()),
        arm_status: &ArmStatus::Read {
            at_ms: 1,
            complete: true,
        },
    });
    assert_eq!(check(&v, "sentinel-enabled").state, CheckState::Fail);
    assert_eq!(
        (v.overall.value, v.overall.confidence),
        (Overall::NotConnected, Some(Confidence::High))
    );
    assert_eq!(v.workspaces[0].sentinel.value, Tri::No);
    assert!(
        v.problems.is_empty(),
        "a 404 on onboardingStates is an answer: {:?}",
        v.problems
    );
}

#[test]
fn fusion_on_in_a_connected_tenant_alert_only_rules_automation_and_short_retention_are_flagged() {
    let t = Tenant {
        rules: json!({ "value": [
            { "name": "f", "kind": "Fusion", "properties": { "displayName": "Advanced Multistage Attack Detection", "enabled": true } },
            { "name": "a", "kind": "Scheduled", "properties": { "displayName": "Alert only <b>x</b>", "enabled": true, "incidentConfiguration": { "createIncident": false } } },
            { "name": "n", "kind": "NRT", "properties": { "displayName": "Off rule", "enabled": false, "incidentConfiguration": { "createIncident": false } } },
            { "name": "m", "kind": "MicrosoftSecurityIncidentCreation", "properties": { "displayName": "MDC incidents", "enabled": true } }
        ] }),
        automation: json!({ "value": [{ "name": "t", "properties": { "displayName": "Close phishing", "triggeringLogic": { "isEnabled": true, "conditions": [
            { "conditionType": "Property", "conditionProperties": { "propertyName": "IncidentTitle", "operator": "Contains", "propertyValues": ["Phish"] } },
            { "conditionType": "Property", "conditionProperties": { "propertyName": "IncidentProviderName", "operator": "Equals", "propertyValues": ["Azure Sentinel"] } }
        ] } } }] }),
        tables: json!({ "value": [{ "name": "DeviceEvents", "properties": { "retentionInDays": 30, "totalRetentionInDays": 30 } }, { "name": "Heartbeat", "properties": { "retentionInDays": 30 } }] }),
        ..Tenant::default()
    };
    let v = t.view(&PageEvidence::default());
    // Fusion on in a connected tenant is a review: the docs say connecting disables it, and
    // nothing more (not which workspace is primary).
    let fusion = check(&v, "fusion-rule");
    assert_eq!(fusion.state, CheckState::Warn);
    assert!(!fusion.detail.contains("primary"), "{}", fusion.detail);
    let alert_only = check(&v, "alert-only-rules");
    assert_eq!(
        (alert_only.state, alert_only.items.clone()),
        (
            CheckState::Warn,
            vec!["contoso-sentinel (Alert only <b>x</b>)".to_string()]
        )
    );
    assert_eq!(check(&v, "incident-creation-rules").state, CheckState::Warn);
    let auto = check(&v, "automation-conditions");
    assert_eq!((auto.state, auto.items.len()), (CheckState::Warn, 2));
    let api = check(&v, "incident-api-fields");
    assert_eq!(
        (api.state, api.items.clone()),
        (
            CheckState::Warn,
            vec!["contoso-sentinel (Close phishing): tests IncidentProviderName".to_string()]
        )
    );
    assert!(api
        .fix
        .as_deref()
        .is_some_and(|f| f.contains("providerIncidentUrl")
            && f.contains("$expand=alerts")
            && f.contains("Microsoft XDR")));
    assert!(check(&v, "incident-creation-rules")
        .fix
        .as_deref()
        .is_some_and(|f| f.contains("Retain Sentinel incident creation behavior for XDR alerts")));
    let tables = check(&v, "xdr-table-retention");
    assert_eq!(
        tables.items,
        vec!["contoso-sentinel (DeviceEvents): 30 days".to_string()]
    );
    assert!(tables.fix.is_some() && check(&v, "sentinel-enabled").fix.is_none());
}

#[test]
fn missing_roles_name_the_operations() {
    let t = Tenant {
        actions: json!({ "value": [{ "actions": ["*/read", "Microsoft.SecurityInsights/*"], "notActions": [] }] }),
        ..Tenant::default()
    };
    let roles = check(&t.view(&PageEvidence::default()), "onboarding-roles").clone();
    assert_eq!(roles.state, CheckState::Fail);
    assert_eq!(
        roles.items,
        vec!["contoso-sentinel: lacks Microsoft.Authorization/roleAssignments/write".to_string()]
    );
}

#[test]
fn lists_follow_next_links_on_arm_only_and_never_twice() {
    let w = ws("contoso-sentinel");
    let page = |n: u32, next: Option<String>| json!({ "value": [{ "name": format!("r{n}"), "kind": "Scheduled", "properties": { "enabled": true, "displayName": format!("Rule {n}"), "incidentConfiguration": { "createIncident": false } } }], "nextLink": next });
    let mut c = collection_at(&w);
    answer_all(&mut c, |call, url| match call {
        Call::AlertRules { .. } if url.contains("skipToken=2") => Ok(page(2, None)),
        Call::AlertRules { .. } => Ok(page(1, Some(format!("{}&$skipToken=2", call.url())))),
        _ => Ok(json!({ "value": [] })),
    });
    let rules = c.facts().workspaces[0].rules.got().expect("read").clone();
    assert_eq!((rules.total, rules.alert_only.len()), (2, 2));

    for next in [
        "https://evil.example/subscriptions?api-version=1",
        "https://management.azure.com.evil.example/x",
    ] {
        let mut c = collection_at(&w);
        answer_all(&mut c, |call, _| match call {
            Call::AlertRules { .. } => Ok(page(1, Some(next.to_string()))),
            _ => Ok(json!({ "value": [] })),
        });
        assert!(
            matches!(
                c.facts().workspaces[0].rules,
                Known::Failed(ArmError::Malformed { .. })
            ),
            "{next}"
        );
    }

    let mut c = collection_at(&w);
    let loop_link = format!(
        "{}&$skipToken=same",
        Call::AlertRules {
            workspace: w.clone()
        }
        .url()
    );
    let asked = answer_all(&mut c, |call, _| match call {
        Call::AlertRules { .. } => Ok(page(1, Some(loop_link.clone()))),
        _ => Ok(json!({ "value": [] })),
    });
    assert!(
        asked
            .iter()
            .filter(|r| matches!(r.call, Call::AlertRules { .. }))
            .count()
            <= 2
    );
    assert!(matches!(c.facts().workspaces[0].rules, Known::Failed(_)));
}

#[test]
fn throttling_waits_as_asked_and_server_errors_retry_once_then_keep_what_was_known() {
    let t = Tenant::default();
    let mut c = Collection::start();
    let mut throttled_once = false;
    let asked = answer_all(&mut c, |call, url| match call {
        Call::Subscriptions if !throttled_once => {
            throttled_once = true;
            Err(ArmError::Throttled {
                retry_after_secs: 2,
            })
        }
        Call::AlertRules { .. } => Err(ArmError::Server { status: 500 }),
        _ => t.serve(call, url),
    });
    assert_eq!(
        (asked[1].delay_secs, asked[1].attempt),
        (2, 2),
        "the retry waits Retry-After"
    );
    let rule_calls: Vec<&Request> = asked
        .iter()
        .filter(|r| matches!(r.call, Call::AlertRules { .. }))
        .collect();
    assert_eq!(rule_calls.len(), 2, "one retry after a 500");
    assert_eq!(rule_calls[1].delay_secs, 2);
    let f = c.facts();
    assert!(matches!(
        f.workspaces[0].rules,
        Known::Failed(ArmError::Server { status: 500 })
    ));
    assert!(
        f.workspaces[0].connector.got().is_some(),
        "other reads are kept"
    );
    let v = tenant_view(Inputs {
        tenant: "home",
        page: &PageEvidence::default(),
        arm: Some(f),
        arm_status: &ArmStatus::Read {
            at_ms: 1,
            complete: false,
        },
    });
    assert_eq!(check(&v, "fusion-rule").state, CheckState::Unknown);
    assert_eq!(
        v.overall.value,
        Overall::Connected,
        "what the connector told is not lost"
    );
    assert_eq!(v.problems, vec!["the analytics rules of contoso-sentinel: Azure had a server error (HTTP 500); try again in a moment.".to_string()]);

    let mut c = Collection::start();
    answer_all(&mut c, |_, _| {
        Err(ArmError::Throttled {
            retry_after_secs: 1,
        })
    });
    assert!(matches!(
        c.facts().subscriptions_read,
        Known::Failed(ArmError::Throttled { .. })
    ));
}

#[test]
fn an_unauthorized_subscription_list_stops_with_a_clear_problem() {
    let mut c = Collection::start();
    let asked = answer_all(&mut c, |_, _| Err(ArmError::Unauthorized));
    assert_eq!(asked.len(), 1);
    let v = tenant_view(Inputs {
        tenant: "home",
        page: &PageEvidence::default(),
        arm: Some(c.facts()),
        arm_status: &ArmStatus::Read {
            at_ms: 1,
            complete: false,
        },
    });
    assert_eq!(v.overall.value, Overall::Unknown);
    assert!(v.problems[0].contains("sign in again"), "{:?}", v.problems);
    let passing: Vec<&str> = v
        .checks
        .iter()
        .filter(|c| c.state == CheckState::Pass)
        .map(|c| c.id.as_str())
        .collect();
    assert!(passing.is_empty(), "nothing read, yet passing: {passing:?}");
}

#[test]
fn stale_or_unknown_answers_are_ignored() {
    let mut c = Collection::start();
    c.absorb(999, Ok(Page::SentinelEnabled));
    let r = c.next_request().expect("subscriptions");
    c.absorb(r.id, Ok(decode(&r.call, &json!({ "value": [] }))));
    c.absorb(r.id, Err(ArmError::Timeout));
    assert_eq!(c.facts().subscriptions_read, Known::Got(0));
}

#[test]
fn a_malformed_body_is_a_decode_error_not_a_panic() {
    let call = Call::DataConnectors { workspace: ws("w") };
    for body in [
        json!({ "value": "nope" }),
        json!([1, 2]),
        json!({ "value": [{ "kind": 5 }] }),
    ] {
        assert!(decode_page(&call, &body).is_err());
    }
}

#[test]
fn an_answer_is_read_from_its_status_then_its_body() {
    use super::collect::read_answer;
    let call = Call::DataConnectors { workspace: ws("w") };
    let none: Option<Value> = None;
    assert!(matches!(
        read_answer(&call, 200, None, 0, Some(json!({ "value": [] }))),
        Ok(Page::DataConnectors(_))
    ));
    assert_eq!(
        read_answer(&call, 429, Some("7"), 0, none.clone()).err(),
        Some(ArmError::Throttled {
            retry_after_secs: 7
        })
    );
    assert_eq!(
        read_answer(&call, 200, None, 0, none.clone()).err(),
        Some(ArmError::malformed("the answer is not JSON"))
    );
    let quoted = read_answer(
        &call,
        200,
        None,
        0,
        Some(json!({ "value": "<b>secret</b>" })),
    );
    assert!(
        matches!(&quoted, Err(ArmError::Malformed { reason }) if !reason.contains("secret")),
        "{quoted:?}"
    );
    let state = Call::SentinelState { workspace: ws("w") };
    assert_eq!(
        read_answer(&state, 200, None, 0, none.clone()),
        Ok(Page::SentinelEnabled),
        "onboardingStates is read from its status; its body does not matter"
    );
    assert_eq!(
        read_answer(&state, 404, None, 0, none).err(),
        Some(ArmError::NotFound { resource: None })
    );
}

#[test]
fn a_reading_that_gets_nothing_keeps_the_earlier_facts() {
    use super::run::{self, ArmRecord};
    let mut good = Collection::start();
    answer_all(&mut good, |call, url| Tenant::default().serve(call, url));
    let earlier = run::settle(None, good.facts().clone(), 10);
    assert_eq!(
        earlier.status,
        ArmStatus::Read {
            at_ms: 10,
            complete: true
        }
    );
    let mut refused = Collection::start();
    answer_all(&mut refused, |_, _| Err(ArmError::Unauthorized));
    let later = run::settle(Some(earlier.clone()), refused.facts().clone(), 20);
    assert_eq!(later.facts, earlier.facts, "what was known is kept");
    assert!(
        matches!(&later.status, ArmStatus::Failed { message } if message.contains("sign in again")),
        "{:?}",
        later.status
    );
    let first = run::settle(None, refused.facts().clone(), 20);
    assert_eq!(
        first.facts,
        refused.facts().clone(),
        "the failure itself is shown"
    );
    assert_eq!(run::reading(Some(earlier.clone())).facts, earlier.facts);
    let ArmRecord { status, .. } = run::sign_in_failed(None, "no".into());
    assert_eq!(
        status,
        ArmStatus::Failed {
            message: "no".into()
        }
    );
    assert_eq!(run::idle_status(false), ArmStatus::NotConfigured);
}

#[test]
fn the_report_round_trips_and_import_names_the_bad_field() {
    let mut page = PageEvidence::default();
    page.absorb(
        &settled(&[], &[("contoso | <script>", "Primary", "Connected")]),
        5,
    );
    let v = Tenant {
        workspaces: vec![("contoso | <script>", true)],
        xdr_on: Some("contoso | <script>"),
        ..Tenant::default()
    };
    // The name is not a valid ARM name, so ARM-side it is dropped; the page still lists it.
    let view = v.view(&page);
    let file = ReportFile::new(view, "2026-11-23T10:00:00Z".into());
    let json_text = serde_json::to_string(&file).expect("serializes");
    let back: ReportFile = serde_json::from_str(&json_text).expect("reads back");
    assert_eq!(back, file);
    assert_eq!(back.check(), Ok(()));
    let md = report::markdown(&back);
    assert!(md.contains("contoso \\| \\<script\\>"), "{md}");
    assert!(!md.contains("<script>"));

    let mut value: Value = serde_json::from_str(&json_text).expect("json");
    value["view"]["extra"] = json!(1);
    let err = serde_json::from_value::<ReportFile>(value)
        .expect_err("unknown field refused")
        .to_string();
    assert!(err.contains("extra"), "{err}");

    let mut wrong = back.clone();
    wrong.version = 2;
    assert!(wrong.check().expect_err("version").starts_with("version"));
    let mut wrong = back.clone();
    wrong.view.checks[0].doc = "https://evil.example/".into();
    assert!(wrong.check().expect_err("doc").contains(".doc"));
    let mut wrong = back;
    wrong.view.workspaces[0].name = "x".repeat(3000);
    assert!(wrong
        .check()
        .expect_err("long")
        .contains("workspaces[0].name"));
}

mod sign_in {
    use super::super::signin::{self, AppRegistration, FlowSecrets, WireToken};

    const REDIRECT: &str = "https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/";

    fn app() -> AppRegistration {
        AppRegistration {
            tenant: "6f3c2b1a-4d5e-4f60-8a7b-9c0d1e2f3a4b".into(),
            client_id: "11111111-2222-4333-8444-555555555555".into(),
        }
    }

    fn secrets() -> FlowSecrets {
        FlowSecrets {
            state: "c3RhdGUtc3RhdGUtc3RhdGU".into(),
            challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM".into(),
        }
    }

    #[test]
    fn the_authorize_url_asks_for_a_code_with_pkce_for_arm_only() {
        let url = signin::authorize_url(&app(), REDIRECT, &secrets()).expect("valid");
        assert!(url.starts_with("https://login.microsoftonline.com/6f3c2b1a-4d5e-4f60-8a7b-9c0d1e2f3a4b/oauth2/v2.0/authorize?"));
        for part in [
            "client_id=11111111-2222-4333-8444-555555555555",
            "response_type=code",
            "redirect_uri=https%3A%2F%2Fabcdefghijklmnopabcdefghijklmnop.chromiumapp.org%2F",
            "scope=https%3A%2F%2Fmanagement.azure.com%2Fuser_impersonation",
            "code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
            "code_challenge_method=S256",
            "state=c3RhdGUtc3RhdGUtc3RhdGU",
        ] {
            assert!(url.contains(part), "{part} in {url}");
        }
        let domain = AppRegistration {
            tenant: "contoso.onmicrosoft.com".into(),
            ..app()
        };
        assert!(signin::authorize_url(&domain, REDIRECT, &secrets()).is_ok());
        let bad = AppRegistration {
            tenant: "contoso/../x".into(),
            ..app()
        };
        assert!(signin::authorize_url(&bad, REDIRECT, &secrets())
            .expect_err("tenant")
            .starts_with("Tenant"));
        let bad = AppRegistration {
            client_id: "my app".into(),
            ..app()
        };
        assert!(signin::authorize_url(&bad, REDIRECT, &secrets())
            .expect_err("client")
            .starts_with("Client id"));
        assert!(signin::authorize_url(&app(), "https://evil.example/", &secrets()).is_err());
        let weak = FlowSecrets {
            challenge: "short".into(),
            ..secrets()
        };
        assert!(signin::authorize_url(&app(), REDIRECT, &weak).is_err());
    }

    #[test]
    fn the_redirect_must_carry_our_state_and_a_code() {
        let ok =
            format!("{REDIRECT}?code=0.AAA-code&state=c3RhdGUtc3RhdGUtc3RhdGU&session_state=x");
        assert_eq!(
            signin::read_redirect(&ok, REDIRECT, "c3RhdGUtc3RhdGUtc3RhdGU"),
            Ok("0.AAA-code".into())
        );
        let other_state = format!("{REDIRECT}?code=x&state=forged");
        assert!(
            signin::read_redirect(&other_state, REDIRECT, "c3RhdGUtc3RhdGUtc3RhdGU")
                .expect_err("state")
                .contains("state mismatch")
        );
        let error = format!("{REDIRECT}?error=access_denied&error_description=AADSTS65004%3A+User+declined.&state=s");
        assert_eq!(
            signin::read_redirect(&error, REDIRECT, "s"),
            Err("Sign-in failed (access_denied): AADSTS65004: User declined.".into())
        );
        assert!(
            signin::read_redirect("https://evil.example/?code=x&state=s", REDIRECT, "s").is_err()
        );
        assert!(signin::read_redirect(&format!("{REDIRECT}?state=s"), REDIRECT, "s").is_err());
    }

    #[test]
    fn the_token_answer_must_be_a_bearer_token_for_arm_with_an_expiry() {
        let good = WireToken {
            token_type: Some("Bearer".into()),
            scope: Some("https://management.azure.com/user_impersonation".into()),
            expires_in: Some(3599),
            access_token: Some("eyJ0eXAi.x.y".into()),
            ..WireToken::default()
        };
        let t = signin::read_token(200, good.clone(), 1_000).expect("fresh token");
        assert_eq!(t.expires_at_ms, 1_000 + 3_599_000);
        assert!(t.is_fresh(1_000) && !t.is_fresh(1_000 + 3_500_000));
        let graph = WireToken {
            scope: Some("https://graph.microsoft.com/User.Read".into()),
            ..good.clone()
        };
        assert!(signin::read_token(200, graph, 0).is_err());
        let no_expiry = WireToken {
            expires_in: None,
            ..good
        };
        assert!(signin::read_token(200, no_expiry, 0).is_err());
        let entra = WireToken {
            error: Some("invalid_grant".into()),
            error_description: Some("AADSTS70008: expired\u{7}".into()),
            ..WireToken::default()
        };
        assert_eq!(
            signin::read_token(400, entra, 0),
            Err("Sign-in failed (invalid_grant): AADSTS70008: expired".into())
        );
        assert!(signin::read_token(500, WireToken::default(), 0)
            .expect_err("500")
            .contains("HTTP 500"));
        let body = signin::token_form(&app(), "c o+de", REDIRECT, "verifier-1");
        assert!(body.starts_with("client_id=11111111-2222-4333-8444-555555555555&grant_type=authorization_code&code=c%20o%2Bde&"));
        assert!(body.contains("code_verifier=verifier-1"));
    }
}

#[test]
fn markdown_export_leaves_no_bare_link_or_address() {
    let text = "see https://evil.example/x, WWW.evil.example or mail a@evil.example";
    let md = report::md_escape(text);
    assert_eq!(
        md,
        "see https\\://evil.example/x, WWW\\.evil.example or mail a\\@evil.example"
    );
    assert!(
        !md.contains("https://"),
        "no URL scheme left for an autolink"
    );
    assert_eq!(
        report::md_escape("wwwé.x"),
        "wwwé.x",
        "only www right before the dot"
    );
}

#[test]
fn only_one_heading_with_the_banners_words_and_nothing_more_is_the_banner() {
    let banner_of = |facts: PageFacts| {
        let mut page = PageEvidence::default();
        page.absorb(&facts, 1);
        page.banner.map(|b| b.value)
    };
    let ready = "Your unified SIEM and XDR is ready";
    assert_eq!(
        banner_of(settled(
            &[("home-ready", "  Your unified\n SIEM and XDR   is ready ")],
            &[]
        )),
        Some(Banner::Ready),
        "white space is the page's layout, not its words"
    );
    assert_eq!(
        banner_of(settled(
            &[(
                "home-ready",
                "Your unified SIEM and XDR is ready for Fabrikam"
            )],
            &[]
        )),
        None,
        "a heading that only starts with the words (an incident title, say) is not the banner"
    );
    let mut twice = settled(&[("home-ready", ready)], &[]);
    twice.ambiguous = vec!["home-ready".to_string()];
    assert_eq!(
        banner_of(twice),
        None,
        "two such headings: which is the banner can't be told"
    );
    let mut other_doubt = settled(&[("home-ready", ready)], &[]);
    other_doubt.ambiguous = vec!["sentinel-nav".to_string()];
    assert_eq!(banner_of(other_doubt), Some(Banner::Ready));
    assert_eq!(
        spec::reader_words("home-connect").as_deref(),
        Some("Get your SIEM and XDR in one place")
    );
    assert_eq!(
        spec::reader_words("sentinel-nav").as_deref(),
        Some("Microsoft Sentinel")
    );
    assert_eq!(spec::reader_words("no-such-reader"), None);
}
