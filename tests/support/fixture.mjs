// One demo portal and one Chromium with the extension per test file, started before its
// tests and stopped after them.
import { after, before } from 'node:test';
import { rm } from 'node:fs/promises';
import { copyOfBuild, launchChromium, startDemoPortal } from './browser.mjs';

/**
 * Registers the hooks; the returned object's `portal` and `browser` are set before tests run.
 * `options` go to `launchChromium` (`language`, say). The browser's user has opened the panel
 * before (it then stays open on every page, as these tests read it) unless `quietPanel` is set:
 * then it is a new user's, collapsed until there is something new. With `governmentAllowed` the
 * user has allowed the US Government portals (see `withGovernmentGranted`).
 */
export function useDemoBrowser({ quietPanel = false, governmentAllowed = false, ...options } = {}) {
  const env = { portal: null, browser: null };
  let copy = null;
  before(async () => {
    env.portal = await startDemoPortal();
    if (governmentAllowed) copy = await withGovernmentGranted();
    env.browser = await launchChromium(env.portal, copy ? { ...options, extensionDir: copy } : options);
    if (!quietPanel) await env.browser.worker.evaluate(() => chrome.storage.local.set({ 'panel:prefs': { open: true } }));
    if (copy) {
      // The worker registers the content script there at its start; pages come after that.
      await env.browser.worker.evaluate(async () => {
        for (let i = 0; i < 100 && (await chrome.scripting.getRegisteredContentScripts()).length === 0; i += 1) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      });
    }
  });
  after(async () => {
    await env.browser?.close();
    await env.portal?.stop();
    if (copy) await rm(copy, { recursive: true, force: true });
  });
  return env;
}

/**
 * A copy of the built extension in which the US Government portals' hosts are granted, as after
 * the user allowed them in options. The browser's own prompt for optional hosts cannot be
 * answered from a test (https://github.com/microsoft/playwright/issues/32755), so the copy
 * declares them as host permissions; what follows the grant (the worker registering the content
 * script there, extension/government.js) is the product's own code.
 */
function withGovernmentGranted() {
  return copyOfBuild((manifest) => {
    manifest.host_permissions = manifest.optional_host_permissions;
    delete manifest.optional_host_permissions;
  });
}
