//! The catalog's user content (`probes.json` › `user_content`): the containers of incident
//! titles, comments and grid cells that a tolerant probe tier never reaches into. Apart from the
//! tier rules (`tiers.rs`) because it reads a source as JSON, and the core, which includes the
//! tier rules to check probe patches, has no JSON library.

use super::tiers::shallow_css_check;
use serde::Deserialize;

/// One group of the catalog's user content (`probes.json` › `user_content`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserContent {
    /// CSS of the containers.
    pub css: String,
    /// What they hold, in words.
    pub holds: String,
    /// Where the markup is seen (checked by `build/sources.rs`).
    #[allow(dead_code)]
    pub source: serde_json::Value,
}

/// The problems of the user-content list.
pub fn user_content_problems(groups: &[UserContent]) -> Vec<String> {
    let mut errors = Vec::new();
    if groups.is_empty() {
        errors.push("user_content: needs at least one group".to_string());
    }
    for (i, group) in groups.iter().enumerate() {
        let at = format!("user_content {i}");
        if group.css.trim().is_empty() || group.holds.trim().is_empty() {
            errors.push(format!("{at}: needs css and what it holds"));
        }
        if let Err(why) = shallow_css_check(&group.css) {
            errors.push(format!("{at}: selector '{}' {why}", group.css));
        }
    }
    errors
}

/// The user-content selector a tolerant probe carries: every group's CSS, as one list.
pub fn user_content_css(groups: &[UserContent]) -> String {
    groups
        .iter()
        .map(|g| g.css.trim())
        .collect::<Vec<_>>()
        .join(", ")
}
