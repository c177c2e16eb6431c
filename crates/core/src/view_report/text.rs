//! The text rule of a view report: a page's text keeps only the words the catalog's probes look
//! for, and counts; every other word is written `{n}`, its length in characters.
//!
//! Why lengths: a replayed label still has its shape (a word of 7 letters where the page had
//! one), so a probe that wrongly matched "any text here" still does in the fixture, while the
//! words themselves (an incident's title, a comment, a user's name) never leave the page.

use super::values::holds_private;
use super::REPORT_WORDS;

/// Is `word` (any case) one the catalog's probes look for? The catalog's words are ASCII (the
/// build checks it), so ASCII case folding finds every one of them.
pub fn is_probe_word(word: &str) -> bool {
    REPORT_WORDS
        .binary_search(&word.to_ascii_lowercase().as_str())
        .is_ok()
}

/// Is the run of digits at `start..end` of `text` a count: 1 to 4 digits, optionally with `+`,
/// standing alone, in brackets, or last in the text after a space (`(3)`, `[150+]`,
/// `Automation rules 4`)?
fn is_count(text: &str, start: usize, end: usize) -> bool {
    if end - start > 4 {
        return false;
    }
    let before = &text[..start];
    let after = text[end..].strip_prefix('+').unwrap_or(&text[end..]);
    let bracketed =
        before.trim_end().ends_with(['(', '[']) && after.trim_start().starts_with([')', ']']);
    let last = after.trim().is_empty();
    bracketed || (last && (before.trim().is_empty() || before.ends_with(char::is_whitespace)))
}

/// `text` in the report form. The page's own braces become parentheses, so a `{n}` in a report
/// is always a replaced word. If what is left still looks like private data, every word is
/// replaced (a kept word was an e-mail's top-level domain); if even that keeps its shape (a link
/// written out in a comment keeps `://`, a query keeps `?name=`), the whole text becomes its
/// length.
pub fn sanitize_text(text: &str) -> String {
    let clean = text.replace('{', "(").replace('}', ")");
    let kept = rewrite(&clean, true);
    if !holds_private(&kept) {
        return kept;
    }
    let replaced = rewrite(&clean, false);
    if !holds_private(&replaced) {
        return replaced;
    }
    format!("{{{}}}", clean.chars().count())
}

/// Rewrites every word of `text`: a count or (with `keep_words`) a probe word stays, any other
/// word becomes `{n}`.
fn rewrite(text: &str, keep_words: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word_start: Option<usize> = None;
    let flush = |out: &mut String, start: usize, end: usize| {
        let word = &text[start..end];
        let digits = word.bytes().all(|b| b.is_ascii_digit());
        let stays = if digits {
            is_count(text, start, end)
        } else {
            keep_words && is_probe_word(word)
        };
        if stays {
            out.push_str(word);
        } else {
            out.push('{');
            out.push_str(&word.chars().count().to_string());
            out.push('}');
        }
    };
    for (at, c) in text.char_indices() {
        if c.is_alphanumeric() {
            word_start.get_or_insert(at);
        } else {
            if let Some(start) = word_start.take() {
                flush(&mut out, start, at);
            }
            out.push(c);
        }
    }
    if let Some(start) = word_start {
        flush(&mut out, start, text.len());
    }
    out
}

/// Each word of a report's text that is a probe word (the `{n}` lengths are not words).
pub(super) fn kept_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.bytes().all(|b| b.is_ascii_digit()))
}
