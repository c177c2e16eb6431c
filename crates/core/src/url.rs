//! A small, total URL splitter for the portal URLs we classify.
//!
//! A general URL crate would pull IDNA tables into every wasm module; we only need scheme,
//! host, path, query and fragment of https URLs on a handful of known hosts. Every function
//! here accepts any string and never panics (fuzzed and property-tested).

use percent_encoding::percent_decode_str;

/// The parts of an absolute URL that classification looks at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlParts<'a> {
    /// Lower-cased scheme, e.g. `https`.
    pub scheme: String,
    /// Lower-cased host without port or user info.
    pub host: String,
    /// Path, starting with `/` (a missing path is `/`).
    pub path: &'a str,
    /// Query without `?` (empty when absent).
    pub query: &'a str,
    /// Fragment without `#` (empty when absent).
    pub fragment: &'a str,
}

/// Splits `url` into its parts; `None` when it is not an absolute `scheme://host…` URL.
pub fn split(url: &str) -> Option<UrlParts<'_>> {
    let url = url.trim();
    let (scheme, rest) = url.split_once("://")?;
    if scheme.is_empty()
        || !scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    {
        return None;
    }
    let (before_fragment, fragment) = rest.split_once('#').unwrap_or((rest, ""));
    let (before_query, query) = before_fragment
        .split_once('?')
        .unwrap_or((before_fragment, ""));
    let (authority, path) = match before_query.find('/') {
        Some(i) => before_query.split_at(i),
        None => (before_query, "/"),
    };
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = match host_port.strip_prefix('[') {
        Some(v6) => v6.split_once(']').map(|(h, _)| h)?,
        None => host_port.split(':').next().unwrap_or_default(),
    };
    if host.is_empty() {
        return None;
    }
    Some(UrlParts {
        scheme: scheme.to_ascii_lowercase(),
        host: host.trim_end_matches('.').to_ascii_lowercase(),
        path,
        query,
        fragment,
    })
}

/// The first value of query parameter `name` (case-insensitive name), percent-decoded.
pub fn query_param(query: &str, name: &str) -> Option<String> {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| decode(&v.replace('+', " ")))
}

/// Percent-decodes `s` (lossy for invalid UTF-8, never fails).
pub fn decode(s: &str) -> String {
    percent_decode_str(s).decode_utf8_lossy().into_owned()
}

/// Percent-encodes one path segment or query value.
pub fn encode_component(s: &str) -> String {
    const COMPONENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~');
    percent_encoding::utf8_percent_encode(s, COMPONENT).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn splits_a_hash_routed_azure_url() {
        let p =
            split("https://Portal.Azure.com:443/#view/X/MainMenuBlade/~/Hunting").expect("valid");
        assert_eq!(p.scheme, "https");
        assert_eq!(p.host, "portal.azure.com");
        assert_eq!(p.path, "/");
        assert_eq!(p.fragment, "view/X/MainMenuBlade/~/Hunting");
    }

    #[test]
    fn splits_path_query_and_fragment() {
        let p = split("https://security.microsoft.com/incident2/12/overview?tid=abc&x=1#frag")
            .expect("valid");
        assert_eq!(p.path, "/incident2/12/overview");
        assert_eq!(p.query, "tid=abc&x=1");
        assert_eq!(p.fragment, "frag");
        assert_eq!(query_param(p.query, "TID").as_deref(), Some("abc"));
        assert_eq!(query_param(p.query, "missing"), None);
    }

    #[test]
    fn rejects_relative_and_empty_hosts() {
        assert!(split("/incidents").is_none());
        assert!(split("https:///x").is_none());
        assert!(split("").is_none());
        assert!(split("javascript:alert(1)").is_none());
    }

    #[test]
    fn strips_user_info_port_and_trailing_dot() {
        let p = split("https://user:pw@security.microsoft.com.:8443").expect("valid");
        assert_eq!(p.host, "security.microsoft.com");
        assert_eq!(p.path, "/");
    }

    #[test]
    fn encodes_and_decodes_resource_ids() {
        let id = "/subscriptions/s/resourcegroups/rg/providers/microsoft.securityinsightsarg/sentinel/ws";
        let encoded = encode_component(id);
        assert!(encoded.starts_with("%2Fsubscriptions%2Fs"));
        assert_eq!(decode(&encoded), id);
    }

    proptest! {
        #[test]
        fn never_panics_on_any_input(s in ".*") {
            let _ = split(&s);
            let _ = query_param(&s, "tid");
            let _ = decode(&s);
        }

        #[test]
        fn encode_then_decode_is_identity(s in ".*") {
            prop_assert_eq!(decode(&encode_component(&s)), s);
        }
    }
}
