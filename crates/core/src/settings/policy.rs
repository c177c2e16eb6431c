//! Settings an administrator pushes through enterprise policy (Intune, Group Policy, a JSON file
//! on Linux) into `chrome.storage.managed`, and how they meet the user's own settings.
//!
//! Why: IT rolls the extension out to every analyst at once, with the tenant's app registration
//! and the overlays the SOC wants. A value the policy names wins over the user's and shows as
//! locked; whatever the policy leaves out stays the user's to choose. The policy is applied when
//! settings are read and never written to `chrome.storage.sync`, so a policy taken away gives the
//! user's own choices back.
//!
//! The browser checks the policy against `extension/managed_schema.json` and drops the values
//! that do not fit it (measured on Chromium 156: a string for a boolean, an array holding a
//! number, an unknown key). [`Policy::checked`] checks again what the schema cannot say (item ids,
//! the app registration), and drops a bad value on its own with the reason, so one mistake does
//! not cost the rest of the policy.
//! Keys and schema: https://developer.chrome.com/docs/extensions/reference/manifest/storage

use super::file::{FIELDS, MAX_DISMISSED};
use super::Settings;
use crate::messages::is_plain_id;
use crate::onboarding::signin::AppRegistration;
use serde::{Deserialize, Serialize};

/// The policy as `chrome.storage.managed.get()` gives it: a field per setting, each optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Policy {
    /// Portal-location hints on or off.
    pub hints: Option<bool>,
    /// Missing-feature notices on or off.
    pub notices: Option<bool>,
    /// Incident sync indicators on or off.
    pub sync: Option<bool>,
    /// Onboarding status on or off.
    pub onboarding: Option<bool>,
    /// The Azure-portal retirement reminder on or off.
    pub retirement: Option<bool>,
    /// Trainer mode on or off.
    pub trainer: Option<bool>,
    /// Ids of hints and notices hidden for everyone, besides what each user dismisses.
    pub dismissed: Option<Vec<String>>,
    /// The organization's app registration for the onboarding checks.
    pub sign_in: Option<PolicySignIn>,
}

/// The app registration as a policy carries it: the schema cannot make both fields required in
/// every browser, so either may be missing and [`Policy::checked`] says so.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct PolicySignIn {
    /// Directory (tenant) id or domain.
    pub tenant: Option<String>,
    /// Application (client) id.
    pub client_id: Option<String>,
}

impl PolicySignIn {
    fn registration(&self) -> Result<AppRegistration, String> {
        let app = AppRegistration {
            tenant: self.tenant.clone().unwrap_or_default().trim().to_string(),
            client_id: self
                .client_id
                .clone()
                .unwrap_or_default()
                .trim()
                .to_string(),
        };
        app.check().map(|()| app)
    }
}

impl Policy {
    /// The policy without the values it may not hold, and a line for each value taken out,
    /// starting with the field's path.
    pub fn checked(mut self) -> (Policy, Vec<String>) {
        let mut problems = Vec::new();
        if let Some(ids) = self.dismissed.take() {
            let mut kept = Vec::new();
            for (i, id) in ids.into_iter().enumerate() {
                if kept.len() == MAX_DISMISSED {
                    problems.push(format!("dismissed: more than {MAX_DISMISSED} ids"));
                    break;
                }
                if is_plain_id(&id) {
                    kept.push(id);
                } else {
                    problems.push(format!(
                        "dismissed[{i}]: not an item id (letters a-z, digits, hyphens)"
                    ));
                }
            }
            self.dismissed = Some(kept);
        }
        if let Some(Err(why)) = self.sign_in.as_ref().map(PolicySignIn::registration) {
            problems.push(format!("signIn: {why}"));
            self.sign_in = None;
        }
        (self, problems)
    }

    /// The settings in force: the user's, with each value the policy names in its place, and
    /// the items hidden by either.
    pub fn over(&self, user: &Settings) -> Settings {
        let mut settings = user.clone();
        for (field, value) in [
            (&mut settings.hints, self.hints),
            (&mut settings.notices, self.notices),
            (&mut settings.sync, self.sync),
            (&mut settings.onboarding, self.onboarding),
            (&mut settings.retirement, self.retirement),
            (&mut settings.trainer, self.trainer),
        ] {
            if let Some(value) = value {
                *field = value;
            }
        }
        for id in self.dismissed.iter().flatten() {
            if !settings.dismissed.contains(id) {
                settings.dismissed.push(id.clone());
            }
        }
        if let Some(Ok(app)) = self.sign_in.as_ref().map(PolicySignIn::registration) {
            settings.sign_in = Some(app);
        }
        settings
    }

    /// Does the policy set this setting (a name of [`FIELDS`])? `dismissed` is never locked as a
    /// whole: the user still hides items of their own.
    pub fn locks(&self, field: &str) -> bool {
        match field {
            "hints" => self.hints.is_some(),
            "notices" => self.notices.is_some(),
            "sync" => self.sync.is_some(),
            "onboarding" => self.onboarding.is_some(),
            "retirement" => self.retirement.is_some(),
            "trainer" => self.trainer.is_some(),
            "signIn" => self.sign_in.is_some(),
            _ => false,
        }
    }

    /// The settings the policy sets, in the order of [`FIELDS`].
    pub fn locked(&self) -> Vec<&'static str> {
        FIELDS.into_iter().filter(|f| self.locks(f)).collect()
    }

    /// How many items the policy hides.
    pub fn hidden_count(&self) -> usize {
        self.dismissed.as_ref().map_or(0, Vec::len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CLIENT: &str = "3f2a8c1e-5b6d-4e7f-9a0b-1c2d3e4f5a6b";

    fn policy(json: &str) -> Policy {
        serde_json::from_str(json).expect("a policy")
    }

    #[test]
    fn an_empty_policy_leaves_the_users_settings_alone() {
        let user = Settings {
            trainer: true,
            dismissed: vec!["hunting".into()],
            ..Settings::default()
        };
        let (empty, problems) = policy("{}").checked();
        assert_eq!(empty.over(&user), user);
        assert!(problems.is_empty() && empty.locked().is_empty());
    }

    #[test]
    fn named_values_win_and_are_locked_the_rest_stays_the_users() {
        let user = Settings {
            hints: true,
            notices: false,
            trainer: false,
            ..Settings::default()
        };
        let (p, problems) = policy(&format!(
            r#"{{"hints":false,"trainer":true,"signIn":{{"tenant":"contoso.onmicrosoft.com","clientId":"{CLIENT}"}}}}"#
        ))
        .checked();
        assert!(problems.is_empty(), "{problems:?}");
        let s = p.over(&user);
        assert!(!s.hints && s.trainer, "the policy's values win");
        assert!(!s.notices, "what the policy leaves out is the user's");
        assert_eq!(
            s.sign_in.map(|a| a.tenant).as_deref(),
            Some("contoso.onmicrosoft.com")
        );
        assert_eq!(p.locked(), ["hints", "trainer", "signIn"]);
        assert!(!p.locks("notices") && !p.locks("dismissed"));
    }

    #[test]
    fn hidden_items_are_the_union_of_policy_and_user() {
        let user = Settings {
            dismissed: vec!["logs".into(), "hunting".into()],
            ..Settings::default()
        };
        let (p, _) = policy(r#"{"dismissed":["hunting","incident-tasks"]}"#).checked();
        assert_eq!(
            p.over(&user).dismissed,
            ["logs", "hunting", "incident-tasks"]
        );
        assert_eq!(p.hidden_count(), 2);
    }

    #[test]
    fn a_bad_value_is_dropped_alone_and_named() {
        let (p, problems) = policy(
            r#"{"hints":false,"dismissed":["hunting","Bad Id","x@2026-01-01"],"signIn":{"tenant":"contoso.onmicrosoft.com"}}"#,
        )
        .checked();
        assert_eq!(p.hints, Some(false), "the rest of the policy holds");
        assert_eq!(p.dismissed.as_deref(), Some(&["hunting".to_string()][..]));
        assert!(p.sign_in.is_none() && !p.locks("signIn"));
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0].starts_with("dismissed[1]:"));
        assert!(problems[1].starts_with("dismissed[2]:"));
        assert!(problems[2].starts_with("signIn: Client id"));
    }

    #[test]
    fn too_many_hidden_items_are_cut_at_the_limit() {
        let ids: Vec<String> = (0..MAX_DISMISSED + 5)
            .map(|i| format!("item-{i}"))
            .collect();
        let (p, problems) = Policy {
            dismissed: Some(ids),
            ..Policy::default()
        }
        .checked();
        assert_eq!(p.hidden_count(), MAX_DISMISSED);
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn unknown_keys_are_ignored_not_fatal() {
        // A newer policy for an older extension must not cost the keys this version knows.
        assert_eq!(policy(r#"{"hints":false,"later":1}"#).hints, Some(false));
    }

    #[test]
    fn the_schema_names_every_setting_with_its_type() {
        let schema: serde_json::Value =
            serde_json::from_str(include_str!("../../../../extension/managed_schema.json"))
                .expect("the schema is JSON");
        let properties = schema["properties"].as_object().expect("properties");
        let mut names: Vec<&str> = properties.keys().map(String::as_str).collect();
        names.sort_unstable();
        let mut fields = FIELDS.to_vec();
        fields.sort_unstable();
        assert_eq!(
            names, fields,
            "the schema and the settings name the same keys"
        );
        let written = serde_json::to_value(Settings::default()).expect("encodes");
        for field in FIELDS {
            let kind = properties[field]["type"].as_str().expect("a type");
            let expected = match &written[field] {
                serde_json::Value::Bool(_) => "boolean",
                serde_json::Value::Array(_) => "array",
                _ => "object",
            };
            assert_eq!(kind, expected, "{field}");
        }
        let sign_in = properties["signIn"]["properties"]
            .as_object()
            .expect("signIn's properties");
        assert!(sign_in.contains_key("tenant") && sign_in.contains_key("clientId"));
    }
}
