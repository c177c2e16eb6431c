//! The store package checked as a store and a user would take it: the zip (not `dist/extension`)
//! is unpacked into `target/package-check/extension`, Chromium's own `--pack-extension` must
//! pack that directory into a `.crx`, and the end-to-end tests load it into Chromium
//! (`tests/e2e/store-package.test.mjs`, through `WAYFINDER_PACKAGE_DIR`). The zip already holds
//! exactly the bytes of `dist/extension` (`assemble::verify_zip`); this proves those bytes are an
//! extension on their own.

use crate::paths;
use crate::process::{self, command};
use std::fs;
use std::path::{Path, PathBuf};

/// Unpacks `zip`, packs the result with Chromium, and returns the unpacked directory.
pub fn check(zip: &Path, chromium: &str) -> Result<PathBuf, String> {
    let work = paths::root().join("target/package-check");
    if work.exists() {
        fs::remove_dir_all(&work).map_err(|e| format!("cannot clear {}: {e}", work.display()))?;
    }
    let unpacked = work.join("extension");
    fs::create_dir_all(&unpacked).map_err(|e| e.to_string())?;
    let file = fs::File::open(zip).map_err(|e| format!("cannot open {}: {e}", zip.display()))?;
    let mut archive =
        zip::ZipArchive::new(file).map_err(|e| format!("{} is not a zip: {e}", zip.display()))?;
    // `extract` refuses entries that would land outside the directory (zip-slip).
    archive
        .extract(&unpacked)
        .map_err(|e| format!("cannot unpack {}: {e}", zip.display()))?;
    process::run(&mut command(
        chromium,
        &[
            "--headless=new",
            "--no-sandbox",
            &format!("--pack-extension={}", unpacked.display()),
        ],
        None,
    ))
    .map_err(|e| format!("Chromium could not pack the store package: {e}"))?;
    let crx = work.join("extension.crx");
    if !crx.exists() {
        return Err("Chromium made no .crx of the store package".to_string());
    }
    let size = fs::metadata(&crx).map(|m| m.len()).unwrap_or_default();
    eprintln!("xtask: Chromium packed the store zip's contents into a {size}-byte .crx");
    Ok(unpacked)
}
