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
//! Design:
//! - [`respond`] is a pure function `(host, path) -> DemoResponse`; all
//!   routing, content types and security headers live there and are unit
//!   tested without sockets.
//! - [`server`] does the I/O (TLS with a throw-away self-signed certificate,
//!   HTTP/1.1 through hyper).
//! - All HTML, JavaScript, CSS and the demo scenario are compiled into the
//!   binary with `include_str!`; nothing is read from disk at run time, so a
//!   request path can never reach the file system.

pub mod assets;
pub mod ids;
pub mod routes;
pub mod scenarios;
pub mod server;
pub mod tls;

pub use routes::{respond, site_for_host, DemoResponse, Site};
pub use server::{serve, ServeError};

/// Every host name the server answers for. Callers build Chromium's
/// `--host-resolver-rules` from this list (one `MAP host 127.0.0.1:PORT` each).
pub const DEMO_HOSTS: &[&str] = &[
    "security.microsoft.com",
    "mto.security.microsoft.com",
    "security.microsoft.us",
    "security.apps.mil",
    "portal.azure.com",
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
