//! Links into the portals for a catalog feature, with the context the page or the popup knows
//! (tenant, workspace).
//!
//! Hints and the "Where is …?" search both link a feature to both portals; a link must reach the
//! page when the catalog knows how, or say that it only opens the portal.

use crate::catalog::{self, Feature};
use crate::ids::is_tenant_guid;
use crate::model::{LinkPortal, PortalLink};
use crate::route::WorkspaceRef;
use crate::url;

/// The Defender portal's origin (public cloud).
pub const DEFENDER_ORIGIN: &str = crate::model::cloud::COMMERCIAL_DEFENDER;
/// The Azure portal's list of Sentinel workspaces.
pub const AZURE_SENTINEL_WORKSPACES: &str =
    "https://portal.azure.com/#view/HubsExtension/BrowseResource/resourceType/microsoft.securityinsightsarg%2Fsentinel";

/// Adds `?tid=` when the tenant is a GUID (the only form the Defender portal is known to take).
pub fn with_tenant(link: &str, tenant: Option<&str>) -> String {
    match tenant.filter(|t| is_tenant_guid(t)) {
        Some(tid) => {
            let separator = if link.contains('?') { '&' } else { '?' };
            format!("{link}{separator}tid={tid}")
        }
        None => link.to_string(),
    }
}

/// The Defender-portal link for a feature, with the context we know: a workspace-scoped
/// Sentinel route when the catalog has one and the workspace is known (the `defender_routes`
/// of `crates/core/catalog/features.json`), the
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

/// The Sentinel workspace list of the Azure portal, to pick a workspace.
pub fn workspace_picker_link() -> PortalLink {
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
