//! Where things are in the repository and in its build output.

use std::path::PathBuf;

/// The workspace root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap_or_else(|_| PathBuf::from("."))
}

/// `dist/extension/`: the unpacked extension.
pub fn dist_extension() -> PathBuf {
    root().join("dist/extension")
}

/// The demo portal binary (dev profile).
pub fn demo_portal_binary() -> PathBuf {
    root().join("target/debug/demo-portal")
}

/// npm packages for the build (binaryen's wasm-opt).
pub fn build_tools_dir() -> PathBuf {
    root().join("crates/xtask/tools")
}

/// npm packages for the browser tests and the demo walk.
pub fn browser_tests_dir() -> PathBuf {
    root().join("tests")
}
