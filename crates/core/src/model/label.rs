//! How a tolerant probe tier compares a portal label with the catalog's: the label normal form.
//!
//! Why: a control that is plainly there for a person is missed when the portal writes its label
//! in another case, wraps it in other white space, puts an icon glyph or a "+" before it, or adds
//! a suffix: a count ("Tasks (3)", "Alerts [150+]"), or a marker ("(Preview)", "New", "Beta").
//! Both sides are brought to one form and compared for equality, so the catalog's
//! "+ Create incident (Preview)" also finds the "Create incident" it becomes once it is generally
//! available.
//!
//! The rules, in one place (the content script's `normalizeLabel` in
//! `extension/content/probes.js` implements the same; `tests/fixtures/label-normal-form.json`
//! holds the cases both test):
//!
//! 1. Lower case; every run of white space becomes one space; no space at either end.
//! 2. Then, until nothing changes:
//!    - characters at either end that are neither letters, digits nor brackets `( ) [ ]` go
//!      (icon glyphs, `+`, `:`, `…`, `-`);
//!    - a last bracketed group that holds only a suffix word goes, with the space before it;
//!    - else a last space-separated word that is a suffix word goes.
//!
//!    Something must remain before a suffix: "New" alone stays "new".
//!
//! A suffix word is one of [`SUFFIX_WORDS`], or a count: ASCII digits, optionally followed by
//! `+`.
//!
//! This file uses only `std`, so the build script includes it with `#[path]` and checks every
//! tolerant tier's label with the very same function.

/// Words a portal adds after a label without changing what the control is.
pub const SUFFIX_WORDS: &[&str] = &["preview", "new", "beta"];

/// Is `word` a suffix: one of [`SUFFIX_WORDS`] or a count (`3`, `150+`)?
fn is_suffix(word: &str) -> bool {
    let digits = word.strip_suffix('+').unwrap_or(word);
    SUFFIX_WORDS.contains(&word)
        || (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
}

/// Is `c` kept at the ends of a label (a letter, a digit or a bracket)? `alphanumeric` says
/// what a letter or digit is.
fn kept_at_ends(c: char, alphanumeric: fn(&char) -> bool) -> bool {
    alphanumeric(&c) || matches!(c, '(' | ')' | '[' | ']')
}

/// `s` without its last bracketed group, when that group holds only a suffix and something
/// remains before it.
fn without_bracketed_suffix(s: &str) -> Option<&str> {
    let open = match s.chars().last()? {
        ')' => '(',
        ']' => '[',
        _ => return None,
    };
    let start = s.rfind(open)?;
    let inner = s[start + open.len_utf8()..s.len() - 1].trim();
    let head = s[..start].trim_end();
    (is_suffix(inner) && !head.is_empty()).then_some(head)
}

/// `s` without its last word, when that word is a suffix (something remains before it: `s` has
/// no space at its start).
fn without_suffix_word(s: &str) -> Option<&str> {
    let (head, last) = s.rsplit_once(' ')?;
    (is_suffix(last) && !head.is_empty()).then_some(head)
}

/// The normal form of a label (see the module's rules).
pub fn normalize_label(text: &str) -> String {
    normal_form(text.to_lowercase(), |c| c.is_alphanumeric())
}

/// The normal form of a label of ASCII characters, `None` for any other label. For ASCII it is
/// [`normalize_label`]'s (a test compares them), without the Unicode case and letter tables:
/// the modules that check probe patches (whose labels are ASCII, as the catalog's are) would
/// otherwise carry them for that check alone.
pub fn normalize_ascii_label(text: &str) -> Option<String> {
    text.is_ascii()
        .then(|| normal_form(text.to_ascii_lowercase(), char::is_ascii_alphanumeric))
}

/// The rules after lower case, with `alphanumeric` for what a letter or digit is.
fn normal_form(lower: String, alphanumeric: fn(&char) -> bool) -> String {
    let mut s = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    loop {
        let trimmed = s.trim_matches(|c: char| !kept_at_ends(c, alphanumeric));
        let next = without_bracketed_suffix(trimmed)
            .or_else(|| without_suffix_word(trimmed))
            .unwrap_or(trimmed)
            .to_string();
        if next == s {
            return s;
        }
        s = next;
    }
}

#[cfg(test)]
mod tests {
    use super::{normalize_ascii_label, normalize_label};
    use serde::Deserialize;

    /// One case of the table the content script's tests read too.
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Case {
        label: String,
        normal: String,
        #[serde(default)]
        #[allow(dead_code)]
        why: Option<String>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Table {
        #[serde(rename = "_comment")]
        #[allow(dead_code)]
        comment: String,
        cases: Vec<Case>,
    }

    #[test]
    fn every_case_of_the_shared_table_holds() {
        let table: Table = serde_json::from_str(include_str!(
            "../../../../tests/fixtures/label-normal-form.json"
        ))
        .unwrap_or_else(|e| panic!("tests/fixtures/label-normal-form.json: {e}"));
        assert!(table.cases.len() >= 20, "{} cases", table.cases.len());
        for case in &table.cases {
            assert_eq!(
                normalize_label(&case.label),
                case.normal,
                "{:?}",
                case.label
            );
            if case.label.is_ascii() {
                assert_eq!(
                    normalize_ascii_label(&case.label).as_deref(),
                    Some(case.normal.as_str()),
                    "ASCII: {:?}",
                    case.label
                );
            } else {
                assert_eq!(normalize_ascii_label(&case.label), None);
            }
            // The normal form is a fixed point.
            assert_eq!(
                normalize_label(&case.normal),
                case.normal,
                "{:?}",
                case.normal
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn the_ascii_form_is_the_normal_form_of_any_ascii_label(label in "[\x00-\x7f]{0,40}") {
            proptest::prop_assert_eq!(normalize_ascii_label(&label), Some(normalize_label(&label)));
        }
    }
}
