//! `POST /{tenant}/oauth2/v2.0/token`: redeems an authorization code for an ARM access token.
//!
//! Why these checks, in this order: Entra refuses a code that is unknown, already redeemed,
//! expired, or presented with another client id, redirect URI, tenant or PKCE verifier. The
//! code is marked redeemed on the first attempt that names it, so a wrong verifier cannot be
//! retried. The token is JWT-shaped (header, claims, signature) with the claims ARM tokens
//! carry (`aud`, `iss`, `tid`, `oid`, `upn`, `name`, `scp`, `exp`), so an extension that
//! shows "signed in as" can read them; the signature is random and nothing checks it. What
//! the demo trusts is its own record of issued tokens, which also selects the scenario.

use super::authorize::ARM_SCOPE;
use super::entra::{self, EntraError, Trace};
use super::pkce;
use crate::ids::{b64url, is_guid};
use crate::request::{param, parse_form, DemoRequest, Method};
use crate::routes::DemoResponse;
use crate::scenarios::ArmData;
use crate::state::{DemoState, Session, CODE_LIFETIME_SECS, TOKEN_LIFETIME_SECS};

/// Request headers a browser may send cross-origin to the token endpoint.
const ALLOWED_HEADERS: &str = "content-type, accept, client-request-id, return-client-request-id, x-client-sku, x-client-ver, x-client-os, x-client-cpu, x-ms-lib-capability";

/// Adds CORS headers for a single-page app: the request's origin is allowed (Entra allows any
/// origin for SPA redirect URIs; the code's PKCE binding is what protects it).
fn with_cors(mut r: DemoResponse, origin: Option<&str>) -> DemoResponse {
    if let Some(o) = origin {
        r.headers
            .push(("Access-Control-Allow-Origin", o.to_string()));
        r.headers.push(("Vary", "Origin".to_string()));
    }
    r
}

/// The CORS preflight answer.
pub fn preflight(req: &DemoRequest) -> DemoResponse {
    let mut h = entra::headers("text/plain; charset=utf-8");
    h.push(("Access-Control-Allow-Methods", "POST, OPTIONS".to_string()));
    h.push(("Access-Control-Allow-Headers", ALLOWED_HEADERS.to_string()));
    h.push(("Access-Control-Max-Age", "86400".to_string()));
    let r = DemoResponse {
        status: 204,
        headers: h,
        body: Vec::new(),
    };
    with_cors(r, req.origin.as_deref())
}

/// Answers a token request for the URL's `tenant` segment.
pub fn token(
    data: &ArmData,
    state: &mut DemoState,
    req: &DemoRequest,
    tenant: &str,
) -> DemoResponse {
    if req.method == Method::Options {
        return preflight(req);
    }
    let trace = Trace::new(state, req.now_unix);
    let answer = match redeem(data, state, req, tenant) {
        Ok(token) => success(&token),
        Err(e) => entra::json_error(&e, &trace),
    };
    with_cors(answer, req.origin.as_deref())
}

fn success(access_token: &str) -> DemoResponse {
    let body = serde_json::json!({
        "token_type": "Bearer",
        "scope": ARM_SCOPE,
        "expires_in": TOKEN_LIFETIME_SECS,
        "ext_expires_in": TOKEN_LIFETIME_SECS,
        "access_token": access_token,
    });
    DemoResponse {
        status: 200,
        headers: entra::headers("application/json; charset=utf-8"),
        body: body.to_string().into_bytes(),
    }
}

fn required<'a>(params: &'a [(String, String)], name: &str) -> Result<&'a str, EntraError> {
    param(params, name)
        .filter(|v| !v.is_empty())
        .ok_or_else(|| EntraError::missing(name))
}

fn bad_code(why: &str) -> EntraError {
    EntraError::new(
        "invalid_grant",
        70_000,
        format!("The provided value for the 'code' parameter is not valid. {why}"),
    )
}

/// Checks the request and, when it is good, issues a token.
fn redeem(
    data: &ArmData,
    state: &mut DemoState,
    req: &DemoRequest,
    tenant: &str,
) -> Result<String, EntraError> {
    if req.method != Method::Post {
        return Err(EntraError::new(
            "invalid_request",
            900_561,
            format!(
                "The endpoint only accepts POST, OPTIONS requests. Received a {} request.",
                req.method.name()
            ),
        ));
    }
    if !req.has_form_body() {
        return Err(EntraError::missing("grant_type"));
    }
    let form = parse_form(&req.body);
    let grant_type = required(&form, "grant_type")?;
    if grant_type != "authorization_code" {
        return Err(EntraError::new(
            "unsupported_grant_type",
            70_003,
            format!("The app requested an unsupported grant type '{grant_type}'. The demo redeems authorization codes only."),
        ));
    }
    let client_id = required(&form, "client_id")?;
    let code = required(&form, "code")?;
    let redirect_uri = required(&form, "redirect_uri")?;
    let verifier = required(&form, "code_verifier")?;
    if let Some(scope) = param(&form, "scope") {
        if !scope.split_whitespace().any(|s| s == ARM_SCOPE) {
            return Err(EntraError::new(
                "invalid_scope",
                70_011,
                format!("The provided value for the input parameter 'scope' is not valid: it must contain '{ARM_SCOPE}'."),
            ));
        }
    }
    if !is_guid(client_id) {
        return Err(EntraError::new(
            "unauthorized_client",
            700_016,
            format!("Application with identifier '{client_id}' was not found in the directory '{tenant}'."),
        ));
    }
    let Some(sel) = data.tenant(tenant) else {
        return Err(EntraError::new(
            "invalid_request",
            90_002,
            format!("Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud."),
        ));
    };
    let now = req.now_unix;
    let Some(issued) = state.code_mut(code) else {
        return Err(bad_code("The code was not issued by this server."));
    };
    if issued.redeemed {
        return Err(EntraError::new(
            "invalid_grant",
            54_005,
            "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.",
        ));
    }
    issued.redeemed = true;
    let issued = issued.clone();
    if now - issued.issued_at > CODE_LIFETIME_SECS {
        return Err(EntraError::new(
            "invalid_grant",
            70_008,
            "The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.",
        ));
    }
    if !data.accounts(sel).contains(&issued.scenario) {
        return Err(EntraError::new(
            "invalid_grant",
            700_005,
            "Provided Authorization Code is intended to use against other tenant, thus rejected.",
        ));
    }
    if !issued.client_id.eq_ignore_ascii_case(client_id) {
        return Err(bad_code("It was issued to another client_id."));
    }
    if issued.redirect_uri != redirect_uri {
        return Err(bad_code(
            "The redirect_uri differs from the one of the authorization request.",
        ));
    }
    if !pkce::verifies(verifier, &issued.code_challenge) {
        return Err(EntraError::new(
            "invalid_grant",
            501_481,
            "The Code_Verifier does not match the code_challenge supplied in the authorization request.",
        ));
    }
    let token = access_token(data, state, issued.scenario, client_id, now);
    state.insert_session(
        token.clone(),
        Session {
            scenario: issued.scenario,
            expires_at: now + TOKEN_LIFETIME_SECS,
            calls: Default::default(),
        },
        now,
    );
    Ok(token)
}

/// A JWT-shaped ARM token for the scenario's account.
fn access_token(
    data: &ArmData,
    state: &mut DemoState,
    scenario: usize,
    client_id: &str,
    now: i64,
) -> String {
    let header = serde_json::json!({ "typ": "JWT", "alg": "RS256", "kid": "wayfinder-demo" });
    let (tid, oid, upn, name) = data
        .scenarios
        .get(scenario)
        .map(|s| {
            (
                s.tenant_id.as_str(),
                s.account.object_id.as_str(),
                s.account.upn.as_str(),
                s.account.display_name.as_str(),
            )
        })
        .unwrap_or_default();
    let claims = serde_json::json!({
        "aud": "https://management.azure.com",
        "iss": format!("https://sts.windows.net/{tid}/"),
        "iat": now,
        "nbf": now,
        "exp": now + TOKEN_LIFETIME_SECS,
        "appid": client_id,
        "idtyp": "user",
        "name": name,
        "oid": oid,
        "scp": "user_impersonation",
        "sub": crate::ids::stable_guid(&format!("sub/{oid}/{client_id}")),
        "tid": tid,
        "unique_name": upn,
        "upn": upn,
        "uti": state.fresh_text(),
        "ver": "1.0",
    });
    let signature = format!("{}{}", state.fresh_text(), state.fresh_text());
    format!(
        "{}.{}.{}",
        b64url(header.to_string().as_bytes()),
        b64url(claims.to_string().as_bytes()),
        signature
    )
}
