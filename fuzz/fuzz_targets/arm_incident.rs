//! Fuzz target: any bytes as an ARM incident body, single (Incidents_Get) and page
//! (Incidents_List), through serde_json's parser and the decoder the worker ships
//! (`tree_decoder`, which it runs on `response.json()`), the wire types and `arm::check` /
//! `arm::check_list`; a single body also through the path the sync card ships (`sync::confirm::read_answer`, then
//! `confirm` on a page's view); the same bytes as a `Retry-After` header through
//! `arm::http::outcome`.
//!
//! Why: these bodies are data from outside. Incident titles and links can be shaped by whoever
//! raises alerts, and a `nextLink` is fetched with the user's ARM token. Checking must never
//! panic (a panic in the worker's wasm kills the extension for the tab), must keep every entry
//! of a page either as an item or as a reason, and must never let through a link that leads
//! anywhere but the host it is checked for. The checks below restate those rules from the
//! outside (record.rs and link.rs module docs), re-reading each link with `url::split` and
//! `route::classify`.

#![no_main]

use libfuzzer_sys::fuzz_target;
use wayfinder_core::arm::http::{self, MAX_RETRY_SECS, MIN_RETRY_SECS};
use wayfinder_core::arm::{self, ArmError, IncidentRecord, WireIncident, WireIncidentList};
use wayfinder_core::model::Portal;
use wayfinder_core::route;
use wayfinder_core::sync::confirm::{self, ArmIncident};
use wayfinder_core::sync::{IncidentSync, Now, SyncState, SyncView};
use wayfinder_core::{ids, time, tree_decoder, url};

/// A fixed "now" for HTTP-date `Retry-After` values (2026-11-22T00:00:00Z).
const NOW: i64 = 1_795_305_600;

fuzz_target!(|data: &[u8]| {
    let tree = serde_json::from_slice::<serde_json::Value>(data).ok();
    if let Some(Ok(raw)) = tree.clone().map(tree_decoder::decode::<WireIncident, _>) {
        check_confirmation(raw.clone());
        let again = arm::check(raw.clone());
        let result = arm::check(raw);
        assert_eq!(result, again, "check is deterministic");
        match result {
            Ok(record) => check_record(&record),
            Err(error) => check_refusal(&error),
        }
    }
    if let Some(Ok(raw)) = tree.map(tree_decoder::decode::<WireIncidentList, _>) {
        let total = raw.value.as_ref().map(Vec::len);
        match arm::check_list(raw) {
            Ok(list) => {
                // Every entry is an item or a reason; nothing is lost silently.
                assert_eq!(Some(list.items.len() + list.skipped.len()), total);
                list.items.iter().for_each(check_record);
                for (n, reason) in list.skipped.iter().enumerate() {
                    assert!(reason.starts_with("item "), "{reason}");
                    assert!(reason.contains(" of "), "{n}: {reason}");
                }
                if let Some(next) = &list.next_link {
                    assert_exact_link(next, |host| host == "management.azure.com");
                    assert!(list.next_link_refused.is_none());
                }
            }
            Err(error) => {
                assert_eq!(total, None, "only a body without `value` is refused");
                check_refusal(&error);
            }
        }
    }
    let header = String::from_utf8_lossy(data);
    match http::outcome(429, Some(&header), NOW) {
        Err(ArmError::Throttled { retry_after_secs }) => {
            assert!((MIN_RETRY_SECS..=MAX_RETRY_SECS).contains(&retry_after_secs));
        }
        other => panic!("429 must be Throttled, got {other:?}"),
    }
    let _ = time::rfc3339_to_unix(&header);
});

/// The sync card's path: ARM's answer applied to a page's view keeps the page's evidence first,
/// never leaves the card "checking", and links only to a Defender portal host.
fn check_confirmation(raw: WireIncident) {
    let answer = confirm::read_answer(200, None, false, Some(raw), NOW);
    let mut page = IncidentSync::new(SyncState::SentinelOnly);
    page.evidence.push("page".into());
    let mut view = SyncView::new(Some(page), Vec::new());
    let now = Now {
        unix: Some(NOW),
        tz_offset_minutes: 0,
    };
    confirm::confirm(&mut view, &answer, now);
    let Some(sync) = view.incident else {
        panic!("the incident is kept");
    };
    assert_eq!(sync.evidence.first().map(String::as_str), Some("page"));
    assert_ne!(sync.state, SyncState::Checking);
    assert!(sync.arm.is_some(), "ARM's line is always said");
    if let Some(twin) = &sync.twin {
        assert_exact_link(&twin.href, |host| {
            route::portal_of_host(host).is_some_and(Portal::is_defender)
        });
    }
    if let ArmIncident::Failed { error } = &answer {
        check_refusal(error);
    }
}

fn check_record(record: &IncidentRecord) {
    assert!(!record.name.is_empty() && !record.name.contains('/'));
    if let Some(link) = &record.provider_incident_url {
        assert_exact_link(link, |host| {
            route::portal_of_host(host).is_some_and(Portal::is_defender)
        });
        let portal = route::classify(link).map(|r| r.portal);
        assert!(portal.is_some_and(Portal::is_defender), "{link}");
    }
    // Records travel to the UI pages as JSON.
    let back = serde_json::to_string(record)
        .ok()
        .and_then(|json| serde_json::from_str::<IncidentRecord>(&json).ok());
    assert_eq!(back.as_ref(), Some(record));
}

/// An https link whose authority is exactly an allowed host: no user info, port, backslash,
/// whitespace or control character that could make a browser read another host.
fn assert_exact_link(link: &str, allowed: impl Fn(&str) -> bool) {
    assert!(
        link.bytes().all(|b| b.is_ascii_graphic() && b != b'\\'),
        "{link:?}"
    );
    let parts = url::split(link);
    let parts = parts.as_ref();
    assert_eq!(parts.map(|p| p.scheme.as_str()), Some("https"), "{link}");
    let host = parts.map(|p| p.host.as_str()).unwrap_or_default();
    assert!(allowed(host), "{link}");
    let authority = link["https://".len()..]
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default();
    assert!(authority.eq_ignore_ascii_case(host), "{link}");
}

/// A refused body is `Malformed`, worded for the UI, and names the incident only by its GUID.
fn check_refusal(error: &ArmError) {
    let ArmError::Malformed { reason } = error else {
        panic!("checking only ever refuses as Malformed: {error:?}");
    };
    let who = reason.split(": ").next().unwrap_or_default();
    let named_by_guid = who
        .strip_prefix("incident ")
        .is_some_and(ids::is_tenant_guid);
    assert!(
        who == "an incident" || named_by_guid || reason.starts_with("the incident list"),
        "{reason}"
    );
    assert!(!error.to_string().is_empty());
}
