//! Validates `catalog/features.json`, `probes.json`, `sync.json` and `onboarding.json` and compiles them into static
//! Rust data.
//!
//! Portal knowledge is data, not code: a portal change is an edit of the JSON file. The
//! build fails on an entry without a source or date, a non-https link, a duplicate id, an
//! unknown status or a malformed route pattern, so a bad edit never reaches a user. Every
//! source, in every catalog file, must be a public document's URL with that document's date, no
//! later than the catalog's release date (`catalog/release.json`), and a guess must say it is
//! one (`build/sources.rs`).

use serde::Deserialize;
use std::collections::HashSet;
use std::fmt::Write as _;
use std::{env, fs, path::PathBuf};

// The label normal form, the very function the core compares labels with.
#[allow(dead_code)]
#[path = "src/model/label.rs"]
mod label;
#[path = "build/onboarding.rs"]
mod onboarding;
// The build uses the checks, not the report helpers xtask also reads from this file.
#[allow(dead_code)]
#[path = "build/sources.rs"]
mod sources;
#[path = "build/sync.rs"]
mod sync;
#[path = "build/tiers.rs"]
mod tiers;
#[path = "build/user_content.rs"]
mod user_content;
#[path = "build/vocabulary.rs"]
mod vocabulary;

use tiers::Tier;
use user_content::UserContent;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    id: String,
    name: String,
    kind: String,
    status: String,
    summary: String,
    azure: Azure,
    defender: Defender,
    synonyms: Vec<String>,
    source: Source,
    notices: Vec<NoticeDef>,
}

/// A notice shown at the point of need, anchored by a probe.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NoticeDef {
    portal: String,
    pages: Vec<String>,
    frame: String,
    place: String,
    condition: Option<String>,
    title: String,
    body: String,
    instead: Option<String>,
    link: Option<LinkDef>,
    probe: Vec<Tier>,
    probe_source: Source,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LinkDef {
    label: String,
    href: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Azure {
    menu: String,
    blades: Vec<String>,
    blade_guesses: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Defender {
    menu: String,
    link: Option<String>,
    routes: Vec<String>,
    aliases: Vec<Alias>,
}

/// An older or second Defender location that docs and users still name.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Alias {
    menu: String,
    note: String,
    source: Source,
}

/// A source: its shape here, its rules in `build/sources.rs` (which checks every source of
/// every catalog file before the files are compiled).
#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct Source {
    #[serde(rename = "ref")]
    reference: String,
    date: String,
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
    #[serde(default)]
    #[allow(dead_code)]
    guess: Option<String>,
    #[serde(default)]
    #[allow(dead_code)]
    also: Vec<Source>,
}

/// `catalog/probes.json`: how to find page elements, as templates filled from the catalog.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Probes {
    trainer: TrainerProbes,
    user_content: Vec<UserContent>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TrainerProbes {
    azure_menu_item: ProbeTemplate,
    defender_nav_item: ProbeTemplate,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProbeTemplate {
    tiers: Vec<Tier>,
    source: Source,
}

const KINDS: &[&str] = &["location", "capability"];
const STATUSES: &[&str] = &["same", "moved", "changed", "unavailable", "defender-only"];

/// The catalog files whose sources `build/sources.rs` checks.
const CATALOG_FILES: [&str; 4] = [
    "features.json",
    "probes.json",
    "sync.json",
    "onboarding.json",
];

/// Stops the build on any source that is not a dated public document, or a guess not marked.
fn check_sources() -> String {
    let release_path = PathBuf::from("catalog/release.json");
    println!("cargo:rerun-if-changed={}", release_path.display());
    println!("cargo:rerun-if-changed=build/sources.rs");
    println!("cargo:rerun-if-changed=build/tiers.rs");
    println!("cargo:rerun-if-changed=src/model/label.rs");
    let text = fs::read_to_string(&release_path)
        .unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", release_path.display())));
    let release = sources::release_date(&text)
        .unwrap_or_else(|e| fail(&format!("{}: {e}", release_path.display())));
    for file in CATALOG_FILES {
        let path = PathBuf::from("catalog").join(file);
        let text = fs::read_to_string(&path)
            .unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", path.display())));
        fail_on_problems(
            &format!("catalog/{file}"),
            &sources::check_catalog(file, &text, &release),
        );
    }
    release
}

fn main() {
    let release = check_sources();
    let path = PathBuf::from("catalog/features.json");
    println!("cargo:rerun-if-changed={}", path.display());
    let text = fs::read_to_string(&path)
        .unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", path.display())));
    let entries: Vec<Entry> = serde_json::from_str(&text)
        .unwrap_or_else(|e| fail(&format!("{} is not a valid catalog: {e}", path.display())));
    fail_on_problems("catalog/features.json", &validate(&entries));
    let out_dir = PathBuf::from(env::var("OUT_DIR").unwrap_or_else(|_| fail("OUT_DIR not set")));
    let out = out_dir.join("catalog_data.rs");
    fs::write(&out, generate(&entries))
        .unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", out.display())));

    let probes_path = PathBuf::from("catalog/probes.json");
    println!("cargo:rerun-if-changed={}", probes_path.display());
    let text = fs::read_to_string(&probes_path)
        .unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", probes_path.display())));
    let probes: Probes = serde_json::from_str(&text)
        .unwrap_or_else(|e| fail(&format!("{} is not valid: {e}", probes_path.display())));
    let mut errors = Vec::new();
    check_template(
        "trainer.azure_menu_item",
        &probes.trainer.azure_menu_item,
        &["blade", "label"],
        &mut errors,
    );
    check_template(
        "trainer.defender_nav_item",
        &probes.trainer.defender_nav_item,
        &["route"],
        &mut errors,
    );
    errors.extend(user_content::user_content_problems(&probes.user_content));
    fail_on_problems("catalog/probes.json", &errors);
    let mut code =
        String::from("// Generated by build.rs from catalog/probes.json. Do not edit.\n");
    let _ = writeln!(
        code,
        "pub(crate) static USER_CONTENT: &str = {:?};",
        user_content::user_content_css(&probes.user_content)
    );
    let _ = writeln!(
        code,
        "pub(crate) static AZURE_MENU_ITEM: ProbeTemplate = {};",
        template_code(&probes.trainer.azure_menu_item)
    );
    let _ = writeln!(
        code,
        "pub(crate) static DEFENDER_NAV_ITEM: ProbeTemplate = {};",
        template_code(&probes.trainer.defender_nav_item)
    );
    let out = out_dir.join("probe_templates.rs");
    fs::write(&out, code).unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", out.display())));

    let sync_path = PathBuf::from("catalog/sync.json");
    println!("cargo:rerun-if-changed={}", sync_path.display());
    println!("cargo:rerun-if-changed=build/sync.rs");
    let text = fs::read_to_string(&sync_path)
        .unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", sync_path.display())));
    let out = out_dir.join("sync_catalog.rs");
    fs::write(&out, sync::compile(&text))
        .unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", out.display())));

    let onboarding_path = PathBuf::from("catalog/onboarding.json");
    println!("cargo:rerun-if-changed={}", onboarding_path.display());
    println!("cargo:rerun-if-changed=build/onboarding.rs");
    let text = fs::read_to_string(&onboarding_path)
        .unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", onboarding_path.display())));
    let out = out_dir.join("onboarding_catalog.rs");
    fs::write(&out, onboarding::compile(&text))
        .unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", out.display())));

    // What a view report keeps: the words and attributes the probes of all four files look for.
    println!("cargo:rerun-if-changed=build/vocabulary.rs");
    let read = |file: &str| {
        fs::read_to_string(PathBuf::from("catalog").join(file))
            .unwrap_or_else(|e| fail(&format!("cannot read catalog/{file}: {e}")))
    };
    let [features, probes, sync, onboarding] = CATALOG_FILES.map(read);
    let out = out_dir.join("report_vocabulary.rs");
    fs::write(
        &out,
        vocabulary::compile(&features, &probes, &sync, &onboarding, &release),
    )
    .unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", out.display())));
}

/// A source is present with a date; `check_sources` (`build/sources.rs`) holds the rules of its
/// URL, date and guess marker for every source of every file.
fn check_source(at: &str, source: &Source, errors: &mut Vec<String>) {
    if source.reference.trim().is_empty() || !sources::is_iso_date(&source.date) {
        errors.push(format!("{at}: needs a source and a YYYY-MM-DD date"));
    }
}

/// A probe of `sync.json` or `onboarding.json`: the tier rules of `build/tiers.rs`.
fn check_probe(at: &str, probe: &[Tier], errors: &mut Vec<String>) {
    errors.extend(tiers::problems(at, probe, None));
}

/// A template needs tiers that meet the rules of `build/tiers.rs`, a dated source, and only the
/// placeholders its filler provides.
fn check_template(
    name: &str,
    template: &ProbeTemplate,
    allowed: &[&str],
    errors: &mut Vec<String>,
) {
    check_source(name, &template.source, errors);
    errors.extend(tiers::problems(name, &template.tiers, Some(allowed)));
}

fn notice_code(n: &NoticeDef) -> String {
    let template = ProbeTemplate {
        tiers: n.probe.clone(),
        source: n.probe_source.clone(),
    };
    format!(
        "Notice {{ portal: {}, pages: &{:?}, frame: Frame::{}, place: Place::{}, onboarded_only: {}, \
         title: {:?}, body: {:?}, instead: {:?}, link: {:?}, probe: {} }}",
        if n.portal == "azure" { "Portal::Azure" } else { "Portal::Defender" },
        n.pages,
        if n.frame == "blade" { "Blade" } else { "Top" },
        if n.place == "after" { "After" } else { "Append" },
        n.condition.is_some(),
        n.title,
        n.body,
        n.instead,
        n.link.as_ref().map(|l| (l.label.as_str(), l.href.as_str())),
        template_code(&template)
    )
}

fn template_code(template: &ProbeTemplate) -> String {
    let tiers: Vec<String> = template.tiers.iter().map(tiers::code).collect();
    format!("ProbeTemplate {{ tiers: &[{}] }}", tiers.join(", "))
}

/// Stops the build listing every problem of `file`, if it has any.
fn fail_on_problems(file: &str, errors: &[String]) {
    if !errors.is_empty() {
        fail(&format!(
            "{file} has {} problem(s):\n  {}",
            errors.len(),
            errors.join("\n  ")
        ));
    }
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1)
}

fn validate(entries: &[Entry]) -> Vec<String> {
    let mut errors = Vec::new();
    let mut ids = HashSet::new();
    let mut blades = HashSet::new();
    for e in entries {
        let at = format!("entry '{}'", e.id);
        if e.id.is_empty()
            || !e
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            errors.push(format!("{at}: id must be kebab-case ascii"));
        }
        if !ids.insert(e.id.clone()) {
            errors.push(format!("{at}: duplicate id"));
        }
        if e.name.trim().is_empty() || e.summary.trim().is_empty() {
            errors.push(format!("{at}: name and summary are required"));
        }
        if !KINDS.contains(&e.kind.as_str()) {
            errors.push(format!("{at}: kind '{}' is not one of {KINDS:?}", e.kind));
        }
        if !STATUSES.contains(&e.status.as_str()) {
            errors.push(format!(
                "{at}: status '{}' is not one of {STATUSES:?}",
                e.status
            ));
        }
        if e.azure.menu.trim().is_empty() || e.defender.menu.trim().is_empty() {
            errors.push(format!(
                "{at}: both portal locations are required (say 'Not available' where so)"
            ));
        }
        if let Some(link) = &e.defender.link {
            if !link.starts_with("https://") || link.contains(char::is_whitespace) {
                errors.push(format!("{at}: link '{link}' must be an https URL"));
            }
        }
        for blade in e.azure.blades.iter().chain(&e.azure.blade_guesses) {
            if blade.is_empty() || !blade.chars().all(|c| c.is_ascii_alphanumeric()) {
                errors.push(format!(
                    "{at}: blade name '{blade}' must be ascii alphanumeric"
                ));
            }
            if !blades.insert(blade.to_ascii_lowercase()) {
                errors.push(format!(
                    "{at}: blade '{blade}' already belongs to another entry"
                ));
            }
        }
        for route in &e.defender.routes {
            if let Err(why) = check_route(route) {
                errors.push(format!("{at}: route '{route}' {why}"));
            }
        }
        for alias in &e.defender.aliases {
            if alias.menu.trim().is_empty() || alias.note.trim().is_empty() {
                errors.push(format!("{at}: alias needs a menu and a note"));
            }
        }
        if e.kind == "location" && e.synonyms.is_empty() {
            errors.push(format!(
                "{at}: a location needs at least one synonym for search"
            ));
        }
        for (i, n) in e.notices.iter().enumerate() {
            let at = format!("{at} notice {i}");
            if !["azure", "defender"].contains(&n.portal.as_str()) {
                errors.push(format!("{at}: portal must be azure or defender"));
            }
            if !["top", "blade"].contains(&n.frame.as_str()) {
                errors.push(format!("{at}: frame must be top or blade"));
            }
            if n.frame == "blade" && n.portal != "azure" {
                errors.push(format!(
                    "{at}: only Azure-portal notices live in blade frames"
                ));
            }
            if !["after", "append"].contains(&n.place.as_str()) {
                errors.push(format!("{at}: place must be after or append"));
            }
            if n.condition.as_deref().is_some_and(|c| c != "onboarded") {
                errors.push(format!("{at}: the only condition is 'onboarded'"));
            }
            if n.pages.is_empty() || n.pages.iter().any(|p| !entries.iter().any(|x| &x.id == p)) {
                errors.push(format!("{at}: pages must name catalog ids ({:?})", n.pages));
            }
            if n.title.trim().is_empty() || n.body.trim().is_empty() {
                errors.push(format!("{at}: title and body are required"));
            }
            if let Some(link) = &n.link {
                if !link.href.starts_with("https://") || link.label.trim().is_empty() {
                    errors.push(format!("{at}: link needs a label and an https href"));
                }
            }
            let template = ProbeTemplate {
                tiers: n.probe.clone(),
                source: n.probe_source.clone(),
            };
            check_template(&at, &template, &[], &mut errors);
        }
        if e.synonyms.iter().any(|s| s.trim().is_empty()) {
            errors.push(format!("{at}: empty synonym"));
        }
    }
    errors
}

fn check_route(route: &str) -> Result<(), &'static str> {
    if !route.starts_with('/') {
        return Err("must start with '/'");
    }
    let segments: Vec<&str> = route.split('/').skip(1).collect();
    for (i, seg) in segments.iter().enumerate() {
        if *seg == "*" && i + 1 != segments.len() {
            return Err("may use '*' only as the last segment");
        }
        if seg.starts_with('{') != seg.ends_with('}') {
            return Err("has an unbalanced placeholder");
        }
    }
    Ok(())
}

fn generate(entries: &[Entry]) -> String {
    let mut s = String::from("// Generated by build.rs from catalog/features.json. Do not edit.\n");
    s.push_str("pub(crate) static FEATURES: &[Feature] = &[\n");
    for e in entries {
        let kind = if e.kind == "location" {
            "Location"
        } else {
            "Capability"
        };
        let status = match e.status.as_str() {
            "same" => "Same",
            "moved" => "Moved",
            "changed" => "Changed",
            "unavailable" => "Unavailable",
            _ => "DefenderOnly",
        };
        let _ = writeln!(
            s,
            "    Feature {{ id: {:?}, name: {:?}, kind: FeatureKind::{kind}, status: Status::{status}, summary: {:?}, \
             azure_menu: {:?}, azure_blades: &{:?}, azure_blade_guesses: &{:?}, defender_menu: {:?}, \
             defender_link: {:?}, defender_routes: &{:?}, defender_aliases: &[{}], notices: &[{}], synonyms: &{:?}, source_ref: {:?}, source_date: {:?} }},",
            e.id,
            e.name,
            e.summary,
            e.azure.menu,
            e.azure.blades,
            e.azure.blade_guesses,
            e.defender.menu,
            e.defender.link,
            e.defender.routes,
            e.defender
                .aliases
                .iter()
                .map(|a| format!(
                    "Alias {{ menu: {:?}, note: {:?}, source_ref: {:?}, source_date: {:?} }}",
                    a.menu, a.note, a.source.reference, a.source.date
                ))
                .collect::<Vec<_>>()
                .join(", "),
            e.notices.iter().map(notice_code).collect::<Vec<_>>().join(", "),
            e.synonyms,
            e.source.reference,
            e.source.date
        );
    }
    s.push_str("];\n");
    s
}
