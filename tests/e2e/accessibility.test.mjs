// axe-core on every page of ours a user reads: the popup (for a portal tab, with its plan and
// onboarding status), the options page, and the overlay panel inside a portal page. Zero
// violations of WCAG 2.1 A and AA rules and axe's best practices, in light and dark.
//
// axe runs through Playwright's evaluate (the DevTools protocol), which the extension pages'
// CSP does not govern; nothing is added to the extension for the test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { azureBladeUrls, tabIdOf } from '../support/browser.mjs';
import { useDemoBrowser } from '../support/fixture.mjs';

const env = useDemoBrowser();
const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const HUNTING = azureBladeUrls('Hunting')['view with encoded id'];

/** Runs axe in `frame` (a page or a frame) and returns its violations, one line each. */
async function violations(frame) {
  await frame.evaluate(AXE_SOURCE);
  const found = await frame.evaluate(async () => {
    const result = await globalThis.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  return found;
}

async function overlayFrame(page) {
  const handle = await page.locator('[data-wayfinder-host] iframe').elementHandle();
  const frame = await handle.contentFrame();
  await frame.locator('[data-wayfinder-id="hunting"]').waitFor();
  return frame;
}

for (const scheme of ['light', 'dark']) {
  test(`axe finds nothing on the popup, the options page and the overlay panel (${scheme})`, async () => {
    const portal = await env.browser.context.newPage();
    await portal.emulateMedia({ colorScheme: scheme });
    await portal.goto(HUNTING);
    const panel = await overlayFrame(portal);
    const found = { panel: await violations(panel) };

    const tabId = await tabIdOf(env.browser.worker, portal);
    const popup = await env.browser.context.newPage();
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.goto(`${env.browser.extensionOrigin}/popup.html#tab=${tabId}`);
    await popup.locator('[data-wayfinder-tenant-view]').first().waitFor();
    await popup.locator('[data-wayfinder-kind="hint"]').first().waitFor();
    found.popup = await violations(popup);
    await popup.locator('#wf-search-input').fill('hunting');
    await popup.locator('[data-wayfinder-kind="search-result"]').first().waitFor();
    found.popupSearch = await violations(popup);

    const options = await env.browser.context.newPage();
    await options.emulateMedia({ colorScheme: scheme });
    await options.goto(`${env.browser.extensionOrigin}/options.html`);
    await options.locator('input[name="hints"]').waitFor();
    found.options = await violations(options);
    assert.deepEqual(found, { panel: [], popup: [], popupSearch: [], options: [] });

    await Promise.all([portal.close(), popup.close(), options.close()]);
  });
}
