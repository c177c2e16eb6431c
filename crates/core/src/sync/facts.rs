//! The reading of each value the sync readers took from a page: alert counts, incident numbers,
//! links to Defender incidents.
//!
//! Every value is portal text and so attacker-influenced (an incident title can say anything):
//! it arrives bounded ([`crate::model::PageFacts::check`]), is parsed here into numbers and
//! checked links, and
//! anything that does not parse counts as not read. Nothing is inferred from free text such as
//! the title.

use crate::ids::is_tenant_guid;
use crate::model::Portal;
use crate::route;
use crate::url;
use serde::{Deserialize, Serialize};

/// An incident's alert count as a portal shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "count", rename_all = "kebab-case")]
pub enum AlertCount {
    /// This many.
    Exact(u32),
    /// The Azure portal's "150+": at least this many, the rest only in Defender.
    AtLeast(u32),
}

impl AlertCount {
    /// Is the count above `cap`, or shown as capped?
    pub fn exceeds(self, cap: u32) -> bool {
        match self {
            AlertCount::Exact(n) => n > cap,
            AlertCount::AtLeast(n) => n >= cap,
        }
    }
}

/// Reads "12", "150+" or Defender's "active/total" ("3/163": the total counts).
pub fn alert_count(text: &str) -> Option<AlertCount> {
    let text = text.trim();
    if let Some(n) = text.strip_suffix('+') {
        return n.trim().parse().ok().map(AlertCount::AtLeast);
    }
    let total = text.rsplit('/').next().unwrap_or(text).trim();
    total.parse().ok().map(AlertCount::Exact)
}

/// The number in "Incident number 118" (the last run of digits; `None` without one).
pub fn incident_number(text: &str) -> Option<u64> {
    let digits: String = text
        .trim()
        .chars()
        .rev()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    digits.parse().ok()
}

/// A Defender incident a link points to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DefenderIncidentLink {
    /// Defender incident id.
    pub id: u64,
    /// The link, rebuilt from its checked parts (https, a Defender host, the incident path).
    pub href: String,
}

/// Checks a link to a Defender incident page (`/incidents/{id}` or `/incident2/{id}/…`, with an
/// optional `?tid=` GUID) and rebuilds it from what it checked; anything else is `None`.
pub fn defender_incident_link(href: &str) -> Option<DefenderIncidentLink> {
    let parts = url::split(href.trim())?;
    if parts.scheme != "https"
        || !route::portal_of_host(&parts.host).is_some_and(Portal::is_defender)
    {
        return None;
    }
    let mut segments = parts.path.trim_start_matches('/').split('/');
    let first = segments.next()?;
    if first != "incidents" && first != "incident2" {
        return None;
    }
    let id_text = segments.next()?;
    if id_text.is_empty() || id_text.len() > 19 || !id_text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let id: u64 = id_text.parse().ok()?;
    let tid = url::query_param(parts.query, "tid").filter(|t| is_tenant_guid(t));
    let href = match tid {
        Some(tid) => format!("https://{}/incidents/{id}?tid={tid}", parts.host),
        None => format!("https://{}/incidents/{id}", parts.host),
    };
    Some(DefenderIncidentLink { id, href })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alert_counts() {
        assert_eq!(alert_count("12"), Some(AlertCount::Exact(12)));
        assert_eq!(alert_count(" 150+ "), Some(AlertCount::AtLeast(150)));
        assert_eq!(alert_count("3/163"), Some(AlertCount::Exact(163)));
        assert_eq!(alert_count("many"), None);
        assert_eq!(alert_count("-1"), None);
        assert!(AlertCount::AtLeast(150).exceeds(150));
        assert!(!AlertCount::Exact(150).exceeds(150));
        assert!(AlertCount::Exact(151).exceeds(150));
    }

    #[test]
    fn incident_numbers() {
        assert_eq!(incident_number("Incident number 118"), Some(118));
        assert_eq!(incident_number("118"), Some(118));
        assert_eq!(incident_number("Incident number"), None);
        assert_eq!(
            incident_number("Incident number 99999999999999999999999"),
            None
        );
    }

    #[test]
    fn defender_links_are_checked_and_rebuilt() {
        let link = defender_incident_link(
            "https://security.microsoft.com/incidents/3421?tid=6f3c2b1a-4d5e-4f60-8a7b-9c0d1e2f3a4b",
        );
        assert_eq!(
            link,
            Some(DefenderIncidentLink {
                id: 3421,
                href: "https://security.microsoft.com/incidents/3421?tid=6f3c2b1a-4d5e-4f60-8a7b-9c0d1e2f3a4b".into()
            })
        );
        let link =
            defender_incident_link("https://security.microsoft.com/incident2/77/overview?x=1");
        assert_eq!(
            link.map(|l| l.href),
            Some("https://security.microsoft.com/incidents/77".into())
        );
        for bad in [
            "http://security.microsoft.com/incidents/1",
            "https://evil.example/incidents/1",
            "https://security.microsoft.com.evil.example/incidents/1",
            "javascript:alert(1)",
            "https://security.microsoft.com/incidents/abc",
            "https://security.microsoft.com/alerts/1",
            "https://security.microsoft.com/incidents/",
            "",
        ] {
            assert_eq!(defender_incident_link(bad), None, "{bad}");
        }
        // A tenant that is not a GUID is dropped, not passed on.
        let link = defender_incident_link("https://security.microsoft.com/incidents/5?tid=a%22b");
        assert_eq!(
            link.map(|l| l.href),
            Some("https://security.microsoft.com/incidents/5".into())
        );
    }
}
