//! Trainer mode: every Sentinel menu item labelled with its place in the other portal.
//!
//! Trainers walk a class through one portal while the material describes the other. With the
//! mode on, the Azure portal's Sentinel menu shows each item's Defender location, and the
//! Defender navigation shows where each Sentinel item used to be in the Azure portal. The
//! labels are anchors (see [`crate::model::probe`]) built from the catalog and the probe templates.

use crate::catalog::{self, Feature, FeatureKind};
use crate::model::probe::{Anchor, AnchorKind, Frame, Place, AZURE_MENU_ITEM, DEFENDER_NAV_ITEM};
use crate::model::Portal;
use crate::route::Route;

/// Labels for the Sentinel menu of an Azure-portal page, or for the Defender navigation.
pub fn anchors(route: &Route) -> Vec<Anchor> {
    if route.portal == Portal::Azure && (route.blade.is_some() || route.feature.is_some()) {
        azure_menu_labels()
    } else if route.portal.is_defender() {
        defender_nav_labels()
    } else {
        Vec::new()
    }
}

fn locations() -> impl Iterator<Item = &'static Feature> {
    catalog::features()
        .iter()
        .filter(|f| f.kind == FeatureKind::Location)
}

/// The last step of a menu path: "Microsoft Sentinel > General > Logs" → "Logs".
fn menu_label(menu: &str) -> &str {
    menu.rsplit(" > ").next().unwrap_or(menu).trim()
}

fn azure_menu_labels() -> Vec<Anchor> {
    locations()
        .filter_map(|feature| {
            let blade = feature
                .azure_blades
                .first()
                .or(feature.azure_blade_guesses.first())?;
            Some(Anchor {
                kind: AnchorKind::Trainer,
                id: feature.id.to_string(),
                label: format!("Defender: {}", feature.defender_menu),
                probe: AZURE_MENU_ITEM
                    .fill(&[("blade", blade), ("label", menu_label(feature.azure_menu))]),
                frame: Frame::Top,
                place: Place::Append,
            })
        })
        .collect()
}

fn defender_nav_labels() -> Vec<Anchor> {
    locations()
        .filter(|f| f.azure_menu.starts_with("Microsoft Sentinel > "))
        .filter_map(|feature| {
            let route = feature
                .defender_routes
                .iter()
                .find(|r| !r.contains('{') && !r.ends_with('*') && **r != "/")?;
            Some(Anchor {
                kind: AnchorKind::Trainer,
                id: feature.id.to_string(),
                label: format!("Formerly Azure: {}", feature.azure_menu),
                probe: DEFENDER_NAV_ITEM.fill(&[("route", route)]),
                frame: Frame::Top,
                place: Place::Append,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::probe::Tier;
    use crate::route::classify;

    #[test]
    fn azure_sentinel_pages_label_every_menu_item_with_a_blade() {
        let route = classify("https://portal.azure.com/#view/Microsoft_Azure_Security_Insights/MainMenuBlade/~/Hunting")
            .expect("azure route");
        let labels = anchors(&route);
        let hunting = labels
            .iter()
            .find(|a| a.id == "hunting")
            .expect("hunting label");
        assert_eq!(
            hunting.label,
            "Defender: Microsoft Sentinel > Threat management > Hunting"
        );
        assert_eq!(
            hunting.probe.tiers[0],
            Tier::Selector {
                css: r#"[data-telemetryname="Menu-Hunting"]"#.into()
            }
        );
        assert!(
            labels.iter().any(|a| a.id == "logs"),
            "guessed blades are labelled too"
        );
    }

    #[test]
    fn defender_pages_label_sentinel_items_by_path() {
        let route = classify("https://security.microsoft.com/incidents").expect("defender route");
        let labels = anchors(&route);
        let hunting = labels
            .iter()
            .find(|a| a.id == "hunting")
            .expect("hunting label");
        assert_eq!(
            hunting.probe.tiers[0],
            Tier::LinkPath {
                within: "nav".into(),
                path: "/sentinel/hunting".into()
            }
        );
        assert_eq!(
            hunting.label,
            "Formerly Azure: Microsoft Sentinel > Threat management > Hunting"
        );
        assert!(
            labels.iter().all(|a| a.id != "alerts"),
            "Defender-only pages have no past"
        );
    }

    #[test]
    fn other_azure_pages_get_nothing() {
        let route = classify("https://portal.azure.com/#home").expect("azure route");
        assert!(anchors(&route).is_empty());
    }
}
