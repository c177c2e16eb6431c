// One demo portal and one Chromium with the extension per test file, started before its
// tests and stopped after them.
import { after, before } from 'node:test';
import { launchChromium, startDemoPortal } from './browser.mjs';

/**
 * Registers the hooks; the returned object's `portal` and `browser` are set before tests run.
 * `options` go to `launchChromium` (`language`, say).
 */
export function useDemoBrowser(options = {}) {
  const env = { portal: null, browser: null };
  before(async () => {
    env.portal = await startDemoPortal();
    env.browser = await launchChromium(env.portal, options);
  });
  after(async () => {
    await env.browser?.close();
    await env.portal?.stop();
  });
  return env;
}
