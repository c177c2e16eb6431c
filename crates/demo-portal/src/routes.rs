//! Pure routing of the portal pages: `(host, path) -> DemoResponse`.
//!
//! Why pure: the routing rules (which host gets which app, SPA fallback,
//! security headers, content types) are the contract other code depends on,
//! so they are kept free of I/O and covered by unit tests. The API hosts
//! (sign-in and ARM) need the whole request and the server's state; they are
//! answered by [`crate::route`].

use crate::assets::{self, AZURE_SHELL, DEFENDER_SHELL, REACTBLADE_SHELL};
use crate::{CSP_AZURE, CSP_DEFENDER, CSP_REACTBLADE};

/// Which impersonated site a host belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Site {
    /// Microsoft Defender portal (commercial, multitenant and government hosts).
    Defender,
    /// Azure portal shell (`portal.azure.com`).
    Azure,
    /// Azure portal React-view sandbox (`sandbox-N.reactblade.portal.azure.net`).
    ReactBlade,
    /// Azure Resource Manager API (`management.azure.com`): [`crate::arm`].
    Arm,
    /// Entra ID sign-in (`login.microsoftonline.com`): [`crate::login`].
    Login,
}

/// A fully formed response, independent of any HTTP library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoResponse {
    /// HTTP status code.
    pub status: u16,
    /// Response headers (including `Content-Type`).
    pub headers: Vec<(&'static str, String)>,
    /// Response body.
    pub body: Vec<u8>,
}

impl DemoResponse {
    /// First value of a header (case-insensitive name).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Maps a `Host` header value (port and trailing dot allowed) to a site.
pub fn site_for_host(host: &str) -> Option<Site> {
    let host = normalize_host(host);
    match host.as_str() {
        "security.microsoft.com"
        | "mto.security.microsoft.com"
        | "security.microsoft.us"
        | "security.apps.mil" => Some(Site::Defender),
        // The Azure Government portal shows the same pages; its blade frames' hosts are not
        // known (docs/government-clouds.md), so the demo's blade hosts refuse to be framed there.
        "portal.azure.com" | "portal.azure.us" => Some(Site::Azure),
        "management.azure.com" => Some(Site::Arm),
        "login.microsoftonline.com" => Some(Site::Login),
        h if is_reactblade(h) => Some(Site::ReactBlade),
        _ => None,
    }
}

/// `sandbox-<n>.reactblade.portal.azure.net`, where `<n>` is digits and dashes
/// (the portal uses e.g. `sandbox-1`, `sandbox-22-5`).
fn is_reactblade(host: &str) -> bool {
    host.strip_suffix(".reactblade.portal.azure.net")
        .and_then(|l| l.strip_prefix("sandbox-"))
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == '-'))
}

/// Lower-cases, removes a `:port` suffix and a trailing dot.
fn normalize_host(host: &str) -> String {
    let host = host.trim();
    let without_port = if let Some(rest) = host.strip_prefix('[') {
        // IPv6 literal: keep it bracket-free; never a demo host anyway.
        rest.split(']').next().unwrap_or(rest)
    } else {
        match host.rsplit_once(':') {
            Some((h, p)) if p.chars().all(|c| c.is_ascii_digit()) => h,
            _ => host,
        }
    };
    without_port.trim_end_matches('.').to_ascii_lowercase()
}

fn base_headers(content_type: &str) -> Vec<(&'static str, String)> {
    vec![
        ("Content-Type", content_type.to_string()),
        ("Cache-Control", "no-store".to_string()),
        ("X-Content-Type-Options", "nosniff".to_string()),
    ]
}

fn text(status: u16, csp: Option<&str>, msg: &str) -> DemoResponse {
    let mut headers = base_headers("text/plain; charset=utf-8");
    if let Some(csp) = csp {
        headers.push(("Content-Security-Policy", csp.to_string()));
    }
    DemoResponse {
        status,
        headers,
        body: msg.as_bytes().to_vec(),
    }
}

fn arm_error(status: u16, code: &str, message: &str) -> DemoResponse {
    let body = serde_json::json!({ "error": { "code": code, "message": message } });
    DemoResponse {
        status,
        headers: base_headers("application/json; charset=utf-8"),
        body: body.to_string().into_bytes(),
    }
}

/// Routes one request. `path_and_query` is the request target as sent
/// (`/incidents?tid=...`); only the path part decides the route.
///
/// Portal hosts: exact asset paths get the asset, other paths under the asset
/// prefixes get 404, everything else gets the app shell (SPA fallback) so deep
/// links load. API hosts are answered by [`crate::route`]; without the request
/// and the state this function can only answer them with a 404 ARM-style error.
pub fn respond(host: &str, path_and_query: &str) -> DemoResponse {
    let path = path_and_query
        .split(['?', '#'])
        .next()
        .unwrap_or(path_and_query);
    let Some(site) = site_for_host(host) else {
        return text(
            404,
            None,
            "unknown host: this demo server only serves the DEMO_HOSTS\n",
        );
    };
    let (csp, shell) = match site {
        Site::Defender => (CSP_DEFENDER, DEFENDER_SHELL),
        Site::Azure => (CSP_AZURE, AZURE_SHELL),
        Site::ReactBlade => (CSP_REACTBLADE, REACTBLADE_SHELL),
        Site::Arm => {
            return arm_error(
                404,
                "NotFound",
                &format!("The demo ARM endpoint answers '{path}' through demo_portal::route."),
            )
        }
        Site::Login => {
            return arm_error(
                404,
                "NotFound",
                &format!("The demo sign-in answers '{path}' through demo_portal::route."),
            )
        }
    };
    if let Some(asset) = assets::find(path) {
        let mut headers = base_headers(asset.content_type);
        headers.push(("Content-Security-Policy", csp.to_string()));
        return DemoResponse {
            status: 200,
            headers,
            body: asset.body.as_bytes().to_vec(),
        };
    }
    if path.starts_with("/demo-assets/")
        || path.starts_with("/demo-data/")
        || path == "/favicon.ico"
        || !path.starts_with('/')
    {
        return text(404, Some(csp), "not found\n");
    }
    let mut headers = base_headers("text/html; charset=utf-8");
    headers.push(("Content-Security-Policy", csp.to_string()));
    DemoResponse {
        status: 200,
        headers,
        body: shell.as_bytes().to_vec(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::DEMO_HOSTS;

    fn body(r: &DemoResponse) -> String {
        String::from_utf8(r.body.clone()).unwrap()
    }

    #[test]
    fn every_demo_host_is_routed() {
        for h in DEMO_HOSTS {
            assert!(site_for_host(h).is_some(), "{h}");
        }
    }

    #[test]
    fn hosts_map_to_sites() {
        assert_eq!(
            site_for_host("security.microsoft.com"),
            Some(Site::Defender)
        );
        assert_eq!(
            site_for_host("SECURITY.microsoft.com:443"),
            Some(Site::Defender)
        );
        assert_eq!(
            site_for_host("security.microsoft.com."),
            Some(Site::Defender)
        );
        assert_eq!(
            site_for_host("mto.security.microsoft.com"),
            Some(Site::Defender)
        );
        assert_eq!(site_for_host("security.microsoft.us"), Some(Site::Defender));
        assert_eq!(
            site_for_host("security.apps.mil:8443"),
            Some(Site::Defender)
        );
        assert_eq!(site_for_host("portal.azure.com"), Some(Site::Azure));
        assert_eq!(site_for_host("portal.azure.us"), Some(Site::Azure));
        assert_eq!(
            site_for_host("sandbox-2.reactblade.portal.azure.net"),
            Some(Site::ReactBlade)
        );
        assert_eq!(
            site_for_host("sandbox-22-5.reactblade.portal.azure.net"),
            Some(Site::ReactBlade)
        );
        assert_eq!(site_for_host("evil.reactblade.portal.azure.net"), None);
        assert_eq!(site_for_host("management.azure.com"), Some(Site::Arm));
        assert_eq!(
            site_for_host("login.microsoftonline.com"),
            Some(Site::Login)
        );
        assert_eq!(site_for_host("example.com"), None);
        assert_eq!(site_for_host("[::1]:443"), None);
    }

    #[test]
    fn unknown_host_is_404() {
        let r = respond("example.com", "/");
        assert_eq!(r.status, 404);
        let r = respond("", "/");
        assert_eq!(r.status, 404);
    }

    #[test]
    fn defender_shell_and_spa_fallback() {
        for path in [
            "/",
            "/homepage",
            "/incidents?tid=6f3c2b1a-4d5e-4f60-8a7b-9c0d1e2f3a4b",
            "/incident2/3421/overview",
            "/v2/advanced-hunting",
            "/sentinel/settings",
            "/some/unknown/deep/link",
        ] {
            let r = respond("security.microsoft.com", path);
            assert_eq!(r.status, 200, "{path}");
            assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
            assert_eq!(r.header("Content-Security-Policy"), Some(CSP_DEFENDER));
            assert_eq!(r.header("Cache-Control"), Some("no-store"));
            assert!(body(&r).contains("/demo-assets/defender/app.js"));
        }
        let gov = respond("security.apps.mil", "/incidents");
        assert!(body(&gov).contains("/demo-assets/defender/app.js"));
    }

    #[test]
    fn azure_and_reactblade_shells() {
        let r = respond("portal.azure.com", "/");
        assert_eq!(r.status, 200);
        assert_eq!(r.header("Content-Security-Policy"), Some(CSP_AZURE));
        assert!(body(&r).contains("/demo-assets/azure/app.js"));
        let r = respond(
            "sandbox-1.reactblade.portal.azure.net",
            "/reactview?blade=Hunting",
        );
        assert_eq!(r.status, 200);
        let csp = r.header("Content-Security-Policy").unwrap();
        assert!(csp.contains("frame-ancestors https://portal.azure.com"));
        assert!(body(&r).contains("/demo-assets/reactblade/app.js"));
    }

    #[test]
    fn csp_is_strict() {
        for csp in [CSP_DEFENDER, CSP_AZURE, CSP_REACTBLADE] {
            assert!(!csp.contains("unsafe"), "{csp}");
            assert!(csp.contains("script-src 'self'"));
            assert!(csp.contains("object-src 'none'"));
            assert!(csp.contains("base-uri 'none'"));
        }
        assert!(CSP_AZURE.contains("frame-src https://*.reactblade.portal.azure.net"));
    }

    #[test]
    fn shells_have_no_inline_code() {
        for shell in [DEFENDER_SHELL, AZURE_SHELL, REACTBLADE_SHELL] {
            assert!(!shell.contains("<style"));
            assert!(!shell.contains(" style="));
            assert!(!shell.contains(" on"), "inline handler?");
            for script in shell.split("<script").skip(1) {
                let tag = script.split('>').next().unwrap();
                assert!(tag.contains("src="), "inline script");
            }
        }
    }

    #[test]
    fn assets_have_content_types() {
        let cases = [
            (
                "/demo-assets/defender/app.js",
                "text/javascript; charset=utf-8",
            ),
            ("/demo-assets/azure/app.css", "text/css; charset=utf-8"),
            (
                "/demo-data/scenario.json",
                "application/json; charset=utf-8",
            ),
            ("/demo-assets/common/defender-icon.svg", "image/svg+xml"),
        ];
        for host in [
            "security.microsoft.com",
            "portal.azure.com",
            "sandbox-1.reactblade.portal.azure.net",
        ] {
            for (path, ct) in cases {
                let r = respond(host, path);
                assert_eq!(r.status, 200, "{host}{path}");
                assert_eq!(r.header("Content-Type"), Some(ct));
                assert_eq!(r.header("Cache-Control"), Some("no-store"));
            }
        }
        for a in assets::ASSETS {
            assert!(!a.body.is_empty(), "{}", a.path);
        }
    }

    #[test]
    fn scenario_is_valid_json_with_fixed_ids() {
        let r = respond("security.microsoft.com", "/demo-data/scenario.json?x=1");
        let v: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
        let s = v.to_string();
        for id in [
            "6f3c2b1a-4d5e-4f60-8a7b-9c0d1e2f3a4b",
            "9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4",
            "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9",
            "1a2b3c4d-5e6f-4708-9a1b-2c3d4e5f6a7b",
            "a7d3e1f2-5b6c-4d8e-9f01-23456789abcd",
            "b8e4f2a3-6c7d-4e9f-a012-3456789abcde",
            "c9f5a3b4-7d8e-4fa0-b123-456789abcdef",
            "contoso-sentinel-eu",
            "fabrikam-sentinel",
        ] {
            assert!(s.contains(id), "{id}");
        }
    }

    #[test]
    fn unknown_assets_404_and_traversal_impossible() {
        for path in [
            "/demo-assets/defender/nope.js",
            "/demo-assets/../Cargo.toml",
            "/demo-assets/..%2f..%2fsrc/lib.rs",
            "/demo-data/../src/lib.rs",
            "/favicon.ico",
        ] {
            let r = respond("security.microsoft.com", path);
            assert_eq!(r.status, 404, "{path}");
        }
        // Anything else is the shell, never a file's contents.
        for path in [
            "/../../Cargo.toml",
            "/..%2fsrc%2flib.rs",
            "/src/lib.rs",
            "//etc/passwd",
        ] {
            let r = respond("portal.azure.com", path);
            assert_eq!(r.body, AZURE_SHELL.as_bytes(), "{path}");
        }
        let r = respond("portal.azure.com", "*");
        assert_eq!(r.status, 404);
    }

    #[test]
    fn api_hosts_without_state_get_arm_404s() {
        for host in ["management.azure.com", "login.microsoftonline.com"] {
            let r = respond(host, "/subscriptions?api-version=2022-12-01");
            assert_eq!(r.status, 404);
            let v: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
            assert_eq!(v["error"]["code"], "NotFound");
            assert!(v["error"]["message"].is_string());
        }
    }
}
