//! Sender checks: which request each sender may make, and what the worker is told to do.

use super::*;
use crate::attention::PanelChoice;
use crate::model::{PageFacts, MAX_TIERS};

const EXT: &str = "chrome-extension://abcdefghijklmnopabcdefghijklmnop";
const HUNTING: &str =
    "https://portal.azure.com/#view/Microsoft_Azure_Security_Insights/MainMenuBlade/~/Hunting/id/x";

fn decode(json: &str) -> Result<Request, serde_json::Error> {
    serde_json::from_str(json)
}

fn top_frame(url: &str) -> Sender {
    Sender {
        same_extension: true,
        url: Some(url.into()),
        tab_id: Some(7),
        frame_id: Some(0),
        extension_origin: EXT.into(),
    }
}

#[test]
fn page_changed_from_portal_top_frame_stores_the_plan() {
    let action = decide(
        Request::PageChanged {
            url: HUNTING.into(),
        },
        &top_frame(HUNTING),
        &Settings::default(),
        &Clock::default(),
    );
    let Action::StorePlan { tab_id, plan, .. } = action else {
        panic!("expected a plan, got {action:?}")
    };
    assert_eq!(tab_id, 7);
    assert!(plan.items.iter().any(|i| i.id == "hunting"));
}

#[test]
fn page_changed_is_refused_from_the_wrong_sender() {
    let req = || Request::PageChanged {
        url: HUNTING.into(),
    };
    let cases = [
        Sender {
            same_extension: false,
            ..top_frame(HUNTING)
        },
        Sender {
            frame_id: Some(3),
            ..top_frame(HUNTING)
        },
        Sender {
            tab_id: None,
            ..top_frame(HUNTING)
        },
        top_frame("https://example.com/"),
        top_frame("https://sandbox-1.reactblade.portal.azure.net/x"),
        top_frame("https://security.microsoft.com/"),
    ];
    for sender in cases {
        assert!(
            matches!(
                decide(req(), &sender, &Settings::default(), &Clock::default()),
                Action::Reject { .. }
            ),
            "{sender:?}"
        );
    }
}

#[test]
fn overly_long_urls_are_refused() {
    let url = format!("{HUNTING}{}", "a".repeat(MAX_URL_LEN));
    assert!(matches!(
        decide(
            Request::PageChanged { url: url.clone() },
            &top_frame(&url),
            &Settings::default(),
            &Clock::default()
        ),
        Action::Reject { .. }
    ));
}

#[test]
fn overlay_ready_only_from_our_own_page_in_a_tab() {
    let ours = Sender {
        url: Some(format!("{EXT}/overlay.html")),
        frame_id: Some(2),
        ..top_frame(HUNTING)
    };
    let ready = || Request::OverlayReady {
        key: "0f8e2c4a-6b1d-4e3f-9a5c-7d2b1e0f3a4c".into(),
    };
    assert_eq!(
        decide(ready(), &ours, &Settings::default(), &Clock::default()),
        Action::ReplyTab {
            tab_id: 7,
            key: "0f8e2c4a-6b1d-4e3f-9a5c-7d2b1e0f3a4c".into()
        }
    );
    let page = top_frame(HUNTING);
    assert!(matches!(
        decide(ready(), &page, &Settings::default(), &Clock::default()),
        Action::Reject { .. }
    ));
}

fn blade_frame() -> Sender {
    Sender {
        url: Some("https://sandbox-1.reactblade.portal.azure.net/blade?x=1".into()),
        frame_id: Some(5),
        ..top_frame(HUNTING)
    }
}

#[test]
fn frame_ready_only_from_a_blade_frame() {
    assert_eq!(
        decide(
            Request::FrameReady,
            &blade_frame(),
            &Settings::default(),
            &Clock::default()
        ),
        Action::ReplyAnchors { tab_id: 7 }
    );
    for sender in [
        top_frame(HUNTING),
        Sender {
            frame_id: Some(0),
            ..blade_frame()
        },
        Sender {
            url: Some("https://evil.example/".into()),
            ..blade_frame()
        },
        Sender {
            tab_id: None,
            ..blade_frame()
        },
    ] {
        assert!(
            matches!(
                decide(
                    Request::FrameReady,
                    &sender,
                    &Settings::default(),
                    &Clock::default()
                ),
                Action::Reject { .. }
            ),
            "{sender:?}"
        );
    }
}

#[test]
fn probe_reports_are_stored_per_frame_kind_and_checked() {
    let found = |id: &str, tier: usize| format!("{id}:{tier}");
    let report = || Request::ProbeReport {
        found: vec![found("incident-tasks", 3)],
        missing: vec!["similar-incidents".into()],
    };
    let Action::StoreHealth {
        tab_id,
        frame,
        report: stored,
        news,
    } = decide(
        report(),
        &top_frame(HUNTING),
        &Settings::default(),
        &Clock::default(),
    )
    else {
        panic!("expected health")
    };
    assert_eq!((tab_id, frame), (7, Frame::Top));
    assert_eq!(stored.missing, vec!["similar-incidents".to_string()]);
    assert_eq!(stored.found, vec![found("incident-tasks", 3)]);
    // The news is the notice, whichever tier found it.
    assert_eq!(news, attention::found_news(&["incident-tasks".to_string()]));
    assert!(matches!(
        decide(
            report(),
            &blade_frame(),
            &Settings::default(),
            &Clock::default()
        ),
        Action::StoreHealth {
            frame: Frame::Blade,
            ..
        }
    ));
    let hostile = Request::ProbeReport {
        found: vec![found("<img src=x>", 0)],
        missing: vec![],
    };
    assert!(matches!(
        decide(
            hostile,
            &top_frame(HUNTING),
            &Settings::default(),
            &Clock::default()
        ),
        Action::Reject { .. }
    ));
    // A tier index no probe can have.
    let past_the_tiers = Request::ProbeReport {
        found: vec![found("incident-tasks", MAX_TIERS)],
        missing: vec![],
    };
    assert!(matches!(
        decide(
            past_the_tiers,
            &top_frame(HUNTING),
            &Settings::default(),
            &Clock::default()
        ),
        Action::Reject { .. }
    ));
    let flood = Request::ProbeReport {
        found: vec![found("a", 0); MAX_REPORT_IDS + 1],
        missing: vec![],
    };
    assert!(matches!(
        decide(
            flood,
            &top_frame(HUNTING),
            &Settings::default(),
            &Clock::default()
        ),
        Action::Reject { .. }
    ));
    let from_page = Sender {
        url: Some("https://example.com/".into()),
        ..top_frame(HUNTING)
    };
    assert!(matches!(
        decide(
            report(),
            &from_page,
            &Settings::default(),
            &Clock::default()
        ),
        Action::Reject { .. }
    ));
}

const AZURE_INCIDENT: &str = "https://portal.azure.com/#asset/Microsoft_Azure_Security_Insights/Incident/subscriptions/0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9/resourceGroups/soc-rg/providers/Microsoft.OperationalInsights/workspaces/contoso-sentinel/providers/Microsoft.SecurityInsights/Incidents/a7d3e1f2-5b6c-4d8e-9f01-23456789abcd";

/// Readings of the page at `url` (the route whose plan asked for them).
fn facts_request(url: &str, values: &[(&str, &str)]) -> Request {
    Request::PageFacts {
        url: url.to_string(),
        facts: PageFacts {
            values: values
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            rows: Vec::new(),
            settled: true,
            ambiguous: Vec::new(),
        },
    }
}

/// The readings of Azure incident 118 (synced with Defender incident 3421), and a clock on the
/// day the demo shows it.
fn synced_incident_readings() -> (Request, Clock) {
    let request = facts_request(
        AZURE_INCIDENT,
        &[
            ("incident-number", "Incident number 118"),
            (
                "defender-link",
                "https://security.microsoft.com/incidents/3421",
            ),
        ],
    );
    let clock = Clock {
        now_ms: Some(1_795_344_420_000),
        ..Clock::default()
    };
    (request, clock)
}

#[test]
fn page_facts_from_an_incident_page_give_its_sync_view() {
    let (request, clock) = synced_incident_readings();
    let action = decide(
        request,
        &top_frame(AZURE_INCIDENT),
        &Settings::default(),
        &clock,
    );
    let Action::StoreSync { tab_id, view, .. } = action else {
        panic!("expected a sync view, got {action:?}")
    };
    assert_eq!(tab_id, 7);
    assert_eq!(
        view.incident.map(|i| i.state),
        Some(crate::sync::SyncState::Synced)
    );
}

#[test]
fn an_incident_page_asks_for_the_arm_read_only_with_a_sign_in_set_up() {
    let arm_of = |settings: &Settings, loaded_as: &str| {
        let (request, clock) = synced_incident_readings();
        match decide(request, &top_frame(loaded_as), settings, &clock) {
            Action::StoreSync { arm, .. } => arm,
            other => panic!("expected a sync view, got {other:?}"),
        }
    };
    assert_eq!(
        arm_of(&Settings::default(), AZURE_INCIDENT),
        None,
        "no app registration"
    );
    let read = arm_of(&signed_settings(), AZURE_INCIDENT).expect("a read");
    assert_eq!(read.tenant, "home");
    assert_eq!(read.client_id, "2c4f6a8b-1d3e-4f50-9a7b-8c9d0e1f2a3b");
    assert!(read.url.starts_with(
        "https://management.azure.com/subscriptions/0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9/"
    ));
    let other_tenant =
        AZURE_INCIDENT.replace("#asset", "#@9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4/asset");
    assert_eq!(
        arm_of(&signed_settings(), &other_tenant),
        None,
        "the page moved to another tenant than it was loaded for"
    );
    let off = Settings {
        onboarding: false,
        ..signed_settings()
    };
    assert_eq!(
        arm_of(&off, AZURE_INCIDENT),
        None,
        "onboarding status is off"
    );
}

#[test]
fn page_facts_are_refused_from_frames_other_pages_and_when_off() {
    let request = |url| facts_request(url, &[("alerts", "1")]);
    let none = &Clock::default();
    assert!(matches!(
        decide(
            request(AZURE_INCIDENT),
            &blade_frame(),
            &Settings::default(),
            none
        ),
        Action::Reject { .. }
    ));
    assert!(matches!(
        decide(
            request(HUNTING),
            &top_frame(HUNTING),
            &Settings::default(),
            none
        ),
        Action::Reject { .. }
    ));
    // A page may speak only for pages of its own portal.
    let defender_incident = "https://security.microsoft.com/incidents/3421";
    assert!(matches!(
        decide(
            request(defender_incident),
            &top_frame(AZURE_INCIDENT),
            &Settings::default(),
            none
        ),
        Action::Reject { .. }
    ));
    let off = Settings {
        sync: false,
        ..Settings::default()
    };
    assert!(matches!(
        decide(
            request(AZURE_INCIDENT),
            &top_frame(AZURE_INCIDENT),
            &off,
            none
        ),
        Action::Reject { .. }
    ));
    let flood = facts_request(AZURE_INCIDENT, &[("alerts", &"9".repeat(10_000))]);
    assert!(matches!(
        decide(
            flood,
            &top_frame(AZURE_INCIDENT),
            &Settings::default(),
            none
        ),
        Action::Reject { .. }
    ));
}

#[test]
fn page_facts_from_defender_home_and_sentinel_settings_feed_the_tenants_onboarding_evidence() {
    let home = "https://security.microsoft.com/homepage?tid=6F3C2B1A-4D5E-4F60-8A7B-9C0D1E2F3A4B";
    let request = |url| facts_request(url, &[("home-ready", "Your unified SIEM and XDR is ready")]);
    let action = decide(
        request(home),
        &top_frame(home),
        &Settings::default(),
        &Clock::default(),
    );
    let Action::StoreEvidence {
        tab_id,
        tenant,
        facts,
    } = action
    else {
        panic!("expected evidence, got {action:?}")
    };
    assert_eq!(
        (tab_id, tenant.as_str()),
        (7, "6f3c2b1a-4d5e-4f60-8a7b-9c0d1e2f3a4b")
    );
    assert_eq!(facts.values.len(), 1);
    let settings = "https://security.microsoft.com/sentinel/settings";
    assert!(matches!(
        decide(request(settings), &top_frame(settings), &Settings::default(), &Clock::default()),
        Action::StoreEvidence { ref tenant, .. } if tenant == "home"
    ));
    let off = Settings {
        onboarding: false,
        ..Settings::default()
    };
    assert!(matches!(
        decide(request(home), &top_frame(home), &off, &Clock::default()),
        Action::Reject { .. }
    ));
}

#[test]
fn evidence_counts_only_for_the_tenant_the_page_was_loaded_for() {
    let loaded = "https://security.microsoft.com/homepage?tid=6f3c2b1a-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    let pushed = "https://security.microsoft.com/homepage?tid=9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4";
    let domain = "https://security.microsoft.com/homepage?tid=contoso.onmicrosoft.com";
    let request = |url| facts_request(url, &[("home-ready", "Your unified SIEM and XDR is ready")]);
    let decided = |url, sender| {
        decide(
            request(url),
            &top_frame(sender),
            &Settings::default(),
            &Clock::default(),
        )
    };
    assert!(matches!(
        decided(loaded, loaded),
        Action::StoreEvidence { .. }
    ));
    assert!(
        matches!(decided(pushed, loaded), Action::Reject { ref reason } if reason.contains("another tenant")),
        "a page that pushed another tid speaks only for the tenant it was loaded for"
    );
    assert!(
        matches!(decided(domain, domain), Action::Reject { ref reason } if reason.contains("not a GUID")),
        "a tenant that is not a GUID gets no stored records"
    );
}

fn page_of_ours(path: &str) -> Sender {
    Sender {
        same_extension: true,
        url: Some(format!("{EXT}{path}")),
        tab_id: None,
        frame_id: None,
        extension_origin: EXT.into(),
    }
}

fn signed_settings() -> Settings {
    Settings {
        sign_in: Some(AppRegistration {
            tenant: " contoso.onmicrosoft.com ".into(),
            client_id: "2c4f6a8b-1d3e-4f50-9a7b-8c9d0e1f2a3b".into(),
        }),
        ..Settings::default()
    }
}

#[test]
fn onboarding_requests_come_from_the_popup_or_options_only() {
    let read = || Request::Onboarding {
        op: OnboardingOp::Read,
        tenant: "home".into(),
    };
    let settings = signed_settings();
    let clock = Clock::on("2026-11-23");
    for path in ["/popup.html", "/options.html", "/popup.html#tab=4"] {
        assert!(
            matches!(
                decide(read(), &page_of_ours(path), &settings, &clock),
                Action::ReadArm { .. }
            ),
            "{path}"
        );
    }
    let mut portal = top_frame("https://security.microsoft.com/homepage");
    portal.extension_origin = EXT.into();
    for sender in [
        page_of_ours("/overlay.html"),
        portal,
        Sender {
            url: Some("chrome-extension://otherextensionidxxxxxxxxxxxxxxxx/popup.html".into()),
            ..page_of_ours("/popup.html")
        },
    ] {
        assert!(
            matches!(
                decide(read(), &sender, &settings, &clock),
                Action::Reject { .. }
            ),
            "{sender:?}"
        );
    }
}

#[test]
fn reading_arm_signs_in_to_the_pages_tenant_or_the_configured_one() {
    let clock = Clock::on("2026-11-23");
    let popup = page_of_ours("/popup.html");
    let ask = |tenant: &str| Request::Onboarding {
        op: OnboardingOp::Read,
        tenant: tenant.into(),
    };
    let tid = "9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4";
    match decide(ask("home"), &popup, &signed_settings(), &clock) {
        Action::ReadArm { tenant, app } => {
            assert_eq!(
                (tenant.as_str(), app.tenant.as_str()),
                ("home", "contoso.onmicrosoft.com")
            )
        }
        other => panic!("{other:?}"),
    }
    match decide(ask(tid), &popup, &signed_settings(), &clock) {
        Action::ReadArm { app, .. } => assert_eq!(app.tenant, tid),
        other => panic!("{other:?}"),
    }
    for (request, settings) in [
        (ask("home"), Settings::default()),
        (ask("<script>"), signed_settings()),
        (
            ask("home"),
            Settings {
                onboarding: false,
                ..signed_settings()
            },
        ),
    ] {
        assert!(matches!(
            decide(request, &popup, &settings, &clock),
            Action::Reject { .. }
        ));
    }
    let out = Request::Onboarding {
        op: OnboardingOp::SignOut,
        tenant: "home".into(),
    };
    assert_eq!(
        decide(out, &popup, &Settings::default(), &clock),
        Action::SignOut {
            tenant: "home".into()
        }
    );
    assert_eq!(
        decode(r#"{"type":"onboarding","op":"read","tenant":"home"}"#).ok(),
        Some(ask("home"))
    );
    assert!(decode(r#"{"type":"onboarding","op":"read"}"#).is_err());
    assert!(decode(r#"{"type":"page-changed","url":"u","tenant":"home"}"#).is_err());
}

/// The bug the soak found: after the portal's own route change (pushState, hash), Chromium still
/// reports the URL the content script started on as the sender's. The readings are judged by the
/// page they name, so an incident opened from the queue gets its sync view.
#[test]
fn page_facts_are_judged_by_the_page_they_name_not_the_stale_sender_url() {
    let queue = "https://portal.azure.com/#home";
    let (request, clock) = synced_incident_readings();
    let action = decide(request, &top_frame(queue), &Settings::default(), &clock);
    assert!(matches!(action, Action::StoreSync { .. }), "{action:?}");
}

#[test]
fn panel_choices_come_from_a_portal_top_frame_only() {
    let choice = || Request::PanelChoice {
        choice: PanelChoice::Collapse,
    };
    assert_eq!(
        decide(
            choice(),
            &top_frame(HUNTING),
            &Settings::default(),
            &Clock::default()
        ),
        Action::StorePanelChoice {
            tab_id: 7,
            choice: PanelChoice::Collapse
        }
    );
    assert!(matches!(
        decide(
            choice(),
            &blade_frame(),
            &Settings::default(),
            &Clock::default()
        ),
        Action::Reject { .. }
    ));
    let wire = r#"{"type":"panel-choice","choice":"move"}"#;
    assert_eq!(
        serde_json::from_str::<Request>(wire).expect("decodes"),
        Request::PanelChoice {
            choice: PanelChoice::Move
        }
    );
    let mixed = r#"{"type":"panel-choice","choice":"open","url":"https://portal.azure.com/"}"#;
    assert!(serde_json::from_str::<Request>(mixed).is_err());
    let wrong = r#"{"type":"page-changed","choice":"open"}"#;
    assert!(serde_json::from_str::<Request>(wrong).is_err());
}
