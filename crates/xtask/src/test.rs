//! `cargo xtask test`: every check and test, in the order that fails fastest.

use crate::process::{self, command};
use crate::{browser_scripts, package_check, toolchain};

/// Installs what is missing, then formats check, the type check and lint of the JavaScript shells,
/// lints, native tests, the unit tests of the content script's probes and readers (jsdom), a
/// compile check of the fuzz targets, wasm tests in headless Chromium, the extension build and
/// its store package (packed by Chromium), and the end-to-end tests in Chromium.
pub fn run() -> Result<(), String> {
    let tools = toolchain::ensure_build_tools()?;
    toolchain::ensure_browser_tools()?;

    const WASM_PACKAGE_ARGS: &[&str] = &["-p", "wayfinder-ui", "-p", "wayfinder-worker"];
    let lints = ["--all-targets", "--", "-D", "warnings"];
    cargo(&["fmt", "--all", "--", "--check"])?;
    // The JavaScript shells: TypeScript checks them with their JSDoc (nothing emitted) and ESLint
    // lints them and the test scripts; both from crates/xtask/tools (its configs are there too).
    let mut tsc = command(
        "tsc",
        &["-p", "crates/xtask/tools/tsconfig.shells.json"],
        None,
    );
    process::run(tsc.env("PATH", &tools.path))?;
    let mut eslint = command(
        "eslint",
        &[
            "--config",
            "crates/xtask/tools/eslint.config.mjs",
            "extension",
            "tests",
        ],
        None,
    );
    process::run(eslint.env("PATH", &tools.path))?;
    // With the core's `ts` feature: its TypeScript types are part of what is linted and tested
    // (crates/core/tests/ts_types.rs fails when crates/core/bindings/ is out of date).
    cargo(
        &[
            &["clippy", "--workspace", "--features", "wayfinder-core/ts"][..],
            &lints,
        ]
        .concat(),
    )?;
    cargo(
        &[
            &["clippy", "--target", "wasm32-unknown-unknown"][..],
            WASM_PACKAGE_ARGS,
            &lints,
        ]
        .concat(),
    )?;
    cargo(&["test", "--workspace", "--features", "wayfinder-core/ts"])?;
    // The content script's probe engine and readers on static HTML in jsdom (tests/shells/).
    process::run(&mut browser_scripts::node(&["--test", "shells/"]))?;
    // The fuzz targets are a workspace of their own (docs/fuzzing.md) and their runs are a
    // separate command, so nothing else would notice a change of the core that breaks them
    // (it happened: `decode_request` did not cover two later messages). Checked, not run.
    // `cargo` runs in the workspace root (`process::command`), so the path is relative to it.
    cargo(&["check", "--manifest-path", "fuzz/Cargo.toml", "--bins"])?;

    // wasm-bindgen-test in real headless Chromium, through Debian's ChromeDriver.
    let mut wasm_tests = command(
        "cargo",
        &[
            "test",
            "-p",
            "wayfinder-ui",
            "--target",
            "wasm32-unknown-unknown",
        ],
        None,
    );
    wasm_tests
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            "wasm-bindgen-test-runner",
        )
        .env("CHROMEDRIVER", toolchain::CHROMEDRIVER)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
        .env("PATH", &tools.path);
    process::run(&mut wasm_tests)?;

    let built = browser_scripts::build(&tools)?;
    let package = package_check::check(&built.zip, toolchain::CHROMIUM)?;

    let mut e2e = browser_scripts::node(&["--test", "--test-concurrency=1", "e2e/"]);
    e2e.env("WAYFINDER_PACKAGE_DIR", &package);
    process::run(&mut e2e)
}

fn cargo(args: &[&str]) -> Result<(), String> {
    process::run(&mut command("cargo", args, None))
}
