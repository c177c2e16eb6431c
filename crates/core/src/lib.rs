//! SecOps Wayfinder core: everything the extension knows and decides, in pure Rust.
//!
//! The browser pieces (content script, service worker, overlay pages) only observe the page and
//! render; the knowledge (the feature catalog), the reading of portal URLs and the decision of what
//! to show (the overlay plan) live here, so they are unit-tested natively and shared by every wasm
//! crate. This crate has no web dependencies on purpose.
//!
//! The modules are layered, bottom up: plain values (`ids`, `url`, `dates`, `time`, `wire`,
//! `json_read`, `tree_decoder`); the vocabulary ([`model`]); the knowledge and the URL reading ([`catalog`],
//! [`route`]); the user's [`settings`]; the features, each producing its own items ([`hints`],
//! [`retirement`], [`notices`], [`trainer`], [`sync`], [`onboarding`], [`search`], [`arm`]); the
//! composition ([`plan`]); the messages and their dispatch ([`protocol`], [`router`]). A module
//! imports only from its own layer, without a cycle, or from below: `tests/layers.rs` holds the
//! table and fails on any other import.

pub mod arm;
pub mod attention;
pub mod catalog;
pub mod dates;
pub mod hints;
pub mod ids;
pub mod json_read;
pub mod model;
pub mod notices;
pub mod onboarding;
pub mod plan;
pub mod protocol;
pub mod retirement;
pub mod route;
pub mod router;
pub mod search;
pub mod settings;
pub mod sync;
pub mod time;
pub mod trainer;
pub mod tree_decoder;
pub mod url;
#[cfg(feature = "view-report")]
pub mod view_report;
mod wire;
