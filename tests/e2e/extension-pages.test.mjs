// The extension's own pages: options change what the overlay shows; the popup shows the
// current tab's plan; the service worker refuses messages that are not allowed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { azureBladeUrls, overlay } from '../support/browser.mjs';
import { useDemoBrowser } from '../support/fixture.mjs';

const env = useDemoBrowser();

test('turning hints off in the options hides them, and the retirement reminder stays', async () => {
  const options = await env.browser.context.newPage();
  await options.goto(`${env.browser.extensionOrigin}/options.html`);
  const hints = options.locator('input[name="hints"]');
  await hints.waitFor();
  assert.equal(await hints.isChecked(), true);
  await hints.uncheck();
  await options.locator('.wf-status', { hasText: 'Saved.' }).waitFor();
  await options.reload();
  await options.locator('input[name="hints"]').waitFor();
  assert.equal(await options.locator('input[name="hints"]').isChecked(), false, 'the setting persisted');

  const page = await env.browser.context.newPage();
  await page.goto(azureBladeUrls('Hunting')['view with encoded id']);
  await overlay(page).locator('[data-wayfinder-kind="retirement"]').waitFor();
  assert.equal(await overlay(page).locator('[data-wayfinder-kind="hint"]').count(), 0);

  await options.locator('input[name="hints"]').check();
  await options.locator('.wf-status', { hasText: 'Saved.' }).waitFor();
  await page.close();
  await options.close();
});

test('the popup says there is nothing to show for a tab that is not a portal page', async () => {
  const popup = await env.browser.context.newPage();
  await popup.goto(`${env.browser.extensionOrigin}/popup.html`);
  await popup.locator('.wf-empty').waitFor();
  assert.match(await popup.locator('.wf-empty').innerText(), /Nothing to show for this tab/);
  await popup.close();
});

test('the service worker refuses a page message from an extension page and a malformed one', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(`${env.browser.extensionOrigin}/popup.html`);
  const replies = await page.evaluate(async () => [
    await chrome.runtime.sendMessage({ type: 'page-changed', url: 'https://portal.azure.com/' }),
    await chrome.runtime.sendMessage({ type: 'page-changed', url: 'x', extra: true }),
    await chrome.runtime.sendMessage('nonsense'),
  ]);
  assert.deepEqual(replies, [null, null, null]);
  await page.close();
});
