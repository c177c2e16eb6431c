//! What the service worker keeps between messages to confirm incident pages with ARM: ARM's
//! latest answer per incident, and the page view each tab shows, so an answer that arrives later
//! reaches every tab showing that incident, and a page's next readings reuse the answer instead
//! of asking ARM again.
//!
//! Why here and not in JS: the views and answers are Rust values when they are made; keeping
//! them on this side spares decoding them back from JS, and the rules (how long an answer
//! holds, when a throttled read is tried again) are tested natively. Both lists are bounded
//! and short (a few open incident pages), so they are plain vectors searched in order; a worker
//! restart loses them, which costs one more read.

use super::{checking, confirm, ArmIncident, IncidentRead};
use crate::arm::ArmError;
use crate::sync::{Now, SyncView};
use serde::Serialize;

/// How long ARM's answer about an incident is reused (unless ARM asked to wait longer).
pub const KEEP_MS: i64 = 60_000;
/// Most incidents whose answers are kept (the oldest goes first).
pub const MAX_ANSWERS: usize = 64;
/// Most tabs whose page views are kept.
pub const MAX_TABS: usize = 256;

struct Answer {
    resource: String,
    outcome: ArmIncident,
    until_ms: i64,
}

struct Shown {
    tab_id: u32,
    read: IncidentRead,
    view: SyncView,
}

/// A tab whose view changed with ARM's answer (`{tabId, url, view}` for the shell).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Update {
    /// The tab.
    pub tab_id: u32,
    /// The page the view is of.
    pub url: String,
    /// The view with the answer.
    pub view: SyncView,
}

/// The kept answers and page views.
#[derive(Default)]
pub struct Confirmations {
    answers: Vec<Answer>,
    tabs: Vec<Shown>,
}

impl Confirmations {
    /// The tab now shows `view`, which `read` can confirm (`None`: a page ARM does not confirm).
    pub fn page(&mut self, tab_id: u32, view: SyncView, read: Option<IncidentRead>) {
        match read {
            Some(read) if view.incident.is_some() => {
                self.forget(tab_id);
                if self.tabs.len() >= MAX_TABS {
                    self.tabs.remove(0);
                }
                self.tabs.push(Shown { tab_id, read, view });
            }
            _ => self.forget(tab_id),
        }
    }

    /// The tab left the page (or closed).
    pub fn forget(&mut self, tab_id: u32) {
        self.tabs.retain(|s| s.tab_id != tab_id);
    }

    /// The tab's view with ARM's kept answer, or marked "checking" and `true` when ARM is to be
    /// read (no answer, or an old one); `None` when the tab shows nothing to confirm.
    pub fn view(&self, tab_id: u32, now: Now, now_ms: i64) -> Option<(SyncView, bool)> {
        let shown = self.tabs.iter().find(|s| s.tab_id == tab_id)?;
        let mut view = shown.view.clone();
        match self
            .answers
            .iter()
            .find(|a| a.resource == shown.read.resource)
        {
            // An old answer still says more than "checking" while the new read runs.
            Some(answer) => {
                confirm(&mut view, &answer.outcome, now);
                Some((view, now_ms >= answer.until_ms))
            }
            None => {
                checking(&mut view);
                Some((view, true))
            }
        }
    }

    /// Keeps ARM's answer about `resource`; returns the tabs that show it, with their new views,
    /// and the seconds after which to read it again when ARM throttled.
    pub fn answer(
        &mut self,
        resource: &str,
        outcome: ArmIncident,
        now: Now,
        now_ms: i64,
    ) -> (Vec<Update>, Option<u64>) {
        let retry = match &outcome {
            ArmIncident::Failed {
                error: ArmError::Throttled { retry_after_secs },
            } => Some(*retry_after_secs),
            _ => None,
        };
        let hold = retry.map_or(KEEP_MS, |s| {
            i64::try_from(s.saturating_mul(1000)).unwrap_or(KEEP_MS)
        });
        self.answers.retain(|a| a.resource != resource);
        if self.answers.len() >= MAX_ANSWERS {
            // The answer read longest ago goes first (the list is in reading order).
            self.answers.remove(0);
        }
        self.answers.push(Answer {
            resource: resource.to_string(),
            outcome,
            until_ms: now_ms.saturating_add(hold),
        });
        let updates = self
            .tabs
            .iter()
            .filter(|shown| shown.read.resource == resource)
            .filter_map(|shown| {
                let (view, _) = self.view(shown.tab_id, now, now_ms)?;
                Some(Update {
                    tab_id: shown.tab_id,
                    url: shown.read.page.clone(),
                    view,
                })
            })
            .collect();
        (updates, retry)
    }

    /// Is any tab still showing `resource` (a throttled read is tried again only then)?
    pub fn shown(&self, resource: &str) -> bool {
        self.tabs.iter().any(|s| s.read.resource == resource)
    }
}

#[cfg(test)]
mod tests;
