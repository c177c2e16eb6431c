//! Validates `catalog/features.json` and compiles it into static Rust data.
//!
//! Portal knowledge is data, not code: a portal change is an edit of the JSON file. The
//! build fails on an entry without a source or date, a non-https link, a duplicate id, an
//! unknown status or a malformed route pattern, so a bad edit never reaches a user.

use serde::Deserialize;
use std::collections::HashSet;
use std::fmt::Write as _;
use std::{env, fs, path::PathBuf};

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
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Source {
    #[serde(rename = "ref")]
    reference: String,
    date: String,
}

const KINDS: &[&str] = &["location", "capability"];
const STATUSES: &[&str] = &["same", "moved", "changed", "unavailable", "defender-only"];

fn main() {
    let path = PathBuf::from("catalog/features.json");
    println!("cargo:rerun-if-changed={}", path.display());
    let text = fs::read_to_string(&path)
        .unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", path.display())));
    let entries: Vec<Entry> = serde_json::from_str(&text)
        .unwrap_or_else(|e| fail(&format!("{} is not a valid catalog: {e}", path.display())));
    let errors = validate(&entries);
    if !errors.is_empty() {
        fail(&format!(
            "catalog/features.json has {} problem(s):\n  {}",
            errors.len(),
            errors.join("\n  ")
        ));
    }
    let out = PathBuf::from(env::var("OUT_DIR").unwrap_or_else(|_| fail("OUT_DIR not set")))
        .join("catalog_data.rs");
    fs::write(&out, generate(&entries))
        .unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", out.display())));
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
        if e.source.reference.trim().is_empty() {
            errors.push(format!("{at}: source is required"));
        }
        if !is_iso_date(&e.source.date) {
            errors.push(format!(
                "{at}: source date '{}' is not YYYY-MM-DD",
                e.source.date
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
        if e.synonyms.iter().any(|s| s.trim().is_empty()) {
            errors.push(format!("{at}: empty synonym"));
        }
    }
    errors
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
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
             defender_link: {:?}, defender_routes: &{:?}, synonyms: &{:?}, source_ref: {:?}, source_date: {:?} }},",
            e.id,
            e.name,
            e.summary,
            e.azure.menu,
            e.azure.blades,
            e.azure.blade_guesses,
            e.defender.menu,
            e.defender.link,
            e.defender.routes,
            e.synonyms,
            e.source.reference,
            e.source.date
        );
    }
    s.push_str("];\n");
    s
}
