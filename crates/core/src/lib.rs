//! SecOps Wayfinder core: everything the extension knows and decides, in pure Rust.
//!
//! The browser pieces (content script, service worker, overlay pages) only observe the page and
//! render; the knowledge (the feature catalog), the reading of portal URLs and the decision of what
//! to show (the overlay plan) live here, so they are unit-tested natively and shared by every wasm
//! crate. This crate has no web dependencies on purpose (ARCHITECTURE.md, decision 2).

pub mod arm;
pub mod attention;
pub mod catalog;
pub mod dates;
pub mod json_read;
pub mod messages;
pub mod notices;
pub mod onboarding;
pub mod plan;
pub mod probe;
pub mod route;
pub mod search;
pub mod settings;
pub mod sync;
pub mod trainer;
pub mod url;
mod wire;
