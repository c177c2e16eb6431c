//! The overlay panel shown on portal pages (inside the extension-origin iframe).

use crate::text::{message, message_with};
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
    /// Collapses the panel to the page's pill (the shell asks the content script, which removes
    /// this frame); without it the header folds the panel's body in place.
    #[prop(optional_no_strip)]
    collapse: Option<js_sys::Function>,
) -> impl IntoView {
    let expanded = RwSignal::new(true);
    let toggle = move |_| match &collapse {
        Some(collapse) => {
            let _ = collapse.call0(&wasm_bindgen::JsValue::NULL);
        }
        None => expanded.update(|e| *e = !*e),
    };
    let count = move || {
        plan.with(|state| match state {
            PlanState::Ready(p) => p.items.len() + usize::from(leads_with_sync(p)),
            _ => 0,
        })
    };
    view! {
        <main class="wf-panel" aria-label=message("extName")>
            <header class="wf-panel-header">
                <span class="wf-brand" aria-hidden="true"></span>
                <h1 class="wf-panel-title">{message("extName")}</h1>
                <span class="wf-count">{move || format!("{}", count())}</span>
                <button
                    class="wf-toggle"
                    type="button"
                    aria-expanded=move || expanded.get().to_string()
                    aria-controls="wf-panel-body"
                    on:click=toggle
                >
                    {move || if expanded.get() { message("panelHide") } else { message("panelShow") }}
                </button>
            </header>
            <div id="wf-panel-body" class="wf-panel-body" hidden=move || !expanded.get()>
                {move || plan.with(|state| match state {
                    PlanState::Loading => view! { <p class="wf-muted">{message("panelReading")}</p> }.into_any(),
                    PlanState::Unreadable(why) => {
                        view! {
                            <p class="wf-error" role="alert">
                                {message_with("panelUnreadable", &[why])}
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
