//! The overlay plan: what the extension shows on a page, computed from the page's URL, the
//! catalog and the user's settings.
//!
//! Composition only: each feature (hints, the retirement reminder, notices, trainer labels, the
//! sync and onboarding readers) decides its own items and marks; the plan asks each of them,
//! filters by the settings and assembles the result.
//!
//! The plan is plain data. The content script mounts the overlay only when the plan has items,
//! and the overlay pages render it; neither decides anything on its own.

use crate::hints;
use crate::ids::is_tenant_guid;
use crate::model::{
    Anchor, AnchorKind, Cloud, OverlayItem, OverlayKind, PageReaders, Portal, Probe,
};
use crate::notices;
use crate::onboarding;
use crate::retirement;
use crate::route::{self, Route, WorkspaceRef};
use crate::settings::probe_patch::ProbePatch;
use crate::settings::Settings;
use crate::sync;
use crate::trainer;
use serde::{Deserialize, Serialize};

/// Catalog id of the incident sync indicator (test contract: `data-wayfinder-id`).
pub const SYNC_ID: &str = "incident-sync";

/// What the page is, as far as the URL tells.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
    /// The cloud whose portals the page is on: the views move the plan's links (the catalog's,
    /// written for the commercial cloud) into it ([`Cloud::localize`]).
    #[serde(default)]
    pub cloud: Cloud,
}

/// Everything the overlay shows for one page.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OnboardingSlot {
    /// The tenant key: the GUID of `?tid=` (or the Azure portal's `@tenant`), lower case; the
    /// cloud's home key without one (`home` in the commercial cloud; see [`tenant_key`]).
    pub tenant: String,
}

/// The tenant key of a route (see [`OnboardingSlot::tenant`]): its tenant GUID in lower case,
/// the cloud's home key when the URL names none ([`Cloud::home_key`]: `home` in the commercial
/// cloud), and none for any other name (a domain, or text a page put in
/// its URL). Every key becomes stored records, so only keys of a bounded form are kept.
pub fn tenant_key(route: &Route) -> Option<String> {
    match route.tenant.as_deref() {
        None => Some(route.cloud.home_key().to_string()),
        Some(tenant) if is_tenant_guid(tenant) => Some(tenant.to_ascii_lowercase()),
        Some(_) => None,
    }
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
                cloud: Cloud::Commercial,
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
    let mut items: Vec<OverlayItem> = hints::for_route(&route)
        .into_iter()
        .chain(retirement::for_route(today, &route))
        .collect();
    let mut anchors = if settings.trainer {
        trainer::anchors(&route)
    } else {
        Vec::new()
    };
    // The plan is computed from the URL alone, without the tenant's onboarding view, so the
    // notices that depend on the connection say so.
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
            cloud: route.cloud,
        },
        items,
        anchors,
        page_readers: page_readers(&route, settings),
        onboarding: tenant_key(&route)
            .filter(|_| settings.onboarding && route.portal != Portal::AzureBladeFrame)
            .map(|tenant| OnboardingSlot { tenant }),
    }
}

/// The plan with the probe patches in force (`settings::probe_patch`) on its notices' anchors,
/// and on each patched notice whose patch it is. A patch that does not pass its checks here
/// (settings are only ever stored checked) is left out rather than trusted.
///
/// Apart from [`plan_for_url`] because the service worker's own module does not carry the
/// patches' code: its patch module, instantiated only when a patch is in force, applies them
/// to the plan the worker made.
pub fn with_patches(mut plan: OverlayPlan, patches: &[ProbePatch]) -> OverlayPlan {
    let (Some(portal), Some(page)) = (
        plan.page.portal.and_then(Portal::side),
        plan.page.feature.clone(),
    ) else {
        return plan;
    };
    for anchor in plan
        .anchors
        .iter_mut()
        .filter(|a| a.kind == AnchorKind::Notice)
    {
        let found = patches
            .iter()
            .find(|p| p.patches(portal, &page, &anchor.id))
            .filter(|p| p.check("").is_ok());
        let Some(patch) = found else { continue };
        anchor.probe = Probe::of_tiers(patch.tiers_over(&anchor.probe.tiers));
        for item in plan.items.iter_mut() {
            if item.kind == OverlayKind::Notice && item.id == anchor.id {
                item.patched = Some(patch.origin());
            }
        }
    }
    plan
}

/// The sync readers of incident pages and queues, or the onboarding evidence readers of the
/// Defender pages that tell the connection, as the settings allow.
fn page_readers(route: &Route, settings: &Settings) -> Option<PageReaders> {
    let sync = sync::readers_for(route).filter(|_| settings.shows(OverlayKind::Sync, SYNC_ID));
    sync.or_else(|| onboarding::spec::page_readers(route).filter(|_| settings.onboarding))
}

#[cfg(test)]
mod tests;
