//! `login.microsoftonline.com`: the OAuth 2.0 authorization-code flow with PKCE that
//! `chrome.identity.launchWebAuthFlow` drives (contract: `docs/onboarding-arm.md`).
//!
//! Routes (fixed segments compared case-insensitively, `{tenant}` = `organizations`, `common`,
//! a tenant GUID or its `*.onmicrosoft.com` domain):
//! - `GET /{tenant}/oauth2/v2.0/authorize?…`: checks the request ([`authorize`]) and shows
//!   "Pick an account" ([`page`]), or refuses like Entra;
//! - `POST /{tenant}/login`: the chosen account (the page's form) → `302` to
//!   `redirect_uri?code=…&state=…`;
//! - `POST /{tenant}/oauth2/v2.0/token` (and its CORS preflight): code → token ([`token`]).
//!
//! Why a separate account-choice post: it is the one step that changes state (a code is
//! issued), so it is a `POST` from the page, never a link a prefetch could follow.

pub mod authorize;
pub mod entra;
pub mod page;
pub mod pkce;
pub mod token;

use authorize::{validate, Rejection};
use entra::{EntraError, Trace};

use crate::request::{param, parse_form, DemoRequest, Method};
use crate::routes::DemoResponse;
use crate::scenarios::ArmData;
use crate::state::{DemoState, IssuedCode};

/// Answers one request to the sign-in host.
pub fn route(data: &ArmData, state: &mut DemoState, req: &DemoRequest) -> DemoResponse {
    let path = req.path();
    if path == page::CSS_PATH && req.method.is_read() {
        let mut h = entra::headers("text/css; charset=utf-8");
        h.push(("Content-Security-Policy", page::ERROR_CSP.to_string()));
        return DemoResponse {
            status: 200,
            headers: h,
            body: page::CSS.as_bytes().to_vec(),
        };
    }
    let segments: Vec<&str> = path.strip_prefix('/').unwrap_or(path).split('/').collect();
    let is = |s: &str, fixed: &str| s.eq_ignore_ascii_case(fixed);
    match segments.as_slice() {
        [tenant, o, v, a]
            if !tenant.is_empty() && is(o, "oauth2") && is(v, "v2.0") && is(a, "authorize") =>
        {
            authorize(data, state, req, tenant)
        }
        [tenant, o, v, t]
            if !tenant.is_empty() && is(o, "oauth2") && is(v, "v2.0") && is(t, "token") =>
        {
            token::token(data, state, req, tenant)
        }
        [tenant, l] if !tenant.is_empty() && is(l, "login") => choose(data, state, req, tenant),
        _ => not_found(),
    }
}

fn not_found() -> DemoResponse {
    DemoResponse {
        status: 404,
        headers: entra::headers("text/plain; charset=utf-8"),
        body: b"not found: the demo sign-in serves /{tenant}/oauth2/v2.0/authorize and /{tenant}/oauth2/v2.0/token\n".to_vec(),
    }
}

fn method_not_allowed(allow: &str) -> DemoResponse {
    let mut h = entra::headers("text/plain; charset=utf-8");
    h.push(("Allow", allow.to_string()));
    DemoResponse {
        status: 405,
        headers: h,
        body: b"method not allowed\n".to_vec(),
    }
}

fn reject(state: &mut DemoState, now: i64, rejection: Rejection) -> DemoResponse {
    let trace = Trace::new(state, now);
    match rejection {
        Rejection::Page(e) => page::error_page(&e, &trace),
        Rejection::Redirect {
            redirect_uri,
            state: s,
            error,
        } => entra::redirect_error(&redirect_uri, s.as_deref(), &error, &trace),
    }
}

fn authorize(
    data: &ArmData,
    state: &mut DemoState,
    req: &DemoRequest,
    tenant: &str,
) -> DemoResponse {
    if !req.method.is_read() {
        return method_not_allowed("GET, HEAD");
    }
    match validate(data, tenant, &req.query_params()) {
        Ok(request) => page::picker(data, &request),
        Err(rejection) => reject(state, req.now_unix, rejection),
    }
}

/// The account page's post: the authorize parameters again, plus `upn`.
fn choose(data: &ArmData, state: &mut DemoState, req: &DemoRequest, tenant: &str) -> DemoResponse {
    if req.method != Method::Post {
        return method_not_allowed("POST");
    }
    if !req.has_form_body() {
        let e = EntraError::malformed("The account choice must be a form post.");
        return page::error_page(&e, &Trace::new(state, req.now_unix));
    }
    let form = parse_form(&req.body);
    let request = match validate(data, tenant, &form) {
        Ok(r) => r,
        Err(rejection) => return reject(state, req.now_unix, rejection),
    };
    let upn = param(&form, "upn").unwrap_or_default();
    let chosen = request.accounts.iter().copied().find(|&i| {
        data.scenarios
            .get(i)
            .is_some_and(|s| s.account.upn.eq_ignore_ascii_case(upn))
    });
    let Some(scenario) = chosen else {
        let e = EntraError::new(
            "invalid_request",
            50_034,
            format!("The user account {upn} does not exist in the {tenant} directory. To sign into this application, the account must be added to the directory."),
        );
        return page::error_page(&e, &Trace::new(state, req.now_unix));
    };
    let code = format!("1.{}{}", state.fresh_text(), state.fresh_text());
    state.insert_code(
        code.clone(),
        IssuedCode {
            client_id: request.client_id.clone(),
            redirect_uri: request.redirect_uri.clone(),
            code_challenge: request.code_challenge.clone(),
            scenario,
            issued_at: req.now_unix,
            redeemed: false,
        },
        req.now_unix,
    );
    let session_state = state.fresh_guid();
    entra::redirect(
        &request.redirect_uri,
        &[
            ("code", code.as_str()),
            ("state", request.state.as_str()),
            ("session_state", session_state.as_str()),
        ],
    )
}

#[cfg(test)]
mod tests;
