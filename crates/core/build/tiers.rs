//! Probe tiers as the catalog files write them: their shape, their rules, and the Rust the build
//! compiles them to. The core's model types them again (`src/model/probe.rs`, `Tier` and
//! `TierTemplate`); this file is the build's side.
//!
//! The rules, for every probe of every catalog file:
//!
//! - at least one tier and at most [`MAX_TIERS`];
//! - no empty selector, text or path; a path starts with `/` (or, in a template, is a
//!   placeholder); a selector's brackets, parentheses
//!   and quotes are closed (a shallow check: the browser has the last word, and a selector it
//!   refuses only makes its tier find nothing);
//! - a role tier names one of [`ROLES`];
//! - a tolerant tier's label has a non-empty normal form (`src/model/label.rs`): a label that is
//!   only a count or a sign would find anything;
//! - the tolerant tiers (`label`, `aria-label`, `role`) come after every exact one, so the most
//!   stable tier is still tried first;
//! - a template uses only the placeholders its filler provides.
//!
//! This file uses only `std`, `serde` and the label module, so three places include it with
//! `#[path]`: the build script, an integration test (`tests/probe_tiers.rs`), and the core's
//! probe patches (`src/settings/probe_patch/rules.rs`), which an administrator's or a user's patch
//! must pass by the very rules the shipped catalog passes.

use serde::Deserialize;

/// Most tiers a probe may have; the core's `model::MAX_TIERS` is the same number (a test says
/// so), and a probe report's tier index is below it.
pub const MAX_TIERS: usize = 8;

/// What a role tier may look for (the core's `model::Role`).
pub const ROLES: &[&str] = &["tab", "menuitem", "button"];

/// One tier as written in a catalog file.
#[derive(Deserialize, Clone, Debug, PartialEq)]
#[serde(tag = "by", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Tier {
    /// The first element a CSS selector matches.
    Selector { css: String },
    /// A candidate whose text is the label, or starts with it and a space.
    Text { within: String, text: String },
    /// A link inside a container, by its path.
    LinkPath { within: String, path: String },
    /// Tolerant: a candidate whose text has the label's normal form.
    Label { within: String, text: String },
    /// Tolerant: a candidate whose `aria-label` or `title` has the label's normal form.
    AriaLabel { within: String, text: String },
    /// Tolerant: an element of a role whose accessible name has the label's normal form.
    Role { role: String, text: String },
}

impl Tier {
    /// Does the tier compare labels in their normal form?
    pub fn is_tolerant(&self) -> bool {
        matches!(
            self,
            Tier::Label { .. } | Tier::AriaLabel { .. } | Tier::Role { .. }
        )
    }

    /// Its selectors (CSS fields).
    fn selectors(&self) -> Vec<&str> {
        match self {
            Tier::Selector { css } => vec![css],
            Tier::Text { within, .. }
            | Tier::LinkPath { within, .. }
            | Tier::Label { within, .. }
            | Tier::AriaLabel { within, .. } => vec![within],
            Tier::Role { .. } => Vec::new(),
        }
    }

    /// Every field that holds text (where placeholders may be).
    pub fn fields(&self) -> Vec<&str> {
        match self {
            Tier::Selector { css } => vec![css],
            Tier::Text { within, text }
            | Tier::Label { within, text }
            | Tier::AriaLabel { within, text } => vec![within, text],
            Tier::LinkPath { within, path } => vec![within, path],
            Tier::Role { role, text } => vec![role, text],
        }
    }
}

/// The problems of one probe's tiers, each starting with `at`. `placeholders`: the keys a
/// template's filler provides (`None`: not a template, braces are not read).
pub fn problems(at: &str, tiers: &[Tier], placeholders: Option<&[&str]>) -> Vec<String> {
    let mut errors = Vec::new();
    if tiers.is_empty() {
        errors.push(format!("{at}: a probe needs at least one tier"));
    }
    if tiers.len() > MAX_TIERS {
        errors.push(format!(
            "{at}: {} tiers, more than {MAX_TIERS}",
            tiers.len()
        ));
    }
    let mut tolerant_seen = false;
    for (i, tier) in tiers.iter().enumerate() {
        let here = format!("{at} tier {i}");
        if tier.fields().iter().any(|f| f.trim().is_empty()) {
            errors.push(format!("{here}: an empty selector, text, path or role"));
        }
        if let Tier::LinkPath { path, .. } = tier {
            // A template's path may be its filler's placeholder (`{route}`).
            let filled_later = placeholders.is_some() && path.starts_with('{');
            if !path.starts_with('/') && !filled_later {
                errors.push(format!("{here}: path '{path}' must start with '/'"));
            }
        }
        for css in tier.selectors() {
            if let Err(why) = shallow_css_check(css) {
                errors.push(format!("{here}: selector '{css}' {why}"));
            }
        }
        match tier {
            Tier::Role { role, .. } if !ROLES.contains(&role.as_str()) => {
                errors.push(format!("{here}: role '{role}' is not one of {ROLES:?}"));
            }
            _ => {}
        }
        match tier {
            Tier::Label { text, .. } | Tier::AriaLabel { text, .. } | Tier::Role { text, .. }
                if super::label::normalize_label(text).is_empty() =>
            {
                errors.push(format!(
                    "{here}: label '{text}' has an empty normal form (it would find anything)"
                ));
            }
            _ => {}
        }
        if tier.is_tolerant() {
            tolerant_seen = true;
        } else if tolerant_seen {
            errors.push(format!(
                "{here}: an exact tier after a tolerant one (tolerant tiers come last)"
            ));
        }
        if let Some(allowed) = placeholders {
            for field in tier.fields() {
                errors.extend(placeholder_problems(&here, field, allowed));
            }
        }
    }
    errors
}

/// The unknown or unbalanced `{placeholder}`s of one field.
fn placeholder_problems(at: &str, field: &str, allowed: &[&str]) -> Vec<String> {
    let mut errors = Vec::new();
    let mut rest = field;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            errors.push(format!("{at}: unbalanced placeholder in '{field}'"));
            break;
        };
        let key = &rest[start + 1..start + len];
        if !allowed.contains(&key) {
            errors.push(format!(
                "{at}: unknown placeholder '{{{key}}}' (allowed: {allowed:?})"
            ));
        }
        rest = &rest[start + len + 1..];
    }
    errors
}

/// Are the selector's quotes closed and its brackets and parentheses balanced (outside quotes)?
pub fn shallow_css_check(css: &str) -> Result<(), &'static str> {
    let mut open: Vec<char> = Vec::new();
    let mut quote: Option<char> = None;
    let mut chars = css.chars();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (_, '\\') => {
                chars.next();
            }
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[' | '(') => open.push(c),
            (None, ']' | ')') => {
                let opener = if c == ']' { '[' } else { '(' };
                if open.pop() != Some(opener) {
                    return Err("closes a bracket or parenthesis it did not open");
                }
            }
            _ => {}
        }
    }
    match (quote, open.is_empty()) {
        (Some(_), _) => Err("leaves a quote open"),
        (None, false) => Err("leaves a bracket or parenthesis open"),
        (None, true) => Ok(()),
    }
}

/// The Rust of one tier: a `TierTemplate` value.
pub fn code(tier: &Tier) -> String {
    match tier {
        Tier::Selector { css } => format!("TierTemplate::Selector {{ css: {css:?} }}"),
        Tier::Text { within, text } => {
            format!("TierTemplate::Text {{ within: {within:?}, text: {text:?} }}")
        }
        Tier::LinkPath { within, path } => {
            format!("TierTemplate::LinkPath {{ within: {within:?}, path: {path:?} }}")
        }
        Tier::Label { within, text } => {
            format!("TierTemplate::Label {{ within: {within:?}, text: {text:?} }}")
        }
        Tier::AriaLabel { within, text } => {
            format!("TierTemplate::AriaLabel {{ within: {within:?}, text: {text:?} }}")
        }
        Tier::Role { role, text } => {
            let role = match role.as_str() {
                "tab" => "Tab",
                "menuitem" => "Menuitem",
                _ => "Button",
            };
            format!("TierTemplate::Role {{ role: Role::{role}, text: {text:?} }}")
        }
    }
}
