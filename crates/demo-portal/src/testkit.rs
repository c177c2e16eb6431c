//! Helpers the unit tests share: a fixed client, redirect URI and PKCE pair, and the steps of
//! the sign-in flow as the extension performs them, through the real router.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::request::{param, parse_form, DemoRequest, Reply};
use crate::routes::DemoResponse;
use crate::scenarios::{data, ArmData};
use crate::state::DemoState;

/// The extension's redirect URL (`chrome.identity.getRedirectURL()`).
pub const REDIRECT: &str = "https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/";
/// The app registration's client id.
pub const CLIENT: &str = "2c4f6a8b-1d3e-4f50-9a7b-8c9d0e1f2a3b";
/// RFC 7636 Appendix B verifier…
pub const VERIFIER: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
/// …and its S256 challenge.
pub const CHALLENGE: &str = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
/// A Unix time in July 2026.
pub const NOW: i64 = 1_784_026_020;
/// The extension's origin.
pub const ORIGIN: &str = "chrome-extension://abcdefghijklmnopabcdefghijklmnop";

/// The data file.
pub fn arm_data() -> &'static ArmData {
    data().unwrap()
}

/// A state with a fixed secret.
pub fn new_state() -> DemoState {
    DemoState::new([7; 32])
}

/// The authorize request's parameters, form-encoded.
pub fn authorize_params() -> String {
    form_urlencoded::Serializer::new(String::new())
        .append_pair("client_id", CLIENT)
        .append_pair("response_type", "code")
        .append_pair("redirect_uri", REDIRECT)
        .append_pair("scope", "https://management.azure.com/user_impersonation")
        .append_pair("code_challenge", CHALLENGE)
        .append_pair("code_challenge_method", "S256")
        .append_pair("state", "xyz-state")
        .append_pair("prompt", "select_account")
        .finish()
}

/// Runs a request through the whole router.
pub fn send(state: &mut DemoState, req: &DemoRequest) -> Reply {
    crate::route(arm_data(), state, req)
}

/// The body as text.
pub fn text(r: &DemoResponse) -> String {
    String::from_utf8(r.body.clone()).unwrap()
}

/// The body as JSON.
pub fn json(r: &DemoResponse) -> serde_json::Value {
    serde_json::from_slice(&r.body).unwrap_or_else(|e| panic!("{e}: {}", text(r)))
}

/// The decoded query of a 302's `Location`.
pub fn redirect_query(r: &DemoResponse) -> Vec<(String, String)> {
    assert_eq!(r.status, 302, "{}", text(r));
    let loc = r.header("Location").unwrap();
    let (base, query) = loc.split_once('?').unwrap();
    assert_eq!(base, REDIRECT);
    parse_form(query.as_bytes())
}

/// The account choice the picker posts for `upn`.
pub fn choose(state: &mut DemoState, tenant: &str, upn: &str, now: i64) -> DemoResponse {
    let form = format!("{}&upn={}", authorize_params(), upn.replace('@', "%40"));
    let req = DemoRequest::post_form(
        "login.microsoftonline.com",
        &format!("/{tenant}/login"),
        &form,
    )
    .at(now);
    send(state, &req).response
}

/// A fresh code for `upn`.
pub fn code_for(state: &mut DemoState, tenant: &str, upn: &str, now: i64) -> String {
    let q = redirect_query(&choose(state, tenant, upn, now));
    assert_eq!(param(&q, "state"), Some("xyz-state"));
    param(&q, "code").unwrap().to_string()
}

/// The token request's form.
pub fn token_form(code: &str, verifier: &str) -> String {
    form_urlencoded::Serializer::new(String::new())
        .append_pair("client_id", CLIENT)
        .append_pair("grant_type", "authorization_code")
        .append_pair("code", code)
        .append_pair("redirect_uri", REDIRECT)
        .append_pair("code_verifier", verifier)
        .append_pair("scope", "https://management.azure.com/user_impersonation")
        .finish()
}

/// `POST /{tenant}/oauth2/v2.0/token`.
pub fn redeem(state: &mut DemoState, tenant: &str, form: &str, now: i64) -> DemoResponse {
    let req = DemoRequest::post_form(
        "login.microsoftonline.com",
        &format!("/{tenant}/oauth2/v2.0/token"),
        form,
    )
    .with_origin(ORIGIN)
    .at(now);
    send(state, &req).response
}

/// The whole flow for the account of scenario `id`: an access token.
pub fn sign_in(state: &mut DemoState, id: &str) -> String {
    let d = arm_data();
    let upn = d.scenarios[d.scenario_index(id).unwrap()]
        .account
        .upn
        .clone();
    let code = code_for(state, "organizations", &upn, NOW);
    let r = redeem(state, "organizations", &token_form(&code, VERIFIER), NOW);
    assert_eq!(r.status, 200, "{}", text(&r));
    json(&r)["access_token"].as_str().unwrap().to_string()
}

/// `GET https://management.azure.com{target}` with a token, at [`NOW`].
pub fn arm_get(state: &mut DemoState, token: &str, target: &str) -> Reply {
    send(
        state,
        &DemoRequest::get("management.azure.com", target)
            .bearer(token)
            .at(NOW + 5),
    )
}
