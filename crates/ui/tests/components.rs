//! Leptos components rendered in a real browser (wasm-bindgen-test in headless Chromium).
#![cfg(target_arch = "wasm32")]
// clippy's allow-expect-in-tests does not see #[wasm_bindgen_test] functions as tests.
#![allow(clippy::expect_used)]

mod support;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use wayfinder_core::model::OverlayItem;
use wayfinder_core::plan::plan_for_url;
use wayfinder_core::search::SearchContext;
use wayfinder_core::settings::policy::Policy;
use wayfinder_core::settings::Settings;
use wayfinder_ui::text::{message, message_with};
use wayfinder_ui::{decode_plan, ItemCard, OptionsPage, OverlayPanel, PlanState, WhereIs};

wasm_bindgen_test_configure!(run_in_browser);

const HUNTING: &str = "https://portal.azure.com/#view/Microsoft_Azure_Security_Insights/MainMenuBlade/~/Hunting/id/%2Fsubscriptions%2Fs%2Fresourcegroups%2Frg%2Fproviders%2Fmicrosoft.securityinsightsarg%2Fsentinel%2Fws";

/// A fresh element to mount into, on a page that has the English messages.
fn container() -> web_sys::HtmlElement {
    support::install_english_messages();
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let div = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&div)
        .expect("appended");
    div.dyn_into().expect("an HtmlElement")
}

/// The plan item of the Azure-portal Hunting blade.
fn hunting_hint() -> OverlayItem {
    plan_for_url(HUNTING, None, &Settings::default())
        .items
        .remove(0)
}

/// Mounts one card into a fresh container and returns the container.
fn mount_card(item: OverlayItem) -> web_sys::HtmlElement {
    let root = container();
    leptos::mount::mount_to(
        root.clone(),
        move || view! { <ItemCard item=item.clone() /> },
    )
    .forget();
    root
}

/// Mounts the panel over `state` into a fresh container and returns the container.
fn mount_panel(state: RwSignal<PlanState>) -> web_sys::HtmlElement {
    let root = container();
    leptos::mount::mount_to(root.clone(), move || view! { <OverlayPanel plan=state /> }).forget();
    root
}

/// The first element under `root` matching `selector`; panics naming what is missing.
fn find(root: &web_sys::Element, selector: &str) -> web_sys::Element {
    root.query_selector(selector)
        .expect("a valid selector")
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

#[wasm_bindgen_test]
fn item_card_carries_the_test_contract() {
    let root = mount_card(hunting_hint());
    let card = find(
        &root,
        "[data-wayfinder-kind='hint'][data-wayfinder-id='hunting']",
    );
    let link = find(&card, "a[data-wayfinder-link='defender']");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://security.microsoft.com/sentinel/s/rg/ws/hunting")
    );
    assert!(card
        .text_content()
        .unwrap_or_default()
        .contains("Microsoft Sentinel > Threat management > Hunting"));
}

#[wasm_bindgen_test]
fn portal_strings_are_rendered_as_text_not_html() {
    let mut item = hunting_hint();
    item.title = "<img src=x onerror=alert(1)>".to_string();
    let root = mount_card(item);
    assert!(
        root.query_selector("img").expect("query").is_none(),
        "no element was created from the string"
    );
    assert!(root
        .text_content()
        .unwrap_or_default()
        .contains("<img src=x onerror=alert(1)>"));
}

#[wasm_bindgen_test]
fn panel_shows_cant_read_instead_of_nothing() {
    let state = RwSignal::new(decode_plan(
        serde_wasm_bindgen::to_value(&"not a plan").expect("a value"),
    ));
    assert!(matches!(state.get_untracked(), PlanState::Unreadable(_)));
    let root = mount_panel(state);
    let alert = find(&root, "[role='alert']");
    assert!(alert
        .text_content()
        .unwrap_or_default()
        .starts_with("Can't read this view's plan"));
}

#[wasm_bindgen_test]
async fn panel_collapses_and_expands() {
    let plan = plan_for_url(HUNTING, Some("2026-11-22"), &Settings::default());
    let root = mount_panel(RwSignal::new(PlanState::Ready(Box::new(plan))));
    let toggle: web_sys::HtmlElement = find(&root, ".wf-toggle").dyn_into().expect("a button");
    let body = find(&root, ".wf-panel-body");
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    toggle.click();
    // Leptos applies reactive updates asynchronously; let them run.
    gloo_timers::future::TimeoutFuture::new(0).await;
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(body.has_attribute("hidden"));
    assert_eq!(
        find(&root, ".wf-count").text_content().as_deref(),
        Some("2")
    );
}

/// Mounts the search box over the real catalog search.
fn mount_search() -> web_sys::HtmlElement {
    let root = container();
    leptos::mount::mount_to(root.clone(), move || {
        view! {
            <WhereIs
                open=None
                close=None
                context=Signal::derive(SearchContext::default)
            />
        }
    })
    .forget();
    root
}

async fn type_into(input: &web_sys::HtmlInputElement, text: &str) {
    input.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("input", &init).expect("an event");
    input.dispatch_event(&event).expect("dispatched");
    gloo_timers::future::TimeoutFuture::new(0).await;
}

async fn press(input: &web_sys::HtmlInputElement, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("a key");
    input.dispatch_event(&event).expect("dispatched");
    gloo_timers::future::TimeoutFuture::new(0).await;
}

#[wasm_bindgen_test]
async fn where_is_lists_hits_and_moves_with_the_arrow_keys() {
    let root = mount_search();
    let input: web_sys::HtmlInputElement = find(&root, "#wf-search-input")
        .dyn_into()
        .expect("an input");
    type_into(&input, "hunting").await;
    let first = find(&root, "[role='option']");
    assert_eq!(
        first.get_attribute("data-wayfinder-id").as_deref(),
        Some("hunting")
    );
    assert_eq!(
        first.get_attribute("aria-selected").as_deref(),
        Some("true")
    );
    press(&input, "ArrowDown").await;
    assert_eq!(
        input.get_attribute("aria-activedescendant").as_deref(),
        Some("wf-hit-1")
    );
    press(&input, "ArrowUp").await;
    press(&input, "ArrowUp").await;
    let count = root
        .query_selector_all("[role='option']")
        .expect("query")
        .length();
    assert_eq!(
        input.get_attribute("aria-activedescendant"),
        Some(format!("wf-hit-{}", count - 1)),
        "ArrowUp from the first hit wraps to the last"
    );
    press(&input, "Escape").await;
    assert_eq!(input.value(), "");
    assert!(root
        .query_selector("[role='listbox']")
        .expect("query")
        .is_none());
}

/// A sync view as the worker computes it for an Azure incident page with a hostile workspace
/// name in the evidence.
fn synced_view() -> wayfinder_core::sync::SyncView {
    use wayfinder_core::model::PageFacts;
    use wayfinder_core::sync::{view_for, Now};
    let url = "https://portal.azure.com/#asset/Microsoft_Azure_Security_Insights/Incident/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/ws/providers/Microsoft.SecurityInsights/Incidents/a7d3e1f2-5b6c-4d8e-9f01-23456789abcd";
    let route = wayfinder_core::route::classify(url).expect("an incident URL");
    let mut facts = PageFacts::default();
    facts
        .values
        .insert("incident-number".into(), "Incident number 118".into());
    facts.values.insert(
        "defender-link".into(),
        "https://security.microsoft.com/incidents/3421".into(),
    );
    facts.values.insert("alerts".into(), "150+".into());
    view_for(&route, &facts, Now::default()).expect("a sync view")
}

#[wasm_bindgen_test]
async fn sync_card_shows_state_twin_cap_and_rules() {
    let view = RwSignal::new(None);
    let root = container();
    leptos::mount::mount_to(
        root.clone(),
        move || view! { <wayfinder_ui::SyncCard view=view /> },
    )
    .forget();
    let card = find(&root, "[data-wayfinder-kind=\"sync\"]");
    assert_eq!(
        card.get_attribute("data-wayfinder-state").as_deref(),
        Some("checking")
    );
    view.set(Some(synced_view()));
    gloo_timers::future::TimeoutFuture::new(0).await;
    let card = find(&root, "[data-wayfinder-id=\"incident-sync\"]");
    assert_eq!(
        card.get_attribute("data-wayfinder-state").as_deref(),
        Some("synced")
    );
    let twin = find(&root, "a[data-wayfinder-link=\"defender\"]");
    assert_eq!(
        twin.get_attribute("href").as_deref(),
        Some("https://security.microsoft.com/incidents/3421")
    );
    assert!(find(&root, ".wf-sync-cap")
        .text_content()
        .unwrap_or_default()
        .contains("150"));
    assert_eq!(
        find(&root, ".wf-sync-lag")
            .get_attribute("data-lag")
            .as_deref(),
        Some("unknown")
    );
    assert!(
        root.query_selector_all(".wf-sync-fields li[data-way=\"no\"]")
            .expect("a valid selector")
            .length()
            >= 3
    );
    assert!(find(&root, ".wf-kql")
        .text_content()
        .unwrap_or_default()
        .contains("IncidentName"));
}

#[wasm_bindgen_test]
fn a_missing_message_shows_its_key_and_values_fill_placeholders() {
    support::install_english_messages();
    assert_eq!(message("noSuchMessage"), "noSuchMessage");
    assert_eq!(message("panelHide"), "Hide");
    assert_eq!(
        message_with("syncMapping", &["Status", "Active", "New"]),
        "Status: Defender 'Active' = Sentinel 'New'"
    );
}

/// The options page's count of dismissed items, with `count` of them and the ids `hidden` by the
/// organization's policy.
async fn dismissed_count_text(count: usize, hidden: &[&str]) -> String {
    let policy = Policy::new(
        Settings {
            dismissed: hidden.iter().map(|id| id.to_string()).collect(),
            ..Settings::default()
        },
        vec!["dismissed".to_string()],
    );
    let settings = Settings {
        dismissed: (0..count).map(|i| format!("item-{i}")).collect(),
        ..Settings::default()
    };
    let root = container();
    let save = js_sys::Function::new_no_args("return Promise.resolve()");
    leptos::mount::mount_to(root.clone(), move || {
        view! { <OptionsPage initial=Ok(settings.clone()) policy=(policy.clone(), Vec::new()) save=save.clone() redirect_uri=String::new() download=None government=None /> }
    })
    .forget();
    gloo_timers::future::TimeoutFuture::new(0).await;
    find(&root, ".wf-dismissed-count")
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_dismissed_count_says_none_one_or_how_many() {
    assert_eq!(dismissed_count_text(0, &[]).await, "Nothing dismissed.");
    assert_eq!(dismissed_count_text(1, &[]).await, "1 item dismissed.");
    assert_eq!(dismissed_count_text(3, &[]).await, "3 items dismissed.");
}

#[wasm_bindgen_test]
async fn the_count_adds_what_the_organization_hides() {
    assert_eq!(
        dismissed_count_text(1, &["hunting", "logs"]).await,
        "1 item dismissed. 2 items hidden by your organization."
    );
    assert_eq!(
        dismissed_count_text(0, &["hunting"]).await,
        "Nothing dismissed. 1 item hidden by your organization."
    );
}
