//! User settings that shape the plan: which overlay kinds are on, which items were dismissed.
//!
//! Stored by the extension in `chrome.storage.sync`. A stored value that does not decode never
//! blocks the overlays: the service worker falls back to the defaults and says so in its log.

use crate::dates;
use crate::model::{AppRegistration, OverlayKind};
use serde::{Deserialize, Serialize};

pub mod file;
pub mod policy;
pub mod probe_patch;

#[cfg(feature = "probe-patches")]
use probe_patch::ProbePatch;

/// The settings the plan depends on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct Settings {
    /// Portal-location hints.
    pub hints: bool,
    /// Missing-feature notices.
    pub notices: bool,
    /// Incident sync indicators.
    pub sync: bool,
    /// Onboarding status.
    pub onboarding: bool,
    /// The Azure-portal retirement reminder.
    pub retirement: bool,
    /// Trainer mode: label the Sentinel menus with the other portal's locations.
    pub trainer: bool,
    /// Items the user dismissed: an id (for good), or `id@YYYY-MM-DD` for a snoozed item (hidden
    /// for [`SNOOZE_DAYS`] from that day; see [`snooze_entry`]).
    pub dismissed: Vec<String>,
    /// The user's own Entra app registration for reading Azure Resource Manager (onboarding
    /// checks); `None` until entered in options or pushed by policy.
    pub sign_in: Option<AppRegistration>,
    /// When the panel opens by itself.
    pub panel: PanelMode,
    /// Probe patches: the user's own (imported in options); in the settings in force, also the
    /// policy's ([`probe_patch`]).
    #[cfg(feature = "probe-patches")]
    pub probe_patches: Vec<ProbePatch>,
    /// Without the `probe-patches` feature (the service worker's own module) the patches are
    /// passed over unread: the worker's patch module reads them.
    #[cfg(not(feature = "probe-patches"))]
    #[serde(skip_serializing)]
    pub probe_patches: Unread,
}

/// A value decoded without being read (see [`Settings::probe_patches`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Unread;

impl<'de> Deserialize<'de> for Unread {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_ignored_any(serde::de::IgnoredAny)
            .map(|_| Unread)
    }
}

/// When the panel opens by itself (see `crate::attention`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PanelMode {
    /// When there is something the user has not seen (the default).
    #[default]
    New,
    /// On every page with items.
    Always,
    /// Only when the user opens it.
    Never,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            hints: true,
            notices: true,
            sync: true,
            onboarding: true,
            retirement: true,
            trainer: false,
            dismissed: Vec::new(),
            sign_in: None,
            panel: PanelMode::New,
            probe_patches: Default::default(),
        }
    }
}

/// How long a snoozed item stays hidden (the Azure-portal retirement reminder: a week).
pub const SNOOZE_DAYS: i64 = 7;

/// Items that are snoozed rather than dismissed for good: the retirement reminder comes back
/// while the date approaches.
pub fn snoozes(kind: OverlayKind) -> bool {
    kind == OverlayKind::Retirement
}

/// The `dismissed` entry for an item dismissed on `today` (`YYYY-MM-DD`, the user's local date).
pub fn snooze_entry(id: &str, today: &str) -> String {
    format!("{id}@{today}")
}

impl Settings {
    /// Should an item of this kind and id be shown on `today`? Without a date a snoozed item
    /// stays hidden (it reappears once the date is known again).
    pub fn shows_on(&self, kind: OverlayKind, id: &str, today: Option<&str>) -> bool {
        let snoozed = |entry: &str| {
            let Some((entry_id, day)) = entry.split_once('@') else {
                return false;
            };
            let since = today.and_then(|t| dates::days_between(day, t));
            entry_id == id && since.is_none_or(|d| (0..SNOOZE_DAYS).contains(&d))
        };
        self.shows(kind, id) && !self.dismissed.iter().any(|d| snoozed(d))
    }

    /// The value of the on/off setting named `field` (a name of [`file::FIELDS`]); `None` for the
    /// others.
    pub fn flag(&self, field: &str) -> Option<bool> {
        match field {
            "hints" => Some(self.hints),
            "notices" => Some(self.notices),
            "sync" => Some(self.sync),
            "onboarding" => Some(self.onboarding),
            "retirement" => Some(self.retirement),
            "trainer" => Some(self.trainer),
            _ => None,
        }
    }

    /// The on/off setting named `field`, to change; `None` for the others.
    pub fn flag_mut(&mut self, field: &str) -> Option<&mut bool> {
        match field {
            "hints" => Some(&mut self.hints),
            "notices" => Some(&mut self.notices),
            "sync" => Some(&mut self.sync),
            "onboarding" => Some(&mut self.onboarding),
            "retirement" => Some(&mut self.retirement),
            "trainer" => Some(&mut self.trainer),
            _ => None,
        }
    }

    /// Should an item of this kind and id be shown (kind switched on, not dismissed for good)?
    pub fn shows(&self, kind: OverlayKind, id: &str) -> bool {
        let kind_on = match kind {
            OverlayKind::Hint => self.hints,
            OverlayKind::Notice => self.notices,
            OverlayKind::Sync => self.sync,
            OverlayKind::Onboarding => self.onboarding,
            OverlayKind::Retirement => self.retirement,
        };
        kind_on && !self.dismissed.iter().any(|d| d == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_fields_take_defaults() {
        let s: Settings =
            serde_json::from_str(r#"{"hints":false}"#).expect("partial settings decode");
        assert!(!s.hints);
        assert!(s.notices && s.retirement);
    }

    #[test]
    fn unknown_fields_are_rejected() {
        assert!(serde_json::from_str::<Settings>(r#"{"hintz":false}"#).is_err());
    }

    #[test]
    fn dismissed_items_and_disabled_kinds_are_hidden() {
        let s = Settings {
            retirement: false,
            dismissed: vec!["hunting".into()],
            ..Settings::default()
        };
        assert!(!s.shows(OverlayKind::Hint, "hunting"));
        assert!(s.shows(OverlayKind::Hint, "logs"));
        assert!(!s.shows(OverlayKind::Retirement, "azure-portal-retirement"));
    }

    #[test]
    fn a_snoozed_item_is_hidden_for_a_week_from_its_day() {
        let id = "azure-portal-retirement";
        let s = Settings {
            dismissed: vec![snooze_entry(id, "2026-11-23")],
            ..Settings::default()
        };
        let on = |today| s.shows_on(OverlayKind::Retirement, id, today);
        assert!(!on(Some("2026-11-23")) && !on(Some("2026-11-29")));
        assert!(on(Some("2026-11-30")), "back after seven days");
        assert!(
            on(Some("2026-11-22")),
            "a day before the snooze (a clock set back) shows it"
        );
        assert!(!on(None), "without a date it stays hidden");
        assert!(
            s.shows(OverlayKind::Retirement, id),
            "a snooze is not a dismissal for good"
        );
        assert!(snoozes(OverlayKind::Retirement) && !snoozes(OverlayKind::Hint));
    }
}
