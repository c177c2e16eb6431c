//! What the service worker keeps between messages to confirm incident pages with ARM: ARM's
//! latest answer per incident, and the page view each tab shows, so an answer that arrives later
//! reaches every tab showing that incident, and a page's next readings reuse the answer instead
//! of asking ARM again.
//!
//! Why here and not in JS: the views and answers are Rust values when they are made; keeping
//! them on this side spares decoding them back from JS, and the rules (how long an answer
//! holds, when a throttled read is tried again) are tested natively. Both maps are bounded: a
//! worker restart loses them, which costs one more read.

use super::{checking, confirm, ArmIncident, IncidentRead};
use crate::arm::ArmError;
use crate::sync::{Now, SyncView};
use std::collections::BTreeMap;

/// How long ARM's answer about an incident is reused (unless ARM asked to wait longer).
pub const KEEP_MS: i64 = 60_000;
/// Most incidents whose answers are kept (the oldest goes first).
pub const MAX_ANSWERS: usize = 64;
/// Most tabs whose page views are kept.
pub const MAX_TABS: usize = 256;

struct Answer {
    outcome: ArmIncident,
    until_ms: i64,
}

struct Shown {
    read: IncidentRead,
    view: SyncView,
}

/// A tab whose view changed with ARM's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
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
    answers: BTreeMap<String, Answer>,
    tabs: BTreeMap<u32, Shown>,
}

impl Confirmations {
    /// The tab now shows `view`, which `read` can confirm (`None`: a page ARM does not confirm).
    pub fn page(&mut self, tab_id: u32, view: SyncView, read: Option<IncidentRead>) {
        match read {
            Some(read) if view.incident.is_some() => {
                if self.tabs.len() >= MAX_TABS && !self.tabs.contains_key(&tab_id) {
                    self.tabs.pop_first();
                }
                self.tabs.insert(tab_id, Shown { read, view });
            }
            _ => self.forget(tab_id),
        }
    }

    /// The tab left the page (or closed).
    pub fn forget(&mut self, tab_id: u32) {
        self.tabs.remove(&tab_id);
    }

    /// The tab's view with ARM's kept answer, or marked "checking" and `true` when ARM is to be
    /// read (no answer, or an old one); `None` when the tab shows nothing to confirm.
    pub fn view(&self, tab_id: u32, now: Now, now_ms: i64) -> Option<(SyncView, bool)> {
        let shown = self.tabs.get(&tab_id)?;
        let mut view = shown.view.clone();
        match self.answers.get(&shown.read.resource) {
            Some(answer) if now_ms < answer.until_ms => {
                confirm(&mut view, &answer.outcome, now);
                Some((view, false))
            }
            Some(answer) => {
                // An old answer still says more than "checking" while the new read runs.
                confirm(&mut view, &answer.outcome, now);
                Some((view, true))
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
        if self.answers.len() >= MAX_ANSWERS && !self.answers.contains_key(resource) {
            let oldest = self
                .answers
                .iter()
                .min_by_key(|(_, a)| a.until_ms)
                .map(|(k, _)| k.clone());
            if let Some(oldest) = oldest {
                self.answers.remove(&oldest);
            }
        }
        self.answers.insert(
            resource.to_string(),
            Answer {
                outcome,
                until_ms: now_ms.saturating_add(hold),
            },
        );
        let updates = self
            .tabs
            .iter()
            .filter(|(_, shown)| shown.read.resource == resource)
            .filter_map(|(&tab_id, shown)| {
                let (view, _) = self.view(tab_id, now, now_ms)?;
                Some(Update {
                    tab_id,
                    url: shown.read.page.clone(),
                    view,
                })
            })
            .collect();
        (updates, retry)
    }

    /// Is any tab still showing `resource` (a throttled read is tried again only then)?
    pub fn shown(&self, resource: &str) -> bool {
        self.tabs.values().any(|s| s.read.resource == resource)
    }
}

#[cfg(test)]
mod tests;
