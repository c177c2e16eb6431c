//! The onboarding report as files: Markdown to paste into a change ticket, JSON to import again.
//!
//! Why strict on import: a report file comes from outside (a colleague, an email). It must be
//! our format and version, hold nothing we do not know (`deny_unknown_fields` throughout the
//! view), stay within bounds, and link only to Microsoft's documentation; otherwise it is refused
//! with a message naming the field, and nothing already saved is touched (the caller only stores
//! what passed). Workspace and rule names come from the tenant and are treated as text: the
//! Markdown escapes them, the UI renders them as text.

use super::view::{CheckState, Confidence, Connection, Overall, TenantView, Tri};
use serde::{Deserialize, Serialize};
use std::fmt::Write as _;

/// The `format` field of a report file.
pub const FORMAT: &str = "secops-wayfinder-onboarding-report";
/// The version this build writes and reads.
pub const VERSION: u32 = 1;
/// Longest string accepted anywhere in an imported report.
pub const MAX_TEXT: usize = 2000;
/// Most entries accepted in any list of an imported report.
pub const MAX_LIST: usize = 500;

/// A report file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReportFile {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`] for this build.
    pub version: u32,
    /// When it was exported (RFC 3339, UTC).
    pub exported_at: String,
    /// The tenant view.
    pub view: TenantView,
}

impl ReportFile {
    /// A report of `view`, exported at `exported_at`.
    pub fn new(view: TenantView, exported_at: String) -> Self {
        ReportFile {
            format: FORMAT.to_string(),
            version: VERSION,
            exported_at,
            view,
        }
    }

    /// Checks a decoded file; the error names the field.
    pub fn check(&self) -> Result<(), String> {
        if self.format != FORMAT {
            return Err(format!(
                "format: expected \"{FORMAT}\", found \"{}\"",
                clip(&self.format)
            ));
        }
        if self.version != VERSION {
            return Err(format!("version: this version of SecOps Wayfinder reads version {VERSION}, the file is version {}", self.version));
        }
        if crate::time::rfc3339_to_unix(&self.exported_at).is_none() {
            return Err("exportedAt: not an RFC 3339 time".into());
        }
        let v = &self.view;
        text("view.tenant", &v.tenant)?;
        list("view.workspaces", v.workspaces.len())?;
        list("view.checks", v.checks.len())?;
        list("view.problems", v.problems.len())?;
        list("view.overall.evidence", v.overall.evidence.len())?;
        for e in &v.overall.evidence {
            text("view.overall.evidence[]", e)?;
        }
        for (i, w) in v.workspaces.iter().enumerate() {
            let at = format!("view.workspaces[{i}]");
            text(&format!("{at}.name"), &w.name)?;
            for s in [&w.subscription, &w.resource_group, &w.location]
                .into_iter()
                .flatten()
            {
                text(&at, s)?;
            }
            for e in w
                .sentinel
                .evidence
                .iter()
                .chain(&w.xdr_connector.evidence)
                .chain(&w.connection.evidence)
            {
                text(&format!("{at} evidence"), e)?;
            }
        }
        for (i, c) in v.checks.iter().enumerate() {
            let at = format!("view.checks[{i}]");
            if super::spec::check(&c.id).is_none() {
                return Err(format!("{at}.id: unknown check \"{}\"", clip(&c.id)));
            }
            if !c.doc.starts_with("https://learn.microsoft.com/") {
                return Err(format!(
                    "{at}.doc: only links to learn.microsoft.com are accepted"
                ));
            }
            list(&format!("{at}.items"), c.items.len())?;
            for s in [&c.title, &c.detail]
                .into_iter()
                .chain(c.fix.as_ref())
                .chain(&c.items)
            {
                text(&at, s)?;
            }
        }
        for p in &v.problems {
            text("view.problems[]", p)?;
        }
        text("view.chip.label", &v.chip.label)?;
        text("view.chip.title", &v.chip.title)?;
        Ok(())
    }
}

fn clip(s: &str) -> String {
    s.chars().take(40).collect()
}

fn text(at: &str, s: &str) -> Result<(), String> {
    if s.len() > MAX_TEXT {
        return Err(format!("{at}: longer than {MAX_TEXT} characters"));
    }
    if s.chars().any(|c| c.is_control() && c != '\n') {
        return Err(format!("{at}: contains control characters"));
    }
    Ok(())
}

fn list(at: &str, len: usize) -> Result<(), String> {
    if len > MAX_LIST {
        Err(format!("{at}: more than {MAX_LIST} entries"))
    } else {
        Ok(())
    }
}

/// Escapes text for Markdown (tables included): tenant strings are data, never markup.
///
/// Besides the punctuation of Markdown's own syntax, the characters that make GitHub-flavoured
/// Markdown turn bare text into links are escaped: every `:` (`https://…`), `@` (e-mail
/// addresses) and the `.` after `www` (<https://github.github.com/gfm/#autolinks-extension->).
/// A backslash before any ASCII punctuation shows the character itself
/// (<https://spec.commonmark.org/0.31.2/#backslash-escapes>), so the text reads the same.
pub fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let tail = out.as_bytes();
        let www =
            c == '.' && tail.len() >= 3 && tail[tail.len() - 3..].eq_ignore_ascii_case(b"www");
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '!' | '|'
            | '<' | '>' | '~' | ':' | '@' => {
                out.push('\\');
                out.push(c);
            }
            '.' if www => out.push_str("\\."),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A confidence in one word (`none` for an unknown value).
pub fn confidence(c: Option<Confidence>) -> &'static str {
    match c {
        Some(Confidence::High) => "high",
        Some(Confidence::Medium) => "medium",
        Some(Confidence::Low) => "low",
        None => "none",
    }
}

/// The tenant's connection as the report and the UI word it.
pub fn overall_words(o: Overall) -> &'static str {
    match o {
        Overall::Connected => "connected",
        Overall::NotConnected => "not connected",
        Overall::Unknown => "unknown",
    }
}

/// A workspace's connection as the report and the UI word it.
pub fn connection_words(c: Connection) -> &'static str {
    match c {
        Connection::Primary => "primary",
        Connection::Secondary => "secondary",
        Connection::NotConnected => "not connected",
        Connection::Unknown => "unknown",
    }
}

/// Yes, no or unknown.
pub fn tri_words(t: Tri) -> &'static str {
    match t {
        Tri::Yes => "yes",
        Tri::No => "no",
        Tri::Unknown => "unknown",
    }
}

/// The check state as the report and the UI word it.
pub fn state_words(s: CheckState) -> &'static str {
    match s {
        CheckState::Pass => "pass",
        CheckState::Fail => "fail",
        CheckState::Warn => "review",
        CheckState::Unknown => "unknown",
    }
}

/// The report as Markdown.
pub fn markdown(file: &ReportFile) -> String {
    let v = &file.view;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# Microsoft Sentinel in the Defender portal: onboarding report\n"
    );
    let _ = writeln!(
        s,
        "Tenant: {} · exported {} by SecOps Wayfinder\n",
        md_escape(&v.tenant),
        md_escape(&file.exported_at)
    );
    let _ = writeln!(
        s,
        "**Connection: {}** ({} confidence). {}\n",
        overall_words(v.overall.value),
        confidence(v.overall.confidence),
        md_escape(&v.overall.evidence.join(" "))
    );
    if !v.workspaces.is_empty() {
        s.push_str("## Workspaces\n\n| Workspace | Connection | Sentinel | Defender XDR connector | Evidence |\n| --- | --- | --- | --- | --- |\n");
        for w in &v.workspaces {
            let _ = writeln!(
                s,
                "| {} | {} ({}) | {} | {} | {} |",
                md_escape(&w.name),
                connection_words(w.connection.value),
                confidence(w.connection.confidence),
                tri_words(w.sentinel.value),
                tri_words(w.xdr_connector.value),
                md_escape(&w.connection.evidence.join(" "))
            );
        }
        s.push('\n');
    }
    s.push_str("## Readiness checks\n\n");
    for c in &v.checks {
        let _ = writeln!(
            s,
            "- **{}**: {}. {}",
            md_escape(&c.title),
            state_words(c.state),
            md_escape(&c.detail)
        );
        for item in &c.items {
            let _ = writeln!(s, "  - {}", md_escape(item));
        }
        if let Some(fix) = &c.fix {
            let _ = writeln!(
                s,
                "  - Fix: {} ([documentation]({}))",
                md_escape(fix),
                c.doc
            );
        }
    }
    if !v.problems.is_empty() {
        s.push_str("\n## What could not be read\n\n");
        for p in &v.problems {
            let _ = writeln!(s, "- {}", md_escape(p));
        }
    }
    s
}
