//! The manifest's security policy, checked on every build (and so in CI): what the extension may
//! do is decided in `manifest.json`, and a reviewer reads it before allowing the extension into
//! a SOC. A change that widens it must be a conscious change of this file too, not a slip.
//!
//! The rules (docs/threat-model.md): required permissions are `storage` and `scripting` only,
//! besides the commercial portal hosts the content scripts match; everything else is optional and
//! asked for when the user turns on the feature (`identity`, for sign-in; the US Government
//! portals' hosts); no host permissions beyond the content scripts; no
//! page or other extension can message us (`externally_connectable` closed); only the overlay
//! page is web-accessible, only to the portal top frames, and only under its per-session
//! dynamic URL; extension pages run only our own scripts and talk only to the two Microsoft APIs
//! the user opts into.

use serde_json::Value;

/// The Azure portal's blade frames, where the content script also runs (docs/threat-model.md).
const BLADE_MATCHES: [&str; 3] = [
    "https://*.reactblade.portal.azure.net/*",
    "https://*.reactblade-ms.portal.azure.net/*",
    "https://*.reactblade-rc.portal.azure.net/*",
];
/// The web-accessible resources: the panel's page, and the module that walks a view for a view
/// report (imported by the content script only when the user asks for a report).
const WEB_ACCESSIBLE: [&str; 2] = ["overlay.html", "view-walk.js"];
/// The commercial portals' top frames, where the content script is declared.
const COMMERCIAL_MATCHES: [&str; 3] = [
    "https://security.microsoft.com/*",
    "https://mto.security.microsoft.com/*",
    "https://portal.azure.com/*",
];
/// The US Government portals' top frames (docs/government-clouds.md): optional hosts, where the
/// worker registers the same content script once the user allows them.
const GOVERNMENT_MATCHES: [&str; 3] = [
    "https://security.microsoft.us/*",
    "https://security.apps.mil/*",
    "https://portal.azure.us/*",
];
/// The top frames the overlay iframe is placed in: both clouds' portals.
const OVERLAY_MATCHES: [&str; 6] = [
    COMMERCIAL_MATCHES[0],
    COMMERCIAL_MATCHES[1],
    COMMERCIAL_MATCHES[2],
    GOVERNMENT_MATCHES[0],
    GOVERNMENT_MATCHES[1],
    GOVERNMENT_MATCHES[2],
];
/// The extension pages' CSP, directive by directive: our own scripts and wasm only, no inline
/// script or style, images from the package, and connections only to Entra sign-in and Azure
/// Resource Manager (both only after the user signs in). Compared whole: an added directive
/// (`frame-src *`) or a repeated one (the browser keeps the first) is a change of policy too.
const EXTENSION_PAGES_CSP: [(&str, &str); 8] = [
    ("default-src", "'none'"),
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    (
        "connect-src",
        "'self' https://login.microsoftonline.com https://management.azure.com",
    ),
    ("object-src", "'none'"),
    ("base-uri", "'none'"),
    ("form-action", "'none'"),
];

/// The directives of a CSP as (name, value) pairs, in order; `None` when one is repeated.
fn directives(csp: &str) -> Option<Vec<(String, String)>> {
    let mut seen: Vec<(String, String)> = Vec::new();
    for directive in csp.split(';').map(str::trim).filter(|d| !d.is_empty()) {
        let (name, value) = directive.split_once(' ').unwrap_or((directive, ""));
        let name = name.to_ascii_lowercase();
        if seen.iter().any(|(n, _)| *n == name) {
            return None;
        }
        let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
        seen.push((name, value));
    }
    Some(seen)
}

/// Checks the manifest text against the policy; the error says which rule it breaks.
pub fn check(text: &str) -> Result<(), String> {
    let m: Value =
        serde_json::from_str(text).map_err(|e| format!("manifest.json is not JSON: {e}"))?;
    let strings = |v: &Value| -> Vec<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    };
    let fail = |rule: &str| Err(format!("manifest.json breaks its security policy: {rule}"));
    // `scripting` registers the content script on the US Government portals once the user
    // allows them (their hosts are optional); it carries no install warning of its own.
    if strings(&m["permissions"]) != ["storage", "scripting"] {
        return fail("the required permissions must be exactly [\"storage\", \"scripting\"]");
    }
    if !strings(&m["optional_permissions"])
        .iter()
        .all(|p| p == "identity")
    {
        return fail("the only optional permission is \"identity\" (sign-in)");
    }
    if !m["host_permissions"].is_null() {
        return fail(
            "no host_permissions: ARM and Entra answer CORS, the portals are matched by content scripts",
        );
    }
    if strings(&m["optional_host_permissions"]) != GOVERNMENT_MATCHES {
        return fail("the optional hosts are exactly the US Government portals' top frames");
    }
    let scripts = m["content_scripts"].as_array().cloned().unwrap_or_default();
    if scripts.is_empty()
        || scripts.iter().any(|s| {
            let matches = strings(&s["matches"]);
            matches.is_empty()
                || matches.iter().any(|h| {
                    !COMMERCIAL_MATCHES.contains(&h.as_str())
                        && !BLADE_MATCHES.contains(&h.as_str())
                })
        })
    {
        return fail("content scripts run on the portal hosts only");
    }
    // Without the key Chromium lets every other extension message us: it must be there, closed.
    let external = &m["externally_connectable"];
    if !external.is_object()
        || !external["matches"].is_null()
        || external["ids"] != Value::Array(vec![])
    {
        return fail("externally_connectable must be present and closed (\"ids\": [], no matches)");
    }
    let resources = m["web_accessible_resources"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    // The panel's page, and the view-report walk the content script imports when the user asks
    // (in a blade frame too, whose content script reports that frame's view): each only to the
    // frames that need it, behind a dynamic URL.
    let expected: [(&[&str], &[&str]); 2] = [
        (&WEB_ACCESSIBLE, &OVERLAY_MATCHES),
        (&["view-walk.js"], &BLADE_MATCHES),
    ];
    let as_expected = resources.len() == expected.len()
        && resources.iter().zip(expected).all(|(r, (files, matches))| {
            strings(&r["resources"]) == files
                && r["use_dynamic_url"] == Value::Bool(true)
                && strings(&r["matches"]) == matches
                && r["extension_ids"].is_null()
        });
    if !as_expected {
        return fail(
            "only overlay.html and view-walk.js are web-accessible to the portal top frames, and view-walk.js to the blade frames, with use_dynamic_url",
        );
    }
    let csp = m["content_security_policy"]["extension_pages"]
        .as_str()
        .unwrap_or_default();
    let expected: Vec<(String, String)> = EXTENSION_PAGES_CSP
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect();
    if directives(csp) != Some(expected) {
        return fail("the extension pages' CSP is exactly the one in manifest_policy.rs: our scripts and wasm only, connections to Entra and ARM only");
    }
    if !m["content_security_policy"]["sandbox"].is_null() || !m["sandbox"].is_null() {
        return fail("no sandboxed pages");
    }
    // Tenant evidence lives in local storage, which incognito windows would share in either
    // other mode (https://developer.chrome.com/docs/extensions/reference/manifest/incognito).
    if m["incognito"] != Value::String("not_allowed".into()) {
        return fail(
            "\"incognito\": \"not_allowed\" (evidence of a private session must not persist)",
        );
    }
    // Content scripts in the isolated world, on the page's own frames only, never on
    // about:blank or data: frames a page could create (`match_origin_as_fallback`).
    if scripts.iter().any(|s| {
        !(s["world"].is_null() || s["world"] == Value::String("ISOLATED".into()))
            || !(s["match_origin_as_fallback"].is_null()
                || s["match_origin_as_fallback"] == Value::Bool(false))
            || !(s["match_about_blank"].is_null() || s["match_about_blank"] == Value::Bool(false))
    }) {
        return fail("content scripts run in the isolated world, without match_origin_as_fallback or match_about_blank");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ours() -> Value {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../manifest.json"))
                .expect("the repository's manifest.json");
        serde_json::from_str(&text).expect("JSON")
    }

    #[test]
    fn incognito_and_the_content_script_world_are_pinned() {
        assert!(checked(|m| m["incognito"] = Value::String("spanning".into())).is_err());
        assert!(checked(|m| {
            m.as_object_mut().map(|o| o.remove("incognito"));
        })
        .is_err());
        assert!(
            checked(|m| m["content_scripts"][0]["world"] = Value::String("MAIN".into())).is_err()
        );
        assert!(checked(
            |m| m["content_scripts"][1]["match_origin_as_fallback"] = Value::Bool(true)
        )
        .is_err());
        assert!(checked(|_| {}).is_ok());
    }

    fn checked(change: impl FnOnce(&mut Value)) -> Result<(), String> {
        let mut m = ours();
        change(&mut m);
        check(&m.to_string())
    }

    #[test]
    fn the_repository_manifest_keeps_the_policy() {
        assert_eq!(checked(|_| {}), Ok(()));
    }

    /// A named change to the manifest.
    type Widening = (&'static str, fn(&mut Value));

    #[test]
    fn each_widening_is_refused() {
        let widenings: [Widening; 14] = [
            ("tabs permission", |m| {
                m["permissions"] = serde_json::json!(["storage", "scripting", "tabs"])
            }),
            ("a government host made required", |m| {
                m["content_scripts"][0]["matches"] = serde_json::json!([
                    "https://security.microsoft.com/*",
                    "https://security.microsoft.us/*"
                ])
            }),
            ("another optional host", |m| {
                m["optional_host_permissions"] =
                    serde_json::json!(["https://security.microsoft.us/*", "https://*/*"])
            }),
            ("cookies optional", |m| {
                m["optional_permissions"] = serde_json::json!(["identity", "cookies"])
            }),
            ("host permission", |m| {
                m["host_permissions"] = serde_json::json!(["https://management.azure.com/*"])
            }),
            ("content script everywhere", |m| {
                m["content_scripts"][0]["matches"] = serde_json::json!(["<all_urls>"])
            }),
            (
                "open messaging",
                |m| {
                    m["externally_connectable"] =
                        serde_json::json!({"matches": ["https://*.microsoft.com/*"]})
                },
            ),
            ("static overlay URL", |m| {
                m["web_accessible_resources"][0]["use_dynamic_url"] = Value::Bool(false)
            }),
            ("more resources", |m| {
                m["web_accessible_resources"][0]["resources"] =
                    serde_json::json!(["overlay.html", "view-walk.js", "wasm/*"])
            }),
            ("remote script", |m| {
                m["content_security_policy"]["extension_pages"] = serde_json::json!("default-src 'none'; script-src 'self' 'wasm-unsafe-eval' https://cdn.example; connect-src 'self' https://login.microsoftonline.com https://management.azure.com; object-src 'none'")
            }),
            ("any connection", |m| {
                m["content_security_policy"]["extension_pages"] = serde_json::json!("default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src *; object-src 'none'")
            }),
            ("messaging key removed", |m| {
                m.as_object_mut()
                    .map(|o| o.remove("externally_connectable"));
            }),
            ("a directive added", |m| {
                let csp = m["content_security_policy"]["extension_pages"].to_string();
                m["content_security_policy"]["extension_pages"] =
                    Value::String(format!("{}; frame-src *", csp.trim_matches('"')));
            }),
            ("a directive repeated", |m| {
                let csp = m["content_security_policy"]["extension_pages"].to_string();
                m["content_security_policy"]["extension_pages"] =
                    Value::String(format!("connect-src *; {}", csp.trim_matches('"')));
            }),
        ];
        for (name, widen) in widenings {
            assert!(checked(widen).is_err(), "{name} was let through");
        }
    }
}
