// The US Government clouds, once the user allowed them: the same overlays on GCC High's and
// DoD's Defender portals and on the Azure Government portal, with every link into the portals kept in the page's own cloud (a link
// to the commercial hosts would sign a government user into a tenant that does not exist there).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { azureBladeUrls, azureIncidentUrl, demo, overlay, tabIdOf } from '../support/browser.mjs';
import { useDemoBrowser } from '../support/fixture.mjs';

// As after the user allowed the US Government portals in options (government-switch.test.mjs
// covers the switch and a browser where they are not allowed).
const env = useDemoBrowser({ governmentAllowed: true });

const COMMERCIAL = /^https:\/\/((mto\.)?security\.microsoft\.com|portal\.azure\.com)([/?#]|$)/;
const GOVERNMENT = /^https:\/\/(security\.microsoft\.us|security\.apps\.mil|portal\.azure\.us)[/?#]/;
const SYNCED = 'a7d3e1f2-5b6c-4d8e-9f01-23456789abcd'; // Sentinel 118, Defender 3421

/** Every portal link the panel shows, as `{portal, href, text}`. */
async function panelLinks(page) {
  return overlay(page).locator('a[data-wayfinder-link]').evaluateAll((links) =>
    links.map((a) => ({ portal: a.dataset.wayfinderLink, href: a.getAttribute('href'), text: a.textContent })));
}

describe('US Government clouds', () => {
  test('GCC High: Sentinel Hunting shows its hint, linking to the Azure Government portal', async () => {
    const page = await env.browser.context.newPage();
    await page.goto('https://security.microsoft.us/sentinel/hunting');
    const hint = overlay(page).locator('[data-wayfinder-kind="hint"][data-wayfinder-id="hunting"]');
    await hint.waitFor();
    assert.match(await hint.innerText(), /Microsoft Sentinel > Threat management > Hunting/);
    const azure = await hint.locator('a[data-wayfinder-link="azure"]').getAttribute('href');
    assert.ok(azure.startsWith('https://portal.azure.us/#'), azure);
    const links = await panelLinks(page);
    assert.deepEqual(links.filter((l) => COMMERCIAL.test(l.href)), [], 'no link leaves the government cloud');
    await page.close();
  });

  test('DoD: a Defender incident gets its sync mark and card', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`https://security.apps.mil/incidents/3421?tid=${demo.tenant}`);
    const mark = page.locator('[data-wayfinder-kind="sync"][data-wayfinder-id="incident-sync"]:not([data-wayfinder-row])');
    await mark.and(page.locator('[data-wayfinder-state="synced"]')).waitFor();
    assert.equal(await mark.evaluate((m) => m.shadowRoot.textContent), '⇄ Synced with Sentinel (contoso-sentinel)');
    await overlay(page).locator('[data-wayfinder-kind="sync"][data-wayfinder-state="synced"]').waitFor();
    const links = (await panelLinks(page)).filter((l) => l.portal !== 'docs');
    assert.ok(links.length > 0, 'the panel links to the portals');
    assert.deepEqual(links.filter((l) => !GOVERNMENT.test(l.href)), [], 'every portal link stays in the government cloud');
    await page.close();
  });

  test('Azure Government: a Defender link goes to both government Defender portals, named by cloud', async () => {
    const page = await env.browser.context.newPage();
    const url = azureBladeUrls('Hunting')['view with encoded id'].replace('https://portal.azure.com/', 'https://portal.azure.us/');
    await page.goto(url);
    const hint = overlay(page).locator('[data-wayfinder-kind="hint"][data-wayfinder-id="hunting"]');
    await hint.waitFor();
    const defender = await hint.locator('a[data-wayfinder-link="defender"]').evaluateAll((links) =>
      links.map((a) => [a.getAttribute('href'), a.textContent]));
    const path = `/sentinel/${demo.subscription}/${demo.resourceGroup}/${demo.workspace}/hunting`;
    assert.deepEqual(defender, [
      [`https://security.microsoft.us${path}`, 'Open in the Defender portal (GCC High)'],
      [`https://security.apps.mil${path}`, 'Open in the Defender portal (DoD)'],
    ]);
    const retirement = overlay(page).locator('[data-wayfinder-kind="retirement"]');
    assert.match(await retirement.innerText(), /31 March 2027/);
    const links = await panelLinks(page);
    assert.deepEqual(links.filter((l) => COMMERCIAL.test(l.href)), [], 'no link leaves the government cloud');
    // Workspace manager's Defender counterpart is in multitenant management, which has no known
    // government host: the hint says where it is, without a link to the commercial portal.
    await page.locator('[data-telemetryname="Menu-WorkspaceManager"]').click();
    const manager = overlay(page).locator('[data-wayfinder-kind="hint"][data-wayfinder-id="workspace-manager"]');
    await manager.waitFor();
    assert.deepEqual((await panelLinks(page)).filter((l) => COMMERCIAL.test(l.href)), [], 'no link to the commercial multitenant portal');
    await page.close();
  });

  test('Azure Government: a synced incident links to its twin on the host the page names', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(azureIncidentUrl(SYNCED, { host: 'portal.azure.us' }));
    const card = overlay(page).locator('[data-wayfinder-kind="sync"][data-wayfinder-state="synced"]');
    await card.waitFor();
    const twin = card.locator('a[data-wayfinder-link="defender"]');
    assert.equal(await twin.getAttribute('href'), `https://security.microsoft.us/incidents/3421?tid=${demo.tenant}`);
    await page.close();
  });

  test('the popup on a government tab links there, and says why it offers no sign-in', async () => {
    await env.browser.worker.evaluate(async (tenant) => {
      await chrome.storage.sync.set({ settings: { signIn: { tenant, clientId: '2c4f6a8b-1d3e-4f50-9a7b-8c9d0e1f2a3b' } } });
    }, demo.tenant);
    const popupFor = async (url) => {
      const page = await env.browser.context.newPage();
      await page.goto(url);
      await overlay(page).locator('[data-wayfinder-kind="hint"]').first().waitFor();
      const tabId = await tabIdOf(env.browser.worker, page);
      const popup = await env.browser.context.newPage();
      await popup.goto(`${env.browser.extensionOrigin}/popup.html#tab=${tabId}`);
      const panel = popup.locator('section[aria-label="Onboarding status"]');
      await panel.locator('[data-wayfinder-tenant-view]').waitFor();
      return { page, popup, panel };
    };

    // The same page in the commercial cloud offers the sign-in.
    const commercial = await popupFor(`https://security.microsoft.com/sentinel/hunting?tid=${demo.tenant}`);
    await commercial.panel.getByRole('button', { name: 'Sign in and read Azure' }).waitFor();
    assert.equal(await commercial.panel.locator('[data-wayfinder-cloud]').count(), 0);
    await commercial.popup.close();
    await commercial.page.close();

    const gov = await popupFor(`https://security.microsoft.us/sentinel/hunting?tid=${demo.tenant}`);
    assert.match(await gov.panel.locator('[data-wayfinder-cloud="government"]').innerText(), /commercial cloud only/);
    assert.equal(await gov.panel.getByRole('button', { name: 'Sign in and read Azure' }).count(), 0);
    await gov.popup.locator('#wf-search-input').fill('hunting');
    const hit = gov.popup.locator('[role="option"]').first();
    await hit.waitFor();
    // The active result's links sit under the list.
    const hrefs = await gov.popup.locator('.wf-hit-links a[data-wayfinder-link]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    assert.ok(hrefs[0].startsWith('https://security.microsoft.us/'), hrefs.join(' '));
    assert.ok(hrefs[1].startsWith('https://portal.azure.us/'), hrefs.join(' '));
    await gov.popup.close();
    await gov.page.close();
  });

  test('options show the switch on', async () => {
    const options = await env.browser.context.newPage();
    await options.goto(`${env.browser.extensionOrigin}/options.html`);
    const box = options.locator('fieldset.wf-government input[name="government-portals"]');
    await box.waitFor();
    await options.waitForFunction(() => document.querySelector('fieldset.wf-government input')?.checked === true);
    await options.close();
  });
});
