//! `cargo xtask soak [--minutes N]`: a long session in Debian Chromium against the demo portal,
//! SPA route changes in a Defender and an Azure-portal tab with continuous DOM churn, the
//! service worker stopped once in the middle (docs/soak.md).
//!
//! Why a subcommand: like `bench`, it needs the release build of the extension, the demo
//! portal, Chromium and playwright-core; this builds them the same way, then hands over to
//! `tests/soak/run.mjs`, which prints the table and writes `target/soak/latest.json`. Unlike
//! `bench`, the soak checks correctness, not speed: it fails (non-zero exit) on any console
//! error or uncaught exception in the pages, the overlay or the worker, on an overlay that is
//! not right after a route change, on a worker stop the overlay does not recover from, and on
//! memory that keeps growing. It takes N minutes (30 by default), so `cargo xtask test` does
//! not run it.

use crate::process;
use crate::{browser_scripts, options, paths, toolchain};
use std::fs;

/// The options `run.mjs` understands; checked here so a typo fails before the build.
#[derive(Debug, Default, PartialEq, Eq)]
struct Options {
    minutes: Option<u32>,
}

impl Options {
    /// The same options, spelled for `run.mjs`.
    fn node_args(&self) -> Vec<String> {
        self.minutes
            .map(|n| vec!["--minutes".to_string(), n.to_string()])
            .unwrap_or_default()
    }
}

/// Builds the extension and the demo portal, then runs the soak.
pub fn run(args: &[String]) -> Result<(), String> {
    let options = parse_args(args)?;
    let tools = toolchain::ensure_build_tools()?;
    toolchain::ensure_browser_tools()?;
    browser_scripts::build(&tools)?;

    let out_dir = paths::root().join("target/soak");
    fs::create_dir_all(&out_dir)
        .map_err(|e| format!("cannot create {}: {e}", out_dir.display()))?;

    let mut node_args = vec!["soak/run.mjs".to_string()];
    node_args.extend(options.node_args());
    let node_args: Vec<&str> = node_args.iter().map(String::as_str).collect();
    let mut soak = browser_scripts::node(&node_args);
    soak.env("WAYFINDER_SOAK_OUT", out_dir.join("latest.json"));
    process::run(&mut soak)
}

fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut options = Options::default();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--minutes" => options.minutes = Some(options::positive(rest.next(), "--minutes")?),
            other => return Err(format!("unknown soak option {other:?}")),
        }
    }
    Ok(options)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::args;

    #[test]
    fn parses_and_forwards_minutes() {
        assert_eq!(parse_args(&[]), Ok(Options::default()));
        assert!(Options::default().node_args().is_empty());
        let o = parse_args(&args(&["--minutes", "2"])).unwrap();
        assert_eq!(o.node_args(), args(&["--minutes", "2"]));
    }

    #[test]
    fn rejects_bad_options() {
        assert!(parse_args(&args(&["--minutes"])).is_err());
        assert!(parse_args(&args(&["--minutes", "0"])).is_err());
        assert!(parse_args(&args(&["--minutes", "1.5"])).is_err());
        assert!(parse_args(&args(&["--seconds", "5"])).is_err());
        assert!(parse_args(&args(&["extra"])).is_err());
    }
}
