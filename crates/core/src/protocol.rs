//! The messages between the extension's parts: what a sender may ask of the service worker
//! ([`Request`]), what the worker does about it ([`Action`]), and the values both carry.
//!
//! Every message is decoded into a closed enum with unknown fields rejected; the JSON shapes
//! are what the JS shells send and read, so their serde names are a contract. Who may send which
//! request is decided in [`crate::router`].

use crate::attention::{News, PanelChoice};
use crate::dates;
use crate::ids::is_plain_id;
use crate::model::{AppRegistration, Frame, PageFacts, MAX_TIERS};
use crate::plan::OverlayPlan;
use crate::sync::confirm::IncidentRead;
use crate::sync::{Now, SyncView};
use crate::wire::{self, Present};
use serde::{Deserialize, Serialize};

pub mod replies;

/// Longest URL we accept in a message; portal URLs are far shorter.
pub const MAX_URL_LEN: usize = 8 * 1024;

/// A request to the service worker.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case", try_from = "RequestFields")]
pub enum Request {
    /// The top frame of a portal tab is at `url` (sent on load and on every route change).
    PageChanged {
        /// `location.href` of the top frame.
        url: String,
    },
    /// The overlay iframe (our own page) asks which tab it is in, with the panel key the tab's
    /// content script gave it: a copy of `overlay.html` that the portal page framed itself never
    /// gets the key, so it is never told its tab. The worker's shell compares the key with the
    /// one it issued for the tab (a `crypto.randomUUID()`); the decoder bounds its length.
    OverlayReady {
        /// The key, as the worker issued it to the tab's content script.
        key: String,
    },
    /// A content script in an Azure-portal blade frame asks for its tab's anchors.
    FrameReady,
    /// A content script tells which of its frame's notice anchors it found (and by which tier)
    /// and which not.
    ProbeReport {
        /// Anchors found on the page, each as `<id>:<tier index>` ([`found_entry`]).
        found: Vec<String>,
        /// Anchor ids not found within the grace period.
        missing: Vec<String>,
    },
    /// The top frame's content script read what the plan's page readers asked for.
    PageFacts {
        /// The page the readings are from: `location.href` of the route whose plan asked for
        /// them. The sender's own URL cannot say it: Chromium sets `sender.url` when the content
        /// script starts and keeps it through the portal's pushState and hash route changes.
        url: String,
        /// The readings.
        facts: PageFacts,
    },
    /// The top frame's content script reports what the user did with the panel (opened it by
    /// the pill, the keyboard command or the popup; collapsed it; moved it).
    PanelChoice {
        /// What the user did.
        choice: PanelChoice,
    },
    /// The popup or options page asks to read the tenant's Azure Resource Manager facts (signing
    /// in first when there is no fresh token), or to sign out.
    Onboarding {
        /// What to do.
        op: OnboardingOp,
        /// The tenant key (`plan::tenant_key`: `home` or the pages' `tid`).
        tenant: String,
    },
}

/// What an extension page asks of the onboarding status's ARM side.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OnboardingOp {
    /// Sign in if needed, then read ARM.
    Read,
    /// Forget the token and what was read with it.
    SignOut,
}

/// Every field a [`Request`] can have, decoded flat (see [`crate::wire`]).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RequestFields {
    /// The variant's name, as the derived `Serialize` writes it (kebab-case).
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    url: Present<String>,
    #[serde(default)]
    found: Present<Vec<String>>,
    #[serde(default)]
    missing: Present<Vec<String>>,
    #[serde(default)]
    facts: Present<PageFacts>,
    #[serde(default)]
    op: Present<OnboardingOp>,
    #[serde(default)]
    tenant: Present<String>,
    #[serde(default)]
    choice: Present<PanelChoice>,
    #[serde(default)]
    key: Present<String>,
}

impl TryFrom<RequestFields> for Request {
    type Error = &'static str;

    fn try_from(f: RequestFields) -> Result<Self, Self::Error> {
        let onboarding = match (f.op.0, f.tenant.0) {
            (None, None) => None,
            (Some(op), Some(tenant)) => Some((op, tenant)),
            _ => return Err(wire::MISMATCH),
        };
        let alone = f.url.0.is_none()
            && f.found.0.is_none()
            && f.missing.0.is_none()
            && f.facts.0.is_none()
            && onboarding.is_none();
        match (f.choice.0, f.key.0) {
            (Some(choice), None) => {
                return match f.kind.as_str() {
                    "panel-choice" if alone => Ok(Request::PanelChoice { choice }),
                    _ => Err(wire::MISMATCH),
                };
            }
            (None, Some(key)) => {
                return match f.kind.as_str() {
                    "overlay-ready" if alone => Ok(Request::OverlayReady { key }),
                    _ => Err(wire::MISMATCH),
                };
            }
            (Some(_), Some(_)) => return Err(wire::MISMATCH),
            (None, None) => {}
        }
        match (
            f.kind.as_str(),
            f.url.0,
            f.found.0,
            f.missing.0,
            f.facts.0,
            onboarding,
        ) {
            ("page-changed", Some(url), None, None, None, None) => Ok(Request::PageChanged { url }),
            ("frame-ready", None, None, None, None, None) => Ok(Request::FrameReady),
            ("probe-report", None, Some(found), Some(missing), None, None) => {
                Ok(Request::ProbeReport { found, missing })
            }
            ("page-facts", Some(url), None, None, Some(facts), None) => {
                Ok(Request::PageFacts { url, facts })
            }
            ("onboarding", None, None, None, None, Some((op, tenant))) => {
                Ok(Request::Onboarding { op, tenant })
            }
            _ => Err(wire::MISMATCH),
        }
    }
}

/// The time as the service worker sees it: the instant, and the time zone for the local date of
/// the retirement countdown and for reading the portals' displayed times.
///
/// The local date is worked out here rather than by the shell: `Date.toLocaleDateString` loads
/// the browser's locale data on its first call, which measured 14 ms of a woken service worker's
/// path to the page's first item (docs/benchmarks.md).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Clock {
    /// Milliseconds since the Unix epoch.
    pub now_ms: Option<i64>,
    /// `Date.getTimezoneOffset()`: minutes from local time to UTC.
    pub tz_offset_minutes: i32,
}

impl Clock {
    /// Noon UTC of `date` (`YYYY-MM-DD`), for tests and tools that know only the date.
    pub fn on(date: &str) -> Self {
        Clock {
            now_ms: dates::days_from_iso(date).map(|days| (days * 86_400 + 43_200) * 1000),
            tz_offset_minutes: 0,
        }
    }

    /// The instant and time zone, for reading the portals' displayed times.
    pub fn now(&self) -> Now {
        Now {
            unix: self.now_ms.map(|ms| ms.div_euclid(1000)),
            tz_offset_minutes: self.tz_offset_minutes.clamp(-24 * 60, 24 * 60),
        }
    }

    /// The local calendar date, `YYYY-MM-DD`; none without an instant.
    pub fn local_date(&self) -> Option<String> {
        let now = self.now();
        let local = now.unix? - i64::from(now.tz_offset_minutes) * 60;
        Some(dates::iso_from_days(local.div_euclid(86_400)))
    }
}

/// Most ids a probe report may carry per list (the catalog has far fewer notices per page).
pub const MAX_REPORT_IDS: usize = 64;

/// An entry of a probe report's `found`, `incident-tasks:2`: the anchor's id, and the index of the
/// probe tier that found it (below [`MAX_TIERS`]). None when the entry is not of that form or the
/// id is not a plain id.
///
/// Why a string and not an object: the service worker decodes every message into the core's
/// types, and each new type costs its wasm module, which is at its size budget; the ids already
/// travel as strings, and `[a-z0-9-]` ids cannot hold the `:`. The tier's kind follows from the
/// catalog ([`crate::notices::tier_kind`]).
pub fn found_entry(entry: &str) -> Option<(&str, u8)> {
    let (id, tier) = entry.split_once(':')?;
    let tier = match tier.as_bytes() {
        [digit @ b'0'..=b'9'] => digit - b'0',
        _ => return None,
    };
    (is_plain_id(id) && usize::from(tier) < MAX_TIERS).then_some((id, tier))
}

/// Who sent a message, as the browser reports it (`chrome.runtime.MessageSender`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Sender {
    /// `sender.id === chrome.runtime.id`.
    pub same_extension: bool,
    /// `sender.url`: the sending document.
    pub url: Option<String>,
    /// `sender.tab.id`, absent for the popup and the worker.
    pub tab_id: Option<u32>,
    /// `sender.frameId`: 0 for a top frame.
    pub frame_id: Option<i64>,
    /// Our own origin, `chrome-extension://<id>`.
    pub extension_origin: String,
}

/// What the service worker does with a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Action {
    /// Keep the plan as the tab's current plan (session storage) and reply with it.
    StorePlan {
        /// The tab.
        #[serde(rename = "tabId")]
        tab_id: u32,
        /// Its plan.
        plan: OverlayPlan,
        /// What of it the user may not have seen (whether the panel opens by itself).
        news: Vec<News>,
    },
    /// Reply with the sender's tab id (the overlay then reads the stored plan itself), if `key`
    /// is the panel key the worker issued for that tab (the shell holds the issued keys).
    ReplyTab {
        /// The tab.
        #[serde(rename = "tabId")]
        tab_id: u32,
        /// The key the overlay presented.
        key: String,
    },
    /// Reply with the anchors of the tab's stored plan (a blade frame picks its own).
    ReplyAnchors {
        /// The tab.
        #[serde(rename = "tabId")]
        tab_id: u32,
    },
    /// Keep what a frame's probes found, for the popup's health view and the panel.
    StoreHealth {
        /// The tab.
        #[serde(rename = "tabId")]
        tab_id: u32,
        /// Which document reported.
        frame: Frame,
        /// The report.
        report: ProbeResult,
        /// The notices whose control was found (whether the panel opens by itself).
        news: Vec<News>,
    },
    /// Keep the tab's sync view (`sync:<tabId>`) and reply with it (the content script marks
    /// the incident and the queue rows from it).
    StoreSync {
        /// The tab.
        #[serde(rename = "tabId")]
        tab_id: u32,
        /// The view.
        view: SyncView,
        /// The incident's sync state (whether the panel opens by itself).
        news: Vec<News>,
        /// The ARM read that can confirm it, when the user has set up sign-in (the worker reads
        /// it only with a token the user already has: it never opens a sign-in by itself).
        arm: Option<IncidentRead>,
    },
    /// Remember what the user did with the panel (`panel` in local storage).
    StorePanelChoice {
        /// The tab (its panel follows the choice at once; other tabs on their next page).
        #[serde(rename = "tabId")]
        tab_id: u32,
        /// What the user did.
        choice: PanelChoice,
    },
    /// Add what a Defender page showed about the connection to the tenant's stored evidence
    /// (`onboarding:evidence:<tenant>`), then re-assess the tenant.
    StoreEvidence {
        /// The tab (its toolbar badge follows the new view).
        #[serde(rename = "tabId")]
        tab_id: u32,
        /// The tenant key (`plan::tenant_key`).
        tenant: String,
        /// The readings.
        facts: PageFacts,
    },
    /// Read the tenant's ARM facts (`onboarding:arm:<tenant>`), signing in with `app` first when
    /// the session holds no fresh token (`onboarding:token:<tenant>`).
    ReadArm {
        /// The tenant key.
        tenant: String,
        /// The app registration, its tenant being the sign-in authority for this tenant key.
        app: AppRegistration,
    },
    /// Forget the tenant's token and ARM facts.
    SignOut {
        /// The tenant key.
        tenant: String,
    },
    /// Refuse; the reason is logged, never shown to the page.
    Reject {
        /// Why.
        reason: String,
    },
}

/// What one document's probes found (`health:<tabId>` keeps one per frame kind).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProbeResult {
    /// Anchors found, each as `<id>:<tier index>` ([`found_entry`]).
    pub found: Vec<String>,
    /// Anchor ids not found within the grace period.
    pub missing: Vec<String>,
}

/// What the probes of a tab found, per document (`health:<tabId>` in session storage).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Health {
    /// The portal's top document.
    pub top: Option<ProbeResult>,
    /// The Azure-portal blade frame.
    pub blade: Option<ProbeResult>,
}

impl ProbeResult {
    /// Is this notice's anchor known to be missing from this document?
    pub fn is_missing(&self, id: &str) -> bool {
        self.missing.iter().any(|m| m == id)
    }

    /// The index of the probe tier that found this notice's anchor in this document.
    pub fn found_by(&self, id: &str) -> Option<u8> {
        self.found
            .iter()
            .filter_map(|entry| found_entry(entry))
            .find_map(|(found, tier)| (found == id).then_some(tier))
    }
}

impl Health {
    /// What the probes of one document found, when it reported.
    pub fn of(&self, frame: Frame) -> Option<&ProbeResult> {
        match frame {
            Frame::Top => self.top.as_ref(),
            Frame::Blade => self.blade.as_ref(),
        }
    }

    /// Is this notice's anchor known to be missing from the page?
    pub fn is_missing(&self, id: &str) -> bool {
        [&self.top, &self.blade]
            .into_iter()
            .flatten()
            .any(|r| r.is_missing(id))
    }

    /// Was this notice's anchor found?
    pub fn is_found(&self, id: &str) -> bool {
        self.found_by(id).is_some()
    }

    /// The index of the probe tier that found this notice's anchor, when it was found.
    pub fn found_by(&self, id: &str) -> Option<u8> {
        [&self.top, &self.blade]
            .into_iter()
            .flatten()
            .find_map(|r| r.found_by(id))
    }
}

#[cfg(test)]
mod tests;
