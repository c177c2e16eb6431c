//! "Where is …?": fuzzy search over the catalog, for the popup.
//!
//! Trainers and analysts type what they remember ("bookmarks", "KQL", "playbooks", "fusion") and
//! get both portal locations with working links. Matching is done by `fuzzy-matcher` (skim's
//! fuzzy matcher, V2 scoring) against each entry's name, synonyms and menu paths; whole
//! words typed exactly outrank fuzzy subsequence matches, names and synonyms outrank menu paths,
//! and ties keep catalog order so results are stable.

use crate::catalog::{self, Feature, FeatureKind, Status};
use crate::hints::links::{azure_link_for, defender_link_for};
use crate::model::{Cloud, PortalLink};
use crate::route::WorkspaceRef;
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use serde::{Deserialize, Serialize};

/// Longest query we look at; longer input is cut (nobody types a paragraph into a search box).
pub const MAX_QUERY_CHARS: usize = 80;

/// What the current tab tells about the user's context, used to fill links.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct SearchContext {
    /// Tenant GUID of the current tab, when known.
    pub tenant: Option<String>,
    /// Workspace of the current tab, when known.
    pub workspace: Option<WorkspaceRef>,
    /// The current tab's cloud: the links go to its portals.
    pub cloud: Cloud,
}

/// One search result: the entry and both of its locations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SearchHit {
    /// Catalog id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What changed (`same`, `moved`, …).
    pub status: Status,
    /// The word that matched, when it is not the name ("KQL" → Logs).
    pub matched: Option<String>,
    /// Azure-portal menu path.
    pub azure_menu: String,
    /// Defender-portal menu path.
    pub defender_menu: String,
    /// Older or second Defender locations ("earlier location (2025 docs): …").
    pub also: Vec<String>,
    /// One-line explanation.
    pub summary: String,
    /// Links: the Defender portal first, then the Azure portal.
    pub links: Vec<PortalLink>,
}

// Score weights. skim scores are roughly 16 per matched character plus bonuses; these
// multipliers and bonuses order "exact word" above "prefix" above "fuzzy", and names and
// synonyms above menu paths.
const EXACT_BONUS: u32 = 10_000;
const PREFIX_BONUS: u32 = 2_000;
const NAME_WEIGHT: u32 = 4;
const SYNONYM_WEIGHT: u32 = 4;
const MENU_WEIGHT: u32 = 2;

/// Searches the catalog; best first, at most `limit` hits. An empty query gives nothing.
pub fn search(query: &str, context: &SearchContext, limit: usize) -> Vec<SearchHit> {
    let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
    let query = query.trim();
    if query.is_empty() || limit == 0 {
        return Vec::new();
    }
    let matcher = SkimMatcherV2::default().ignore_case();
    let needle = query.to_ascii_lowercase();
    let mut scored: Vec<(u32, usize, &'static Feature, Option<&'static str>)> = catalog::features()
        .iter()
        .enumerate()
        .filter_map(|(order, feature)| {
            best_field(feature, &needle, &matcher)
                .map(|(score, matched)| (score, order, feature, matched))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored
        .into_iter()
        .take(limit)
        .map(|(_, _, feature, matched)| hit(feature, matched, context))
        .collect()
}

/// The best score of an entry over its fields, and the synonym that gave it (if one did).
fn best_field(
    feature: &'static Feature,
    needle: &str,
    matcher: &SkimMatcherV2,
) -> Option<(u32, Option<&'static str>)> {
    let mut best: Option<(u32, Option<&'static str>)> = None;
    let mut consider = |text: &'static str, weight: u32, synonym: bool| {
        let Some(raw) = matcher
            .fuzzy_match(text, needle)
            .and_then(|s| u32::try_from(s.max(0)).ok())
        else {
            return;
        };
        let lower = text.to_ascii_lowercase();
        let bonus = if lower == needle || short(&lower) == needle {
            EXACT_BONUS
        } else if lower.starts_with(needle)
            || lower.split([' ', '>', '/', '(']).any(|w| w == needle)
        {
            PREFIX_BONUS
        } else {
            0
        };
        let score = raw * weight + bonus * weight;
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, synonym.then_some(text)));
        }
    };
    consider(feature.name, NAME_WEIGHT, false);
    for synonym in feature.synonyms {
        consider(synonym, SYNONYM_WEIGHT, true);
    }
    consider(feature.azure_menu, MENU_WEIGHT, false);
    consider(feature.defender_menu, MENU_WEIGHT, false);
    for alias in feature.defender_aliases {
        consider(alias.menu, MENU_WEIGHT, false);
    }
    // Menu pages slightly before capabilities of equal score ("hunting" → the Hunting page).
    best.map(|(score, matched)| {
        let page_bonus = u32::from(feature.kind == FeatureKind::Location);
        (score + page_bonus, matched)
    })
}

/// "logs (kql)" → "logs": the name without its parenthesised detail.
fn short(lower: &str) -> &str {
    lower.split(" (").next().unwrap_or(lower).trim()
}

fn hit(feature: &'static Feature, matched: Option<&str>, context: &SearchContext) -> SearchHit {
    let tenant = context.tenant.as_deref();
    let workspace = context.workspace.as_ref();
    let mut links = vec![defender_link_for(feature, tenant, workspace)];
    if feature.status != Status::DefenderOnly {
        if let Some(link) = azure_link_for(feature, tenant, workspace) {
            links.push(link);
        }
    }
    context.cloud.localize(&mut links);
    SearchHit {
        id: feature.id.to_string(),
        name: feature.name.to_string(),
        status: feature.status,
        matched: matched.map(str::to_string),
        azure_menu: feature.azure_menu.to_string(),
        defender_menu: feature.defender_menu.to_string(),
        also: feature.alias_lines(),
        summary: feature.summary.to_string(),
        links,
    }
}

#[cfg(test)]
mod tests;
