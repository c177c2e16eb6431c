//! Sign-in with the user's own Entra app registration: the authorization-code flow with PKCE
//! (RFC 7636) through `chrome.identity.launchWebAuthFlow`, as `docs/onboarding-arm.md` describes.
//!
//! Why in the core: which URL is opened, what the redirect must carry (our `state`, a `code` or
//! an Entra error), what the token request sends and what a token answer must hold are decisions
//! with security weight (a forged redirect, a token for the wrong resource), so they are made
//! here and tested natively. The shell only makes the random values and the SHA-256 (Web
//! Crypto), opens the window, posts the form and keeps the token in `chrome.storage.session`.

pub use crate::model::AppRegistration;
use crate::url;
use serde::{Deserialize, Serialize};

/// The sign-in host (public cloud).
pub const LOGIN_BASE: &str = "https://login.microsoftonline.com";
/// The one scope asked for: ARM on the user's behalf.
pub const SCOPE: &str = "https://management.azure.com/user_impersonation";
/// Tokens closer than this to their expiry count as expired (seconds).
pub const EXPIRY_MARGIN_SECS: i64 = 120;

/// The redirect URI `chrome.identity.getRedirectURL()` gives: `https://<32 letters a-p>.chromiumapp.org/`.
pub fn is_redirect_uri(uri: &str) -> bool {
    uri.strip_prefix("https://")
        .and_then(|r| r.strip_suffix(".chromiumapp.org/"))
        .is_some_and(|id| id.len() == 32 && id.bytes().all(|b| (b'a'..=b'p').contains(&b)))
}

/// What the shell made for one sign-in: random `state`, the PKCE challenge of its verifier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FlowSecrets {
    /// Random, checked on return.
    pub state: String,
    /// base64url(SHA-256(verifier)), 43 characters.
    pub challenge: String,
}

fn is_base64url(text: &str, len: std::ops::RangeInclusive<usize>) -> bool {
    len.contains(&text.len())
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The authorize URL to open, or why not.
pub fn authorize_url(
    app: &AppRegistration,
    redirect_uri: &str,
    secrets: &FlowSecrets,
) -> Result<String, String> {
    app.check()?;
    if !is_redirect_uri(redirect_uri) {
        return Err("The browser gave an unexpected redirect address.".into());
    }
    if !is_base64url(&secrets.state, 16..=128) || !is_base64url(&secrets.challenge, 43..=43) {
        return Err("The sign-in secrets are malformed.".into());
    }
    Ok(format!(
        "{LOGIN_BASE}/{}/oauth2/v2.0/authorize?client_id={}&response_type=code&redirect_uri={}&scope={}&code_challenge={}&code_challenge_method=S256&state={}&prompt=select_account",
        url::encode_component(app.tenant.trim()),
        url::encode_component(app.client_id.trim()),
        url::encode_component(redirect_uri),
        url::encode_component(SCOPE),
        secrets.challenge,
        secrets.state
    ))
}

/// Reads the URL the flow ended at: the code, or the reason there is none.
pub fn read_redirect(
    final_url: &str,
    redirect_uri: &str,
    expected_state: &str,
) -> Result<String, String> {
    let Some(query) = final_url
        .strip_prefix(redirect_uri)
        .and_then(|rest| rest.strip_prefix('?'))
    else {
        return Err("Sign-in ended somewhere unexpected; try again.".into());
    };
    let query = query.split('#').next().unwrap_or_default();
    let mut code = None;
    let mut state = None;
    let mut error = None;
    let mut description = None;
    for pair in query.split('&') {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let v = url::decode(&v.replace('+', " "));
        match k {
            "code" => code = Some(v),
            "state" => state = Some(v),
            "error" => error = Some(v),
            "error_description" => description = Some(v),
            _ => {}
        }
    }
    if state.as_deref() != Some(expected_state) {
        return Err("Sign-in answered for another request (state mismatch); try again.".into());
    }
    if let Some(error) = error {
        let text: String = description
            .unwrap_or_default()
            .chars()
            .filter(|c| !c.is_control())
            .take(300)
            .collect();
        return Err(format!("Sign-in failed ({}): {text}", clip_code(&error)));
    }
    match code {
        Some(c) if !c.is_empty() && c.len() <= 4096 => Ok(c),
        _ => Err("Sign-in returned no authorization code; try again.".into()),
    }
}

fn clip_code(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .take(64)
        .collect()
}

/// The token endpoint for this registration.
pub fn token_url(app: &AppRegistration) -> String {
    format!(
        "{LOGIN_BASE}/{}/oauth2/v2.0/token",
        url::encode_component(app.tenant.trim())
    )
}

/// The form body of the token request.
pub fn token_form(app: &AppRegistration, code: &str, redirect_uri: &str, verifier: &str) -> String {
    format!(
        "client_id={}&grant_type=authorization_code&code={}&redirect_uri={}&code_verifier={}&scope={}",
        url::encode_component(app.client_id.trim()),
        url::encode_component(code),
        url::encode_component(redirect_uri),
        url::encode_component(verifier),
        url::encode_component(SCOPE)
    )
}

/// A token answer (success or Entra error), as far as we read it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct WireToken {
    /// `Bearer`.
    pub token_type: Option<String>,
    /// The granted scopes.
    pub scope: Option<String>,
    /// Seconds until expiry.
    pub expires_in: Option<i64>,
    /// The token.
    pub access_token: Option<String>,
    /// Entra's error code.
    pub error: Option<String>,
    /// Entra's error text.
    pub error_description: Option<String>,
}

/// A token kept for the session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SessionToken {
    /// The bearer token (kept in `chrome.storage.session` only).
    pub access_token: String,
    /// Expiry, ms since the epoch.
    pub expires_at_ms: i64,
}

impl SessionToken {
    /// Still usable at `now_ms`?
    pub fn is_fresh(&self, now_ms: i64) -> bool {
        now_ms + EXPIRY_MARGIN_SECS * 1000 < self.expires_at_ms
    }
}

/// Checks a token answer: a bearer token for ARM with an expiry.
pub fn read_token(status: u16, answer: WireToken, now_ms: i64) -> Result<SessionToken, String> {
    if let Some(error) = answer
        .error
        .as_deref()
        .filter(|_| status >= 400 || answer.access_token.is_none())
    {
        let text: String = answer
            .error_description
            .unwrap_or_default()
            .chars()
            .filter(|c| !c.is_control())
            .take(300)
            .collect();
        return Err(format!("Sign-in failed ({}): {text}", clip_code(error)));
    }
    if !(200..300).contains(&status) {
        return Err(format!(
            "Sign-in failed: the token endpoint answered HTTP {status}."
        ));
    }
    let bearer = answer
        .token_type
        .as_deref()
        .is_some_and(|t| t.eq_ignore_ascii_case("bearer"));
    let for_arm = answer
        .scope
        .as_deref()
        .is_none_or(|s| s.split(' ').any(|x| x.eq_ignore_ascii_case(SCOPE)));
    let token = answer.access_token.filter(|t| {
        !t.is_empty() && t.len() <= 16 * 1024 && t.bytes().all(|b| b.is_ascii_graphic())
    });
    match (bearer, for_arm, token, answer.expires_in) {
        (true, true, Some(access_token), Some(secs)) if (60..=86_400).contains(&secs) => {
            Ok(SessionToken {
                access_token,
                expires_at_ms: now_ms + secs * 1000,
            })
        }
        (_, false, _, _) => {
            Err("Sign-in returned a token for something other than Azure Resource Manager.".into())
        }
        _ => Err("Sign-in returned a token answer we could not read.".into()),
    }
}
