//! The TypeScript types of the JS shells' boundary with the core, generated from the Rust types
//! (ts-rs) and kept in `crates/core/bindings/`, where the shells' JSDoc imports them; the shells'
//! type check in `cargo xtask test` then holds every message, reply and stored record the shells
//! read or write to these types.
//!
//! This test regenerates them into a scratch directory and fails when the committed files differ,
//! so a Rust change that moves the boundary cannot land without the shells seeing it. To write
//! the new files, run it with `WAYFINDER_WRITE_TYPES=1`:
//! `WAYFINDER_WRITE_TYPES=1 cargo test -p wayfinder-core --features ts --test ts_types`.
#![cfg(feature = "ts")]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use ts_rs::{Config, TS};
use wayfinder_core::model::PageFacts;
use wayfinder_core::plan::OverlayPlan;
use wayfinder_core::protocol::replies::{
    AnchorsReply, ChoiceReply, FactsReply, PlanReply, ReportReply, TabReply,
};
use wayfinder_core::protocol::{Health, Request};

fn export_all(dir: &Path) {
    let cfg = Config::new().with_out_dir(dir);
    let results = [
        Request::export_all(&cfg),
        PlanReply::export_all(&cfg),
        ChoiceReply::export_all(&cfg),
        ReportReply::export_all(&cfg),
        TabReply::export_all(&cfg),
        AnchorsReply::export_all(&cfg),
        FactsReply::export_all(&cfg),
        OverlayPlan::export_all(&cfg),
        Health::export_all(&cfg),
        PageFacts::export_all(&cfg),
    ];
    for result in results {
        assert!(result.is_ok(), "the types export: {result:?}");
    }
}

fn files(dir: &Path) -> BTreeMap<String, String> {
    fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| e.path().extension().is_some_and(|x| x == "ts"))
                .map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    (name, fs::read_to_string(e.path()).unwrap_or_default())
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_committed_typescript_types_are_the_generated_ones() {
    let committed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("bindings");
    if std::env::var_os("WAYFINDER_WRITE_TYPES").is_some() {
        let _ = fs::remove_dir_all(&committed);
        export_all(&committed);
        return;
    }
    let scratch = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("ts-types");
    let _ = fs::remove_dir_all(&scratch);
    export_all(&scratch);
    let (want, have) = (files(&scratch), files(&committed));
    let stale: BTreeSet<&String> = want
        .keys()
        .chain(have.keys())
        .filter(|name| want.get(*name) != have.get(*name))
        .collect();
    assert!(
        stale.is_empty(),
        "crates/core/bindings/ is out of date ({stale:?}); write it again with \
         WAYFINDER_WRITE_TYPES=1 cargo test -p wayfinder-core --features ts --test ts_types"
    );
}
