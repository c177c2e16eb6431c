//! Portal-location hints: where the feature of the page lives in the other portal.
//!
//! On an Azure-portal Sentinel page the hint names the Defender location (and older ones that
//! docs still name) with a link that keeps the tenant and the workspace; on a Defender page of a
//! Sentinel location it names where the page used to be in the Azure portal. The wording comes
//! from the catalog's status of the feature; the links from [`links`].

pub mod links;

use crate::catalog::{Feature, FeatureKind, Status};
use crate::model::{LinkPortal, Location, OverlayItem, OverlayKind, Portal, SourceNote};
use crate::route::Route;
use links::{azure_link_for, defender_link_for, workspace_picker_link};

/// The hint of a page: Defender's place for an Azure page, the former Azure place for a Defender
/// location page; nothing for other pages.
pub fn for_route(route: &Route) -> Option<OverlayItem> {
    let feature = route.feature?;
    if route.portal == Portal::Azure {
        Some(hint_in_azure(feature, route))
    } else if route.portal.is_defender() && feature.kind == FeatureKind::Location {
        Some(reverse_hint_in_defender(feature, route))
    } else {
        None
    }
}

fn source_of(feature: &Feature) -> SourceNote {
    SourceNote {
        reference: feature.source_ref.to_string(),
        date: feature.source_date.to_string(),
    }
}

fn hint_in_azure(feature: &'static Feature, route: &Route) -> OverlayItem {
    let title = match feature.status {
        Status::Same => format!("{}: same place in the Defender portal", short_name(feature)),
        Status::Moved => format!("{} moved in the Defender portal", short_name(feature)),
        Status::Changed => format!(
            "{} works differently in the Defender portal",
            short_name(feature)
        ),
        Status::Unavailable => format!(
            "{} is not available in the Defender portal",
            short_name(feature)
        ),
        Status::DefenderOnly => {
            format!("{} exists only in the Defender portal", short_name(feature))
        }
    };
    let links = vec![defender_link_for(
        feature,
        route.tenant.as_deref(),
        route.workspace.as_ref(),
    )];
    OverlayItem {
        kind: OverlayKind::Hint,
        id: feature.id.to_string(),
        title,
        body: feature.summary.to_string(),
        location: Some(Location {
            portal: LinkPortal::Defender,
            path: feature.defender_menu.to_string(),
        }),
        also: feature.alias_lines(),
        links,
        source: source_of(feature),
        patched: None,
    }
}

fn reverse_hint_in_defender(feature: &'static Feature, route: &Route) -> OverlayItem {
    let (title, links) = if feature.status == Status::DefenderOnly {
        (
            format!("{} exists only in the Defender portal", short_name(feature)),
            Vec::new(),
        )
    } else {
        (
            format!("{}: formerly in the Azure portal", short_name(feature)),
            azure_link_for(feature, route.tenant.as_deref(), route.workspace.as_ref())
                .map_or_else(|| vec![workspace_picker_link()], |link| vec![link]),
        )
    };
    OverlayItem {
        kind: OverlayKind::Hint,
        id: feature.id.to_string(),
        title,
        body: feature.summary.to_string(),
        location: Some(Location {
            portal: LinkPortal::Azure,
            path: feature.azure_menu.to_string(),
        }),
        also: Vec::new(),
        links,
        source: source_of(feature),
        patched: None,
    }
}

/// The catalog name without its parenthesised detail ("Hunting (queries, …)" → "Hunting").
fn short_name(feature: &Feature) -> &'static str {
    feature
        .name
        .split(" (")
        .next()
        .unwrap_or(feature.name)
        .trim()
}
