//! Build-time half of `catalog/onboarding.json`: validation and code generation.
//!
//! The readiness checks' words, fixes and documentation links, the permissions each task needs,
//! and what the Defender portal shows about its connection are domain knowledge that changes
//! with Microsoft's documentation and portal, so they are data. A bad edit (a check without a
//! source, a non-https documentation link, a check id the assessment does not know) fails the
//! build instead of reaching a user as a blank line.

use super::{
    check_probe, check_source, fail, fail_on_problems, template_code, ProbeTemplate, Source, Tier,
};
use serde::Deserialize;
use std::collections::HashSet;
use std::fmt::Write as _;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OnboardingCatalog {
    #[serde(rename = "_comment")]
    _comment: String,
    checks: Vec<CheckDef>,
    permissions: PermissionsDef,
    breaking_conditions: NamesDef,
    xdr_tables: TablesDef,
    page: PageDef,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckDef {
    id: String,
    title: String,
    fix: String,
    doc: String,
    source: Source,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PermissionsDef {
    connect: Vec<String>,
    view: Vec<String>,
    source: Source,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NamesDef {
    properties: Vec<String>,
    source: Source,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TablesDef {
    names: Vec<String>,
    hunting_days: u32,
    source: Source,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PageDef {
    readers: Vec<PageReaderDef>,
    workspaces: TableDef,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PageReaderDef {
    id: String,
    probe: Vec<Tier>,
    source: Source,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TableDef {
    rows: String,
    headers: String,
    cells: String,
    key: String,
    columns: Vec<ColumnDef>,
    source: Source,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ColumnDef {
    id: String,
    header: String,
}

/// The checks `onboarding::checks` evaluates; the catalog must word each exactly once.
const CHECK_IDS: &[&str] = &[
    "sentinel-enabled",
    "primary-connected",
    "xdr-connector",
    "onboarding-roles",
    "fusion-rule",
    "incident-creation-rules",
    "alert-only-rules",
    "automation-conditions",
    "incident-api-fields",
    "xdr-table-retention",
];
/// The page readings `onboarding::page` understands.
const READER_IDS: &[&str] = &["home-ready", "home-connect", "sentinel-nav"];
const COLUMN_IDS: &[&str] = &["workspace-type", "workspace-status"];

/// Reads, validates and compiles `catalog/onboarding.json` into Rust statics.
pub fn compile(text: &str) -> String {
    let catalog: OnboardingCatalog = serde_json::from_str(text)
        .unwrap_or_else(|e| fail(&format!("catalog/onboarding.json is not valid: {e}")));
    fail_on_problems("catalog/onboarding.json", &validate(&catalog));
    generate(&catalog)
}

fn is_action(a: &str) -> bool {
    let parts: Vec<&str> = a.split('/').collect();
    parts.len() >= 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && !p.contains(char::is_whitespace))
}

fn validate(c: &OnboardingCatalog) -> Vec<String> {
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    for check in &c.checks {
        let at = format!("check '{}'", check.id);
        if !CHECK_IDS.contains(&check.id.as_str()) {
            errors.push(format!("{at}: id is not one of {CHECK_IDS:?}"));
        }
        if !seen.insert(check.id.clone()) {
            errors.push(format!("{at}: duplicate"));
        }
        if check.title.trim().is_empty() || check.fix.trim().is_empty() {
            errors.push(format!("{at}: needs a title and a fix"));
        }
        if !check.doc.starts_with("https://learn.microsoft.com/") {
            errors.push(format!(
                "{at}: doc must be an https link to learn.microsoft.com"
            ));
        }
        check_source(&at, &check.source, &mut errors);
    }
    for id in CHECK_IDS {
        if !seen.contains(*id) {
            errors.push(format!("check '{id}' is missing"));
        }
    }
    let p = &c.permissions;
    if p.connect.is_empty() || p.view.is_empty() {
        errors.push("permissions: connect and view need at least one action".into());
    }
    for a in p.connect.iter().chain(&p.view) {
        if !is_action(a) {
            errors.push(format!("permissions: '{a}' is not an ARM operation"));
        }
    }
    check_source("permissions", &p.source, &mut errors);
    if c.breaking_conditions
        .properties
        .iter()
        .any(|n| n.trim().is_empty())
    {
        errors.push("breaking_conditions: empty property name".into());
    }
    check_source(
        "breaking_conditions",
        &c.breaking_conditions.source,
        &mut errors,
    );
    let t = &c.xdr_tables;
    if t.names.is_empty()
        || t.names
            .iter()
            .any(|n| !n.bytes().all(|b| b.is_ascii_alphanumeric()))
    {
        errors.push("xdr_tables: names must be plain table names".into());
    }
    if t.hunting_days == 0 {
        errors.push("xdr_tables: hunting_days must be positive".into());
    }
    check_source("xdr_tables", &t.source, &mut errors);
    let mut readers = HashSet::new();
    for r in &c.page.readers {
        let at = format!("page reader '{}'", r.id);
        if !READER_IDS.contains(&r.id.as_str()) || !readers.insert(r.id.clone()) {
            errors.push(format!("{at}: id must be one of {READER_IDS:?}, once"));
        }
        check_probe(&at, &r.probe, &mut errors);
        check_source(&at, &r.source, &mut errors);
    }
    let w = &c.page.workspaces;
    if [&w.rows, &w.headers, &w.cells, &w.key]
        .iter()
        .any(|s| s.trim().is_empty())
    {
        errors.push("page workspaces: rows, headers, cells and key are required".into());
    }
    if w.columns
        .iter()
        .any(|col| !COLUMN_IDS.contains(&col.id.as_str()) || col.header.trim().is_empty())
    {
        errors.push(format!(
            "page workspaces: columns need a header and an id of {COLUMN_IDS:?}"
        ));
    }
    check_source("page workspaces", &w.source, &mut errors);
    errors
}

fn strings(list: &[String]) -> String {
    let items: Vec<String> = list.iter().map(|s| format!("{s:?}")).collect();
    format!("&[{}]", items.join(", "))
}

fn generate(c: &OnboardingCatalog) -> String {
    let mut s =
        String::from("// Generated by build.rs from catalog/onboarding.json. Do not edit.\n");
    s.push_str("/// The readiness checks' words, in the order the report lists them.\npub static CHECKS: &[CheckDef] = &[\n");
    for check in &c.checks {
        let _ = writeln!(
            s,
            "    CheckDef {{ id: {:?}, title: {:?}, fix: {:?}, doc: {:?}, source_ref: {:?}, source_date: {:?} }},",
            check.id, check.title, check.fix, check.doc, check.source.reference, check.source.date
        );
    }
    let _ = writeln!(s, "];\n/// Operations connecting workspaces needs.\npub static CONNECT_ACTIONS: &[&str] = {};", strings(&c.permissions.connect));
    let _ = writeln!(s, "/// Operations viewing Sentinel in the Defender portal needs.\npub static VIEW_ACTIONS: &[&str] = {};", strings(&c.permissions.view));
    let _ = writeln!(s, "/// Automation conditions that stop working once connected.\npub static BREAKING_CONDITIONS: &[&str] = {};", strings(&c.breaking_conditions.properties));
    let _ = writeln!(
        s,
        "/// The Defender XDR tables.\npub static XDR_TABLES: &[&str] = {};",
        strings(&c.xdr_tables.names)
    );
    let _ = writeln!(
        s,
        "/// Days of XDR data Advanced hunting keeps.\npub static HUNTING_DAYS: u32 = {};",
        c.xdr_tables.hunting_days
    );
    s.push_str("pub(crate) static PAGE_READERS: &[(&str, ProbeTemplate)] = &[\n");
    for r in &c.page.readers {
        let template = template_code(&ProbeTemplate {
            tiers: r.probe.clone(),
            source: r.source.clone(),
        });
        let _ = writeln!(s, "    ({:?}, {}),", r.id, template);
    }
    let w = &c.page.workspaces;
    let columns: Vec<String> = w
        .columns
        .iter()
        .map(|col| format!("({:?}, {:?})", col.id, col.header))
        .collect();
    let _ = writeln!(
        s,
        "];\npub(crate) static WORKSPACES_TABLE: TableDef = TableDef {{ rows: {:?}, headers: {:?}, cells: {:?}, key: {:?}, columns: &[{}] }};",
        w.rows, w.headers, w.cells, w.key, columns.join(", ")
    );
    s
}
