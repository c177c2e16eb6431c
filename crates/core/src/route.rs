//! Route classification: which portal, which Sentinel feature, which tenant, workspace and
//! incident a URL is about.
//!
//! The URL forms (each with a case in `route/tests.rs`): the Azure portal routes by fragment
//! (`#view/…/MainMenuBlade/~/{Blade}/id/{encoded id}`, the `subscriptionId/…/workspaceName/…`
//! form, older `#blade/…` forms, `#asset/…/Incident/…`, optional `@tenant/` prefix); the Defender
//! portal routes by path (`/incidents/{id}`, `/incident2/{id}/…`, `/sentinel/…`, `?tid=`).
//! Unknown URLs classify as `None` or as a known portal with no feature; nothing here panics.

use crate::catalog::{self, Feature};
use crate::model::{Cloud, Portal};
use crate::url::{self, UrlParts};
use serde::{Deserialize, Serialize};

/// The Azure-portal extension that owns the Microsoft Sentinel blades.
const SENTINEL_EXTENSION: &str = "Microsoft_Azure_Security_Insights";

/// A Log Analytics workspace with Sentinel, as named in a URL (or in an ARM resource id, see
/// `onboarding::calls`).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WorkspaceRef {
    /// Subscription id.
    pub subscription: String,
    /// Resource group name.
    pub resource_group: String,
    /// Workspace name.
    pub name: String,
}

/// What a URL tells about the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    /// The portal.
    pub portal: Portal,
    /// The catalog feature of the page, when known.
    pub feature: Option<&'static Feature>,
    /// The Azure blade name as written in the URL (for Azure pages).
    pub blade: Option<String>,
    /// Tenant: `?tid=` (Defender) or the `@tenant` prefix (Azure), a GUID or a domain.
    pub tenant: Option<String>,
    /// Workspace, when the URL names one.
    pub workspace: Option<WorkspaceRef>,
    /// Incident id (Defender) or incident name (Azure), when the URL names one.
    pub incident: Option<String>,
    /// The cloud whose portals the page is on (where its links go).
    pub cloud: Cloud,
}

/// The portal a host belongs to, if any.
pub fn portal_of_host(host: &str) -> Option<Portal> {
    let host = host.to_ascii_lowercase();
    match host.as_str() {
        "security.microsoft.com" => Some(Portal::Defender),
        "mto.security.microsoft.com" => Some(Portal::DefenderMultiTenant),
        "security.microsoft.us" | "security.apps.mil" => Some(Portal::DefenderGov),
        "portal.azure.com"
        | "ms.portal.azure.com"
        | "preview.portal.azure.com"
        | "portal.azure.us" => Some(Portal::Azure),
        _ if is_blade_frame_host(&host) => Some(Portal::AzureBladeFrame),
        _ => None,
    }
}

/// The cloud of a lower-cased portal host (as [`url::split`] gives it): the US Government hosts
/// are named in the module docs of [`Cloud`]; every other portal host is commercial.
pub fn cloud_of_host(host: &str) -> Cloud {
    match host {
        "security.microsoft.us" => Cloud::GccHigh,
        "security.apps.mil" => Cloud::Dod,
        "portal.azure.us" => Cloud::AzureGovernment,
        _ => Cloud::Commercial,
    }
}

/// Hosts of the iframes that hold Azure-portal blade content.
fn is_blade_frame_host(host: &str) -> bool {
    [
        ".reactblade.portal.azure.net",
        ".reactblade-ms.portal.azure.net",
        ".reactblade-rc.portal.azure.net",
    ]
    .iter()
    .any(|suffix| {
        host.strip_suffix(suffix)
            .is_some_and(|sub| !sub.is_empty() && !sub.contains('.'))
    }) || host == "logsextension.hosting.portal.azure.net"
}

/// Classifies an absolute URL; `None` when it is not an https URL of a portal we know.
pub fn classify(url: &str) -> Option<Route> {
    let parts = url::split(url)?;
    if parts.scheme != "https" {
        return None;
    }
    let portal = portal_of_host(&parts.host)?;
    let mut route = Route {
        portal,
        feature: None,
        blade: None,
        tenant: None,
        workspace: None,
        incident: None,
        cloud: cloud_of_host(&parts.host),
    };
    match portal {
        Portal::Azure => classify_azure_fragment(parts.fragment, &mut route),
        Portal::AzureBladeFrame => {}
        _ => classify_defender_path(&parts, &mut route),
    }
    Some(route)
}

fn classify_defender_path(parts: &UrlParts<'_>, route: &mut Route) {
    route.tenant = url::query_param(parts.query, "tid").filter(|t| !t.is_empty());
    let segments = path_segments(parts.path);
    let matched = catalog::features().iter().find_map(|feature| {
        feature
            .defender_routes
            .iter()
            .find_map(|pattern| match_route(pattern, &segments))
            .map(|captures| (feature, captures))
    });
    if let Some((feature, captures)) = matched {
        let capture = |name: &str| {
            captures
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.clone())
        };
        route.feature = Some(feature);
        route.incident = capture("incident");
        route.workspace = (|| {
            WorkspaceRef::checked(
                &capture("subscription")?,
                &capture("resource-group")?,
                &capture("workspace")?,
            )
        })();
    }
}

fn path_segments(path: &str) -> Vec<&str> {
    path.split('/').filter(|s| !s.is_empty()).collect()
}

/// Matches `/a/{x}/b/*` against path segments; returns the placeholder captures (decoded).
fn match_route<'p>(pattern: &'p str, segments: &[&str]) -> Option<Vec<(&'p str, String)>> {
    let mut captures = Vec::new();
    let mut consumed = 0;
    for p in path_segments(pattern) {
        if p == "*" {
            return (consumed < segments.len()).then_some(captures);
        }
        let s = segments.get(consumed)?;
        if let Some(name) = p.strip_prefix('{').and_then(|n| n.strip_suffix('}')) {
            captures.push((name, url::decode(s)));
        } else if !p.eq_ignore_ascii_case(s) {
            return None;
        }
        consumed += 1;
    }
    (consumed == segments.len()).then_some(captures)
}

fn classify_azure_fragment(fragment: &str, route: &mut Route) {
    let mut rest = fragment.trim_start_matches('/');
    if let Some(after_at) = rest.strip_prefix('@') {
        let (tenant, tail) = after_at.split_once('/').unwrap_or((after_at, ""));
        if !tenant.is_empty() {
            route.tenant = Some(url::decode(tenant));
        }
        rest = tail;
    }
    let tokens: Vec<&str> = rest.split('/').collect();
    let [verb, extension, target, tail @ ..] = tokens.as_slice() else {
        return;
    };
    if !extension.eq_ignore_ascii_case(SENTINEL_EXTENSION) {
        return;
    }
    match (
        verb.to_ascii_lowercase().as_str(),
        target.to_ascii_lowercase().as_str(),
    ) {
        ("view", "mainmenublade") => {
            // `~` marks the blade parameter of the newer #view form.
            let tail = tail.strip_prefix(&["~"][..]).unwrap_or(tail);
            set_blade(route, tail);
        }
        ("blade", "mainmenublade") => set_blade(route, tail),
        ("asset", "incident") => {
            let resource_id = format!("/{}", tail.join("/"));
            route.feature = catalog::by_id("incident-page");
            route.workspace = workspace_from_resource_id(&resource_id);
            route.incident = last_segment_after(&resource_id, "incidents");
        }
        _ => {}
    }
}

fn set_blade(route: &mut Route, tail: &[&str]) {
    let Some((blade, params)) = tail.split_first() else {
        return;
    };
    let blade = url::decode(blade);
    route.feature = catalog::by_azure_blade(&blade);
    route.blade = Some(blade);
    route.workspace = workspace_from_blade_params(params);
}

/// Reads `id/{encoded resource id}` or `subscriptionId/…/resourceGroup/…/workspaceName/…` pairs.
fn workspace_from_blade_params(params: &[&str]) -> Option<WorkspaceRef> {
    let pairs: Vec<(&str, String)> = params
        .chunks(2)
        .filter_map(|c| Some((c[0], url::decode(c.get(1)?))))
        .collect();
    let get = |key: &str| {
        pairs
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v.clone())
    };
    if let Some(id) = get("id") {
        return workspace_from_resource_id(&id);
    }
    WorkspaceRef::checked(
        &get("subscriptionId")?,
        &get("resourceGroup")?,
        &get("workspaceName")?,
    )
}

/// Reads a workspace out of an ARM resource id of either provider form:
/// `…/providers/Microsoft.OperationalInsights/workspaces/{ws}…` or
/// `…/providers/microsoft.securityinsightsarg/sentinel/{ws}`.
pub fn workspace_from_resource_id(id: &str) -> Option<WorkspaceRef> {
    let segments: Vec<&str> = id.split('/').filter(|s| !s.is_empty()).collect();
    // Positional, not "the segment after the first `sentinel`": a resource group may itself be
    // named `sentinel` or `workspaces` (found by fuzzing, docs/fuzzing.md).
    let [subscriptions, subscription, groups, resource_group, providers, namespace, kind, name, ..] =
        segments.as_slice()
    else {
        return None;
    };
    let is = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
    let workspace_type = (is(namespace, "microsoft.operationalinsights") && is(kind, "workspaces"))
        || (is(namespace, "microsoft.securityinsightsarg") && is(kind, "sentinel"));
    if !(is(subscriptions, "subscriptions")
        && is(groups, "resourcegroups")
        && is(providers, "providers")
        && workspace_type)
    {
        return None;
    }
    WorkspaceRef::checked(subscription, resource_group, name)
}

/// The segment after the last `key` segment (case-insensitive), when not empty.
fn last_segment_after(id: &str, key: &str) -> Option<String> {
    let segments: Vec<&str> = id.split('/').filter(|s| !s.is_empty()).collect();
    segments
        .windows(2)
        .rev()
        .find(|w| w[0].eq_ignore_ascii_case(key))
        .map(|w| w[1].to_string())
}

impl WorkspaceRef {
    /// A workspace reference from URL parts, or `None` when a part is empty or could not be
    /// an ARM name segment (a decoded `/`, control characters): links built from it must lead
    /// back to the same workspace.
    pub fn checked(subscription: &str, resource_group: &str, name: &str) -> Option<Self> {
        let ok = |s: &str| !s.is_empty() && !s.contains('/') && !s.chars().any(char::is_control);
        (ok(subscription) && ok(resource_group) && ok(name)).then(|| WorkspaceRef {
            subscription: subscription.to_string(),
            resource_group: resource_group.to_string(),
            name: name.to_string(),
        })
    }
}

#[cfg(test)]
mod tests;
