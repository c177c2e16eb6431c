//! The extension's texts in every language, checked on every build (and so by `cargo xtask
//! test`): a key the pages use but a language lacks shows as the bare key to that language's
//! users, and only a browser in that language would show it. So the sources are read for the keys
//! they use, and each `_locales/<language>/messages.json` must have exactly those keys, with the
//! same placeholders as the default language, whose messages each carry a description for
//! translators.
//!
//! Keys are literals at every use, which is what makes them readable here: `message("key")` and
//! `message_with("key", …)` in `crates/ui/src`, `chrome.i18n.getMessage('key'…)` in the JS
//! shells, `__MSG_key__` in the manifest. A use with a computed key is refused.

use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Where the pages' Rust looks texts up (`crates/ui/src/text.rs`).
const RUST_SOURCES: &str = "crates/ui/src";
/// The JS shells (top level of `extension/`).
const JS_SOURCES: &str = "extension";
const LOCALES: &str = "extension/_locales";

/// One use of a key in the sources.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyUse {
    /// The message key.
    pub key: String,
    /// Whether the use passes values for placeholders.
    pub with_values: bool,
    /// `file:line`, for the error.
    pub at: String,
}

/// Checks the locales of the tree at `root`; the error lists every problem found.
pub fn check(root: &Path) -> Result<(), String> {
    let manifest = read(&root.join("manifest.json"))?;
    let default_language = serde_json::from_str::<Value>(&manifest)
        .map_err(|e| format!("manifest.json is not JSON: {e}"))?["default_locale"]
        .as_str()
        .ok_or("manifest.json has no default_locale")?
        .to_string();
    let mut uses = keys_in_manifest(&manifest);
    for file in source_files(&root.join(RUST_SOURCES), "rs")? {
        uses.extend(keys_in_rust(&read(&file)?, &shown(root, &file))?);
    }
    for file in source_files(&root.join(JS_SOURCES), "js")? {
        uses.extend(keys_in_js(&read(&file)?, &shown(root, &file))?);
    }
    let mut languages = BTreeMap::new();
    for entry in fs::read_dir(root.join(LOCALES)).map_err(|e| format!("{LOCALES}: {e}"))? {
        let dir = entry.map_err(|e| e.to_string())?.path();
        let language = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = read(&dir.join("messages.json"))?;
        let messages = serde_json::from_str(&text)
            .map_err(|e| format!("{LOCALES}/{language}/messages.json is not JSON: {e}"))?;
        languages.insert(language, messages);
    }
    let problems = problems(&default_language, &languages, &uses);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "the extension's texts are not complete:\n  {}",
            problems.join("\n  ")
        ))
    }
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// `path` relative to the repository, for messages.
fn shown(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// The files with extension `ext` in `dir` and below (Rust) or in `dir` only (the JS shells).
fn source_files(dir: &Path, ext: &str) -> Result<Vec<std::path::PathBuf>, String> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).map_err(|e| format!("cannot list {}: {e}", d.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == ext) {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// The keys of `__MSG_key__` references in the manifest.
pub fn keys_in_manifest(text: &str) -> Vec<KeyUse> {
    text.split("__MSG_")
        .skip(1)
        .filter_map(|rest| rest.split_once("__"))
        .map(|(key, _)| KeyUse {
            key: key.to_string(),
            with_values: false,
            at: "manifest.json".to_string(),
        })
        .collect()
}

/// Whether the calls of a function pass values for placeholders.
#[derive(Clone, Copy)]
enum Values {
    /// Rust's `message_with`.
    Always,
    /// Rust's `message`.
    Never,
    /// `chrome.i18n.getMessage`: when a second argument follows the key.
    AfterKey,
}

/// The keys of `message("key")` and `message_with("key", …)` calls in Rust source.
pub fn keys_in_rust(text: &str, file: &str) -> Result<Vec<KeyUse>, String> {
    let mut uses = calls(text, file, "message_with(", Values::Always)?;
    uses.extend(calls(text, file, "message(", Values::Never)?);
    Ok(uses)
}

/// The keys of `chrome.i18n.getMessage('key')` calls in a JS shell.
pub fn keys_in_js(text: &str, file: &str) -> Result<Vec<KeyUse>, String> {
    calls(text, file, "getMessage(", Values::AfterKey)
}

/// Every call of `opening` (a name and its parenthesis) outside line comments: its first
/// argument must be a string literal.
fn calls(text: &str, file: &str, opening: &str, values: Values) -> Result<Vec<KeyUse>, String> {
    let mut uses = Vec::new();
    let mut offset = 0;
    while let Some(found) = text[offset..].find(opening) {
        let start = offset + found;
        offset = start + opening.len();
        let before = text[..start].chars().next_back();
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line = text[..start].matches('\n').count() + 1;
        let in_comment = text[line_start..start].trim_start().starts_with("//");
        let is_name = before.is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        let is_definition = text[..start].ends_with("fn ");
        if in_comment || !is_name || is_definition {
            continue;
        }
        let at = format!("{file}:{line}");
        let rest = text[offset..].trim_start();
        let quote = rest
            .chars()
            .next()
            .filter(|c| *c == '"' || *c == '\'')
            .ok_or_else(|| format!("{at}: the message key is not a string literal"))?;
        let (key, after) = rest[1..]
            .split_once(quote)
            .ok_or_else(|| format!("{at}: the message key is not closed"))?;
        let with_values = match values {
            Values::Always => true,
            Values::Never => false,
            Values::AfterKey => after.trim_start().starts_with(','),
        };
        uses.push(KeyUse {
            key: key.to_string(),
            with_values,
            at,
        });
    }
    Ok(uses)
}

/// What is wrong with `languages` (language → messages.json) for `uses`, one line each.
pub fn problems(
    default_language: &str,
    languages: &BTreeMap<String, Value>,
    uses: &[KeyUse],
) -> Vec<String> {
    let mut problems = Vec::new();
    let Some(default) = languages.get(default_language).and_then(Value::as_object) else {
        return vec![format!(
            "there is no _locales/{default_language}/messages.json (the manifest's default_locale)"
        )];
    };
    for (language, messages) in languages {
        let Some(messages) = messages.as_object() else {
            problems.push(format!("{language}: messages.json is not an object"));
            continue;
        };
        problems.extend(language_problems(
            language,
            messages,
            language == default_language,
        ));
        for key in default.keys().filter(|k| !messages.contains_key(*k)) {
            problems.push(format!("{language}: {key} is missing"));
        }
        for key in messages.keys().filter(|k| !default.contains_key(*k)) {
            problems.push(format!("{language}: {key} is not in {default_language}"));
        }
        for (key, entry) in messages {
            let Some(default_entry) = default.get(key) else {
                continue;
            };
            let (ours, theirs) = (placeholders(entry), placeholders(default_entry));
            if ours != theirs {
                problems.push(format!(
                    "{language}: {key} has placeholders {ours:?}, {default_language} has {theirs:?}"
                ));
            }
        }
    }
    for key_use in uses {
        match default.get(&key_use.key) {
            None => problems.push(format!(
                "{}: {} is not in _locales/{default_language}/messages.json",
                key_use.at, key_use.key
            )),
            Some(entry) if placeholders(entry).is_empty() == key_use.with_values => {
                problems.push(format!(
                    "{}: {} is used {} values but has {} placeholders",
                    key_use.at,
                    key_use.key,
                    if key_use.with_values {
                        "with"
                    } else {
                        "without"
                    },
                    placeholders(entry).len()
                ));
            }
            Some(_) => {}
        }
    }
    let used: BTreeSet<&str> = uses.iter().map(|u| u.key.as_str()).collect();
    for key in default.keys().filter(|k| !used.contains(k.as_str())) {
        problems.push(format!("{key} is used nowhere"));
    }
    problems
}

/// Rules of one file on its own: key names, messages, placeholders, and descriptions in the
/// default language.
fn language_problems(language: &str, messages: &Map<String, Value>, default: bool) -> Vec<String> {
    let mut problems = Vec::new();
    let mut folded = BTreeSet::new();
    for (key, entry) in messages {
        let at = format!("{language}: {key}");
        // chrome.i18n: keys are ASCII letters, digits and _ and @, compared case-insensitively.
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            problems.push(format!("{at}: a key is ASCII letters, digits and _ only"));
        }
        if !folded.insert(key.to_ascii_lowercase()) {
            problems.push(format!("{at}: another key differs only in case"));
        }
        let message = entry["message"].as_str().unwrap_or_default();
        if message.is_empty() {
            problems.push(format!("{at}: no message"));
        }
        if default && entry["description"].as_str().unwrap_or_default().is_empty() {
            problems.push(format!("{at}: no description for translators"));
        }
        let numbered = |content: &String| {
            content.len() == 2
                && content.starts_with('$')
                && content.ends_with(|c| ('1'..='9').contains(&c))
        };
        if !placeholders(entry).values().all(numbered) {
            problems.push(format!("{at}: a placeholder's content is $1 to $9"));
        }
        match references(message) {
            Ok(named) if named != placeholders(entry).into_keys().collect() => {
                problems.push(format!(
                    "{at}: the message names {named:?}, its placeholders are {:?}",
                    placeholders(entry).into_keys().collect::<Vec<_>>()
                ))
            }
            Ok(_) => {}
            Err(why) => problems.push(format!("{at}: {why}")),
        }
    }
    problems
}

/// An entry's placeholders: name (lower case, as chrome.i18n compares them) → content (`$1`…).
fn placeholders(entry: &Value) -> BTreeMap<String, String> {
    entry["placeholders"]
        .as_object()
        .map(|p| {
            p.iter()
                .map(|(name, v)| {
                    let content = v["content"].as_str().unwrap_or_default().to_string();
                    (name.to_ascii_lowercase(), content)
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The placeholder names a message refers to (`$name$`, lower case); `$$` is a dollar sign.
/// Anything else after a `$` is refused: values go through named placeholders.
fn references(message: &str) -> Result<BTreeSet<String>, String> {
    let mut names = BTreeSet::new();
    let mut rest = message;
    while let Some(at) = rest.find('$') {
        let after = &rest[at + 1..];
        if let Some(next) = after.strip_prefix('$') {
            rest = next;
            continue;
        }
        let name_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        let name = &after[..name_len];
        if name.is_empty()
            || !after[name_len..].starts_with('$')
            || name.starts_with(char::is_numeric)
        {
            return Err("a $ that is not $$ or a $named$ placeholder".to_string());
        }
        names.insert(name.to_ascii_lowercase());
        rest = &after[name_len + 1..];
    }
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn uses(keys: &[(&str, bool)]) -> Vec<KeyUse> {
        keys.iter()
            .map(|(key, with_values)| KeyUse {
                key: key.to_string(),
                with_values: *with_values,
                at: "x.rs:1".to_string(),
            })
            .collect()
    }

    fn two(en: Value, de: Value) -> BTreeMap<String, Value> {
        BTreeMap::from([("en".to_string(), en), ("de".to_string(), de)])
    }

    fn count_en() -> Value {
        json!({
            "hide": {"message": "Hide", "description": "Button."},
            "items": {"message": "$COUNT$ items", "description": "Count.",
                "placeholders": {"count": {"content": "$1", "example": "3"}}}
        })
    }

    /// German messages: `hide`, and `items` as given.
    fn with_hide(items: Value) -> Value {
        json!({"hide": {"message": "Ausblenden"}, "items": items})
    }

    /// The problems of `de` beside `count_en()`, both keys used.
    fn german_problems(de: Value) -> Vec<String> {
        problems(
            "en",
            &two(count_en(), de),
            &uses(&[("hide", false), ("items", true)]),
        )
    }

    #[test]
    fn the_shipped_locales_have_every_key_the_sources_use() {
        check(&crate::paths::root()).expect("complete locales");
    }

    #[test]
    fn matching_languages_pass() {
        // Placeholder names compare in any case, as chrome.i18n compares them.
        let items = json!({"message": "$count$ Elemente",
            "placeholders": {"COUNT": {"content": "$1"}}});
        assert_eq!(german_problems(with_hide(items)), Vec::<String>::new());
    }

    #[test]
    fn a_key_missing_in_a_language_or_extra_is_named() {
        let de = json!({"items": {"message": "$COUNT$ Elemente",
            "placeholders": {"count": {"content": "$1"}}},
            "extra": {"message": "Mehr"}});
        let found = german_problems(de);
        assert_eq!(found, ["de: hide is missing", "de: extra is not in en"]);
    }

    #[test]
    fn different_placeholders_are_named() {
        let items = json!({"message": "$COUNT$ Elemente",
            "placeholders": {"count": {"content": "$2"}}});
        let found = german_problems(with_hide(items));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("de: items has placeholders"),
            "{found:?}"
        );
    }

    #[test]
    fn a_used_key_that_is_missing_or_unused_or_used_without_its_values_is_named() {
        let found = problems(
            "en",
            &two(count_en(), count_en()),
            &uses(&[("gone", false), ("items", false)]),
        );
        assert_eq!(
            found,
            [
                "x.rs:1: gone is not in _locales/en/messages.json",
                "x.rs:1: items is used without values but has 1 placeholders",
                "hide is used nowhere",
            ]
        );
    }

    #[test]
    fn a_message_must_name_exactly_its_placeholders_and_no_bare_dollar() {
        let en = json!({
            "a": {"message": "$WHO$ and $OTHER$", "description": "d",
                "placeholders": {"who": {"content": "$1"}}},
            "b": {"message": "costs $1", "description": "d"},
            "c2": {"message": "$X$", "description": "d",
                "placeholders": {"x": {"content": "literal"}}},
            "c": {"message": "costs $$5", "description": "d"},
            "d": {"message": "no description"},
            "D": {"message": "same key in another case", "description": "d"}
        });
        let found = language_problems("en", en.as_object().expect("an object"), true);
        assert_eq!(
            found,
            [
                "en: a: the message names {\"other\", \"who\"}, its placeholders are [\"who\"]",
                "en: b: a $ that is not $$ or a $named$ placeholder",
                "en: c2: a placeholder's content is $1 to $9",
                "en: d: another key differs only in case",
                "en: d: no description for translators",
            ]
        );
    }

    #[test]
    fn rust_keys_are_read_from_calls_and_a_computed_key_is_refused() {
        let source = "use crate::text::message;\n\
            // message(\"inComment\")\n\
            fn message(key: &str) {}\n\
            let a = message(\"panelHide\");\n\
            let b = message_with(\n    \"itemAlso\",\n    &[&place],\n);\n\
            let c = get_message(key);\n";
        let found = keys_in_rust(source, "x.rs").expect("literal keys");
        assert_eq!(
            found,
            [
                KeyUse {
                    key: "itemAlso".into(),
                    with_values: true,
                    at: "x.rs:5".into()
                },
                KeyUse {
                    key: "panelHide".into(),
                    with_values: false,
                    at: "x.rs:4".into()
                },
            ]
        );
        let refused = keys_in_rust("let a = message(key);", "y.rs");
        assert_eq!(
            refused,
            Err("y.rs:1: the message key is not a string literal".to_string())
        );
    }

    #[test]
    fn js_and_manifest_keys_are_read() {
        let js = "document.title = chrome.i18n.getMessage('optionsTitle');\n\
            x(chrome.i18n.getMessage('count', [String(n)]));";
        let found = keys_in_js(js, "a.js").expect("literal keys");
        assert_eq!(
            found
                .iter()
                .map(|u| (u.key.as_str(), u.with_values))
                .collect::<Vec<_>>(),
            [("optionsTitle", false), ("count", true)]
        );
        let manifest = r#"{"name": "__MSG_extName__", "description": "__MSG_extDescription__"}"#;
        let keys: Vec<String> = keys_in_manifest(manifest)
            .into_iter()
            .map(|u| u.key)
            .collect();
        assert_eq!(keys, ["extName", "extDescription"]);
    }
}
