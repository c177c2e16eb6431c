//! Static files compiled into the binary.
//!
//! Why a fixed table: the server never touches the file system, so lookups are
//! exact string matches and path traversal cannot exist. Every portal host
//! serves every asset (the apps are tiny); the HTML shells reference them by
//! absolute path.

/// One embedded file.
#[derive(Debug, Clone, Copy)]
pub struct Asset {
    /// Request path (exact match, case-sensitive).
    pub path: &'static str,
    /// `Content-Type` header value.
    pub content_type: &'static str,
    /// File contents.
    pub body: &'static str,
}

const JS: &str = "text/javascript; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";
const JSON: &str = "application/json; charset=utf-8";
const SVG: &str = "image/svg+xml";

/// HTML shell of the Defender portal app (served for every non-asset path).
pub const DEFENDER_SHELL: &str = include_str!("../web/defender/index.html");
/// HTML shell of the Azure portal app.
pub const AZURE_SHELL: &str = include_str!("../web/azure/index.html");
/// HTML shell of the React-view sandbox page (framed by the Azure portal).
pub const REACTBLADE_SHELL: &str = include_str!("../web/reactblade/index.html");

/// Path of the shared demo scenario that both apps fetch same-origin.
pub const SCENARIO_PATH: &str = "/demo-data/scenario.json";

/// Every embedded asset.
pub const ASSETS: &[Asset] = &[
    Asset {
        path: SCENARIO_PATH,
        content_type: JSON,
        body: include_str!("../data/scenario.json"),
    },
    Asset {
        path: "/demo-assets/common/dom.js",
        content_type: JS,
        body: include_str!("../web/common/dom.js"),
    },
    Asset {
        path: "/demo-assets/common/defender-icon.svg",
        content_type: SVG,
        body: include_str!("../web/common/defender-icon.svg"),
    },
    Asset {
        path: "/demo-assets/common/azure-icon.svg",
        content_type: SVG,
        body: include_str!("../web/common/azure-icon.svg"),
    },
    Asset {
        path: "/demo-assets/defender/app.js",
        content_type: JS,
        body: include_str!("../web/defender/app.js"),
    },
    Asset {
        path: "/demo-assets/defender/app.css",
        content_type: CSS,
        body: include_str!("../web/defender/app.css"),
    },
    Asset {
        path: "/demo-assets/azure/app.js",
        content_type: JS,
        body: include_str!("../web/azure/app.js"),
    },
    Asset {
        path: "/demo-assets/azure/app.css",
        content_type: CSS,
        body: include_str!("../web/azure/app.css"),
    },
    Asset {
        path: "/demo-assets/reactblade/app.js",
        content_type: JS,
        body: include_str!("../web/reactblade/app.js"),
    },
    Asset {
        path: "/demo-assets/reactblade/app.css",
        content_type: CSS,
        body: include_str!("../web/reactblade/app.css"),
    },
];

/// Looks an asset up by exact request path (query already removed).
pub fn find(path: &str) -> Option<&'static Asset> {
    ASSETS.iter().find(|a| a.path == path)
}
