//! Probe patches: extra or replacement tiers for a notice's probe, pushed by an administrator's
//! policy or imported by a user from a file.
//!
//! Why: Microsoft changes the portals every few weeks, and a probe that stops finding its control
//! leaves only "can't read this view" until a new release passes the stores, days later. A patch
//! lets the SOC's administrator (or one analyst, for their own browser) tell the extension where
//! the control is now, the same day. It is data, checked with the very rules the shipped catalog
//! passes at build time (`build/tiers.rs`, included by `rules`), and it only says where to look: the
//! notice's words, links and sources stay the catalog's. Whoever patched a probe is named
//! wherever the notice is shown ([`PatchOrigin`]).
//!
//! A patch names its probe as the catalog does: the notice's id (its feature), its portal and a
//! page it is shown on. `add` puts the patch's tiers in front of the catalog's of their kind (the
//! exact ones first, the tolerant ones after every exact one); `replace` uses only the patch's.

use crate::catalog;
use crate::ids::is_plain_id;
use crate::model::{PatchOrigin, Portal, Tier, MAX_TIERS};
use serde::{Deserialize, Serialize};

mod file;
mod rules;

pub use file::{check_user_patches, PatchFile, FORMAT, MAX_USER_PATCH_BYTES, VERSION};

/// Most patches a user may have (stored with their settings; see [`MAX_USER_PATCH_BYTES`]).
pub const MAX_USER_PATCHES: usize = 4;
/// Most patches a policy may carry (it is never stored in sync storage, but every plan carries
/// its patched probes).
pub const MAX_POLICY_PATCHES: usize = 32;
/// Most characters in one selector, label or path of a patch.
pub const MAX_FIELD_CHARS: usize = 300;
/// Most characters in a patch's evidence.
pub const MAX_EVIDENCE_CHARS: usize = 500;

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

impl ProbePatch {
    /// Does it patch the same probe as `other`?
    pub fn same_probe(&self, other: &ProbePatch) -> bool {
        self.patches(other.portal, &other.page, &other.notice)
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
        let Some(notice) = catalog::notice_on(&self.notice, self.portal, &self.page) else {
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
        let evidence = self.evidence.chars().count();
        if self.evidence.trim().is_empty() || evidence > MAX_EVIDENCE_CHARS {
            return Err(format!(
                "{at}.evidence: say what the patch rests on, in 1 to {MAX_EVIDENCE_CHARS} characters"
            ));
        }
        if self.tiers.is_empty() || self.tiers.len() > MAX_TIERS {
            return Err(format!("{at}.tiers: 1 to {MAX_TIERS} tiers"));
        }
        for (i, tier) in self.tiers.iter().enumerate() {
            let here = format!("{at}.tiers[{i}]");
            if rules::text_fields(tier)
                .iter()
                .any(|f| f.chars().count() > MAX_FIELD_CHARS)
            {
                return Err(format!(
                    "{here}: a selector, label or path longer than {MAX_FIELD_CHARS} characters"
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
                    "{here}: a tolerant tier's label is in English, in ASCII characters, as the catalog's are"
                ));
            }
        }
        // Each tier alone first, so a problem names the patch's own tier.
        for (i, tier) in self.tiers.iter().enumerate() {
            if let Some(problem) = rules::tier_problem(&format!("{at}.tiers[{i}]"), tier) {
                return Err(problem);
            }
        }
        // Then the probe the patch makes: `add` keeps exact tiers before tolerant ones but can
        // pass the most tiers; `replace` is the patch's own order, so "[N]" is its tier N.
        let catalog = notice.probe.fill(&[]).tiers;
        match rules::first_problem(&format!("{at}.tiers"), &self.tiers_over(&catalog)) {
            Some(problem) => Err(problem),
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

#[cfg(test)]
mod tests;
