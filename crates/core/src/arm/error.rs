//! What can go wrong when the extension reads Microsoft Sentinel through Azure Resource Manager,
//! as one closed set of states the UI can word and the shell can act on.
//!
//! Why one type: the HTTP status (`http::outcome`), the shell's own timeout and a response body
//! that does not hold what we rely on (`record::check`) all end in the same place, a line in the
//! panel, and the shell must decide the same thing for each: retry or stop. Every variant has a
//! user-facing sentence (`Display`) and is stored inside the onboarding facts as externally tagged JSON (`"timeout"`,
//! `{"server":{"status":503}}`): unlike an internal tag, that form decodes without buffering, which
//! kept the wasm 6 KB smaller with `ArmStatus` (issue 7). Text taken from a
//! response never reaches these sentences except through `Malformed::reason`, whose builders in
//! this module tree name fields and positions, never response values.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a read from ARM gave no usable answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    rename_all = "kebab-case",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum ArmError {
    /// 401: the token is missing, expired or for another tenant.
    Unauthorized,
    /// 403: the account may not read what was asked for.
    Forbidden {
        /// What was asked for, in words (set by the caller with [`ArmError::on`]), e.g.
        /// `workspace contoso-sentinel`.
        resource: Option<String>,
    },
    /// 404: the resource (workspace, incident) does not exist or is not visible.
    NotFound {
        /// What was asked for, in words (see [`ArmError::on`]).
        resource: Option<String>,
    },
    /// 429: ARM asks us to wait.
    Throttled {
        /// Seconds to wait before the next request (from `Retry-After`, bounded; see `http`).
        retry_after_secs: u64,
    },
    /// 5xx: ARM or the resource provider failed.
    Server {
        /// The HTTP status.
        status: u16,
    },
    /// Any other status that is not a success.
    Unexpected {
        /// The HTTP status.
        status: u16,
    },
    /// No answer in time (the shell's own deadline; ARM never says this itself).
    Timeout,
    /// A success status whose body does not hold what we rely on.
    Malformed {
        /// Which field or entry was wrong, and how.
        reason: String,
    },
}

impl ArmError {
    /// A `Malformed` error with the given reason.
    pub fn malformed(reason: impl Into<String>) -> Self {
        ArmError::Malformed {
            reason: reason.into(),
        }
    }

    /// Names what was asked for in a `Forbidden` or `NotFound` error (the HTTP status alone does
    /// not know); other errors are returned unchanged.
    pub fn on(self, resource: impl Into<String>) -> Self {
        match self {
            ArmError::Forbidden { .. } => ArmError::Forbidden {
                resource: Some(resource.into()),
            },
            ArmError::NotFound { .. } => ArmError::NotFound {
                resource: Some(resource.into()),
            },
            other => other,
        }
    }

    /// Is the same request worth sending again later? Throttling, timeouts and the 5xx statuses
    /// Azure documents as transient (500, 502, 503, 504) are; a refusal, a missing resource or a
    /// body we cannot read will not change by asking again.
    pub fn is_retryable(&self) -> bool {
        match self {
            ArmError::Throttled { .. } | ArmError::Timeout => true,
            ArmError::Server { status } => matches!(status, 500 | 502 | 503 | 504),
            ArmError::Unauthorized
            | ArmError::Forbidden { .. }
            | ArmError::NotFound { .. }
            | ArmError::Unexpected { .. }
            | ArmError::Malformed { .. } => false,
        }
    }
}

impl fmt::Display for ArmError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArmError::Unauthorized => f.write_str(
                "Azure did not accept your sign-in (it may have expired); sign in again.",
            ),
            ArmError::Forbidden { resource } => write!(
                f,
                "Your account lacks permission on {}; reading incidents needs at least the \
                 Microsoft Sentinel Reader role.",
                resource.as_deref().unwrap_or("this resource")
            ),
            ArmError::NotFound { resource } => write!(
                f,
                "Azure could not find {}; it may have been deleted, or your account cannot see it.",
                resource.as_deref().unwrap_or("what was asked for")
            ),
            ArmError::Throttled { retry_after_secs } => write!(
                f,
                "Azure is throttling requests; retrying in {retry_after_secs} s."
            ),
            ArmError::Server { status } => write!(
                f,
                "Azure had a server error (HTTP {status}); try again in a moment."
            ),
            ArmError::Unexpected { status } => {
                write!(f, "Azure answered with an unexpected HTTP status {status}.")
            }
            ArmError::Timeout => f.write_str("Azure did not answer in time; try again."),
            ArmError::Malformed { reason } => {
                write!(f, "Azure sent a response we could not read: {reason}.")
            }
        }
    }
}

impl std::error::Error for ArmError {}
