#![allow(clippy::unwrap_used)]

use crate::ids::b64url_decode;
use crate::request::{param, DemoRequest, Method};
use crate::testkit::*;

const CONTOSO_UPN: &str = "megan.bowen@contoso.onmicrosoft.com";
const FABRIKAM_UPN: &str = "alex.wilber@fabrikam.onmicrosoft.com";

fn authorize(tenant: &str, query: &str) -> crate::DemoResponse {
    let mut s = new_state();
    let req = DemoRequest::get(
        "login.microsoftonline.com",
        &format!("/{tenant}/oauth2/v2.0/authorize?{query}"),
    );
    send(&mut s, &req).response
}

#[test]
fn the_account_page_lists_the_tenants_accounts_as_buttons() {
    let r = authorize("contoso.onmicrosoft.com", &authorize_params());
    assert_eq!(r.status, 200);
    let html = text(&r);
    assert!(html.contains("<title>Sign in to your account</title>"));
    assert!(html.contains(">Pick an account</h1>"));
    assert!(html.contains(
        "<button type=\"submit\" class=\"lg-tile\" name=\"upn\" value=\"megan.bowen@contoso.onmicrosoft.com\" data-test-id=\"megan.bowen@contoso.onmicrosoft.com\">"
    ));
    assert!(html.contains("<span class=\"lg-tile-name\">Megan Bowen</span>"));
    assert_eq!(html.matches("class=\"lg-tile\"").count(), 1);
    assert!(!html.contains(FABRIKAM_UPN));
    assert!(html.contains("action=\"/contoso.onmicrosoft.com/login\""));
    assert!(html.contains("name=\"state\" value=\"xyz-state\""));
    // No script, no inline style, nothing external.
    assert!(!html.contains("<script") && !html.contains(" style=") && !html.contains("http://"));
    assert!(html.contains("<link rel=\"stylesheet\" href=\"/demo-assets/login/app.css\">"));
    let csp = r.header("Content-Security-Policy").unwrap();
    assert!(csp.starts_with("default-src 'none'"));
    assert!(
        csp.contains("form-action 'self' https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org")
    );
    assert_eq!(r.header("X-Frame-Options"), Some("DENY"));
    assert_eq!(r.header("Cache-Control"), Some("no-store, no-cache"));

    let all = text(&authorize("organizations", &authorize_params()));
    let d = arm_data();
    assert_eq!(all.matches("class=\"lg-tile\"").count(), d.scenarios.len());
    for s in &d.scenarios {
        assert!(all.contains(&format!("data-test-id=\"{}\"", s.account.upn)));
    }
}

#[test]
fn request_values_are_escaped_on_the_page() {
    let query =
        authorize_params().replace("xyz-state", "%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E");
    let html = text(&authorize("common", &query));
    assert!(!html.contains("<script"));
    assert!(html.contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""));
}

#[test]
fn refusals_are_pages_or_redirects() {
    let bad_redirect = authorize_params().replace("chromiumapp.org", "evil.example");
    let r = authorize("common", &bad_redirect);
    assert_eq!(r.status, 400);
    assert!(r.header("Location").is_none());
    assert!(text(&r).contains("AADSTS50011"));
    let r = authorize("nowhere.onmicrosoft.com", &authorize_params());
    let q = redirect_query(&r);
    assert_eq!(param(&q, "error"), Some("invalid_request"));
    assert!(param(&q, "error_description")
        .unwrap()
        .starts_with("AADSTS90002: Tenant 'nowhere.onmicrosoft.com' not found."));
    assert_eq!(param(&q, "state"), Some("xyz-state"));
    assert_eq!(
        param(&q, "error_uri"),
        Some("https://login.microsoftonline.com/error?code=90002")
    );
}

#[test]
fn choosing_an_account_redirects_with_a_code() {
    let mut s = new_state();
    let r = choose(&mut s, "common", CONTOSO_UPN, NOW);
    let q = redirect_query(&r);
    assert!(param(&q, "code").unwrap().starts_with("1."));
    assert_eq!(param(&q, "state"), Some("xyz-state"));
    assert!(crate::ids::is_guid(param(&q, "session_state").unwrap()));
    // An account of another tenant cannot be chosen through this tenant's page.
    let r = choose(&mut s, "fabrikam.onmicrosoft.com", CONTOSO_UPN, NOW);
    assert_eq!(r.status, 400);
    assert!(text(&r).contains("AADSTS50034"));
    // The post is checked like the authorize request.
    let req = DemoRequest::post_form(
        "login.microsoftonline.com",
        "/common/login",
        &format!("upn={CONTOSO_UPN}&redirect_uri=https%3A%2F%2Fevil.example%2F"),
    );
    assert_eq!(send(&mut s, &req).response.status, 400);
    let get = DemoRequest::get("login.microsoftonline.com", "/common/login");
    assert_eq!(send(&mut s, &get).response.status, 405);
}

#[test]
fn the_code_buys_one_token_for_the_right_verifier() {
    let mut s = new_state();
    let code = code_for(&mut s, "organizations", CONTOSO_UPN, NOW);
    let r = redeem(
        &mut s,
        "organizations",
        &token_form(&code, VERIFIER),
        NOW + 3,
    );
    assert_eq!(r.status, 200, "{}", text(&r));
    assert_eq!(r.header("Access-Control-Allow-Origin"), Some(ORIGIN));
    assert_eq!(r.header("Cache-Control"), Some("no-store, no-cache"));
    let v = json(&r);
    assert_eq!(v["token_type"], "Bearer");
    assert_eq!(
        v["scope"],
        "https://management.azure.com/user_impersonation"
    );
    assert_eq!(v["expires_in"], 3599);
    assert_eq!(v["ext_expires_in"], 3599);
    assert!(v.get("refresh_token").is_none());
    let token = v["access_token"].as_str().unwrap();
    let parts: Vec<&str> = token.split('.').collect();
    assert_eq!(parts.len(), 3);
    let claims: serde_json::Value =
        serde_json::from_slice(&b64url_decode(parts[1]).unwrap()).unwrap();
    assert_eq!(claims["aud"], "https://management.azure.com");
    assert_eq!(claims["tid"], "6f3c2b1a-4d5e-4f60-8a7b-9c0d1e2f3a4b");
    assert_eq!(claims["upn"], CONTOSO_UPN);
    assert_eq!(claims["name"], "Megan Bowen");
    assert_eq!(claims["scp"], "user_impersonation");
    assert_eq!(claims["exp"], NOW + 3 + 3599);
    assert_eq!(claims["appid"], CLIENT);

    // Single use.
    let again = redeem(
        &mut s,
        "organizations",
        &token_form(&code, VERIFIER),
        NOW + 4,
    );
    assert_eq!(again.status, 400);
    let e = json(&again);
    assert_eq!(e["error"], "invalid_grant");
    assert_eq!(e["error_codes"][0], 54005);
    assert!(e["error_description"]
        .as_str()
        .unwrap()
        .starts_with("AADSTS54005:"));
    assert!(
        e["trace_id"].is_string() && e["correlation_id"].is_string() && e["timestamp"].is_string()
    );
}

fn token_error(s: &mut crate::DemoState, tenant: &str, form: &str, now: i64) -> (String, u64) {
    let r = redeem(s, tenant, form, now);
    assert_eq!(r.status, 400, "{}", text(&r));
    let v = json(&r);
    (
        v["error"].as_str().unwrap().to_string(),
        v["error_codes"][0].as_u64().unwrap(),
    )
}

#[test]
fn the_token_endpoint_refuses_like_entra() {
    let mut s = new_state();
    let fresh = |s: &mut crate::DemoState| code_for(s, "common", CONTOSO_UPN, NOW);

    let code = fresh(&mut s);
    let wrong = "A".repeat(43);
    assert_eq!(
        token_error(&mut s, "common", &token_form(&code, &wrong), NOW),
        ("invalid_grant".into(), 501_481)
    );
    // The failed attempt used the code up.
    assert_eq!(
        token_error(&mut s, "common", &token_form(&code, VERIFIER), NOW),
        ("invalid_grant".into(), 54_005)
    );

    let code = fresh(&mut s);
    assert_eq!(
        token_error(&mut s, "common", &token_form(&code, VERIFIER), NOW + 601),
        ("invalid_grant".into(), 70_008)
    );
    let code = fresh(&mut s);
    assert_eq!(
        token_error(
            &mut s,
            "fabrikam.onmicrosoft.com",
            &token_form(&code, VERIFIER),
            NOW
        ),
        ("invalid_grant".into(), 700_005)
    );
    let code = fresh(&mut s);
    let other_client = token_form(&code, VERIFIER).replace("2c4f6a8b", "3c4f6a8b");
    assert_eq!(
        token_error(&mut s, "common", &other_client, NOW),
        ("invalid_grant".into(), 70_000)
    );
    let code = fresh(&mut s);
    let other_redirect = token_form(&code, VERIFIER).replace(
        "abcdefghijklmnopabcdefghijklmnop",
        "bbcdefghijklmnopabcdefghijklmnop",
    );
    assert_eq!(
        token_error(&mut s, "common", &other_redirect, NOW),
        ("invalid_grant".into(), 70_000)
    );
    assert_eq!(
        token_error(&mut s, "common", &token_form("1.made-up", VERIFIER), NOW),
        ("invalid_grant".into(), 70_000)
    );
    let code = fresh(&mut s);
    let no_verifier = token_form(&code, VERIFIER).replace("code_verifier", "code_verifie");
    assert_eq!(
        token_error(&mut s, "common", &no_verifier, NOW),
        ("invalid_request".into(), 900_144)
    );
    let refresh = token_form(&code, VERIFIER).replace("authorization_code", "refresh_token");
    assert_eq!(
        token_error(&mut s, "common", &refresh, NOW),
        ("unsupported_grant_type".into(), 70_003)
    );
    assert_eq!(
        token_error(&mut s, "common", "grant_type=authorization_code", NOW),
        ("invalid_request".into(), 900_144)
    );
    assert_eq!(
        token_error(&mut s, "common", "", NOW),
        ("invalid_request".into(), 900_144)
    );
    assert_eq!(
        token_error(&mut s, "common", "%%%&&&==", NOW),
        ("invalid_request".into(), 900_144)
    );
    let graph = token_form(&code, VERIFIER).replace("management.azure.com", "graph.microsoft.com");
    assert_eq!(
        token_error(&mut s, "common", &graph, NOW),
        ("invalid_scope".into(), 70_011)
    );
    assert_eq!(
        token_error(
            &mut s,
            "nowhere.onmicrosoft.com",
            &token_form(&code, VERIFIER),
            NOW
        ),
        ("invalid_request".into(), 90_002)
    );
    // The code was never redeemed by the refused requests above: it still works.
    let r = redeem(&mut s, "common", &token_form(&code, VERIFIER), NOW);
    assert_eq!(r.status, 200, "{}", text(&r));

    // A JSON body is not a form.
    let mut req = DemoRequest::post_form(
        "login.microsoftonline.com",
        "/common/oauth2/v2.0/token",
        &token_form(&code, VERIFIER),
    );
    req.content_type = Some("application/json".into());
    let r = send(&mut s, &req).response;
    assert_eq!(json(&r)["error_codes"][0], 900144);
    let get = DemoRequest::get("login.microsoftonline.com", "/common/oauth2/v2.0/token");
    let r = send(&mut s, &get).response;
    assert_eq!(json(&r)["error_codes"][0], 900561);
}

#[test]
fn token_cors_preflight() {
    let mut s = new_state();
    let req = DemoRequest::new(
        Method::Options,
        "login.microsoftonline.com",
        "/organizations/oauth2/v2.0/token",
    )
    .with_origin(ORIGIN);
    let r = send(&mut s, &req).response;
    assert_eq!(r.status, 204);
    assert_eq!(r.header("Access-Control-Allow-Origin"), Some(ORIGIN));
    assert!(r
        .header("Access-Control-Allow-Methods")
        .unwrap()
        .contains("POST"));
    assert!(r
        .header("Access-Control-Allow-Headers")
        .unwrap()
        .contains("content-type"));
    assert!(r.body.is_empty());
}

#[test]
fn stylesheet_and_unknown_paths() {
    let mut s = new_state();
    let css = send(
        &mut s,
        &DemoRequest::get("login.microsoftonline.com", "/demo-assets/login/app.css"),
    )
    .response;
    assert_eq!(css.status, 200);
    assert_eq!(css.header("Content-Type"), Some("text/css; charset=utf-8"));
    assert!(text(&css).contains(".lg-tile"));
    for path in [
        "/",
        "/common",
        "/common/oauth2/authorize",
        "/common/oauth2/v2.0/logout",
        "//oauth2/v2.0/authorize",
    ] {
        let r = send(&mut s, &DemoRequest::get("login.microsoftonline.com", path)).response;
        assert_eq!(r.status, 404, "{path}");
    }
    let post = DemoRequest::post_form(
        "login.microsoftonline.com",
        "/common/oauth2/v2.0/authorize",
        "",
    );
    assert_eq!(send(&mut s, &post).response.status, 405);
    // Fixed segments in any case.
    let r = send(
        &mut s,
        &DemoRequest::get(
            "login.microsoftonline.com",
            &format!("/Common/OAuth2/V2.0/Authorize?{}", authorize_params()),
        ),
    )
    .response;
    assert_eq!(r.status, 200);
}

#[test]
fn every_demo_account_can_sign_in() {
    let mut s = new_state();
    let mut tokens = std::collections::HashSet::new();
    for scenario in &arm_data().scenarios {
        let token = sign_in(&mut s, &scenario.id);
        let claims = token.split('.').nth(1).and_then(b64url_decode).unwrap();
        let claims: serde_json::Value = serde_json::from_slice(&claims).unwrap();
        assert_eq!(claims["tid"], scenario.tenant_id.as_str());
        assert_eq!(claims["upn"], scenario.account.upn.as_str());
        assert_eq!(claims["oid"], scenario.account.object_id.as_str());
        assert!(tokens.insert(token));
    }
}
