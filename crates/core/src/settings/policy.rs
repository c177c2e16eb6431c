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
//! number, an unknown key, an app registration without both ids, which the schema marks
//! required). So a policy is a settings object with fewer keys: it decodes as [`Settings`] (one
//! decoder in the wasm module, not two), and the keys it names say which values are the policy's.
//! [`Policy::checked`] checks again what the schema cannot say (item ids, the app registration),
//! and drops a bad value on its own with the reason, so one mistake does not cost the rest.
//! Keys and schema: <https://developer.chrome.com/docs/extensions/reference/manifest/storage>

use super::file::FIELDS;
#[cfg(feature = "probe-patches")]
use super::probe_patch::{ProbePatch, MAX_POLICY_PATCHES};
use super::{PanelMode, Settings};
use crate::ids::is_plain_id;

/// A policy's probe patches as they decoded, each with its index in the policy (`probePatches[i]`):
/// the patch, or why it did not decode.
#[cfg(feature = "probe-patches")]
pub type PatchEntries = Vec<(usize, Result<ProbePatch, String>)>;

/// The policy as `chrome.storage.managed.get()` gives it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Policy {
    /// The values, as settings; a setting the policy does not name holds its default, unused.
    values: Settings,
    /// The names of the settings the policy sets (names of [`FIELDS`]).
    named: Vec<String>,
    /// The policy's probe patches as they decoded, each with its index in the policy: a patch
    /// that does not decode is dropped alone, with its reason, by [`Policy::checked`].
    #[cfg(feature = "probe-patches")]
    patch_entries: PatchEntries,
}

impl Policy {
    /// The policy of `values`, of which it names the settings `named` (its keys).
    pub fn new(values: Settings, named: Vec<String>) -> Self {
        #[cfg(feature = "probe-patches")]
        {
            let mut values = values;
            let patch_entries = std::mem::take(&mut values.probe_patches)
                .into_iter()
                .map(Ok)
                .enumerate()
                .collect();
            Policy {
                values,
                named,
                patch_entries,
            }
        }
        #[cfg(not(feature = "probe-patches"))]
        Policy { values, named }
    }

    /// The policy with its probe patches decoded one by one (`probePatches[i]`, or why it did
    /// not decode), so that one malformed patch does not cost the rest of the policy.
    #[cfg(feature = "probe-patches")]
    pub fn with_patch_entries(mut self, entries: PatchEntries) -> Self {
        self.patch_entries = entries;
        self
    }

    fn names(&self, field: &str) -> bool {
        self.named.iter().any(|n| n == field)
    }

    /// The policy without the values it may not hold, and a line for each value taken out,
    /// starting with the field's path.
    pub fn checked(mut self) -> (Policy, Vec<String>) {
        // No count limit, unlike a settings file: the policy is never stored in sync storage.
        let mut problems = Vec::new();
        for (i, id) in self.values.dismissed.iter().enumerate() {
            if !is_plain_id(id) {
                problems.push(format!(
                    "dismissed[{i}]: not an item id (letters a-z, digits, hyphens)"
                ));
            }
        }
        self.values.dismissed.retain(|id| is_plain_id(id));
        if let Some(Err(why)) = self.values.sign_in.as_ref().map(|app| app.check()) {
            problems.push(format!("signIn: {why}"));
            self.values.sign_in = None;
        }
        if self.values.sign_in.is_none() {
            self.named.retain(|n| n != "signIn");
        }
        #[cfg(feature = "probe-patches")]
        self.check_patches(&mut problems);
        (self, problems)
    }

    /// Keeps the policy's patches that pass their checks (as the organization's), and a line for
    /// each one dropped.
    #[cfg(feature = "probe-patches")]
    fn check_patches(&mut self, problems: &mut Vec<String>) {
        for (i, entry) in std::mem::take(&mut self.patch_entries) {
            let at = format!("probePatches[{i}]");
            let checked = entry
                .map_err(|why| format!("{at}: {why}"))
                .and_then(|patch| {
                    if i >= MAX_POLICY_PATCHES {
                        Err(format!("{at}: more than {MAX_POLICY_PATCHES} patches"))
                    } else if self
                        .values
                        .probe_patches
                        .iter()
                        .any(|p| p.same_probe(&patch))
                    {
                        Err(format!("{at}: a second patch for the same probe"))
                    } else {
                        patch.check(&at).map(|()| patch)
                    }
                });
            match checked {
                Ok(mut patch) => {
                    patch.by_policy = true;
                    self.values.probe_patches.push(patch);
                }
                Err(why) => problems.push(why),
            }
        }
    }

    /// The settings in force: the user's, with each value the policy names in its place, and
    /// the items hidden by either.
    pub fn over(&self, user: &Settings) -> Settings {
        let mut settings = user.clone();
        for field in FIELDS {
            if let Some(value) = self.flag(field) {
                if let Some(slot) = settings.flag_mut(field) {
                    *slot = value;
                }
            }
        }
        if self.names("dismissed") {
            for id in &self.values.dismissed {
                if !settings.dismissed.contains(id) {
                    settings.dismissed.push(id.clone());
                }
            }
        }
        if self.names("signIn") {
            settings.sign_in.clone_from(&self.values.sign_in);
        }
        if self.names("panel") {
            settings.panel = self.values.panel;
        }
        #[cfg(feature = "probe-patches")]
        self.patch_over(&mut settings);
        settings
    }

    /// The probe patches in force: the policy's, and the user's for the probes it leaves alone.
    #[cfg(feature = "probe-patches")]
    fn patch_over(&self, settings: &mut Settings) {
        // The user's patches are theirs whatever they say; the policy's win on the same probe.
        for patch in &mut settings.probe_patches {
            patch.by_policy = false;
        }
        let policy = &self.values.probe_patches;
        settings
            .probe_patches
            .retain(|mine| !policy.iter().any(|p| p.same_probe(mine)));
        settings.probe_patches.splice(0..0, policy.iter().cloned());
    }

    /// Does the policy set this setting (a name of [`FIELDS`])? `dismissed` and `probePatches`
    /// are never locked as a whole: the user still hides items and patches probes of their own.
    pub fn locks(&self, field: &str) -> bool {
        field != "dismissed" && field != "probePatches" && self.names(field)
    }

    /// The value the policy gives an on/off setting (a name of [`FIELDS`]), if it sets it.
    pub fn flag(&self, field: &str) -> Option<bool> {
        self.values.flag(field).filter(|_| self.names(field))
    }

    /// The panel mode the policy sets, if it sets one.
    pub fn panel(&self) -> Option<PanelMode> {
        self.names("panel").then_some(self.values.panel)
    }

    /// The policy's probe patches (checked).
    #[cfg(feature = "probe-patches")]
    pub fn patches(&self) -> &[ProbePatch] {
        &self.values.probe_patches
    }

    /// Does the policy set nothing at all?
    pub fn is_empty(&self) -> bool {
        self.named.is_empty()
    }

    /// How many items the policy hides.
    pub fn hidden_count(&self) -> usize {
        if self.names("dismissed") {
            self.values.dismissed.len()
        } else {
            0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CLIENT: &str = "3f2a8c1e-5b6d-4e7f-9a0b-1c2d3e4f5a6b";

    /// The settings the policy sets, in the order of [`FIELDS`].
    fn locked(p: &Policy) -> Vec<&'static str> {
        FIELDS.into_iter().filter(|f| p.locks(f)).collect()
    }

    /// A policy as the worker reads one: decoded as settings, named by its keys.
    fn policy(json: &str) -> Policy {
        let value: serde_json::Value = serde_json::from_str(json).expect("JSON");
        let named = value
            .as_object()
            .expect("an object")
            .keys()
            .cloned()
            .collect();
        Policy::new(serde_json::from_value(value).expect("settings"), named)
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
        assert!(problems.is_empty() && locked(&empty).is_empty() && empty.is_empty());
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
        assert_eq!(locked(&p), ["hints", "trainer", "signIn"]);
        assert_eq!((p.flag("hints"), p.flag("notices")), (Some(false), None));
        assert!(!p.locks("notices") && !p.locks("dismissed"));
    }

    #[test]
    fn the_panel_mode_is_set_and_locked_by_the_policy() {
        let user = Settings {
            panel: PanelMode::Never,
            ..Settings::default()
        };
        let (p, problems) = policy(r#"{"panel":"always"}"#).checked();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(p.over(&user).panel, PanelMode::Always);
        assert!(p.locks("panel"));
        let (none, _) = policy("{}").checked();
        assert_eq!(none.over(&user).panel, PanelMode::Never, "the user's own");
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
            r#"{"hints":false,"dismissed":["hunting","Bad Id","x@2026-01-01"],"signIn":{"tenant":"contoso.onmicrosoft.com","clientId":"not-a-guid"}}"#,
        )
        .checked();
        assert_eq!(p.flag("hints"), Some(false), "the rest of the policy holds");
        assert_eq!(p.hidden_count(), 1);
        assert!(!p.locks("signIn"));
        assert!(p.over(&Settings::default()).sign_in.is_none());
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0].starts_with("dismissed[1]:"));
        assert!(problems[1].starts_with("dismissed[2]:"));
        assert!(problems[2].starts_with("signIn: Client id"));
    }

    #[test]
    fn settings_the_policy_does_not_name_are_not_its_own() {
        // They decode with their defaults (hints on), but only named keys are the policy's.
        let (p, _) = policy(r#"{"trainer":false}"#).checked();
        assert_eq!(p.flag("hints"), None);
        assert_eq!(p.flag("trainer"), Some(false));
        let user = Settings {
            hints: false,
            trainer: true,
            ..Settings::default()
        };
        let s = p.over(&user);
        assert!(!s.hints && !s.trainer);
    }

    // Every field is written with the patches' feature (on in every workspace test run).
    #[cfg(feature = "probe-patches")]
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
                serde_json::Value::String(_) => "string",
                _ => "object",
            };
            assert_eq!(kind, expected, "{field}");
        }
        let sign_in = properties["signIn"]["properties"]
            .as_object()
            .expect("signIn's properties");
        assert!(sign_in.contains_key("tenant") && sign_in.contains_key("clientId"));
        // Required, so the browser drops a registration without both ids (measured) and the
        // policy still decodes as settings.
        assert_eq!(
            properties["signIn"]["required"],
            serde_json::json!(["tenant", "clientId"])
        );
    }
}
