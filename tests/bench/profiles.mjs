// The two browser profiles the bench compares. Both are `launchChromium` of the e2e tests
// (same Debian Chromium, same flags, a fresh user-data directory each time); `with` adds
// --load-extension. Each gets the same in-page probe and a browser-level CDP session.
import { launchChromium } from '../support/browser.mjs';
import { installProbe } from './probe.mjs';

export const PROFILES = ['with', 'without'];

/** The profile order of iteration `i`: alternating, so drift over the run hits both alike. */
export const orderOf = (i) => (i % 2 === 0 ? ['with', 'without'] : ['without', 'with']);

export async function openProfile(portal, name) {
  const browser = await launchChromium(portal, { extension: name === 'with' });
  await browser.context.addInitScript(installProbe);
  const cdp = await browser.context.browser().newBrowserCDPSession();
  return {
    name,
    extension: name === 'with',
    context: browser.context,
    browser: browser.context.browser(),
    extensionOrigin: browser.extensionOrigin,
    cdp,
    close: () => browser.close(),
  };
}

/** The extension's overlay iframe of `page`, if it is mounted. */
export function overlayFrame(profile, page) {
  if (!profile.extensionOrigin) return null;
  return page.frames().find((f) => f.url().startsWith(`${profile.extensionOrigin}/overlay.html`)) ?? null;
}
