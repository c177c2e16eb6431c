//! Fuzz target: any text as a page URL, through `route::classify` and `plan::plan_for_url`.
//!
//! Why: the content script forwards `location.href` of every portal tab, and a page can put
//! almost anything into its own fragment, path and query. Classification and planning must
//! never panic on it (a panic in the worker's wasm kills the overlay for the whole tab), and the
//! plan must never turn attacker-chosen URL text into a link to another site: every link stays
//! an https link to the portal its `portal` field names, and only a GUID tenant is ever copied
//! into a Defender link. Beyond "no panic", the target checks the properties below, each of
//! which follows from the code and its documentation, not from any particular input.

#![no_main]

use libfuzzer_sys::fuzz_target;
use wayfinder_core::catalog;
use wayfinder_core::ids;
use wayfinder_core::model::{Cloud, LinkPortal, OverlayKind, Portal};
use wayfinder_core::plan::{self, OverlayPlan};
use wayfinder_core::route::{self, Route};
use wayfinder_core::settings::Settings;
use wayfinder_core::url;

/// A fixed "today": the retirement countdown then has a known value (129 days, see dates.rs).
const TODAY: &str = "2026-11-22";
const DAYS_LEFT_ON_TODAY: &str = "(129 days left)";

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    check(&input);
});

fn check(input: &str) {
    let route = route::classify(input);
    if let Some(route) = &route {
        check_route(input, route);
    }
    // `url::split` trims, so surrounding whitespace never changes the answer.
    assert_eq!(route::classify(&format!(" \t{input}\n")), route);

    let plan = plan::plan_for_url(input, Some(TODAY), &Settings::default());
    check_plan(&plan, route.as_ref());

    let nothing_on = Settings {
        hints: false,
        notices: false,
        sync: false,
        onboarding: false,
        retirement: false,
        ..Settings::default()
    };
    let quiet = plan::plan_for_url(input, Some(TODAY), &nothing_on);
    assert!(
        quiet.items.is_empty(),
        "items with every kind off: {quiet:?}"
    );
    assert_eq!(quiet.page, plan.page);
}

fn check_route(input: &str, route: &Route) {
    let parts = url::split(input);
    let parts = parts.as_ref();
    assert_eq!(parts.map(|p| p.scheme.as_str()), Some("https"));
    assert_eq!(
        parts.and_then(|p| route::portal_of_host(&p.host)),
        Some(route.portal)
    );
    if let Some(tenant) = &route.tenant {
        assert!(!tenant.is_empty(), "empty tenant for {input:?}");
    }
    if let Some(feature) = route.feature {
        assert!(
            catalog::by_id(feature.id).is_some_and(|f| std::ptr::eq(f, feature)),
            "feature {} is not the catalog's own entry",
            feature.id
        );
    }
    if let Some(ws) = &route.workspace {
        // Links are built from these parts; each must survive being put back into a URL.
        for part in [&ws.subscription, &ws.resource_group, &ws.name] {
            assert!(
                !part.is_empty() && !part.contains('/') && !part.chars().any(char::is_control),
                "{ws:?}"
            );
        }
    }
    match route.portal {
        Portal::AzureBladeFrame => {
            // Frames are only recognised, never read.
            assert_eq!(
                (&route.feature, &route.blade, &route.tenant),
                (&None, &None, &None)
            );
            assert_eq!((&route.workspace, &route.incident), (&None, &None));
        }
        Portal::Azure => {}
        Portal::Defender | Portal::DefenderMultiTenant | Portal::DefenderGov => {
            assert!(route.blade.is_none(), "Defender pages have no blade");
        }
    }
}

fn check_plan(plan: &OverlayPlan, route: Option<&Route>) {
    let Some(route) = route else {
        assert_eq!(plan, &OverlayPlan::empty());
        return;
    };
    assert_eq!(plan.page.portal, Some(route.portal));
    assert_eq!(
        plan.page.feature.as_deref(),
        route.feature.map(|f| f.id),
        "page feature"
    );
    assert_eq!(plan.page.workspace, route.workspace);

    let on_azure_feature = route.portal == Portal::Azure && route.feature.is_some();
    let retirements = plan
        .items
        .iter()
        .filter(|i| i.kind == OverlayKind::Retirement)
        .count();
    assert_eq!(retirements, usize::from(on_azure_feature));
    if plan.items.is_empty() {
        assert!(!on_azure_feature);
    } else {
        assert!(route.feature.is_some(), "items without a feature");
        assert!(route.portal != Portal::AzureBladeFrame, "items in a frame");
    }

    let mut keys: Vec<(OverlayKind, &str)> = Vec::new();
    for item in &plan.items {
        // The panel keys items by kind and id, and dismissing works by id.
        let key = (item.kind, item.id.as_str());
        assert!(!keys.contains(&key), "duplicate item {key:?}");
        keys.push(key);
        match item.kind {
            OverlayKind::Retirement => {
                assert!(item.body.contains(DAYS_LEFT_ON_TODAY), "{}", item.body);
            }
            OverlayKind::Hint => {
                assert_eq!(Some(item.id.as_str()), route.feature.map(|f| f.id));
            }
            _ => assert!(catalog::by_id(&item.id).is_some(), "unknown id {}", item.id),
        }
        for link in &item.links {
            check_link(
                &link.href,
                link.portal,
                route,
                item.kind == OverlayKind::Hint,
            );
        }
    }

    // The views move the links into the page's cloud (`Cloud::localize`, crates/ui/src/shown.rs):
    // on a US Government page, no portal link may stay in, or go to, another cloud.
    assert_eq!(plan.page.cloud, route.cloud);
    assert_eq!(
        plan.onboarding.as_ref().is_some_and(|o| o.tenant.starts_with("home")),
        route.tenant.is_none() && plan.onboarding.is_some()
    );
    if route.cloud != Cloud::Commercial {
        for item in &plan.items {
            let mut links = item.links.clone();
            route.cloud.localize(&mut links);
            for link in links.iter().filter(|l| l.portal != LinkPortal::Docs) {
                let host = url::split(&link.href).map(|p| p.host).unwrap_or_default();
                assert!(
                    in_cloud_of(route.cloud, route::cloud_of_host(&host)),
                    "{} on a {:?} page",
                    link.href,
                    route.cloud
                );
            }
        }
    }

    // The worker hands plans to the overlay pages as JSON.
    let json = serde_json::to_string(plan);
    let back = json
        .as_ref()
        .ok()
        .and_then(|j| serde_json::from_str::<OverlayPlan>(j).ok());
    assert_eq!(
        back.as_ref(),
        Some(plan),
        "plan does not survive JSON: {json:?}"
    );
}

/// May a page of `page` link to a host of `link`? Each government Defender portal goes with the
/// Azure Government portal, which goes with both.
fn in_cloud_of(page: Cloud, link: Cloud) -> bool {
    match page {
        Cloud::Commercial => link == Cloud::Commercial,
        Cloud::GccHigh | Cloud::Dod => link == page || link == Cloud::AzureGovernment,
        Cloud::AzureGovernment => link != Cloud::Commercial,
    }
}

/// A link leads where its `portal` says, over https, whatever the page URL said. `hint` marks
/// the links built from the page's own context (tenant, workspace); notice links are fixed.
fn check_link(href: &str, portal: LinkPortal, from: &Route, hint: bool) {
    assert!(href.starts_with("https://"), "{href}");
    let target = route::classify(href);
    let target_portal = target.as_ref().map(|r| r.portal);
    match portal {
        LinkPortal::Docs => assert_eq!(target_portal, None, "{href}"),
        LinkPortal::Defender => {
            assert!(target_portal.is_some_and(Portal::is_defender), "{href}");
            // Only the page's own tenant, and only a GUID, is ever passed on as `?tid=`.
            let tid = target.as_ref().and_then(|r| r.tenant.as_deref());
            if let Some(tid) = tid {
                assert!(ids::is_tenant_guid(tid), "{href}");
                assert_eq!(Some(tid), from.tenant.as_deref(), "{href}");
            }
            if hint {
                let expected = from.tenant.as_deref().filter(|t| ids::is_tenant_guid(t));
                assert_eq!(tid, expected, "{href}");
                // A workspace the link names is the page's own.
                let linked = target.as_ref().and_then(|r| r.workspace.as_ref());
                if let (Some(linked), Some(ws)) = (linked, &from.workspace) {
                    assert_eq!(linked, ws, "{href}");
                }
            }
        }
        LinkPortal::Azure => {
            assert_eq!(target_portal, Some(Portal::Azure), "{href}");
            // A hint built for a named workspace (to a feature with an Azure blade) reads back
            // as that workspace, tenant and feature.
            let blade = from.feature.and_then(catalog::azure_blade_of);
            if let (true, Some(ws), Some(target), Some(_)) = (hint, &from.workspace, &target, blade)
            {
                assert_eq!(target.workspace.as_ref(), Some(ws), "{href}");
                assert_eq!(target.tenant, from.tenant, "{href}");
                assert_eq!(
                    target.feature.map(|f| f.id),
                    from.feature.map(|f| f.id),
                    "{href}"
                );
            }
        }
    }
}
