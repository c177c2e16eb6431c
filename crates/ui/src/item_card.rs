//! One overlay item: headline, where it lives in the other portal, why, a link, the source.

use crate::settings_store::SettingsStore;
use crate::text::{message, message_with};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wayfinder_core::model::{LinkPortal, OverlayItem, OverlayKind, PatchOrigin, PortalLink};
use wayfinder_core::settings;

/// The test contract's `data-wayfinder-link` value.
fn portal_attr(portal: LinkPortal) -> &'static str {
    match portal {
        LinkPortal::Defender => "defender",
        LinkPortal::Azure => "azure",
        LinkPortal::Docs => "docs",
    }
}

fn portal_label(portal: LinkPortal) -> String {
    match portal {
        LinkPortal::Defender => message("portalDefender"),
        LinkPortal::Azure => message("portalAzure"),
        LinkPortal::Docs => message("documentation"),
    }
}

/// Links to the other portal (test contract: `data-wayfinder-link`).
pub(crate) fn link_list(links: Vec<PortalLink>) -> impl IntoView {
    links
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
        .collect_view()
}

/// Older or second locations, one line each.
pub(crate) fn also_lines(also: Vec<String>) -> impl IntoView {
    also.into_iter()
        .map(|a| view! { <p class="wf-also">{message_with("itemAlso", &[&a])}</p> })
        .collect_view()
}

/// Today's local date, `YYYY-MM-DD` (what the worker's clock gives the plan).
fn local_date() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// Items the user may dismiss for good (sync and onboarding state is never hidden this way).
fn dismissable(kind: OverlayKind) -> bool {
    matches!(
        kind,
        OverlayKind::Hint | OverlayKind::Notice | OverlayKind::Retirement
    )
}

/// Renders one plan item (test contract: `data-wayfinder-kind`, `data-wayfinder-id`,
/// `data-wayfinder-link`). With a settings store, hints and notices get a Dismiss button whose
/// choice persists (options can reset it). The store is a prop, not a leptos context: a
/// context makes the one wasm module larger than passing it down (`docs/wasm-size.md`).
#[component]
pub fn ItemCard(
    item: OverlayItem,
    #[prop(optional_no_strip)] store: Option<SettingsStore>,
) -> impl IntoView {
    let dismissed = RwSignal::new(false);
    let problem = RwSignal::new(String::new());
    let dismiss = store.filter(|_| dismissable(item.kind)).map(|store| {
        // The retirement reminder is snoozed for a week (`id@YYYY-MM-DD`, the local date), not
        // dismissed for good: it comes back while the date approaches.
        let snooze = settings::snoozes(item.kind);
        let id = if snooze {
            settings::snooze_entry(&item.id, &local_date())
        } else {
            item.id.clone()
        };
        let hint = if snooze {
            message("dismissForWeek")
        } else {
            message("dismissForGood")
        };
        let title = item.title.clone();
        view! {
            <button
                class="wf-dismiss"
                type="button"
                aria-label=message_with("dismissNamed", &[&title])
                title=hint
                on:click=move |_| {
                    let store = store.clone();
                    let id = id.clone();
                    spawn_local(async move {
                        let outcome = store
                            .update(&|s| {
                                if !s.dismissed.contains(&id) {
                                    s.dismissed.push(id.clone());
                                }
                            })
                            .await;
                        match outcome {
                            Ok(_) => dismissed.set(true),
                            Err(why) => problem.set(message_with("notDismissed", &[&why])),
                        }
                    });
                }
            >
                {message("dismiss")}
            </button>
        }
    });
    let location = item.location.map(|l| {
        view! {
            <p class="wf-location">
                <span class="wf-location-portal">{portal_label(l.portal)}</span>
                <span class="wf-location-path">{l.path}</span>
            </p>
        }
    });
    let links = link_list(item.links);
    let health = crate::health_signal();
    let notice_id = (item.kind == OverlayKind::Notice).then(|| item.id.clone());
    let not_found = move || {
        notice_id
            .as_deref()
            .is_some_and(|id| health.with(|h| h.is_missing(id)))
    };
    let also = also_lines(item.also);
    // Whose probe patch looks for the notice's control: the analyst should know the mark's
    // place comes from their organization or from their own import, not from the catalog.
    let patched = item.patched.map(|origin| {
        let (name, text) = match origin {
            PatchOrigin::Organization => ("organization", message("noticePatchedOrganization")),
            PatchOrigin::Local => ("local", message("noticePatchedLocal")),
        };
        view! { <p class="wf-patched" data-wayfinder-patched=name>{text}</p> }
    });
    view! {
        <article
            class=format!("wf-item wf-item-{}", item.kind.name())
            data-wayfinder-kind=item.kind.name()
            data-wayfinder-id=item.id
            hidden=move || dismissed.get()
        >
            <div class="wf-item-head">
                <h2 class="wf-title">{item.title}</h2>
                {dismiss}
            </div>
            {location}
            {also}
            <p class="wf-body">{item.body}</p>
            <p class="wf-not-found" role="note" hidden=move || !not_found()>
                {message("noticeNotFound")}
            </p>
            {patched}
            <div class="wf-links">{links}</div>
            <details class="wf-source">
                <summary>{message_with("itemSource", &[&item.source.date])}</summary>
                <p>{item.source.reference}</p>
            </details>
            <p class="wf-error" role="alert" hidden=move || problem.get().is_empty()>{move || problem.get()}</p>
        </article>
    }
}
