//! The baseline build of `cargo xtask bench --baseline <rev>`: another revision of this
//! repository, checked out in a git worktree of its own and built by its own `cargo xtask build`.
//!
//! Why a worktree and a target directory of its own: the baseline must be built exactly as that
//! revision builds itself (its xtask, its wasm-opt passes, its size checks), without touching the
//! working tree under test or the cargo cache of the current build, whose wasm artifacts have
//! the same names. The worktree is `target/bench/baseline`, left after the run and moved to the
//! next run's revision; the first build of its target directory is a cold build. Its build
//! installs what that revision's build needs (its npm tools in the worktree; the
//! `wasm-bindgen` CLI its lockfile names, which replaces the installed one when they differ).

use crate::{paths, process};
use std::fs;
use std::path::PathBuf;

/// A built baseline.
pub struct Baseline {
    /// Its unpacked extension (`dist/extension` of the worktree).
    pub extension_dir: PathBuf,
    /// `<rev> (<short hash>)`, for the report.
    pub label: String,
}

/// Checks `rev` out into the baseline worktree and builds its extension.
pub fn build(rev: &str) -> Result<Baseline, String> {
    let root = paths::root();
    // `process::command` runs git in the repository root unless given the worktree.
    let hash = process::output(&mut process::command(
        "git",
        &["rev-parse", "--short", &format!("{rev}^{{commit}}")],
        None,
    ))
    .ok_or_else(|| format!("--baseline {rev:?} is not a revision of this repository"))?;
    let dir = root.join("target/bench/baseline");
    let dir_arg = dir.to_string_lossy().into_owned();
    // A worktree whose folder is gone (after `cargo clean`) is still registered: forget it first.
    process::run(&mut process::command("git", &["worktree", "prune"], None))?;
    if dir.join(".git").is_file() {
        // The last run's worktree: moved to the revision, keeping its installed build tools.
        process::run(&mut process::command(
            "git",
            &["checkout", "--force", "--detach", &hash],
            Some(&dir),
        ))?;
    } else {
        if dir.exists() {
            fs::remove_dir_all(&dir).map_err(|e| format!("cannot remove {dir_arg}: {e}"))?;
        }
        process::run(&mut process::command(
            "git",
            &["worktree", "add", "--detach", &dir_arg, &hash],
            None,
        ))?;
    }
    let mut build = process::command("cargo", &["xtask", "build"], Some(&dir));
    build.env(
        "CARGO_TARGET_DIR",
        root.join("target/bench/baseline-target"),
    );
    process::run(&mut build)?;
    Ok(Baseline {
        extension_dir: dir.join("dist/extension"),
        label: format!("{rev} ({hash})"),
    })
}
