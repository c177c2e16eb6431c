//! `Authorization: Bearer <token>` on ARM: which scenario a request is for, or ARM's 401.
//!
//! Why the demo's own record: the tokens come from this server's token endpoint, which
//! remembers each one with its scenario and expiry. ARM's real answers for a missing header,
//! a header in the wrong format, an unknown token and an expired one differ in their `code`,
//! and the extension tells "sign in again" from other failures by the status, so all four are
//! 401 with a `WWW-Authenticate` challenge naming the tenant to sign in to.

use super::error::unauthorized;
use crate::clock;
use crate::routes::DemoResponse;
use crate::state::DemoState;

/// Why a request is not authenticated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthFailure {
    /// No `Authorization` header.
    Missing,
    /// Not `Bearer <token>`.
    Malformed,
    /// A token this server did not issue.
    Unknown,
    /// An issued token past its expiry.
    Expired {
        /// Its expiry (Unix seconds).
        expires_at: i64,
    },
}

/// The token of a `Bearer` header (scheme in any case, one space, non-empty token).
pub fn bearer(header: Option<&str>) -> Result<&str, AuthFailure> {
    let header = header.ok_or(AuthFailure::Missing)?;
    let (scheme, token) = header.split_once(' ').ok_or(AuthFailure::Malformed)?;
    let token = token.trim();
    if !scheme.eq_ignore_ascii_case("bearer") || token.is_empty() || token.contains(' ') {
        return Err(AuthFailure::Malformed);
    }
    Ok(token)
}

/// The scenario of the request's token.
pub fn authenticate(
    state: &mut DemoState,
    header: Option<&str>,
    now: i64,
) -> Result<(String, usize), AuthFailure> {
    let token = bearer(header)?;
    let session = state.session_mut(token).ok_or(AuthFailure::Unknown)?;
    if now >= session.expires_at {
        return Err(AuthFailure::Expired {
            expires_at: session.expires_at,
        });
    }
    Ok((token.to_string(), session.scenario))
}

/// ARM's 401 for a failure; `tenant` is where the challenge sends the caller.
pub fn refuse(failure: AuthFailure, tenant: &str, now: i64) -> DemoResponse {
    match failure {
        AuthFailure::Missing => unauthorized(
            tenant,
            "AuthenticationFailed",
            "Authentication failed. The 'Authorization' header is missing.",
            "The authentication failed because of missing 'Authorization' header.",
        ),
        AuthFailure::Malformed => unauthorized(
            tenant,
            "AuthenticationFailed",
            "Authentication failed. The 'Authorization' header is provided in an invalid format.",
            "The authentication failed because of an invalid 'Authorization' header.",
        ),
        AuthFailure::Unknown => unauthorized(
            tenant,
            "InvalidAuthenticationToken",
            "The access token is invalid.",
            "The access token is invalid.",
        ),
        AuthFailure::Expired { expires_at } => unauthorized(
            tenant,
            "ExpiredAuthenticationToken",
            &format!(
                "The access token expiry UTC time '{}' is earlier than current UTC time '{}'.",
                clock::rfc3339(expires_at),
                clock::rfc3339(now)
            ),
            "The access token has expired.",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bearer_header_forms() {
        assert_eq!(bearer(Some("Bearer abc")), Ok("abc"));
        assert_eq!(bearer(Some("bearer abc")), Ok("abc"));
        assert_eq!(bearer(None), Err(AuthFailure::Missing));
        for bad in ["Bearer", "Bearer ", "Basic abc", "Bearer a b", "abc"] {
            assert_eq!(bearer(Some(bad)), Err(AuthFailure::Malformed), "{bad}");
        }
    }

    #[test]
    fn refusals_are_401_with_a_challenge() {
        for f in [
            AuthFailure::Missing,
            AuthFailure::Malformed,
            AuthFailure::Unknown,
            AuthFailure::Expired { expires_at: 0 },
        ] {
            let r = refuse(f, "common", 10);
            assert_eq!(r.status, 401);
            let challenge = r.header("WWW-Authenticate").unwrap_or_default();
            assert!(challenge.starts_with(
                "Bearer authorization_uri=\"https://login.microsoftonline.com/common\", error=\"invalid_token\""
            ));
        }
    }
}
