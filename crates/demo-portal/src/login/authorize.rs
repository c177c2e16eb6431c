//! Checks an authorize request (`GET /{tenant}/oauth2/v2.0/authorize`, and the account
//! choice that re-posts the same parameters) the way Entra does for a single-page app with
//! PKCE.
//!
//! Why the order matters: Entra only sends an error back to a redirect URI it trusts. So the
//! redirect URI is checked first and, when it is missing or not the extension's
//! `https://<id>.chromiumapp.org/`, the user sees an error page and nothing is sent anywhere.
//! Every later problem goes back to the redirect URI as `error=…&error_description=AADSTS…`
//! with the request's `state`.

use super::entra::EntraError;
use crate::ids::is_guid;
use crate::request::param;
use crate::scenarios::ArmData;

/// The delegated ARM scope the extension asks for.
pub const ARM_SCOPE: &str = "https://management.azure.com/user_impersonation";

/// OpenID Connect scopes Entra accepts next to a resource scope.
const OIDC_SCOPES: &[&str] = &["openid", "profile", "email", "offline_access"];

/// A valid authorize request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthRequest {
    /// The tenant segment of the URL, as given.
    pub tenant: String,
    /// Scenarios whose accounts the tenant segment lists.
    pub accounts: Vec<usize>,
    /// `client_id` (a GUID).
    pub client_id: String,
    /// `redirect_uri` (`https://<32 letters a-p>.chromiumapp.org/`).
    pub redirect_uri: String,
    /// `scope` as given.
    pub scope: String,
    /// `code_challenge` (43 base64url characters).
    pub code_challenge: String,
    /// `state` as given.
    pub state: String,
}

/// Why a request was refused, and where the refusal goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    /// The redirect URI cannot be trusted: show an error page.
    Page(EntraError),
    /// Send the error back to the (valid) redirect URI.
    Redirect {
        /// Where to.
        redirect_uri: String,
        /// The request's `state`, if it had one.
        state: Option<String>,
        /// The error.
        error: EntraError,
    },
}

/// `https://<extension id>.chromiumapp.org/`: the URL `chrome.identity.getRedirectURL()`
/// returns. Extension ids are 32 letters `a`–`p`.
pub fn is_extension_redirect(uri: &str) -> bool {
    uri.strip_prefix("https://")
        .and_then(|rest| rest.strip_suffix(".chromiumapp.org/"))
        .is_some_and(|id| id.len() == 32 && id.bytes().all(|b| (b'a'..=b'p').contains(&b)))
}

/// A PKCE S256 challenge: base64url of 32 bytes, 43 characters.
pub fn is_s256_challenge(text: &str) -> bool {
    text.len() == 43
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Checks the parameters of an authorize request for `tenant` (the URL's tenant segment).
pub fn validate(
    data: &ArmData,
    tenant: &str,
    params: &[(String, String)],
) -> Result<AuthRequest, Rejection> {
    let client_id = param(params, "client_id").unwrap_or_default();
    let Some(redirect_uri) = param(params, "redirect_uri") else {
        return Err(Rejection::Page(EntraError::new(
            "invalid_request",
            900_971,
            "No reply address provided.",
        )));
    };
    if !is_extension_redirect(redirect_uri) {
        return Err(Rejection::Page(EntraError::new(
            "invalid_request",
            50_011,
            format!(
                "The redirect URI '{redirect_uri}' specified in the request does not match the redirect URIs configured for the application '{client_id}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal."
            ),
        )));
    }
    let state = param(params, "state").map(str::to_string);
    let back = |error: EntraError| Rejection::Redirect {
        redirect_uri: redirect_uri.to_string(),
        state: state.clone(),
        error,
    };
    if client_id.is_empty() {
        return Err(back(EntraError::missing("client_id")));
    }
    if !is_guid(client_id) {
        return Err(back(EntraError::new(
            "invalid_request",
            700_016,
            format!("Application with identifier '{client_id}' was not found in the directory '{tenant}'. The client_id must be the GUID of an app registration."),
        )));
    }
    let Some(sel) = data.tenant(tenant) else {
        return Err(back(EntraError::new(
            "invalid_request",
            90_002,
            format!("Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud."),
        )));
    };
    match param(params, "response_type") {
        None => return Err(back(EntraError::missing("response_type"))),
        Some("code") => {}
        Some(other) => {
            return Err(back(EntraError::new(
                "unsupported_response_type",
                700_054,
                format!("response_type '{other}' is not enabled for the application."),
            )))
        }
    }
    match param(params, "response_mode") {
        None | Some("query") => {}
        Some(other) => {
            return Err(back(EntraError::malformed(&format!(
                "The demo answers with response_mode 'query' only, not '{other}'."
            ))))
        }
    }
    let Some(scope) = param(params, "scope") else {
        return Err(back(EntraError::missing("scope")));
    };
    let scopes: Vec<&str> = scope.split_whitespace().collect();
    let arm = scopes.contains(&ARM_SCOPE);
    let others_ok = scopes
        .iter()
        .all(|s| *s == ARM_SCOPE || OIDC_SCOPES.contains(s));
    if !arm || !others_ok {
        return Err(back(EntraError::new(
            "invalid_scope",
            70_011,
            format!("The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' ('{scope}') is not valid: it must contain '{ARM_SCOPE}' and may add only openid, profile, email and offline_access."),
        )));
    }
    let Some(code_challenge) = param(params, "code_challenge") else {
        return Err(back(EntraError::new(
            "invalid_request",
            9_002_325,
            "Proof Key for Code Exchange is required for cross-origin authorization code redemption.",
        )));
    };
    if !is_s256_challenge(code_challenge) {
        return Err(back(EntraError::new(
            "invalid_request",
            501_491,
            "Invalid size of Code_Challenge parameter.",
        )));
    }
    if param(params, "code_challenge_method") != Some("S256") {
        return Err(back(EntraError::malformed(
            "code_challenge_method must be 'S256'.",
        )));
    }
    let Some(state_value) = state.as_deref().filter(|s| !s.is_empty()) else {
        return Err(back(EntraError::malformed(
            "The demo requires a 'state' parameter (the extension checks it on return).",
        )));
    };
    match param(params, "prompt") {
        None | Some("select_account" | "login" | "consent") => {}
        Some("none") => {
            return Err(back(EntraError::new(
                "login_required",
                50_058,
                "A silent sign-in request was sent but no user is signed in.",
            )))
        }
        Some(other) => {
            return Err(back(EntraError::malformed(&format!(
                "Unknown prompt '{other}'."
            ))))
        }
    }
    Ok(AuthRequest {
        tenant: tenant.to_string(),
        accounts: data.accounts(sel),
        client_id: client_id.to_string(),
        redirect_uri: redirect_uri.to_string(),
        scope: scope.to_string(),
        code_challenge: code_challenge.to_string(),
        state: state_value.to_string(),
    })
}

#[cfg(test)]
mod tests;
