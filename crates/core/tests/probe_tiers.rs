//! The build's probe-tier rules (`build/tiers.rs`) accept the shipped catalog's kinds of tiers
//! and refuse each kind of bad one.
//!
//! Why a test beside the build: the build proves the shipped catalog passes; only tiers that are
//! wrong on purpose prove the rules refuse what they should. The test includes the very files
//! the build script uses (the tier rules and the label normal form), so both run the same code.

#[allow(dead_code)]
#[path = "../src/model/label.rs"]
mod label;
#[allow(dead_code)]
#[path = "../build/tiers.rs"]
mod tiers;

use tiers::{problems, shallow_css_check, Tier};

fn tiers_of(json: &str) -> Vec<Tier> {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{json}: {e}"))
}

#[test]
fn the_build_and_the_core_agree_on_the_most_tiers() {
    assert_eq!(tiers::MAX_TIERS, wayfinder_core::model::MAX_TIERS);
}

#[test]
fn exact_then_tolerant_tiers_pass() {
    let probe = tiers_of(
        r#"[
          {"by": "selector", "css": "[data-telemetryname=\"Command-Tasks\"]"},
          {"by": "text", "within": "button", "text": "Tasks"},
          {"by": "label", "within": "button", "text": "Tasks"},
          {"by": "aria-label", "within": "button", "text": "Tasks"},
          {"by": "role", "role": "tab", "text": "Tasks (Preview)"}
        ]"#,
    );
    assert_eq!(problems("t", &probe, None), Vec::<String>::new());
    assert_eq!(
        probe.iter().filter(|t| t.is_tolerant()).count(),
        3,
        "label, aria-label and role are tolerant"
    );
}

#[test]
fn each_bad_tier_is_refused_with_its_place() {
    for (json, says) in [
        (r#"[]"#, "at least one tier"),
        (r#"[{"by": "selector", "css": " "}]"#, "tier 0: an empty"),
        (
            r#"[{"by": "link-path", "within": "nav", "path": "incidents"}]"#,
            "must start with '/'",
        ),
        (
            r#"[{"by": "role", "role": "checkbox", "text": "Tasks"}]"#,
            "role 'checkbox' is not one of",
        ),
        (
            r#"[{"by": "label", "within": "button", "text": "(3)"}, {"by": "aria-label", "within": "button", "text": "+"}]"#,
            "tier 1: label '+' has an empty normal form",
        ),
        (
            r#"[{"by": "label", "within": "button", "text": "Tasks"}, {"by": "text", "within": "button", "text": "Tasks"}]"#,
            "tier 1: an exact tier after a tolerant one",
        ),
        (
            r#"[{"by": "selector", "css": "[data-x=\"a\""}]"#,
            "leaves a bracket or parenthesis open",
        ),
        (
            r#"[{"by": "label", "within": "button:not(.a))", "text": "Tasks"}]"#,
            "closes a bracket or parenthesis it did not open",
        ),
        (
            r#"[{"by": "selector", "css": "[title='a]"}]"#,
            "leaves a quote open",
        ),
    ] {
        let found = problems("probe", &tiers_of(json), None);
        assert!(
            found
                .iter()
                .any(|p| p.starts_with("probe") && p.contains(says)),
            "{json}: {found:?}"
        );
    }
    let nine = format!("[{}]", [r#"{"by": "selector", "css": "a"}"#; 9].join(", "));
    assert!(problems("p", &tiers_of(&nine), None)
        .iter()
        .any(|p| p.contains("more than 8")));
}

#[test]
fn unknown_tier_kinds_and_fields_do_not_decode() {
    for bad in [
        r#"[{"by": "xpath", "css": "//a"}]"#,
        r#"[{"by": "role", "role": "tab"}]"#,
        r#"[{"by": "label", "within": "button", "text": "Tasks", "role": "tab"}]"#,
        r#"[{"by": "aria-label", "text": "Tasks"}]"#,
    ] {
        assert!(serde_json::from_str::<Vec<Tier>>(bad).is_err(), "{bad}");
    }
}

#[test]
fn templates_name_only_their_placeholders() {
    let template = tiers_of(
        r#"[{"by": "link-path", "within": "nav", "path": "{route}"},
            {"by": "label", "within": "li", "text": "{label} {blade}"}]"#,
    );
    let found = problems("trainer", &template, Some(&["route", "label"]));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("unknown placeholder '{blade}'"),
        "{found:?}"
    );
}

#[test]
fn the_shallow_css_check_reads_quotes_and_escapes() {
    for ok in [
        "button",
        "[data-telemetryname=\"Command-Tasks\"]",
        "[aria-label=\"a ] b\"], li:not([hidden])",
        "[title='it\\'s']",
        "a\\[b",
    ] {
        assert_eq!(shallow_css_check(ok), Ok(()), "{ok}");
    }
}
