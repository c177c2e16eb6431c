// Sync confirmed by Azure Resource Manager: once the user has signed in for the onboarding
// checks, the sync card of an Azure-portal incident page reads the incident from the demo's ARM
// and says whether ARM confirms it (with the exact twin link), or why it could not tell. The
// page's own answer and evidence stay: ARM upgrades them, it never wipes them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { azureIncidentUrl, demo, overlay } from '../support/browser.mjs';
import { useDemoBrowser } from '../support/fixture.mjs';

const env = useDemoBrowser();

const CLIENT_ID = '2c4f6a8b-1d3e-4f50-9a7b-8c9d0e1f2a3b';
const card = (page) => overlay(page).locator('[data-wayfinder-kind="sync"][data-wayfinder-id="incident-sync"]');
const armLine = (page) => card(page).locator('.wf-sync-arm');
const NO_XDR_LINK = /no 'Investigate in Microsoft Defender XDR' link/;

/** Opens an incident page and waits until its sync card shows `state` and ARM's line `arm`. */
async function openConfirmed(url, arm, state) {
  const page = await env.browser.context.newPage();
  await page.goto(url);
  await card(page).and(overlay(page).locator(`[data-wayfinder-state="${state}"]`)).locator(`.wf-sync-arm[data-arm="${arm}"]`).waitFor();
  return page;
}

async function signIn() {
  await env.browser.worker.evaluate(async (app) => {
    await chrome.storage.local.remove(['onboarding:evidence:home', 'onboarding:arm:home', 'onboarding:view:home']);
    await chrome.storage.sync.set({ settings: { signIn: app } });
  }, { tenant: demo.tenant, clientId: CLIENT_ID });
  const popup = await env.browser.context.newPage();
  await popup.goto(`${env.browser.extensionOrigin}/popup.html`);
  const panel = popup.locator('section[aria-label="Onboarding status"]');
  const signInWindow = env.browser.context.waitForEvent('page');
  await panel.getByRole('button', { name: 'Sign in and read Azure' }).click();
  const login = await signInWindow;
  await login.getByRole('button', { name: 'megan.bowen@contoso.onmicrosoft.com' }).click();
  await panel.locator('[data-wayfinder-arm="read"]').waitFor({ timeout: 30_000 });
  return popup;
}

describe('sync confirmed by Azure Resource Manager', () => {
  let popup;
  before(async () => {
    popup = await signIn();
  });
  after(async () => {
    const panel = popup.locator('section[aria-label="Onboarding status"]');
    await panel.getByRole('button', { name: 'Sign out' }).click();
    await panel.locator('[data-wayfinder-arm="signed-out"]').waitFor();
    await popup.close();
  });

  test('an XDR incident is confirmed synchronized, with the twin link ARM gives', async () => {
    const page = await openConfirmed(azureIncidentUrl('a7d3e1f2-5b6c-4d8e-9f01-23456789abcd'), 'confirmed', 'synced');
    assert.equal(await card(page).locator('.wf-title').textContent(), 'Synchronized (confirmed by Azure Resource Manager)');
    assert.equal(await armLine(page).textContent(), 'Confirmed by Azure Resource Manager.');
    const twin = card(page).locator('a[data-wayfinder-link="defender"]');
    assert.equal(await twin.getAttribute('href'), `https://security.microsoft.com/incidents/3421?tid=${demo.tenant}`);
    const evidence = await card(page).locator('.wf-sync-evidence li').allTextContents();
    assert.match(evidence.join('\n'), /Azure reports its provider as 'Microsoft XDR'/);
    assert.match(evidence.join('\n'), /providerIncidentUrl/);
    await page.close();
  });

  test('Azure-only incidents: created by hand, and Sentinel\'s own', async () => {
    const manual = await openConfirmed(azureIncidentUrl('c9f5a3b4-7d8e-4fa0-b123-456789abcdef'), 'confirmed', 'created-in-azure');
    assert.match(await card(manual).locator('.wf-title').textContent(), /^Not synchronized: created in the Azure portal or by API/);
    assert.equal(
      await manual.locator('[data-wayfinder-kind="sync"]:not([data-wayfinder-row])').evaluate((m) => m.shadowRoot.textContent),
      'Not synced: created in the Azure portal or by API',
    );
    assert.equal(await card(manual).locator('a[data-wayfinder-link="defender"]').count(), 0);
    await manual.close();
    const own = await openConfirmed(azureIncidentUrl('b8e4f2a3-6c7d-4e9f-a012-3456789abcde'), 'confirmed', 'sentinel-only');
    assert.match(await card(own).locator('.wf-title').textContent(), /^Sentinel only: not synchronized \(confirmed by Azure Resource Manager\)/);
    assert.match(await card(own).locator('.wf-sync-evidence').textContent(), NO_XDR_LINK, 'the page evidence stays');
    await own.close();
  });

  test('more than 150 alerts: ARM confirms it, and the cap is said', async () => {
    const page = await openConfirmed(azureIncidentUrl('f2b8d6e7-9a0b-4c1d-8e2f-6789abcdef01'), 'confirmed', 'synced');
    assert.match(await card(page).locator('.wf-sync-cap').textContent(), /at most 150/);
    assert.equal(
      await card(page).locator('a[data-wayfinder-link="defender"]').getAttribute('href'),
      `https://security.microsoft.com/incidents/3422?tid=${demo.tenant}`,
    );
    await page.close();
  });

  test("a view the page can't read is decided by ARM", async () => {
    const page = await env.browser.context.newPage();
    await page.goto(azureIncidentUrl('b8e4f2a3-6c7d-4e9f-a012-3456789abcde'));
    await page.locator('.ext-details-header-subtitle').waitFor();
    // The portal renames its markup: the page alone can no longer tell (see the sync test).
    await page.evaluate(() => document.querySelectorAll('.ext-details-header-subtitle').forEach((e) => e.classList.remove('ext-details-header-subtitle')));
    await card(page).and(overlay(page).locator('[data-wayfinder-state="sentinel-only"]')).locator('.wf-sync-arm[data-arm="decided"]').waitFor();
    assert.match(await armLine(page).textContent(), /^The page does not show enough to tell; Azure Resource Manager does\.$/);
    await page.close();
  });

  // [incident name suffix, what ARM answers, the words of the clear state]
  const failures = [
    ['401', '401', /^Azure Resource Manager could not confirm it: Azure did not accept your sign-in/],
    ['403', '403', /lacks permission on this incident/],
    ['404', '404 (no such incident)', /could not find this incident/],
    ['429', '429 with Retry-After: 2', /throttling requests; retrying in 2 s/],
    ['500', '500', /server error \(HTTP 500\)/],
    ['bad', 'a truncated body', /sent a response we could not read/],
  ];
  for (const [suffix, answer, words] of failures) {
    test(`ARM answers ${answer}: the card says why, and keeps the page's answer`, async () => {
      // The page's evidence still decides: Sentinel's own incident (no Defender XDR link).
      const page = await openConfirmed(azureIncidentUrl(`3c1e9a40-7b2d-4e51-9a01-5d6e7f800${suffix}`, { workspace: 'contoso-sentinel-apac' }), 'failed', 'sentinel-only');
      assert.match(await armLine(page).textContent(), words);
      assert.match(await card(page).locator('.wf-sync-evidence').textContent(), NO_XDR_LINK);
      await page.close();
    });
  }
});
