// One demo portal and one Chromium with the extension per test file, started before its
// tests and stopped after them.
import { after, before } from 'node:test';
import { launchChromium, startDemoPortal } from './browser.mjs';

/**
 * Registers the hooks; the returned object's `portal` and `browser` are set before tests run.
 * `options` go to `launchChromium` (`language`, say). The browser's user has opened the panel
 * before (it then stays open on every page, as these tests read it) unless `quietPanel` is set:
 * then it is a new user's, collapsed until there is something new.
 */
export function useDemoBrowser({ quietPanel = false, ...options } = {}) {
  const env = { portal: null, browser: null };
  before(async () => {
    env.portal = await startDemoPortal();
    env.browser = await launchChromium(env.portal, options);
    if (!quietPanel) await env.browser.worker.evaluate(() => chrome.storage.local.set({ 'panel:prefs': { open: true } }));
  });
  after(async () => {
    await env.browser?.close();
    await env.portal?.stop();
  });
  return env;
}
