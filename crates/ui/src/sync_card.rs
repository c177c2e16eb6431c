//! The incident sync card of the overlay panel: state, evidence, the twin link, lag, the alert
//! cap, the verify query and the field-by-field rules.
//!
//! Everything shown comes from the core's [`IncidentSync`] (observed facts or "unknown — why");
//! this component only lays it out. Portal-derived strings (workspace names) are text.

use crate::item_card::link_list;
use crate::text::{message, message_with};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;
use wayfinder_core::sync::spec::{Way, FIELDS, MAPPINGS, RULES_SOURCE};
use wayfinder_core::sync::view::{LagState, Verify};
use wayfinder_core::sync::{ArmNoteState, IncidentSync, SyncState, SyncView};

fn state_attr(state: SyncState) -> &'static str {
    match state {
        SyncState::Checking => "checking",
        SyncState::Synced => "synced",
        SyncState::SentinelOnly => "sentinel-only",
        SyncState::CreatedInAzure => "created-in-azure",
        SyncState::DefenderOnly => "defender-only",
        SyncState::Unknown => "unknown",
    }
}

fn lag_attr(state: LagState) -> &'static str {
    match state {
        LagState::Pending => "pending",
        LagState::Batching => "batching",
        LagState::Settled => "settled",
        LagState::Unknown => "unknown",
    }
}

fn arm_attr(state: ArmNoteState) -> &'static str {
    match state {
        ArmNoteState::Checking => "checking",
        ArmNoteState::Confirmed => "confirmed",
        ArmNoteState::Decided => "decided",
        ArmNoteState::Corrected => "corrected",
        ArmNoteState::Failed => "failed",
    }
}

fn way_attr(way: Way) -> &'static str {
    match way {
        Way::AsIs => "as-is",
        Way::Mapped => "mapped",
        Way::No => "no",
    }
}

fn way_text(way: Way) -> String {
    match way {
        Way::AsIs => message("waySyncs"),
        Way::Mapped => message("wayMapped"),
        Way::No => message("wayNo"),
    }
}

/// Copies `text` with the async Clipboard API; the iframe is allowed `clipboard-write`.
async fn copy_to_clipboard(text: String) -> Result<(), String> {
    let window = web_sys::window().ok_or_else(|| message("browserRefused"))?;
    let promise = window.navigator().clipboard().write_text(&text);
    JsFuture::from(promise).await.map(|_| ()).map_err(|e| {
        // A DOMException: its message says why (focus, permission policy).
        js_sys::Reflect::get(&e, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_else(|| message("browserRefused"))
    })
}

#[component]
fn VerifyQuery(verify: Verify) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let kql = verify.kql.clone();
    view! {
        <div class="wf-sync-verify">
            <button
                class="wf-button"
                type="button"
                name="copy-verify-query"
                on:click=move |_| {
                    let kql = kql.clone();
                    spawn_local(async move {
                        status.set(match copy_to_clipboard(kql).await {
                            Ok(()) => message("syncCopied"),
                            Err(why) => message_with("syncCopyFailed", &[&why]),
                        });
                    });
                }
            >
                {message("syncCopyQuery")}
            </button>
            <span class="wf-sync-copied" role="status">{move || status.get()}</span>
            <details class="wf-sync-details">
                <summary>{message("syncShowQuery")}</summary>
                <pre class="wf-kql">{verify.kql}</pre>
                <p class="wf-muted-line">{verify.note}</p>
            </details>
        </div>
    }
}

/// The documented rules (catalog statics): one line per field, then the value mappings.
fn rules() -> impl IntoView {
    let (source, date) = RULES_SOURCE;
    view! {
        <details class="wf-sync-details wf-sync-rules">
            <summary>{message("syncRules")}</summary>
            <ul class="wf-sync-fields">
                {FIELDS
                    .iter()
                    .map(|f| {
                        let note = if f.note.is_empty() { String::new() } else { format!(" {}", f.note) };
                        view! { <li data-way=way_attr(f.way)>{format!("{}: {}.{note}", f.field, way_text(f.way))}</li> }
                    })
                    .collect_view()}
            </ul>
            <ul class="wf-sync-mappings">
                {MAPPINGS
                    .iter()
                    .map(|m| view! { <li>{message_with("syncMapping", &[m.field, m.defender, m.sentinel])}</li> })
                    .collect_view()}
            </ul>
            <p class="wf-muted-line">{message_with("syncRulesSource", &[date, source])}</p>
        </details>
    }
}

fn incident_card(incident: IncidentSync) -> impl IntoView {
    let twin = match (incident.twin, incident.twin_note) {
        (Some(link), _) => view! { <div class="wf-links">{link_list(vec![link])}</div> }.into_any(),
        (None, Some(note)) => view! { <p class="wf-sync-twin-note">{note}</p> }.into_any(),
        (None, None) => ().into_any(),
    };
    let lag = incident.lag.map(|lag| {
        view! { <p class="wf-sync-lag" data-lag=lag_attr(lag.state)>{lag.text}</p> }
    });
    let cap = incident
        .cap
        .map(|cap| view! { <p class="wf-sync-cap" role="note">{cap}</p> });
    let verify = incident.verify.map(|v| view! { <VerifyQuery verify=v /> });
    // What Azure Resource Manager said, under the headline: it confirms or corrects the page.
    let arm = incident.arm.map(|note| {
        view! { <p class="wf-sync-arm" data-arm=arm_attr(note.state) role="status">{note.text}</p> }
    });
    view! {
        <article
            class="wf-item wf-item-sync"
            data-wayfinder-kind="sync"
            data-wayfinder-id="incident-sync"
            data-wayfinder-state=state_attr(incident.state)
        >
            <h2 class="wf-title">{incident.headline}</h2>
            {arm}
            <ul class="wf-sync-evidence">
                {incident.evidence.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}
            </ul>
            {twin}
            {lag}
            {cap}
            {verify}
            {rules()}
        </article>
    }
}

/// The sync card of an incident page: "checking" until the tab's sync view arrives.
#[component]
pub fn SyncCard(view: RwSignal<Option<SyncView>>) -> impl IntoView {
    move || {
        view.with(|view| match view {
        Some(SyncView {
            incident: Some(incident),
            ..
        }) => incident_card(incident.clone()).into_any(),
        _ => view! {
            <article class="wf-item wf-item-sync" data-wayfinder-kind="sync" data-wayfinder-id="incident-sync" data-wayfinder-state="checking">
                <h2 class="wf-title">{message("syncChecking")}</h2>
            </article>
        }
        .into_any(),
    })
    }
}
