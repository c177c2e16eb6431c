// The policy's and the settings' patches exist with the feature only (on in every workspace
// test run).
#![cfg(feature = "probe-patches")]

use super::*;
use crate::settings::policy::Policy;
use crate::settings::Settings;

/// A patch as a file or a policy writes it.
fn patch(json: &str) -> ProbePatch {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{json}: {e}"))
}

const CHECKLIST: &str = r#"{"notice":"incident-tasks","portal":"azure","page":"incident-page",
  "tiers":[{"by":"selector","css":".new-design-checklist"},{"by":"role","role":"tab","text":"Checklist"}],
  "evidence":"Seen in our tenant on 2026-12-01: Tasks is now a Checklist tab."}"#;

fn error(json: &str) -> String {
    patch(json).check("p").expect_err(json)
}

#[test]
fn a_patch_of_a_catalog_probe_passes_and_adds_its_tiers_by_kind() {
    let p = patch(CHECKLIST);
    assert_eq!(p.check("p"), Ok(()));
    assert_eq!((p.mode, p.origin()), (PatchMode::Add, PatchOrigin::Local));
    assert!(p.patches(Portal::Azure, "incident-page", "incident-tasks"));
    assert!(!p.patches(Portal::Azure, "automation", "incident-tasks"));
    let catalog = vec![
        Tier::Selector {
            css: "[data-x]".into(),
        },
        Tier::Label {
            within: "button".into(),
            text: "Tasks".into(),
        },
    ];
    let over = p.tiers_over(&catalog);
    assert_eq!(
        over,
        [
            p.tiers[0].clone(),
            catalog[0].clone(),
            p.tiers[1].clone(),
            catalog[1].clone()
        ],
        "the patch's exact tier, the catalog's, the patch's tolerant tier, the catalog's"
    );
    let replaced = ProbePatch {
        mode: PatchMode::Replace,
        ..p.clone()
    };
    assert_eq!(replaced.tiers_over(&catalog), p.tiers);
}

#[test]
fn each_refusal_names_its_field() {
    let cases = [
        (CHECKLIST.replace("incident-tasks", "Tasks!"), "p.notice: not a catalog id"),
        (CHECKLIST.replace("incident-tasks", "no-such-notice"), "p.notice: the catalog has no notice"),
        (CHECKLIST.replace("\"azure\"", "\"azure-blade-frame\""), "p.portal:"),
        (CHECKLIST.replace("\"azure\"", "\"defender\""), "p.notice: the catalog has no notice"),
        (CHECKLIST.replace("incident-page", "hunting"), "p.page: notice \"incident-tasks\" is on the pages [\"incident-page\", \"automation\"]"),
        (CHECKLIST.replace(".new-design-checklist", ".x[data-y"), "p.tiers[0]: selector '.x[data-y' leaves a bracket"),
        (CHECKLIST.replace("Checklist\"}", "+\"}"), "p.tiers[1]: label '+' has an empty normal form"),
        (CHECKLIST.replace(".new-design-checklist", ""), "p.tiers[0]: an empty selector"),
        (CHECKLIST.replace("Seen in our tenant on 2026-12-01: Tasks is now a Checklist tab.", "  "), "p.evidence:"),
        (CHECKLIST.replace(".new-design-checklist", &"a".repeat(MAX_FIELD_CHARS + 1)), "p.tiers[0]: a selector, label or path longer than"),
        (CHECKLIST.replace("\"tiers\":[", "\"mode\":\"replace\",\"tiers\":[{\"by\":\"label\",\"within\":\"div\",\"text\":\"Checklist\"},"), "p.tiers[1]: an exact tier after a tolerant one"),
        (CHECKLIST.replace("\"tiers\":[{\"by\":\"selector\",\"css\":\".new-design-checklist\"},{\"by\":\"role\",\"role\":\"tab\",\"text\":\"Checklist\"}]", "\"tiers\":[]"), "p.tiers: 1 to 8 tiers"),
    ];
    for (json, expected) in cases {
        let why = error(&json);
        assert!(why.starts_with(expected), "{expected} ≠ {why}");
    }
    // The catalog's probe of the Tasks button has four tiers: five more make nine.
    let five = [r#"{"by":"selector","css":"a"}"#; 5].join(",");
    let json = CHECKLIST.replace(
        "{\"by\":\"selector\",\"css\":\".new-design-checklist\"}",
        &five,
    );
    assert!(
        error(&json).starts_with("p.tiers: 10 tiers, more than 8"),
        "{}",
        error(&json)
    );
}

#[test]
fn unknown_fields_and_kinds_do_not_decode() {
    for json in [
        CHECKLIST.replace("\"evidence\"", "\"note\":\"x\",\"evidence\""),
        CHECKLIST.replace("\"by\":\"selector\"", "\"by\":\"xpath\""),
        CHECKLIST.replace("\"tiers\"", "\"mode\":\"merge\",\"tiers\""),
    ] {
        assert!(serde_json::from_str::<ProbePatch>(&json).is_err(), "{json}");
    }
}

fn file(patches: &str) -> PatchFile {
    serde_json::from_str(&format!(
        r#"{{"format":"{FORMAT}","version":{VERSION},"patches":[{patches}]}}"#
    ))
    .expect("a patch file")
}

#[test]
fn a_file_is_checked_whole() {
    assert_eq!(
        file(CHECKLIST).imported_over(&[]),
        Ok(vec![patch(CHECKLIST)])
    );
    let by_policy = CHECKLIST.replace("\"evidence\"", "\"byPolicy\":true,\"evidence\"");
    let cases = [
        (
            format!("{CHECKLIST},{CHECKLIST}"),
            "patches[1]: a second patch for the same probe",
        ),
        (by_policy, "patches[0].byPolicy:"),
        (
            [CHECKLIST; MAX_USER_PATCHES + 1].join(","),
            "patches: more than 4 patches",
        ),
        (
            CHECKLIST.replace("Checklist\"}", "\"}"),
            "patches[0].tiers[1]: an empty",
        ),
    ];
    for (patches, expected) in cases {
        let why = file(&patches).imported_over(&[]).expect_err(expected);
        assert!(why.starts_with(expected), "{expected} ≠ {why}");
    }
    let mut wrong = file(CHECKLIST);
    wrong.format = "secops-wayfinder-settings".into();
    assert!(wrong
        .imported_over(&[])
        .expect_err("format")
        .starts_with("format:"));
    let mut newer = file(CHECKLIST);
    newer.version = 2;
    assert!(newer
        .imported_over(&[])
        .expect_err("version")
        .starts_with("version:"));
}

fn policy(patches: &str) -> (Policy, Vec<String>) {
    let settings: Settings =
        serde_json::from_str(&format!(r#"{{"probePatches":[{patches}]}}"#)).expect("settings");
    Policy::new(settings, vec!["probePatches".into()]).checked()
}

#[test]
fn a_policy_keeps_its_good_patches_as_its_own_and_drops_a_bad_one_alone() {
    let bad = CHECKLIST.replace("incident-page", "hunting");
    let other = CHECKLIST.replace("incident-tasks", "incident-comment-edit");
    let (p, problems) = policy(&format!("{bad},{CHECKLIST},{CHECKLIST},{other}"));
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].starts_with("probePatches[0].page:"));
    assert!(problems[1].starts_with("probePatches[2]: a second patch"));
    assert_eq!(p.patches().len(), 2);
    assert!(p
        .patches()
        .iter()
        .all(|p| p.origin() == PatchOrigin::Organization));
    assert!(
        !p.locks("probePatches"),
        "the user still patches other probes"
    );
}

#[test]
fn the_policys_patch_wins_on_its_probe_and_the_users_stay_on_others() {
    let (p, _) = policy(CHECKLIST);
    let mine = patch(CHECKLIST);
    let mut other = patch(&CHECKLIST.replace("incident-tasks", "incident-comment-edit"));
    other.by_policy = true; // stored settings never say so; if they did, they are still the user's
    let user = Settings {
        probe_patches: vec![mine, other.clone()],
        ..Settings::default()
    };
    let in_force = p.over(&user).probe_patches;
    assert_eq!(in_force.len(), 2);
    assert_eq!(in_force[0].origin(), PatchOrigin::Organization);
    assert_eq!(in_force[1].notice, "incident-comment-edit");
    assert_eq!(in_force[1].origin(), PatchOrigin::Local);
    let (none, _) = Policy::new(Settings::default(), Vec::new()).checked();
    assert_eq!(
        none.over(&user).probe_patches[1].origin(),
        PatchOrigin::Local
    );
}

#[test]
fn a_tolerant_label_is_ascii_as_the_catalogs_are() {
    let why = error(&CHECKLIST.replace("Checklist\"}", "Prüfliste\"}"));
    assert!(
        why.starts_with("p.tiers[1]: a tolerant tier's label is in English"),
        "{why}"
    );
    let exact = CHECKLIST.replace(
        "{\"by\":\"role\",\"role\":\"tab\",\"text\":\"Checklist\"}",
        "{\"by\":\"text\",\"within\":\"button\",\"text\":\"Prüfliste\"}",
    );
    assert_eq!(
        patch(&exact).check("p"),
        Ok(()),
        "an exact tier compares text as written"
    );
}

#[test]
fn an_import_replaces_the_users_patches_for_its_probes_and_keeps_the_others() {
    let comments = patch(&CHECKLIST.replace("incident-tasks", "incident-comment-edit"));
    let old_tasks = patch(&CHECKLIST.replace("Checklist", "To-do"));
    let mine = vec![comments.clone(), old_tasks];
    assert_eq!(
        file(CHECKLIST).imported_over(&mine),
        Ok(vec![comments, patch(CHECKLIST)])
    );
    // Four of one's own and a fifth in the file: refused, with what the user had.
    let four: Vec<ProbePatch> = [
        "incident-comment-edit",
        "add-entity-to-ti",
        "incident-add-remove-alerts",
        "similar-incidents",
    ]
    .iter()
    .map(|id| {
        let mut p = patch(CHECKLIST);
        p.notice = (*id).to_string();
        p.tiers.truncate(1);
        p
    })
    .collect();
    let why = file(CHECKLIST).imported_over(&four).expect_err("five");
    assert_eq!(why, "patches: more than 4 patches (with the 4 you had)");
}

#[test]
fn the_users_patches_fit_beside_the_other_settings_in_one_sync_item() {
    let long = format!("[data-x=\\\"{}\\\"]", "\\\"".repeat(140));
    let big = CHECKLIST.replace(".new-design-checklist", &long);
    let one = patch(&big);
    assert_eq!(one.check("p"), Ok(()), "each patch passes on its own");
    let many: Vec<ProbePatch> = [
        "incident-tasks",
        "incident-comment-edit",
        "add-entity-to-ti",
        "similar-incidents",
    ]
    .iter()
    .map(|id| ProbePatch {
        notice: (*id).to_string(),
        tiers: vec![one.tiers[0].clone(); 3],
        ..one.clone()
    })
    .collect();
    let why = check_user_patches(&many, "settings.probePatches").expect_err("too big");
    assert!(
        why.starts_with("settings.probePatches: ") && why.contains("more than the 4096"),
        "{why}"
    );
}

#[test]
fn a_policy_patch_that_did_not_decode_is_dropped_alone_with_its_index() {
    let settings: Settings = serde_json::from_str(r#"{"trainer":true}"#).expect("settings");
    let entries = vec![
        (
            0,
            Err("tiers[0]: an unknown tag, or fields that do not match the tag".to_string()),
        ),
        (1, Ok(patch(CHECKLIST))),
    ];
    let (p, problems) = Policy::new(settings, vec!["trainer".into(), "probePatches".into()])
        .with_patch_entries(entries)
        .checked();
    assert_eq!(
        problems,
        ["probePatches[0]: tiers[0]: an unknown tag, or fields that do not match the tag"]
    );
    assert_eq!(p.patches().len(), 1);
    assert_eq!(
        p.flag("trainer"),
        Some(true),
        "the rest of the policy holds"
    );
}
