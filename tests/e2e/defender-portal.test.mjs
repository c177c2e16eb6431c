// The Defender portal side: reverse hints on pages that moved, and no DOM work on routes the
// extension does not annotate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { overlay } from '../support/browser.mjs';
import { useDemoBrowser } from '../support/fixture.mjs';

const env = useDemoBrowser();

/**
 * Waits for the service worker to hold a plan for an unannotated Defender page (proves the
 * content script reported the route). Tabs of earlier tests are closed, and the worker drops
 * the plans of closed tabs, so the only such plan is this page's. (The worker cannot match by
 * tab URL: reading it would need host permissions beyond the content-script matches.)
 */
async function storedUnannotatedDefenderPlan() {
  return env.browser.worker.evaluate(async () => {
    for (let i = 0; i < 100; i += 1) {
      const stored = Object.entries(await chrome.storage.session.get(null));
      const plans = stored.filter(([key]) => key.startsWith('plan:')).map(([, plan]) => plan);
      const plan = plans.find((p) => p.page.portal === 'defender' && p.page.feature === null);
      if (plan) return plan;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return null;
  });
}

test('Sentinel Hunting in the Defender portal says where it was in the Azure portal', async () => {
  const page = await env.browser.context.newPage();
  await page.goto('https://security.microsoft.com/sentinel/hunting');
  const hint = overlay(page).locator('[data-wayfinder-kind="hint"][data-wayfinder-id="hunting"]');
  await hint.waitFor();
  assert.match(await hint.innerText(), /Microsoft Sentinel > Threat management > Hunting/);
  const href = await hint.locator('a[data-wayfinder-link="azure"]').getAttribute('href');
  assert.ok(href.startsWith('https://portal.azure.com/#'), href);
  await page.close();
});

test('navigating inside the Defender portal updates the hint without a reload', async () => {
  const page = await env.browser.context.newPage();
  await page.goto('https://security.microsoft.com/sentinel/hunting');
  await overlay(page).locator('[data-wayfinder-id="hunting"]').waitFor();
  await page.evaluate(() => { window.__noReloadMarker = true; });
  await page.locator('a[href^="/v2/advanced-hunting"]').first().click();
  const logs = overlay(page).locator('[data-wayfinder-id="logs"]');
  await logs.waitFor();
  assert.match(await logs.innerText(), /Microsoft Sentinel > General > Logs/);
  assert.equal(await page.evaluate(() => window.__noReloadMarker), true);
  await page.close();
});

test('the multitenant host gets the same hints', async () => {
  const page = await env.browser.context.newPage();
  await page.goto('https://mto.security.microsoft.com/incidents');
  await overlay(page).locator('[data-wayfinder-kind="hint"][data-wayfinder-id="incidents"]').waitFor();
  await page.close();
});

test('a route the extension does not annotate gets no element at all', async () => {
  const page = await env.browser.context.newPage();
  const url = 'https://security.microsoft.com/securitysettings';
  await page.goto(url);
  const plan = await storedUnannotatedDefenderPlan();
  assert.ok(plan, 'the content script reported the route to the service worker');
  assert.deepEqual(plan.items, []);
  assert.equal(await page.locator('[data-wayfinder-host]').count(), 0);
  await page.close();
});
