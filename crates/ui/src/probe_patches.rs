//! Probe patches on the options page: the patches in force (the organization's and the user's),
//! the import of a patch file, and the removal of the user's own.
//!
//! Why here: when the portal changed and a notice says "can't read this view", the fix that
//! cannot wait for a release is a patch (`wayfinder_core::settings::probe_patch`). The page
//! shows what each patch rests on, so a user can tell a patch from the catalog. An imported file
//! is checked whole by the core; a refused one names its field and changes nothing.

use crate::files;
use crate::text::{message, message_with};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;
use wayfinder_core::settings::probe_patch::{PatchFile, PatchMode, ProbePatch};
use wayfinder_core::settings::Settings;

/// The user's patches after importing a file (its JSON value) over `mine`, checked by the core.
fn imported_over(value: &JsValue, mine: &[ProbePatch]) -> Result<Vec<ProbePatch>, String> {
    let file: PatchFile = wayfinder_worker::from_js::decode(value)?;
    file.imported_over(mine)
}

/// One line of the list: which probe, how, whose, and what it rests on.
fn patch_line(patch: &ProbePatch, organization: bool) -> impl IntoView {
    let mode = match patch.mode {
        PatchMode::Add => message("patchModeAdd"),
        PatchMode::Replace => message("patchModeReplace"),
    };
    let whose = if organization {
        message("patchByOrganization")
    } else {
        message("patchLocal")
    };
    // A stored patch that no longer passes (the catalog changed under it) is not applied.
    let unused = patch
        .check("")
        .err()
        .map(|why| why.trim_start_matches(['.', ':', ' ']).to_string());
    let portal = if patch.portal.is_defender() {
        "defender"
    } else {
        "azure"
    };
    let what = message_with(
        "patchLine",
        &[
            patch.notice.as_str(),
            patch.page.as_str(),
            portal,
            &patch.tiers.len().to_string(),
            &mode,
        ],
    );
    view! {
        <li data-wayfinder-patch=if organization { "organization" } else { "local" } data-wayfinder-id=patch.notice.clone()>
            <span class="wf-check-title">{what}</span>
            " — "
            <span>{whose}</span>
            <p class="wf-muted">{message_with("patchEvidence", &[&patch.evidence])}</p>
            {unused.map(|why| view! { <p class="wf-error" data-wayfinder-patch-unused="">{message_with("patchNotApplied", &[&why])}</p> })}
        </li>
    }
}

/// "Probe patches": the list, the import and the removal. `store` saves the user's patches with
/// the status text to show once they are stored.
#[component]
pub fn ProbePatches(
    settings: RwSignal<Settings>,
    /// The organization's patches (the policy's, checked).
    organization: Vec<ProbePatch>,
    store: impl Fn(Vec<ProbePatch>, String) + Clone + 'static,
) -> impl IntoView {
    let problem = RwSignal::new(String::new());
    let import = {
        let store = store.clone();
        move |ev: leptos::ev::Event| {
            let input: web_sys::HtmlInputElement = event_target(&ev);
            let store = store.clone();
            spawn_local(async move {
                let mine = settings.with_untracked(|s| s.probe_patches.clone());
                let read = files::read_json(input.clone())
                    .await
                    .and_then(|v| imported_over(&v, &mine));
                // Cleared, so choosing the same file again (once fixed) is a change again.
                input.set_value("");
                match read {
                    Ok(patches) => {
                        problem.set(String::new());
                        store(patches, message("patchImported"));
                    }
                    Err(why) => problem.set(message_with("patchRefused", &[&why])),
                }
            });
        }
    };
    let remove = move |_| {
        problem.set(String::new());
        store(Vec::new(), message("patchRemoved"));
    };
    let shown_by_organization = organization.clone();
    let list = move || {
        let mine = settings.with(|s| s.probe_patches.clone());
        let organization = shown_by_organization.clone();
        let lines = organization
            .iter()
            .map(|p| patch_line(p, true).into_any())
            .chain(
                mine.iter()
                    .filter(|m| !organization.iter().any(|p| p.same_probe(m)))
                    .map(|p| patch_line(p, false).into_any()),
            )
            .collect::<Vec<_>>();
        if lines.is_empty() {
            view! { <p class="wf-muted wf-patch-none">{message("patchNone")}</p> }.into_any()
        } else {
            view! { <ul class="wf-check-list wf-patch-list">{lines}</ul> }.into_any()
        }
    };
    view! {
        <fieldset class="wf-patches">
            <legend>{message("patchLegend")}</legend>
            <p class="wf-muted">{message("patchExplained")}</p>
            {list}
            <label>
                {message("patchImport")}
                <input type="file" name="import-probe-patch" accept="application/json,.json" on:change=import />
            </label>
            <div class="wf-onb-actions">
                <button type="button" name="remove-probe-patches"
                    disabled=move || settings.with(|s| s.probe_patches.is_empty()) on:click=remove>
                    {message("patchRemove")}
                </button>
            </div>
            <p class="wf-error" role="alert" hidden=move || problem.with(String::is_empty)>{move || problem.get()}</p>
        </fieldset>
    }
}
