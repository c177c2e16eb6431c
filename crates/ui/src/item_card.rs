//! One overlay item: headline, where it lives in the other portal, why, a link, the source.

use leptos::prelude::*;
use wayfinder_core::plan::{LinkPortal, OverlayItem, OverlayKind};

fn kind_attr(kind: OverlayKind) -> &'static str {
    match kind {
        OverlayKind::Hint => "hint",
        OverlayKind::Notice => "notice",
        OverlayKind::Sync => "sync",
        OverlayKind::Onboarding => "onboarding",
        OverlayKind::Retirement => "retirement",
    }
}

fn portal_attr(portal: LinkPortal) -> &'static str {
    match portal {
        LinkPortal::Defender => "defender",
        LinkPortal::Azure => "azure",
    }
}

fn portal_label(portal: LinkPortal) -> &'static str {
    match portal {
        LinkPortal::Defender => "Defender portal",
        LinkPortal::Azure => "Azure portal",
    }
}

/// Renders one plan item (test contract: `data-wayfinder-kind`, `data-wayfinder-id`,
/// `data-wayfinder-link`).
#[component]
pub fn ItemCard(item: OverlayItem) -> impl IntoView {
    let location = item.location.map(|l| {
        view! {
            <p class="wf-location">
                <span class="wf-location-portal">{portal_label(l.portal)}</span>
                <span class="wf-location-path">{l.path}</span>
            </p>
        }
    });
    let links = item
        .links
        .into_iter()
        .map(|link| {
            view! {
                <a
                    class="wf-link"
                    href=link.href
                    target="_blank"
                    rel="noopener noreferrer"
                    data-wayfinder-link=portal_attr(link.portal)
                >
                    {link.label}
                </a>
            }
        })
        .collect_view();
    view! {
        <article
            class=format!("wf-item wf-item-{}", kind_attr(item.kind))
            data-wayfinder-kind=kind_attr(item.kind)
            data-wayfinder-id=item.id
        >
            <h2 class="wf-title">{item.title}</h2>
            {location}
            <p class="wf-body">{item.body}</p>
            <div class="wf-links">{links}</div>
            <details class="wf-source">
                <summary>{format!("Source, {}", item.source.date)}</summary>
                <p>{item.source.reference}</p>
            </details>
        </article>
    }
}
