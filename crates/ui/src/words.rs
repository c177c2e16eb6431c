//! The single words the onboarding status puts into the pages' sentences (a confidence, a
//! workspace's connection, yes or no, a check's state), in the UI language.
//!
//! Why here: the core words them in English for the Markdown report, a file that is handed on;
//! inside a German sentence an English word reads as a mistake ("Konfidenz: high"), so the pages
//! look each up by key instead. The core's longer findings stay English, like the catalog.

use crate::text::message;
use wayfinder_core::onboarding::view::{CheckState, Confidence, Connection, Tri};

/// High, medium, low or none.
pub fn confidence(c: Option<Confidence>) -> String {
    match c {
        Some(Confidence::High) => message("wordHigh"),
        Some(Confidence::Medium) => message("wordMedium"),
        Some(Confidence::Low) => message("wordLow"),
        None => message("wordNone"),
    }
}

/// A workspace's connection to the Defender portal.
pub fn connection(c: Connection) -> String {
    match c {
        Connection::Primary => message("wordPrimary"),
        Connection::Secondary => message("wordSecondary"),
        Connection::NotConnected => message("wordNotConnected"),
        Connection::Unknown => message("wordUnknown"),
    }
}

/// Yes, no or unknown.
pub fn tri(t: Tri) -> String {
    match t {
        Tri::Yes => message("wordYes"),
        Tri::No => message("wordNo"),
        Tri::Unknown => message("wordUnknown"),
    }
}

/// A readiness check's state.
pub fn check_state(s: CheckState) -> String {
    match s {
        CheckState::Pass => message("wordPass"),
        CheckState::Fail => message("wordFail"),
        CheckState::Warn => message("wordReview"),
        CheckState::Unknown => message("wordUnknown"),
    }
}
