//! `cargo xtask bench [--quick] [--iterations N] [--churn-seconds N]`: what the extension costs
//! a portal page, measured in Debian Chromium against the demo portal, with and without the
//! extension in the same run (docs/benchmarks.md).
//!
//! Why a subcommand: the measurement needs the release build of the extension (the one users
//! install), the demo portal, Chromium and playwright-core, and the sizes of the build for its
//! report. This builds all of that like `demo` and `test` do, then hands over to
//! `tests/bench/run.mjs`, which prints the table and writes `target/bench/latest.json`.
//! A budget that is not met is reported in the table, not as a failing exit status: timings
//! are never checked in CI, and `cargo xtask test` does not run this.

use crate::process;
use crate::{browser_scripts, options, paths, toolchain};
use std::fs;

/// The options `run.mjs` understands; checked here so a typo fails before a long build.
#[derive(Debug, Default, PartialEq, Eq)]
struct Options {
    quick: bool,
    iterations: Option<u32>,
    churn_seconds: Option<u32>,
}

impl Options {
    /// The same options, spelled for `run.mjs`.
    fn node_args(&self) -> Vec<String> {
        let mut args = Vec::new();
        if self.quick {
            args.push("--quick".to_string());
        }
        if let Some(n) = self.iterations {
            args.extend(["--iterations".to_string(), n.to_string()]);
        }
        if let Some(n) = self.churn_seconds {
            args.extend(["--churn-seconds".to_string(), n.to_string()]);
        }
        args
    }
}

/// Builds the extension and the demo portal, then runs the browser benchmark.
pub fn run(args: &[String]) -> Result<(), String> {
    let options = parse_args(args)?;
    let tools = toolchain::ensure_build_tools()?;
    toolchain::ensure_browser_tools()?;
    let built = browser_scripts::build(&tools)?;

    let out_dir = paths::root().join("target/bench");
    fs::create_dir_all(&out_dir)
        .map_err(|e| format!("cannot create {}: {e}", out_dir.display()))?;
    let sizes_file = out_dir.join("sizes.json");
    let sizes = serde_json::to_string_pretty(&built.sizes.to_json()).map_err(|e| e.to_string())?;
    fs::write(&sizes_file, sizes)
        .map_err(|e| format!("cannot write {}: {e}", sizes_file.display()))?;

    let mut node_args = vec!["bench/run.mjs".to_string()];
    node_args.extend(options.node_args());
    let node_args: Vec<&str> = node_args.iter().map(String::as_str).collect();
    let mut bench = browser_scripts::node(&node_args);
    bench
        .env("WAYFINDER_BENCH_SIZES", &sizes_file)
        .env("WAYFINDER_BENCH_OUT", out_dir.join("latest.json"));
    process::run(&mut bench)
}

fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut options = Options::default();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut positive = |flag: &str| options::positive(rest.next(), flag);
        match arg.as_str() {
            "--quick" => options.quick = true,
            "--iterations" => options.iterations = Some(positive("--iterations")?),
            "--churn-seconds" => options.churn_seconds = Some(positive("--churn-seconds")?),
            other => return Err(format!("unknown bench option {other:?}")),
        }
    }
    Ok(options)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::args;

    #[test]
    fn parses_and_forwards_options() {
        assert_eq!(parse_args(&[]), Ok(Options::default()));
        let o = parse_args(&args(&[
            "--quick",
            "--churn-seconds",
            "10",
            "--iterations",
            "3",
        ]))
        .unwrap();
        assert_eq!(
            o.node_args(),
            args(&["--quick", "--iterations", "3", "--churn-seconds", "10"])
        );
    }

    #[test]
    fn rejects_bad_options() {
        assert!(parse_args(&args(&["--iterations", "0"])).is_err());
        assert!(parse_args(&args(&["--churn-seconds"])).is_err());
        assert!(parse_args(&args(&["--seconds", "5"])).is_err());
        assert!(parse_args(&args(&["extra"])).is_err());
    }
}
