//! The Azure-portal retirement reminder: Microsoft Sentinel leaves the Azure portal, with a
//! countdown to the last day.
//!
//! Shown on every Sentinel page of the Azure portal, so the analyst meets the date where the
//! change will hit them; the user can snooze it for a week (`crate::settings::snoozes`).

use crate::dates;
use crate::hints::links::{with_tenant, DEFENDER_ORIGIN};
use crate::model::{LinkPortal, OverlayItem, OverlayKind, Portal, PortalLink, SourceNote};
use crate::route::Route;

/// Last day Microsoft supports Sentinel in the Azure portal (see [`RETIREMENT_SOURCE`]).
pub const AZURE_PORTAL_LAST_DAY: &str = "2027-03-31";
/// Where the date is announced.
pub const RETIREMENT_SOURCE: &str = "MicrosoftDocs/defender-docs sentinel/includes/sentinel-azure-deprecation.md @04c6ece2 (ms.date 01/28/2026); https://learn.microsoft.com/en-us/azure/sentinel/microsoft-sentinel-defender-portal";
const RETIREMENT_SOURCE_DATE: &str = "2026-01-28";

/// The reminder of a page: on the Azure portal's Sentinel pages (a known feature) only.
/// `today` (`YYYY-MM-DD`) feeds the countdown; without it the countdown is left out.
pub fn for_route(today: Option<&str>, route: &Route) -> Option<OverlayItem> {
    (route.portal == Portal::Azure && route.feature.is_some()).then(|| retirement(today, route))
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
        patched: None,
    }
}
