//! View reports: a sanitized description of the portal view a user is looking at, saved from the
//! popup's page check, that becomes a test fixture (`docs/view-reports.md`).
//!
//! Why: the real portals cannot be reached from our machines, so when a probe stops finding a
//! control for a customer, the only evidence is what that customer's page looked like. A report
//! carries the page's structure (tags, roles, `aria-*` names, test ids, ids and class names,
//! the nesting) and nothing of what the page says about the customer: text keeps only the words
//! the catalog's probes look for (every other word becomes `{n}`, its length), and no attribute
//! value that holds a GUID, an e-mail address, a URL with a query, an absolute URL or a token is
//! kept. The fixture runner replays the catalog's probes on it, so the report is the regression
//! test of the fix.
//!
//! The content script only walks its document ([`Record`]s in document order); every rule of
//! what a report keeps is here, run in the popup's wasm, and the user sees the result before it
//! is written to a file. Nothing is sent anywhere.

mod text;
mod tree;
mod values;

#[cfg(test)]
mod tests;

use crate::catalog;
use crate::model::{Frame, Portal};
use crate::notices::tier_kind;
use crate::protocol::Health;
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};

pub use text::{is_probe_word, sanitize_text};
pub use tree::Node;

include!(concat!(env!("OUT_DIR"), "/report_vocabulary.rs"));

/// The format a report names, and the fixture runner reads.
pub const FORMAT: &str = "wayfinder-view-report/1";

/// The most elements a report holds; the content script stops its walk there, and the report
/// says that it was cut.
pub const MAX_ELEMENTS: usize = 20_000;

/// One node of the page, as the content script's walk hands it over, in document order: `d` is
/// its depth below `body` (a child of `body` is 0), and it is either an element (`tag`, with
/// its attributes as names and values in turn) or a text (`text`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// Depth below `body`.
    pub d: u32,
    /// An element's tag name.
    #[serde(default)]
    pub tag: Option<String>,
    /// An element's attributes as the page has them: a name, its value, the next name, …
    #[serde(default)]
    pub attrs: Vec<String>,
    /// A text node's text, as the page has it.
    #[serde(default)]
    pub text: Option<String>,
}

/// What the popup knows of the view besides its nodes.
#[derive(Debug, Clone, Default)]
pub struct ReportContext {
    /// The tab's portal, from its plan.
    pub portal: Option<Portal>,
    /// The catalog id of the tab's page, from its plan.
    pub page: Option<String>,
    /// Which document was walked: [`frame_of`] the page.
    pub frame: Frame,
    /// The document's `lang`.
    pub lang: String,
    /// The document's origin (`https://host`).
    pub origin: String,
    /// The browser, as its user-agent string names it.
    pub user_agent: String,
    /// The extension's version.
    pub version: String,
    /// Today's date (`YYYY-MM-DD`), for `about`.
    pub saved_on: String,
    /// What the probes found in the tab's documents.
    pub health: Health,
    /// Whether the content script stopped its walk at [`MAX_ELEMENTS`].
    pub truncated: bool,
    /// The notices whose probes a probe patch changed, from the plan: their tier indexes are
    /// not the catalog's.
    pub patched: Vec<String>,
}

/// Which tier found a notice's control (`{"tier": 0, "by": "selector"}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FoundBy {
    /// The tier's index in the probe.
    pub tier: u8,
    /// The tier's kind.
    pub by: crate::model::TierKind,
}

/// Pairs in their order, written as a JSON object: an element's attributes as the page has
/// them, and values by notice id in catalog order.
struct AsMap<'a, K, V>(&'a [(K, V)]);

impl<K: Serialize, V: Serialize> Serialize for AsMap<'_, K, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// [`AsMap`] for a field.
fn as_map<K: Serialize, V: Serialize, S: Serializer>(
    pairs: &[(K, V)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    AsMap(pairs).serialize(serializer)
}

/// A view report, in the format of `docs/view-reports.md` (field order as written there).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ViewReport {
    /// [`FORMAT`].
    pub format: &'static str,
    /// The catalog's release date.
    pub catalog: &'static str,
    /// The browser and the extension's version.
    pub browser: String,
    /// `azure` or `defender`.
    pub portal: Portal,
    /// The catalog id of the page.
    pub page: String,
    /// Which document: the top one, or an Azure-portal blade frame.
    pub frame: Frame,
    /// The document's `lang`.
    pub lang: String,
    /// The document's origin.
    pub origin: String,
    /// What the view is; the person who files the report says more.
    pub about: String,
    /// What each notice's probe found when the report was saved (`null`: not found), by id.
    #[serde(serialize_with = "as_map")]
    pub probes: Vec<(&'static str, Option<FoundBy>)>,
    /// What a fixture made of this report must find: what the probes found when it was saved.
    #[serde(serialize_with = "as_map")]
    pub expect: Vec<(&'static str, bool)>,
    /// The document's `body`.
    pub view: Node,
}

/// Why a report cannot be made of a view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportError {
    /// The tab is no portal page the catalog has notices for.
    NotAPortalPage,
    /// The content script's answer was not a view (no records, or an origin that is not https).
    NoView,
}

/// The report of the view made of `records`, with every rule of what a report keeps applied.
pub fn report(records: &[Record], context: &ReportContext) -> Result<ViewReport, ReportError> {
    let portal = context
        .portal
        .and_then(Portal::side)
        .ok_or(ReportError::NotAPortalPage)?;
    let page = context.page.clone().ok_or(ReportError::NotAPortalPage)?;
    let notices = notice_ids(portal, &page, context.frame);
    if notices.is_empty() {
        return Err(ReportError::NotAPortalPage);
    }
    let origin = values::plain_origin(&context.origin).ok_or(ReportError::NoView)?;
    if records.is_empty() {
        return Err(ReportError::NoView);
    }
    let mut probes = Vec::new();
    let mut expect = Vec::new();
    let walked = context
        .health
        .of(context.frame)
        .cloned()
        .unwrap_or_default();
    for id in notices {
        if let Some(tier) = walked.found_by(id) {
            // Found with a patch: expected found (a person sees it), by no tier of the catalog.
            let by = tier_kind(portal, &page, id, tier)
                .filter(|_| !context.patched.iter().any(|p| p == id));
            probes.push((id, by.map(|by| FoundBy { tier, by })));
            expect.push((id, true));
        } else if walked.is_missing(id) {
            probes.push((id, None));
            expect.push((id, false));
        }
    }
    let cut = if context.truncated {
        format!(" Only its first {MAX_ELEMENTS} elements are kept.")
    } else {
        String::new()
    };
    Ok(ViewReport {
        format: FORMAT,
        catalog: RELEASED,
        browser: format!(
            "{}, saved by SecOps Wayfinder {}",
            values::browser_name(&context.user_agent),
            context.version
        ),
        portal,
        page: page.clone(),
        frame: context.frame,
        lang: values::plain_lang(&context.lang),
        origin,
        about: format!(
            "Saved on {} from the page '{page}' ({}).{cut} Say here what the view shows and \
             which control a person sees that the page check did not find.",
            context.saved_on,
            match context.frame {
                Frame::Top => "its top document",
                Frame::Blade => "its blade frame",
            }
        ),
        probes,
        expect,
        view: tree::build(records),
    })
}

/// The ids of the catalog's notices in `frame` of `page` of `portal`.
fn notice_ids(portal: Portal, page: &str, frame: Frame) -> Vec<&'static str> {
    catalog::features()
        .iter()
        .filter(|feature| {
            feature
                .notices
                .iter()
                .any(|n| n.portal == portal && n.frame == frame && n.pages.contains(&page))
        })
        .map(|feature| feature.id)
        .collect()
}

/// The document a report of `page` walks: the one its notices are in (every page's notices are
/// in one of them). `None` for a page without notices.
pub fn frame_of(portal: Option<Portal>, page: &str) -> Option<Frame> {
    let side = portal.and_then(Portal::side)?;
    catalog::features()
        .iter()
        .flat_map(|feature| feature.notices)
        .find(|n| n.portal == side && n.pages.contains(&page))
        .map(|n| n.frame)
}

/// What a report holds, for the user to see before saving it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportSummary {
    /// Elements in the view.
    pub elements: usize,
    /// The page's words the report keeps (the probes' words it found), each once, in the order
    /// they first appear.
    pub words: Vec<String>,
    /// Words it replaced by their length.
    pub replaced: usize,
}

impl ViewReport {
    /// How many elements, which kept words and how many replaced ones the view holds.
    pub fn summary(&self) -> ReportSummary {
        let mut summary = ReportSummary::default();
        self.view.tally(&mut summary);
        summary
    }
}
