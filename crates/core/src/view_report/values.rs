//! Attribute values in a view report: which attributes it keeps, links cut to their path, and
//! the values it never keeps (a GUID, an e-mail address, a URL with a query, an absolute URL, a
//! token), whatever attribute they are in.

use super::text::sanitize_text;
use super::REPORT_ATTRIBUTES;

/// Attributes a report keeps besides every `aria-*` and those the catalog's selectors name.
const KEPT: &[&str] = &[
    "class",
    "data-testid",
    "hidden",
    "href",
    "id",
    "role",
    "title",
    "type",
];

/// Attributes whose values are text for people, kept under the text rule.
const TEXT: &[&str] = &[
    "aria-description",
    "aria-label",
    "aria-roledescription",
    "aria-valuetext",
    "title",
];

/// Is `name` an attribute whose value is text for people (kept under the text rule)?
pub(super) fn is_text_attribute(name: &str) -> bool {
    TEXT.contains(&name)
}

/// The attribute `name` with the page's `value` as a report keeps it, or `None` when the report
/// leaves it out.
pub(super) fn kept_attribute(name: &str, value: &str) -> Option<String> {
    let kept = KEPT.contains(&name)
        || name.starts_with("aria-")
        || REPORT_ATTRIBUTES.binary_search(&name).is_ok();
    if !kept {
        return None;
    }
    let value = if is_text_attribute(name) {
        sanitize_text(value)
    } else if name == "href" {
        link_path(value)?
    } else if name == "class" {
        // A generated class name may carry an id; the others stay.
        let classes: Vec<&str> = value
            .split_ascii_whitespace()
            .filter(|class| !holds_private(class))
            .collect();
        classes.join(" ")
    } else {
        value.to_string()
    };
    (!holds_private(&value)).then_some(value)
}

/// A link as a report keeps it: its path without host, query or fragment; a hash route
/// (`#/incidents/3?x=1`) keeps its first word (`#`).
fn link_path(href: &str) -> Option<String> {
    let href = href.trim();
    if let Some(hash) = href.strip_prefix('#') {
        let word = hash.split(['/', '?']).next().unwrap_or_default();
        return Some(format!("#{word}"));
    }
    let path = match href.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("/", |at| &rest[at..]),
        None if href.starts_with('/') => href,
        // `javascript:`, `mailto:` and relative links: nothing a probe reads.
        None => return None,
    };
    let path = path.split(['?', '#']).next().unwrap_or("/");
    Some(if path.is_empty() { "/" } else { path }.to_string())
}

/// Does `value` hold what a report never keeps: a GUID, an e-mail address, a URL with a query,
/// an absolute URL or a token (32 or more letters, digits and `+/_=-`, with letters and digits)?
pub fn holds_private(value: &str) -> bool {
    value.contains("://")
        || has_guid(value)
        || has_email(value)
        || has_query(value)
        || has_token(value)
}

/// `8-4-4-4-12` hex digits anywhere.
fn has_guid(value: &str) -> bool {
    const GROUPS: [usize; 5] = [8, 4, 4, 4, 12];
    let bytes = value.as_bytes();
    (0..bytes.len()).any(|start| {
        let mut at = start;
        GROUPS.iter().enumerate().all(|(i, &len)| {
            if i > 0 {
                if bytes.get(at) != Some(&b'-') {
                    return false;
                }
                at += 1;
            }
            let group = bytes.get(at..at + len);
            at += len;
            group.is_some_and(|g| g.iter().all(u8::is_ascii_hexdigit))
        })
    })
}

/// Something `@` something `.` two or more letters, without white space.
fn has_email(value: &str) -> bool {
    value.split(char::is_whitespace).any(|chunk| {
        chunk.match_indices('@').any(|(at, _)| {
            let before = chunk[..at].rsplit('@').next().unwrap_or_default();
            let after = chunk[at + 1..].split('@').next().unwrap_or_default();
            !before.is_empty()
                && after.char_indices().any(|(dot, c)| {
                    c == '.'
                        && dot > 0
                        && after[dot + 1..]
                            .bytes()
                            .take_while(u8::is_ascii_alphabetic)
                            .count()
                            >= 2
                })
        })
    })
}

/// `?name=`: a query with a parameter.
fn has_query(value: &str) -> bool {
    value.match_indices('?').any(|(at, _)| {
        let rest = &value[at + 1..];
        let name = rest.find(|c: char| c == '=' || c.is_whitespace());
        matches!(name, Some(end) if end > 0 && rest[end..].starts_with('='))
    })
}

/// A run of 32 or more token characters holding both a letter and a digit.
fn has_token(value: &str) -> bool {
    value
        .split(|c: char| !(c.is_ascii_alphanumeric() || "+/_=-".contains(c)))
        .any(|run| {
            run.len() >= 32
                && run.bytes().any(|b| b.is_ascii_digit())
                && run.bytes().any(|b| b.is_ascii_alphabetic())
        })
}

/// `https://host` when `origin` is one (lower case, no path), else `None`.
pub(super) fn plain_origin(origin: &str) -> Option<String> {
    let host = origin.strip_prefix("https://")?;
    let plain = !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-');
    plain.then(|| origin.to_string())
}

/// A document's `lang` as a report keeps it: a language tag, or nothing.
pub(super) fn plain_lang(lang: &str) -> String {
    let tag = lang.len() <= 35 && lang.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if tag {
        lang.to_string()
    } else {
        String::new()
    }
}

/// The browser and its major version from a user-agent string (`Edge 156`, `Chrome 156`).
pub(super) fn browser_name(user_agent: &str) -> String {
    let version = |marker: &str| {
        let rest = user_agent.split(marker).nth(1)?;
        let major: String = rest.chars().take_while(char::is_ascii_digit).collect();
        (!major.is_empty()).then_some(major)
    };
    if let Some(major) = version("Edg/") {
        format!("Edge {major}")
    } else if let Some(major) = version("Chrome/") {
        format!("Chrome {major}")
    } else {
        "an unknown browser".to_string()
    }
}
