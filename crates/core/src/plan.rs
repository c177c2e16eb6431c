//! The overlay plan: what the extension shows on a page, computed from the page's URL, the
//! catalog and the user's settings.
//!
//! The plan is plain data. The content script mounts the overlay only when the plan has items,
//! and the overlay pages render it; neither decides anything on its own.

use crate::catalog::{self, Feature, Status};
use crate::dates;
use crate::ids::is_tenant_guid;
use crate::model::{
    Anchor, LinkPortal, Location, OverlayItem, OverlayKind, PageReaders, Portal, PortalLink,
    SourceNote,
};
use crate::notices;
use crate::onboarding;
use crate::route::{self, Route, WorkspaceRef};
use crate::settings::Settings;
use crate::sync;
use crate::trainer;
use crate::url;
use serde::{Deserialize, Serialize};

/// Last day Microsoft supports Sentinel in the Azure portal (facts.md §5.1).
pub const AZURE_PORTAL_LAST_DAY: &str = "2027-03-31";
const RETIREMENT_SOURCE: &str = "MicrosoftDocs/defender-docs sentinel/includes/sentinel-azure-deprecation.md @04c6ece2 (ms.date 01/28/2026); https://learn.microsoft.com/en-us/azure/sentinel/microsoft-sentinel-defender-portal";
const RETIREMENT_SOURCE_DATE: &str = "2026-01-28";
/// Catalog id of the incident sync indicator (test contract: `data-wayfinder-id`).
pub const SYNC_ID: &str = "incident-sync";
const DEFENDER_ORIGIN: &str = "https://security.microsoft.com";
const AZURE_SENTINEL_WORKSPACES: &str =
    "https://portal.azure.com/#view/HubsExtension/BrowseResource/resourceType/microsoft.securityinsightsarg%2Fsentinel";

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
    /// Tenant named by the URL (a GUID or a domain).
    #[serde(default)]
    pub tenant: Option<String>,
}

/// Everything the overlay shows for one page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OverlayPlan {
    /// The page.
    pub page: PageSummary,
    /// Items, most important first. Empty = nothing to mount.
    pub items: Vec<OverlayItem>,
    /// Marks the content script places next to page elements (trainer labels).
    #[serde(default)]
    pub anchors: Vec<Anchor>,
    /// What the content script reads and sends back as `page-facts`: the sync indicators'
    /// readings (incident pages and queues) or the onboarding evidence (Defender Home and
    /// Settings › Microsoft Sentinel).
    #[serde(default)]
    pub page_readers: Option<PageReaders>,
    /// The onboarding status chip of this page, when onboarding status is on.
    #[serde(default)]
    pub onboarding: Option<OnboardingSlot>,
}

/// Which tenant's onboarding status a page shows (the content script draws the chip from the
/// worker's stored view of that tenant, `onboarding:view:<tenant>`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OnboardingSlot {
    /// The tenant key: `?tid=` (or the Azure portal's `@tenant`), lower case; `home` without one.
    pub tenant: String,
}

/// The tenant key of a route (see [`OnboardingSlot::tenant`]).
pub fn tenant_key(route: &Route) -> String {
    route
        .tenant
        .as_deref()
        .map(str::to_ascii_lowercase)
        .unwrap_or_else(|| "home".to_string())
}

impl OverlayPlan {
    /// The plan for a page we do not annotate.
    pub fn empty() -> Self {
        OverlayPlan {
            page: PageSummary {
                portal: None,
                feature: None,
                workspace: None,
                tenant: None,
            },
            items: Vec::new(),
            anchors: Vec::new(),
            page_readers: None,
            onboarding: None,
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
    let mut anchors = if settings.trainer {
        trainer::anchors(&route)
    } else {
        Vec::new()
    };
    // Onboarding evidence arrives with the onboarding status (issue 6); until then notices
    // that depend on it say so.
    for (item, anchor) in notices::for_route(&route, notices::Onboarding::Unknown) {
        if settings.shows(item.kind, &item.id) {
            if !items
                .iter()
                .any(|i: &OverlayItem| i.kind == item.kind && i.id == item.id)
            {
                items.push(item);
            }
            anchors.push(anchor);
        }
    }
    items.retain(|item| settings.shows_on(item.kind, &item.id, today));
    OverlayPlan {
        page: PageSummary {
            portal: Some(route.portal),
            feature: route.feature.map(|f| f.id.to_string()),
            workspace: route.workspace.clone(),
            tenant: route.tenant.clone(),
        },
        items,
        anchors,
        page_readers: page_readers(&route, settings),
        onboarding: (settings.onboarding && route.portal != Portal::AzureBladeFrame).then(|| {
            OnboardingSlot {
                tenant: tenant_key(&route),
            }
        }),
    }
}

/// The sync readers of incident pages and queues, or the onboarding evidence readers of the
/// Defender pages that tell the connection, as the settings allow.
fn page_readers(route: &Route, settings: &Settings) -> Option<PageReaders> {
    let sync = sync::readers_for(route).filter(|_| settings.shows(OverlayKind::Sync, SYNC_ID));
    sync.or_else(|| onboarding::spec::page_readers(route).filter(|_| settings.onboarding))
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
        also: Vec::new(),
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
    match tenant.filter(|t| is_tenant_guid(t)) {
        Some(tid) => {
            let separator = if link.contains('?') { '&' } else { '?' };
            format!("{link}{separator}tid={tid}")
        }
        None => link.to_string(),
    }
}

/// The Defender-portal link for a feature, with the context we know: a workspace-scoped
/// Sentinel route when the catalog has one and the workspace is known (facts.md §3.1), the
/// catalog's link otherwise, the portal's home page when the catalog knows no route; and the
/// tenant as `?tid=`. The label says whether the link reaches the page or only the portal.
pub fn defender_link_for(
    feature: &Feature,
    tenant: Option<&str>,
    workspace: Option<&WorkspaceRef>,
) -> PortalLink {
    let scoped = workspace.and_then(|ws| {
        feature.defender_routes.iter().find_map(|pattern| {
            let rest =
                pattern.strip_prefix("/sentinel/{subscription}/{resource-group}/{workspace}/")?;
            Some(format!(
                "{DEFENDER_ORIGIN}/sentinel/{}/{}/{}/{rest}",
                url::encode_component(&ws.subscription),
                url::encode_component(&ws.resource_group),
                url::encode_component(&ws.name)
            ))
        })
    });
    let base = scoped
        .or_else(|| feature.defender_link.map(str::to_string))
        .unwrap_or_else(|| format!("{DEFENDER_ORIGIN}/"));
    PortalLink {
        portal: LinkPortal::Defender,
        href: with_tenant(&base, tenant),
        label: if feature.defender_link.is_some() {
            "Open in the Defender portal".to_string()
        } else {
            "Open the Defender portal".to_string()
        },
    }
}

/// The Azure-portal link for a feature that has a Sentinel menu blade: the blade of the known
/// workspace, or the Sentinel workspace list to pick one. `None` for features without a blade.
pub fn azure_link_for(
    feature: &Feature,
    tenant: Option<&str>,
    workspace: Option<&WorkspaceRef>,
) -> Option<PortalLink> {
    let blade = catalog::azure_blade_of(feature)?;
    Some(match workspace {
        Some(ws) => PortalLink {
            portal: LinkPortal::Azure,
            href: azure_blade_url(blade, ws, tenant),
            label: "Open in the Azure portal".to_string(),
        },
        None => workspace_picker_link(),
    })
}

fn workspace_picker_link() -> PortalLink {
    PortalLink {
        portal: LinkPortal::Azure,
        href: AZURE_SENTINEL_WORKSPACES.to_string(),
        label: "Choose a workspace in the Azure portal".to_string(),
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
