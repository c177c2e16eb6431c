//! The overlay panel shown on portal pages (inside the extension-origin iframe).

use crate::{sync_signal, ItemCard, PlanState, SettingsStore, SyncCard};
use leptos::prelude::*;
use wayfinder_core::plan::OverlayPlan;

/// Incident pages lead with the sync card (their readers name a title).
fn leads_with_sync(plan: &OverlayPlan) -> bool {
    plan.page_readers
        .as_ref()
        .is_some_and(|r| r.title.is_some())
}

/// The panel: a header that collapses it, then one card per plan item.
#[component]
pub fn OverlayPanel(
    plan: RwSignal<PlanState>,
    /// Enables Dismiss on the items.
    #[prop(optional_no_strip)]
    store: Option<SettingsStore>,
) -> impl IntoView {
    let expanded = RwSignal::new(true);
    let count = move || {
        plan.with(|state| match state {
            PlanState::Ready(p) => p.items.len() + usize::from(leads_with_sync(p)),
            _ => 0,
        })
    };
    view! {
        <main class="wf-panel" aria-label="SecOps Wayfinder">
            <header class="wf-panel-header">
                <span class="wf-brand" aria-hidden="true"></span>
                <h1 class="wf-panel-title">"SecOps Wayfinder"</h1>
                <span class="wf-count">{move || format!("{}", count())}</span>
                <button
                    class="wf-toggle"
                    type="button"
                    aria-expanded=move || expanded.get().to_string()
                    aria-controls="wf-panel-body"
                    on:click=move |_| expanded.update(|e| *e = !*e)
                >
                    {move || if expanded.get() { "Hide" } else { "Show" }}
                </button>
            </header>
            <div id="wf-panel-body" class="wf-panel-body" hidden=move || !expanded.get()>
                {move || plan.with(|state| match state {
                    PlanState::Loading => view! { <p class="wf-muted">"Reading this page…"</p> }.into_any(),
                    PlanState::Unreadable(why) => {
                        view! {
                            <p class="wf-error" role="alert">
                                {format!("Can't read this view's plan: {why}")}
                            </p>
                        }
                            .into_any()
                    }
                    PlanState::Ready(p) => {
                        let sync = leads_with_sync(p).then(|| view! { <SyncCard view=sync_signal() /> });
                        view! {
                            {sync}
                            {p.items.iter().cloned().map(|item| view! { <ItemCard item=item store=store.clone() /> }).collect_view()}
                        }
                            .into_any()
                    }
                })}
            </div>
        </main>
    }
}
