//! Entra's ways of saying no: an `AADSTS` error sent back to the app's redirect URI, as the
//! token endpoint's JSON, or on an error page; plus the headers every sign-in answer carries.
//!
//! Why one place: the authorize, account-choice and token handlers all fail the same way, and
//! the extension reads these answers exactly (`error`, `error_description`, `state`).

use crate::clock;
use crate::routes::DemoResponse;
use crate::state::DemoState;

/// An OAuth error with Entra's `AADSTS` number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntraError {
    /// OAuth 2.0 error code (`invalid_request`, `invalid_grant`, …).
    pub error: &'static str,
    /// The `AADSTS` number.
    pub code: u32,
    /// The message after `AADSTSnnnn: `.
    pub message: String,
}

impl EntraError {
    /// A new error.
    pub fn new(error: &'static str, code: u32, message: impl Into<String>) -> Self {
        EntraError {
            error,
            code,
            message: message.into(),
        }
    }

    /// `invalid_request` for a missing parameter (AADSTS900144).
    pub fn missing(name: &str) -> Self {
        Self::new(
            "invalid_request",
            900_144,
            format!("The request body must contain the following parameter: '{name}'."),
        )
    }

    /// `invalid_request` for a malformed request (AADSTS9002313), with the reason.
    pub fn malformed(reason: &str) -> Self {
        Self::new(
            "invalid_request",
            9_002_313,
            format!("Invalid request. Request is malformed or invalid. {reason}"),
        )
    }

    /// `AADSTSnnnn: message` with Entra's trace lines.
    pub fn description(&self, trace: &Trace) -> String {
        format!(
            "AADSTS{}: {}\r\nTrace ID: {}\r\nCorrelation ID: {}\r\nTimestamp: {}",
            self.code,
            self.message,
            trace.trace_id,
            trace.correlation_id,
            clock::entra_timestamp(trace.now)
        )
    }

    /// Entra's error page link for this code.
    pub fn error_uri(&self) -> String {
        format!("https://login.microsoftonline.com/error?code={}", self.code)
    }
}

/// The ids and time Entra prints with every error.
#[derive(Debug, Clone)]
pub struct Trace {
    /// `Trace ID`.
    pub trace_id: String,
    /// `Correlation ID`.
    pub correlation_id: String,
    /// When (Unix seconds).
    pub now: i64,
}

impl Trace {
    /// Fresh ids at `now`.
    pub fn new(state: &mut DemoState, now: i64) -> Self {
        Trace {
            trace_id: state.fresh_guid(),
            correlation_id: state.fresh_guid(),
            now,
        }
    }
}

/// Headers of every sign-in answer: never cached, never framed, no referrer.
pub fn headers(content_type: &str) -> Vec<(&'static str, String)> {
    vec![
        ("Content-Type", content_type.to_string()),
        ("Cache-Control", "no-store, no-cache".to_string()),
        ("Pragma", "no-cache".to_string()),
        ("X-Content-Type-Options", "nosniff".to_string()),
        ("X-Frame-Options", "DENY".to_string()),
        ("Referrer-Policy", "no-referrer".to_string()),
    ]
}

/// `302 Found` to `redirect_uri` with `params` as its query.
pub fn redirect(redirect_uri: &str, params: &[(&str, &str)]) -> DemoResponse {
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (k, v) in params {
        query.append_pair(k, v);
    }
    let location = format!("{redirect_uri}?{}", query.finish());
    let mut headers = headers("text/html; charset=utf-8");
    headers.push(("Location", location));
    DemoResponse {
        status: 302,
        headers,
        body: b"<html><head><title>Object moved</title></head><body></body></html>".to_vec(),
    }
}

/// The error sent back to the app: `redirect_uri?error=…&error_description=…&error_uri=…&state=…`.
pub fn redirect_error(
    redirect_uri: &str,
    state: Option<&str>,
    error: &EntraError,
    trace: &Trace,
) -> DemoResponse {
    let description = error.description(trace);
    let uri = error.error_uri();
    let mut params = vec![
        ("error", error.error),
        ("error_description", description.as_str()),
        ("error_uri", uri.as_str()),
    ];
    if let Some(s) = state {
        params.push(("state", s));
    }
    redirect(redirect_uri, &params)
}

/// The token endpoint's JSON error (400).
pub fn json_error(error: &EntraError, trace: &Trace) -> DemoResponse {
    let body = serde_json::json!({
        "error": error.error,
        "error_description": error.description(trace),
        "error_codes": [error.code],
        "timestamp": clock::entra_timestamp(trace.now),
        "trace_id": trace.trace_id,
        "correlation_id": trace.correlation_id,
        "error_uri": error.error_uri(),
    });
    DemoResponse {
        status: 400,
        headers: headers("application/json; charset=utf-8"),
        body: body.to_string().into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn description_has_entra_trace_lines() {
        let mut s = DemoState::new([0; 32]);
        let t = Trace::new(&mut s, 1_784_026_020);
        let d = EntraError::missing("code").description(&t);
        assert!(d.starts_with(
            "AADSTS900144: The request body must contain the following parameter: 'code'.\r\nTrace ID: "
        ));
        assert!(d.ends_with("\r\nTimestamp: 2026-07-14 10:47:00Z"));
    }

    #[test]
    fn redirect_error_keeps_state_and_encodes() {
        let mut s = DemoState::new([0; 32]);
        let t = Trace::new(&mut s, 0);
        let r = redirect_error(
            "https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/",
            Some("a b&c"),
            &EntraError::malformed("x"),
            &t,
        );
        assert_eq!(r.status, 302);
        let loc = r.header("Location").unwrap_or_default();
        assert!(loc.starts_with(
            "https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/?error=invalid_request&error_description=AADSTS9002313"
        ));
        assert!(loc.ends_with("&state=a+b%26c"), "{loc}");
    }
}
