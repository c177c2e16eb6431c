//! Installs what the build and the tests need, when it is missing (idempotent).
//!
//! Measured traps on these machines (ARCHITECTURE.md, "Toolchain facts"): only the package
//! registries are reachable, so nothing may download from GitHub. wasm-pack is compiled from
//! crates.io, the wasm-bindgen CLI is compiled at exactly the version in Cargo.lock (without
//! `--locked`: its own lockfile pins a crate missing from the index), wasm-opt comes from npm's
//! `binaryen` (Debian's binaryen 108 silently breaks modules), and Chromium from Debian.

use crate::paths;
use crate::process::{command, output, run};
use std::ffi::OsString;
use std::path::PathBuf;

const WASM_PACK_VERSION: &str = "0.15.1";
const WASM_OPT_MIN_VERSION: u32 = 116;
/// Debian's Chromium and its WebDriver.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// WebDriver for wasm-bindgen-test.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// Chromium's German UI strings: Debian's `chromium` ships only `en-US.pak`, and without this
/// file Chromium runs in English whatever `LANGUAGE` says, so `chrome.i18n` never picks our German
/// messages (the German end-to-end test needs it). It comes with `chromium-l10n`.
const CHROMIUM_GERMAN: &str = "/usr/lib/chromium/locales/de.pak";

/// What the build needs on PATH.
pub struct BuildTools {
    /// PATH with the npm-installed tools first (wasm-opt, esbuild, tsc, eslint).
    pub path: OsString,
}

/// Ensures the wasm target, wasm-pack, the matching wasm-bindgen CLI, and the npm build tools
/// (wasm-opt, esbuild, and tsc and eslint for the shells' checks in `cargo xtask test`).
pub fn ensure_build_tools() -> Result<BuildTools, String> {
    let installed = output(&mut command(
        "rustup",
        &["target", "list", "--installed"],
        None,
    ))
    .unwrap_or_default();
    if !installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        run(&mut command(
            "rustup",
            &["target", "add", "wasm32-unknown-unknown"],
            None,
        ))?;
    }
    if output(&mut command("wasm-pack", &["--version"], None)).is_none() {
        run(&mut command(
            "cargo",
            &[
                "install",
                "--locked",
                "wasm-pack",
                "--version",
                WASM_PACK_VERSION,
            ],
            None,
        ))?;
    }
    let wanted = wasm_bindgen_version_in_lock()?;
    let have = output(&mut command("wasm-bindgen", &["--version"], None)).unwrap_or_default();
    if have.split_whitespace().nth(1) != Some(wanted.as_str()) {
        // No --locked: see the module comment.
        run(&mut command(
            "cargo",
            &[
                "install",
                "--force",
                "wasm-bindgen-cli",
                "--version",
                &wanted,
            ],
            None,
        ))?;
    }
    let tools_dir = paths::build_tools_dir();
    let bin = tools_dir.join("node_modules/.bin");
    // Every package of tools/package.json: a checkout that predates one still installs it.
    let npm_tools_missing = ["esbuild", "tsc", "eslint"]
        .iter()
        .any(|b| !bin.join(b).exists())
        || ["@eslint/js", "globals", "@types/chrome"].iter().any(|p| {
            !tools_dir
                .join("node_modules")
                .join(p)
                .join("package.json")
                .exists()
        });
    if wasm_opt_version(&bin.join("wasm-opt")).is_none_or(|v| v < WASM_OPT_MIN_VERSION)
        || npm_tools_missing
    {
        ensure_node()?;
        run(&mut command(
            "npm",
            &["ci", "--no-audit", "--no-fund"],
            Some(&tools_dir),
        ))?;
    }
    let version = wasm_opt_version(&bin.join("wasm-opt"))
        .ok_or("wasm-opt from npm binaryen did not install")?;
    if version < WASM_OPT_MIN_VERSION {
        return Err(format!(
            "wasm-opt {version} is too old (Debian's 108 breaks modules); need npm binaryen"
        ));
    }
    let mut dirs = vec![bin];
    dirs.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    let path = std::env::join_paths(dirs).map_err(|e| format!("cannot build PATH: {e}"))?;
    Ok(BuildTools { path })
}

/// Ensures Debian's Chromium with its German UI, ChromeDriver, Node.js, and the npm packages of
/// the browser tests (and jsdom, of the shells' unit tests).
pub fn ensure_browser_tools() -> Result<(), String> {
    let fonts_present = PathBuf::from("/usr/share/fonts/truetype/dejavu").exists();
    if !PathBuf::from(CHROMIUM).exists() || !PathBuf::from(CHROMEDRIVER).exists() || !fonts_present
    {
        apt_install(&[
            "chromium",
            "chromium-driver",
            "fonts-dejavu-core",
            "fonts-liberation",
        ])?;
    }
    if !PathBuf::from(CHROMIUM_GERMAN).exists() {
        apt_install(&["chromium-l10n"])?;
    }
    ensure_node()?;
    let tests = paths::browser_tests_dir();
    // Every dependency of tests/package.json: a checkout that predates one still installs it.
    let installed = ["playwright-core", "axe-core", "jsdom"].iter().all(|p| {
        tests
            .join("node_modules")
            .join(p)
            .join("package.json")
            .exists()
    });
    if !installed {
        run(&mut command(
            "npm",
            &["ci", "--no-audit", "--no-fund"],
            Some(&tests),
        ))?;
    }
    Ok(())
}

fn ensure_node() -> Result<(), String> {
    if output(&mut command("node", &["--version"], None)).is_some()
        && output(&mut command("npm", &["--version"], None)).is_some()
    {
        return Ok(());
    }
    apt_install(&["nodejs", "npm"])
}

fn apt_install(packages: &[&str]) -> Result<(), String> {
    let is_root = output(&mut command("id", &["-u"], None)).as_deref() == Some("0");
    let sudo_ok = !is_root && output(&mut command("sudo", &["-n", "true"], None)).is_some();
    if !is_root && !sudo_ok {
        return Err(format!(
            "missing system packages; install them with: sudo apt-get install -y {}",
            packages.join(" ")
        ));
    }
    let prefix: &[&str] = if is_root { &[] } else { &["sudo", "-n"] };
    let apt = |args: &[&str]| {
        let all: Vec<&str> = prefix
            .iter()
            .chain(["apt-get"].iter())
            .chain(args)
            .copied()
            .collect();
        let mut cmd = command(all[0], &all[1..], None);
        cmd.env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut cmd)
    };
    apt(&["update", "-qq"])?;
    let mut args = vec!["install", "-y", "-qq", "--no-install-recommends"];
    args.extend_from_slice(packages);
    apt(&args)
}

fn wasm_opt_version(path: &std::path::Path) -> Option<u32> {
    // "wasm-opt version 132 (version_132)"
    let text = output(&mut command(path, &["--version"], None))?;
    text.split_whitespace().nth(2)?.parse().ok()
}

/// The wasm-bindgen version pinned in Cargo.lock.
pub fn wasm_bindgen_version_in_lock() -> Result<String, String> {
    let lock = std::fs::read_to_string(paths::root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines
                .next()
                .and_then(|l| l.strip_prefix("version = \""))
                .and_then(|v| v.strip_suffix('"'))
            {
                return Ok(version.to_string());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen entry".to_string())
}
