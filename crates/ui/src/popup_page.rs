//! The toolbar popup: "Where is …?" search, trainer mode, and what SecOps Wayfinder shows for
//! the current tab.

use crate::options_page::MANAGED_NOTE;
use crate::settings_store::SettingsStore;
use crate::text::{message, message_with};
use crate::where_is::WhereIs;
use crate::{ItemCard, PlanState, TenantHooks, TenantPanel};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wayfinder_core::model::{PatchOrigin, TierKind};
use wayfinder_core::notices::tier_kind;
use wayfinder_core::protocol::Health;
use wayfinder_core::search::SearchContext;

/// The functions the popup's JS shell provides.
#[derive(Clone, Default)]
pub struct PopupHooks {
    /// `open(url)`: opens a tab.
    pub open: Option<js_sys::Function>,
    /// `close()`: closes the popup.
    pub close: Option<js_sys::Function>,
    /// The stored settings.
    pub store: Option<SettingsStore>,
    /// Trainer mode as the administrator's policy sets it (then the switch is locked).
    pub trainer_policy: Option<bool>,
    /// `popOut()`: opens the popup in a tab pinned to the current tab.
    pub pop_out: Option<js_sys::Function>,
    /// `openPanel()`: opens the panel in the current tab (its pill otherwise collapses it).
    pub open_panel: Option<js_sys::Function>,
    /// `readView(frame)`: the tab's `top` document or `blade` frame walked for a view report (a Promise).
    pub read_view: Option<js_sys::Function>,
    /// Sign-in, reading and export of the onboarding status.
    pub tenant: TenantHooks,
}

/// The popup body.
#[component]
pub fn PopupPage(plan: RwSignal<PlanState>, hooks: PopupHooks) -> impl IntoView {
    let context = Signal::derive(move || {
        plan.with(|state| match state {
            PlanState::Ready(p) => SearchContext {
                tenant: p.page.tenant.clone(),
                workspace: p.page.workspace.clone(),
                cloud: p.page.cloud,
            },
            _ => SearchContext::default(),
        })
    });
    let trainer = RwSignal::new(false);
    let trainer_status = RwSignal::new(String::new());
    if let Some(store) = hooks.store.clone() {
        spawn_local(async move {
            match store.load().await {
                Ok(s) => trainer.set(hooks.trainer_policy.unwrap_or(s.trainer)),
                Err(why) => trainer_status.set(message_with("popupSettingsUnreadable", &[&why])),
            }
        });
    }
    let locked = hooks.trainer_policy.is_some();
    let store_for_toggle = hooks.store.clone();
    let on_trainer = move |ev| {
        let on = event_target_checked(&ev);
        trainer.set(on);
        let Some(store) = store_for_toggle.clone() else {
            trainer_status.set(message("notSavedNoStorage"));
            return;
        };
        spawn_local(async move {
            match store.update(&|s| s.trainer = on).await {
                Ok(_) => trainer_status.set(String::new()),
                Err(why) => {
                    trainer.set(!on);
                    trainer_status.set(message_with("notSaved", &[&why]));
                }
            }
        });
    };
    view! {
        <main class="wf-popup">
            <header class="wf-panel-header">
                <span class="wf-brand" aria-hidden="true"></span>
                <h1 class="wf-panel-title">{message("extName")}</h1>
            </header>
            <WhereIs open=hooks.open close=hooks.close context=context />
            <section class="wf-popup-tab" aria-label=message("popupThisTab")>
                {move || plan.with(|state| match state {
                    PlanState::Loading => view! { <p class="wf-muted">{message("popupReading")}</p> }.into_any(),
                    PlanState::Unreadable(why) => {
                        view! { <p class="wf-error" role="alert">{message_with("popupUnreadable", &[why])}</p> }
                            .into_any()
                    }
                    PlanState::Ready(p) if p.items.is_empty() => {
                        view! {
                            <p class="wf-empty">
                                {message("popupNothing")}
                            </p>
                        }
                            .into_any()
                    }
                    PlanState::Ready(p) => {
                        p.items.iter().cloned().map(|item| view! { <ItemCard item=item store=hooks.store.clone() /> }).collect_view().into_any()
                    }
                })}
            </section>
            <crate::StorageNote full=crate::storage_full_signal() />
            <PageCheck plan=plan read_view=hooks.read_view.clone() download=hooks.tenant.download.clone() />
            <TenantPanel view=crate::tenant_signal() hooks=hooks.tenant.clone() />
            <footer class="wf-popup-footer">
                <label class="wf-check">
                    <input type="checkbox" name="trainer" disabled=locked aria-describedby=locked.then_some(MANAGED_NOTE)
                        prop:checked=move || trainer.get() on:change=on_trainer />
                    {message("popupTrainer")}
                </label>
                {locked.then(|| view! { <p id=MANAGED_NOTE class="wf-muted">{message("managedShort")}</p> })}
                <p class="wf-status" role="status" aria-live="polite">{move || trainer_status.get()}</p>
                <div class="wf-popup-links">
                    {hooks.open_panel.map(|f| view! {
                        <button type="button" class="wf-linklike" name="open-panel" on:click=move |_| { let _ = f.call0(&wasm_bindgen::JsValue::NULL); }>
                            {message("popupOpenPanel")}
                        </button>
                    })}
                    {hooks.pop_out.map(|f| view! {
                        <button type="button" class="wf-linklike" on:click=move |_| { let _ = f.call0(&wasm_bindgen::JsValue::NULL); }>
                            {message("popupOpenInTab")}
                        </button>
                    })}
                    <a href="options.html" target="_blank">{message("popupOptions")}</a>
                </div>
            </footer>
        </main>
    }
}

/// What the probes found for one notice: `found`, `missing` or `pending`.
fn health_state(health: &Health, id: &str) -> &'static str {
    if health.is_found(id) {
        "found"
    } else if health.is_missing(id) {
        "missing"
    } else {
        "pending"
    }
}

/// The page check's words for a notice: its state, for a found control how it was found
/// ("shown next to its control (found by its label, tolerant)"), and whose probe patch looked
/// for it. The tier the probe report names is the catalog's for the plan's page; a patched
/// probe's tiers are not the catalog's, and the pages do not decode a plan's anchors
/// (`shown.rs`), so for it the page check names the patch instead.
fn health_text(plan: RwSignal<PlanState>, health: &Health, id: &str) -> String {
    let (found, patched) = plan.with_untracked(|state| match state {
        PlanState::Ready(p) => {
            let patched = p.items.iter().find(|i| i.id == id).and_then(|i| i.patched);
            let found = health
                .found_by(id)
                .filter(|_| patched.is_none())
                .and_then(|tier| tier_kind(p.page.portal?, p.page.feature.as_deref()?, id, tier));
            (found, patched)
        }
        _ => (None, None),
    });
    let how = match found {
        Some(TierKind::Selector) => message("healthBySelector"),
        Some(TierKind::Text) => message("healthByText"),
        Some(TierKind::LinkPath) => message("healthByLinkPath"),
        Some(TierKind::Label) => message("healthByLabel"),
        Some(TierKind::AriaLabel) => message("healthByAriaLabel"),
        Some(TierKind::Role) => message("healthByRole"),
        None => String::new(),
    };
    let state = match health_state(health, id) {
        "found" if !how.is_empty() => format!("{} ({how})", message("healthFound")),
        "found" => message("healthFound"),
        "missing" => message("healthMissing"),
        _ => message("healthPending"),
    };
    match patched {
        Some(PatchOrigin::Organization) => {
            format!("{state}; {}", message("healthPatchedOrganization"))
        }
        Some(PatchOrigin::Local) => format!("{state}; {}", message("healthPatchedLocal")),
        None => state,
    }
}

/// The health view: for each notice of the tab, whether its control was found on the page, and
/// the action that saves a report of the view for when a control a person sees was not found.
#[component]
fn PageCheck(
    plan: RwSignal<PlanState>,
    read_view: Option<js_sys::Function>,
    download: Option<js_sys::Function>,
) -> impl IntoView {
    let health = crate::health_signal();
    let notices = move || {
        plan.with(|state| match state {
            PlanState::Ready(p) => p
                .items
                .iter()
                .filter(|i| i.kind == wayfinder_core::model::OverlayKind::Notice)
                .cloned()
                .collect::<Vec<_>>(),
            _ => Vec::new(),
        })
    };
    view! {
        <section class="wf-page-check" aria-label=message("pageCheck") hidden=move || notices().is_empty()>
            <h2 class="wf-section-title">{message("pageCheck")}</h2>
            <ul class="wf-check-list">
                {move || {
                    notices()
                        .into_iter()
                        .map(|item| {
                            let id = item.id.clone();
                            let text = {
                                let id = item.id.clone();
                                move || health.with(|h| health_text(plan, h, &id))
                            };
                            let state = move || health.with(|h| health_state(h, &id));
                            view! {
                                <li data-wayfinder-health=state data-wayfinder-id=item.id>
                                    <span class="wf-check-title">{item.title}</span>
                                    " — "
                                    <span class="wf-check-state">{text}</span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            {read_view.map(|read_view| view! { <crate::view_report_action::SaveViewReport plan=plan read_view=read_view download=download /> })}
        </section>
    }
}
