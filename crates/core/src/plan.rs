//! The overlay plan: what the extension shows on a page, computed from the page's URL, the
//! catalog and the user's settings.
//!
//! The plan is plain data. The content script mounts the overlay only when the plan has items,
//! and the overlay pages render it; neither decides anything on its own.

use crate::catalog::{self, Feature, Status};
use crate::dates;
use crate::route::{self, Portal, Route, WorkspaceRef};
use crate::settings::Settings;
use crate::url;
use serde::{Deserialize, Serialize};

/// Last day Microsoft supports Sentinel in the Azure portal (facts.md §5.1).
pub const AZURE_PORTAL_LAST_DAY: &str = "2027-03-31";
const RETIREMENT_SOURCE: &str = "MicrosoftDocs/defender-docs sentinel/includes/sentinel-azure-deprecation.md @04c6ece2 (ms.date 01/28/2026); https://learn.microsoft.com/en-us/azure/sentinel/microsoft-sentinel-defender-portal";
const RETIREMENT_SOURCE_DATE: &str = "2026-01-28";
const DEFENDER_ORIGIN: &str = "https://security.microsoft.com";
const AZURE_SENTINEL_WORKSPACES: &str =
    "https://portal.azure.com/#view/HubsExtension/BrowseResource/resourceType/microsoft.securityinsightsarg%2Fsentinel";

/// The test contract's overlay kinds (`data-wayfinder-kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OverlayKind {
    /// Where a feature lives in the other portal.
    Hint,
    /// A feature that is gone or does not sync.
    Notice,
    /// Incident synchronization state.
    Sync,
    /// Workspace onboarding state.
    Onboarding,
    /// The Azure-portal retirement reminder.
    Retirement,
}

/// Which portal a link or location belongs to (`data-wayfinder-link`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkPortal {
    /// security.microsoft.com
    Defender,
    /// portal.azure.com
    Azure,
}

/// A menu path in one portal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Location {
    /// The portal of the path.
    pub portal: LinkPortal,
    /// `A > B > C`, as in the catalog.
    pub path: String,
}

/// A link to the other portal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PortalLink {
    /// Target portal.
    pub portal: LinkPortal,
    /// Absolute https URL.
    pub href: String,
    /// Link text.
    pub label: String,
}

/// Where an item's fact comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SourceNote {
    /// Document reference.
    pub reference: String,
    /// Its date, `YYYY-MM-DD`.
    pub date: String,
}

/// One thing to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OverlayItem {
    /// Kind (test contract).
    pub kind: OverlayKind,
    /// Catalog id (test contract).
    pub id: String,
    /// One-line headline.
    pub title: String,
    /// Explanation.
    pub body: String,
    /// Where the feature lives in the other portal.
    pub location: Option<Location>,
    /// Links to the other portal.
    pub links: Vec<PortalLink>,
    /// Source of the fact.
    pub source: SourceNote,
}

/// What the page is, as far as the URL tells.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PageSummary {
    /// The portal, when the URL is one.
    pub portal: Option<Portal>,
    /// Catalog id of the page, when known.
    pub feature: Option<String>,
    /// Workspace named by the URL.
    pub workspace: Option<WorkspaceRef>,
}

/// Everything the overlay shows for one page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OverlayPlan {
    /// The page.
    pub page: PageSummary,
    /// Items, most important first. Empty = nothing to mount.
    pub items: Vec<OverlayItem>,
}

impl OverlayPlan {
    /// The plan for a page we do not annotate.
    pub fn empty() -> Self {
        OverlayPlan {
            page: PageSummary {
                portal: None,
                feature: None,
                workspace: None,
            },
            items: Vec::new(),
        }
    }
}

/// Computes the plan for the top-level page at `url`. `today` (`YYYY-MM-DD`) feeds the
/// retirement countdown; without it the countdown is left out.
pub fn plan_for_url(url: &str, today: Option<&str>, settings: &Settings) -> OverlayPlan {
    let Some(route) = route::classify(url) else {
        return OverlayPlan::empty();
    };
    let mut items = Vec::new();
    if let Some(feature) = route.feature {
        if route.portal == Portal::Azure {
            items.push(hint_in_azure(feature, &route));
            items.push(retirement(today, &route));
        } else if route.portal.is_defender() && feature.kind == catalog::FeatureKind::Location {
            items.push(reverse_hint_in_defender(feature, &route));
        }
    }
    items.retain(|item| settings.shows(item.kind, &item.id));
    OverlayPlan {
        page: PageSummary {
            portal: Some(route.portal),
            feature: route.feature.map(|f| f.id.to_string()),
            workspace: route.workspace.clone(),
        },
        items,
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
    let links = feature
        .defender_link
        .map(|link| PortalLink {
            portal: LinkPortal::Defender,
            href: with_tenant(link, route.tenant.as_deref()),
            label: "Open in the Defender portal".to_string(),
        })
        .into_iter()
        .collect();
    OverlayItem {
        kind: OverlayKind::Hint,
        id: feature.id.to_string(),
        title,
        body: feature.summary.to_string(),
        location: Some(Location {
            portal: LinkPortal::Defender,
            path: feature.defender_menu.to_string(),
        }),
        links,
        source: source_of(feature),
    }
}

fn reverse_hint_in_defender(feature: &'static Feature, route: &Route) -> OverlayItem {
    let (title, links) = if feature.status == Status::DefenderOnly {
        (
            format!("{} exists only in the Defender portal", short_name(feature)),
            Vec::new(),
        )
    } else {
        let href = match (catalog::azure_blade_of(feature), &route.workspace) {
            (Some(blade), Some(ws)) => azure_blade_url(blade, ws, route.tenant.as_deref()),
            _ => AZURE_SENTINEL_WORKSPACES.to_string(),
        };
        let label = if route.workspace.is_some() {
            "Open in the Azure portal"
        } else {
            "Choose a workspace in the Azure portal"
        };
        (
            format!("{}: formerly in the Azure portal", short_name(feature)),
            vec![PortalLink {
                portal: LinkPortal::Azure,
                href,
                label: label.to_string(),
            }],
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
        links,
        source: source_of(feature),
    }
}

fn retirement(today: Option<&str>, route: &Route) -> OverlayItem {
    let countdown = today.and_then(|t| dates::days_between(t, AZURE_PORTAL_LAST_DAY));
    let body = match countdown {
        Some(days) if days > 1 => format!(
            "After 31 March 2027, Microsoft Sentinel is supported only in the Microsoft Defender portal ({days} days left)."
        ),
        Some(1) => "After 31 March 2027, Microsoft Sentinel is supported only in the Microsoft Defender portal (1 day left).".to_string(),
        Some(0) => "Today is the last day Microsoft Sentinel is supported in the Azure portal.".to_string(),
        Some(_) => "Microsoft Sentinel is no longer supported in the Azure portal since 1 April 2027; use the Microsoft Defender portal.".to_string(),
        None => "After 31 March 2027, Microsoft Sentinel is supported only in the Microsoft Defender portal.".to_string(),
    };
    OverlayItem {
        kind: OverlayKind::Retirement,
        id: "azure-portal-retirement".to_string(),
        title: "Sentinel is leaving the Azure portal".to_string(),
        body,
        location: None,
        links: vec![PortalLink {
            portal: LinkPortal::Defender,
            href: with_tenant(&format!("{DEFENDER_ORIGIN}/"), route.tenant.as_deref()),
            label: "Go to the Defender portal".to_string(),
        }],
        source: SourceNote {
            reference: RETIREMENT_SOURCE.to_string(),
            date: RETIREMENT_SOURCE_DATE.to_string(),
        },
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

/// Adds `?tid=` when the tenant is a GUID (the only form the Defender portal is known to take).
fn with_tenant(link: &str, tenant: Option<&str>) -> String {
    match tenant.filter(|t| route::is_tenant_guid(t)) {
        Some(tid) => {
            let separator = if link.contains('?') { '&' } else { '?' };
            format!("{link}{separator}tid={tid}")
        }
        None => link.to_string(),
    }
}

/// A Sentinel menu-blade URL in the Azure portal's current `#view/…/id/…` form.
pub fn azure_blade_url(blade: &str, ws: &WorkspaceRef, tenant: Option<&str>) -> String {
    let id = format!(
        "/subscriptions/{}/resourcegroups/{}/providers/microsoft.securityinsightsarg/sentinel/{}",
        ws.subscription, ws.resource_group, ws.name
    );
    let tenant_prefix = tenant
        .map(|t| format!("@{}/", url::encode_component(t)))
        .unwrap_or_default();
    format!(
        "https://portal.azure.com/#{tenant_prefix}view/Microsoft_Azure_Security_Insights/MainMenuBlade/~/{}/id/{}",
        url::encode_component(blade),
        url::encode_component(&id)
    )
}

#[cfg(test)]
mod tests;
