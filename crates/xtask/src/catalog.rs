//! `cargo xtask catalog`: the catalog's sources by age, and every guess, in one report.
//!
//! Why: facts go stale by age, and the oldest documents are the first to re-read in a refresh
//! (`docs/catalog.md`). Guesses are spread over the catalog (blade names, probe markup) and the
//! demo portal's markup; listing them together shows what still waits for evidence. The report
//! runs the same source rules as the build (`crates/core/build/sources.rs`, included here) and
//! fails on any source that breaks them, so it never shows an entry without a URL and a document
//! date.

// xtask uses the collection and the checks, not every helper the build uses.
#[allow(dead_code)]
#[path = "../../core/build/sources.rs"]
mod sources;

use crate::paths;
use serde_json::Value;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// The catalog files, as `build.rs` compiles them.
const CATALOG_FILES: &[&str] = &[
    "features.json",
    "probes.json",
    "sync.json",
    "onboarding.json",
];

/// A file's name (as shown) and text.
pub struct Text {
    /// Shown in the report (`features.json`, `crates/demo-portal/web/azure/app.js`).
    pub name: String,
    /// Its content.
    pub text: String,
}

/// Reads the catalog and the demo portal's web files and prints the report.
pub fn run(args: &[String]) -> Result<(), String> {
    if let Some(extra) = args.first() {
        return Err(format!("catalog takes no arguments (got '{extra}')"));
    }
    let root = paths::root();
    let catalog_dir = root.join("crates/core/catalog");
    let release = read(&catalog_dir.join("release.json"))?;
    let catalog = CATALOG_FILES
        .iter()
        .map(|f| {
            Ok(Text {
                name: (*f).to_string(),
                text: read(&catalog_dir.join(f))?,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let mut demo = Vec::new();
    for file in web_files(&root.join("crates/demo-portal/web"))? {
        let name = file
            .strip_prefix(&root)
            .unwrap_or(&file)
            .display()
            .to_string();
        demo.push(Text {
            name,
            text: read(&file)?,
        });
    }
    println!("{}", report(&release, &catalog, &demo)?);
    Ok(())
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// The demo portal's scripts, pages and styles, in a stable order.
fn web_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut found = Vec::new();
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
            .path();
        if path.is_dir() {
            found.extend(web_files(&path)?);
        } else if path
            .extension()
            .is_some_and(|x| x == "js" || x == "html" || x == "css")
        {
            found.push(path);
        }
    }
    found.sort();
    Ok(found)
}

/// The report: the release, every source by document date (oldest first), then every guess.
/// Fails, listing them, when a source breaks the build's rules.
pub fn report(release_json: &str, catalog: &[Text], demo: &[Text]) -> Result<String, String> {
    let release = sources::release_date(release_json).map_err(|e| format!("release.json: {e}"))?;
    let last_refresh = serde_json::from_str::<Value>(release_json)
        .ok()
        .and_then(|v| v.get("last_full_refresh")?.as_str().map(str::to_string))
        .unwrap_or_else(|| "not recorded".to_string());
    let mut all = Vec::new();
    let mut problems = Vec::new();
    for file in catalog {
        let (found, shape) = sources::collect(&file.name, &file.text)?;
        problems.extend(shape);
        problems.extend(sources::check_catalog(&file.name, &file.text, &release));
        all.extend(found);
    }
    if !problems.is_empty() {
        return Err(format!(
            "{} source problem(s):\n  {}",
            problems.len(),
            problems.join("\n  ")
        ));
    }
    // Oldest document first; the file order breaks ties, so the report is stable.
    let mut by_age: Vec<&sources::Found> = all.iter().collect();
    by_age.sort_by(|a, b| a.date.cmp(&b.date));

    let mut out = String::new();
    let _ = writeln!(
        out,
        "Catalog released {release}; last full refresh {last_refresh}. {} sources in {} files, each a public document's URL with its date.",
        all.len(),
        catalog.len()
    );
    let _ = writeln!(out, "\n## Sources by document date, oldest first\n");
    for f in &by_age {
        let kind = match f.kind {
            sources::Kind::Fact => "fact",
            sources::Kind::Markup => "markup",
        };
        let _ = writeln!(
            out,
            "{}  {kind:<6}  {}\n            {}",
            f.date, f.at, f.reference
        );
    }

    let blades = blade_guesses(catalog);
    let marked: Vec<&&sources::Found> = by_age.iter().filter(|f| f.guess.is_some()).collect();
    let demo_guesses = demo_guesses(demo);
    let _ = writeln!(
        out,
        "\n## Guesses ({})\n",
        blades.len() + marked.len() + demo_guesses.len()
    );
    let _ = writeln!(
        out,
        "Azure blade names no public source shows ({}):",
        blades.len()
    );
    for (id, blade) in &blades {
        let _ = writeln!(out, "  features.json › {id}: {blade}");
    }
    let _ = writeln!(
        out,
        "\nCatalog sources marked as guesses ({}):",
        marked.len()
    );
    for f in &marked {
        let _ = writeln!(
            out,
            "  {}: {}",
            f.at,
            f.guess.as_deref().unwrap_or_default()
        );
    }
    let _ = writeln!(
        out,
        "\nDemo portal markup marked as a guess ({}):",
        demo_guesses.len()
    );
    for g in &demo_guesses {
        let _ = writeln!(out, "  {g}");
    }
    Ok(out)
}

/// `(entry id, blade name)` of every `azure.blade_guesses` item of `features.json`.
fn blade_guesses(catalog: &[Text]) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let features = catalog
        .iter()
        .filter(|f| f.name == "features.json")
        .filter_map(|f| serde_json::from_str::<Value>(&f.text).ok());
    for value in features {
        for entry in value.as_array().into_iter().flatten() {
            let id = entry.get("id").and_then(Value::as_str).unwrap_or("?");
            let guesses = entry
                .get("azure")
                .and_then(|a| a.get("blade_guesses"))
                .and_then(Value::as_array);
            for blade in guesses.into_iter().flatten().filter_map(Value::as_str) {
                found.push((id.to_string(), blade.to_string()));
            }
        }
    }
    found
}

/// `file:line: text` of every line of the demo portal that marks something as a guess.
fn demo_guesses(demo: &[Text]) -> Vec<String> {
    let mut found = Vec::new();
    for file in demo {
        for (i, line) in file.text.lines().enumerate() {
            if line.to_ascii_lowercase().contains("guess") {
                let text: String = line.trim().chars().take(160).collect();
                found.push(format!("{}:{}: {text}", file.name, i + 1));
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const RELEASE: &str = r#"{"released": "2026-12-07", "last_full_refresh": "2026-12-07"}"#;

    fn text(name: &str, text: &str) -> Text {
        Text {
            name: name.to_string(),
            text: text.to_string(),
        }
    }

    fn features(second_source: &str) -> Text {
        text(
            "features.json",
            &format!(
                r#"[
                  {{ "id": "new", "azure": {{ "blade_guesses": [] }},
                     "source": {{ "ref": "https://learn.microsoft.com/en-us/azure/sentinel/a", "date": "2026-06-18" }} }},
                  {{ "id": "old", "azure": {{ "blade_guesses": ["Overview"] }},
                     "notices": [{{ "probe_source": {{ "ref": "https://github.com/o/r/blob/abcdef1/x.js", "date": "2024-05-21", "guess": "the heading's element" }} }}],
                     "source": {second_source} }}
                ]"#
            ),
        )
    }

    #[test]
    fn lists_sources_oldest_first_and_every_guess() {
        let catalog = [features(
            r#"{ "ref": "https://learn.microsoft.com/en-us/azure/sentinel/b", "date": "2025-01-08" }"#,
        )];
        let demo = [text(
            "web/app.js",
            "const a = 1;\n  // guess: the nav markup\n",
        )];
        let out = report(RELEASE, &catalog, &demo).unwrap();
        assert!(
            out.starts_with(
                "Catalog released 2026-12-07; last full refresh 2026-12-07. 3 sources in 1 files"
            ),
            "{out}"
        );
        let old_markup = out
            .find("2024-05-21  markup  features.json › old › notices › 0 › probe_source")
            .unwrap();
        let old_fact = out
            .find("2025-01-08  fact    features.json › old › source")
            .unwrap();
        let new = out
            .find("2026-06-18  fact    features.json › new › source")
            .unwrap();
        assert!(old_markup < old_fact && old_fact < new, "{out}");
        assert!(out.contains("## Guesses (3)"), "{out}");
        assert!(out.contains("  features.json › old: Overview"), "{out}");
        assert!(out.contains("probe_source: the heading's element"), "{out}");
        assert!(
            out.contains("  web/app.js:2: // guess: the nav markup"),
            "{out}"
        );
    }

    #[test]
    fn refuses_a_catalog_whose_sources_break_the_rules() {
        let catalog = [features(
            r#"{ "ref": "facts.md §2.1", "date": "2026-11-22" }"#,
        )];
        let err = report(RELEASE, &catalog, &[]).unwrap_err();
        assert!(
            err.contains("features.json › old › source: ref 'facts.md §2.1' is not an https URL"),
            "{err}"
        );
        let late = [features(
            r#"{ "ref": "https://learn.microsoft.com/en-us/azure/sentinel/b", "date": "2027-02-01" }"#,
        )];
        assert!(report(RELEASE, &late, &[])
            .unwrap_err()
            .contains("later than the catalog's release date"));
        assert!(report("{}", &catalog, &[]).is_err());
    }

    #[test]
    fn the_shipped_catalog_reports_cleanly() {
        let dir = paths::root().join("crates/core/catalog");
        let catalog: Vec<Text> = CATALOG_FILES
            .iter()
            .map(|f| text(f, &read(&dir.join(f)).unwrap()))
            .collect();
        let out = report(&read(&dir.join("release.json")).unwrap(), &catalog, &[]).unwrap();
        assert!(out.contains("## Sources by document date, oldest first"));
        assert!(
            out.contains("features.json › overview: Overview"),
            "blade guesses are listed"
        );
    }
}
