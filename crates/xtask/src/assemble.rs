//! Builds the extension: a wasm module per context through wasm-pack, the JS/HTML shells, icons
//! and the manifest into `dist/extension/`, then the store zip from exactly those bytes. Checks
//! the size budgets of ARCHITECTURE.md on the result.

use crate::icons;
use crate::paths;
use crate::process::{command, run};
use crate::sizes::{SizeReport, WasmSize};
use crate::toolchain::BuildTools;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Content script guard, minified by esbuild. The script draws the collapsed panel (the pill and
/// its dock) itself, so a tab needs no iframe and no wasm until the panel opens; it carries the
/// tolerant probe tiers and the page readings too. The guard sits just above the measured size, so
/// every growth is a decision, with its reason in `CHANGELOG.md`. The shipped file stays
/// readable for store and security reviewers; only the measure is minified.
const CONTENT_SCRIPT_BUDGET: u64 = 22 * 1024 + 256;
/// One wasm module of the extension, built by wasm-pack from `krate` with `features`.
struct WasmModule {
    /// The module name the JS shells import (`wasm/<name>.js`).
    name: &'static str,
    krate: &'static str,
    /// The crate's cargo features (its default features are off).
    features: &'static str,
    /// Gzipped bytes.
    budget: u64,
}

/// One module per context, so each loads only what it runs: a portal tab that opens the panel
/// instantiates the overlay's module alone, and the service worker carries no leptos. The
/// budgets of the overlay and the worker are the product's (docs/development.md#decisions); the
/// popup and the options page share one module, whose guard is its measured size rounded up to
/// the next KB, so growth is a decision. docs/wasm-size.md says where the bytes go.
const WASM_MODULES: [WasmModule; 4] = [
    WasmModule {
        name: "worker",
        krate: "crates/worker",
        features: "exports",
        budget: 150 * 1024,
    },
    WasmModule {
        // The worker's probe patches, instantiated by the service worker only while a patch is
        // in force. A guard at the measured size, as the pages' below.
        name: "patches",
        krate: "crates/worker",
        features: "patch-exports",
        budget: 65 * 1024,
    },
    WasmModule {
        name: "overlay",
        krate: "crates/ui",
        features: "overlay",
        budget: 140 * 1024,
    },
    WasmModule {
        name: "pages",
        krate: "crates/ui",
        features: "pages",
        // A guard at the measured size, not a product budget: each raise is a decision, with
        // its reason, in docs/wasm-size.md.
        budget: 244 * 1024,
    },
];

/// What a build produced.
pub struct Built {
    /// The store zip.
    pub zip: PathBuf,
    /// Sizes of the content script, the wasm modules and the zip.
    pub sizes: SizeReport,
}

/// Builds `dist/extension/` and `dist/secops-wayfinder-<version>.zip`.
pub fn build(tools: &BuildTools) -> Result<Built, String> {
    let root = paths::root();
    let version = manifest_version(&root)?;
    let crate_version = env!("CARGO_PKG_VERSION");
    if version != crate_version {
        return Err(format!(
            "manifest.json version {version} differs from the workspace version {crate_version}"
        ));
    }
    crate::locales::check(&root)?;
    let pkg_dir = root.join("target/wasm-pkg");
    for module in &WASM_MODULES {
        let name = module.name;
        let out = pkg_dir.join(name);
        let out_arg = out.to_string_lossy().into_owned();
        let mut cmd = command(
            "wasm-pack",
            &[
                "build",
                module.krate,
                "--target",
                "web",
                "--release",
                "--no-typescript",
                "--no-pack",
                "--mode",
                "no-install",
                "--out-dir",
                &out_arg,
                "--out-name",
                name,
                // Passed on to `cargo build`.
                "--",
                "--no-default-features",
                "--features",
                module.features,
            ],
            None,
        );
        cmd.env("PATH", &tools.path);
        run(&mut cmd)?;
    }

    let dist = paths::dist_extension();
    if dist.exists() {
        fs::remove_dir_all(&dist).map_err(|e| format!("cannot clean {}: {e}", dist.display()))?;
    }
    copy_dir(&root.join("extension"), &dist)?;
    bundle_content_script(&root, &dist, tools)?;
    let manifest = fs::read_to_string(root.join("manifest.json"))
        .map_err(|e| format!("cannot read manifest.json: {e}"))?;
    crate::manifest_policy::check(&manifest)?;
    copy_file(&root.join("manifest.json"), &dist.join("manifest.json"))?;
    for WasmModule { name, .. } in &WASM_MODULES {
        for file in [format!("{name}.js"), format!("{name}_bg.wasm")] {
            copy_file(
                &pkg_dir.join(name).join(&file),
                &dist.join("wasm").join(&file),
            )?;
        }
    }
    icons::write_all(&dist.join("icons"))?;
    let mut sizes = check_budgets(&dist, tools)?;

    let zip_name = format!("secops-wayfinder-{version}.zip");
    let zip = root.join("dist").join(&zip_name);
    write_zip(&dist, &zip)?;
    let zip_size = fs::metadata(&zip).map_err(|e| e.to_string())?.len();
    sizes.zip = Some((zip_name, zip_size));
    eprintln!("xtask: built {} and {}", dist.display(), zip.display());
    Ok(Built { zip, sizes })
}

fn manifest_version(root: &Path) -> Result<String, String> {
    let text = fs::read_to_string(root.join("manifest.json"))
        .map_err(|e| format!("cannot read manifest.json: {e}"))?;
    let manifest: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("manifest.json is not JSON: {e}"))?;
    manifest["version"]
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| "manifest.json has no version".to_string())
}

fn copy_file(from: &Path, to: &Path) -> Result<(), String> {
    if let Some(parent) = to.parent() {
        fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))
}

/// The content script's modules, under `extension/`: bundled, never copied.
const CONTENT_SCRIPT_SOURCES: &str = "content";

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    for file in files_under(from)? {
        let relative = file.strip_prefix(from).map_err(|e| e.to_string())?;
        if relative.starts_with(CONTENT_SCRIPT_SOURCES) {
            continue;
        }
        copy_file(&file, &to.join(relative))?;
    }
    Ok(())
}

/// Bundles `extension/content/main.js` and its modules into the one classic script Chrome loads
/// (`content.js`; content scripts cannot be ES modules). Not minified: store and security
/// reviewers read the shipped file.
fn bundle_content_script(root: &Path, dist: &Path, tools: &BuildTools) -> Result<(), String> {
    let entry = root
        .join("extension")
        .join(CONTENT_SCRIPT_SOURCES)
        .join("main.js");
    let entry_arg = entry.to_string_lossy().into_owned();
    let out_arg = format!("--outfile={}", dist.join("content.js").display());
    let mut cmd = command(
        "esbuild",
        &[
            &entry_arg,
            "--bundle",
            "--format=iife",
            "--target=chrome123",
            "--charset=utf8",
            "--log-level=warning",
            &out_arg,
        ],
        None,
    );
    cmd.env("PATH", &tools.path);
    run(&mut cmd)
}

/// Every file under `dir`, sorted (so the zip is reproducible).
fn files_under(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).map_err(|e| format!("cannot list {}: {e}", d.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// Size of a script minified by esbuild (from the npm build tools).
fn minified_size(script: &Path, tools: &BuildTools) -> Result<u64, String> {
    let script_arg = script.to_string_lossy().into_owned();
    let mut cmd = command(
        "esbuild",
        &[&script_arg, "--minify", "--log-level=warning"],
        None,
    );
    cmd.env("PATH", &tools.path);
    crate::process::output(&mut cmd)
        .map(|minified| minified.len() as u64)
        .ok_or_else(|| format!("esbuild could not minify {}", script.display()))
}

/// Measures the shipped sizes and fails when one is over its budget.
fn check_budgets(dist: &Path, tools: &BuildTools) -> Result<SizeReport, String> {
    let raw = fs::metadata(dist.join("content.js"))
        .map_err(|e| e.to_string())?
        .len();
    let content = minified_size(&dist.join("content.js"), tools)?;
    eprintln!("xtask: content.js {raw} bytes, {content} bytes minified");
    eprintln!("xtask: sizes: content.js {content} B minified (budget {CONTENT_SCRIPT_BUDGET})");
    let mut wasm = Vec::new();
    for module in &WASM_MODULES {
        let file = dist.join("wasm").join(format!("{}_bg.wasm", module.name));
        let bytes = fs::read(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&bytes).map_err(|e| e.to_string())?;
        let size = gz.finish().map_err(|e| e.to_string())?.len() as u64;
        eprintln!(
            "xtask: sizes: {} {} B, {size} B gzipped (budget {})",
            entry_name(dist, &file)?,
            bytes.len(),
            module.budget
        );
        wasm.push(WasmSize {
            name: entry_name(dist, &file)?,
            raw: bytes.len() as u64,
            gzip: size,
            gzip_budget: module.budget,
        });
    }
    let sizes = SizeReport {
        content_raw: raw,
        content_minified: content,
        content_budget: CONTENT_SCRIPT_BUDGET,
        wasm,
        zip: None,
    };
    if content > CONTENT_SCRIPT_BUDGET {
        return Err(format!(
            "content.js is {content} bytes minified, over the {CONTENT_SCRIPT_BUDGET}-byte budget"
        ));
    }
    let over: Vec<String> = sizes
        .wasm
        .iter()
        .filter(|w| w.gzip > w.gzip_budget)
        .map(|w| {
            format!(
                "{} is {} bytes gzipped, over its {}-byte budget",
                w.name, w.gzip, w.gzip_budget
            )
        })
        .collect();
    if !over.is_empty() {
        return Err(over.join("; "));
    }
    Ok(sizes)
}

fn write_zip(dist: &Path, zip_path: &Path) -> Result<(), String> {
    let file = fs::File::create(zip_path)
        .map_err(|e| format!("cannot create {}: {e}", zip_path.display()))?;
    let mut zip = zip::ZipWriter::new(file);
    // Fixed timestamps and sorted entries: the same sources give the same zip.
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for file in files_under(dist)? {
        zip.start_file(entry_name(dist, &file)?, options)
            .map_err(|e| e.to_string())?;
        zip.write_all(&fs::read(&file).map_err(|e| e.to_string())?)
            .map_err(|e| e.to_string())?;
    }
    zip.finish()
        .map_err(|e| format!("cannot finish {}: {e}", zip_path.display()))?;
    verify_zip(dist, zip_path)
}

/// The zip entry name of a file under `dist` (forward slashes on every platform).
fn entry_name(dist: &Path, file: &Path) -> Result<String, String> {
    let relative = file.strip_prefix(dist).map_err(|e| e.to_string())?;
    Ok(relative.to_string_lossy().replace('\\', "/"))
}

/// The store zip must hold exactly the files of `dist/extension`, byte for byte.
fn verify_zip(dist: &Path, zip_path: &Path) -> Result<(), String> {
    let file = fs::File::open(zip_path).map_err(|e| e.to_string())?;
    let mut archive = zip::ZipArchive::new(file)
        .map_err(|e| format!("{} is not a zip: {e}", zip_path.display()))?;
    let files = files_under(dist)?;
    if archive.len() != files.len() {
        return Err(format!(
            "{} has {} entries but dist/extension has {} files",
            zip_path.display(),
            archive.len(),
            files.len()
        ));
    }
    for path in files {
        let name = entry_name(dist, &path)?;
        let mut entry = archive
            .by_name(&name)
            .map_err(|e| format!("{name} is missing from the zip: {e}"))?;
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut bytes).map_err(|e| e.to_string())?;
        if bytes != fs::read(&path).map_err(|e| e.to_string())? {
            return Err(format!("{name} differs between the zip and dist/extension"));
        }
    }
    Ok(())
}
