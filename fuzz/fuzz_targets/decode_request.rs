//! Fuzz target: any bytes as a runtime message, decoded as `protocol::Request` and, when it
//! decodes, checked with `router::decide` against a fuzzer-chosen sender.
//!
//! Why: the service worker's message listener is the extension's trust boundary. A compromised
//! portal renderer can send any message with any content, so decoding must reject or accept
//! without panicking, and `decide` must hand out a plan, a tab id or the anchors, and store a
//! probe report, only for the sender allowed to ask (`crates/core/src/router.rs`, module doc). The checks below
//! restate those rules from the outside, so a change in `decide` that widens them fails here as
//! well as in the unit tests.
//!
//! The message is decoded by the decoder the worker ships (`tree_decoder`, which the worker runs
//! on the JS object `chrome.runtime` hands it), here on the tree serde_json parses from the bytes.
//!
//! Input layout: the bytes before the first NUL are the JSON message (so plain JSON files work
//! as seeds); the bytes after it pick the sender. With no NUL, the sender is the one the
//! request is meant to come from, which sends the fuzzer straight to the accepting paths.

#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use wayfinder_core::ids::MAX_ID_LEN;
use wayfinder_core::model::{Frame, Portal, MAX_TIERS};
use wayfinder_core::plan;
use wayfinder_core::protocol::{
    found_entry, Action, Clock, Request, Sender, MAX_REPORT_IDS, MAX_URL_LEN,
};
use wayfinder_core::route;
use wayfinder_core::router;
use wayfinder_core::settings::Settings;
use wayfinder_core::tree_decoder;
use wayfinder_core::url;

const EXTENSION_ORIGIN: &str = "chrome-extension://abcdefghijklmnopabcdefghijklmnop";
const TODAY: &str = "2026-11-22";

fuzz_target!(|data: &[u8]| {
    let (message, sender_bytes) = match data.iter().position(|b| *b == 0) {
        Some(nul) => (&data[..nul], &data[nul + 1..]),
        None => (data, &[][..]),
    };
    let Ok(tree) = serde_json::from_slice::<serde_json::Value>(message) else {
        return;
    };
    let Ok(request) = tree_decoder::decode::<Request, _>(tree) else {
        return;
    };
    // What decodes re-encodes to the same request (the content scripts build these with
    // JSON-compatible objects).
    let reencoded = serde_json::to_value(&request)
        .ok()
        .and_then(|tree| tree_decoder::decode::<Request, _>(tree).ok());
    assert_eq!(reencoded.as_ref(), Some(&request));

    let sender = sender_for(&request, &mut Unstructured::new(sender_bytes));
    let settings = Settings::default();
    let action = router::decide(request.clone(), &sender, &settings, &Clock::on(TODAY));
    check(&request, &sender, &settings, &action);

    // The worker shell reads the action as JSON.
    let back = serde_json::to_string(&action)
        .ok()
        .and_then(|json| serde_json::from_str::<Action>(&json).ok());
    assert_eq!(back.as_ref(), Some(&action));
});

const BLADE_FRAME_URL: &str = "https://sandbox-1.reactblade.portal.azure.net/reactview";

/// A sender, mostly one of the realistic kinds, sometimes with arbitrary fields. Zero bytes give
/// the legitimate sender of `request`.
fn sender_for(request: &Request, u: &mut Unstructured<'_>) -> Sender {
    let (natural_url, natural_frame) = match request {
        Request::PageChanged { url } => (url.clone(), 0),
        Request::OverlayReady { .. } => (format!("{EXTENSION_ORIGIN}/overlay.html"), 2),
        Request::FrameReady => (BLADE_FRAME_URL.to_string(), 3),
        Request::ProbeReport { .. } | Request::PanelChoice { .. } => {
            ("https://security.microsoft.com/incidents".to_string(), 0)
        }
        Request::PageFacts { url, .. } => (url.clone(), 0),
        Request::Onboarding { .. } => (format!("{EXTENSION_ORIGIN}/popup.html"), 0),
    };
    let same_extension = !bool::arbitrary(u).unwrap_or_default();
    let url = match u8::arbitrary(u).unwrap_or_default() % 8 {
        0 => Some(natural_url),
        1 => Some(format!("{EXTENSION_ORIGIN}/overlay.html")),
        2 => Some("https://security.microsoft.com/incidents".to_string()),
        3 => Some("https://portal.azure.com/#home".to_string()),
        4 => Some(BLADE_FRAME_URL.to_string()),
        5 => Some("https://example.com/".to_string()),
        6 => None,
        _ => Some(String::arbitrary(u).unwrap_or_default()),
    };
    let tab_id = match u8::arbitrary(u).unwrap_or_default() % 3 {
        0 => Some(7),
        1 => None,
        _ => Some(u32::arbitrary(u).unwrap_or_default()),
    };
    let frame_id = match u8::arbitrary(u).unwrap_or_default() % 4 {
        0 => Some(natural_frame),
        1 => None,
        2 => Some(0),
        _ => Some(i64::arbitrary(u).unwrap_or_default()),
    };
    let extension_origin = if bool::arbitrary(u).unwrap_or_default() {
        String::arbitrary(u).unwrap_or_default()
    } else {
        EXTENSION_ORIGIN.to_string()
    };
    Sender {
        same_extension,
        url,
        tab_id,
        frame_id,
        extension_origin,
    }
}

/// `scheme://host`, the origin the checks compare (the portals are all on port 443).
fn origin(u: &str) -> Option<String> {
    url::split(u).map(|p| format!("{}://{}", p.scheme, p.host))
}

fn check(request: &Request, sender: &Sender, settings: &Settings, action: &Action) {
    let sender_url = sender.url.as_deref().unwrap_or_default();
    let sender_portal = url::split(sender_url).and_then(|p| route::portal_of_host(&p.host));
    let from_top =
        sender_portal.is_some_and(|p| p != Portal::AzureBladeFrame) && sender.frame_id == Some(0);
    let from_blade =
        sender_portal == Some(Portal::AzureBladeFrame) && sender.frame_id.is_some_and(|id| id > 0);
    if !sender.same_extension {
        assert!(matches!(action, Action::Reject { .. }), "{action:?}");
    }
    let settings_page = sender_url
        .strip_prefix(sender.extension_origin.as_str())
        .map(|path| path.split(['?', '#']).next().unwrap_or_default())
        .is_some_and(|path| {
            !sender.extension_origin.is_empty() && matches!(path, "/popup.html" | "/options.html")
        });
    match action {
        Action::Reject { reason } => assert!(!reason.is_empty()),
        Action::StoreSync { tab_id, .. } | Action::StoreEvidence { tab_id, .. } => {
            // Readings of a page: from a portal top frame, for a page of its own origin.
            let Request::PageFacts { url, .. } = request else {
                panic!("readings stored for {request:?}");
            };
            assert_eq!(sender.tab_id, Some(*tab_id));
            assert!(
                from_top,
                "readings from a document that is not a portal top page: {sender:?}"
            );
            assert!(url.len() <= MAX_URL_LEN);
            assert!(origin(url).is_some() && origin(url) == origin(sender_url));
        }
        Action::ReadArm { tenant, .. } | Action::SignOut { tenant } => {
            // Sign-in and sign-out: only from our popup or options page.
            let Request::Onboarding { tenant: asked, .. } = request else {
                panic!("an ARM action for {request:?}");
            };
            assert_eq!(asked, tenant);
            assert!(settings_page, "an ARM action for {sender:?}");
        }
        Action::StorePlan { tab_id, plan, .. } => {
            let Request::PageChanged { url } = request else {
                panic!("a plan for {request:?}");
            };
            assert_eq!(sender.tab_id, Some(*tab_id));
            assert!(
                from_top,
                "plan for a document that is not a portal top page: {sender:?}"
            );
            assert!(url.len() <= MAX_URL_LEN);
            assert!(origin(url).is_some() && origin(url) == origin(sender_url));
            assert_ne!(plan.page.portal, Some(Portal::AzureBladeFrame));
            assert_eq!(plan, &plan::plan_for_url(url, Some(TODAY), settings));
        }
        Action::StorePanelChoice { tab_id, choice } => {
            // The panel's choices: only from a portal top frame, for its own tab.
            assert_eq!(request, &Request::PanelChoice { choice: *choice });
            assert_eq!(sender.tab_id, Some(*tab_id));
            assert!(from_top, "a panel choice from {sender:?}");
        }
        Action::ReplyTab { tab_id, key } => {
            // The key goes to the shell as presented; the shell compares it with the one it issued.
            assert_eq!(request, &Request::OverlayReady { key: key.clone() });
            assert_eq!(sender.tab_id, Some(*tab_id));
            assert_eq!(
                origin(sender_url).as_deref(),
                Some(sender.extension_origin.as_str()),
                "tab id for a document that is not ours"
            );
        }
        Action::ReplyAnchors { tab_id } => {
            assert_eq!(request, &Request::FrameReady);
            assert_eq!(sender.tab_id, Some(*tab_id));
            assert!(
                from_blade,
                "anchors for a document that is not a blade frame: {sender:?}"
            );
        }
        Action::StoreHealth {
            tab_id,
            frame,
            report,
            ..
        } => {
            let Request::ProbeReport { found, missing } = request else {
                panic!("health stored for {request:?}");
            };
            assert_eq!((&report.found, &report.missing), (found, missing));
            assert_eq!(sender.tab_id, Some(*tab_id));
            match frame {
                Frame::Top => assert!(from_top, "top-frame health from {sender:?}"),
                Frame::Blade => assert!(from_blade, "blade health from {sender:?}"),
            }
            // Each find is `<id>:<tier>`, with a tier index a probe can have.
            let mut found_ids = Vec::new();
            for entry in found {
                let (id, tier) = found_entry(entry).unwrap_or_else(|| panic!("{entry:?}"));
                assert!(usize::from(tier) < MAX_TIERS, "{entry:?}");
                found_ids.push(id);
            }
            // Ids end up in session storage and in the popup: short, few, and plain.
            let missing_ids: Vec<&str> = missing.iter().map(String::as_str).collect();
            for ids in [found_ids, missing_ids] {
                assert!(ids.len() <= MAX_REPORT_IDS);
                for id in ids {
                    assert!(!id.is_empty() && id.len() <= MAX_ID_LEN, "{id:?}");
                    assert!(
                        id.bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                        "{id:?}"
                    );
                }
            }
        }
    }
}
