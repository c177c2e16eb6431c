//! The extension pages' UI in leptos: the overlay panel (an extension-origin iframe that the
//! content script places on portal pages), the popup and the options page.
//!
//! Each context loads its own wasm module built from this crate, so a portal tab that opens the
//! panel instantiates only the panel: the `overlay` feature builds the overlay's module
//! (`wasm/overlay.js`), `pages` the popup's and options page's (`wasm/pages.js`). The service
//! worker's module is the worker crate's.
//!
//! These pages run under the extension's own CSP, which allows wasm; the portal page's CSP
//! does not apply to them. Each page's JS shell gets data from
//! chrome APIs and hands it to the entry points below; every string from a portal is rendered
//! as text by leptos, never as HTML.

#[cfg(feature = "pages")]
mod files;
#[cfg(feature = "pages")]
mod government_switch;
mod item_card;
#[cfg(feature = "pages")]
mod options_page;
#[cfg(feature = "overlay")]
mod overlay_panel;
#[cfg(feature = "pages")]
mod panel_mode;
#[cfg(feature = "pages")]
mod popup_page;
#[cfg(feature = "pages")]
mod probe_patches;
mod settings_store;
#[cfg(feature = "pages")]
mod settings_transfer;
mod shown;
#[cfg(feature = "pages")]
mod storage_note;
#[cfg(feature = "overlay")]
mod sync_card;
#[cfg(feature = "pages")]
mod tenant_panel;
pub mod text;
#[cfg(feature = "pages")]
mod view_report_action;
#[cfg(feature = "pages")]
mod where_is;
#[cfg(feature = "pages")]
mod words;

// The JS value decoder and encoder the pages share with the service worker (its exports stay
// out of these modules: see the worker crate).
pub use wayfinder_worker as worker;

use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::prelude::*;
#[cfg(feature = "pages")]
use wayfinder_core::onboarding::TenantView;
use wayfinder_core::plan::OverlayPlan;
use wayfinder_core::protocol::Health;
#[cfg(feature = "overlay")]
use wayfinder_core::sync::SyncView;
use wayfinder_worker::from_js::decode;

pub use item_card::ItemCard;
#[cfg(feature = "pages")]
pub use options_page::OptionsPage;
#[cfg(feature = "overlay")]
pub use overlay_panel::OverlayPanel;
#[cfg(feature = "pages")]
pub use popup_page::{PopupHooks, PopupPage};
pub use settings_store::SettingsStore;
#[cfg(feature = "pages")]
pub use storage_note::StorageNote;
#[cfg(feature = "overlay")]
pub use sync_card::SyncCard;
#[cfg(feature = "pages")]
pub use tenant_panel::{TenantHooks, TenantPanel};
#[cfg(feature = "pages")]
pub use where_is::WhereIs;

thread_local! {
    /// The plan shown by the page mounted in this document (one page per document).
    static PLAN: Cell<Option<RwSignal<PlanState>>> = const { Cell::new(None) };
    /// What the tab's probes found (notices whose control was not found say so).
    static HEALTH: Cell<Option<RwSignal<Health>>> = const { Cell::new(None) };
    /// The tab's incident sync view (incident pages).
    #[cfg(feature = "overlay")]
    static SYNC: Cell<Option<RwSignal<Option<SyncView>>>> = const { Cell::new(None) };
    /// The onboarding status of the tab's tenant (popup).
    #[cfg(feature = "pages")]
    static TENANT: Cell<Option<RwSignal<Option<TenantView>>>> = const { Cell::new(None) };
    /// Whether the worker's last write to local storage failed (popup).
    #[cfg(feature = "pages")]
    static STORAGE_FULL: Cell<Option<RwSignal<bool>>> = const { Cell::new(None) };
}

/// Whether the worker's last write to local storage failed (the popup's note).
#[cfg(feature = "pages")]
pub fn storage_full_signal() -> RwSignal<bool> {
    document_signal(&STORAGE_FULL, || false)
}

/// Sets whether the worker's last write to local storage failed (`storage:problem` in session
/// storage is present).
#[cfg(feature = "pages")]
#[wasm_bindgen(js_name = setStorageProblem)]
pub fn set_storage_problem(full: bool) {
    storage_full_signal().set(full);
}

/// The document's signal kept in `slot`, created with `initial` on first use.
fn document_signal<T: Send + Sync + 'static>(
    slot: &'static std::thread::LocalKey<Cell<Option<RwSignal<T>>>>,
    initial: impl FnOnce() -> T,
) -> RwSignal<T> {
    slot.with(|cell| {
        let signal = cell.get().unwrap_or_else(|| RwSignal::new(initial()));
        cell.set(Some(signal));
        signal
    })
}

/// The probe results of the tab shown in this document.
pub fn health_signal() -> RwSignal<Health> {
    document_signal(&HEALTH, Health::default)
}

/// Replaces the probe results (`health:<tabId>`); anything unreadable counts as no results.
#[wasm_bindgen(js_name = setHealth)]
pub fn set_health(health: JsValue) {
    let value = if health.is_undefined() || health.is_null() {
        Health::default()
    } else {
        decode(&health).unwrap_or_default()
    };
    health_signal().set(value);
}

/// The sync view of the tab shown in this document.
#[cfg(feature = "overlay")]
pub fn sync_signal() -> RwSignal<Option<SyncView>> {
    document_signal(&SYNC, || None)
}

#[cfg(feature = "overlay")]
/// Replaces the tab's sync view (`sync:<tabId>`, without the row badges: see [`shown`]); an
/// unreadable one shows as "checking".
#[wasm_bindgen(js_name = setSync)]
pub fn set_sync(view: JsValue) {
    let value = if view.is_undefined() || view.is_null() {
        None
    } else {
        decode::<shown::ShownSync>(&view).ok().map(SyncView::from)
    };
    sync_signal().set(value);
}

/// The onboarding status shown by the popup.
#[cfg(feature = "pages")]
pub fn tenant_signal() -> RwSignal<Option<TenantView>> {
    document_signal(&TENANT, || None)
}

#[cfg(feature = "pages")]
/// Replaces the popup's tenant view (`onboarding:view:<tenant>`, or one the popup computed); an
/// unreadable one shows as nothing known.
#[wasm_bindgen(js_name = setTenantView)]
pub fn set_tenant_view(view: JsValue) {
    tenant_signal().set(decode::<TenantView>(&view).ok());
}

/// What the overlay or popup knows about the plan.
#[derive(Debug, Clone, PartialEq)]
pub enum PlanState {
    /// Waiting for the service worker.
    Loading,
    /// A plan to show.
    Ready(Box<OverlayPlan>),
    /// The plan could not be read; the message says why.
    Unreadable(String),
}

pub(crate) fn plan_signal() -> RwSignal<PlanState> {
    document_signal(&PLAN, || PlanState::Loading)
}

/// Decodes a plan handed over by a JS shell into the state the pages render (the plan without
/// the parts only the content script uses: see [`shown`]).
pub fn decode_plan(plan: JsValue) -> PlanState {
    if plan.is_undefined() || plan.is_null() {
        return PlanState::Ready(Box::new(OverlayPlan::empty()));
    }
    match decode::<shown::ShownPlan>(&plan) {
        Ok(plan) => PlanState::Ready(Box::new(plan.into())),
        Err(e) => PlanState::Unreadable(e.to_string()),
    }
}

/// Replaces the plan shown by the mounted overlay or popup.
#[wasm_bindgen(js_name = setPlan)]
pub fn set_plan(plan: JsValue) {
    plan_signal().set(decode_plan(plan));
}

/// Shows that the plan cannot be had, and why (the page says "can't read", never nothing).
#[wasm_bindgen(js_name = setProblem)]
pub fn set_problem(message: String) {
    plan_signal().set(PlanState::Unreadable(message));
}

fn store_from(hooks: &JsValue) -> Option<SettingsStore> {
    Some(SettingsStore::new(
        settings_store::hook(hooks, "load")?,
        settings_store::hook(hooks, "save")?,
    ))
}

#[cfg(feature = "overlay")]
/// Mounts the overlay panel into `root`. `hooks` may carry `load()` and `save(settings)`
/// around chrome.storage.sync (they enable Dismiss), and `collapse()`, which folds the panel
/// into the page's pill.
#[wasm_bindgen(js_name = mountOverlay)]
pub fn mount_overlay(root: web_sys::HtmlElement, hooks: JsValue) {
    let plan = plan_signal();
    let store = store_from(&hooks);
    let collapse = settings_store::hook(&hooks, "collapse");
    leptos::mount::mount_to(
        root,
        move || view! { <OverlayPanel plan=plan store=store.clone() collapse=collapse.clone() /> },
    )
    .forget();
}

#[cfg(feature = "pages")]
/// Mounts the popup into `root`. `hooks`: `open(url)`, `close()`,
/// `load()`, `save(settings)`, `policy` (the administrator's policy, a value), `popOut()`, `openPanel()`,
/// `readView(frame)` (the tab's top document or blade frame walked for a view report), `onboarding(op)`,
/// `download(name, type, text)`; any may be missing (the popup then says what
/// it cannot do).
#[wasm_bindgen(js_name = mountPopup)]
pub fn mount_popup(root: web_sys::HtmlElement, hooks: JsValue) {
    let plan = plan_signal();
    let popup_hooks = PopupHooks {
        open: settings_store::hook(&hooks, "open"),
        close: settings_store::hook(&hooks, "close"),
        pop_out: settings_store::hook(&hooks, "popOut"),
        open_panel: settings_store::hook(&hooks, "openPanel"),
        read_view: settings_store::hook(&hooks, "readView"),
        store: store_from(&hooks),
        trainer_policy: wayfinder_worker::read_policy(
            &js_sys::Reflect::get(&hooks, &JsValue::from_str("policy")).unwrap_or(JsValue::NULL),
        )
        .0
        .flag("trainer"),
        tenant: TenantHooks {
            onboarding: settings_store::hook(&hooks, "onboarding"),
            download: settings_store::hook(&hooks, "download"),
        },
    };
    leptos::mount::mount_to(
        root,
        move || view! { <PopupPage plan=plan hooks=popup_hooks.clone() /> },
    )
    .forget();
}

#[cfg(feature = "pages")]
/// Mounts the options page into `root`. `settings` is the stored settings object (or nothing);
/// `managed` the administrator's policy (`chrome.storage.managed`), whose values show locked;
/// `save` is called with the new settings object and returns a Promise; `redirectUri` is the
/// address the user registers for sign-in; `download(name, type, text)` saves an exported file.
#[wasm_bindgen(js_name = mountOptions)]
pub fn mount_options(
    root: web_sys::HtmlElement,
    settings: JsValue,
    managed: JsValue,
    save: js_sys::Function,
    redirect_uri: String,
    download: Option<js_sys::Function>,
    government: JsValue,
) {
    let initial = settings_store::decode_settings(settings);
    let policy = wayfinder_worker::read_policy(&managed);
    let government = government_switch::GovernmentHooks::from_js(&government);
    leptos::mount::mount_to(root, move || {
        view! { <OptionsPage initial=initial.clone() policy=policy.clone() save=save.clone() redirect_uri=redirect_uri.clone() download=download.clone() government=government.clone() /> }
    })
    .forget();
}
