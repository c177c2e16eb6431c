//! The feature catalog: where each Microsoft Sentinel feature lives in each portal.
//!
//! The data is `catalog/features.json`, validated and compiled in by `build.rs`, so a portal
//! change is a data change and a malformed entry fails the build instead of reaching users.

use crate::model::{Frame, Place, Portal, ProbeTemplate, Role, TierTemplate};
use serde::{Deserialize, Serialize};

/// Whether an entry is a page you navigate to, or a capability inside pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FeatureKind {
    /// A menu page (hints show where it moved).
    Location,
    /// Something you do inside a page (notices say it is gone or does not sync).
    Capability,
}

/// What happened to the feature in the Defender portal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Same menu path, now inside the Defender portal.
    Same,
    /// Lives somewhere else in the Defender portal.
    Moved,
    /// Exists, but works differently.
    Changed,
    /// Not available in the Defender portal.
    Unavailable,
    /// Exists only in the Defender portal.
    DefenderOnly,
}

/// One catalog entry. Ids are stable (they are the test contract's `data-wayfinder-id`).
#[derive(Debug, PartialEq, Eq)]
pub struct Feature {
    /// Stable kebab-case id (the test contract's `data-wayfinder-id`; stored dismissals name it).
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Page or capability.
    pub kind: FeatureKind,
    /// What changed.
    pub status: Status,
    /// One-line explanation in our own words.
    pub summary: &'static str,
    /// Menu path in the Azure portal, `A > B > C`.
    pub azure_menu: &'static str,
    /// `MainMenuBlade` blade names seen in public material.
    pub azure_blades: &'static [&'static str],
    /// Blade names we expect but have not seen evidenced (matched too, flagged as guesses).
    pub azure_blade_guesses: &'static [&'static str],
    /// Menu path in the Defender portal (or "Not available …").
    pub defender_menu: &'static str,
    /// Deep link into the Defender portal, when one is known.
    pub defender_link: Option<&'static str>,
    /// Defender path patterns (`{name}` = one segment, trailing `*` = any rest).
    pub defender_routes: &'static [&'static str],
    /// Older or second Defender locations still named in docs (searchable, shown in hints).
    pub defender_aliases: &'static [Alias],
    /// Notices at the point of need, with the probes that anchor them.
    pub notices: &'static [Notice],
    /// Other words users search for.
    pub synonyms: &'static [&'static str],
    /// Where the fact comes from.
    pub source_ref: &'static str,
    /// Date of that source, `YYYY-MM-DD`.
    pub source_date: &'static str,
}

/// A Defender location other than the current one: an earlier place, or a second entry point.
#[derive(Debug, PartialEq, Eq)]
pub struct Alias {
    /// Menu path, `A > B > C`.
    pub menu: &'static str,
    /// What this location is ("earlier location (2025 docs)").
    pub note: &'static str,
    /// Where the fact comes from.
    pub source_ref: &'static str,
    /// Date of that source, `YYYY-MM-DD`.
    pub source_date: &'static str,
}

/// A notice at the point of need: where it applies, what it says, how to find its anchor.
#[derive(Debug, PartialEq, Eq)]
pub struct Notice {
    /// The portal it is shown in (`Azure` or `Defender`, see [`Portal::side`]).
    pub portal: Portal,
    /// Catalog ids of the pages (routes) it belongs to.
    pub pages: &'static [&'static str],
    /// The top document or an Azure blade frame.
    pub frame: Frame,
    /// Where the mark goes relative to the anchor element.
    pub place: Place,
    /// Applies only to workspaces connected to the Defender portal.
    pub onboarded_only: bool,
    /// Headline (also the mark's text).
    pub title: &'static str,
    /// What changes.
    pub body: &'static str,
    /// What to do instead.
    pub instead: Option<&'static str>,
    /// A place to go: (label, https URL).
    pub link: Option<(&'static str, &'static str)>,
    /// How to find the anchor element, and the evidence for it.
    pub probe: ProbeTemplate,
}

include!(concat!(env!("OUT_DIR"), "/catalog_data.rs"));

impl Feature {
    /// The Defender aliases as shown to users: "earlier location (2025 docs): A > B".
    pub fn alias_lines(&self) -> Vec<String> {
        self.defender_aliases
            .iter()
            .map(|a| format!("{}: {}", a.note, a.menu))
            .collect()
    }
}

/// Every catalog entry, in file order.
pub fn features() -> &'static [Feature] {
    FEATURES
}

/// The entry with this id.
pub fn by_id(id: &str) -> Option<&'static Feature> {
    FEATURES.iter().find(|f| f.id == id)
}

/// The notice of entry `id` shown on page `page` of `portal` (a side, see [`Portal::side`]): the
/// one probe a probe report's tier or a probe patch names.
pub fn notice_on(id: &str, portal: Portal, page: &str) -> Option<&'static Notice> {
    by_id(id)?
        .notices
        .iter()
        .find(|n| n.portal == portal && n.pages.contains(&page))
}

/// The entry whose Azure `MainMenuBlade` blade name is `blade` (case-insensitive, as the portal).
pub fn by_azure_blade(blade: &str) -> Option<&'static Feature> {
    FEATURES.iter().find(|f| {
        f.azure_blades
            .iter()
            .chain(f.azure_blade_guesses)
            .any(|b| b.eq_ignore_ascii_case(blade))
    })
}

/// The evidenced blade name to use when linking to this feature's Azure page.
pub fn azure_blade_of(feature: &Feature) -> Option<&'static str> {
    feature.azure_blades.first().copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The catalog's first ids; they are a contract (dismissals and the test contract name them).
    const SEED_IDS: &[&str] = &[
        "overview",
        "logs",
        "news-guides",
        "search",
        "incidents",
        "incident-page",
        "alerts",
        "workbooks",
        "hunting",
        "hunting-bookmarks-in-advanced-hunting",
        "notebooks",
        "entity-behavior",
        "threat-intelligence",
        "add-entity-to-ti",
        "mitre-attack",
        "content-hub",
        "repositories",
        "community",
        "workspace-manager",
        "data-connectors",
        "analytics",
        "fusion",
        "alert-only-rules",
        "ms-incident-creation-rules",
        "watchlists",
        "automation",
        "settings",
        "incident-tasks",
        "incident-comment-edit",
        "incident-add-remove-alerts",
        "manual-api-incidents",
        "reopen-closed-incidents",
        "automation-rule-from-incident",
        "run-playbook-alert-entity",
        "similar-incidents",
        "soc-optimization",
        "multi-workspace",
        "multitenant",
        "case-management",
    ];

    #[test]
    fn keeps_every_id_of_the_portal_map_seed() {
        for id in SEED_IDS {
            assert!(by_id(id).is_some(), "catalog lost seed id {id}");
        }
    }

    #[test]
    fn hunting_blade_resolves_case_insensitively() {
        let f = by_azure_blade("hUNTing").expect("hunting blade known");
        assert_eq!(f.id, "hunting");
        assert_eq!(
            f.defender_menu,
            "Microsoft Sentinel > Threat management > Hunting"
        );
        assert_eq!(
            f.defender_link,
            Some("https://security.microsoft.com/sentinel/hunting")
        );
    }

    #[test]
    fn overview_is_blade_zero() {
        assert_eq!(by_azure_blade("0").map(|f| f.id), Some("overview"));
        let overview = by_id("overview").expect("overview");
        assert_eq!(azure_blade_of(overview), Some("0"));
    }

    #[test]
    fn unknown_blade_is_none() {
        assert!(by_azure_blade("NoSuchBlade").is_none());
        assert!(by_azure_blade("").is_none());
    }
}
