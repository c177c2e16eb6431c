//! One tenant's onboarding status: the connection with its confidence and evidence, the
//! workspaces, the readiness checklist (each failing check with its fix and documentation), what
//! could not be read, and the Azure Resource Manager side. Shown live in the popup (with sign-in
//! and export) and, from an imported report, read-only in options: the same component, so an
//! imported report looks exactly like the view it was exported from.

use crate::files;
use crate::settings_store::settle;
use crate::text::{message, message_with};
use crate::words;
use crate::PlanState;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;
use wayfinder_core::model::Cloud;
use wayfinder_core::onboarding::report::{self, ReportFile};
use wayfinder_core::onboarding::view::{
    ArmStatus, CheckResult, CheckState, Overall, WorkspaceView,
};
use wayfinder_core::onboarding::TenantView;

/// The functions the page's JS shell provides; without them the panel is read-only.
#[derive(Clone, Default)]
pub struct TenantHooks {
    /// `onboarding(op)` with `op` `read` or `sign-out`: resolves to a message when refused.
    pub onboarding: Option<js_sys::Function>,
    /// `download(filename, mimeType, text)`.
    pub download: Option<js_sys::Function>,
}

/// The test contract's `data-wayfinder-state` for a check.
fn check_attr(state: CheckState) -> &'static str {
    match state {
        CheckState::Pass => "pass",
        CheckState::Fail => "fail",
        CheckState::Warn => "warn",
        CheckState::Unknown => "unknown",
    }
}

fn overall_attr(overall: Overall) -> &'static str {
    match overall {
        Overall::Connected => "connected",
        Overall::NotConnected => "not-connected",
        Overall::Unknown => "unknown",
    }
}

fn arm_attr(status: &ArmStatus) -> &'static str {
    match status {
        ArmStatus::NotConfigured => "not-configured",
        ArmStatus::SignedOut => "signed-out",
        ArmStatus::Expired => "expired",
        ArmStatus::Reading => "reading",
        ArmStatus::Read { .. } => "read",
        ArmStatus::Failed { .. } => "failed",
    }
}

/// `2026-11-23 14:05 UTC` for a time in ms since the epoch.
fn utc_minutes(at_ms: i64) -> String {
    let iso = String::from(js_sys::Date::new(&JsValue::from_f64(at_ms as f64)).to_iso_string());
    format!(
        "{} UTC",
        iso.get(..16).unwrap_or_default().replace('T', " ")
    )
}

fn arm_line(status: &ArmStatus) -> String {
    match status {
        ArmStatus::Read { at_ms, .. } => {
            let last_read = message_with("armLastRead", &[&utc_minutes(*at_ms)]);
            format!("{} {last_read}", status.sentence())
        }
        _ => status.sentence(),
    }
}

fn workspace_row(w: WorkspaceView) -> impl IntoView {
    let connection = format!(
        "{} {}",
        words::connection(w.connection.value),
        message_with("confidence", &[&words::confidence(w.connection.confidence)])
    );
    let facts = message_with(
        "workspaceFacts",
        &[
            &words::tri(w.sentinel.value),
            &words::tri(w.xdr_connector.value),
        ],
    );
    let name = w.name;
    let attr = name.clone();
    view! {
        <li data-wayfinder-workspace=attr>
            <strong>{name}</strong>
            " — "
            <span class="wf-onb-connection">{connection}</span>
            <p class="wf-muted">{facts}</p>
            <p class="wf-muted">{w.connection.evidence.join(" ")}</p>
        </li>
    }
}

fn check_row(c: CheckResult) -> impl IntoView {
    let passing = c.state == CheckState::Pass;
    view! {
        <li class="wf-onb-check" data-wayfinder-check=c.id data-wayfinder-state=check_attr(c.state)>
            <span class="wf-onb-check-state">{words::check_state(c.state)}</span>
            " "
            <strong>{c.title}</strong>
            <p>{c.detail}</p>
            {(!c.items.is_empty()).then(|| view! {
                <ul class="wf-onb-items">{c.items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
            })}
            {c.fix.filter(|_| !passing).map(|fix| view! { <p class="wf-onb-fix">{message_with("checkFix", &[&fix])}</p> })}
            <a class="wf-link" href=c.doc target="_blank" rel="noopener noreferrer">{message("documentation")}</a>
        </li>
    }
}

/// Hands a report file to the shell's `download`.
fn export(download: &js_sys::Function, view: &TenantView, markdown: bool) -> Result<(), String> {
    let (day, exported_at) = files::now_stamp();
    let file = ReportFile::new(view.clone(), exported_at);
    let (name, mime, text) = if markdown {
        ("md", "text/markdown", report::markdown(&file))
    } else {
        ("json", "application/json", files::json_text(&file)?)
    };
    let filename = format!("wayfinder-onboarding-{}-{day}.{name}", view.tenant);
    files::offer(download, &filename, mime, text)
}

/// The onboarding status of one tenant.
#[component]
pub fn TenantPanel(view: RwSignal<Option<TenantView>>, hooks: TenantHooks) -> impl IntoView {
    let busy = RwSignal::new(false);
    let status_line = RwSignal::new(String::new());
    let ask = {
        let hook = hooks.onboarding.clone();
        move |op: &'static str| {
            let Some(hook) = hook.clone() else { return };
            busy.set(true);
            status_line.set(String::new());
            // Called inside the click: the shell's permission request needs the user's gesture.
            let called = hook.call1(&JsValue::NULL, &op.into());
            spawn_local(async move {
                match settle(called).await {
                    Ok(answer) => status_line.set(answer.as_string().unwrap_or_default()),
                    Err(why) => status_line.set(why),
                }
                busy.set(false);
            });
        }
    };
    let live = hooks.onboarding.is_some();
    let download = hooks.download.clone();
    view! {
        <section class="wf-onb" aria-label=message("onboardingStatus")>
            <h2 class="wf-section-title">{message("onboardingStatus")}</h2>
            {move || match view.get() {
                None => view! { <p class="wf-muted" data-wayfinder-tenant-view="none">{message("tenantUnknown")}</p> }.into_any(),
                Some(v) => {
                    let ask = ask.clone();
                    let ask_out = ask.clone();
                    let download = download.clone();
                    let status = v.arm.clone();
                    // Sign-in reaches the commercial cloud's Entra ID and Azure Resource Manager
                    // only: a tab of a US Government cloud (the popup's plan; none in options) is
                    // told so instead of being offered a sign-in that cannot find its tenant.
                    let government = crate::plan_signal().with(|plan| {
                        matches!(plan, PlanState::Ready(p) if p.page.cloud != Cloud::Commercial)
                    });
                    let can_read = live && !government && status != ArmStatus::NotConfigured;
                    let signed_in = matches!(status, ArmStatus::Read { .. } | ArmStatus::Failed { .. });
                    let read_label = if signed_in { message("tenantReadAgain") } else { message("tenantSignInAndRead") };
                    let export_view = v.clone();
                    view! {
                        <div data-wayfinder-tenant-view=v.tenant.clone()>
                            <p class="wf-onb-overall" data-wayfinder-state=overall_attr(v.overall.value)>
                                <strong>{v.chip.label.clone()}</strong>
                                " "
                                {message_with("confidence", &[&words::confidence(v.overall.confidence)])}
                            </p>
                            <ul class="wf-onb-evidence">{v.overall.evidence.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
                            <p class="wf-onb-arm" data-wayfinder-arm=arm_attr(&status)>{arm_line(&status)}</p>
                            {government.then(|| view! { <p class="wf-muted" data-wayfinder-cloud="government">{message("tenantGovernmentCloud")}</p> })}
                            {can_read.then(|| view! {
                                <div class="wf-onb-actions">
                                    <button type="button" name="onboarding-read" disabled=move || busy.get() on:click=move |_| ask("read")>{read_label}</button>
                                    {signed_in.then(|| view! {
                                        <button type="button" name="onboarding-sign-out" disabled=move || busy.get() on:click=move |_| ask_out("sign-out")>{message("tenantSignOut")}</button>
                                    })}
                                </div>
                            })}
                            <p class="wf-status" role="status" aria-live="polite">{move || status_line.get()}</p>
                            {(!v.workspaces.is_empty()).then(|| view! {
                                <h3>{message("tenantWorkspaces")}</h3>
                                <ul class="wf-onb-workspaces">{v.workspaces.into_iter().map(workspace_row).collect_view()}</ul>
                            })}
                            <h3>{message("tenantChecks")}</h3>
                            <ul class="wf-onb-checks">{v.checks.into_iter().map(check_row).collect_view()}</ul>
                            {(!v.problems.is_empty()).then(|| view! {
                                <h3>{message("tenantProblems")}</h3>
                                <ul class="wf-onb-problems">{v.problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                            })}
                            {download.map(|d| {
                                let md_view = export_view.clone();
                                let d2 = d.clone();
                                view! {
                                    <div class="wf-onb-actions">
                                        <button type="button" name="export-markdown" on:click=move |_| {
                                            if let Err(why) = export(&d, &md_view, true) { status_line.set(why) }
                                        }>{message("tenantExportMarkdown")}</button>
                                        <button type="button" name="export-json" on:click=move |_| {
                                            if let Err(why) = export(&d2, &export_view, false) { status_line.set(why) }
                                        }>{message("tenantExportJson")}</button>
                                    </div>
                                }
                            })}
                        </div>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}
