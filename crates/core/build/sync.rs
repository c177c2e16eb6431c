//! Build-time half of `catalog/sync.json`: validation and code generation.
//!
//! What the portals show about incident synchronization (readers, queue columns) is portal
//! knowledge and changes without notice, so it is data; a bad edit (no source, a reader
//! without a probe, a queue whose key column it does not read) fails the build instead of
//! reaching a user as a silent non-reading.

use super::{
    check_probe, check_source, fail, fail_on_problems, template_code, ProbeTemplate, Source, Tier,
};
use serde::Deserialize;
use std::collections::HashSet;
use std::fmt::Write as _;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SyncCatalog {
    #[serde(rename = "_comment")]
    _comment: String,
    readers: Vec<ReaderDef>,
    title_anchors: Vec<TitleAnchorDef>,
    queues: Vec<QueueDef>,
    fields: Vec<FieldDef>,
    mappings: Vec<MappingDef>,
    timing: TimingDef,
    source: Source,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReaderDef {
    id: String,
    portal: String,
    read: String,
    probe: Vec<Tier>,
    source: Source,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TitleAnchorDef {
    portal: String,
    probe: Vec<Tier>,
    source: Source,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QueueDef {
    portal: String,
    rows: String,
    headers: String,
    cells: String,
    key: String,
    badge_in: String,
    columns: Vec<ColumnDef>,
    source: Source,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ColumnDef {
    id: String,
    header: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FieldDef {
    field: String,
    way: String,
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MappingDef {
    field: String,
    defender: String,
    sentinel: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TimingDef {
    sync_minutes: u32,
    batch_min_minutes: u32,
    batch_max_minutes: u32,
    alert_cap: u32,
}

const PORTALS: &[&str] = &["azure", "defender"];
const READS: &[&str] = &["text", "href", "next-text", "previous-text"];
const WAYS: &[&str] = &["as-is", "mapped", "no"];
/// Readers the sync rules use; an id outside this list would never be looked at.
const READER_IDS: &[&str] = &[
    "incident-number",
    "defender-link",
    "alerts",
    "last-update",
    "workspace",
    "sentinel-nav",
];

/// Reads, validates and compiles `catalog/sync.json` into Rust statics.
pub fn compile(text: &str) -> String {
    let catalog: SyncCatalog = serde_json::from_str(text)
        .unwrap_or_else(|e| fail(&format!("catalog/sync.json is not valid: {e}")));
    fail_on_problems("catalog/sync.json", &validate(&catalog));
    generate(&catalog)
}

fn validate(c: &SyncCatalog) -> Vec<String> {
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    for r in &c.readers {
        let at = format!("reader '{}' ({})", r.id, r.portal);
        if !READER_IDS.contains(&r.id.as_str()) {
            errors.push(format!("{at}: id is not one of {READER_IDS:?}"));
        }
        if !PORTALS.contains(&r.portal.as_str()) {
            errors.push(format!("{at}: portal must be one of {PORTALS:?}"));
        }
        if !READS.contains(&r.read.as_str()) {
            errors.push(format!("{at}: read must be one of {READS:?}"));
        }
        if !seen.insert((r.id.clone(), r.portal.clone())) {
            errors.push(format!("{at}: duplicate reader"));
        }
        check_probe(&at, &r.probe, &mut errors);
        check_source(&at, &r.source, &mut errors);
    }
    for t in &c.title_anchors {
        let at = format!("title anchor ({})", t.portal);
        if !PORTALS.contains(&t.portal.as_str()) {
            errors.push(format!("{at}: portal must be one of {PORTALS:?}"));
        }
        check_probe(&at, &t.probe, &mut errors);
        check_source(&at, &t.source, &mut errors);
    }
    for q in &c.queues {
        let at = format!("queue ({})", q.portal);
        if !PORTALS.contains(&q.portal.as_str()) {
            errors.push(format!("{at}: portal must be one of {PORTALS:?}"));
        }
        for (name, value) in [
            ("rows", &q.rows),
            ("headers", &q.headers),
            ("cells", &q.cells),
            ("key", &q.key),
            ("badge_in", &q.badge_in),
        ] {
            if value.trim().is_empty() {
                errors.push(format!("{at}: '{name}' is empty"));
            }
        }
        if q.columns.is_empty()
            || q.columns
                .iter()
                .any(|col| col.header.trim().is_empty() || !READER_IDS.contains(&col.id.as_str()))
        {
            errors.push(format!(
                "{at}: columns need a header text and a reader id of {READER_IDS:?}"
            ));
        }
        check_source(&at, &q.source, &mut errors);
    }
    for f in &c.fields {
        if f.field.trim().is_empty() || !WAYS.contains(&f.way.as_str()) {
            errors.push(format!(
                "field '{}': needs a name and a way of {WAYS:?}",
                f.field
            ));
        }
    }
    for m in &c.mappings {
        if [&m.field, &m.defender, &m.sentinel]
            .iter()
            .any(|s| s.trim().is_empty())
        {
            errors.push(format!("mapping '{}': every value is required", m.field));
        }
    }
    let t = &c.timing;
    if t.sync_minutes == 0 || t.batch_min_minutes > t.batch_max_minutes || t.alert_cap == 0 {
        errors.push("timing: minutes must be positive and the batch window ordered".into());
    }
    check_source("sync rules", &c.source, &mut errors);
    errors
}

fn portal_code(portal: &str) -> &'static str {
    if portal == "azure" {
        "Portal::Azure"
    } else {
        "Portal::Defender"
    }
}

fn read_code(read: &str) -> &'static str {
    match read {
        "href" => "Read::Href",
        "next-text" => "Read::NextText",
        "previous-text" => "Read::PreviousText",
        _ => "Read::Text",
    }
}

fn way_code(way: &str) -> &'static str {
    match way {
        "as-is" => "Way::AsIs",
        "mapped" => "Way::Mapped",
        _ => "Way::No",
    }
}

fn template(probe: &[Tier], source: &Source) -> String {
    template_code(&ProbeTemplate {
        tiers: probe.to_vec(),
        source: source.clone(),
    })
}

fn generate(c: &SyncCatalog) -> String {
    let mut s = String::from("// Generated by build.rs from catalog/sync.json. Do not edit.\n");
    s.push_str("pub(crate) static READERS: &[ReaderDef] = &[\n");
    for r in &c.readers {
        let _ = writeln!(
            s,
            "    ReaderDef {{ id: {:?}, portal: {}, read: {}, probe: {} }},",
            r.id,
            portal_code(&r.portal),
            read_code(&r.read),
            template(&r.probe, &r.source)
        );
    }
    s.push_str("];\npub(crate) static TITLE_ANCHORS: &[TitleAnchorDef] = &[\n");
    for t in &c.title_anchors {
        let _ = writeln!(
            s,
            "    TitleAnchorDef {{ portal: {}, probe: {} }},",
            portal_code(&t.portal),
            template(&t.probe, &t.source)
        );
    }
    s.push_str("];\npub(crate) static QUEUES: &[QueueDef] = &[\n");
    for q in &c.queues {
        let columns: Vec<String> = q
            .columns
            .iter()
            .map(|col| format!("({:?}, {:?})", col.id, col.header))
            .collect();
        let _ = writeln!(
            s,
            "    QueueDef {{ portal: {}, rows: {:?}, headers: {:?}, cells: {:?}, key: {:?}, badge_in: {:?}, columns: &[{}], source_ref: {:?}, source_date: {:?} }},",
            portal_code(&q.portal),
            q.rows,
            q.headers,
            q.cells,
            q.key,
            q.badge_in,
            columns.join(", "),
            q.source.reference,
            q.source.date
        );
    }
    s.push_str("];\n/// What syncs between the portals, field by field.\npub static FIELDS: &[FieldRule] = &[\n");
    for f in &c.fields {
        let _ = writeln!(
            s,
            "    FieldRule {{ field: {:?}, way: {}, note: {:?} }},",
            f.field,
            way_code(&f.way),
            f.note
        );
    }
    s.push_str("];\n/// How status and classification values map between the portals.\npub static MAPPINGS: &[MappingRule] = &[\n");
    for m in &c.mappings {
        let _ = writeln!(
            s,
            "    MappingRule {{ field: {:?}, defender: {:?}, sentinel: {:?} }},",
            m.field, m.defender, m.sentinel
        );
    }
    let t = &c.timing;
    let _ = writeln!(
        s,
        "];\npub(crate) static TIMING: Timing = Timing {{ sync_minutes: {}, batch_min_minutes: {}, batch_max_minutes: {}, alert_cap: {} }};",
        t.sync_minutes, t.batch_min_minutes, t.batch_max_minutes, t.alert_cap
    );
    let _ = writeln!(
        s,
        "/// Source and date of the sync rules.\npub static RULES_SOURCE: (&str, &str) = ({:?}, {:?});",
        c.source.reference, c.source.date
    );
    s
}
