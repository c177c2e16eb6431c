use super::*;
use crate::plan::plan_for_url;
use crate::settings::Settings;
use crate::sync::IncidentSync;

const HUNTING: &str = "https://portal.azure.com/#view/Microsoft_Azure_Security_Insights/MainMenuBlade/~/Hunting/subscriptionId/0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9/resourceGroup/soc-rg/workspaceName/contoso-sentinel";
const INCIDENTS: &str = "https://portal.azure.com/#view/Microsoft_Azure_Security_Insights/MainMenuBlade/~/Incidents/subscriptionId/0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9/resourceGroup/soc-rg/workspaceName/contoso-sentinel";

fn news_of(url: &str) -> Vec<News> {
    plan_news(&plan_for_url(url, Some("2026-12-06"), &Settings::default()))
}

fn sync_view(state: SyncState) -> SyncView {
    SyncView::new(Some(IncidentSync::new(state)), Vec::new())
}

#[test]
fn the_first_visit_to_a_kind_of_page_opens_and_the_second_does_not() {
    let mut seen = Seen::default();
    let prefs = PanelPrefs::default();
    let first = decide(PanelMode::New, false, prefs, &mut seen, &news_of(HUNTING));
    assert!(first.open && first.fresh > 0 && first.changed);
    let again = decide(PanelMode::New, false, prefs, &mut seen, &news_of(HUNTING));
    assert!(!again.open, "nothing new on the second visit");
    assert_eq!((again.fresh, again.changed), (0, false));
    let other = decide(PanelMode::New, false, prefs, &mut seen, &news_of(INCIDENTS));
    assert!(other.open, "another kind of page is news");
}

#[test]
fn a_page_without_items_has_no_news() {
    assert!(news_of("https://portal.azure.com/#home").is_empty());
}

#[test]
fn notices_are_news_when_their_control_is_found() {
    assert!(
        news_of(INCIDENTS)
            .iter()
            .all(|n| !n.key.starts_with("notice:")),
        "planned notices are not news by themselves"
    );
    let mut seen = Seen::default();
    let prefs = PanelPrefs::default();
    let found = found_news(&["incident-tasks".to_string()]);
    assert!(decide(PanelMode::New, false, prefs, &mut seen, &found).open);
    assert!(!decide(PanelMode::New, false, prefs, &mut seen, &found).open);
}

#[test]
fn a_sync_state_opens_when_it_changed_not_when_first_seen() {
    let url = "https://security.microsoft.com/incidents/42?tid=abc#overview";
    let mut seen = Seen::default();
    let prefs = PanelPrefs::default();
    let synced = sync_news(url, &sync_view(SyncState::Synced));
    assert_eq!(
        synced[0].key,
        "sync:https://security.microsoft.com/incidents/42#overview"
    );
    let first = decide(PanelMode::New, false, prefs, &mut seen, &synced);
    assert!(
        !first.open && first.changed,
        "a first sight is remembered, quietly"
    );
    assert!(!decide(PanelMode::New, false, prefs, &mut seen, &synced).open);
    assert!(sync_news(url, &sync_view(SyncState::Checking)).is_empty());
    let changed = sync_news(url, &sync_view(SyncState::CreatedInAzure));
    assert!(decide(PanelMode::New, false, prefs, &mut seen, &changed).open);
    assert!(!decide(PanelMode::New, false, prefs, &mut seen, &changed).open);
}

#[test]
fn the_users_choice_and_the_mode_decide_without_news() {
    let news = news_of(HUNTING);
    let mut seen = Seen::default();
    mark_seen(&mut seen, &news);
    let opened = PanelPrefs::default().with(PanelChoice::Open);
    let collapsed = opened.with(PanelChoice::Collapse);
    let open = |mode, trainer, prefs| decide(mode, trainer, prefs, &mut seen.clone(), &news).open;
    assert!(
        open(PanelMode::New, false, opened),
        "an opened panel stays open"
    );
    assert!(!open(PanelMode::New, false, collapsed));
    assert!(open(PanelMode::Always, false, collapsed));
    assert!(!open(PanelMode::Never, false, PanelPrefs::default()));
    assert!(open(PanelMode::Never, false, opened));
    assert!(
        open(PanelMode::Never, true, collapsed),
        "trainer mode shows the panel"
    );
}

#[test]
fn never_leaves_news_unseen() {
    let news = news_of(HUNTING);
    let mut seen = Seen::default();
    let quiet = decide(
        PanelMode::Never,
        false,
        PanelPrefs::default(),
        &mut seen,
        &news,
    );
    assert!(!quiet.open && !quiet.changed);
    assert!(
        decide(
            PanelMode::New,
            false,
            PanelPrefs::default(),
            &mut seen,
            &news
        )
        .open
    );
}

#[test]
fn the_record_is_bounded_oldest_first() {
    let mut seen = Seen::default();
    for i in 0..MAX_SEEN + 10 {
        mark_seen(&mut seen, &found_news(&[format!("n{i}")]));
    }
    assert_eq!(seen.entries.len(), MAX_SEEN);
    assert_eq!(seen.entries[0].0, "notice:n10");
    assert!(seen.check().is_ok());
    let long = News::unseen("x".repeat(MAX_SEEN_TEXT * 2));
    assert_eq!(long.key.len(), MAX_SEEN_TEXT);
}

#[test]
fn an_oversized_record_fails_its_check() {
    let mut seen = Seen {
        entries: vec![("k".into(), String::new()); MAX_SEEN + 1],
    };
    assert!(seen.check().is_err());
    seen.entries = vec![("k".repeat(MAX_SEEN_TEXT + 1), String::new())];
    assert!(seen.check().is_err());
}

#[test]
fn the_move_button_cycles_the_corners() {
    let mut corner = Corner::default();
    let mut visited = Vec::new();
    for _ in 0..4 {
        visited.push(corner);
        corner = corner.next();
    }
    assert_eq!(corner, Corner::BottomRight);
    visited.sort_by_key(|c| format!("{c:?}"));
    visited.dedup();
    assert_eq!(visited.len(), 4);
}
