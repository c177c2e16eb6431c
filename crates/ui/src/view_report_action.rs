//! The page check's "Save a report of this view": the tab's content script walks its document,
//! the core turns the walk into a sanitized view report (`wayfinder_core::view_report`), and the
//! user reads what it holds before the file is written. Nothing is sent anywhere.
//!
//! Why in the popup: the report is what a customer hands us when a probe stops finding a control
//! after a portal change, so it has to be made where the customer is, on their page; and it is
//! made only when asked, so a portal tab never pays for it.

use crate::files::{json_text, now_stamp, offer};
use crate::text::{message, message_with};
use crate::PlanState;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;
use wayfinder_core::model::Frame;
use wayfinder_core::view_report::{frame_of, report, Record, ReportContext, ReportError};
use wayfinder_worker::from_js::decode;

/// Where the action stands.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    /// Nothing asked yet (or the last report was saved or dropped).
    Idle,
    /// The content script is walking its document.
    Reading,
    /// A report, shown before it is saved.
    Ready {
        /// The file's name.
        name: String,
        /// The file's text.
        text: String,
        /// What it holds, in words.
        holds: String,
        /// Which of the page's words it keeps.
        words: String,
    },
    /// Why there is no report.
    Failed(String),
}

/// A value of the walk's answer.
fn field(value: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// The report of the tab's view, or why there is none.
async fn make(read_view: js_sys::Function, plan: RwSignal<PlanState>) -> Step {
    let (page, patched) = plan.with_untracked(|state| match state {
        PlanState::Ready(p) => (
            (p.page.portal, p.page.feature.clone()),
            p.items
                .iter()
                .filter(|i| i.patched.is_some())
                .map(|i| i.id.clone())
                .collect(),
        ),
        _ => ((None, None), Vec::new()),
    });
    let Some(frame) = page.1.as_deref().and_then(|id| frame_of(page.0, id)) else {
        return Step::Failed(message("viewReportNoPage"));
    };
    let frame_name = match frame {
        Frame::Top => "top",
        Frame::Blade => "blade",
    };
    let walked = match read_view.call1(&JsValue::NULL, &JsValue::from_str(frame_name)) {
        Ok(promise) => wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&promise))
            .await
            .unwrap_or(JsValue::NULL),
        Err(_) => JsValue::NULL,
    };
    let records: Vec<Record> = js_sys::Array::from(&field(&walked, "records"))
        .iter()
        .filter_map(|record| decode::<Record>(&record).ok())
        .collect();
    let (saved_on, _) = now_stamp();
    let context = ReportContext {
        portal: page.0,
        page: page.1,
        frame,
        lang: field(&walked, "lang").as_string().unwrap_or_default(),
        origin: field(&walked, "origin").as_string().unwrap_or_default(),
        user_agent: web_sys::window()
            .and_then(|w| w.navigator().user_agent().ok())
            .unwrap_or_default(),
        version: field(&walked, "version").as_string().unwrap_or_default(),
        saved_on: saved_on.clone(),
        health: crate::health_signal().get_untracked(),
        truncated: field(&walked, "truncated").as_bool().unwrap_or(false),
        patched,
    };
    let report = match report(&records, &context) {
        Ok(report) => report,
        Err(ReportError::NotAPortalPage) => return Step::Failed(message("viewReportNoPage")),
        Err(ReportError::NoView) => return Step::Failed(message("viewReportUnreadable")),
    };
    let text = match json_text(&report) {
        Ok(text) => text,
        Err(why) => return Step::Failed(why),
    };
    let summary = report.summary();
    let words = if summary.words.is_empty() {
        message("viewReportNoWords")
    } else {
        summary.words.join(", ")
    };
    Step::Ready {
        name: format!("wayfinder-view-{}-{saved_on}.json", report.page),
        holds: message_with(
            "viewReportHolds",
            &[&summary.elements.to_string(), &summary.replaced.to_string()],
        ),
        words: message_with("viewReportWords", &[&words]),
        text,
    }
}

/// The action and, once asked, the report to read before saving it.
#[component]
pub fn SaveViewReport(
    plan: RwSignal<PlanState>,
    read_view: js_sys::Function,
    download: Option<js_sys::Function>,
) -> impl IntoView {
    let step = RwSignal::new(Step::Idle);
    let status = RwSignal::new(String::new());
    let on_make = move |_| {
        let read_view = read_view.clone();
        step.set(Step::Reading);
        status.set(String::new());
        spawn_local(async move { step.set(make(read_view, plan).await) });
    };
    let on_save = move |_| {
        let Step::Ready { name, text, .. } = step.get_untracked() else {
            return;
        };
        let saved = match &download {
            Some(download) => offer(download, &name, "application/json", text),
            None => Err(message("downloadRefused")),
        };
        match saved {
            Ok(()) => {
                step.set(Step::Idle);
                status.set(message_with("viewReportSaved", &[&name]));
            }
            Err(why) => status.set(why),
        }
    };
    view! {
        <div class="wf-view-report">
            <button type="button" class="wf-linklike" name="view-report"
                disabled=move || step.with(|s| *s == Step::Reading) on:click=on_make>
                {message("viewReportMake")}
            </button>
            {move || match step.get() {
                Step::Idle => ().into_any(),
                Step::Reading => view! { <p class="wf-muted">{message("viewReportReading")}</p> }.into_any(),
                Step::Failed(why) => view! { <p class="wf-error" role="alert">{why}</p> }.into_any(),
                Step::Ready { holds, words, text, .. } => {
                    let on_save = on_save.clone();
                    view! {
                    <section class="wf-report-review" aria-label=message("viewReportReview")>
                        <p>{holds}</p>
                        <p>{words}</p>
                        <p class="wf-muted">{message("viewReportCheck")}</p>
                        <pre class="wf-report-preview" tabindex="0" aria-label=message("viewReportContents")>{text}</pre>
                        <div class="wf-popup-links">
                            <button type="button" class="wf-button" name="view-report-save" on:click=on_save>
                                {message("viewReportSave")}
                            </button>
                            <button type="button" class="wf-linklike" name="view-report-cancel"
                                on:click=move |_| step.set(Step::Idle)>
                                {message("viewReportCancel")}
                            </button>
                        </div>
                    </section>
                }.into_any()
                }
            }}
            <p class="wf-status" role="status" aria-live="polite">{move || status.get()}</p>
        </div>
    }
}
