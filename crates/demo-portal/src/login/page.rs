//! The HTML of the sign-in pages: "Pick an account" and the error page.
//!
//! Why plain server-rendered HTML: `chrome.identity.launchWebAuthFlow` shows the page in its
//! own window and only watches for the redirect to `*.chromiumapp.org`, so a form that posts
//! the choice is all the flow needs. No script, one same-origin stylesheet, and a strict CSP
//! (`default-src 'none'`), so the page works offline and nothing on it can run code. Every
//! value from the request or the data file is HTML-escaped.

use super::authorize::AuthRequest;
use crate::routes::DemoResponse;
use crate::scenarios::ArmData;

use super::entra::{headers, EntraError, Trace};

/// Path of the sign-in stylesheet on `login.microsoftonline.com`.
pub const CSS_PATH: &str = "/demo-assets/login/app.css";

/// The stylesheet.
pub const CSS: &str = include_str!("../../web/login/app.css");

/// Escapes text for HTML content and double-quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Initials of a display name (`Megan Bowen` → `MB`).
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .take(2)
        .collect::<String>()
        .to_uppercase()
}

/// The CSP of the account page: styles from this origin, forms to this origin, and the
/// redirect after the post (Chromium checks `form-action` on redirects too).
pub fn picker_csp(redirect_uri: &str) -> String {
    let origin = redirect_uri.trim_end_matches('/');
    format!("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self' {origin}; frame-ancestors 'none'; base-uri 'none'")
}

/// CSP of the error page.
pub const ERROR_CSP: &str = "default-src 'none'; style-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

fn document(title: &str, card: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<link rel=\"stylesheet\" href=\"{CSS_PATH}\">\n</head>\n<body>\n<div class=\"lg-page\">\n<main class=\"lg-card\">\n<div class=\"lg-logo\" role=\"img\" aria-label=\"Microsoft\"><span class=\"lg-logo-mark\" aria-hidden=\"true\"><span></span><span></span><span></span><span></span></span><span class=\"lg-logo-word\" aria-hidden=\"true\">Microsoft</span></div>\n{card}\n</main>\n</div>\n<footer class=\"lg-footer\"><span>Terms of use</span><span>Privacy &amp; cookies</span><span>&hellip;</span></footer>\n</body>\n</html>\n",
        escape(title)
    )
}

/// "Pick an account": one submit button per account the tenant lists. Each button's
/// accessible name is the account's display name and UPN; it also carries
/// `data-test-id="<upn>"`, like Entra's account tiles.
pub fn picker(data: &ArmData, req: &AuthRequest) -> DemoResponse {
    let hidden: String = [
        ("client_id", req.client_id.as_str()),
        ("response_type", "code"),
        ("redirect_uri", req.redirect_uri.as_str()),
        ("scope", req.scope.as_str()),
        ("code_challenge", req.code_challenge.as_str()),
        ("code_challenge_method", "S256"),
        ("state", req.state.as_str()),
    ]
    .iter()
    .map(|(k, v)| {
        format!(
            "<input type=\"hidden\" name=\"{k}\" value=\"{}\">\n",
            escape(v)
        )
    })
    .collect();
    let tiles: String = req
        .accounts
        .iter()
        .filter_map(|&i| data.scenarios.get(i))
        .map(|s| {
            let (name, upn) = (escape(&s.account.display_name), escape(&s.account.upn));
            format!(
                "<li><button type=\"submit\" class=\"lg-tile\" name=\"upn\" value=\"{upn}\" data-test-id=\"{upn}\"><span class=\"lg-avatar\" aria-hidden=\"true\">{}</span><span class=\"lg-tile-text\"><span class=\"lg-tile-name\">{name}</span> <span class=\"lg-tile-upn\">{upn}</span></span></button></li>\n",
                escape(&initials(&s.account.display_name))
            )
        })
        .collect();
    let card = format!(
        "<h1 class=\"lg-title\" id=\"lg-title\">Pick an account</h1>\n<p class=\"lg-sub\">to continue to Azure Resource Manager</p>\n<form method=\"post\" action=\"/{}/login\" aria-labelledby=\"lg-title\">\n{hidden}<ul class=\"lg-tiles\">\n{tiles}</ul>\n</form>\n<p class=\"lg-note\">Demo sign-in: no password is asked and nothing leaves this computer. Each account opens one demo scenario.</p>",
        escape(&req.tenant)
    );
    let mut h = headers("text/html; charset=utf-8");
    h.push(("Content-Security-Policy", picker_csp(&req.redirect_uri)));
    DemoResponse {
        status: 200,
        headers: h,
        body: document("Sign in to your account", &card).into_bytes(),
    }
}

/// Entra's error page ("Sorry, but we're having trouble signing you in.").
pub fn error_page(error: &EntraError, trace: &Trace) -> DemoResponse {
    let card = format!(
        "<h1 class=\"lg-title\">Sign in</h1>\n<p class=\"lg-error\" role=\"alert\">Sorry, but we&rsquo;re having trouble signing you in.</p>\n<p>AADSTS{}: {}</p>\n<p class=\"lg-detail\">{}</p>",
        error.code,
        escape(&error.message),
        escape(&error.description(trace))
    );
    let mut h = headers("text/html; charset=utf-8");
    h.push(("Content-Security-Policy", ERROR_CSP.to_string()));
    DemoResponse {
        status: 400,
        headers: h,
        body: document("Sign in to your account", &card).into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(initials("Megan Bowen"), "MB");
        assert_eq!(initials("Lee Gu"), "LG");
    }

    #[test]
    fn csp_allows_the_redirect_origin_only() {
        let csp = picker_csp("https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/");
        assert!(csp.contains(
            "form-action 'self' https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org;"
        ));
        assert!(csp.starts_with("default-src 'none'"));
        assert!(!csp.contains("unsafe"));
    }
}
