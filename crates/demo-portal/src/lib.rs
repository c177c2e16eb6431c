//! Loopback HTTPS server that impersonates the Microsoft Defender portal
//! (`security.microsoft.com` and its sibling hosts) and the Azure portal
//! (`portal.azure.com` plus its React-view sandbox hosts).
//!
//! Why it exists: the browser extension recognises portal pages from their URL
//! and a handful of DOM clues. Nobody on the team can open the real portals in
//! tests, so this crate serves two self-contained single-page apps built from
//! the public clues in `portal-dom.md`. Chromium reaches them by mapping the
//! real host names to this server (`--host-resolver-rules`), which keeps the
//! extension's host permissions, origins and frame layout realistic.
//!
//! It also plays Entra ID sign-in (`login.microsoftonline.com`) and Azure
//! Resource Manager (`management.azure.com`) for the onboarding status
//! (contract: `docs/onboarding-arm.md`): the extension signs in through
//! `chrome.identity.launchWebAuthFlow` with PKCE, and the account chosen on the
//! demo's "Pick an account" page selects one of the scenarios of
//! `data/arm-tenants.json`, which ARM then shows.
//!
//! Design:
//! - [`route`] is a pure function `(data, state, request) -> Reply`; all
//!   routing, content types, security headers and scenario decisions live
//!   behind it and are unit tested without sockets. The portal pages are the
//!   stateless [`respond`] `(host, path)`; sign-in is [`login`], ARM is
//!   [`arm`], the data is [`scenarios`], and what must be remembered between
//!   requests (codes, tokens, call counts) is the small [`state::DemoState`].
//! - [`server`] does the I/O (TLS with a throw-away self-signed certificate,
//!   HTTP/1.1 through hyper), keeps the state behind one mutex and sleeps when
//!   a reply asks for a delay.
//! - All HTML, JavaScript, CSS and the demo data are compiled into the
//!   binary with `include_str!`; nothing is read from disk at run time, so a
//!   request path can never reach the file system.

pub mod arm;
pub mod assets;
pub mod clock;
pub mod dispatch;
pub mod ids;
pub mod login;
pub mod request;
pub mod routes;
pub mod scenarios;
pub mod server;
pub mod state;
#[cfg(test)]
mod testkit;
pub mod tls;

pub use dispatch::route;
pub use request::{DemoRequest, Method, Reply};
pub use routes::{respond, site_for_host, DemoResponse, Site};
pub use server::{serve, ServeError};
pub use state::DemoState;

/// Every host name the server answers for. Callers build Chromium's
/// `--host-resolver-rules` from this list (one `MAP host 127.0.0.1:PORT` each).
pub const DEMO_HOSTS: &[&str] = &[
    "security.microsoft.com",
    "mto.security.microsoft.com",
    "security.microsoft.us",
    "security.apps.mil",
    "portal.azure.com",
    "portal.azure.us",
    "sandbox-1.reactblade.portal.azure.net",
    "sandbox-2.reactblade.portal.azure.net",
    "management.azure.com",
    "login.microsoftonline.com",
];

/// Content-Security-Policy of the Defender hosts (and, with `frame-ancestors`
/// added, of the React-view sandbox hosts). Deliberately without
/// `'wasm-unsafe-eval'`: the extension must work under a strict page CSP.
pub const CSP_DEFENDER: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'";

/// Content-Security-Policy of `portal.azure.com`: may frame the React-view hosts.
pub const CSP_AZURE: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src https://*.reactblade.portal.azure.net; object-src 'none'; base-uri 'none'";

/// Content-Security-Policy of the React-view sandbox hosts: Defender's policy,
/// and framing allowed only by the Azure portal.
pub const CSP_REACTBLADE: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors https://portal.azure.com";
