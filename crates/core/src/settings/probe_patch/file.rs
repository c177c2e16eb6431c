//! Probe patches as a file: what options import, and the bounds a user's patches keep.
//!
//! Why strict, as the settings file is (`settings::file`): a patch file comes from outside (a
//! colleague, a wiki, a vendor's advisory). It must be our format and version, hold nothing we do
//! not know, and pass every patch's checks; a refused file changes nothing, and the refusal
//! starts with the path of the field it is about. The user's patches are stored with their
//! settings in one `chrome.storage.sync` item, so they are bounded in count and in size.

use super::{ProbePatch, MAX_USER_PATCHES};
use serde::{Deserialize, Serialize};

/// The `format` field of a patch file.
pub const FORMAT: &str = "secops-wayfinder-probe-patch";
/// The version this build writes and reads.
pub const VERSION: u32 = 1;
/// Most bytes the user's patches may take in their stored settings (as JSON). The settings are
/// one `chrome.storage.sync` item of at most 8,192 bytes
/// (<https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync>); half of it
/// stays for the other settings. A write the browser still refuses is said and undone by options.
pub const MAX_USER_PATCH_BYTES: usize = 4096;

/// A file of patches, as options import it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PatchFile {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`] for this build.
    pub version: u32,
    /// The patches.
    pub patches: Vec<ProbePatch>,
}

impl PatchFile {
    /// The user's patches after importing this file over `mine`: the file's patches replace
    /// those of `mine` for the same probes, the others stay. The file and the result are checked;
    /// the error starts with the path of the field it is about (`patches[1].tiers[0]: …`).
    pub fn imported_over(self, mine: &[ProbePatch]) -> Result<Vec<ProbePatch>, String> {
        crate::settings::file::check_header((&self.format, self.version), (FORMAT, VERSION))?;
        check_user_patches(&self.patches, "patches")?;
        let mut merged: Vec<ProbePatch> = mine
            .iter()
            .filter(|m| !self.patches.iter().any(|p| p.same_probe(m)))
            .cloned()
            .collect();
        merged.extend(self.patches);
        check_user_patches(&merged, "patches")
            .map_err(|why| format!("{why} (with the {} you had)", mine.len()))?;
        Ok(merged)
    }
}

/// Checks a user's patches (a file's, or the settings' `probePatches`, named `at`): at most
/// [`MAX_USER_PATCHES`] and [`MAX_USER_PATCH_BYTES`], each passing [`ProbePatch::check`], none
/// claiming the policy, one per probe.
pub fn check_user_patches(patches: &[ProbePatch], at: &str) -> Result<(), String> {
    if patches.len() > MAX_USER_PATCHES {
        return Err(format!("{at}: more than {MAX_USER_PATCHES} patches"));
    }
    for (i, patch) in patches.iter().enumerate() {
        let here = format!("{at}[{i}]");
        if patch.by_policy {
            return Err(format!(
                "{here}.byPolicy: only your organization's policy sets this"
            ));
        }
        patch.check(&here)?;
        if patches[..i].iter().any(|p| p.same_probe(patch)) {
            return Err(format!("{here}: a second patch for the same probe"));
        }
    }
    let bytes: usize = patches.iter().map(stored_bytes).sum();
    if bytes > MAX_USER_PATCH_BYTES {
        return Err(format!(
            "{at}: {bytes} bytes as stored, more than the {MAX_USER_PATCH_BYTES} that fit beside the other settings"
        ));
    }
    Ok(())
}

/// About how many bytes a patch takes as stored JSON: its strings as JSON writes them, and the
/// names and punctuation around them.
fn stored_bytes(patch: &ProbePatch) -> usize {
    let tiers: usize = patch
        .tiers
        .iter()
        .map(|t| {
            super::rules::text_fields(t)
                .iter()
                .map(|f| json_len(f) + 10)
                .sum::<usize>()
                + 20
        })
        .sum();
    json_len(&patch.notice) + json_len(&patch.page) + json_len(&patch.evidence) + tiers + 100
}

/// The length of `s` as a JSON string, in UTF-8 bytes.
fn json_len(s: &str) -> usize {
    2 + s
        .chars()
        .map(|c| match c {
            '"' | '\\' => 2,
            c if u32::from(c) < 0x20 => 6,
            c => c.len_utf8(),
        })
        .sum::<usize>()
}
