// Trainer mode labels the Sentinel menus of both portals, follows re-renders and turns off again;
// a dismissed hint stays dismissed across reloads until the options bring it back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { azureBladeUrls, demo, overlay } from '../support/browser.mjs';
import { useDemoBrowser } from '../support/fixture.mjs';

const env = useDemoBrowser();
const HUNTING = azureBladeUrls('Hunting')['view with encoded id'];

const trainerMark = (page, id) => page.locator(`[data-wayfinder-kind="trainer"][data-wayfinder-id="${id}"] .wf-mark-text`);

async function setTrainerInPopup(on) {
  const popup = await env.browser.context.newPage();
  await popup.goto(`${env.browser.extensionOrigin}/popup.html`);
  const box = popup.locator('input[name="trainer"]');
  await box.waitFor();
  if (on) await box.check();
  else await box.uncheck();
  await popup.waitForFunction(
    async (want) => ((await chrome.storage.sync.get('settings')).settings?.trainer ?? false) === want,
    on,
  );
  await popup.close();
}

test('trainer mode is off by default, then labels the Azure-portal Sentinel menu', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(HUNTING);
  await overlay(page).locator('[data-wayfinder-id="hunting"]').waitFor();
  assert.equal(await page.locator('[data-wayfinder-kind="trainer"]').count(), 0);

  await setTrainerInPopup(true);
  const hunting = trainerMark(page, 'hunting');
  await hunting.waitFor();
  assert.equal(await hunting.innerText(), 'Defender: Microsoft Sentinel > Threat management > Hunting');
  const anchored = await page.locator('[data-telemetryname="Menu-Hunting"] [data-wayfinder-kind="trainer"]').count();
  assert.equal(anchored, 1, 'the label sits inside the Hunting menu item');
  assert.equal(
    await trainerMark(page, 'threat-intelligence').innerText(),
    'Defender: Threat intelligence > Intel management',
  );

  // The portal re-renders its menu on navigation; the labels follow.
  await page.locator('[data-telemetryname="Menu-Analytics"]').click();
  await page.waitForURL(/Analytics/);
  await trainerMark(page, 'hunting').waitFor();
  assert.equal(await page.locator('[data-wayfinder-kind="trainer"][data-wayfinder-id="hunting"]').count(), 1);
  await page.close();
});

test('in the Defender portal, trainer mode shows where Sentinel items used to be', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(`https://security.microsoft.com/incidents?tid=${demo.tenant}`);
  const hunting = trainerMark(page, 'hunting');
  await hunting.waitFor();
  assert.equal(await hunting.innerText(), 'Formerly Azure: Microsoft Sentinel > Threat management > Hunting');
  const href = await page
    .locator('nav a:has([data-wayfinder-kind="trainer"][data-wayfinder-id="hunting"])')
    .getAttribute('href');
  assert.match(href, /^\/sentinel\/hunting/);

  await setTrainerInPopup(false);
  await page.locator('[data-wayfinder-kind="trainer"]').first().waitFor({ state: 'detached' });
  assert.equal(await page.locator('[data-wayfinder-kind="trainer"]').count(), 0);
  await page.close();
});

test('a dismissed hint stays dismissed until the options reset it', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(HUNTING);
  const hint = overlay(page).locator('[data-wayfinder-kind="hint"][data-wayfinder-id="hunting"]');
  await hint.waitFor();
  await hint.getByRole('button', { name: /^Dismiss: / }).click();
  await hint.waitFor({ state: 'hidden' });
  await page.reload();
  await overlay(page).locator('[data-wayfinder-kind="retirement"]').waitFor();
  assert.equal(await overlay(page).locator('[data-wayfinder-id="hunting"]').count(), 0, 'still dismissed after a reload');

  const options = await env.browser.context.newPage();
  await options.goto(`${env.browser.extensionOrigin}/options.html`);
  await options.locator('.wf-dismissed-count', { hasText: '1 item dismissed.' }).waitFor();
  await options.locator('button[name="reset-dismissed"]').click();
  await options.locator('.wf-status', { hasText: 'Saved.' }).waitFor();
  assert.equal(await options.locator('.wf-dismissed-count').innerText(), 'Nothing dismissed.');

  await overlay(page).locator('[data-wayfinder-kind="hint"][data-wayfinder-id="hunting"]').waitFor();
  await options.close();
  await page.close();
});

test('the Azure-portal retirement reminder is snoozed for a week, then comes back', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(HUNTING);
  const reminder = overlay(page).locator('[data-wayfinder-kind="retirement"][data-wayfinder-id="azure-portal-retirement"]');
  await reminder.waitFor();
  await reminder.getByRole('button', { name: /^Dismiss: / }).click();
  await reminder.waitFor({ state: 'hidden' });
  const dismissed = await env.browser.worker.evaluate(async () => (await chrome.storage.sync.get('settings')).settings.dismissed);
  const today = new Date().toLocaleDateString('en-CA');
  assert.deepEqual(dismissed, [`azure-portal-retirement@${today}`]);
  await page.reload();
  await overlay(page).locator('[data-wayfinder-kind="hint"][data-wayfinder-id="hunting"]').waitFor();
  assert.equal(await overlay(page).locator('[data-wayfinder-kind="retirement"]').count(), 0, 'snoozed after a reload');

  // Eight days later (the snooze written a week and a day ago), it is back.
  const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000).toLocaleDateString('en-CA');
  await env.browser.worker.evaluate(async (entry) => {
    const { settings } = await chrome.storage.sync.get('settings');
    await chrome.storage.sync.set({ settings: { ...settings, dismissed: [entry] } });
  }, `azure-portal-retirement@${eightDaysAgo}`);
  await page.reload();
  await overlay(page).locator('[data-wayfinder-kind="retirement"]').waitFor();
  await page.close();
});
