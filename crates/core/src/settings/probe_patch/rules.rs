//! The build's probe-tier rules, applied to a patch: the very file the build script checks the
//! shipped catalog with (`build/tiers.rs`), included here, and the conversion of the core's
//! tiers to its type.
//!
//! Why the same file: a patch is catalog data that arrives late. If it were checked by rules of
//! its own, the two would drift, and a patch could pass what the catalog may not (a label that
//! finds anything, a tolerant tier before an exact one).

use crate::model::{Role, Tier};

#[allow(dead_code, missing_docs)]
#[path = "../../../build/tiers.rs"]
mod tiers;

/// The label normal form as the rules ask for it (`super::label`). A patch's tolerant labels are
/// ASCII, as the catalog's are ([`super::ProbePatch::check`] refuses others first), so the ASCII
/// form serves: the same normal form, without the Unicode case and letter tables in the modules
/// that check patches.
mod label {
    pub fn normalize_label(text: &str) -> String {
        crate::model::label::normalize_ascii_label(text).unwrap_or_default()
    }
}

/// The first problem of `tiers` as one probe, starting with `at` (`None`: they pass). A
/// problem of one tier names it as `{at}[i]`.
pub fn first_problem(at: &str, tiers: &[Tier]) -> Option<String> {
    let converted: Vec<tiers::Tier> = tiers.iter().map(rule_tier).collect();
    let problem = tiers::problems(at, &converted, None).into_iter().next()?;
    // The rules write "{at} tier N: …"; a patch's fields are paths ("{at}[N]: …").
    Some(match problem.strip_prefix(&format!("{at} tier ")) {
        Some(rest) => {
            let (index, why) = rest.split_once(':').unwrap_or((rest, ""));
            format!("{at}[{index}]:{why}")
        }
        None => problem,
    })
}

/// The first problem of one tier on its own, starting with `at` (the tier's path).
pub fn tier_problem(at: &str, tier: &Tier) -> Option<String> {
    let problem = tiers::problems(at, &[rule_tier(tier)], None)
        .into_iter()
        .next()?;
    Some(problem.replacen(&format!("{at} tier 0"), at, 1))
}

/// The tier's fields that hold text (selectors, labels, paths and the role's name).
pub fn text_fields(tier: &Tier) -> Vec<String> {
    rule_tier(tier)
        .fields()
        .into_iter()
        .map(str::to_string)
        .collect()
}

/// The tier as the build's rules type it.
fn rule_tier(tier: &Tier) -> tiers::Tier {
    match tier.clone() {
        Tier::Selector { css } => tiers::Tier::Selector { css },
        Tier::Text { within, text } => tiers::Tier::Text { within, text },
        Tier::LinkPath { within, path } => tiers::Tier::LinkPath { within, path },
        Tier::Label { within, text } => tiers::Tier::Label { within, text },
        Tier::AriaLabel { within, text } => tiers::Tier::AriaLabel { within, text },
        Tier::Role { role, text } => tiers::Tier::Role {
            role: match role {
                Role::Tab => "tab",
                Role::Menuitem => "menuitem",
                Role::Button => "button",
            }
            .to_string(),
            text,
        },
    }
}
