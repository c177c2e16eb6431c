#![allow(clippy::unwrap_used)]

use std::time::Duration;

use serde_json::Value;

use crate::request::{DemoRequest, Method, Reply};
use crate::testkit::*;
use crate::DemoState;

const CONTOSO_SUB: &str = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";
const CONTOSO_TENANT: &str = "6f3c2b1a-4d5e-4f60-8a7b-9c0d1e2f3a4b";
const FABRIKAM_SUB: &str = "1a2b3c4d-5e6f-4708-9a1b-2c3d4e5f6a7b";
const SENTINEL_CONTRIBUTOR: &str = "ab8e14d6-4a74-4a29-9ba8-549422addade";

/// Paths of one workspace, with the contract's api-versions.
struct Ws {
    base: String,
}

impl Ws {
    fn new(sub: &str, rg: &str, name: &str) -> Self {
        Ws {
            base: format!("/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.OperationalInsights/workspaces/{name}"),
        }
    }
    fn onboarding(&self) -> String {
        format!("{}/providers/Microsoft.SecurityInsights/onboardingStates/default?api-version=2024-09-01", self.base)
    }
    fn connectors(&self) -> String {
        format!(
            "{}/providers/Microsoft.SecurityInsights/dataConnectors?api-version=2025-07-01-preview",
            self.base
        )
    }
    fn alert_rules(&self) -> String {
        format!(
            "{}/providers/Microsoft.SecurityInsights/alertRules?api-version=2024-09-01",
            self.base
        )
    }
    fn automation(&self) -> String {
        format!(
            "{}/providers/Microsoft.SecurityInsights/automationRules?api-version=2024-09-01",
            self.base
        )
    }
    fn permissions(&self) -> String {
        format!(
            "{}/providers/Microsoft.Authorization/permissions?api-version=2022-04-01",
            self.base
        )
    }
    fn tables(&self) -> String {
        format!("{}/tables?api-version=2025-02-01", self.base)
    }
}

fn subscriptions() -> String {
    "/subscriptions?api-version=2022-12-01".to_string()
}
fn workspaces(sub: &str) -> String {
    format!("/subscriptions/{sub}/providers/Microsoft.OperationalInsights/workspaces?api-version=2025-02-01")
}
fn role_assignments(sub: &str) -> String {
    format!("/subscriptions/{sub}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01")
}

/// The first subscription and first workspace of a scenario, as ARM names them.
fn first_ws(id: &str) -> (String, Ws) {
    let d = arm_data();
    let s = &d.scenarios[d.scenario_index(id).unwrap()];
    let sub = &s.subscriptions[0];
    let (g, w) = sub.workspaces().next().unwrap();
    (sub.id.clone(), Ws::new(&sub.id, &g.name, &w.name))
}

fn ok(state: &mut DemoState, token: &str, target: &str) -> Value {
    let r = arm_get(state, token, target);
    assert_eq!(r.response.status, 200, "{target}: {}", text(&r.response));
    assert_eq!(r.delay, None);
    json(&r.response)
}

fn err(r: &Reply, status: u16, code: &str) {
    assert_eq!(r.response.status, status, "{}", text(&r.response));
    let v = json(&r.response);
    assert_eq!(v["error"]["code"], code, "{v}");
    assert!(v["error"]["message"]
        .as_str()
        .is_some_and(|m| !m.is_empty()));
}

fn values(v: &Value) -> &Vec<Value> {
    v["value"].as_array().unwrap()
}

fn names(v: &Value) -> Vec<String> {
    values(v)
        .iter()
        .map(|i| i["name"].as_str().unwrap().to_string())
        .collect()
}

fn signed_in(id: &str) -> (DemoState, String) {
    let mut s = new_state();
    let t = sign_in(&mut s, id);
    (s, t)
}

#[test]
fn without_a_token_arm_answers_401_with_a_challenge() {
    let mut s = new_state();
    let r = send(
        &mut s,
        &DemoRequest::get("management.azure.com", &subscriptions()),
    );
    err(&r, 401, "AuthenticationFailed");
    let challenge = r.response.header("WWW-Authenticate").unwrap();
    assert_eq!(
        challenge,
        "Bearer authorization_uri=\"https://login.microsoftonline.com/common\", error=\"invalid_token\", error_description=\"The authentication failed because of missing 'Authorization' header.\""
    );
    // With a subscription in the path, the challenge names its tenant.
    let r = send(
        &mut s,
        &DemoRequest::get("management.azure.com", &workspaces(CONTOSO_SUB)),
    );
    assert!(r
        .response
        .header("WWW-Authenticate")
        .unwrap()
        .contains(&format!("login.microsoftonline.com/{CONTOSO_TENANT}\"")));
    let mut basic = DemoRequest::get("management.azure.com", &subscriptions());
    basic.authorization = Some("Basic dXNlcjpwdw==".into());
    err(&send(&mut s, &basic), 401, "AuthenticationFailed");
    err(
        &arm_get(&mut s, "not-a-token", &subscriptions()),
        401,
        "InvalidAuthenticationToken",
    );
}

#[test]
fn an_expired_token_is_refused() {
    let (mut s, t) = signed_in("contoso");
    let late = DemoRequest::get("management.azure.com", &subscriptions())
        .bearer(&t)
        .at(NOW + 3599);
    let r = send(&mut s, &late);
    err(&r, 401, "ExpiredAuthenticationToken");
    assert!(r.response.header("WWW-Authenticate").is_some());
    let before = DemoRequest::get("management.azure.com", &subscriptions())
        .bearer(&t)
        .at(NOW + 3598);
    assert_eq!(send(&mut s, &before).response.status, 200);
}

#[test]
fn api_version_is_required_and_exact() {
    let (mut s, t) = signed_in("contoso");
    let (sub, ws) = first_ws("contoso");
    let all = [
        subscriptions(),
        workspaces(&sub),
        role_assignments(&sub),
        ws.onboarding(),
        ws.connectors(),
        ws.alert_rules(),
        ws.automation(),
        ws.permissions(),
        ws.tables(),
    ];
    for target in &all {
        assert_eq!(arm_get(&mut s, &t, target).response.status, 200, "{target}");
        let (path, version) = target.split_once("?api-version=").unwrap();
        err(
            &arm_get(&mut s, &t, path),
            400,
            "MissingApiVersionParameter",
        );
        let wrong = if version == "2024-09-01" {
            "2025-09-01"
        } else {
            "2024-09-01"
        };
        let r = arm_get(&mut s, &t, &format!("{path}?api-version={wrong}"));
        err(&r, 400, "InvalidApiVersionParameter");
        assert!(json(&r.response)["error"]["message"]
            .as_str()
            .unwrap()
            .contains(version));
    }
    // The parameter name is case-insensitive, like ARM's.
    assert_eq!(
        arm_get(&mut s, &t, "/subscriptions?API-Version=2022-12-01")
            .response
            .status,
        200
    );
}

#[test]
fn contoso_shows_three_workspaces_with_xdr_on_the_primary() {
    let (mut s, t) = signed_in("contoso");
    let subs = ok(&mut s, &t, &subscriptions());
    assert_eq!(values(&subs).len(), 1);
    assert_eq!(subs["value"][0]["subscriptionId"], CONTOSO_SUB);
    assert_eq!(subs["value"][0]["tenantId"], CONTOSO_TENANT);
    assert_eq!(subs["value"][0]["displayName"], "Contoso Security");
    assert!(subs.get("nextLink").is_none());
    let ws = ok(&mut s, &t, &workspaces(CONTOSO_SUB));
    assert_eq!(
        names(&ws),
        [
            "contoso-sentinel",
            "contoso-sentinel-eu",
            "contoso-sentinel-apac"
        ]
    );
    assert_eq!(
        ws["value"][0]["id"],
        format!("/subscriptions/{CONTOSO_SUB}/resourcegroups/soc-rg/providers/microsoft.operationalinsights/workspaces/contoso-sentinel")
    );
    for (name, primary) in [
        ("contoso-sentinel", true),
        ("contoso-sentinel-eu", false),
        ("contoso-sentinel-apac", false),
    ] {
        let w = Ws::new(CONTOSO_SUB, "soc-rg", name);
        ok(&mut s, &t, &w.onboarding());
        let c = ok(&mut s, &t, &w.connectors());
        let xdr: Vec<&Value> = values(&c)
            .iter()
            .filter(|i| i["kind"] == "MicrosoftThreatProtection")
            .collect();
        assert_eq!(xdr.len(), usize::from(primary), "{name}");
        if primary {
            assert_eq!(
                xdr[0]["properties"]["dataTypes"]["incidents"]["state"],
                "Enabled"
            );
            assert_eq!(
                xdr[0]["properties"]["dataTypes"]["alerts"]["state"],
                "Enabled"
            );
            assert_eq!(xdr[0]["properties"]["tenantId"], CONTOSO_TENANT);
        }
    }
    let ra = ok(&mut s, &t, &role_assignments(CONTOSO_SUB));
    let sps: Vec<&Value> = values(&ra)
        .iter()
        .filter(|a| a["properties"]["principalType"] == "ServicePrincipal")
        .collect();
    assert_eq!(sps.len(), 2);
    for a in sps {
        let role = a["properties"]["roleDefinitionId"].as_str().unwrap();
        assert_eq!(
            role,
            format!("/subscriptions/{CONTOSO_SUB}/providers/Microsoft.Authorization/roleDefinitions/{SENTINEL_CONTRIBUTOR}")
        );
    }
    let perms = ok(
        &mut s,
        &t,
        &Ws::new(CONTOSO_SUB, "soc-rg", "contoso-sentinel").permissions(),
    );
    let actions: Vec<&str> = values(&perms)
        .iter()
        .flat_map(|p| {
            p["actions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap())
        })
        .collect();
    assert!(actions.contains(&"Microsoft.Authorization/*"));
    assert!(actions.contains(&"Microsoft.SecurityInsights/*"));
}

#[test]
fn contoso_analytics_rules_come_in_two_pages() {
    let (mut s, t) = signed_in("contoso");
    let w = Ws::new(CONTOSO_SUB, "soc-rg", "contoso-sentinel");
    let first = ok(&mut s, &t, &w.alert_rules());
    assert_eq!(values(&first).len(), 50);
    let next = first["nextLink"].as_str().unwrap();
    let rest = next.strip_prefix("https://management.azure.com").unwrap();
    assert!(rest.starts_with(&format!(
        "{}/providers/Microsoft.SecurityInsights/alertRules?api-version=2024-09-01&$skipToken=",
        w.base
    )));
    let second = ok(&mut s, &t, rest);
    assert_eq!(values(&second).len(), 23);
    assert!(second.get("nextLink").is_none());
    let mut all = names(&first);
    all.extend(names(&second));
    let unique: std::collections::HashSet<&String> = all.iter().collect();
    assert_eq!(unique.len(), 73);
    let fusion = values(&first)
        .iter()
        .find(|r| r["kind"] == "Fusion")
        .unwrap();
    assert_eq!(fusion["properties"]["enabled"], false);
    // The same request gives the same rules (derived ids are stable).
    assert_eq!(names(&ok(&mut s, &t, &w.alert_rules())), names(&first));
    err(
        &arm_get(
            &mut s,
            &t,
            &format!("{}&$skipToken=garbage", w.alert_rules()),
        ),
        400,
        "InvalidSkipToken",
    );
}

#[test]
fn fabrikam_is_not_onboarded() {
    let (mut s, t) = signed_in("fabrikam");
    assert_eq!(
        names(&ok(&mut s, &t, &workspaces(FABRIKAM_SUB))),
        ["fabrikam-sentinel", "fabrikam-logs"]
    );
    let on = Ws::new(FABRIKAM_SUB, "secops", "fabrikam-sentinel");
    let off = Ws::new(FABRIKAM_SUB, "secops", "fabrikam-logs");
    ok(&mut s, &t, &on.onboarding());
    err(&arm_get(&mut s, &t, &off.onboarding()), 404, "NotFound");
    let c = ok(&mut s, &t, &on.connectors());
    assert!(values(&c)
        .iter()
        .all(|i| i["kind"] != "MicrosoftThreatProtection"));
    assert!(values(&c)
        .iter()
        .any(|i| i["kind"] == "MicrosoftDefenderAdvancedThreatProtection"));
    let ra = ok(&mut s, &t, &role_assignments(FABRIKAM_SUB));
    assert!(values(&ra)
        .iter()
        .all(|a| a["properties"]["principalType"] == "User"));
    let rules = ok(&mut s, &t, &on.alert_rules());
    let fusion = values(&rules)
        .iter()
        .find(|r| r["kind"] == "Fusion")
        .unwrap();
    assert_eq!(fusion["properties"]["enabled"], true);
    assert!(values(&rules)
        .iter()
        .any(|r| r["kind"] == "MicrosoftSecurityIncidentCreation"
            && r["properties"]["enabled"] == true));
}

#[test]
fn each_scenario_shows_its_difference() {
    let rules_of = |id: &str| {
        let (mut s, t) = signed_in(id);
        let (_, w) = first_ws(id);
        ok(&mut s, &t, &w.alert_rules())
    };
    let fusion_enabled = |v: &Value| {
        values(v).iter().find(|r| r["kind"] == "Fusion").unwrap()["properties"]["enabled"].clone()
    };
    let alert_only = |v: &Value| {
        values(v).iter().any(|r| {
            r["kind"] == "Scheduled"
                && r["properties"]["incidentConfiguration"]["createIncident"] == false
        })
    };

    let base = rules_of("primary-only");
    assert_eq!(fusion_enabled(&base), false);
    assert!(!alert_only(&base));
    assert_eq!(fusion_enabled(&rules_of("fusion-on")), true);
    assert!(alert_only(&rules_of("alert-only")));

    // primary-only: one workspace, XDR connector on, service principals assigned.
    let (mut s, t) = signed_in("primary-only");
    let (sub, w) = first_ws("primary-only");
    assert_eq!(values(&ok(&mut s, &t, &workspaces(&sub))).len(), 1);
    let c = ok(&mut s, &t, &w.connectors());
    assert!(values(&c)
        .iter()
        .any(|i| i["kind"] == "MicrosoftThreatProtection"));
    let ra = ok(&mut s, &t, &role_assignments(&sub));
    assert_eq!(
        values(&ra)
            .iter()
            .filter(|a| a["properties"]["principalType"] == "ServicePrincipal")
            .count(),
        2
    );

    // sentinel-off: no onboarding state, no Sentinel lists; tables and permissions still answer.
    let (mut s, t) = signed_in("sentinel-off");
    let (_, w) = first_ws("sentinel-off");
    err(&arm_get(&mut s, &t, &w.onboarding()), 404, "NotFound");
    err(&arm_get(&mut s, &t, &w.alert_rules()), 404, "NotFound");
    ok(&mut s, &t, &w.tables());
    ok(&mut s, &t, &w.permissions());

    // automation-title: a condition on IncidentTitle.
    let (mut s, t) = signed_in("automation-title");
    let (_, w) = first_ws("automation-title");
    let a = ok(&mut s, &t, &w.automation());
    let props: Vec<&str> = values(&a)
        .iter()
        .flat_map(|r| {
            r["properties"]["triggeringLogic"]["conditions"]
                .as_array()
                .unwrap()
                .iter()
        })
        .map(|c| c["conditionProperties"]["propertyName"].as_str().unwrap())
        .collect();
    assert!(props.contains(&"IncidentTitle"), "{props:?}");

    // missing-roles: neither role-assignment writes nor Sentinel writes.
    let (mut s, t) = signed_in("missing-roles");
    let (_, w) = first_ws("missing-roles");
    let p = ok(&mut s, &t, &w.permissions());
    let actions: Vec<String> = values(&p)
        .iter()
        .flat_map(|e| {
            e["actions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap().to_string())
        })
        .collect();
    for grants_write in [
        "*",
        "Microsoft.Authorization/*",
        "Microsoft.Authorization/roleAssignments/write",
        "Microsoft.SecurityInsights/*",
        "Microsoft.SecurityInsights/*/write",
    ] {
        assert!(!actions.iter().any(|a| a == grants_write), "{grants_write}");
    }
    assert!(actions
        .iter()
        .any(|a| a == "Microsoft.SecurityInsights/*/read"));
}

#[test]
fn err_401_refuses_every_call() {
    let (mut s, t) = signed_in("err-401");
    let (sub, w) = first_ws("err-401");
    for target in [
        subscriptions(),
        workspaces(&sub),
        w.tables(),
        "/nothing/here".to_string(),
    ] {
        let r = arm_get(&mut s, &t, &target);
        err(&r, 401, "InvalidAuthenticationToken");
        assert!(r
            .response
            .header("WWW-Authenticate")
            .unwrap()
            .contains("login.microsoftonline.com/"));
    }
}

#[test]
fn err_403_forbids_the_workspaces_list() {
    let (mut s, t) = signed_in("err-403");
    let (sub, w) = first_ws("err-403");
    ok(&mut s, &t, &subscriptions());
    let r = arm_get(&mut s, &t, &workspaces(&sub));
    err(&r, 403, "AuthorizationFailed");
    let m = json(&r.response)["error"]["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        m.contains("Microsoft.OperationalInsights/workspaces/read"),
        "{m}"
    );
    ok(&mut s, &t, &w.onboarding());
}

#[test]
fn err_429_throttles_the_first_subscriptions_call_of_each_token() {
    let (mut s, t) = signed_in("err-429");
    let r = arm_get(&mut s, &t, &subscriptions());
    err(&r, 429, "TooManyRequests");
    assert_eq!(r.response.header("Retry-After"), Some("2"));
    let again = ok(&mut s, &t, &subscriptions());
    assert_eq!(values(&again).len(), 1);
    ok(&mut s, &t, &subscriptions());
    let (sub, _) = first_ws("err-429");
    ok(&mut s, &t, &workspaces(&sub));
    // A new sign-in starts over.
    let t2 = sign_in(&mut s, "err-429");
    err(
        &arm_get(&mut s, &t2, &subscriptions()),
        429,
        "TooManyRequests",
    );
}

#[test]
fn err_500_breaks_the_onboarding_state() {
    let (mut s, t) = signed_in("err-500");
    let (_, w) = first_ws("err-500");
    let r = arm_get(&mut s, &t, &w.onboarding());
    err(&r, 500, "InternalServerError");
    ok(&mut s, &t, &w.connectors());
}

#[test]
fn err_malformed_truncates_the_connectors() {
    let (mut s, t) = signed_in("err-malformed");
    let (_, w) = first_ws("err-malformed");
    let r = arm_get(&mut s, &t, &w.connectors());
    assert_eq!(r.response.status, 200);
    assert_eq!(
        r.response.header("Content-Type"),
        Some("application/json; charset=utf-8")
    );
    assert!(!r.response.body.is_empty());
    assert!(serde_json::from_slice::<Value>(&r.response.body).is_err());
    assert!(text(&r.response).starts_with("{\"value\":["));
    ok(&mut s, &t, &w.alert_rules());
}

#[test]
fn err_timeout_delays_the_analytics_rules() {
    let (mut s, t) = signed_in("err-timeout");
    let (_, w) = first_ws("err-timeout");
    let r = arm_get(&mut s, &t, &w.alert_rules());
    assert_eq!(r.delay, Some(Duration::from_secs(30)));
    assert_eq!(r.response.status, 200);
    assert!(!values(&json(&r.response)).is_empty());
    assert_eq!(arm_get(&mut s, &t, &w.automation()).delay, None);
}

#[test]
fn foreign_and_unknown_resources() {
    let (mut s, t) = signed_in("contoso");
    let r = arm_get(&mut s, &t, &workspaces(FABRIKAM_SUB));
    err(&r, 401, "InvalidAuthenticationTokenTenant");
    assert!(r
        .response
        .header("WWW-Authenticate")
        .unwrap()
        .contains("9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4"));
    err(
        &arm_get(
            &mut s,
            &t,
            &workspaces("00000000-0000-4000-8000-000000000000"),
        ),
        404,
        "SubscriptionNotFound",
    );
    err(
        &arm_get(
            &mut s,
            &t,
            &Ws::new(CONTOSO_SUB, "nope-rg", "contoso-sentinel").tables(),
        ),
        404,
        "ResourceGroupNotFound",
    );
    err(
        &arm_get(&mut s, &t, &Ws::new(CONTOSO_SUB, "soc-rg", "nope").tables()),
        404,
        "ResourceNotFound",
    );
    err(
        &arm_get(&mut s, &t, &format!("{}/providers/Microsoft.SecurityInsights/onboardingStates/other?api-version=2024-09-01", Ws::new(CONTOSO_SUB, "soc-rg", "contoso-sentinel").base)),
        404,
        "NotFound",
    );
    err(
        &arm_get(
            &mut s,
            &t,
            "/providers/Microsoft.Security/whatever?api-version=1",
        ),
        404,
        "NotFound",
    );
    // Names in any case, like ARM.
    let upper = Ws::new(&CONTOSO_SUB.to_uppercase(), "SOC-RG", "Contoso-Sentinel");
    assert_eq!(names(&ok(&mut s, &t, &upper.tables())).len(), 12);
}

#[test]
fn methods_cors_and_headers() {
    let (mut s, t) = signed_in("contoso");
    let pre = DemoRequest::new(
        Method::Options,
        "management.azure.com",
        "/subscriptions?api-version=2022-12-01",
    )
    .with_origin(ORIGIN);
    let r = send(&mut s, &pre).response;
    assert_eq!(r.status, 204);
    assert_eq!(r.header("Access-Control-Allow-Origin"), Some(ORIGIN));
    assert!(r
        .header("Access-Control-Allow-Headers")
        .unwrap()
        .contains("authorization"));
    let get = DemoRequest::get("management.azure.com", &subscriptions())
        .bearer(&t)
        .with_origin(ORIGIN)
        .at(NOW);
    let r = send(&mut s, &get).response;
    assert_eq!(r.header("Access-Control-Allow-Origin"), Some(ORIGIN));
    assert!(r
        .header("Access-Control-Expose-Headers")
        .unwrap()
        .contains("Retry-After"));
    assert!(crate::ids::is_guid(r.header("x-ms-request-id").unwrap()));
    assert_eq!(r.header("Cache-Control"), Some("no-cache"));
    let mut post = DemoRequest::post_form("management.azure.com", &subscriptions(), "")
        .bearer(&t)
        .at(NOW);
    post.content_type = Some("application/json".into());
    err(&send(&mut s, &post), 405, "MethodNotAllowed");
    let head = DemoRequest::new(Method::Head, "management.azure.com", &subscriptions())
        .bearer(&t)
        .at(NOW);
    assert_eq!(send(&mut s, &head).response.status, 200);
}

/// Keys each item has in the example of `shared/reference/arm-examples/` named in the
/// comment (JSON pointers into the item); ours must have them too.
const SHAPES: &[(&str, &[&str])] = &[
    // subscriptions__GetSubscriptions__2022-12-01.json
    (
        "subscription",
        &[
            "/id",
            "/subscriptionId",
            "/tenantId",
            "/displayName",
            "/state",
            "/subscriptionPolicies/locationPlacementId",
            "/subscriptionPolicies/quotaId",
            "/subscriptionPolicies/spendingLimit",
            "/authorizationSource",
            "/managedByTenants",
            "/tags",
        ],
    ),
    // workspaces__WorkspacesSubscriptionList__2025-02-01.json
    (
        "workspace",
        &[
            "/properties/customerId",
            "/properties/provisioningState",
            "/properties/sku/name",
            "/properties/retentionInDays",
            "/properties/publicNetworkAccessForQuery",
            "/properties/publicNetworkAccessForIngestion",
            "/id",
            "/name",
            "/type",
            "/location",
            "/tags",
        ],
    ),
    // onboardingStates__GetSentinelOnboardingState__2024-09-01.json
    (
        "onboarding",
        &["/id", "/name", "/type", "/properties/customerManagedKey"],
    ),
    // dataConnectors__GetMicrosoftThreatProtectionById__2025-07-01-preview.json
    (
        "xdr",
        &[
            "/name",
            "/type",
            "/etag",
            "/id",
            "/kind",
            "/properties/dataTypes/alerts/state",
            "/properties/dataTypes/incidents/state",
            "/properties/filteredProviders/alerts",
            "/properties/tenantId",
        ],
    ),
    // dataConnectors__GetDataConnectors__2024-09-01.json
    (
        "connector",
        &[
            "/id",
            "/name",
            "/type",
            "/kind",
            "/etag",
            "/properties/dataTypes",
        ],
    ),
    // alertRules__GetAllAlertRules__2024-09-01.json (Scheduled item)
    (
        "scheduled",
        &[
            "/id",
            "/name",
            "/type",
            "/kind",
            "/etag",
            "/properties/alertRuleTemplateName",
            "/properties/displayName",
            "/properties/description",
            "/properties/severity",
            "/properties/enabled",
            "/properties/tactics",
            "/properties/query",
            "/properties/queryFrequency",
            "/properties/queryPeriod",
            "/properties/triggerOperator",
            "/properties/triggerThreshold",
            "/properties/suppressionDuration",
            "/properties/suppressionEnabled",
            "/properties/lastModifiedUtc",
            "/properties/eventGroupingSettings/aggregationKind",
            "/properties/customDetails",
            "/properties/entityMappings",
            "/properties/alertDetailsOverride",
            "/properties/incidentConfiguration/createIncident",
            "/properties/incidentConfiguration/groupingConfiguration/enabled",
            "/properties/incidentConfiguration/groupingConfiguration/reopenClosedIncident",
            "/properties/incidentConfiguration/groupingConfiguration/lookbackDuration",
            "/properties/incidentConfiguration/groupingConfiguration/matchingMethod",
            "/properties/incidentConfiguration/groupingConfiguration/groupByEntities",
            "/properties/incidentConfiguration/groupingConfiguration/groupByAlertDetails",
            "/properties/incidentConfiguration/groupingConfiguration/groupByCustomDetails",
        ],
    ),
    // alertRules__GetAllAlertRules__2024-09-01.json (MicrosoftSecurityIncidentCreation item)
    (
        "msic",
        &[
            "/id",
            "/name",
            "/etag",
            "/type",
            "/kind",
            "/properties/productFilter",
            "/properties/severitiesFilter",
            "/properties/displayNamesFilter",
            "/properties/displayName",
            "/properties/enabled",
            "/properties/description",
            "/properties/alertRuleTemplateName",
            "/properties/lastModifiedUtc",
        ],
    ),
    // alertRules__GetAllAlertRules__2024-09-01.json (Fusion item)
    (
        "fusion",
        &[
            "/id",
            "/name",
            "/etag",
            "/type",
            "/kind",
            "/properties/displayName",
            "/properties/description",
            "/properties/alertRuleTemplateName",
            "/properties/tactics",
            "/properties/severity",
            "/properties/enabled",
            "/properties/lastModifiedUtc",
        ],
    ),
    // alertRules__GetNrtAlertRule__2025-07-01-preview.json
    (
        "nrt",
        &[
            "/name",
            "/type",
            "/etag",
            "/id",
            "/kind",
            "/properties/description",
            "/properties/alertRuleTemplateName",
            "/properties/displayName",
            "/properties/enabled",
            "/properties/eventGroupingSettings/aggregationKind",
            "/properties/incidentConfiguration/createIncident",
            "/properties/incidentConfiguration/groupingConfiguration/groupByEntities",
            "/properties/lastModifiedUtc",
            "/properties/query",
            "/properties/severity",
            "/properties/suppressionDuration",
            "/properties/suppressionEnabled",
            "/properties/tactics",
            "/properties/techniques",
        ],
    ),
    // automationRules__AutomationRules_List__2024-09-01.json
    (
        "automation",
        &[
            "/id",
            "/name",
            "/etag",
            "/type",
            "/properties/displayName",
            "/properties/order",
            "/properties/triggeringLogic/isEnabled",
            "/properties/triggeringLogic/triggersOn",
            "/properties/triggeringLogic/triggersWhen",
            "/properties/triggeringLogic/conditions/0/conditionType",
            "/properties/triggeringLogic/conditions/0/conditionProperties/propertyName",
            "/properties/triggeringLogic/conditions/0/conditionProperties/operator",
            "/properties/triggeringLogic/conditions/0/conditionProperties/propertyValues",
            "/properties/actions/0/order",
            "/properties/actions/0/actionType",
            "/properties/actions/0/actionConfiguration/title",
            "/properties/actions/0/actionConfiguration/description",
            "/properties/lastModifiedTimeUtc",
            "/properties/createdTimeUtc",
            "/properties/lastModifiedBy/objectId",
            "/properties/lastModifiedBy/email",
            "/properties/lastModifiedBy/name",
            "/properties/lastModifiedBy/userPrincipalName",
            "/properties/createdBy/objectId",
        ],
    ),
    // roleAssignments__RoleAssignments_ListForScope__2022-04-01.json
    (
        "roleAssignment",
        &[
            "/properties/roleDefinitionId",
            "/properties/principalId",
            "/properties/principalType",
            "/properties/scope",
            "/id",
            "/type",
            "/name",
        ],
    ),
    // permissions__GetResourcePermissions__2022-05-01-preview.json
    ("permission", &["/actions", "/notActions"]),
    // tables__TablesGet__2025-02-01.json (without the search-job-only fields)
    (
        "table",
        &[
            "/properties/schema/name",
            "/properties/schema/tableType",
            "/properties/schema/tableSubType",
            "/properties/schema/columns",
            "/properties/schema/standardColumns",
            "/properties/schema/solutions",
            "/properties/provisioningState",
            "/properties/retentionInDays",
            "/properties/totalRetentionInDays",
            "/properties/archiveRetentionInDays",
            "/properties/retentionInDaysAsDefault",
            "/properties/totalRetentionInDaysAsDefault",
            "/properties/plan",
            "/id",
            "/name",
        ],
    ),
];

fn shape(name: &str) -> &'static [&'static str] {
    SHAPES.iter().find(|(n, _)| *n == name).unwrap().1
}

fn assert_shape(what: &str, item: &Value) {
    for pointer in shape(what) {
        assert!(
            item.pointer(pointer).is_some(),
            "{what}: missing {pointer} in {item}"
        );
    }
}

#[test]
fn bodies_have_the_examples_fields() {
    let (mut s, t) = signed_in("contoso");
    let w = Ws::new(CONTOSO_SUB, "soc-rg", "contoso-sentinel");
    let list = |s: &mut DemoState, target: &str| values(&ok(s, &t, target)).clone();
    for i in list(&mut s, &subscriptions()) {
        assert_shape("subscription", &i);
    }
    for i in list(&mut s, &workspaces(CONTOSO_SUB)) {
        assert_shape("workspace", &i);
    }
    assert_shape("onboarding", &ok(&mut s, &t, &w.onboarding()));
    for i in list(&mut s, &w.connectors()) {
        assert_shape(
            if i["kind"] == "MicrosoftThreatProtection" {
                "xdr"
            } else {
                "connector"
            },
            &i,
        );
        let p = &i["properties"];
        assert!(p.get("tenantId").is_some() || p.get("subscriptionId").is_some());
    }
    let mut kinds = std::collections::HashSet::new();
    for i in list(&mut s, &w.alert_rules()) {
        let kind = i["kind"].as_str().unwrap().to_string();
        let what = match kind.as_str() {
            "Scheduled" => "scheduled",
            "NRT" => "nrt",
            "Fusion" => "fusion",
            "MicrosoftSecurityIncidentCreation" => "msic",
            other => panic!("unexpected kind {other}"),
        };
        assert_shape(what, &i);
        if kind == "NRT" {
            assert!(
                i["properties"].get("queryFrequency").is_none(),
                "NRT rules have no schedule"
            );
        }
        kinds.insert(kind);
    }
    assert_eq!(kinds.len(), 4, "{kinds:?}");
    for i in list(&mut s, &w.automation()) {
        assert_shape("automation", &i);
    }
    for i in list(&mut s, &role_assignments(CONTOSO_SUB)) {
        assert_shape("roleAssignment", &i);
    }
    for i in list(&mut s, &w.permissions()) {
        assert_shape("permission", &i);
    }
    for i in list(&mut s, &w.tables()) {
        assert_shape("table", &i);
        assert!(i["id"].as_str().unwrap().starts_with(&w.base));
    }
    // Every Sentinel resource id lives under the workspace it was asked for.
    for target in [w.connectors(), w.alert_rules(), w.automation()] {
        for i in list(&mut s, &target) {
            assert!(i["id"]
                .as_str()
                .unwrap()
                .starts_with(&format!("{}/providers/Microsoft.SecurityInsights/", w.base)));
        }
    }
}
