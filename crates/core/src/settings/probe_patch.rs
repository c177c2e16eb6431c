//! Probe patches: extra or replacement tiers for a notice's probe, pushed by an administrator's
//! policy or imported by a user from a file.
//!
//! Why: Microsoft changes the portals every few weeks, and a probe that stops finding its control
//! leaves only "can't read this view" until a new release passes the stores, days later. A patch
//! lets the SOC's administrator (or one analyst, for their own browser) tell the extension where
//! the control is now, the same day. It is data, checked with the very rules the shipped catalog
//! passes at build time (`build/tiers.rs`, included below), and it only says where to look: the
//! notice's words, links and sources stay the catalog's. Whoever patched a probe is named
//! wherever the notice is shown ([`PatchOrigin`]).
//!
//! A patch names its probe as the catalog does: the notice's id (its feature), its portal and a
//! page it is shown on. `add` puts the patch's tiers in front of the catalog's of their kind (the
//! exact ones first, the tolerant ones after every exact one); `replace` uses only the patch's.

use crate::catalog::{self, Notice};
use crate::ids::is_plain_id;
use crate::model::{PatchOrigin, Portal, Tier, MAX_TIERS};
use serde::{Deserialize, Serialize};

// The build's probe-tier rules, the same file the build script checks the catalog with.
#[allow(dead_code, missing_docs)]
#[path = "../../build/tiers.rs"]
mod rules;

/// The label normal form as the rules above ask for it (`super::label`). A patch's labels are
/// ASCII, as the catalog's are ([`ProbePatch::check`] refuses others first), so the ASCII form
/// serves: the same normal form, without the Unicode tables in the service worker's module.
mod label {
    pub fn normalize_label(text: &str) -> String {
        crate::model::label::normalize_ascii_label(text).unwrap_or_default()
    }
}

/// Most patches a user's settings may carry: the settings are one `chrome.storage.sync` item of
/// at most 8,192 bytes (<https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync>).
pub const MOST_LOCAL: usize = 4;
/// Most patches a policy may carry (it is never stored in sync storage, but every plan carries
/// its patched probes).
pub const MOST_POLICY: usize = 32;
/// Most characters in one selector, label or path of a patch.
pub const MOST_FIELD: usize = 300;
/// Most characters in a patch's evidence.
pub const MOST_EVIDENCE: usize = 500;

/// The `format` field of a patch file.
pub const FORMAT: &str = "secops-wayfinder-probe-patch";
/// The version this build writes and reads.
pub const VERSION: u32 = 1;

/// How a patch's tiers meet the catalog's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PatchMode {
    /// Tried before the catalog's tiers of the same kind (exact or tolerant).
    #[default]
    Add,
    /// Tried instead of the catalog's tiers.
    Replace,
}

/// One probe patch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProbePatch {
    /// The notice whose probe it patches: its catalog id (`incident-tasks`).
    pub notice: String,
    /// The portal the notice is shown in: `azure` or `defender`.
    pub portal: Portal,
    /// A page the notice is shown on (`incident-page`): a notice shown on two pages has a probe
    /// for each.
    pub page: String,
    /// How its tiers meet the catalog's.
    #[serde(default)]
    pub mode: PatchMode,
    /// The tiers, most stable first.
    pub tiers: Vec<Tier>,
    /// What the patch rests on, in words ("seen in our tenant on 2026-12-01: Tasks is a tab").
    pub evidence: String,
    /// Set on the policy's patches when the policy is read; never in a file or stored settings.
    #[serde(default, skip_serializing_if = "is_false")]
    pub by_policy: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A file of patches, as options import it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PatchFile {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`] for this build.
    pub version: u32,
    /// The patches.
    pub patches: Vec<ProbePatch>,
}

impl PatchFile {
    /// The patches of a decoded file, checked: the user's own from now on. The error starts
    /// with the path of the field it is about; a refused file changes nothing.
    pub fn check(self) -> Result<Vec<ProbePatch>, String> {
        if self.format != FORMAT {
            return Err(format!("format: expected \"{FORMAT}\""));
        }
        if self.version != VERSION {
            return Err(format!(
                "version: this version of SecOps Wayfinder reads version {VERSION}, the file is version {}",
                self.version
            ));
        }
        check_local(&self.patches, "patches")?;
        Ok(self.patches)
    }
}

/// Checks a user's patches (a file's, or the settings' `probePatches`): at most [`MOST_LOCAL`],
/// each passing [`ProbePatch::check`], none set by a policy, one per probe.
pub fn check_local(patches: &[ProbePatch], at: &str) -> Result<(), String> {
    if patches.len() > MOST_LOCAL {
        return Err(format!("{at}: more than {MOST_LOCAL} patches"));
    }
    for (i, patch) in patches.iter().enumerate() {
        let here = format!("{at}[{i}]");
        if patch.by_policy {
            return Err(format!(
                "{here}.byPolicy: only your organization's policy sets this"
            ));
        }
        patch.check(&here)?;
        if patches[..i].iter().any(|p| p.same_probe(patch)) {
            return Err(format!("{here}: a second patch for the same probe"));
        }
    }
    Ok(())
}

impl ProbePatch {
    /// Does it patch the same probe as `other`?
    pub fn same_probe(&self, other: &ProbePatch) -> bool {
        self.notice == other.notice && self.portal == other.portal && self.page == other.page
    }

    /// Does it patch the probe of notice `id` on `page` of `portal` (a side, see [`Portal::side`])?
    pub fn patches(&self, portal: Portal, page: &str, id: &str) -> bool {
        self.portal == portal && self.page == page && self.notice == id
    }

    /// Who patched it.
    pub fn origin(&self) -> PatchOrigin {
        if self.by_policy {
            PatchOrigin::Organization
        } else {
            PatchOrigin::Local
        }
    }

    /// The catalog's notice whose probe it patches.
    fn notice_in_catalog(&self) -> Option<&'static Notice> {
        catalog::features()
            .iter()
            .find(|f| f.id == self.notice)?
            .notices
            .iter()
            .find(|n| n.portal == self.portal && n.pages.contains(&self.page.as_str()))
    }

    /// The tiers to try, the catalog's probe being `catalog`.
    pub fn tiers_over(&self, catalog: &[Tier]) -> Vec<Tier> {
        match self.mode {
            PatchMode::Replace => self.tiers.clone(),
            PatchMode::Add => {
                let of = |tiers: &[Tier], tolerant: bool| {
                    tiers
                        .iter()
                        .filter(move |t| t.kind().is_tolerant() == tolerant)
                        .cloned()
                        .collect::<Vec<_>>()
                };
                [
                    of(&self.tiers, false),
                    of(catalog, false),
                    of(&self.tiers, true),
                    of(catalog, true),
                ]
                .concat()
            }
        }
    }

    /// Checks the patch with the build's rules for the catalog's probes, on the probe it makes:
    /// a known notice, portal and page; bounded fields; evidence; and the resulting tiers. The
    /// error starts with `at` and the field's path.
    pub fn check(&self, at: &str) -> Result<(), String> {
        if !is_plain_id(&self.notice) {
            return Err(format!(
                "{at}.notice: not a catalog id (letters a-z, digits, hyphens)"
            ));
        }
        if self.portal.side() != Some(self.portal) {
            return Err(format!("{at}.portal: \"azure\" or \"defender\""));
        }
        let Some(notice) = self.notice_in_catalog() else {
            let pages = notice_pages(&self.notice, self.portal);
            return Err(if pages.is_empty() {
                format!(
                    "{at}.notice: the catalog has no notice \"{}\" in this portal",
                    self.notice
                )
            } else {
                format!(
                    "{at}.page: notice \"{}\" is on the pages {pages:?}",
                    self.notice
                )
            });
        };
        let evidence = self.evidence.trim().chars().count();
        if evidence == 0 || evidence > MOST_EVIDENCE {
            return Err(format!(
                "{at}.evidence: say what the patch rests on, in 1 to {MOST_EVIDENCE} characters"
            ));
        }
        if self.tiers.is_empty() || self.tiers.len() > MAX_TIERS {
            return Err(format!("{at}.tiers: 1 to {MAX_TIERS} tiers"));
        }
        for (i, tier) in self.tiers.iter().enumerate() {
            if fields(tier).iter().any(|f| f.chars().count() > MOST_FIELD) {
                return Err(format!(
                    "{at}.tiers[{i}]: a selector, label or path longer than {MOST_FIELD} characters"
                ));
            }
            let label = match tier {
                Tier::Label { text, .. }
                | Tier::AriaLabel { text, .. }
                | Tier::Role { text, .. } => Some(text),
                _ => None,
            };
            if label.is_some_and(|text| !text.is_ascii()) {
                return Err(format!(
                    "{at}.tiers[{i}]: a tolerant tier's label is in English, in ASCII characters, as the catalog's are"
                ));
            }
        }
        // Each tier alone, then the probe the patch makes (its length and the tiers' order).
        for (i, tier) in self.tiers.iter().enumerate() {
            let here = format!("{at}.tiers[{i}]");
            if let Some(problem) = rules::problems(&here, &[rule_tier(tier)], None).first() {
                return Err(problem.replacen(&format!("{here} tier 0"), &here, 1));
            }
        }
        // `add` keeps the kinds in order, so only `replace` can break it, and then the rules'
        // "tier N" is the patch's own tier N.
        let catalog = notice.probe.fill(&[]).tiers;
        let made: Vec<_> = self.tiers_over(&catalog).iter().map(rule_tier).collect();
        let at = format!("{at}.tiers");
        match rules::problems(&at, &made, None).first() {
            Some(problem) => Err(match problem.strip_prefix(&format!("{at} tier ")) {
                Some(rest) => {
                    let (index, why) = rest.split_once(':').unwrap_or((rest, ""));
                    format!("{at}[{index}]:{why}")
                }
                None => problem.clone(),
            }),
            None => Ok(()),
        }
    }
}

/// The pages on which the catalog shows notice `id` in `portal`.
fn notice_pages(id: &str, portal: Portal) -> Vec<&'static str> {
    catalog::features()
        .iter()
        .filter(|f| f.id == id)
        .flat_map(|f| f.notices.iter())
        .filter(|n| n.portal == portal)
        .flat_map(|n| n.pages.iter().copied())
        .collect()
}

/// The tier as the build's rules type it.
fn rule_tier(tier: &Tier) -> rules::Tier {
    match tier.clone() {
        Tier::Selector { css } => rules::Tier::Selector { css },
        Tier::Text { within, text } => rules::Tier::Text { within, text },
        Tier::LinkPath { within, path } => rules::Tier::LinkPath { within, path },
        Tier::Label { within, text } => rules::Tier::Label { within, text },
        Tier::AriaLabel { within, text } => rules::Tier::AriaLabel { within, text },
        Tier::Role { role, text } => rules::Tier::Role {
            role: match role {
                crate::model::Role::Tab => "tab",
                crate::model::Role::Menuitem => "menuitem",
                crate::model::Role::Button => "button",
            }
            .to_string(),
            text,
        },
    }
}

/// The tier's text fields.
fn fields(tier: &Tier) -> Vec<&str> {
    match tier {
        Tier::Selector { css } => vec![css],
        Tier::Text { within, text }
        | Tier::Label { within, text }
        | Tier::AriaLabel { within, text } => vec![within, text],
        Tier::LinkPath { within, path } => vec![within, path],
        Tier::Role { text, .. } => vec![text],
    }
}

#[cfg(test)]
mod tests;
