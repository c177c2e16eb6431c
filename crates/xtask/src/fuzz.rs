//! `cargo xtask fuzz [target] [--seconds N]`: runs the cargo-fuzz targets of `fuzz/`.
//!
//! Why a subcommand: a fuzz run needs cargo-fuzz, a toolchain that accepts `-Z` flags, a corpus
//! directory that exists, the committed seeds and a time limit, and its result is buried in
//! libFuzzer's log. This puts all of that behind one command that installs what is missing
//! (idempotent, like `toolchain.rs`) and ends each target with one summary line.
//!
//! Toolchain: the `nightly` toolchain when rustup has it; otherwise the default toolchain with
//! `RUSTC_BOOTSTRAP=1`, which accepts the same flags (both measured to work, docs/fuzzing.md).
//! Nothing here installs a nightly: these machines reach only the package registries.

use crate::process::{self, command, output};
use crate::{options, paths};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

/// cargo-fuzz release installed when `cargo fuzz` is missing.
const CARGO_FUZZ_VERSION: &str = "0.13.2";
/// Seconds per target when `--seconds` is not given.
const DEFAULT_SECONDS: u64 = 600;

/// Runs the named target, or every target of `fuzz/Cargo.toml`, for the given time each.
pub fn run(args: &[String]) -> Result<(), String> {
    let (target, seconds) = parse_args(args)?;
    ensure_cargo_fuzz()?;
    let toolchain = Toolchain::pick();
    let known = list_targets(&toolchain)?;
    let targets = match target {
        Some(t) if known.contains(&t) => vec![t],
        Some(t) => {
            return Err(format!(
                "no fuzz target {t:?}; targets: {}",
                known.join(", ")
            ))
        }
        None => known,
    };
    eprintln!(
        "xtask: fuzzing {} for {seconds} s each with {}",
        targets.join(", "),
        toolchain.describe()
    );
    let mut summaries = Vec::new();
    for target in &targets {
        let outcome = fuzz_one(target, seconds, &toolchain)?;
        let line = outcome.summary(target);
        // One line per target as soon as it ends, and all of them again at the end.
        println!("{line}");
        summaries.push((line, outcome.clean()));
    }
    println!("fuzz summary ({}):", toolchain.describe());
    for (line, _) in &summaries {
        println!("  {line}");
    }
    if summaries.iter().all(|(_, clean)| *clean) {
        Ok(())
    } else {
        Err("a fuzz target failed; the reproducer is under fuzz/artifacts/".to_string())
    }
}

fn parse_args(args: &[String]) -> Result<(Option<String>, u64), String> {
    let mut target = None;
    let mut seconds = DEFAULT_SECONDS;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--seconds" => seconds = options::positive(rest.next(), "--seconds")?,
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
            name if target.is_none() => target = Some(name.to_string()),
            extra => return Err(format!("one target at most (got {extra:?} too)")),
        }
    }
    Ok((target, seconds))
}

fn ensure_cargo_fuzz() -> Result<(), String> {
    if output(&mut command("cargo", &["fuzz", "--version"], None)).is_some() {
        return Ok(());
    }
    process::run(&mut command(
        "cargo",
        &[
            "install",
            "--locked",
            "cargo-fuzz",
            "--version",
            CARGO_FUZZ_VERSION,
        ],
        None,
    ))
}

/// How cargo-fuzz gets a compiler that takes `-Zsanitizer` and friends.
enum Toolchain {
    Nightly,
    Bootstrapped,
}

impl Toolchain {
    fn pick() -> Self {
        let list = output(&mut command("rustup", &["toolchain", "list"], None)).unwrap_or_default();
        if list.lines().any(|l| l.starts_with("nightly")) {
            Toolchain::Nightly
        } else {
            Toolchain::Bootstrapped
        }
    }

    /// `cargo [+nightly] fuzz <args>`, with `RUSTC_BOOTSTRAP=1` when on the default toolchain.
    fn cargo_fuzz(&self, args: &[&str]) -> Command {
        let mut all = Vec::with_capacity(args.len() + 2);
        if matches!(self, Toolchain::Nightly) {
            all.push("+nightly");
        }
        all.push("fuzz");
        all.extend_from_slice(args);
        let mut cmd = command("cargo", &all, None);
        if matches!(self, Toolchain::Bootstrapped) {
            cmd.env("RUSTC_BOOTSTRAP", "1");
        }
        cmd
    }

    fn describe(&self) -> String {
        let rustc = match self {
            Toolchain::Nightly => output(&mut command("rustc", &["+nightly", "--version"], None)),
            Toolchain::Bootstrapped => output(&mut command("rustc", &["--version"], None)),
        }
        .unwrap_or_else(|| "rustc (version unknown)".to_string());
        match self {
            Toolchain::Nightly => rustc,
            Toolchain::Bootstrapped => format!("{rustc} with RUSTC_BOOTSTRAP=1"),
        }
    }
}

fn list_targets(toolchain: &Toolchain) -> Result<Vec<String>, String> {
    let listed = output(&mut toolchain.cargo_fuzz(&["list"]))
        .ok_or("`cargo fuzz list` failed (is fuzz/Cargo.toml there?)")?;
    let targets: Vec<String> = listed
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    if targets.is_empty() {
        return Err("fuzz/Cargo.toml declares no fuzz target".to_string());
    }
    Ok(targets)
}

/// What one target's run came to, read from libFuzzer's log.
#[derive(Default)]
struct Outcome {
    /// From `Done N runs in S second(s)`, else the last status line's `#N`.
    runs: Option<u64>,
    seconds: Option<u64>,
    /// The last status line's `exec/s:`.
    execs_per_second: Option<u64>,
    /// The last status line's `corp: N/SIZE`.
    corpus: Option<String>,
    /// `Test unit written to …`: the reproducer of a crash, leak or timeout.
    artifact: Option<String>,
    /// Did cargo fuzz exit successfully?
    success: bool,
    exit: String,
}

impl Outcome {
    fn clean(&self) -> bool {
        self.success && self.artifact.is_none()
    }

    fn summary(&self, target: &str) -> String {
        let number = |n: Option<u64>| n.map_or_else(|| "?".to_string(), |n| n.to_string());
        let result = match (&self.artifact, self.success) {
            (Some(path), _) => format!("FAILED, reproducer {path}"),
            (None, true) => "ok, no crash".to_string(),
            (None, false) => format!("FAILED ({})", self.exit),
        };
        format!(
            "{target}: {} runs in {} s, {} exec/s, corpus {}, {result}",
            number(self.runs),
            number(self.seconds),
            number(self.execs_per_second),
            self.corpus.as_deref().unwrap_or("?"),
        )
    }

    /// Takes what it needs from one line of libFuzzer's output.
    fn read_line(&mut self, line: &str) {
        if let Some(rest) = line.strip_prefix("Done ") {
            // "Done 360884 runs in 31 second(s)"
            let words: Vec<&str> = rest.split_whitespace().collect();
            if let [runs, "runs", "in", secs, ..] = words.as_slice() {
                self.runs = runs.parse().ok();
                self.seconds = secs.parse().ok();
            }
        } else if let Some(rest) = line.strip_prefix('#') {
            // "#360884\tDONE   cov: 2214 ft: 5141 corp: 855/125Kb lim: 578 exec/s: 11641 rss: 479Mb"
            let mut words = rest.split_whitespace();
            let Some(Ok(runs)) = words.next().map(str::parse::<u64>) else {
                return;
            };
            self.runs = Some(runs);
            let words: Vec<&str> = words.collect();
            for pair in words.windows(2) {
                match pair {
                    ["corp:", v] => self.corpus = Some(corpus_text(v)),
                    ["exec/s:", v] => self.execs_per_second = v.parse().ok(),
                    _ => {}
                }
            }
        } else if let Some(at) = line.find("Test unit written to ") {
            let path = line[at + "Test unit written to ".len()..].trim();
            self.artifact = Some(path.to_string());
        }
    }
}

/// "855/125Kb" → "855 inputs, 125Kb".
fn corpus_text(v: &str) -> String {
    match v.split_once('/') {
        Some((count, size)) => format!("{count} inputs, {size}"),
        None => v.to_string(),
    }
}

fn fuzz_one(target: &str, seconds: u64, toolchain: &Toolchain) -> Result<Outcome, String> {
    let fuzz_dir = paths::root().join("fuzz");
    let corpus = fuzz_dir.join("corpus").join(target);
    let seeds = fuzz_dir.join("seeds").join(target);
    std::fs::create_dir_all(&corpus)
        .map_err(|e| format!("cannot create {}: {e}", corpus.display()))?;
    let corpus = corpus.to_string_lossy().into_owned();
    let seeds = seeds.to_string_lossy().into_owned();
    let max_time = format!("-max_total_time={seconds}");
    // Debug assertions on: integer overflow in the core is a finding, not a wrap-around.
    // libFuzzer writes new inputs to the first directory and only reads the seeds.
    let mut args = vec!["run", "--debug-assertions", target, &corpus];
    if std::path::Path::new(&seeds).is_dir() {
        args.push(&seeds);
    }
    args.extend(["--", max_time.as_str()]);
    let mut cmd = toolchain.cargo_fuzz(&args);
    cmd.stderr(Stdio::piped());
    eprintln!("xtask: running cargo fuzz {}", args.join(" "));
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot start cargo fuzz: {e}"))?;
    let mut outcome = Outcome::default();
    if let Some(stderr) = child.stderr.take() {
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            eprintln!("{line}");
            outcome.read_line(&line);
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("cargo fuzz did not finish: {e}"))?;
    outcome.success = status.success();
    outcome.exit = status.to_string();
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_clean_run() {
        let mut o = Outcome::default();
        for line in [
            "#2\tINITED cov: 1897 ft: 2772 corp: 12/873b exec/s: 0 rss: 42Mb",
            "#360884\tDONE   cov: 2214 ft: 5141 corp: 855/125Kb lim: 578 exec/s: 11641 rss: 479Mb",
            "Done 360884 runs in 31 second(s)",
        ] {
            o.read_line(line);
        }
        o.success = true;
        assert!(o.clean());
        assert_eq!(
            o.summary("t"),
            "t: 360884 runs in 31 s, 11641 exec/s, corpus 855 inputs, 125Kb, ok, no crash"
        );
    }

    #[test]
    fn reads_a_crash() {
        let mut o = Outcome::default();
        o.read_line("#1024\tpulse  cov: 10 ft: 11 corp: 3/9b lim: 4 exec/s: 512 rss: 40Mb");
        o.read_line("artifact_prefix='/r/fuzz/artifacts/t/'; Test unit written to /r/fuzz/artifacts/t/crash-ab");
        o.exit = "exit status: 77".to_string();
        assert!(!o.clean());
        assert!(o
            .summary("t")
            .ends_with("FAILED, reproducer /r/fuzz/artifacts/t/crash-ab"));
        assert_eq!(o.runs, Some(1024));
    }

    #[test]
    fn parses_arguments() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(parse_args(&[]), Ok((None, DEFAULT_SECONDS)));
        assert_eq!(
            parse_args(&args(&["classify_url", "--seconds", "5"])),
            Ok((Some("classify_url".to_string()), 5))
        );
        assert!(parse_args(&args(&["--seconds", "0"])).is_err());
        assert!(parse_args(&args(&["a", "b"])).is_err());
        assert!(parse_args(&args(&["--minutes", "5"])).is_err());
    }
}
