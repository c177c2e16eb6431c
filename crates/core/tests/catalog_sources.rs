//! The catalog's source rules (`build/sources.rs`) hold for the shipped catalog and reject each
//! kind of bad source in `tests/fixtures/bad-catalog/`.
//!
//! Why a test beside the build: the build proves the shipped catalog passes; only a catalog
//! that is wrong on purpose proves the rules reject what they should. The test includes the very
//! file the build script uses, so both run the same code.

#[allow(dead_code)]
#[path = "../build/sources.rs"]
mod sources;

use std::path::{Path, PathBuf};

fn dir(parts: &[&str]) -> PathBuf {
    parts
        .iter()
        .fold(PathBuf::from(env!("CARGO_MANIFEST_DIR")), |p, part| {
            p.join(part)
        })
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn release(catalog: &Path) -> String {
    sources::release_date(&read(&catalog.join("release.json")))
        .unwrap_or_else(|e| panic!("release.json: {e}"))
}

#[test]
fn every_source_of_the_shipped_catalog_is_a_dated_public_document() {
    let catalog = dir(&["catalog"]);
    let released = release(&catalog);
    let mut counted = 0;
    for file in [
        "features.json",
        "probes.json",
        "sync.json",
        "onboarding.json",
    ] {
        let text = read(&catalog.join(file));
        assert_eq!(
            sources::check_catalog(file, &text, &released),
            Vec::<String>::new(),
            "{file}"
        );
        let (found, shape) = sources::collect(file, &text).expect("JSON");
        assert!(shape.is_empty(), "{shape:?}");
        counted += found.len();
    }
    assert!(counted > 100, "{counted} sources");
}

#[test]
fn the_bad_fixture_fails_once_for_each_bad_source() {
    let fixture = dir(&["tests", "fixtures", "bad-catalog"]);
    let problems = sources::check_catalog(
        "features.json",
        &read(&fixture.join("features.json")),
        &release(&fixture),
    );
    let expected = [
        ("plain-text-ref", "is not an https URL"),
        ("truncated-ref", "contains whitespace"),
        ("branch-not-commit", "is not pinned to a commit"),
        ("fact-from-third-party-code", "is third-party code"),
        (
            "date-after-release",
            "later than the catalog's release date 2026-12-07",
        ),
        ("not-a-date", "is not the document's YYYY-MM-DD date"),
        (
            "unmarked-guess",
            "says 'unconfirmed' but is not marked as a guess",
        ),
        ("empty-guess", "'guess' must say what is guessed"),
        (
            "moved-page › source",
            "moved to https://learn.microsoft.com/en-us/azure/sentinel/microsoft-sentinel-onboard",
        ),
        (
            "moved-page › doc",
            "moved to https://learn.microsoft.com/en-us/azure/sentinel/automation-rule-reference",
        ),
        ("bad-also › source › also 0", "is not an https URL"),
        ("bad-also › source", "unknown field 'comment'"),
    ];
    for (at, says) in expected {
        assert!(
            problems.iter().any(|p| p.contains(at) && p.contains(says)),
            "no problem at '{at}' saying '{says}' in:\n{}",
            problems.join("\n")
        );
    }
    assert_eq!(problems.len(), expected.len(), "{}", problems.join("\n"));
    assert!(
        !problems
            .iter()
            .any(|p| p.contains("markup-from-third-party-code-is-fine")),
        "third-party code may evidence markup, and a marked guess passes"
    );
}

#[test]
fn a_release_date_must_be_a_date() {
    assert_eq!(
        sources::release_date(r#"{"released": "2026-12-07"}"#),
        Ok("2026-12-07".to_string())
    );
    assert!(sources::release_date(r#"{"released": "December 2026"}"#).is_err());
    assert!(sources::release_date("{}").is_err());
}

#[test]
fn refs_follow_their_kind() {
    use sources::{check_ref, Kind};
    let learn = "https://learn.microsoft.com/en-us/azure/sentinel/move-to-defender";
    assert_eq!(check_ref(learn, Kind::Fact), Ok(()));
    assert!(check_ref(
        "https://learn.microsoft.com/azure/sentinel/move-to-defender",
        Kind::Fact
    )
    .is_err());
    assert!(check_ref("https://learn.microsoft.com/en-us/", Kind::Fact).is_err());
    assert!(check_ref("https://techcommunity.microsoft.com/blog/x", Kind::Fact).is_err());
    let third_party = "https://github.com/socprime/the-prime-hunt/blob/d15ea1f8/extension/a.ts";
    assert_eq!(check_ref(third_party, Kind::Markup), Ok(()));
    assert!(check_ref(third_party, Kind::Fact).is_err());
    assert!(check_ref(
        "https://github.com/MicrosoftDocs/defender-docs/blob/052935f5",
        Kind::Fact
    )
    .is_err());
    assert!(sources::is_iso_date("2026-06-15"));
    assert!(!sources::is_iso_date("2026-13-01"));
    assert!(!sources::is_iso_date("2026-6-15"));
}
