//! The options page's choice of when the panel opens by itself: when there is something new (the
//! default), always, or never. A policy that sets it shows its value, locked.

use crate::options_page::MANAGED_NOTE;
use crate::text::message;
use leptos::prelude::*;
use wayfinder_core::settings::{PanelMode, Settings};

/// The choices with their labels and the values they store.
fn choices() -> [(PanelMode, &'static str, String); 3] {
    [
        (PanelMode::New, "new", message("optionsPanelNew")),
        (PanelMode::Always, "always", message("optionsPanelAlways")),
        (PanelMode::Never, "never", message("optionsPanelNever")),
    ]
}

/// Radio buttons for the panel mode. `forced` is the policy's value, when it sets one.
#[component]
pub fn PanelModeChoice(
    settings: RwSignal<Settings>,
    forced: Option<PanelMode>,
    persist: impl Fn() + Clone + 'static,
) -> impl IntoView {
    let locked = forced.is_some();
    view! {
        <fieldset>
            <legend>{message("optionsPanelLegend")}</legend>
            {choices()
                .into_iter()
                .map(|(mode, value, label)| {
                    let persist = persist.clone();
                    view! {
                        <label class="wf-check">
                            <input
                                type="radio"
                                name="panel"
                                value=value
                                disabled=locked
                                aria-describedby=locked.then_some(MANAGED_NOTE)
                                prop:checked=move || forced.unwrap_or_else(|| settings.with(|s| s.panel)) == mode
                                on:change=move |_| {
                                    settings.update(|s| s.panel = mode);
                                    persist();
                                }
                            />
                            {label}
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
