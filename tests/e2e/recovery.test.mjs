// Chromium stops an MV3 service worker whenever it is idle, in the middle of an analyst's
// session. These tests stop the extension's worker for real (DevTools' "Stop", through CDP),
// check that it is gone, then change the route inside the portal the way a user does, and
// check what the user sees: the overlay is back with the new route's item, and the settings
// changed before the stop (trainer mode on, the retirement reminder dismissed) still apply.
// Nothing may be logged as an error meanwhile, in the page, the overlay or the worker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stopExtensionWorker } from '../bench/cdp.mjs';
import { ConsoleWatch, runningWorkers } from '../soak/observe.mjs';
import { azureBladeUrls, demo, overlay } from '../support/browser.mjs';
import { useDemoBrowser } from '../support/fixture.mjs';

const env = useDemoBrowser();

const trainerMark = (page, id) => page.locator(`[data-wayfinder-kind="trainer"][data-wayfinder-id="${id}"] .wf-mark-text`);

/** Turns trainer mode on in the popup, as a user does, and waits until it is saved. */
async function trainerOnInPopup(watch) {
  const popup = await env.browser.context.newPage();
  watch.watchPage(popup, 'popup');
  await popup.goto(`${env.browser.extensionOrigin}/popup.html`);
  await popup.locator('input[name="trainer"]').check();
  await popup.waitForFunction(async () => (await chrome.storage.sync.get('settings')).settings?.trainer === true);
  await popup.close();
}

/**
 * Stops the extension's service worker and checks that it is really gone: no running
 * service-worker target of the extension is left.
 */
async function stopWorker(page, browserSession) {
  const { context, extensionOrigin } = env.browser;
  assert.equal((await runningWorkers(browserSession, extensionOrigin)).length, 1, 'the worker runs before the stop');
  const pageSession = await context.newCDPSession(page);
  await stopExtensionWorker(pageSession, extensionOrigin);
  await pageSession.detach();
  assert.deepEqual(await runningWorkers(browserSession, extensionOrigin), [], 'the worker is stopped');
}

/** Errors as "source: text" lines, so a failing assertion shows them. */
const errorLines = (watch) => watch.errors().map((e) => `${e.source}: ${e.text}`);

async function session() {
  const browserSession = await env.browser.context.browser().newBrowserCDPSession();
  const watch = new ConsoleWatch(env.browser.extensionOrigin);
  assert.ok(await watch.watchWorker(browserSession), 'the worker is running and watched');
  return { browserSession, watch };
}

test('Azure portal: after a worker stop, a menu click brings the new blade\'s hint, trainer labels and dismissals stay', async () => {
  const { browserSession, watch } = await session();
  const page = await env.browser.context.newPage();
  watch.watchPage(page, 'azure');
  await page.goto(azureBladeUrls('Hunting')['view with encoded id']);
  const panel = overlay(page);
  await panel.locator('[data-wayfinder-kind="hint"][data-wayfinder-id="hunting"]').waitFor();

  // Settings a user changes during the session: trainer mode on, the retirement reminder dismissed.
  await trainerOnInPopup(watch);
  await trainerMark(page, 'hunting').waitFor();
  const reminder = panel.locator('[data-wayfinder-kind="retirement"][data-wayfinder-id="azure-portal-retirement"]');
  await reminder.getByRole('button', { name: /^Dismiss: / }).click();
  await reminder.waitFor({ state: 'hidden' });
  // The dismissal re-plans the tab through the worker; the stop comes after that answer, so
  // the next route change is the first thing that has to wake the worker.
  await page.waitForTimeout(500);

  await stopWorker(page, browserSession);
  await page.locator('[data-telemetryname="Menu-Incidents"]').click();

  const incidents = panel.locator('[data-wayfinder-kind="hint"][data-wayfinder-id="incidents"]');
  await incidents.waitFor();
  assert.match(await incidents.innerText(), /Incidents & alerts > Incidents/);
  assert.equal((await runningWorkers(browserSession, env.browser.extensionOrigin)).length, 1, 'the route change started the worker again');
  assert.equal(await panel.locator('[data-wayfinder-id="hunting"]').count(), 0, 'the old blade\'s hint is gone');
  assert.equal(await panel.locator('[data-wayfinder-kind="retirement"]').count(), 0, 'the dismissed reminder stays dismissed');
  // The notice at "Create incident" comes only with the new blade's plan: once it is in the
  // page, the content script has applied that plan, and the plan still has the trainer labels
  // (the portal re-rendered its menu, so these labels were placed after the route change).
  await page.locator('[data-wayfinder-kind="notice"][data-wayfinder-id="manual-api-incidents"]').waitFor();
  await trainerMark(page, 'hunting').waitFor();
  assert.equal(await trainerMark(page, 'hunting').innerText(), 'Defender: Microsoft Sentinel > Threat management > Hunting');
  assert.equal(await page.locator('[data-telemetryname="Menu-Hunting"] [data-wayfinder-kind="trainer"]').count(), 1);

  await page.close();
  await watch.unwatchWorker(browserSession);
  assert.deepEqual(errorLines(watch), []);
});

test('Defender portal: after a worker stop, the overlay is mounted again on the next pushState route', async () => {
  const { browserSession, watch } = await session();
  const page = await env.browser.context.newPage();
  watch.watchPage(page, 'defender');
  // Settings has no overlay: the route change after the stop has to mount the panel anew.
  await page.goto(`https://security.microsoft.com/securitysettings?tid=${demo.tenant}`);
  const panel = overlay(page);
  await trainerOnInPopup(watch); // already on after the Azure test; this one may run alone
  await trainerMark(page, 'hunting').waitFor();
  assert.equal(await page.locator('[data-wayfinder-host]').count(), 0, 'no overlay on Settings');

  // Dismiss the Advanced hunting hint on its page, then come back to Settings.
  await page.locator('nav a[href^="/v2/advanced-hunting"]').click();
  const logs = panel.locator('[data-wayfinder-kind="hint"][data-wayfinder-id="logs"]');
  await logs.getByRole('button', { name: /^Dismiss: / }).click();
  await logs.waitFor({ state: 'hidden' });
  await page.locator('nav a[href^="/securitysettings"]').click();
  await page.locator('[data-wayfinder-host]').waitFor({ state: 'detached' });
  await page.waitForTimeout(500);

  await stopWorker(page, browserSession);
  await page.evaluate(() => { window.__noReloadMarker = true; });
  await page.locator('nav a[href^="/incidents?"]').click();

  const incidents = panel.locator('[data-wayfinder-kind="hint"][data-wayfinder-id="incidents"]');
  await incidents.waitFor();
  assert.match(await incidents.innerText(), /Microsoft Sentinel > Threat management > Incidents/);
  assert.equal(await page.evaluate(() => window.__noReloadMarker), true, 'no reload happened');
  assert.equal((await runningWorkers(browserSession, env.browser.extensionOrigin)).length, 1, 'the route change started the worker again');
  await trainerMark(page, 'hunting').waitFor();

  // The dismissed hint stays dismissed on its own page, reached by the next route change.
  await page.locator('nav a[href^="/v2/advanced-hunting"]').click();
  await panel.locator('[data-wayfinder-kind="notice"]').first().waitFor();
  assert.equal(await panel.locator('[data-wayfinder-id="logs"]').count(), 0, 'the dismissed hint stays dismissed');

  await page.close();
  await watch.unwatchWorker(browserSession);
  assert.deepEqual(errorLines(watch), []);
});
