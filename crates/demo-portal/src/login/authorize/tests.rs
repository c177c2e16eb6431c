#![allow(clippy::unwrap_used)]

use super::*;
use crate::scenarios::data;

const REDIRECT: &str = "https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/";
const CLIENT: &str = "2c4f6a8b-1d3e-4f50-9a7b-8c9d0e1f2a3b";
const CHALLENGE: &str = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

/// Parameters, tenant segment, expected OAuth error and AADSTS number.
type Case<'a> = (Vec<(String, String)>, &'a str, &'a str, u32);

fn good() -> Vec<(String, String)> {
    [
        ("client_id", CLIENT),
        ("response_type", "code"),
        ("redirect_uri", REDIRECT),
        ("scope", ARM_SCOPE),
        ("code_challenge", CHALLENGE),
        ("code_challenge_method", "S256"),
        ("state", "st-123"),
        ("prompt", "select_account"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

fn with(name: &str, value: Option<&str>) -> Vec<(String, String)> {
    let mut p: Vec<(String, String)> = good().into_iter().filter(|(k, _)| k != name).collect();
    if let Some(v) = value {
        p.push((name.to_string(), v.to_string()));
    }
    p
}

fn redirect_error(tenant: &str, params: &[(String, String)]) -> EntraError {
    match validate(data().unwrap(), tenant, params) {
        Err(Rejection::Redirect {
            redirect_uri,
            state,
            error,
        }) => {
            assert_eq!(redirect_uri, REDIRECT);
            assert_eq!(state, param(params, "state").map(str::to_string));
            error
        }
        other => panic!("expected a redirect, got {other:?}"),
    }
}

#[test]
fn a_good_request_lists_the_tenants_accounts() {
    let d = data().unwrap();
    let r = validate(d, "contoso.onmicrosoft.com", &good()).unwrap();
    assert_eq!(r.accounts, vec![d.scenario_index("contoso").unwrap()]);
    assert_eq!(r.state, "st-123");
    assert_eq!(r.code_challenge, CHALLENGE);
    let by_guid = validate(d, "9E8D7C6B-5A49-4382-B1A0-F9E8D7C6B5A4", &good()).unwrap();
    assert_eq!(
        by_guid.accounts,
        vec![d.scenario_index("fabrikam").unwrap()]
    );
    for all in ["organizations", "common"] {
        assert_eq!(
            validate(d, all, &good()).unwrap().accounts.len(),
            d.scenarios.len()
        );
    }
    let oidc = with(
        "scope",
        Some(&format!("openid profile offline_access {ARM_SCOPE}")),
    );
    assert!(validate(d, "common", &oidc).is_ok());
    assert!(validate(d, "common", &with("prompt", None)).is_ok());
}

#[test]
fn an_untrusted_redirect_uri_gets_an_error_page() {
    let d = data().unwrap();
    for bad in [
        None,
        Some("https://evil.example/"),
        Some("https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org"),
        Some("https://abcdefghijklmnopabcdefghijklmnoq.chromiumapp.org/"),
        Some("https://abcdefghijklmnopabcdefghijklmno.chromiumapp.org/"),
        Some("http://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/"),
        Some("https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/x"),
        Some("https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org.evil.example/"),
        Some("https://ABCDEFGHIJKLMNOPABCDEFGHIJKLMNOP.chromiumapp.org/"),
    ] {
        match validate(d, "common", &with("redirect_uri", bad)) {
            Err(Rejection::Page(e)) => {
                assert_eq!(
                    e.code,
                    if bad.is_none() { 900_971 } else { 50_011 },
                    "{bad:?}"
                );
            }
            other => panic!("{bad:?}: {other:?}"),
        }
    }
    // Even with every other parameter wrong, a bad redirect URI is never redirected to.
    let mut all_bad = with("redirect_uri", Some("https://evil.example/"));
    all_bad.retain(|(k, _)| k == "redirect_uri");
    assert!(matches!(
        validate(d, "nowhere", &all_bad),
        Err(Rejection::Page(_))
    ));
}

#[test]
fn other_problems_go_back_to_the_redirect_uri() {
    let cases: Vec<Case> = vec![
        (
            with("client_id", None),
            "common",
            "invalid_request",
            900_144,
        ),
        (
            with("client_id", Some("my-app")),
            "common",
            "invalid_request",
            700_016,
        ),
        (good(), "unknown.onmicrosoft.com", "invalid_request", 90_002),
        (good(), "consumers", "invalid_request", 90_002),
        (
            with("response_type", None),
            "common",
            "invalid_request",
            900_144,
        ),
        (
            with("response_type", Some("token")),
            "common",
            "unsupported_response_type",
            700_054,
        ),
        (
            with("response_mode", Some("fragment")),
            "common",
            "invalid_request",
            9_002_313,
        ),
        (with("scope", None), "common", "invalid_request", 900_144),
        (
            with("scope", Some("openid profile")),
            "common",
            "invalid_scope",
            70_011,
        ),
        (
            with(
                "scope",
                Some(&format!(
                    "{ARM_SCOPE} https://graph.microsoft.com/User.Read"
                )),
            ),
            "common",
            "invalid_scope",
            70_011,
        ),
        (
            with("code_challenge", None),
            "common",
            "invalid_request",
            9_002_325,
        ),
        (
            with("code_challenge", Some("short")),
            "common",
            "invalid_request",
            501_491,
        ),
        (
            with(
                "code_challenge",
                Some("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM"),
            ),
            "common",
            "invalid_request",
            501_491,
        ),
        (
            with("code_challenge_method", None),
            "common",
            "invalid_request",
            9_002_313,
        ),
        (
            with("code_challenge_method", Some("plain")),
            "common",
            "invalid_request",
            9_002_313,
        ),
        (with("state", None), "common", "invalid_request", 9_002_313),
        (
            with("state", Some("")),
            "common",
            "invalid_request",
            9_002_313,
        ),
        (
            with("prompt", Some("none")),
            "common",
            "login_required",
            50_058,
        ),
        (
            with("prompt", Some("whatever")),
            "common",
            "invalid_request",
            9_002_313,
        ),
    ];
    for (params, tenant, error, code) in cases {
        let e = redirect_error(tenant, &params);
        assert_eq!((e.error, e.code), (error, code), "{params:?} {tenant}");
    }
}

#[test]
fn redirect_uri_and_challenge_shapes() {
    assert!(is_extension_redirect(REDIRECT));
    assert!(!is_extension_redirect("https://.chromiumapp.org/"));
    assert!(is_s256_challenge(CHALLENGE));
    assert!(!is_s256_challenge(&CHALLENGE[1..]));
}
