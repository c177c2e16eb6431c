//! The end of one ARM reading: which facts are kept and the status the tenant view shows.
//!
//! Why a rule of its own: a reading that gets nothing (the sign-in was refused, the subscription
//! list answered 403) must not erase what an earlier reading found (issue 6: errors "never lose
//! what was already known"), while a reading that got somewhere replaces the old one, since ARM
//! is the newer word. Kept as one stored record (`ArmRecord`) so the facts and the status that
//! describes them can never come from two different readings.

use super::arm_facts::{ArmFacts, Known};
use super::view::ArmStatus;
use serde::{Deserialize, Serialize};

/// What is stored per tenant (`onboarding:arm:<tenant>` in `chrome.storage.local`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ArmRecord {
    /// The facts the view rests on.
    pub facts: ArmFacts,
    /// Where the ARM side stands.
    pub status: ArmStatus,
}

/// The record after a reading ended at `now_ms` with `run`, given the `previous` record.
pub fn settle(previous: Option<ArmRecord>, run: ArmFacts, now_ms: i64) -> ArmRecord {
    if let Known::Failed(error) = &run.subscriptions_read {
        let status = ArmStatus::Failed {
            message: format!("Reading Azure stopped: {error}"),
        };
        return match previous {
            Some(kept) if kept.facts.subscriptions_read.got().is_some() => ArmRecord {
                facts: kept.facts,
                status,
            },
            _ => ArmRecord { facts: run, status },
        };
    }
    let complete = run.complete() && run.failures().is_empty();
    ArmRecord {
        facts: run,
        status: ArmStatus::Read {
            at_ms: now_ms,
            complete,
        },
    }
}

/// The record while a new reading runs: the previous facts, marked as being read again.
pub fn reading(previous: Option<ArmRecord>) -> ArmRecord {
    ArmRecord {
        facts: previous.map(|r| r.facts).unwrap_or_default(),
        status: ArmStatus::Reading,
    }
}

/// The record when sign-in itself failed (`message` says why): earlier facts are kept.
pub fn sign_in_failed(previous: Option<ArmRecord>, message: String) -> ArmRecord {
    ArmRecord {
        facts: previous.map(|r| r.facts).unwrap_or_default(),
        status: ArmStatus::Failed { message },
    }
}

/// The ARM status when nothing is stored: not configured, or configured and signed out.
pub fn idle_status(configured: bool) -> ArmStatus {
    if configured {
        ArmStatus::SignedOut
    } else {
        ArmStatus::NotConfigured
    }
}
