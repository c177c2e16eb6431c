//! HTTP status of an ARM call → a clear state (`Ok` or an [`ArmError`]).
//!
//! Why in the core: the shell only does `fetch`; what a status means for the user, and how long
//! to wait when ARM throttles, is a decision, so it is made here and tested natively. ARM's
//! throttling answer is 429 with `Retry-After`, which RFC 9110 §10.2.3 allows as delta-seconds
//! or as an HTTP-date. The wait we return is always bounded: a missing or unreadable header gives
//! [`DEFAULT_RETRY_SECS`], a date in the past or a zero gives [`MIN_RETRY_SECS`] (never a hot
//! loop), and nothing waits longer than [`MAX_RETRY_SECS`] (a stuck panel is worse than one more
//! throttled request).

use super::error::ArmError;
use crate::time;

/// Wait when a 429 carries no readable `Retry-After`. ARM normally sends one; 30 s is long
/// enough for its per-principal read bucket to refill a good part and short enough for a panel.
pub const DEFAULT_RETRY_SECS: u64 = 30;
/// Shortest wait we ever ask for.
pub const MIN_RETRY_SECS: u64 = 1;
/// Longest wait we ever ask for, whatever the header says.
pub const MAX_RETRY_SECS: u64 = 300;

/// The state an ARM response's status puts us in. `retry_after` is the raw `Retry-After` header
/// (only read for 429); `now_unix` is the current time, needed when the header is a date.
pub fn outcome(status: u16, retry_after: Option<&str>, now_unix: i64) -> Result<(), ArmError> {
    match status {
        200..=299 => Ok(()),
        401 => Err(ArmError::Unauthorized),
        403 => Err(ArmError::Forbidden { resource: None }),
        404 => Err(ArmError::NotFound { resource: None }),
        429 => Err(ArmError::Throttled {
            retry_after_secs: retry_after_secs(retry_after, now_unix),
        }),
        500..=599 => Err(ArmError::Server { status }),
        _ => Err(ArmError::Unexpected { status }),
    }
}

/// Seconds to wait as a `Retry-After` header asks, bounded to
/// `MIN_RETRY_SECS..=MAX_RETRY_SECS`; `DEFAULT_RETRY_SECS` when absent or unreadable.
pub fn retry_after_secs(header: Option<&str>, now_unix: i64) -> u64 {
    let Some(value) = header.map(|h| h.trim_matches([' ', '\t'])) else {
        return DEFAULT_RETRY_SECS;
    };
    let asked = if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        // delta-seconds = 1*DIGIT; a number too long for u64 is simply "very long".
        value.parse::<u64>().unwrap_or(u64::MAX)
    } else if let Some(at) = time::http_date_to_unix(value) {
        u64::try_from(at.saturating_sub(now_unix)).unwrap_or(0)
    } else {
        return DEFAULT_RETRY_SECS;
    };
    asked.clamp(MIN_RETRY_SECS, MAX_RETRY_SECS)
}

#[cfg(test)]
mod tests;
