//! ARM's answers in general: JSON bodies, `{"error":{"code","message"}}` errors, the
//! `WWW-Authenticate` challenge of a 401, and the headers every ARM answer carries.
//!
//! Why one place: every handler and every injected fault answers through these, so the
//! extension sees one consistent ARM, the way its error reader (core `arm::http`) expects.

use crate::request::DemoRequest;
use crate::routes::DemoResponse;
use crate::state::DemoState;

/// Request headers a browser may send cross-origin to ARM (the Azure portal's set, roughly).
const ALLOWED_HEADERS: &str = "authorization, content-type, accept, accept-language, x-ms-client-request-id, x-ms-correlation-request-id, x-ms-command-name, x-ms-effective-locale, x-ms-app";

/// Response headers a cross-origin caller may read.
const EXPOSED_HEADERS: &str = "Retry-After, WWW-Authenticate, x-ms-request-id, x-ms-correlation-request-id, x-ms-ratelimit-remaining-subscription-reads, x-ms-ratelimit-remaining-tenant-reads";

/// A JSON answer.
pub fn json(status: u16, body: &serde_json::Value) -> DemoResponse {
    DemoResponse {
        status,
        headers: vec![(
            "Content-Type",
            "application/json; charset=utf-8".to_string(),
        )],
        body: body.to_string().into_bytes(),
    }
}

/// ARM's error body with `status`.
pub fn error(status: u16, code: &str, message: &str) -> DemoResponse {
    json(
        status,
        &serde_json::json!({ "error": { "code": code, "message": message } }),
    )
}

/// A 401 with ARM's challenge: where to get a token for `tenant`.
pub fn unauthorized(tenant: &str, code: &str, message: &str, challenge: &str) -> DemoResponse {
    let mut r = error(401, code, message);
    r.headers.push((
        "WWW-Authenticate",
        format!(
            "Bearer authorization_uri=\"https://login.microsoftonline.com/{tenant}\", error=\"invalid_token\", error_description=\"{challenge}\""
        ),
    ));
    r
}

/// Adds what every ARM answer carries: no caching, request ids, and CORS for the caller's
/// origin (ARM answers browsers, the Azure portal being one).
pub fn decorate(mut r: DemoResponse, state: &mut DemoState, req: &DemoRequest) -> DemoResponse {
    r.headers.push(("Cache-Control", "no-cache".to_string()));
    r.headers.push(("Pragma", "no-cache".to_string()));
    r.headers.push(("Expires", "-1".to_string()));
    r.headers
        .push(("X-Content-Type-Options", "nosniff".to_string()));
    r.headers.push(("x-ms-request-id", state.fresh_guid()));
    r.headers
        .push(("x-ms-correlation-request-id", state.fresh_guid()));
    if let Some(origin) = &req.origin {
        r.headers
            .push(("Access-Control-Allow-Origin", origin.clone()));
        r.headers
            .push(("Access-Control-Expose-Headers", EXPOSED_HEADERS.to_string()));
        r.headers.push(("Vary", "Origin".to_string()));
    }
    r
}

/// The answer to a CORS preflight.
pub fn preflight() -> DemoResponse {
    DemoResponse {
        status: 204,
        headers: vec![
            (
                "Access-Control-Allow-Methods",
                "GET, HEAD, PUT, POST, PATCH, DELETE, OPTIONS".to_string(),
            ),
            ("Access-Control-Allow-Headers", ALLOWED_HEADERS.to_string()),
            ("Access-Control-Max-Age", "3600".to_string()),
        ],
        body: Vec::new(),
    }
}
