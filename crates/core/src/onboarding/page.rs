//! What the Defender portal itself shows about the connection, remembered per tenant.
//!
//! Why: without sign-in, the portal's own words are the only evidence — the Home banner ("Your
//! unified SIEM and XDR is ready" or "Get your SIEM and XDR in one place"), the Microsoft Sentinel
//! section of the navigation, and the SIEM workspaces table under System › Settings › Microsoft
//! Sentinel. An architect sees each on a different page, so what one
//! page showed is kept (with when it was seen) and used on every other page of the tenant. Only a
//! *settled* reading counts (the probes' grace period is over), so a page still rendering never
//! reads as "nothing there". A missing reading changes nothing: absence is not evidence.

use super::spec;
use crate::model::PageFacts;
use serde::{Deserialize, Serialize};

/// Most workspaces kept from the table.
pub const MAX_SEEN_WORKSPACES: usize = 100;

/// What the Home banner said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Banner {
    /// "Your unified SIEM and XDR is ready".
    Ready,
    /// "Get your SIEM and XDR in one place" (with "Connect a workspace").
    Connect,
}

/// A row of the SIEM workspaces table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SeenWorkspace {
    /// Workspace name.
    pub name: String,
    /// The type column (`Primary`, `Secondary`).
    pub kind: String,
    /// The status column (`Connected`, …).
    pub status: String,
}

impl SeenWorkspace {
    /// Listed as primary?
    pub fn is_primary(&self) -> bool {
        self.kind.trim().eq_ignore_ascii_case("primary")
    }

    /// Listed as secondary?
    pub fn is_secondary(&self) -> bool {
        self.kind.trim().eq_ignore_ascii_case("secondary")
    }

    /// Status reads connected?
    pub fn is_connected(&self) -> bool {
        self.status.trim().eq_ignore_ascii_case("connected")
    }
}

/// A reading and when it was made (ms since the epoch).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Seen<T> {
    /// What was read.
    pub value: T,
    /// When.
    pub at_ms: i64,
}

/// Did the page show the Home banner reader `id` looks for? Only a heading with the banner's
/// words and nothing more, and only one such heading, counts: a longer heading that starts with
/// them (an incident title, text a page wrote) or a second one could say anything about anyone.
fn shows_banner(facts: &PageFacts, id: &str) -> bool {
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    !facts.is_ambiguous(id)
        && facts.get(id).is_some_and(|read| {
            spec::reader_words(id).is_some_and(|words| squash(read) == squash(&words))
        })
}

/// Everything the Defender portal showed for one tenant.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PageEvidence {
    /// The Home banner.
    pub banner: Option<Seen<Banner>>,
    /// The navigation's Microsoft Sentinel section was seen.
    pub sentinel_nav: Option<Seen<bool>>,
    /// The SIEM workspaces table, when it listed workspaces.
    pub workspaces: Option<Seen<Vec<SeenWorkspace>>>,
}

impl PageEvidence {
    /// Anything seen at all?
    pub fn is_empty(&self) -> bool {
        self.banner.is_none() && self.sentinel_nav.is_none() && self.workspaces.is_none()
    }

    /// Takes a settled reading of an evidence page; returns whether anything changed.
    pub fn absorb(&mut self, facts: &PageFacts, now_ms: i64) -> bool {
        if !facts.settled {
            return false;
        }
        let before = self.clone();
        let has = |id: &str| facts.values.get(id).is_some_and(|v| !v.trim().is_empty());
        let banner = match (
            shows_banner(facts, "home-ready"),
            shows_banner(facts, "home-connect"),
        ) {
            (true, false) => Some(Banner::Ready),
            (false, true) => Some(Banner::Connect),
            _ => None,
        };
        if let Some(value) = banner {
            self.banner = Some(Seen {
                value,
                at_ms: now_ms,
            });
        }
        if has("sentinel-nav") {
            self.sentinel_nav = Some(Seen {
                value: true,
                at_ms: now_ms,
            });
        }
        let rows: Vec<SeenWorkspace> = facts
            .rows
            .iter()
            .take(MAX_SEEN_WORKSPACES)
            .map(|r| SeenWorkspace {
                name: r.key.clone(),
                kind: r.values.get("workspace-type").cloned().unwrap_or_default(),
                status: r
                    .values
                    .get("workspace-status")
                    .cloned()
                    .unwrap_or_default(),
            })
            .collect();
        if !rows.is_empty() {
            self.workspaces = Some(Seen {
                value: rows,
                at_ms: now_ms,
            });
        }
        let changed_value = |a: &PageEvidence, b: &PageEvidence| {
            a.banner.as_ref().map(|s| s.value) != b.banner.as_ref().map(|s| s.value)
                || a.sentinel_nav.is_some() != b.sentinel_nav.is_some()
                || a.workspaces.as_ref().map(|s| &s.value)
                    != b.workspaces.as_ref().map(|s| &s.value)
        };
        changed_value(&before, self)
    }
}
