//! Fuzz target: any bytes as a walked portal view (records of elements, attributes and texts at
//! any depth), through `view_report::report`, the rules the popup applies before a user saves a
//! view report.
//!
//! Why: a report leaves the browser as a file the user hands to us, and its whole point is that
//! it holds the page's structure and nothing the page says about the customer. The page's text
//! and attribute values are anything a portal shows: incident titles, comments, user names,
//! e-mail addresses, GUIDs, links with queries, tokens in data attributes. Whatever the walk
//! hands over, the report must never panic and its view must hold none of that. The checks
//! restate the rules of `docs/view-reports.md` from the outside: kept attributes only, text
//! only as probe words, counts and lengths, links as paths, and no value that looks private.

#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use wayfinder_core::model::{Frame, Portal};
use wayfinder_core::protocol::Health;
use wayfinder_core::view_report::{is_probe_word, report, Record, ReportContext};

/// Attributes a report may keep besides `aria-*` (the catalog's selectors name the last two).
const KEPT: [&str; 10] = [
    "id",
    "class",
    "role",
    "data-testid",
    "title",
    "href",
    "type",
    "hidden",
    "data-telemetryname",
    "data-automationid",
];
/// The other attribute names the records draw from: text ones and dropped ones.
const OTHER: [&str; 6] = [
    "aria-label",
    "aria-description",
    "style",
    "onclick",
    "src",
    "data-user",
];

/// The `n`th attribute name the records draw from: the kept ones, then the others.
fn name(n: u8) -> &'static str {
    let n = usize::from(n) % (KEPT.len() + OTHER.len());
    KEPT.get(n).unwrap_or_else(|| &OTHER[n - KEPT.len()])
}
/// Attributes whose values are text under the text rule.
const TEXT: [&str; 5] = [
    "title",
    "aria-label",
    "aria-description",
    "aria-roledescription",
    "aria-valuetext",
];

/// Records from bytes: chunks split at 0xFF; a chunk's first byte picks an element (with a
/// depth), a text, or an attribute of the last element; the rest is its text.
fn records(data: &[u8]) -> Vec<Record> {
    let mut out: Vec<Record> = Vec::new();
    for chunk in data.split(|b| *b == 0xFF) {
        let Some((&head, rest)) = chunk.split_first() else {
            continue;
        };
        let text = String::from_utf8_lossy(rest).into_owned();
        let d = u32::from(head / 4 % 8);
        match head % 4 {
            0 => out.push(Record {
                d,
                tag: Some(text),
                ..Record::default()
            }),
            1 => out.push(Record {
                d,
                text: Some(text),
                ..Record::default()
            }),
            _ => {
                if let Some(last) = out.iter_mut().rev().find(|r| r.tag.is_some()) {
                    last.attrs.push(name(head / 4).to_string());
                    last.attrs.push(text);
                }
            }
        }
    }
    out
}

fn hex_run(bytes: &[u8], at: usize, len: usize) -> bool {
    bytes
        .get(at..at + len)
        .is_some_and(|run| run.iter().all(u8::is_ascii_hexdigit))
}

/// What a report never holds: a GUID, an e-mail address, an absolute URL, a URL with a
/// query, or a token (32 or more of `[A-Za-z0-9+/_=-]` with a letter and a digit).
fn private(value: &str) -> Option<&'static str> {
    let b = value.as_bytes();
    let guid = (0..b.len()).any(|i| {
        hex_run(b, i, 8)
            && b.get(i + 8) == Some(&b'-')
            && hex_run(b, i + 9, 4)
            && b.get(i + 13) == Some(&b'-')
            && hex_run(b, i + 14, 4)
            && b.get(i + 18) == Some(&b'-')
            && hex_run(b, i + 19, 4)
            && b.get(i + 23) == Some(&b'-')
            && hex_run(b, i + 24, 12)
    });
    if guid {
        return Some("a GUID");
    }
    if value.contains("://") {
        return Some("an absolute URL");
    }
    for part in value.split(char::is_whitespace) {
        // `[^\s@]+@[^\s@]+\.[a-z]{2,}`: a name, `@`, then a host with a dot after its first
        // character and two letters after the dot.
        let pieces: Vec<&str> = part.split('@').collect();
        for pair in pieces.windows(2) {
            let host = pair[1];
            let dotted = host.char_indices().any(|(at, c)| {
                c == '.'
                    && at > 0
                    && host[at + 1..]
                        .chars()
                        .take(2)
                        .filter(char::is_ascii_alphabetic)
                        .count()
                        == 2
            });
            if !pair[0].is_empty() && dotted {
                return Some("an e-mail address");
            }
        }
        if let Some((_, query)) = part.split_once('?') {
            if query
                .split_once('=')
                .is_some_and(|(name, _)| !name.is_empty())
            {
                return Some("a URL with a query");
            }
        }
    }
    let token = value
        .split(|c: char| !(c.is_ascii_alphanumeric() || "+/_=-".contains(c)))
        .any(|run| {
            run.len() >= 32
                && run.bytes().any(|c| c.is_ascii_digit())
                && run.bytes().any(|c| c.is_ascii_alphabetic())
        });
    token.then_some("a token")
}

/// Every word left in a report text is a probe word (lengths `{n}` and counts are digits).
fn only_probe_words(text: &str) {
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        assert!(
            word.bytes().all(|b| b.is_ascii_digit()) || is_probe_word(word),
            "kept the word {word:?} in {text:?}"
        );
    }
}

fn check(node: &Value) {
    match node {
        Value::String(text) => {
            only_probe_words(text);
            assert_eq!(private(text), None, "text {text:?}");
        }
        Value::Array(items) => {
            let tag = items.first().and_then(Value::as_str).unwrap_or_default();
            assert!(
                tag.starts_with(|c: char| c.is_ascii_lowercase())
                    && tag
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "tag {tag:?}"
            );
            for item in &items[1..] {
                match item {
                    Value::Object(attributes) => {
                        for (name, value) in attributes {
                            let value = value.as_str().unwrap_or_default();
                            assert!(
                                KEPT.contains(&name.as_str()) || name.starts_with("aria-"),
                                "attribute {name}"
                            );
                            assert_eq!(private(value), None, "{name}={value:?}");
                            if TEXT.contains(&name.as_str()) {
                                only_probe_words(value);
                            }
                            if name == "href" {
                                assert!(
                                    value.starts_with(['/', '#']) && !value.contains('?'),
                                    "href {value:?}"
                                );
                            }
                        }
                    }
                    other => check(other),
                }
            }
        }
        other => panic!("a view node is a text or an element, not {other}"),
    }
}

fuzz_target!(|data: &[u8]| {
    let records = records(data);
    let context = ReportContext {
        portal: Some(Portal::Azure),
        page: Some("incident-page".into()),
        frame: Frame::Top,
        lang: "en".into(),
        origin: "https://portal.azure.com".into(),
        user_agent: "Chrome/156.0.0.0".into(),
        version: "0.1.0".into(),
        saved_on: "2026-12-07".into(),
        health: Health::default(),
        truncated: false,
        patched: Vec::new(),
    };
    let Ok(report) = report(&records, &context) else {
        assert!(
            records.is_empty(),
            "a view of {} records made no report",
            records.len()
        );
        return;
    };
    let view = serde_json::to_value(&report.view).unwrap_or(Value::Null);
    assert_eq!(view.get(0).and_then(Value::as_str), Some("body"));
    check(&view);
    let summary = report.summary();
    assert!(summary.words.iter().all(|w| is_probe_word(w)));
});
