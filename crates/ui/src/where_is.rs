//! "Where is …?": the popup's keyboard-first search over the catalog.
//!
//! The search itself is the core's, called right here in the page's wasm, so typing never waits
//! for the service worker and no results cross the JS boundary (that round trip cost 2.3 KB
//! gzipped of decoding); this component is the combobox: type, move with the arrow keys, Enter
//! opens the Defender location, Escape clears the box and, when it is empty, closes the popup.

use crate::item_card::{also_lines, link_list};
use crate::text::{message, message_with};
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use wayfinder_core::search::{self, SearchContext, SearchHit};

/// What the box shows.
#[derive(Debug, Clone, PartialEq)]
enum Results {
    Idle,
    Hits(Vec<SearchHit>),
}

/// Most results shown for one query.
const SEARCH_LIMIT: usize = 8;

fn run_search(query: &str, context: &SearchContext) -> Results {
    if query.trim().is_empty() {
        return Results::Idle;
    }
    Results::Hits(search::search(query, context, SEARCH_LIMIT))
}

fn status_text(status: wayfinder_core::catalog::Status) -> String {
    use wayfinder_core::catalog::Status;
    match status {
        Status::Same => message("statusSame"),
        Status::Moved => message("statusMoved"),
        Status::Changed => message("statusChanged"),
        Status::Unavailable => message("statusUnavailable"),
        Status::DefenderOnly => message("statusDefenderOnly"),
    }
}

/// The search box and its results.
#[component]
pub fn WhereIs(
    open: Option<js_sys::Function>,
    close: Option<js_sys::Function>,
    context: Signal<SearchContext>,
) -> impl IntoView {
    let query = RwSignal::new(String::new());
    let results = RwSignal::new(Results::Idle);
    let active = RwSignal::new(0usize);
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let on_input = move |ev| {
        let q = event_target_value(&ev);
        query.set(q.clone());
        active.set(0);
        results.set(run_search(&q, &context.get_untracked()));
    };
    let open_href = move |href: String| {
        if let Some(f) = &open {
            let _ = f.call1(&JsValue::NULL, &JsValue::from_str(&href));
        }
    };
    // Enter opens the active result's first link (the Defender portal); returns whether there
    // was one. On the Azure Government portal that link comes once per Defender cloud (GCC High,
    // DoD): which is the user's, the links under the list let them choose.
    let open_active = move || {
        let href = results.with_untracked(|r| match r {
            Results::Hits(hits) => {
                hits.get(active.get_untracked())
                    .and_then(|hit| match hit.links.as_slice() {
                        [first, second, ..] if first.portal == second.portal => None,
                        [first, ..] => Some(first.href.clone()),
                        [] => None,
                    })
            }
            _ => None,
        });
        let found = href.is_some();
        if let Some(href) = href {
            open_href(href);
        }
        found
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let count = results.with_untracked(|r| match r {
            Results::Hits(h) => h.len(),
            _ => 0,
        });
        match ev.key().as_str() {
            "ArrowDown" if count > 0 => {
                ev.prevent_default();
                active.update(|a| *a = (*a + 1) % count);
            }
            "ArrowUp" if count > 0 => {
                ev.prevent_default();
                active.update(|a| *a = (*a + count - 1) % count);
            }
            "Enter" if open_active() => ev.prevent_default(),
            "Escape" => {
                ev.prevent_default();
                if query.get_untracked().is_empty() {
                    if let Some(f) = &close {
                        let _ = f.call0(&JsValue::NULL);
                    }
                } else {
                    query.set(String::new());
                    results.set(Results::Idle);
                    if let Some(input) = input_ref.get_untracked() {
                        input.set_value("");
                    }
                }
            }
            _ => {}
        }
    };
    Effect::new(move |_| {
        if let Some(input) = input_ref.get() {
            let _ = input.focus();
        }
    });
    let active_id = move || {
        results
            .with(|r| matches!(r, Results::Hits(h) if !h.is_empty()))
            .then(|| format!("wf-hit-{}", active.get()))
    };
    view! {
        <section class="wf-search" aria-label=message("searchLabel")>
            <label class="wf-search-label" for="wf-search-input">{message("searchLabel")}</label>
            <input
                id="wf-search-input"
                class="wf-search-input"
                type="search"
                node_ref=input_ref
                placeholder=message("searchPlaceholder")
                autocomplete="off"
                spellcheck="false"
                role="combobox"
                aria-autocomplete="list"
                aria-controls="wf-search-results"
                aria-expanded=move || results.with(|r| matches!(r, Results::Hits(h) if !h.is_empty())).to_string()
                aria-activedescendant=active_id
                on:input=on_input
                on:keydown=on_keydown
            />
            {move || match results.get() {
                Results::Idle => ().into_any(),
                Results::Hits(hits) if hits.is_empty() => {
                    view! {
                        <p class="wf-empty" role="status">
                            {message_with("searchNoMatch", &[&query.get_untracked()])}
                        </p>
                    }
                        .into_any()
                }
                Results::Hits(hits) => {
                    // The links live outside the listbox, for the active result: an option holds
                    // no interactive content (ARIA listbox; axe nested-interactive), and the links
                    // stay in the tab order. This closure reads `active`, so moving through the
                    // results renders the list again (at most eight rows); a reactive block of its
                    // own for the links cost 2 KB gzipped of wasm (measured).
                    let links: Vec<_> = hits.iter().map(|h| h.links.clone()).collect();
                    view! {
                        <ul id="wf-search-results" class="wf-search-results" role="listbox" aria-label=message("searchResults")>
                            {hits
                                .into_iter()
                                .enumerate()
                                .map(|(i, hit)| hit_row(hit, i, active))
                                .collect_view()}
                        </ul>
                        <div class="wf-links wf-hit-links" role="group" aria-label=message("searchLinks")>
                            {link_list(links.get(active.get()).cloned().unwrap_or_default())}
                        </div>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

/// One result: name, status, both locations (its links are shown under the list while it is
/// the active one).
fn hit_row(hit: SearchHit, index: usize, active: RwSignal<usize>) -> impl IntoView {
    let also = also_lines(hit.also);
    view! {
        <li
            id=format!("wf-hit-{index}")
            class="wf-hit"
            role="option"
            aria-selected=move || (active.get() == index).to_string()
            data-wayfinder-kind="search-result"
            data-wayfinder-id=hit.id
            on:click=move |_| active.set(index)
        >
            <div class="wf-hit-head">
                <span class="wf-hit-name">{hit.name}</span>
                <span class="wf-hit-status">{status_text(hit.status)}</span>
            </div>
            {hit.matched.map(|m| view! { <p class="wf-hit-matched">{message_with("searchMatched", &[&m])}</p> })}
            <dl class="wf-hit-locations">
                <dt>{message("portalAzure")}</dt>
                <dd data-wayfinder-location="azure">{hit.azure_menu}</dd>
                <dt>{message("portalDefender")}</dt>
                <dd data-wayfinder-location="defender">{hit.defender_menu}</dd>
            </dl>
            {also}
        </li>
    }
}
