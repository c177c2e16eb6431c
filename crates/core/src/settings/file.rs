//! Settings as a file: export to keep or hand on, import to restore or to roll out by hand.
//!
//! Why strict: an imported file comes from outside (a colleague, a wiki page, an old backup). It
//! must be our format and version, name every setting (a partial file is refused rather than
//! filled with defaults, so importing never switches something on or off that the file did not
//! say), hold nothing we do not know (`deny_unknown_fields`), and keep within bounds. A refused
//! file changes nothing: the caller stores only what [`SettingsFile::check`] passed. Every refusal
//! starts with the path of the field it is about, so the user can find it in the file.

use super::Settings;
use crate::dates;
use crate::ids::is_plain_id;
use serde::{Deserialize, Serialize};

/// The `format` field of a settings file.
pub const FORMAT: &str = "secops-wayfinder-settings";
/// The version this build writes and reads.
pub const VERSION: u32 = 1;
/// Most dismissed entries a file may carry: the catalog has far fewer items, and the settings are
/// one `chrome.storage.sync` item of at most 8,192 bytes (`QUOTA_BYTES_PER_ITEM`,
/// <https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync>), which 100
/// entries of the longest form (a 64-character id and a date) still fit.
pub const MAX_DISMISSED: usize = 100;
/// Every field of [`Settings`] as it is written: a file must name each one, except the
/// [`LATER_FIELDS`].
pub const FIELDS: [&str; 10] = [
    "hints",
    "notices",
    "sync",
    "onboarding",
    "retirement",
    "trainer",
    "dismissed",
    "signIn",
    "panel",
    "probePatches",
];

/// Fields added after files of this version were first written: a file without one takes the
/// default, so a file exported by an earlier release still imports.
pub const LATER_FIELDS: [&str; 2] = ["panel", "probePatches"];

/// A settings file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SettingsFile {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`] for this build.
    pub version: u32,
    /// When it was exported (RFC 3339, UTC).
    pub exported_at: String,
    /// The settings.
    pub settings: Settings,
}

impl SettingsFile {
    /// A file of `settings`, exported at `exported_at`.
    pub fn new(settings: Settings, exported_at: String) -> Self {
        SettingsFile {
            format: FORMAT.to_string(),
            version: VERSION,
            exported_at,
            settings,
        }
    }

    /// Checks a decoded file and gives the settings to store. `named` tells whether the file's
    /// `settings` object names a field (decoding fills missing ones with defaults, so presence is
    /// asked of the raw value). The error starts with the field's path.
    pub fn check(self, named: impl Fn(&str) -> bool) -> Result<Settings, String> {
        check_header((&self.format, self.version), (FORMAT, VERSION))?;
        if crate::time::rfc3339_to_unix(&self.exported_at).is_none() {
            return Err("exportedAt: not an RFC 3339 time".into());
        }
        if let Some(missing) = FIELDS
            .iter()
            .find(|f| !named(f) && !LATER_FIELDS.contains(f))
        {
            return Err(format!(
                "settings.{missing}: missing; a settings file names every setting"
            ));
        }
        let settings = self.settings;
        if settings.dismissed.len() > MAX_DISMISSED {
            return Err(format!(
                "settings.dismissed: more than {MAX_DISMISSED} entries"
            ));
        }
        for (i, entry) in settings.dismissed.iter().enumerate() {
            if !is_dismissed_entry(entry) {
                return Err(format!(
                    "settings.dismissed[{i}]: not an item id (letters a-z, digits, hyphens), optionally followed by @YYYY-MM-DD"
                ));
            }
        }
        if let Some(app) = &settings.sign_in {
            app.check()
                .map_err(|why| format!("settings.signIn: {why}"))?;
        }
        #[cfg(feature = "probe-patches")]
        super::probe_patch::check_user_patches(&settings.probe_patches, "settings.probePatches")?;
        Ok(settings)
    }
}

/// Checks a file's `format` and `version` (`found`) against what this build reads (`ours`);
/// the error names the field. Shared by the files that options import.
pub fn check_header(found: (&str, u32), ours: (&str, u32)) -> Result<(), String> {
    let ((format, version), (our_format, our_version)) = (found, ours);
    if format != our_format {
        return Err(format!("format: expected \"{our_format}\""));
    }
    if version != our_version {
        return Err(format!(
            "version: this version of SecOps Wayfinder reads version {our_version}, the file is version {version}"
        ));
    }
    Ok(())
}

/// An entry of `dismissed`: an item id, or `id@YYYY-MM-DD` for a snoozed item.
fn is_dismissed_entry(entry: &str) -> bool {
    match entry.split_once('@') {
        Some((id, day)) => {
            is_plain_id(id) && day.len() == 10 && dates::days_from_iso(day).is_some()
        }
        None => is_plain_id(entry),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AppRegistration;

    const AT: &str = "2026-11-23T10:00:00Z";

    fn import(text: &str) -> Result<Settings, String> {
        let raw: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let file: SettingsFile = serde_json::from_value(raw.clone()).map_err(|e| e.to_string())?;
        let named = |f: &str| raw["settings"].get(f).is_some();
        file.check(named)
    }

    fn exported(settings: Settings) -> String {
        serde_json::to_string(&SettingsFile::new(settings, AT.into())).expect("encodes")
    }

    // Every field is written with the patches' feature (on in every workspace test run).
    #[cfg(feature = "probe-patches")]
    #[test]
    fn fields_are_every_field_written() {
        let value = serde_json::to_value(Settings::default()).expect("encodes");
        let mut written: Vec<&str> = value
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        let mut listed = FIELDS.to_vec();
        written.sort_unstable();
        listed.sort_unstable();
        assert_eq!(written, listed);
    }

    #[test]
    fn an_export_imports_as_the_same_settings() {
        let settings = Settings {
            trainer: true,
            sync: false,
            dismissed: vec![
                "hunting".into(),
                "azure-portal-retirement@2026-11-20".into(),
            ],
            sign_in: Some(AppRegistration {
                tenant: "contoso.onmicrosoft.com".into(),
                client_id: "2c4f6a8b-1d3e-4f50-9a7b-8c9d0e1f2a3b".into(),
            }),
            ..Settings::default()
        };
        assert_eq!(import(&exported(settings.clone())), Ok(settings));
        assert_eq!(
            import(&exported(Settings::default())),
            Ok(Settings::default())
        );
    }

    #[test]
    fn a_partial_file_is_refused_naming_the_missing_field() {
        let mut value: serde_json::Value =
            serde_json::from_str(&exported(Settings::default())).expect("json");
        value["settings"]
            .as_object_mut()
            .expect("object")
            .remove("trainer");
        let error = import(&value.to_string()).expect_err("partial");
        assert!(error.starts_with("settings.trainer: missing"), "{error}");
    }

    #[test]
    fn refusals_name_the_field() {
        let good = exported(Settings::default());
        let cases = [
            (good.replace(FORMAT, "something-else"), "format:"),
            (good.replace("\"version\":1", "\"version\":2"), "version:"),
            (good.replace(AT, "yesterday"), "exportedAt:"),
            (
                good.replace("\"dismissed\":[]", "\"dismissed\":[\"<img src=x>\"]"),
                "settings.dismissed[0]:",
            ),
            (
                good.replace("\"dismissed\":[]", "\"dismissed\":[\"hunting@2026-13-45\"]"),
                "settings.dismissed[0]:",
            ),
            (
                good.replace(
                    "\"signIn\":null",
                    "\"signIn\":{\"tenant\":\"not a tenant\",\"clientId\":\"x\"}",
                ),
                "settings.signIn: Tenant:",
            ),
        ];
        for (text, field) in cases {
            let error = import(&text).expect_err(field);
            assert!(error.starts_with(field), "{field}: {error}");
        }
        let many = format!("[{}]", vec!["\"hunting\""; MAX_DISMISSED + 1].join(","));
        let error = import(&good.replace("\"dismissed\":[]", &format!("\"dismissed\":{many}")))
            .expect_err("too many");
        assert!(error.starts_with("settings.dismissed:"), "{error}");
    }

    #[test]
    fn unknown_fields_are_refused() {
        let good = exported(Settings::default());
        assert!(import(&good.replace("\"trainer\"", "\"trainerMode\":true,\"trainer\"")).is_err());
        assert!(import(&good.replace("\"format\"", "\"extra\":1,\"format\"")).is_err());
    }
}
