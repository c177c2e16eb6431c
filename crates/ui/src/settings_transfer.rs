//! Export and import of the settings on the options page.
//!
//! The file is the core's [`SettingsFile`]: every setting named, checked before anything is
//! stored. A refused file changes nothing, and the message names the field (the decoder's path,
//! or the core's check), so the user can fix the file rather than guess.

use crate::files;
use crate::text::{message, message_with};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;
use wayfinder_core::settings::file::SettingsFile;
use wayfinder_core::settings::Settings;

/// The settings of an imported file (the file's JSON value), checked by the core.
fn settings_of(value: &JsValue) -> Result<Settings, String> {
    let file: SettingsFile = wayfinder_worker::from_js::decode(value)?;
    let stated = js_sys::Reflect::get(value, &"settings".into()).unwrap_or(JsValue::UNDEFINED);
    file.check(|field| js_sys::Reflect::has(&stated, &field.into()).unwrap_or(false))
}

/// "Back up and restore": export the settings as a file, import one (`imported` stores it).
#[component]
pub fn SettingsTransfer(
    settings: RwSignal<Settings>,
    imported: impl Fn(Settings) + Clone + 'static,
    download: Option<js_sys::Function>,
) -> impl IntoView {
    let outcome = RwSignal::new(String::new());
    let problem = RwSignal::new(String::new());
    let export = move |_| {
        let Some(download) = &download else { return };
        let (day, at) = files::now_stamp();
        let file = SettingsFile::new(settings.get_untracked(), at);
        let written = files::json_text(&file).and_then(|text| {
            files::offer(
                download,
                &format!("wayfinder-settings-{day}.json"),
                "application/json",
                text,
            )
        });
        match written {
            Ok(()) => outcome.set(message("transferExported")),
            Err(why) => problem.set(message_with("transferExportFailed", &[&why])),
        }
    };
    let import = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let imported = imported.clone();
        spawn_local(async move {
            let read = files::read_json(input.clone())
                .await
                .and_then(|v| settings_of(&v));
            // Cleared, so choosing the same file again (once fixed) is a change again.
            input.set_value("");
            outcome.set(String::new());
            match read {
                // The page's status says "Settings imported and saved." once it is stored.
                Ok(settings) => {
                    problem.set(String::new());
                    imported(settings);
                }
                Err(why) => problem.set(message_with("transferImportRefused", &[&why])),
            }
        });
    };
    view! {
        <fieldset class="wf-transfer">
            <legend>{message("transferLegend")}</legend>
            <div class="wf-onb-actions">
                <button type="button" name="export-settings" on:click=export>{message("transferExport")}</button>
            </div>
            <label>
                {message("transferImport")}
                <input type="file" name="import-settings" accept="application/json,.json" on:change=import />
            </label>
            <p class="wf-status" role="status" aria-live="polite">{move || outcome.get()}</p>
            <p class="wf-error" role="alert" hidden=move || problem.with(String::is_empty)>{move || problem.get()}</p>
        </fieldset>
    }
}
