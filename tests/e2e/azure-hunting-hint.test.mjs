// First vertical slice: the Azure-portal Sentinel Hunting blade, in each of its URL forms, shows
// a hint with the Defender location and a link to the Defender portal; SPA navigation updates
// or removes it without a reload. The page is served with a strict CSP (no wasm-unsafe-eval).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { azureBladeUrls, demo, overlay, waitForPanelHeight } from '../support/browser.mjs';
import { useDemoBrowser } from '../support/fixture.mjs';

const HUNTING_IN_DEFENDER = 'Microsoft Sentinel > Threat management > Hunting';
const env = useDemoBrowser();

async function openPage(url) {
  const page = await env.browser.context.newPage();
  const response = await page.goto(url);
  return { page, response };
}

describe('hint on the Azure-portal Hunting blade', () => {
  for (const [form, url] of Object.entries(azureBladeUrls('Hunting'))) {
    test(`shows where Hunting lives in the Defender portal (${form})`, async () => {
      const { page } = await openPage(url);
      const hint = overlay(page).locator('[data-wayfinder-kind="hint"][data-wayfinder-id="hunting"]');
      await hint.waitFor();
      assert.ok(await hint.isVisible(), 'the hint is visible');
      assert.match(await hint.innerText(), new RegExp(HUNTING_IN_DEFENDER.replace(/[>]/g, '\\>')));
      const link = hint.locator('a[data-wayfinder-link="defender"]');
      const href = await link.getAttribute('href');
      assert.ok(href.startsWith('https://security.microsoft.com/'), href);
      if (form === 'tenant-prefixed view') assert.ok(href.endsWith(`?tid=${demo.tenant}`), href);
      await page.close();
    });
  }

  test('the page is served with a strict CSP that forbids wasm, and the overlay still works', async () => {
    const { page, response } = await openPage(azureBladeUrls('Hunting')['view with encoded id']);
    const csp = response.headers()['content-security-policy'];
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /wasm-unsafe-eval/);
    await overlay(page).locator('[data-wayfinder-id="hunting"]').waitFor();
    await page.close();
  });

  test('the retirement reminder counts the days to 31 March 2027', async () => {
    const { page } = await openPage(azureBladeUrls('Hunting')['view with encoded id']);
    const note = overlay(page).locator('[data-wayfinder-kind="retirement"]');
    await note.waitFor();
    assert.match(await note.innerText(), /31 March 2027/);
    await page.close();
  });

  test('the panel fits its content (the iframe grows past its collapsed height)', async () => {
    const { page } = await openPage(azureBladeUrls('Hunting')['view with encoded id']);
    await overlay(page).locator('[data-wayfinder-id="hunting"]').waitFor();
    const frame = page.locator('[data-wayfinder-host] iframe');
    await waitForPanelHeight(page, 200);
    const box = await frame.boundingBox();
    assert.ok(box.height > 200, `iframe height ${box.height}`);
    await page.close();
  });
});

describe('single-page navigation in the Azure portal', () => {
  test('clicking another menu blade updates the hint without a reload', async () => {
    const { page } = await openPage(azureBladeUrls('Hunting')['view with encoded id']);
    await overlay(page).locator('[data-wayfinder-id="hunting"]').waitFor();
    await page.evaluate(() => { window.__noReloadMarker = true; });
    await page.locator('[data-telemetryname="Menu-Incidents"]').click();
    const incidents = overlay(page).locator('[data-wayfinder-kind="hint"][data-wayfinder-id="incidents"]');
    await incidents.waitFor();
    assert.match(await incidents.innerText(), /Investigation & response > Incidents & alerts > Incidents/);
    assert.equal(await overlay(page).locator('[data-wayfinder-id="hunting"]').count(), 0);
    assert.equal(await page.evaluate(() => window.__noReloadMarker), true, 'no reload happened');
    await page.close();
  });

  test('a blade that is not available in the Defender portal says so', async () => {
    const { page } = await openPage(azureBladeUrls('Hunting')['view with encoded id']);
    await overlay(page).locator('[data-wayfinder-id="hunting"]').waitFor();
    await page.locator('[data-telemetryname="Menu-WorkspaceManager"]').click();
    const hint = overlay(page).locator('[data-wayfinder-kind="hint"][data-wayfinder-id="workspace-manager"]');
    await hint.waitFor();
    assert.match(await hint.innerText(), /not available in the Defender portal/);
    await page.close();
  });

  test('leaving Sentinel removes the overlay from the page', async () => {
    const { page } = await openPage(azureBladeUrls('Hunting')['view with encoded id']);
    await overlay(page).locator('[data-wayfinder-id="hunting"]').waitFor();
    await page.evaluate(() => { location.hash = '#home'; });
    await page.waitForFunction(() => document.querySelectorAll('[data-wayfinder-host]').length === 0);
    await page.close();
  });

  test('the blade content frame on the reactblade host is left untouched', async () => {
    const { page } = await openPage(azureBladeUrls('Hunting')['view with encoded id']);
    await overlay(page).locator('[data-wayfinder-id="hunting"]').waitFor();
    const blade = page.frames().find((f) => new URL(f.url()).hostname.endsWith('.reactblade.portal.azure.net'));
    assert.ok(blade, 'the Hunting blade renders in a reactblade iframe');
    await blade.locator('text=Bookmarks').first().waitFor();
    assert.equal(await blade.locator('[data-wayfinder-host]').count(), 0);
    await page.close();
  });
});
