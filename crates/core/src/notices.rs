//! Missing-feature notices: which notices belong on a page, and the marks that anchor them.
//!
//! An analyst meets a missing or non-syncing feature at the moment they reach for it (the Tasks
//! button, Advanced hunting's command bar, the comment box). The catalog says, per capability,
//! on which pages of which portal its notice belongs and how to find the control; this module
//! turns that into panel items (always shown, so a notice is never lost when the page changed)
//! and anchors (a mark next to the control, when the probe finds it).

use crate::catalog::{self, Feature, Notice};
use crate::model::{
    Anchor, AnchorKind, LinkPortal, OverlayItem, OverlayKind, Portal, PortalLink, SourceNote,
    TierKind,
};
use crate::route::Route;

/// What we know about whether the page's workspace is connected to the Defender portal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Onboarding {
    /// Not known (no evidence on this page yet).
    Unknown,
    /// Connected (primary or secondary).
    Connected,
    /// Not connected.
    NotConnected,
}

/// The notices of a page, as (panel item, anchor) pairs, in catalog order.
pub fn for_route(route: &Route, onboarding: Onboarding) -> Vec<(OverlayItem, Anchor)> {
    let Some(page) = route.feature else {
        return Vec::new();
    };
    let Some(portal) = route.portal.side() else {
        return Vec::new();
    };
    catalog::features()
        .iter()
        .flat_map(|feature| feature.notices.iter().map(move |n| (feature, n)))
        .filter(|(_, n)| n.portal == portal && n.pages.contains(&page.id))
        .filter(|(_, n)| !(n.onboarded_only && onboarding == Onboarding::NotConnected))
        .map(|(feature, notice)| (item(feature, notice, onboarding), anchor(feature, notice)))
        .collect()
}

/// The kind of the tier at index `tier` of notice `id`'s probe on page `page` of `portal` (how a
/// probe report's find is shown: "found by its label, tolerant"). None when the catalog has no
/// such notice or tier.
pub fn tier_kind(portal: Portal, page: &str, id: &str, tier: u8) -> Option<TierKind> {
    catalog::notice_on(id, portal.side()?, page)?
        .probe
        .tiers
        .get(usize::from(tier))
        .map(|t| t.kind())
}

fn item(feature: &Feature, notice: &Notice, onboarding: Onboarding) -> OverlayItem {
    let mut body = if notice.onboarded_only && onboarding == Onboarding::Unknown {
        format!(
            "If this workspace is connected to the Defender portal: {}",
            lower_first(notice.body)
        )
    } else {
        notice.body.to_string()
    };
    if let Some(instead) = notice.instead {
        body.push(' ');
        body.push_str(instead);
    }
    OverlayItem {
        kind: OverlayKind::Notice,
        id: feature.id.to_string(),
        title: notice.title.to_string(),
        body,
        location: None,
        also: Vec::new(),
        links: notice
            .link
            .map(|(label, href)| PortalLink {
                portal: link_portal(href),
                href: href.to_string(),
                label: label.to_string(),
            })
            .into_iter()
            .collect(),
        source: SourceNote {
            reference: feature.source_ref.to_string(),
            date: feature.source_date.to_string(),
        },
        patched: None,
    }
}

fn anchor(feature: &Feature, notice: &Notice) -> Anchor {
    Anchor {
        kind: AnchorKind::Notice,
        id: feature.id.to_string(),
        label: notice.title.to_string(),
        probe: notice.probe.fill(&[]),
        frame: notice.frame,
        place: notice.place,
    }
}

/// Which portal a link goes to, from its host.
fn link_portal(href: &str) -> LinkPortal {
    let host = crate::url::split(href).map(|p| p.host).unwrap_or_default();
    match crate::route::portal_of_host(&host) {
        Some(p) if p.is_defender() => LinkPortal::Defender,
        Some(_) => LinkPortal::Azure,
        None => LinkPortal::Docs,
    }
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        // Keep proper nouns and acronyms ("Incident tasks" → "incident tasks", "SecurityIncident" stays).
        Some(c)
            if c.is_ascii_uppercase()
                && chars.next().is_some_and(|n| n.is_ascii_lowercase())
                && !s.starts_with("Microsoft")
                && !s.starts_with("Defender") =>
        {
            let mut out = c.to_ascii_lowercase().to_string();
            out.push_str(&s[1..]);
            out
        }
        _ => s.to_string(),
    }
}

#[cfg(test)]
mod tests;
