// Incident sync indicators: on incident pages of both portals the mark next to the title and
// the panel's sync card say what the page shows (synced with a twin link, Sentinel only,
// created by hand, Defender only, unknown with its reason), with the lag, the 150-alert cap and
// the verify query; queue rows get a badge only where the row tells.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { azureBladeUrls, azureIncidentUrl, demo, overlay } from '../support/browser.mjs';
import { useDemoBrowser } from '../support/fixture.mjs';

const env = useDemoBrowser();

const FABRIKAM = '9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4';
const defender = (path, tenant = demo.tenant) => `https://security.microsoft.com${path}?tid=${tenant}`;

const INCIDENT = {
  synced: 'a7d3e1f2-5b6c-4d8e-9f01-23456789abcd', // 118 ↔ Defender 3421, changed 2 minutes ago
  capped: 'f2b8d6e7-9a0b-4c1d-8e2f-6789abcdef01', // 117 ↔ Defender 3422, 163 alerts, changed 2 hours ago
  sentinelOnly: 'b8e4f2a3-6c7d-4e9f-a012-3456789abcde', // 119
  manual: 'c9f5a3b4-7d8e-4fa0-b123-456789abcdef', // 120
};

const pageMark = (page) => page.locator('[data-wayfinder-kind="sync"][data-wayfinder-id="incident-sync"]:not([data-wayfinder-row])');
const card = (page) => overlay(page).locator('[data-wayfinder-kind="sync"][data-wayfinder-id="incident-sync"]');

/** Opens `url` and waits until the page mark and the panel card both show `state`. */
async function openIncident(url, state) {
  const page = await env.browser.context.newPage();
  await page.goto(url);
  await pageMark(page).and(page.locator(`[data-wayfinder-state="${state}"]`)).waitFor();
  await card(page).and(overlay(page).locator(`[data-wayfinder-state="${state}"]`)).waitFor();
  return page;
}

const markText = (page) => pageMark(page).evaluate((m) => m.shadowRoot.textContent);

describe('incident pages', () => {
  test('an XDR-synced incident in the Azure portal links to its Defender twin, changed 2 minutes ago', async () => {
    const page = await openIncident(azureIncidentUrl(INCIDENT.synced), 'synced');
    assert.equal(await markText(page), '⇄ Synced with Defender incident 3421');
    const placed = await pageMark(page).evaluate((m) => m.previousElementSibling.matches('.fxs-blade-title-titleText'));
    assert.ok(placed, 'the mark follows the blade title');
    const twin = card(page).locator('a[data-wayfinder-link="defender"]');
    assert.equal(await twin.getAttribute('href'), `https://security.microsoft.com/incidents/3421?tid=${demo.tenant}`);
    assert.equal(await twin.textContent(), 'Open Defender incident 3421');
    const lag = card(page).locator('.wf-sync-lag');
    assert.equal(await lag.getAttribute('data-lag'), 'pending');
    assert.match(await lag.textContent(), /^Changed 2 minutes ago: the other portal may not show it yet/);
    assert.equal(await card(page).locator('.wf-sync-cap').count(), 0, 'no cap below 150 alerts');
    assert.equal(await card(page).locator('.wf-sync-arm').count(), 0, 'no Azure Resource Manager line without a sign-in');
    await page.close();
  });

  test('the same incident in the Defender portal names its workspace and its verify query', async () => {
    const page = await openIncident(defender('/incidents/3421'), 'synced');
    assert.equal(await markText(page), '⇄ Synced with Sentinel (contoso-sentinel)');
    assert.equal(await card(page).locator('.wf-sync-lag').getAttribute('data-lag'), 'pending');
    assert.match(await card(page).locator('.wf-sync-twin-note').textContent(), /IncidentUrl/);
    assert.match(await card(page).locator('.wf-kql').textContent(), /\| where ProviderIncidentId == "3421"/);
    const rules = card(page).locator('.wf-sync-rules');
    await rules.locator('summary').click();
    assert.match(await rules.locator('li[data-way="no"]').first().textContent(), /^Comment edits: Does not sync\./);
    assert.match(await rules.textContent(), /Status: Defender 'Active' = Sentinel 'New'/);
    await page.close();
  });

  test('more than 150 alerts, changed 2 hours ago, from both portals', async () => {
    for (const url of [azureIncidentUrl(INCIDENT.capped), defender('/incidents/3422')]) {
      const page = await openIncident(url, 'synced');
      assert.match(await card(page).locator('.wf-sync-cap').textContent(), /at most 150/);
      const lag = card(page).locator('.wf-sync-lag');
      assert.equal(await lag.getAttribute('data-lag'), 'settled', url);
      assert.match(await lag.textContent(), /^Last changed 2 hours ago/);
      await page.close();
    }
  });

  test('a second "Investigate in Microsoft Defender XDR" link makes the twin unknown, never "synced"', async () => {
    const page = await openIncident(azureIncidentUrl(INCIDENT.synced), 'synced');
    // A comment that carries the same words and a link to another Defender incident, as a
    // person (or an alert's text) could post one.
    await page.evaluate(() => {
      const comment = document.createElement('li');
      comment.className = 'demo-comment';
      const link = document.createElement('a');
      link.href = 'https://security.microsoft.com/incidents/9999';
      link.textContent = 'Investigate in Microsoft Defender XDR';
      comment.append(link);
      document.querySelector('.fxs-blade-title-titleText').closest('section, main, body').append(comment);
    });
    await pageMark(page).and(page.locator('[data-wayfinder-state="unknown"]')).waitFor();
    await card(page).and(overlay(page).locator('[data-wayfinder-state="unknown"]')).waitFor();
    assert.match(await card(page).locator('.wf-sync-evidence').textContent(), /more than one 'Investigate in Microsoft Defender XDR' link/);
    assert.equal(await card(page).locator('a[data-wayfinder-link="defender"]').count(), 0, 'no twin link to either');
    await page.close();
  });

  test('a Sentinel-only incident has no twin', async () => {
    const page = await openIncident(azureIncidentUrl(INCIDENT.sentinelOnly), 'sentinel-only');
    assert.equal(await markText(page), 'Sentinel only: not in the Defender portal');
    assert.equal(await card(page).locator('a[data-wayfinder-link="defender"]').count(), 0);
    assert.match(await card(page).locator('.wf-sync-evidence').textContent(), /no 'Investigate in Microsoft Defender XDR' link/);
    assert.equal(await card(page).locator('.wf-sync-lag').count(), 0);
    await page.close();
  });

  test('an incident created by hand in the Azure portal is not synced', async () => {
    const page = await openIncident(azureIncidentUrl(INCIDENT.manual), 'created-in-azure');
    assert.equal(await markText(page), 'Not synced: created in the Azure portal');
    assert.match(await card(page).locator('.wf-sync-evidence').textContent(), /no alerts/);
    await page.close();
  });

  test('a Defender incident in a tenant without Sentinel is unknown, with the reason', async () => {
    const page = await openIncident(defender('/incidents/1207', FABRIKAM), 'unknown');
    assert.equal(await markText(page), 'Sync state unknown');
    assert.match(await card(page).textContent(), /Defender XDR connector in the Azure portal/);
    await page.close();
  });

  test("a changed portal DOM shows \"can't read this view\", never a guess", async () => {
    const page = await env.browser.context.newPage();
    await page.goto(azureIncidentUrl(INCIDENT.sentinelOnly));
    await page.locator('.ext-details-header-subtitle').waitFor();
    // The portal renames its markup: the incident number is no longer where the catalog says.
    await page.evaluate(() => document.querySelectorAll('.ext-details-header-subtitle').forEach((e) => e.classList.remove('ext-details-header-subtitle')));
    await card(page).and(overlay(page).locator('[data-wayfinder-state="unknown"]')).waitFor();
    assert.match(await card(page).textContent(), /Can't read this view: the incident's details are not where expected/);
    await page.close();
  });

  test('Copy verify query puts the query on the clipboard', async () => {
    const page = await openIncident(azureIncidentUrl(INCIDENT.synced), 'synced');
    await card(page).locator('button[name="copy-verify-query"]').click();
    await overlay(page).getByRole('status').filter({ hasText: 'Copied.' }).waitFor();
    // Paste it where an analyst would: into a text box.
    await page.evaluate(() => {
      const box = document.createElement('textarea');
      box.id = 'paste-target';
      document.body.prepend(box);
    });
    await page.locator('#paste-target').focus();
    await page.keyboard.press('Control+V');
    const pasted = await page.locator('#paste-target').inputValue();
    assert.match(pasted, new RegExp(`^SecurityIncident\n\\| where IncidentName == "${INCIDENT.synced}"`));
    await page.close();
  });
});

describe('queue badges', () => {
  const badges = (page) =>
    page.locator('[data-wayfinder-kind="sync"][data-wayfinder-row]').evaluateAll((marks) =>
      Object.fromEntries(marks.map((m) => [m.getAttribute('data-wayfinder-row'), [m.getAttribute('data-wayfinder-state'), m.shadowRoot.textContent]])),
    );

  test('Azure incidents queue: synced past the cap, not synced without alerts, nothing otherwise', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(azureBladeUrls('Incidents')['view with encoded id']);
    await page.locator('[data-wayfinder-row="120"]').waitFor();
    await page.locator('[data-wayfinder-row="117"]').waitFor();
    assert.deepEqual(await badges(page), { 117: ['synced', 'Synced'], 120: ['created-in-azure', 'Not synced'] });
    const inTitle = await page.locator('[data-wayfinder-row="117"]').evaluate((m) => m.closest('.fxc-gc-cell').textContent);
    assert.match(inTitle, /Suspicious sign-in activity/, 'the badge sits in the title cell');
    await page.close();
  });

  test('Defender incidents queue: synced where the row names a workspace', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(defender('/incidents'));
    await page.locator('[data-wayfinder-row="3421"]').waitFor();
    const shown = await badges(page);
    assert.deepEqual(Object.keys(shown).sort(), ['3415', '3419', '3421', '3422']);
    assert.ok(Object.values(shown).every(([state]) => state === 'synced'));
    assert.match(await page.locator('[data-wayfinder-row="3419"]').getAttribute('title'), /contoso-sentinel-eu/);

    // The grid streams in another row, and the page changes elsewhere all the while: the new
    // row gets its badge.
    await page.evaluate(() => {
      const row = document.querySelector('.ms-DetailsRow');
      const copy = /** @type {Element} */ (row.cloneNode(true));
      for (const mark of copy.querySelectorAll('[data-wayfinder-kind]')) mark.remove();
      copy.querySelector('[data-automation-key="incidentId"]').textContent = '3430';
      copy.querySelector('[data-automation-key="workspace"]').textContent = 'contoso-sentinel';
      const ticker = document.createElement('div');
      document.body.append(ticker);
      window.__ticker = setInterval(() => ticker.replaceChildren(String(Date.now())), 30);
      setTimeout(() => row.parentElement.append(copy), 200);
    });
    await page.locator('[data-wayfinder-row="3430"][data-wayfinder-state="synced"]').waitFor();
    await page.evaluate(() => clearInterval(window.__ticker));
    await page.close();
  });

  test("an incident opened from the Defender queue gets its mark (the portal's own route change)", async () => {
    // Chromium keeps the content script's first URL as the sender's URL through pushState, so
    // the readings must say which page they are from (found by the soak, docs/soak.md).
    const page = await env.browser.context.newPage();
    await page.goto(defender('/incidents'));
    await page.locator('[data-wayfinder-row="3421"]').waitFor();
    await page.evaluate(() => { window.__noReload = true; });
    await page.locator('a[href*="/incidents/3421"]').first().click();
    await pageMark(page).and(page.locator('[data-wayfinder-state="synced"]')).waitFor();
    assert.equal(await markText(page), '⇄ Synced with Sentinel (contoso-sentinel)');
    assert.equal(await page.evaluate(() => window.__noReload), true, 'no reload happened');
    await page.close();
  });

  test('Defender queue of a tenant without Sentinel: no badge rather than a guess', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(defender('/incidents', FABRIKAM));
    await page.locator('.ms-DetailsRow').first().waitFor();
    // The worker has answered this page's readings once its sync view is stored.
    await page.bringToFront();
    await env.browser.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      const key = `sync:${tab.id}`;
      while (!(await chrome.storage.session.get(key))[key]) await new Promise((r) => setTimeout(r, 50));
    });
    assert.deepEqual(await badges(page), {});
    // The readings are live: once the row names a workspace, it gets its badge.
    await page.evaluate(() => { document.querySelector('.ms-DetailsRow [data-automation-key="workspace"]').textContent = 'fabrikam-sentinel'; });
    await page.locator('[data-wayfinder-row="1207"][data-wayfinder-state="synced"]').waitFor();
    await page.close();
  });
});
