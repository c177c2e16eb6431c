//! The toolbar popup: what SecOps Wayfinder shows for the current tab.

use crate::{ItemCard, PlanState};
use leptos::prelude::*;

/// The popup body.
#[component]
pub fn PopupPage(plan: RwSignal<PlanState>) -> impl IntoView {
    view! {
        <main class="wf-popup">
            <header class="wf-panel-header">
                <span class="wf-brand" aria-hidden="true"></span>
                <h1 class="wf-panel-title">"SecOps Wayfinder"</h1>
            </header>
            {move || match plan.get() {
                PlanState::Loading => view! { <p class="wf-muted">"Reading the current tab…"</p> }.into_any(),
                PlanState::Unreadable(why) => {
                    view! { <p class="wf-error" role="alert">{format!("Can't read this tab's plan: {why}")}</p> }
                        .into_any()
                }
                PlanState::Ready(p) if p.items.is_empty() => {
                    view! {
                        <p class="wf-empty">
                            "Nothing to show for this tab. Open a Microsoft Sentinel page in the Azure portal or the Microsoft Defender portal."
                        </p>
                    }
                        .into_any()
                }
                PlanState::Ready(p) => {
                    p.items.into_iter().map(|item| view! { <ItemCard item=item /> }).collect_view().into_any()
                }
            }}
            <footer class="wf-popup-footer">
                <a href="options.html" target="_blank">"Options"</a>
            </footer>
        </main>
    }
}
