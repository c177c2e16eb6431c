use super::*;
use crate::arm::fixtures::{body, GET_PREVIEW};
use crate::sync::confirm::read_answer;
use crate::sync::view::ArmNoteState;
use crate::sync::{IncidentSync, SyncState};

const NOW: Now = Now {
    unix: Some(1_795_344_420),
    tz_offset_minutes: 0,
};
const T0: i64 = 1_795_344_420_000;

fn read(resource: &str, page: &str) -> IncidentRead {
    IncidentRead {
        tenant: "home".into(),
        client_id: "c".into(),
        resource: resource.into(),
        url: format!("https://management.azure.com{resource}?api-version=x"),
        page: page.into(),
    }
}

fn page_view() -> SyncView {
    SyncView::new(Some(IncidentSync::new(SyncState::Synced)), Vec::new())
}

fn note(view: &SyncView) -> Option<ArmNoteState> {
    view.incident
        .as_ref()
        .and_then(|i| i.arm.as_ref())
        .map(|n| n.state)
}

fn good() -> ArmIncident {
    let wire = serde_json::from_value(body(GET_PREVIEW)).expect("an incident");
    read_answer(200, None, false, Some(wire), 0)
}

#[test]
fn a_page_is_checking_until_the_answer_then_every_tab_of_it_updates() {
    let mut kept = Confirmations::default();
    kept.page(1, page_view(), Some(read("/a", "https://p/1")));
    kept.page(2, page_view(), Some(read("/a", "https://p/2")));
    kept.page(3, page_view(), Some(read("/b", "https://p/3")));
    let (view, ask) = kept.view(1, NOW, T0).expect("a view");
    assert!(ask, "nothing kept yet: read ARM");
    assert_eq!(note(&view), Some(ArmNoteState::Checking));
    let (updates, retry) = kept.answer("/a", good(), NOW, T0);
    assert_eq!(retry, None);
    let tabs: Vec<(u32, &str)> = updates.iter().map(|u| (u.tab_id, u.url.as_str())).collect();
    assert_eq!(tabs, [(1, "https://p/1"), (2, "https://p/2")]);
    assert!(updates
        .iter()
        .all(|u| note(&u.view) == Some(ArmNoteState::Confirmed)));
    let (_, ask) = kept.view(2, NOW, T0 + KEEP_MS - 1).expect("a view");
    assert!(!ask, "the answer is reused for a minute");
    let (view, ask) = kept.view(2, NOW, T0 + KEEP_MS).expect("a view");
    assert!(ask, "then read again");
    assert_eq!(
        note(&view),
        Some(ArmNoteState::Confirmed),
        "the old answer shows meanwhile"
    );
}

#[test]
fn a_throttled_read_is_tried_again_when_arm_says() {
    let mut kept = Confirmations::default();
    kept.page(1, page_view(), Some(read("/a", "https://p/1")));
    let (updates, retry) = kept.answer("/a", read_answer(429, Some("2"), false, None, 0), NOW, T0);
    assert_eq!(retry, Some(2));
    assert_eq!(note(&updates[0].view), Some(ArmNoteState::Failed));
    assert!(!kept.view(1, NOW, T0 + 1_999).expect("a view").1);
    assert!(kept.view(1, NOW, T0 + 2_000).expect("a view").1);
}

#[test]
fn a_tab_that_left_the_page_gets_nothing_and_the_maps_stay_bounded() {
    let mut kept = Confirmations::default();
    kept.page(1, page_view(), Some(read("/a", "https://p/1")));
    kept.page(1, page_view(), None);
    assert!(kept.view(1, NOW, T0).is_none());
    assert!(!kept.shown("/a"));
    assert!(kept.answer("/a", good(), NOW, T0).0.is_empty());
    let no_incident = SyncView::new(None, Vec::new());
    kept.page(2, no_incident, Some(read("/a", "https://p/2")));
    assert!(
        kept.view(2, NOW, T0).is_none(),
        "a queue has no incident to confirm"
    );
    for n in 0..(MAX_TABS as u32 + 10) {
        kept.page(n, page_view(), Some(read("/a", "https://p")));
    }
    assert_eq!(kept.tabs.len(), MAX_TABS);
    for n in 0..(MAX_ANSWERS + 10) {
        kept.answer(&format!("/r{n}"), good(), NOW, T0 + n as i64);
    }
    assert_eq!(kept.answers.len(), MAX_ANSWERS);
    assert!(
        !kept.answers.iter().any(|a| a.resource == "/r0"),
        "the oldest answer went first"
    );
}
