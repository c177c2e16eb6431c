//! Throughput of the two functions the service worker runs on every portal navigation:
//! `route::classify` and `plan::plan_for_url`.
//!
//! Why: the worker computes a plan for each `page-changed` message, and the Azure portal sends
//! one on every blade change, so these must stay far below a frame's time. The input is a fixed
//! mix of real URL forms of both portals (every form that `route/tests.rs` covers, including
//! pages we do not annotate), so a figure here reads as "URLs per second" for realistic pages.
//! Run with `cargo bench -p wayfinder-core --bench classify` (figures: docs/benchmarks-core.md).

use criterion::{Criterion, Throughput};
use std::hint::black_box;
use wayfinder_core::plan::plan_for_url;
use wayfinder_core::route::classify;
use wayfinder_core::settings::Settings;

/// The mix: Azure portal forms first, then the Defender portal's, then frames and foreign URLs.
const URLS: [&str; 24] = [
    // Azure: #view form with an encoded ARG resource id.
    "https://portal.azure.com/#view/Microsoft_Azure_Security_Insights/MainMenuBlade/~/Hunting/id/%2Fsubscriptions%2F0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9%2Fresourcegroups%2Fsoc-rg%2Fproviders%2Fmicrosoft.securityinsightsarg%2Fsentinel%2Fcontoso-sentinel",
    // Azure: #view form with subscriptionId/resourceGroup/workspaceName parameters.
    "https://portal.azure.com/#view/Microsoft_Azure_Security_Insights/MainMenuBlade/~/Analytics/subscriptionId/0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9/resourceGroup/soc-rg/workspaceName/contoso-sentinel",
    // Azure: older #blade forms (by id, and the numeric overview blade).
    "https://portal.azure.com/#blade/Microsoft_Azure_Security_Insights/MainMenuBlade/Hunting/id/%2Fsubscriptions%2F0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9%2Fresourcegroups%2Fsoc-rg%2Fproviders%2Fmicrosoft.securityinsightsarg%2Fsentinel%2Fcontoso-sentinel",
    "https://portal.azure.com/#blade/Microsoft_Azure_Security_Insights/MainMenuBlade/0/subscriptionId/0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9/resourceGroup/soc-rg/workspaceName/contoso-sentinel",
    // Azure: @tenant prefix (domain and GUID) and the OperationalInsights resource id.
    "https://portal.azure.com/#@contoso.onmicrosoft.com/view/Microsoft_Azure_Security_Insights/MainMenuBlade/~/Incidents/id/%2Fsubscriptions%2F0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9%2FresourceGroups%2Fsoc-rg%2Fproviders%2FMicrosoft.OperationalInsights%2Fworkspaces%2Fcontoso-sentinel",
    "https://portal.azure.com/#@6f3c2b1a-4d5e-4f60-8a7b-9c0d1e2f3a4b/view/Microsoft_Azure_Security_Insights/MainMenuBlade/~/Hunting/id/%2Fsubscriptions%2F0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9%2Fresourcegroups%2Fsoc-rg%2Fproviders%2Fmicrosoft.securityinsightsarg%2Fsentinel%2Fcontoso-sentinel",
    // Azure: incident asset.
    "https://portal.azure.com/#asset/Microsoft_Azure_Security_Insights/Incident/subscriptions/0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9/resourceGroups/soc-rg/providers/Microsoft.OperationalInsights/workspaces/contoso-sentinel/providers/Microsoft.SecurityInsights/Incidents/a7d3e1f2-5b6c-4d8e-9f01-23456789abcd",
    // Azure: a blade not available in the Defender portal; pages outside Sentinel.
    "https://portal.azure.com/#view/Microsoft_Azure_Security_Insights/MainMenuBlade/~/WorkspaceManager/id/%2Fsubscriptions%2F0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9%2Fresourcegroups%2Fsoc-rg%2Fproviders%2Fmicrosoft.securityinsightsarg%2Fsentinel%2Fcontoso-sentinel",
    "https://portal.azure.com/#home",
    "https://portal.azure.com/#view/HubsExtension/BrowseResource/resourceType/microsoft.securityinsightsarg%2Fsentinel",
    "https://portal.azure.com/#view/Microsoft_Azure_Security_Insights/MainMenuBlade/~/NoSuchBlade/id/x",
    // Defender: Sentinel pages, advanced hunting, home, incidents (all forms), workspace scope.
    "https://security.microsoft.com/sentinel/hunting",
    "https://security.microsoft.com/v2/advanced-hunting?tid=6f3c2b1a-4d5e-4f60-8a7b-9c0d1e2f3a4b",
    "https://security.microsoft.com/",
    "https://security.microsoft.com/incidents",
    "https://security.microsoft.com/incidents/3421?tid=6f3c2b1a-4d5e-4f60-8a7b-9c0d1e2f3a4b",
    "https://security.microsoft.com/incident2/3421/overview?tid=6f3c2b1a-4d5e-4f60-8a7b-9c0d1e2f3a4b",
    "https://mto.security.microsoft.com/incident2/3421/summary?tid=6f3c2b1a-4d5e-4f60-8a7b-9c0d1e2f3a4b",
    "https://security.microsoft.com/sentinel/0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9/soc-rg/contoso-sentinel/hunting?tid=6f3c2b1a-4d5e-4f60-8a7b-9c0d1e2f3a4b",
    "https://security.microsoft.com/securitysettings",
    "https://security.microsoft.us/incidents",
    // Frames and URLs that are no portal.
    "https://sandbox-1.reactblade.portal.azure.net/reactview",
    "https://security.microsoft.com.evil.io/",
    "http://security.microsoft.com/",
];

/// The date the plans count the retirement days from.
const TODAY: &str = "2026-11-22";

fn core(c: &mut Criterion) {
    let mut group = c.benchmark_group("core");
    group.throughput(Throughput::Elements(URLS.len() as u64));
    group.bench_function("classify", |b| {
        b.iter(|| {
            for url in URLS {
                black_box(classify(black_box(url)));
            }
        })
    });
    let settings = Settings::default();
    group.bench_function("plan_for_url", |b| {
        b.iter(|| {
            for url in URLS {
                black_box(plan_for_url(black_box(url), Some(TODAY), &settings));
            }
        })
    });
    group.finish();
}

// What `criterion_group!`/`criterion_main!` expand to, written out: their generated `pub fn`
// has no doc comment and would trip the workspace's `missing_docs` lint.
fn main() {
    let mut c = Criterion::default().configure_from_args();
    core(&mut c);
    c.final_summary();
}
