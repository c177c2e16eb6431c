//! Fuzz target: any bytes as an imported settings file, through serde_json's parser, the decoder
//! the options page ships (`tree_decoder`, which it runs on the file's `JSON.parse` object),
//! `SettingsFile` and `SettingsFile::check`.
//!
//! Why: a settings file comes from outside (a colleague, a wiki, an old backup), and whatever it
//! says is stored in `chrome.storage.sync` and shapes every portal page. Checking must never
//! panic, must refuse a partial file, must pass only settings whose dismissed entries and app
//! registration are valid, and every refusal must start with the field it is about. What passes
//! must export and import again as the same settings. The checks restate the rules of
//! `settings/file.rs` from the outside.

#![no_main]

use libfuzzer_sys::fuzz_target;
use wayfinder_core::ids::is_plain_id;
use wayfinder_core::settings::file::{SettingsFile, FIELDS, LATER_FIELDS, MAX_DISMISSED};
use wayfinder_core::tree_decoder;

/// Where a refusal may point: the file's own fields, or a setting.
const TOP_FIELDS: [&str; 3] = ["format:", "version:", "exportedAt:"];

fuzz_target!(|data: &[u8]| {
    let Ok(raw) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    let Ok(file) = tree_decoder::decode::<SettingsFile, _>(raw.clone()) else {
        return;
    };
    let named = |field: &str| raw.get("settings").and_then(|s| s.get(field)).is_some();
    match file.clone().check(named) {
        Ok(settings) => {
            // Only a field added after the format's first files may be missing.
            let missing = FIELDS.iter().filter(|f| !named(f));
            assert!(
                missing.clone().all(|f| LATER_FIELDS.contains(f)),
                "a partial file passed: {:?}",
                missing.collect::<Vec<_>>()
            );
            assert!(settings.dismissed.len() <= MAX_DISMISSED);
            for entry in &settings.dismissed {
                let id = entry.split_once('@').map_or(entry.as_str(), |(id, _)| id);
                assert!(is_plain_id(id), "{entry:?}");
            }
            if let Some(app) = &settings.sign_in {
                assert_eq!(app.check(), Ok(()));
            }
            // What passed exports and imports again as the same settings.
            let again = SettingsFile::new(settings.clone(), file.exported_at.clone());
            let text = serde_json::to_string(&again).expect("settings encode");
            let value: serde_json::Value = serde_json::from_str(&text).expect("our own JSON");
            let decoded: SettingsFile = tree_decoder::decode(value.clone()).expect("decodes");
            let reread = decoded.check(|f| value["settings"].get(f).is_some());
            assert_eq!(reread, Ok(settings));
        }
        Err(why) => {
            let at_field = TOP_FIELDS.iter().any(|f| why.starts_with(f))
                || FIELDS
                    .iter()
                    .any(|f| why.starts_with(&format!("settings.{f}")));
            assert!(at_field, "a refusal that names no field: {why}");
        }
    }
});
