//! Page readings: what the content script is asked to read on a page, and what it sends back.
//!
//! Sync indicators and the onboarding status both read portal pages through this one protocol
//! (probes to read, queue columns, then `page-facts`), so it lives below both features. Every
//! value read is portal text and so attacker-influenced (an incident title can say anything):
//! [`PageFacts::check`] bounds it in size and count before anything reads it.

use super::probe::Probe;
use crate::ids::is_plain_id;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What the content script takes from the element a reader's probe finds.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Read {
    /// Its text.
    Text,
    /// Its link target (`href`, resolved against the page).
    Href,
    /// The text of its next sibling element (a label followed by its value).
    NextText,
    /// The text of its previous sibling element (a count followed by its label).
    PreviousText,
}

/// A reading the content script makes (wire form).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Reader {
    /// Fact id.
    pub id: String,
    /// What to take.
    pub read: Read,
    /// Where.
    pub probe: Probe,
}

/// One column of a queue to read (wire form).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Column {
    /// Fact id.
    pub id: String,
    /// Header text.
    pub header: String,
}

/// How to read a queue (wire form).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Queue {
    /// Selector of the rows.
    pub rows: String,
    /// Selector of the headers.
    pub headers: String,
    /// Selector of a row's cells.
    pub cells: String,
    /// Header of the key column.
    pub key: String,
    /// Header of the column that gets the badge.
    pub badge_in: String,
    /// Columns to read.
    pub columns: Vec<Column>,
}

/// Everything the content script reads on one page for the sync indicators.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PageReaders {
    /// Single readings (incident page).
    #[serde(default)]
    pub readers: Vec<Reader>,
    /// Where the incident's sync mark goes (incident page).
    #[serde(default)]
    pub title: Option<Probe>,
    /// Row readings (queue).
    #[serde(default)]
    pub queue: Option<Queue>,
    /// Whether the core decides something when the probes' grace period ends (an incident page
    /// turns "checking" into "can't read this view"; an evidence page takes only settled
    /// readings). Where it does not (a queue's badges come from its rows alone), the content
    /// script sends no reading whose only news is that the grace period is over.
    #[serde(default)]
    pub settles: bool,
}

/// Most single readings in one message (the catalog has far fewer per page).
pub const MAX_VALUES: usize = 16;
/// Longest value kept; portal labels and counts are far shorter.
pub const MAX_VALUE_LEN: usize = 512;
/// Most queue rows in one message (a queue page shows far fewer).
pub const MAX_ROWS: usize = 500;
/// Longest row key (incident numbers and ids are short).
pub const MAX_KEY_LEN: usize = 64;

/// Readings from one page.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PageFacts {
    /// Reader id → value, for the readers whose element was found.
    #[serde(default)]
    pub values: BTreeMap<String, String>,
    /// Queue rows.
    #[serde(default)]
    pub rows: Vec<RowFacts>,
    /// The probes' grace period is over: a reading still absent is missing, not loading.
    #[serde(default)]
    pub settled: bool,
    /// Readers whose probe found more than one candidate on the page: their reading may belong
    /// to another item (a link in a comment), so it cannot be taken as this page's.
    #[serde(default)]
    pub ambiguous: Vec<String>,
}

/// Readings from one queue row.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RowFacts {
    /// The key column's text (incident number or id).
    pub key: String,
    /// Column id → text.
    #[serde(default)]
    pub values: BTreeMap<String, String>,
}

impl PageFacts {
    /// Checks the bounds; the reason names what is wrong.
    pub fn check(&self) -> Result<(), &'static str> {
        let values_ok = |values: &BTreeMap<String, String>| {
            values.len() <= MAX_VALUES
                && values
                    .iter()
                    .all(|(k, v)| is_plain_id(k) && v.len() <= MAX_VALUE_LEN)
        };
        if !values_ok(&self.values) {
            return Err("page-facts with malformed or oversized values");
        }
        if self.rows.len() > MAX_ROWS {
            return Err("page-facts with too many rows");
        }
        if self.ambiguous.len() > MAX_VALUES || !self.ambiguous.iter().all(|id| is_plain_id(id)) {
            return Err("page-facts with malformed ambiguous readers");
        }
        if !self
            .rows
            .iter()
            .all(|r| !r.key.is_empty() && r.key.len() <= MAX_KEY_LEN && values_ok(&r.values))
        {
            return Err("page-facts with a malformed row");
        }
        Ok(())
    }

    /// A reading, trimmed; `None` when absent or blank.
    pub fn get(&self, id: &str) -> Option<&str> {
        value(&self.values, id)
    }

    /// Did reader `id` find more than one candidate?
    pub fn is_ambiguous(&self, id: &str) -> bool {
        self.ambiguous.iter().any(|a| a == id)
    }
}

/// A reading of a map, trimmed; `None` when absent or blank.
pub fn value<'a>(values: &'a BTreeMap<String, String>, id: &str) -> Option<&'a str> {
    values
        .get(id)
        .map(|v| v.trim())
        .filter(|v| !v.is_empty() && *v != "—" && *v != "-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_are_checked() {
        let mut facts = PageFacts::default();
        facts.values.insert("alerts".into(), "1".into());
        assert!(facts.check().is_ok());
        facts.values.insert("Bad Id".into(), "1".into());
        assert!(facts.check().is_err());
        let mut facts = PageFacts::default();
        facts
            .values
            .insert("alerts".into(), "x".repeat(MAX_VALUE_LEN + 1));
        assert!(facts.check().is_err());
        let facts = PageFacts {
            rows: vec![RowFacts::default(); 1],
            ..PageFacts::default()
        };
        assert!(facts.check().is_err(), "a row needs a key");
        let facts = PageFacts {
            ambiguous: vec!["Not An Id".into()],
            ..PageFacts::default()
        };
        assert!(facts.check().is_err(), "ambiguous readers are plain ids");
    }

    #[test]
    fn blank_and_dash_values_are_absent() {
        let mut facts = PageFacts::default();
        facts.values.insert("workspace".into(), " — ".into());
        facts.values.insert("alerts".into(), "  ".into());
        assert_eq!(facts.get("workspace"), None);
        assert_eq!(facts.get("alerts"), None);
    }
}
