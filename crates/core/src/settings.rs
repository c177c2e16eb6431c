//! User settings that shape the plan: which overlay kinds are on, which items were dismissed.
//!
//! Stored by the extension in `chrome.storage.sync`. A stored value that does not decode never
//! blocks the overlays: the service worker falls back to the defaults and says so in its log.

use crate::plan::OverlayKind;
use serde::{Deserialize, Serialize};

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
    /// Ids of items the user dismissed.
    pub dismissed: Vec<String>,
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
        }
    }
}

impl Settings {
    /// Should an item of this kind and id be shown?
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
}
