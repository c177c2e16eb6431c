//! Fuzz target: a whole onboarding reading of Azure Resource Manager, every answer chosen by the
//! fuzzer, through `read_answer`, `Collection`, `run::settle`, the tenant view and the report.
//!
//! Why: everything ARM returns is data from outside, shaped by whoever administers the tenant
//! (names, links, counts), and the reading follows `nextLink`s with the user's token. The
//! collection must never panic, must end whatever the answers, must fetch only
//! management.azure.com, and what it found must make a tenant view that survives a JSON round
//! trip and exports as a report that our own import accepts.
//!
//! Input layout: NUL-separated chunks, one per request in the order the collection asks. A
//! chunk's first byte picks the HTTP status (mostly 200); the rest is the body. When the chunks
//! run out, the answers are empty bodies. A seed file of one ARM example body answers the
//! first request (the subscription list) with it.

#![no_main]

use libfuzzer_sys::fuzz_target;
use wayfinder_core::onboarding::report::ReportFile;
use wayfinder_core::onboarding::{self, run, Collection, Inputs, PageEvidence, TenantView};

/// A fixed "now" (2026-11-22T00:00:00Z) for `Retry-After` dates and the record's time.
const NOW: i64 = 1_795_305_600;
/// Statuses a chunk's first byte picks from: 200 most of the time, then each error ARM sends.
const STATUSES: [u16; 12] = [200, 200, 200, 200, 200, 200, 401, 403, 404, 429, 500, 503];
/// Where every request must go.
const ARM: &str = "https://management.azure.com/";
/// Far more requests than any bounded reading makes (the collection caps subscriptions,
/// workspaces, pages and attempts); reaching it means the reading does not end.
const MAX_REQUESTS: usize = 200_000;

fuzz_target!(|data: &[u8]| {
    let mut chunks = data.split(|b| *b == 0);
    let mut collection = Collection::start();
    let mut requests = 0;
    while let Some(request) = collection.next_request() {
        requests += 1;
        assert!(requests <= MAX_REQUESTS, "the reading does not end");
        // Scheme and host are case-insensitive (RFC 3986 §3.1, §3.2.2): a `nextLink` on
        // `manaGement.azure.com` is still ARM, and is fetched as such.
        let on_arm = request
            .url
            .get(..ARM.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(ARM));
        assert!(on_arm, "{}", request.url);
        let chunk = chunks.next().unwrap_or_default();
        let (status, body) = match chunk.split_first() {
            // Plain JSON (a seed) is a 200 answer.
            Some((b'{', _)) | None => (200, chunk),
            Some((pick, body)) => (STATUSES[usize::from(*pick) % STATUSES.len()], body),
        };
        let retry_after = std::str::from_utf8(body).ok().filter(|t| t.len() < 40);
        let json = serde_json::from_slice::<serde_json::Value>(body).ok();
        let answer = onboarding::read_answer(&request.call, status, retry_after, NOW, json);
        collection.absorb(request.id, answer);
    }
    assert!(collection.is_done(), "nothing left in flight");

    let record = run::settle(None, collection.facts().clone(), NOW * 1000);
    let text = serde_json::to_string(&record).expect("a record encodes");
    let back: onboarding::ArmRecord = serde_json::from_str(&text).expect("and decodes");
    assert_eq!(back, record);

    let page = PageEvidence::default();
    let view = onboarding::tenant_view(Inputs {
        tenant: "home",
        page: &page,
        arm: Some(&record.facts),
        arm_status: &record.status,
    });
    let text = serde_json::to_string(&view).expect("a view encodes");
    let back: TenantView = serde_json::from_str(&text).expect("and decodes");
    assert_eq!(back, view);
    let report = ReportFile::new(view, "2026-11-22T00:00:00Z".to_string());
    assert_eq!(report.check(), Ok(()), "our own export must import");
});
