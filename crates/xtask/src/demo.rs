//! `cargo xtask demo`: the demo portal with the extension loaded, for trainers and newcomers.
//!
//! With a display, Chromium opens on the demo portal (the real hostnames, mapped to the
//! loopback server) with `dist/extension` loaded. Without one, the headless walk visits the
//! demo's pages and writes screenshots to `target/demo/`.

use crate::process;
use crate::{browser_scripts, paths, toolchain};

/// Builds everything and runs the demo (headed or headless).
pub fn run() -> Result<(), String> {
    let tools = toolchain::ensure_build_tools()?;
    toolchain::ensure_browser_tools()?;
    browser_scripts::build(&tools)?;
    let has_display = ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|s| !s.is_empty()));
    let mode = if has_display { "headed" } else { "headless" };
    let out = paths::root().join("target/demo");
    let out_arg = out.to_string_lossy().into_owned();
    process::run(&mut browser_scripts::node(&[
        "demo/walk.mjs",
        mode,
        &out_arg,
    ]))
}
