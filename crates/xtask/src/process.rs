//! Running commands: echo what runs, fail with a message that names the command.

use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Stdio};

/// A command to run in `dir` (the workspace root when `None`).
pub fn command(program: impl AsRef<OsStr>, args: &[&str], dir: Option<&Path>) -> Command {
    let mut cmd = Command::new(program);
    cmd.args(args);
    cmd.current_dir(
        dir.map(Path::to_path_buf)
            .unwrap_or_else(crate::paths::root),
    );
    cmd
}

/// Runs `cmd` with inherited output; an error names the command and its exit status.
pub fn run(cmd: &mut Command) -> Result<(), String> {
    eprintln!("xtask: running {}", describe(cmd));
    let status = cmd
        .status()
        .map_err(|e| format!("cannot start {}: {e}", describe(cmd)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{} failed ({status})", describe(cmd)))
    }
}

/// Runs `cmd` quietly and returns its trimmed stdout, or `None` when it cannot run or fails.
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.stderr(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn describe(cmd: &Command) -> String {
    let mut s = cmd.get_program().to_string_lossy().into_owned();
    for arg in cmd.get_args() {
        s.push(' ');
        s.push_str(&arg.to_string_lossy());
    }
    s
}
