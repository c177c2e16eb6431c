//! `cargo xtask`: the project's developer commands, in Rust so they run wherever cargo does.
//!
//! - `cargo xtask demo`  installs what is missing, builds, starts the demo portal and opens
//!   Chromium with the extension; without a display it walks the demo headless and writes
//!   screenshots under `target/demo/`.
//! - `cargo xtask test`  installs what is missing, builds, and runs every test: native,
//!   wasm-bindgen-test in headless Chromium, and end-to-end in Chromium.
//! - `cargo xtask build` builds `dist/extension/` and the store zip and prints their sizes;
//!   `cargo xtask setup` only installs the toolchain.
//! - `cargo xtask bench` builds, then measures the extension's cost in Chromium against the demo
//!   portal (with vs without the extension); not part of `test`.
//! - `cargo xtask catalog` reports the catalog's sources by document date and every guess.
//!
//! Every step is idempotent: it checks for a tool before installing it.

mod assemble;
mod bench;
mod bench_baseline;
mod browser_scripts;
mod catalog;
mod demo;
mod fuzz;
mod icons;
mod locales;
mod manifest_policy;
mod options;
mod package_check;
mod paths;
mod process;
mod sizes;
mod soak;
mod test;
mod toolchain;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <demo|test|build|setup|catalog|fuzz|bench|soak>
  demo    build, start the demo portal and open Chromium with the extension
          (no display: walk the demo headless and write screenshots to target/demo/)
  test    build and run every test (native, wasm in Chromium, end-to-end in Chromium)
  build   build dist/extension/ and dist/secops-wayfinder-<version>.zip, print their sizes
  setup   install the toolchain only
  catalog list the catalog's sources by document date (oldest first) and every guess;
          fails on a source without a public URL and a document date
  fuzz [target] [--seconds N]
          run the cargo-fuzz targets of fuzz/ (default: all, 600 s each)
  bench [--quick] [--iterations N] [--churn-seconds N]
          build, then compare Chromium with and without the extension on the demo portal
          (default 5 iterations, 30 s of DOM churn; raw results in target/bench/latest.json)
  bench --baseline <rev> [--loads N]
          also build <rev> in a worktree, then load the same pages with this build, that build
          and no extension, in turns (default 12 loads each; raw results in target/bench/ab.json);
          <rev> must already keep the panel closed by default (from the quiet panel on)
  soak [--minutes N]
          build, then N minutes (default 30) of route changes and DOM churn on the demo portal
          with a service-worker stop in the middle; fails on errors, leaks or no recovery
          (raw results in target/soak/latest.json)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("setup") => {
            toolchain::ensure_build_tools().and_then(|_| toolchain::ensure_browser_tools())
        }
        Some("build") => toolchain::ensure_build_tools()
            .and_then(|tools| assemble::build(&tools))
            .map(|built| println!("{}", built.sizes.markdown())),
        Some("test") => test::run(),
        Some("catalog") => catalog::run(&args[1..]),
        Some("demo") => demo::run(),
        Some("fuzz") => fuzz::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("soak") => soak::run(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}
