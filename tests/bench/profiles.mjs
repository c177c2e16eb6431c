// The browser profiles the bench compares. Each is `launchChromium` of the e2e tests (same Debian
// Chromium, same flags, a fresh user-data directory each time) with the same in-page probe and a
// browser-level CDP session:
//   with       the built extension as analysts keep it: the panel collapsed to the pill. The
//              worker's stored choice is {open: false} before the first page, and the warm-up
//              visits every page once, which spends the first-visit auto-open (run.mjs).
//   with-open  the built extension with the panel open on every annotated page ({open: true}):
//              the scenarios that need the overlay iframe.
//   without    no extension: the baseline every "added" figure is measured against.
//   peer       the built extension with peer/content.js as its content script: what a common
//              portal extension costs these pages, the yardstick of the task-time budget.
//   control    the built extension with control/content.js (one message to the worker): the
//              least a page-aware content script costs, as context.
//   baseline   another build of the extension (WAYFINDER_BASELINE_EXTENSION_DIR, made by
//              `cargo xtask bench --baseline <rev>`), panel closed: only ab.mjs uses it, to
//              tell a change's cost from the noise between runs.
import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { copyOfBuild, launchChromium } from '../support/browser.mjs';
import { installProbe } from './probe.mjs';

/** name → how the browser is made; `panel` is the stored panel choice of the built extension. */
export const PROFILE_SPECS = Object.freeze({
  with: { label: 'with, panel closed', extension: 'built', panel: 'closed' },
  'with-open': { label: 'with, panel open', extension: 'built', panel: 'open' },
  without: { label: 'without', extension: null, panel: null },
  peer: { label: 'peer', extension: 'peer/content.js', panel: null },
  control: { label: 'control', extension: 'control/content.js', panel: null },
  baseline: { label: 'baseline build, panel closed', extension: 'baseline', panel: 'closed' },
});
/** The profiles of the full run (run.mjs): all but the baseline build, which only ab.mjs uses. */
export const PROFILES = Object.keys(PROFILE_SPECS).filter((name) => name !== 'baseline');

/** The profile order of iteration `i`: rotating, so drift over the run hits all alike. */
export const orderOf = (i) => PROFILES.map((_, k) => PROFILES[(i + k) % PROFILES.length]);

/**
 * A copy of the built extension with `contentFile` (under tests/bench) as its content script,
 * run at document_idle as common portal extensions' scripts are (ours starts at document_start,
 * when there is no body to observe yet).
 */
function extensionWith(contentFile) {
  return copyOfBuild(async (manifest, dir) => {
    await cp(path.join(import.meta.dirname, contentFile), path.join(dir, 'content.js'));
    for (const script of manifest.content_scripts) script.run_at = 'document_idle';
  });
}

function baselineDir() {
  const dir = process.env.WAYFINDER_BASELINE_EXTENSION_DIR;
  if (!dir) throw new Error('WAYFINDER_BASELINE_EXTENSION_DIR is not set (cargo xtask bench --baseline sets it)');
  return dir;
}

export async function openProfile(portal, name) {
  const spec = PROFILE_SPECS[name];
  const copyDir = spec.extension && !['built', 'baseline'].includes(spec.extension) ? await extensionWith(spec.extension) : null;
  const extensionDir = spec.extension === 'baseline' ? baselineDir() : copyDir;
  const browser = await launchChromium(portal, { extension: spec.extension !== null, extensionDir });
  if (spec.panel) {
    // Before any page: the worker reads the stored choice once, at its first message.
    const open = spec.panel === 'open';
    await browser.worker.evaluate((o) => chrome.storage.local.set({ 'panel:prefs': { open: o } }), open);
  }
  await browser.context.addInitScript(installProbe);
  const cdp = await browser.context.browser().newBrowserCDPSession();
  return {
    name,
    label: spec.label,
    // 'closed' or 'open' for the product's two states; null for the other profiles.
    panel: spec.panel,
    context: browser.context,
    browser: browser.context.browser(),
    // chrome-extension://<id> of whichever extension is loaded (the trace attributes its script).
    extensionOrigin: browser.extensionOrigin,
    cdp,
    close: async () => {
      await browser.close();
      if (copyDir) await rm(copyDir, { recursive: true, force: true });
    },
  };
}

/** The extension's overlay iframe of `page`, if it is mounted. */
export function overlayFrame(profile, page) {
  if (!profile.panel || !profile.extensionOrigin) return null;
  return page.frames().find((f) => f.url().startsWith(`${profile.extensionOrigin}/overlay.html`)) ?? null;
}
