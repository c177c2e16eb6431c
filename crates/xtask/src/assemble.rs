//! Builds the extension: the one wasm module through wasm-pack, the JS/HTML shells, icons and the
//! manifest into `dist/extension/`, then the store zip from exactly those bytes. Checks the
//! size budgets of ARCHITECTURE.md on the result.

use crate::icons;
use crate::paths;
use crate::process::{command, run};
use crate::sizes::{SizeReport, WasmSize};
use crate::toolchain::BuildTools;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Content script budget, minified by esbuild (ARCHITECTURE.md budgets: ≤ 12 KB minified).
/// The shipped file stays readable for store and security reviewers; only the measure is
/// minified.
const CONTENT_SCRIPT_BUDGET: u64 = 12 * 1024;
/// All wasm modules together, gzipped: ARCHITECTURE.md's target is 180 KB; the guard is the
/// measured size rounded up to the next KB (see the end of this note). History: two modules merged into one -40 KB,
/// nucleo → skim matcher -20 KB; 189.7 KB on 2026-11-22; the incident sync indicators (issue 5)
/// made it 227.2 KB (579,290 B raw), mostly serde decoders.
///
/// Issue 7, measured with `cargo xtask build` after each step (gzipped; raw 579,290 → 457,834 B):
/// - `Request` and `Tier` decoded through flat structs, not serde's `Content` buffer: -12.5 KB
/// - the worker's own deserializer over `JsValue` (`from_js`) instead of serde-wasm-bindgen,
///   errors without the float formatter: -11.1 KB; serde_json + `JSON.parse` to write: -1.5 KB
/// - `from_js`: non-generic readers -1.0 KB, a one-pointer error -3.3 KB
/// - wasm-opt `--merge-similar-functions --flatten --rereloop -Oz -Oz
///   --merge-similar-functions` instead of `-Oz`: -4.0 KB; a last `-Oz` after the second merge
///   -0.7 KB (284,453 → 283,736 B on 2026-11-23; one more merge and `-Oz` after it: -7 B)
/// - pages read the plan in place and the page check has no derived signals: -2.5 KB
/// - pages decode only what they show of a plan and a sync view (`crates/ui/src/shown.rs`):
///   -3.6, -1.3 and -0.7 KB
/// - the settings store as a prop, not a leptos context: -1.5 KB; smaller steps -0.5 KB
///
/// Result: 183,555 B (179.3 KB) gzipped on 2026-11-23, before the onboarding status.
/// The onboarding chip and model (issue 6: assessment, nine checks with their catalog words, the
/// tenant view written out, page evidence read in) add 18,733 B: 202,288 B (197.5 KB). The guard
/// is 198 KB until issue 7 wins that back (candidates: the popup search calling the core directly,
/// -2.3 KB; leptos' wasm-streams exports, ~3.5 KB, need a leptos patch; the check texts could be
/// shipped as data the worker reads instead of code).
///
/// Tried without gain: JSON text through serde_json for decoding (+14 KB: its parser is inlined
/// into every type), the same through a `serde_json::Value` tree (+14 KB), opt-level "s" (+11 KB),
/// `-C llvm-args=-inline-threshold=0` (+1.4 KB), leptos `delegation` (+0.4 KB), talc instead of
/// dlmalloc (+0.4 KB), `EitherOf3` instead of `into_any` (+6 KB). wasm-opt
/// `--low-memory-unused` saves 1.1 KB but assumes the stack never reaches its last KB: not used.
/// Left: leptos' server_fn links wasm-streams, whose wasm-bindgen exports (~11 KB raw) cannot be
/// dropped without patching leptos.
/// Onboarding with sign-in (issue 6: the ARM collection, its wire types and stored facts, the
/// sign-in steps, the tenant view in popup and options, report import) took the module from
/// 197.9 KB to 272.2 KB gzipped; externally tagged `Known`/`ArmError`/`ArmStatus` had already
/// saved 23.7 KB of that. The issue 7 target (180 KB) is missed; this guard only stops growth.
/// The pages' English moved to `_locales` (looked up by key through `chrome.i18n`): 282,268 →
/// 281,051 B.
/// Enterprise policy (issue 9: the policy read and put over the user's settings, options and
/// popup showing locked values) first cost +4.7 KB; a policy decoded as settings with the names
/// of its keys (one decoder, not two; the schema's `required` lets the browser drop a half app
/// registration) and fewer views brought it to +2.1 KB, of which the last `-Oz` paid 0.7 KB:
/// 283,117 B. The guard went from 276 to 277 KB for it.
/// The onboarding's ARM answers read by hand (`wayfinder_core::json_read`) instead of 21 serde
/// derives: 283,144 → 278,293 B (removing those decoders alone measured 273,268 B). Guard 272 KB.
const WASM_GZIP_BUDGET: u64 = 272 * 1024;
/// The wasm crate and the module name the JS shells import. One module for the service worker
/// and the pages: the ui crate links the worker crate, so std, serde and the core are shipped
/// once (two modules cost ~40 KB gzipped more).
const WASM_CRATES: [(&str, &str); 1] = [("crates/ui", "wayfinder")];

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
    for (krate, name) in WASM_CRATES {
        let out = pkg_dir.join(name);
        let out_arg = out.to_string_lossy().into_owned();
        let mut cmd = command(
            "wasm-pack",
            &[
                "build",
                krate,
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
    let manifest = fs::read_to_string(root.join("manifest.json"))
        .map_err(|e| format!("cannot read manifest.json: {e}"))?;
    crate::manifest_policy::check(&manifest)?;
    copy_file(&root.join("manifest.json"), &dist.join("manifest.json"))?;
    for (_, name) in WASM_CRATES {
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

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    for file in files_under(from)? {
        let relative = file.strip_prefix(from).map_err(|e| e.to_string())?;
        copy_file(&file, &to.join(relative))?;
    }
    Ok(())
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
    let mut wasm = Vec::new();
    for file in files_under(dist)?
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "wasm"))
    {
        let bytes = fs::read(file).map_err(|e| e.to_string())?;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&bytes).map_err(|e| e.to_string())?;
        let size = gz.finish().map_err(|e| e.to_string())?.len() as u64;
        eprintln!(
            "xtask: {} {} bytes, {} bytes gzipped",
            file.display(),
            bytes.len(),
            size
        );
        wasm.push(WasmSize {
            name: entry_name(dist, file)?,
            raw: bytes.len() as u64,
            gzip: size,
        });
    }
    let sizes = SizeReport {
        content_raw: raw,
        content_minified: content,
        content_budget: CONTENT_SCRIPT_BUDGET,
        wasm,
        wasm_gzip_budget: WASM_GZIP_BUDGET,
        zip: None,
    };
    let wasm_gz = sizes.wasm_gzip_total();
    eprintln!("xtask: sizes: content.js {content} B minified (budget {CONTENT_SCRIPT_BUDGET}), wasm {wasm_gz} B gzipped (budget {WASM_GZIP_BUDGET})");
    if content > CONTENT_SCRIPT_BUDGET {
        return Err(format!(
            "content.js is {content} bytes minified, over the {CONTENT_SCRIPT_BUDGET}-byte budget"
        ));
    }
    if wasm_gz > WASM_GZIP_BUDGET {
        return Err(format!(
            "wasm modules are {wasm_gz} bytes gzipped, over the {WASM_GZIP_BUDGET}-byte budget"
        ));
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
