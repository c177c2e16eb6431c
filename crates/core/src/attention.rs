//! When the panel opens by itself: quiet until there is news.
//!
//! Analysts keep the portals open all day and open hundreds of pages; a panel that opens on every
//! one of them becomes something to close, not to read. So the panel starts as a collapsed pill
//! and opens by itself only for what the user has not seen yet: the first visit to a kind of
//! page, an item not shown before, a notice whose control newly appears, or an incident whose
//! sync state changed since it was last seen. What was seen is remembered in a small, bounded
//! record; the user's own open or collapse choice sticks across pages.
//!
//! Everything here is pure: the service worker keeps the record and the choice, hands them in
//! with the news of a message, and stores what comes back.

use crate::model::OverlayKind;
use crate::plan::OverlayPlan;
use crate::sync::{SyncState, SyncView};
use serde::{Deserialize, Serialize};

pub use crate::settings::PanelMode;

/// The corner of the viewport the pill and the panel sit in.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Corner {
    /// Both portals keep their command bars and account menus at the top.
    #[default]
    BottomRight,
    /// Left of the content, over the portals' navigation footers.
    BottomLeft,
    /// Top left, below the portals' top bars.
    TopLeft,
    /// Top right, below the portals' top bars.
    TopRight,
}

impl Corner {
    /// The next corner, clockwise: the pill's move button cycles through them.
    pub fn next(self) -> Corner {
        match self {
            Corner::BottomRight => Corner::BottomLeft,
            Corner::BottomLeft => Corner::TopLeft,
            Corner::TopLeft => Corner::TopRight,
            Corner::TopRight => Corner::BottomRight,
        }
    }
}

/// The user's own choices about the panel, which stick across pages and reloads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct PanelPrefs {
    /// `Some(true)` after the user opened the panel, `Some(false)` after they collapsed it;
    /// `None` until they did either.
    pub open: Option<bool>,
    /// Where the pill and the panel sit.
    pub corner: Corner,
}

/// A choice the user made on a page (or in the popup).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PanelChoice {
    /// The user opened the panel.
    Open,
    /// The user collapsed it to the pill.
    Collapse,
    /// The user moved the pill to the next corner.
    Move,
}

impl PanelPrefs {
    /// The preferences after `choice`.
    pub fn with(self, choice: PanelChoice) -> PanelPrefs {
        match choice {
            PanelChoice::Open => PanelPrefs {
                open: Some(true),
                ..self
            },
            PanelChoice::Collapse => PanelPrefs {
                open: Some(false),
                ..self
            },
            PanelChoice::Move => PanelPrefs {
                corner: self.corner.next(),
                ..self
            },
        }
    }
}

/// Most entries the seen record keeps; the oldest go first.
pub const MAX_SEEN: usize = 256;
/// Longest key or value of an entry (a key names a page kind, an item or an incident URL).
pub const MAX_SEEN_TEXT: usize = 256;

/// What the user has seen: keys (a page kind, an item, an incident) with a value (an incident's
/// sync state; empty for the others), oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Seen {
    /// `[key, value]` pairs, oldest first, at most [`MAX_SEEN`].
    pub entries: Vec<(String, String)>,
}

impl Seen {
    /// Checks a decoded record: too many entries or an oversized one make it unusable.
    pub fn check(&self) -> Result<(), String> {
        if self.entries.len() > MAX_SEEN {
            return Err(format!(
                "{} entries, more than {MAX_SEEN}",
                self.entries.len()
            ));
        }
        match self
            .entries
            .iter()
            .position(|(k, v)| k.len() > MAX_SEEN_TEXT || v.len() > MAX_SEEN_TEXT)
        {
            Some(i) => Err(format!("entry {i} is longer than {MAX_SEEN_TEXT} bytes")),
            None => Ok(()),
        }
    }

    fn value(&self, key: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Remembers `key` with `value` as the newest entry, dropping the oldest past [`MAX_SEEN`].
    fn remember(&mut self, key: &str, value: &str) {
        self.entries.retain(|(k, _)| k != key);
        self.entries.push((key.to_string(), value.to_string()));
        let over = self.entries.len().saturating_sub(MAX_SEEN);
        self.entries.drain(..over);
    }
}

/// When a piece of news opens the panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Opens {
    /// When its key was never seen.
    Unseen,
    /// When its key was seen with another value (a first sight is only remembered).
    Changed,
}

/// One thing a message brings that the user may not have seen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct News {
    /// What it is (`page:…`, `hint:hunting`, `sync:…`).
    pub key: String,
    /// Its value (an incident's sync state); empty for the others.
    pub value: String,
    /// When it opens the panel.
    pub opens: Opens,
}

impl News {
    fn unseen(key: String) -> News {
        News {
            key: clip(key),
            value: String::new(),
            opens: Opens::Unseen,
        }
    }
}

/// Cuts a key to [`MAX_SEEN_TEXT`] bytes at a character boundary.
fn clip(mut text: String) -> String {
    if text.len() > MAX_SEEN_TEXT {
        let mut end = MAX_SEEN_TEXT;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
    text
}

/// The news of a page's plan: its kind of page and the items the panel lists. Notices count
/// when their control is found on the page ([`found_news`]), not when planned: the point of need
/// is the control. A plan without items has no news (there is no panel to open).
pub fn plan_news(plan: &OverlayPlan) -> Vec<News> {
    if plan.items.is_empty() {
        return Vec::new();
    }
    // Debug names: the keys are opaque to everything but this module.
    let portal = plan
        .page
        .portal
        .map(|p| format!("{p:?}"))
        .unwrap_or_default();
    let feature = plan.page.feature.as_deref().unwrap_or("-");
    let incident = plan
        .page_readers
        .as_ref()
        .is_some_and(|r| r.title.is_some());
    let page = format!(
        "page:{portal}:{feature}{}",
        if incident { ":incident" } else { "" }
    );
    std::iter::once(News::unseen(page))
        .chain(
            plan.items
                .iter()
                .filter(|item| item.kind != OverlayKind::Notice)
                .map(|item| News::unseen(format!("{}:{}", item.kind.name(), item.id))),
        )
        .collect()
}

/// The news of a probe report: each notice whose control was found.
pub fn found_news(found: &[String]) -> Vec<News> {
    found
        .iter()
        .map(|id| News::unseen(format!("notice:{id}")))
        .collect()
}

/// The news of an incident page's sync view: its state, keyed by the page (`origin + path +
/// hash`, no query). "Still checking" is no state yet, so it is no news.
pub fn sync_news(page_url: &str, view: &SyncView) -> Vec<News> {
    let Some(incident) = &view.incident else {
        return Vec::new();
    };
    if incident.state == SyncState::Checking {
        return Vec::new();
    }
    let page = page_url
        .split_once('?')
        .map_or(page_url.to_string(), |(before, after)| {
            let hash = after.find('#').map_or("", |at| &after[at..]);
            format!("{before}{hash}")
        });
    let state = format!("{:?}", incident.state);
    vec![News {
        key: clip(format!("sync:{page}")),
        value: clip(state),
        opens: Opens::Changed,
    }]
}

/// What the worker does with the panel after a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Decision {
    /// Should the panel be open?
    pub open: bool,
    /// How many pieces of news the user had not seen (what opened it, when it did).
    pub fresh: usize,
    /// Did the seen record change (the worker then stores it)?
    pub changed: bool,
}

/// Decides whether the panel is open after `news`, and remembers in `seen` what the user now
/// sees. `trainer` (trainer mode) opens it like [`PanelMode::Always`]: a trainer shows the panel.
/// News counts as seen only when the panel shows it, except a first sight of a changing value
/// (an incident's sync state), which is remembered to tell a later change.
pub fn decide(
    mode: PanelMode,
    trainer: bool,
    prefs: PanelPrefs,
    seen: &mut Seen,
    news: &[News],
) -> Decision {
    let is_fresh = |n: &News| match (n.opens, seen.value(&n.key)) {
        (Opens::Unseen, None) => true,
        (Opens::Changed, Some(before)) => before != n.value,
        _ => false,
    };
    let fresh = news.iter().filter(|n| is_fresh(n)).count();
    let open = match mode {
        _ if trainer => true,
        PanelMode::Always => true,
        PanelMode::Never => prefs.open == Some(true),
        PanelMode::New => prefs.open == Some(true) || fresh > 0,
    };
    let before = seen.clone();
    for n in news {
        let first_sight = n.opens == Opens::Changed && seen.value(&n.key).is_none();
        if open || first_sight {
            seen.remember(&n.key, &n.value);
        }
    }
    Decision {
        open,
        fresh,
        changed: *seen != before,
    }
}

/// Marks `news` seen (the user opened the panel on a page that has it).
pub fn mark_seen(seen: &mut Seen, news: &[News]) -> bool {
    let before = seen.clone();
    for n in news {
        seen.remember(&n.key, &n.value);
    }
    *seen != before
}

#[cfg(test)]
mod tests;
