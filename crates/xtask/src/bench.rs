//! `cargo xtask bench [--quick] [--iterations N] [--churn-seconds N]`: what the extension costs
//! a portal page, measured in Debian Chromium against the demo portal, with and without the
//! extension in the same run (docs/benchmarks.md).
//!
//! `cargo xtask bench --baseline <rev> [--loads N]`: the A/B of this build against the build of
//! another revision (`tests/bench/ab.mjs`), to tell a change's cost from the noise between runs.
//!
//! Why a subcommand: the measurement needs the release build of the extension (the one users
//! install), the demo portal, Chromium and playwright-core, and the sizes of the build for its
//! report. This builds all of that like `demo` and `test` do, then hands over to
//! `tests/bench/run.mjs`, which prints the table and writes `target/bench/latest.json`.
//! A budget that is not met is reported in the table, not as a failing exit status: timings
//! are never checked in CI, and `cargo xtask test` does not run this.

use crate::process;
use crate::{bench_baseline, browser_scripts, options, paths, toolchain};
use std::fs;

/// The options `run.mjs` and `ab.mjs` understand; checked here so a typo fails before a long
/// build.
#[derive(Debug, Default, PartialEq, Eq)]
struct Options {
    quick: bool,
    iterations: Option<u32>,
    churn_seconds: Option<u32>,
    /// The revision to compare this build with (the A/B instead of the full run).
    baseline: Option<String>,
    /// Loads per page and build in the A/B.
    loads: Option<u32>,
}

impl Options {
    /// The same options, spelled for `run.mjs` (or `ab.mjs`, with a baseline).
    fn node_args(&self) -> Vec<String> {
        let mut args = Vec::new();
        if self.baseline.is_some() {
            args.push("bench/ab.mjs".to_string());
            if let Some(n) = self.loads {
                args.extend(["--loads".to_string(), n.to_string()]);
            }
            return args;
        }
        args.push("bench/run.mjs".to_string());
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

    let node_args = options.node_args();
    let node_args: Vec<&str> = node_args.iter().map(String::as_str).collect();
    let mut bench = browser_scripts::node(&node_args);
    match &options.baseline {
        Some(rev) => {
            let baseline = bench_baseline::build(rev)?;
            bench
                .env("WAYFINDER_BASELINE_EXTENSION_DIR", &baseline.extension_dir)
                .env("WAYFINDER_BASELINE_LABEL", &baseline.label)
                .env("WAYFINDER_BENCH_OUT", out_dir.join("ab.json"));
        }
        None => {
            bench
                .env("WAYFINDER_BENCH_SIZES", &sizes_file)
                .env("WAYFINDER_BENCH_OUT", out_dir.join("latest.json"));
        }
    }
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
            "--loads" => options.loads = Some(positive("--loads")?),
            "--baseline" => match rest.next() {
                Some(rev) if !rev.starts_with('-') => options.baseline = Some(rev.clone()),
                _ => return Err("--baseline takes a git revision".to_string()),
            },
            other => return Err(format!("unknown bench option {other:?}")),
        }
    }
    let full_run = options.quick || options.iterations.is_some() || options.churn_seconds.is_some();
    if options.baseline.is_some() && full_run {
        return Err("--baseline runs the A/B only: it takes --loads, not --quick, --iterations or --churn-seconds".to_string());
    }
    if options.baseline.is_none() && options.loads.is_some() {
        return Err("--loads is for the A/B: give --baseline <rev> too".to_string());
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
            args(&[
                "bench/run.mjs",
                "--quick",
                "--iterations",
                "3",
                "--churn-seconds",
                "10"
            ])
        );
        let ab = parse_args(&args(&["--baseline", "HEAD~1", "--loads", "8"])).unwrap();
        assert_eq!(ab.baseline.as_deref(), Some("HEAD~1"));
        assert_eq!(ab.node_args(), args(&["bench/ab.mjs", "--loads", "8"]));
    }

    #[test]
    fn rejects_bad_options() {
        assert!(parse_args(&args(&["--iterations", "0"])).is_err());
        assert!(parse_args(&args(&["--churn-seconds"])).is_err());
        assert!(parse_args(&args(&["--seconds", "5"])).is_err());
        assert!(parse_args(&args(&["extra"])).is_err());
        assert!(parse_args(&args(&["--baseline"])).is_err());
        assert!(parse_args(&args(&["--baseline", "--quick"])).is_err());
        assert!(parse_args(&args(&["--baseline", "main", "--iterations", "2"])).is_err());
        assert!(parse_args(&args(&["--loads", "4"])).is_err());
    }
}
