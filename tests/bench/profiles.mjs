// The browser profiles the bench compares. Each is `launchChromium` of the e2e tests (same Debian
// Chromium, same flags, a fresh user-data directory each time): `with` loads the built extension,
// `without` none, and `control` a copy of the built extension whose content script only tells the
// worker the page's URL (control/content.js): what scripting any content script costs here. Each
// gets the same in-page probe and a browser-level CDP session.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchChromium } from '../support/browser.mjs';
import { installProbe } from './probe.mjs';

export const PROFILES = ['with', 'without', 'control'];

/** The profile order of iteration `i`: rotating, so drift over the run hits all alike. */
export const orderOf = (i) => PROFILES.map((_, k) => PROFILES[(i + k) % PROFILES.length]);

/** The control extension: the built one with control/content.js as its content script. */
async function controlExtension() {
  const built = process.env.WAYFINDER_EXTENSION_DIR;
  if (!built) throw new Error('WAYFINDER_EXTENSION_DIR is not set (cargo xtask bench sets it)');
  const dir = await mkdtemp(path.join(tmpdir(), 'wayfinder-control-'));
  await cp(built, dir, { recursive: true });
  await cp(path.join(import.meta.dirname, 'control/content.js'), path.join(dir, 'content.js'));
  return dir;
}

export async function openProfile(portal, name) {
  const controlDir = name === 'control' ? await controlExtension() : null;
  const browser = await launchChromium(portal, { extension: name !== 'without', extensionDir: controlDir });
  await browser.context.addInitScript(installProbe);
  const cdp = await browser.context.browser().newBrowserCDPSession();
  return {
    name,
    // The scenarios that need our overlay (routes, cold start, memory of its frame) run in `with`.
    extension: name === 'with',
    context: browser.context,
    browser: browser.context.browser(),
    extensionOrigin: name === 'with' ? browser.extensionOrigin : null,
    cdp,
    close: async () => {
      await browser.close();
      if (controlDir) await rm(controlDir, { recursive: true, force: true });
    },
  };
}

/** The extension's overlay iframe of `page`, if it is mounted. */
export function overlayFrame(profile, page) {
  if (!profile.extensionOrigin) return null;
  return page.frames().find((f) => f.url().startsWith(`${profile.extensionOrigin}/overlay.html`)) ?? null;
}
