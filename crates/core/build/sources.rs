//! The rules every catalog source must meet, in one place for the build, the core's tests and
//! `cargo xtask catalog`.
//!
//! Why: a fact is only as good as the document it rests on. A source that a reader cannot open
//! (a local note, a truncated citation), a date that is not the document's own (the day someone
//! compiled notes), or a guess that reads like a fact would reach users as if it were checked.
//! So each source is a public URL with the document's date, and a guess says it is one.
//!
//! A source is a JSON object under a key named `source` or `probe_source`, anywhere in a catalog
//! file:
//!
//! - `ref`: an `https` URL of the public document: a `learn.microsoft.com` page (dated by
//!   `date`), or a file of a GitHub repository pinned to a commit (`/blob/<sha>/…`). A fact
//!   rests on Microsoft's documentation (the `MicrosoftDocs`, `Azure`, `microsoftgraph` or
//!   `MicrosoftLearning` organisations on GitHub); portal markup, which Microsoft does not
//!   document, may also rest on third-party code pinned to a commit.
//! - `date`: the document's own date (`ms.date`, or the commit's date), `YYYY-MM-DD`, no later
//!   than the catalog's release date (`catalog/release.json`).
//! - `note` (optional): what in the document says it, or what else supports it.
//! - `guess` (optional): what is not evidenced. Required when the note speaks of something
//!   unconfirmed; never empty.
//! - `also` (optional): more sources, under the same rules.
//!
//! This file uses only `std` and `serde_json`, so the build script, an integration test and
//! xtask can each include it with `#[path]`.

use serde_json::{Map, Value};

/// What a source evidences, which decides the documents it may cite.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A fact about Sentinel or the portals: Microsoft's documentation only.
    Fact,
    /// How to find something in a portal page: Microsoft's documentation or public code.
    Markup,
}

/// One source found in a catalog file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Where it is: `features.json › logs › source`.
    pub at: String,
    /// What it evidences.
    pub kind: Kind,
    /// The document's URL (as written; may be malformed when `problems` says so).
    pub reference: String,
    /// The document's date (as written).
    pub date: String,
    /// What is guessed, when something is.
    pub guess: Option<String>,
    /// The note, when there is one.
    pub note: Option<String>,
}

/// Keys under which a source counts as evidence for markup rather than for a fact.
const MARKUP_KEYS: &[&str] = &[
    "probe_source",
    "trainer",
    "page",
    "readers",
    "title_anchors",
    "queues",
    "user_content",
];

/// GitHub organisations whose repositories hold Microsoft's public documentation.
const MICROSOFT_DOCS_ORGS: &[&str] = &[
    "MicrosoftDocs",
    "Azure",
    "microsoftgraph",
    "MicrosoftLearning",
];

/// Learn paths that moved, with where they went: a source or link must use the new one.
pub const MOVED: &[(&str, &str)] = &[
    (
        "/en-us/unified-secops-platform/microsoft-sentinel-onboard",
        "/en-us/azure/sentinel/microsoft-sentinel-onboard",
    ),
    (
        "/en-us/azure/sentinel/automation/automation-rule-reference",
        "/en-us/azure/sentinel/automation-rule-reference",
    ),
];

/// Words that say something is not evidenced; a source that uses them must carry `guess`.
const GUESS_WORDS: &[&str] = &[
    "unconfirmed",
    "guess",
    "not documented",
    "undocumented",
    "presumably",
    "unverified",
    "not evidenced",
    "assumed",
];

/// The fields a source may have.
const SOURCE_FIELDS: &[&str] = &["ref", "date", "note", "guess", "also"];

/// The catalog's release date from `catalog/release.json` (`{"released": "YYYY-MM-DD", …}`).
pub fn release_date(text: &str) -> Result<String, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    let date = value
        .get("released")
        .and_then(Value::as_str)
        .ok_or("needs \"released\": \"YYYY-MM-DD\"")?;
    if is_iso_date(date) {
        Ok(date.to_string())
    } else {
        Err(format!("released '{date}' is not a YYYY-MM-DD date"))
    }
}

/// Is `s` a calendar-shaped `YYYY-MM-DD` date (month 01–12, day 01–31)?
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !digits {
        return false;
    }
    let month = &s[5..7];
    let day = &s[8..10];
    ("01"..="12").contains(&month) && ("01"..="31").contains(&day)
}

/// Every source of a catalog file, in file order, and the problems of their shape (a source
/// that is not an object of the known fields).
pub fn collect(file: &str, text: &str) -> Result<(Vec<Found>, Vec<String>), String> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| format!("{file} is not JSON: {e}"))?;
    let mut found = Vec::new();
    let mut problems = Vec::new();
    walk(&value, file, false, &mut found, &mut problems);
    Ok((found, problems))
}

/// Every problem of every source of a catalog file, and of every documentation link in it
/// (`doc`, `href`), checked against the release date `release`.
pub fn check_catalog(file: &str, text: &str, release: &str) -> Vec<String> {
    let (found, mut problems) = match collect(file, text) {
        Ok(f) => f,
        Err(e) => return vec![e],
    };
    for f in &found {
        problems.extend(check(f, release));
    }
    if let Ok(value) = serde_json::from_str::<Value>(text) {
        links(&value, file, &mut problems);
    }
    problems
}

/// The problems of one source.
pub fn check(f: &Found, release: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if let Err(why) = check_ref(&f.reference, f.kind) {
        problems.push(format!("{}: ref '{}' {why}", f.at, f.reference));
    }
    if !is_iso_date(&f.date) {
        problems.push(format!(
            "{}: date '{}' is not the document's YYYY-MM-DD date",
            f.at, f.date
        ));
    } else if f.date.as_str() > release {
        problems.push(format!(
            "{}: date {} is later than the catalog's release date {release}",
            f.at, f.date
        ));
    }
    match &f.guess {
        Some(g) if g.trim().is_empty() => {
            problems.push(format!("{}: 'guess' must say what is guessed", f.at));
        }
        Some(_) => {}
        None => {
            let text = format!("{} {}", f.reference, f.note.as_deref().unwrap_or_default())
                .to_ascii_lowercase();
            if let Some(word) = GUESS_WORDS.iter().find(|w| text.contains(*w)) {
                problems.push(format!(
                    "{}: says '{word}' but is not marked as a guess (add \"guess\": what is not evidenced)",
                    f.at
                ));
            }
        }
    }
    problems
}

/// Is `reference` a URL of a public document that `kind` may cite?
pub fn check_ref(reference: &str, kind: Kind) -> Result<(), String> {
    let rest = reference
        .strip_prefix("https://")
        .ok_or("is not an https URL")?;
    if reference
        .chars()
        .any(|c| c.is_whitespace() || c.is_control())
    {
        return Err("contains whitespace: one URL per ref (more documents go in 'also')".into());
    }
    if reference.ends_with([',', ';', '(', ')', '.']) {
        return Err("ends in punctuation: it looks truncated".into());
    }
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    match host {
        "learn.microsoft.com" => learn_path(&format!("/{path}")),
        "github.com" => github_path(path, kind),
        _ => Err("is not a learn.microsoft.com page or a commit-pinned github.com file".into()),
    }
}

/// A Learn page: a locale, then the article's path; not a path that moved.
fn learn_path(path: &str) -> Result<(), String> {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let mut segments = path.split('/').skip(1);
    let locale = segments.next().unwrap_or_default();
    let locale_ok = locale.len() == 5
        && locale.as_bytes()[2] == b'-'
        && locale
            .bytes()
            .enumerate()
            .all(|(i, b)| i == 2 || b.is_ascii_lowercase());
    if !locale_ok {
        return Err("needs a locale after the host (learn.microsoft.com/en-us/…)".into());
    }
    if segments.filter(|s| !s.is_empty()).count() == 0 {
        return Err("names no article".into());
    }
    moved(path)
}

/// The new place of a Learn path that moved, as an error.
fn moved(path: &str) -> Result<(), String> {
    let trimmed = path.trim_end_matches('/');
    match MOVED
        .iter()
        .find(|(old, _)| trimmed.eq_ignore_ascii_case(old))
    {
        Some((_, new)) => Err(format!("moved to https://learn.microsoft.com{new}")),
        None => Ok(()),
    }
}

/// A GitHub file pinned to a commit: `<owner>/<repo>/blob/<sha>/<path>`.
fn github_path(path: &str, kind: Kind) -> Result<(), String> {
    let parts: Vec<&str> = path.splitn(5, '/').collect();
    let [owner, repo, blob, sha, file] = parts[..] else {
        return Err(
            "is not a GitHub file URL (github.com/<owner>/<repo>/blob/<commit>/<path>)".into(),
        );
    };
    if owner.is_empty() || repo.is_empty() || blob != "blob" || file.is_empty() {
        return Err(
            "is not a GitHub file URL (github.com/<owner>/<repo>/blob/<commit>/<path>)".into(),
        );
    }
    let pinned = (7..=40).contains(&sha.len())
        && sha
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    if !pinned {
        return Err(format!(
            "is not pinned to a commit ('{sha}' is a branch or tag, not a commit hash)"
        ));
    }
    if kind == Kind::Fact && !MICROSOFT_DOCS_ORGS.contains(&owner) {
        return Err(format!(
            "is third-party code ({owner}/{repo}): a fact needs Microsoft's documentation ({})",
            MICROSOFT_DOCS_ORGS.join(", ")
        ));
    }
    Ok(())
}

/// Walks `value`, collecting sources under `source` / `probe_source` keys.
fn walk(value: &Value, at: &str, markup: bool, found: &mut Vec<Found>, problems: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let here = format!("{at} › {key}");
                let markup = markup || MARKUP_KEYS.contains(&key.as_str());
                if key == "source" || key == "probe_source" {
                    let kind = if markup { Kind::Markup } else { Kind::Fact };
                    source(child, &here, kind, found, problems);
                } else {
                    walk(child, &here, markup, found, problems);
                }
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(
                    item,
                    &format!("{at} › {}", item_name(item, i)),
                    markup,
                    found,
                    problems,
                );
            }
        }
        _ => {}
    }
}

/// How a list item is named in a location: its `id` (with its `portal`, which tells apart
/// readers of the same id), its `portal` alone, or its index.
fn item_name(item: &Value, index: usize) -> String {
    let text = |key: &str| item.get(key).and_then(Value::as_str);
    match (text("id"), text("portal")) {
        (Some(id), Some(portal)) => format!("{id} ({portal})"),
        (Some(id), None) => id.to_string(),
        (None, Some(portal)) => portal.to_string(),
        (None, None) => index.to_string(),
    }
}

/// Reads one source object (and the sources of its `also`).
fn source(value: &Value, at: &str, kind: Kind, found: &mut Vec<Found>, problems: &mut Vec<String>) {
    let Some(map) = value.as_object() else {
        problems.push(format!(
            "{at}: a source is an object with \"ref\" and \"date\""
        ));
        return;
    };
    for key in map.keys() {
        if !SOURCE_FIELDS.contains(&key.as_str()) {
            problems.push(format!(
                "{at}: unknown field '{key}' (a source has {SOURCE_FIELDS:?})"
            ));
        }
    }
    let text =
        |m: &Map<String, Value>, k: &str| m.get(k).and_then(Value::as_str).map(str::to_string);
    found.push(Found {
        at: at.to_string(),
        kind,
        reference: text(map, "ref").unwrap_or_default(),
        date: text(map, "date").unwrap_or_default(),
        guess: text(map, "guess"),
        note: text(map, "note"),
    });
    match map.get("also") {
        None => {}
        Some(Value::Array(more)) => {
            for (i, m) in more.iter().enumerate() {
                source(m, &format!("{at} › also {i}"), kind, found, problems);
            }
        }
        Some(_) => problems.push(format!("{at}: 'also' is a list of sources")),
    }
}

/// Documentation links (`doc`, `href`) that point at a Learn path that moved.
fn links(value: &Value, at: &str, problems: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let here = format!("{at} › {key}");
                match (key.as_str(), child) {
                    ("doc" | "href", Value::String(url)) => {
                        if let Some(path) = url.strip_prefix("https://learn.microsoft.com") {
                            if let Err(why) =
                                moved(path.split(['?', '#']).next().unwrap_or_default())
                            {
                                problems.push(format!("{here}: link '{url}' {why}"));
                            }
                        }
                    }
                    _ => links(child, &here, problems),
                }
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                links(item, &format!("{at} › {}", item_name(item, i)), problems);
            }
        }
        _ => {}
    }
}
