//! The options page: which overlays are on, trainer mode, dismissed items, the app registration,
//! probe patches, settings export and import. Saved through the JS shell to chrome.storage.sync.
//!
//! What the administrator's policy sets shows as the policy says, greyed out and described by
//! one note (docs/enterprise.md); the page keeps and saves only the user's own settings, so a
//! policy value never lands in chrome.storage.sync.

use crate::files;
use crate::government_switch::{GovernmentHooks, GovernmentSwitch};
use crate::panel_mode::PanelModeChoice;
use crate::probe_patches::ProbePatches;
use crate::settings_transfer::SettingsTransfer;
use crate::text::{message, message_with};
use crate::{TenantHooks, TenantPanel};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;
use wayfinder_core::onboarding::report::ReportFile;
use wayfinder_core::onboarding::signin::AppRegistration;
use wayfinder_core::settings::policy::Policy;
use wayfinder_core::settings::probe_patch::ProbePatch;
use wayfinder_core::settings::Settings;

/// The id of the note that locked controls point to (`aria-describedby`).
pub(crate) const MANAGED_NOTE: &str = "wf-managed-note";

/// The overlay kinds a user can turn off: the setting's name and its label.
fn kinds() -> [(&'static str, String); 5] {
    [
        ("hints", message("optionHints")),
        ("notices", message("optionNotices")),
        ("sync", message("optionSync")),
        ("onboarding", message("onboardingStatus")),
        ("retirement", message("optionRetirement")),
    ]
}

/// A checkbox for one on/off setting. Where the policy sets it, it shows the policy's value,
/// disabled, described by the managed note; otherwise it changes and saves the user's setting.
fn toggle(
    key: &'static str,
    label: String,
    settings: RwSignal<Settings>,
    forced: Option<bool>,
    persist: impl Fn() + 'static,
) -> impl IntoView {
    let locked = forced.is_some();
    view! {
        <label class="wf-check">
            <input
                type="checkbox"
                name=key
                disabled=locked
                aria-describedby=locked.then_some(MANAGED_NOTE)
                prop:checked=move || forced.or_else(|| settings.with(|s| s.flag(key))).unwrap_or(false)
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    settings.update(|s| {
                        if let Some(f) = s.flag_mut(key) {
                            *f = on;
                        }
                    });
                    persist();
                }
            />
            {label}
        </label>
    }
}

/// The options form.
#[component]
pub fn OptionsPage(
    initial: Result<Settings, String>,
    /// The administrator's policy and the values of it that were ignored.
    policy: (Policy, Vec<String>),
    save: js_sys::Function,
    redirect_uri: String,
    download: Option<js_sys::Function>,
    /// The US Government portals' switch (none where the shell gives no hooks).
    government: Option<GovernmentHooks>,
) -> impl IntoView {
    let load_problem = initial.as_ref().err().cloned();
    let settings = RwSignal::new(initial.unwrap_or_default());
    let (policy, ignored) = policy;
    let managed = !policy.is_empty() || !ignored.is_empty();
    // One note: what the policy does, then anything of it that was ignored.
    let mut note = message("managedNote");
    if !ignored.is_empty() {
        note = format!(
            "{note} {}",
            message_with("managedIgnored", &[&ignored.join("; ")])
        );
    }
    // Items the organization hides, said after the user's own count.
    let hidden = match policy.hidden_count() {
        0 => String::new(),
        1 => format!(" {}", message("managedHiddenOne")),
        n => format!(" {}", message_with("managedHiddenMany", &[&n.to_string()])),
    };
    let sign_in_locked = policy.locks("signIn");
    let status = RwSignal::new(String::new());
    // What the status says once a save succeeds: "Saved.", or after an import that it was
    // imported, so an import is reported only when it is stored.
    let saved_text = RwSignal::new(message("optionsSaved"));
    // The probe patches shown before an import or a removal: put back if the browser refuses to
    // store the change (the sync item's size), so the page lists only what is stored.
    let patches_before = RwSignal::new(None::<Vec<ProbePatch>>);
    let persist = move || {
        let save = save.clone();
        let value = wayfinder_worker::to_js::encode(&settings.get_untracked());
        spawn_local(async move {
            let outcome = match value {
                Ok(v) => match save.call1(&JsValue::NULL, &v) {
                    Ok(promise) => {
                        wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&promise))
                            .await
                            .map(|_| saved_text.get_untracked())
                            .map_err(|e| {
                                let why =
                                    e.as_string().unwrap_or_else(|| message("storageRefused"));
                                message_with("notSaved", &[&why])
                            })
                    }
                    Err(_) => Err(message("notSavedNoStorage")),
                },
                Err(e) => Err(message_with("notSaved", &[&e])),
            };
            if let Some(before) = patches_before.get_untracked() {
                if outcome.is_err() {
                    settings.update(|s| s.probe_patches = before);
                }
                patches_before.set(None);
            }
            status.set(outcome.unwrap_or_else(|e| e));
            saved_text.set(message("optionsSaved"));
        });
    };
    let draft = SignInDraft::of(settings.with_untracked(|s| policy.over(s).sign_in).as_ref());
    let imported = {
        let persist = persist.clone();
        move |file: Settings| {
            if !sign_in_locked {
                draft.filled(file.sign_in.as_ref());
            }
            settings.set(file);
            saved_text.set(message("optionsImported"));
            persist();
        }
    };
    let store_patches = {
        let persist = persist.clone();
        move |patches, done: String| {
            patches_before.set(Some(settings.with_untracked(|s| s.probe_patches.clone())));
            settings.update(|s| s.probe_patches = patches);
            saved_text.set(done);
            persist();
        }
    };
    let organization_patches = policy.patches().to_vec();
    view! {
        <main class="wf-options">
            <h1>{message("optionsTitle")}</h1>
            {load_problem
                .map(|why| {
                    view! {
                        <p class="wf-error" role="alert">
                            {message_with("optionsUnreadable", &[&why])}
                        </p>
                    }
                })}
            {managed.then(|| view! { <p id=MANAGED_NOTE class="wf-muted">{note}</p> })}
            <fieldset>
                <legend>{message("optionsShowLegend")}</legend>
                {kinds()
                    .into_iter()
                    .map(|(key, label)| toggle(key, label, settings, policy.flag(key), persist.clone()))
                    .collect_view()}
            </fieldset>
            <PanelModeChoice settings=settings forced=policy.panel() persist=persist.clone() />
            <fieldset>
                <legend>{message("optionsTrainingLegend")}</legend>
                {toggle("trainer", message("optionTrainer"), settings, policy.flag("trainer"), persist.clone())}
            </fieldset>
            <fieldset>
                <legend>{message("optionsDismissedLegend")}</legend>
                <p class="wf-dismissed-count">
                    {move || match settings.with(|s| s.dismissed.len()) {
                        0 => message("dismissedNone"),
                        1 => message("dismissedOne"),
                        n => message_with("dismissedMany", &[&n.to_string()]),
                    } + &hidden}
                </p>
                <button
                    type="button"
                    name="reset-dismissed"
                    disabled=move || settings.with(|s| s.dismissed.is_empty())
                    on:click={
                        let persist = persist.clone();
                        move |_| {
                            settings.update(|s| s.dismissed.clear());
                            persist();
                        }
                    }
                >
                    {message("dismissedReset")}
                </button>
            </fieldset>
            {government.map(|hooks| view! { <GovernmentSwitch hooks=hooks /> })}
            <SignInFields settings=settings draft=draft locked=sign_in_locked persist=persist.clone() redirect_uri=redirect_uri />
            <ProbePatches settings=settings organization=organization_patches store=store_patches />
            <SettingsTransfer settings=settings imported=imported download=download />
            <ReportImport />
            <p class="wf-status" role="status" aria-live="polite">{move || status.get()}</p>
        </main>
    }
}

/// What the sign-in fields hold: the saved registration, or what the user is typing.
#[derive(Clone, Copy)]
struct SignInDraft {
    tenant: RwSignal<String>,
    client_id: RwSignal<String>,
}

impl SignInDraft {
    /// Fields holding `app`.
    fn of(app: Option<&AppRegistration>) -> Self {
        SignInDraft {
            tenant: RwSignal::new(String::new()),
            client_id: RwSignal::new(String::new()),
        }
        .filled(app)
    }

    /// Puts `app` into the fields (an imported settings file brings its own registration).
    fn filled(self, app: Option<&AppRegistration>) -> Self {
        self.tenant
            .set(app.map(|a| a.tenant.clone()).unwrap_or_default());
        self.client_id
            .set(app.map(|a| a.client_id.clone()).unwrap_or_default());
        self
    }
}

/// The app registration for reading Azure Resource Manager (onboarding checks): checked by the
/// core before it is saved, so a saved one is always usable.
#[component]
fn SignInFields(
    settings: RwSignal<Settings>,
    draft: SignInDraft,
    /// The policy sets the registration: the fields show it, read-only.
    locked: bool,
    persist: impl Fn() + Clone + 'static,
    redirect_uri: String,
) -> impl IntoView {
    let SignInDraft { tenant, client_id } = draft;
    let problem = RwSignal::new(String::new());
    let save = {
        let persist = persist.clone();
        move |_| {
            let app = AppRegistration {
                tenant: tenant.get_untracked().trim().to_string(),
                client_id: client_id.get_untracked().trim().to_string(),
            };
            match app.check() {
                Ok(()) => {
                    problem.set(String::new());
                    settings.update(|s| s.sign_in = Some(app));
                    persist();
                }
                Err(why) => problem.set(why),
            }
        }
    };
    let remove = move |_| {
        tenant.set(String::new());
        client_id.set(String::new());
        problem.set(String::new());
        settings.update(|s| s.sign_in = None);
        persist();
    };
    view! {
        // A pushed registration shows in fields the policy locks: a disabled fieldset disables them all.
        <fieldset class="wf-sign-in" disabled=locked aria-describedby=locked.then_some(MANAGED_NOTE)>
            <legend>{message("signInLegend")}</legend>
            <p class="wf-muted">
                {message("signInExplained")}
                " "
                <code data-wayfinder-redirect-uri="">{redirect_uri}</code>
            </p>
            <label>
                {message("signInTenant")}
                <input type="text" name="sign-in-tenant" autocomplete="off" spellcheck="false"
                    prop:value=move || tenant.get() on:input=move |ev| tenant.set(event_target_value(&ev)) />
            </label>
            <label>
                {message("signInClientId")}
                <input type="text" name="sign-in-client-id" autocomplete="off" spellcheck="false"
                    prop:value=move || client_id.get() on:input=move |ev| client_id.set(event_target_value(&ev)) />
            </label>
            <div class="wf-onb-actions">
                <button type="button" name="save-sign-in" on:click=save>{message("signInSave")}</button>
                <button type="button" name="remove-sign-in" disabled=move || settings.with(|s| s.sign_in.is_none()) on:click=remove>{message("signInRemove")}</button>
            </div>
            <p class="wf-error" role="alert" hidden=move || problem.with(String::is_empty)>{move || problem.get()}</p>
        </fieldset>
    }
}

/// Reads an exported JSON report: decoded and checked by the core; the error names the field.
async fn read_report(input: web_sys::HtmlInputElement) -> Result<ReportFile, String> {
    let value = files::read_json(input).await?;
    let report: ReportFile = wayfinder_worker::from_js::decode(&value)?;
    report.check()?;
    Ok(report)
}

/// Import of an exported onboarding report: shown with the popup's own tenant view, read-only.
#[component]
fn ReportImport() -> impl IntoView {
    let imported = RwSignal::new(None);
    let problem = RwSignal::new(String::new());
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        spawn_local(async move {
            match read_report(input).await {
                Ok(report) => {
                    problem.set(String::new());
                    imported.set(Some(report.view));
                }
                Err(why) => problem.set(message_with("reportRefused", &[&why])),
            }
        });
    };
    view! {
        <fieldset class="wf-import">
            <legend>{message("reportLegend")}</legend>
            <label>
                {message("reportFileLabel")}
                <input type="file" name="import-report" accept="application/json,.json" on:change=on_file />
            </label>
            <p class="wf-error" role="alert" hidden=move || problem.with(String::is_empty)>{move || problem.get()}</p>
            <div hidden=move || imported.with(Option::is_none)>
                <TenantPanel view=imported hooks=TenantHooks::default() />
            </div>
        </fieldset>
    }
}
