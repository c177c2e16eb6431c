//! The options page: which overlays are on, trainer mode, dismissed items. Saved through the JS
//! shell to chrome.storage.sync.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;
use wayfinder_core::settings::Settings;

/// Reads stored settings; anything unreadable falls back to the defaults (and says so).
pub fn decode_settings(value: JsValue) -> Result<Settings, String> {
    if value.is_undefined() || value.is_null() {
        return Ok(Settings::default());
    }
    wayfinder_worker::from_js::decode(&value)
}

const KINDS: [(&str, &str); 5] = [
    (
        "hints",
        "Portal-location hints: where each Sentinel page lives in the other portal",
    ),
    ("notices", "Missing-feature notices"),
    ("sync", "Incident sync indicators"),
    ("onboarding", "Onboarding status"),
    ("retirement", "Azure-portal retirement reminder"),
];

fn flag<'a>(settings: &'a mut Settings, key: &str) -> Option<&'a mut bool> {
    match key {
        "hints" => Some(&mut settings.hints),
        "notices" => Some(&mut settings.notices),
        "sync" => Some(&mut settings.sync),
        "onboarding" => Some(&mut settings.onboarding),
        "retirement" => Some(&mut settings.retirement),
        "trainer" => Some(&mut settings.trainer),
        _ => None,
    }
}

fn is_on(settings: &Settings, key: &str) -> bool {
    let mut copy = settings.clone();
    flag(&mut copy, key).is_some_and(|f| *f)
}

/// The options form.
#[component]
pub fn OptionsPage(initial: Result<Settings, String>, save: js_sys::Function) -> impl IntoView {
    let load_problem = initial.as_ref().err().cloned();
    let settings = RwSignal::new(initial.unwrap_or_default());
    let status = RwSignal::new(String::new());
    let persist = move || {
        let save = save.clone();
        let value = wayfinder_worker::to_js::encode(&settings.get_untracked());
        spawn_local(async move {
            let outcome = match value {
                Ok(v) => match save.call1(&JsValue::NULL, &v) {
                    Ok(promise) => {
                        wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&promise))
                            .await
                            .map(|_| "Saved.".to_string())
                            .map_err(|e| {
                                format!(
                                    "Not saved: {}",
                                    e.as_string().unwrap_or_else(|| "storage refused".into())
                                )
                            })
                    }
                    Err(_) => Err("Not saved: storage is unavailable.".to_string()),
                },
                Err(e) => Err(format!("Not saved: {e}")),
            };
            status.set(outcome.unwrap_or_else(|e| e));
        });
    };
    view! {
        <main class="wf-options">
            <h1>"SecOps Wayfinder options"</h1>
            {load_problem
                .map(|why| {
                    view! {
                        <p class="wf-error" role="alert">
                            {format!("Your saved settings could not be read ({why}); showing the defaults.")}
                        </p>
                    }
                })}
            <fieldset>
                <legend>"Show on portal pages"</legend>
                {KINDS
                    .into_iter()
                    .map(|(key, label)| {
                        let persist = persist.clone();
                        view! {
                            <label class="wf-check">
                                <input
                                    type="checkbox"
                                    name=key
                                    prop:checked=move || settings.with(|s| is_on(s, key))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        settings.update(|s| {
                                            if let Some(f) = flag(s, key) {
                                                *f = on;
                                            }
                                        });
                                        persist();
                                    }
                                />
                                {label}
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <fieldset>
                <legend>"Training"</legend>
                <label class="wf-check">
                    <input
                        type="checkbox"
                        name="trainer"
                        prop:checked=move || settings.with(|s| s.trainer)
                        on:change={
                            let persist = persist.clone();
                            move |ev| {
                                let on = event_target_checked(&ev);
                                settings.update(|s| s.trainer = on);
                                persist();
                            }
                        }
                    />
                    "Trainer mode: label each Sentinel menu item with its place in the other portal"
                </label>
            </fieldset>
            <fieldset>
                <legend>"Dismissed hints and notices"</legend>
                <p class="wf-dismissed-count">
                    {move || match settings.with(|s| s.dismissed.len()) {
                        0 => "Nothing dismissed.".to_string(),
                        1 => "1 item dismissed.".to_string(),
                        n => format!("{n} items dismissed."),
                    }}
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
                    "Show dismissed items again"
                </button>
            </fieldset>
            <p class="wf-status" role="status" aria-live="polite">{move || status.get()}</p>
        </main>
    }
}
