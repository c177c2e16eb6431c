// Onboarding status without sign-in: every portal page carries a chip with its tenant's
// connection, built only from what the Defender portal itself showed (the Home banner, the
// navigation, the SIEM workspaces table); with no evidence it says "unknown", never "ready".
// The toolbar badge follows the chip of the tab's tenant.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { azureBladeUrls, demo } from '../support/browser.mjs';
import { useDemoBrowser } from '../support/fixture.mjs';

const env = useDemoBrowser();

const FABRIKAM = '9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4';
const defender = (path, tenant) => `https://security.microsoft.com${path}?tid=${tenant}`;
const chip = (page) => page.locator('[data-wayfinder-kind="onboarding"][data-wayfinder-id="onboarding-status"]');

/** Waits until the page's chip is in `state` and returns its text and tooltip. */
async function chipIn(page, state) {
  await chip(page).and(page.locator(`[data-wayfinder-state="${state}"]`)).waitFor();
  return { text: await chip(page).textContent(), title: await chip(page).getAttribute('title') };
}

/** The toolbar badge text of the page's tab (the page is brought to the front to find it). */
async function badgeOf(page) {
  await page.bringToFront();
  return env.browser.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.action.getBadgeText({ tabId: tab.id });
  });
}

describe('onboarding chip', () => {
  test('with no evidence yet, an Azure portal page says the connection is unknown and how to learn it', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(azureBladeUrls('Hunting')['view with encoded id']);
    const { text, title } = await chipIn(page, 'unknown');
    assert.equal(text, 'Sentinel connection unknown');
    assert.match(title, /Open the Defender portal's Home or System › Settings › Microsoft Sentinel, or sign in/);
    assert.equal(await badgeOf(page), '?');
    await page.close();
  });

  test("the Defender Home banner of a connected tenant makes it connected, then the SIEM workspaces table names the primary", async () => {
    const page = await env.browser.context.newPage();
    await page.goto(defender('/homepage', demo.tenant));
    const home = await chipIn(page, 'connected');
    assert.equal(home.text, 'Sentinel connected');
    assert.match(home.title, /Your unified SIEM and XDR is ready.*\(high confidence\)/);
    assert.equal(await badgeOf(page), '✓');

    await page.goto(defender('/sentinel/settings', demo.tenant));
    await page.locator('[data-wayfinder-state="connected"]', { hasText: 'primary contoso-sentinel' }).waitFor();
    const settings = await chipIn(page, 'connected');
    assert.equal(settings.text, 'Sentinel connected · primary contoso-sentinel');
    assert.match(settings.title, /SIEM workspaces table lists it as Primary \(Connected\).*\(high confidence\)\. 3 workspaces known\./);

    // What one page showed serves every page of the tenant, in the other portal too.
    const azure = await env.browser.context.newPage();
    await azure.goto(azureBladeUrls('Hunting')['tenant-prefixed view']);
    assert.equal((await chipIn(azure, 'connected')).text, 'Sentinel connected · primary contoso-sentinel');
    await azure.close();
    await page.close();
  });

  test('a tenant whose Home offers "Connect a workspace" is not connected; other tenants are unaffected', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(defender('/homepage', FABRIKAM));
    const { text, title } = await chipIn(page, 'not-connected');
    assert.equal(text, 'Sentinel not connected');
    assert.match(title, /Get your SIEM and XDR in one place/);
    assert.equal(await badgeOf(page), '!');
    await page.goto(defender('/incidents', demo.tenant));
    assert.equal((await chipIn(page, 'connected')).text, 'Sentinel connected · primary contoso-sentinel');
    await page.close();
  });

  test('a heading that only starts with the banner\'s words, or a second one, is not the banner', async () => {
    // Tenants the worker has no evidence for; their Home shows the default tenant's ready banner.
    const cases = [
      ['0b1c2d3e-4f50-4617-8829-3a4b5c6d7e8f', 'longer'],
      ['1c2d3e4f-5061-4728-9930-4b5c6d7e8f90', 'twice'],
    ];
    for (const [tenant, edit] of cases) {
      const page = await env.browser.context.newPage();
      await page.addInitScript((how) => {
        new MutationObserver((_, observer) => {
          const heading = [...document.querySelectorAll('h2')].find((h) => h.textContent === 'Your unified SIEM and XDR is ready');
          if (!heading) return;
          observer.disconnect();
          if (how === 'longer') heading.append(' for every tenant');
          else heading.after(heading.cloneNode(true));
        }).observe(document, { childList: true, subtree: true });
      }, edit);
      await page.goto(defender('/homepage', tenant));
      // The page's other reading (the navigation's Microsoft Sentinel section) is stored: the
      // readings were taken, and the banner was not among them.
      const evidence = await env.browser.worker.evaluate(async (key) => {
        for (;;) {
          const stored = (await chrome.storage.local.get(key))[key];
          if (stored && stored.sentinelNav) return stored;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }, `onboarding:evidence:${tenant}`);
      assert.equal(evidence.banner ?? null, null, `no banner evidence for ${tenant}`);
      assert.doesNotMatch(await chip(page).getAttribute('title'), /Your unified SIEM and XDR is ready/);
      await page.close();
    }
  });

  test('the chip comes back when the page removes it and carries text only', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(defender('/incidents', demo.tenant));
    await chipIn(page, 'connected');
    await page.evaluate(() => document.querySelector('[data-wayfinder-chip-host]').remove());
    await chipIn(page, 'connected');
    const markup = await chip(page).evaluate((e) => e.innerHTML);
    assert.equal(markup, 'Sentinel connected · primary contoso-sentinel');
    await page.close();
  });
});
