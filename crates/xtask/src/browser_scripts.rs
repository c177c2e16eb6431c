//! What every browser-driven command shares (`test`'s end-to-end tests, `demo`, `bench`,
//! `soak`): the release extension and the demo portal built, and `node` started in `tests/`
//! with the three paths the scripts read (`tests/support/browser.mjs`). One place, so a new path
//! or a new build step reaches all four.

use crate::assemble::{self, Built};
use crate::paths;
use crate::process::{self, command};
use crate::toolchain::{self, BuildTools};
use std::process::Command;

/// Builds `dist/extension/` (and its zip) and the demo portal the scripts serve the pages from.
pub fn build(tools: &BuildTools) -> Result<Built, String> {
    let built = assemble::build(tools)?;
    process::run(&mut command("cargo", &["build", "-p", "demo-portal"], None))?;
    Ok(built)
}

/// `node <args>` in `tests/`, with `WAYFINDER_EXTENSION_DIR`, `WAYFINDER_DEMO_PORTAL` and
/// `WAYFINDER_CHROMIUM` set.
pub fn node(args: &[&str]) -> Command {
    let mut node = command("node", args, Some(&paths::browser_tests_dir()));
    node.env("WAYFINDER_EXTENSION_DIR", paths::dist_extension())
        .env("WAYFINDER_DEMO_PORTAL", paths::demo_portal_binary())
        .env("WAYFINDER_CHROMIUM", toolchain::CHROMIUM);
    node
}
