//! Fuzz target: any bytes as an imported probe-patch file, through serde_json's parser, the
//! decoder the options page ships (`tree_decoder`), `PatchFile::imported_over`, and for a file that
//! passes, `plan::with_patches` on the plans of the pages its patches name.
//!
//! Why: a patch file comes from outside (a colleague, a wiki, a vendor's advisory) and says where
//! the content script looks on every portal page it names; the same patches come from an
//! administrator's policy, which the worker's patch module checks with the same code. Checking
//! must never panic and every refusal must start with the field it is about. What passes must
//! hold at most `MAX_USER_PATCHES` patches, one per probe, none claiming the policy; applying it must
//! never panic, must change only the anchors of the notices it names, and must leave each
//! patched probe within `MAX_TIERS` tiers, keeping out of user content whenever a tier is
//! tolerant. The checks restate `settings/probe_patch.rs` from the outside.

#![no_main]

use libfuzzer_sys::fuzz_target;
use wayfinder_core::model::{AnchorKind, Portal, MAX_TIERS};
use wayfinder_core::plan::{plan_for_url, with_patches};
use wayfinder_core::settings::probe_patch::{PatchFile, MAX_USER_PATCHES};
use wayfinder_core::settings::Settings;
use wayfinder_core::tree_decoder;

/// A page of each portal with notices on it.
const PAGES: [&str; 2] = [
    "https://portal.azure.com/#asset/Microsoft_Azure_Security_Insights/Incident/subscriptions/0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9/resourceGroups/soc-rg/providers/Microsoft.OperationalInsights/workspaces/contoso-sentinel/providers/Microsoft.SecurityInsights/Incidents/a7d3e1f2-0000-4000-8000-000000000118",
    "https://security.microsoft.com/incidents/118/overview",
];

fuzz_target!(|data: &[u8]| {
    let Ok(raw) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    let Ok(file) = tree_decoder::decode::<PatchFile, _>(raw) else {
        return;
    };
    let patches = match file.imported_over(&[]) {
        Ok(patches) => patches,
        Err(why) => {
            assert!(
                ["format:", "version:", "patches"]
                    .iter()
                    .any(|f| why.starts_with(f)),
                "a refusal that names no field: {why}"
            );
            return;
        }
    };
    assert!(patches.len() <= MAX_USER_PATCHES);
    for (i, patch) in patches.iter().enumerate() {
        assert!(!patch.by_policy);
        assert_eq!(patch.check("p"), Ok(()));
        assert!(!patches[..i].iter().any(|p| p.same_probe(patch)));
    }
    for url in PAGES {
        let plan = plan_for_url(url, None, &Settings::default());
        let patched = with_patches(plan.clone(), &patches);
        let (Some(portal), Some(page)) = (
            plan.page.portal.and_then(Portal::side),
            plan.page.feature.clone(),
        ) else {
            continue;
        };
        for (before, after) in plan.anchors.iter().zip(&patched.anchors) {
            let named = before.kind == AnchorKind::Notice
                && patches
                    .iter()
                    .any(|p| p.patches(portal, &page, &before.id));
            if !named {
                assert_eq!(before, after, "an anchor no patch names changed");
                continue;
            }
            assert!(after.probe.tiers.len() <= MAX_TIERS);
            let tolerant = after.probe.tiers.iter().any(|t| t.kind().is_tolerant());
            assert_eq!(tolerant, after.probe.user_content.is_some());
        }
        assert_eq!(plan.anchors.len(), patched.anchors.len());
    }
});
