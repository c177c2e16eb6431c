// "Where is …?" in the popup: what users type finds the right Sentinel feature first, with both
// portal locations and a working link, and the search works from the keyboard alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useDemoBrowser } from '../support/fixture.mjs';

const env = useDemoBrowser();

// Query → the catalog id that must come first (the words trainers and analysts use).
const FIRST_HITS = [
  ['bookmarks', 'hunting'],
  ['logs', 'logs'],
  ['KQL', 'logs'],
  ['fusion', 'fusion'],
  ['workspace manager', 'workspace-manager'],
  ['playbooks', 'automation'],
  ['ueba', 'entity-behavior'],
  ['iocs', 'threat-intelligence'],
  ['intel management', 'threat-intelligence'],
  ['tasks', 'incident-tasks'],
  ['mitre', 'mitre-attack'],
  ['solutions', 'content-hub'],
  ['watchlist', 'watchlists'],
  ['connectors', 'data-connectors'],
  ['custom detection', 'analytics'],
  ['lighthouse', 'multitenant'],
  ['jupyter', 'notebooks'],
  ['edit comment', 'incident-comment-edit'],
  ['primary workspace', 'settings'],
  ['wrkbooks', 'workbooks'],
];

async function openPopup() {
  const popup = await env.browser.context.newPage();
  await popup.goto(`${env.browser.extensionOrigin}/popup.html`);
  await popup.locator('#wf-search-input').waitFor();
  return popup;
}

const firstHit = (popup) => popup.locator('[role="option"]').first();

test(`${FIRST_HITS.length} common words each find the right feature first`, async () => {
  const popup = await openPopup();
  const box = popup.locator('#wf-search-input');
  for (const [query, expected] of FIRST_HITS) {
    await box.fill(query);
    await popup.locator('[role="listbox"]').waitFor();
    assert.equal(await firstHit(popup).getAttribute('data-wayfinder-id'), expected, `query "${query}"`);
  }
  await popup.close();
});

test('a result shows both locations and links to the Defender portal', async () => {
  const popup = await openPopup();
  await popup.locator('#wf-search-input').fill('kql');
  const hit = firstHit(popup);
  await hit.waitFor();
  assert.equal(await hit.locator('[data-wayfinder-location="azure"]').innerText(), 'Microsoft Sentinel > General > Logs');
  assert.equal(
    await hit.locator('[data-wayfinder-location="defender"]').innerText(),
    'Investigation & response > Hunting > Advanced hunting',
  );
  // The active result's links sit under the list (an option holds no links), in the tab order.
  assert.equal(
    await popup.locator('.wf-hit-links a[data-wayfinder-link="defender"]').getAttribute('href'),
    'https://security.microsoft.com/v2/advanced-hunting',
  );
  assert.equal(await hit.locator('a').count(), 0);
  assert.match(await hit.innerText(), /matches “kql”/);
  await popup.close();
});

test('older locations are shown and searchable', async () => {
  const popup = await openPopup();
  await popup.locator('#wf-search-input').fill('threat management threat intelligence');
  const hit = firstHit(popup);
  await hit.waitFor();
  assert.equal(await hit.getAttribute('data-wayfinder-id'), 'threat-intelligence');
  assert.match(await hit.innerText(), /Also: earlier location \(2025 docs\): Microsoft Sentinel > Threat management > Threat intelligence/);
  await popup.close();
});

test('nothing matching says so instead of showing nothing', async () => {
  const popup = await openPopup();
  await popup.locator('#wf-search-input').fill('zzqqxx');
  await popup.locator('.wf-search [role="status"]').waitFor();
  assert.match(await popup.locator('.wf-search [role="status"]').innerText(), /No Sentinel feature matches “zzqqxx”/);
  await popup.close();
});

test('keyboard only: focus starts in the box, arrows move, Enter opens, Escape clears then closes', async () => {
  const popup = await openPopup();
  assert.equal(await popup.evaluate(() => document.activeElement?.id), 'wf-search-input', 'the box has focus on open');
  await popup.keyboard.type('hunting');
  await popup.locator('[role="listbox"]').waitFor();
  const box = popup.locator('#wf-search-input');
  assert.equal(await box.getAttribute('aria-activedescendant'), 'wf-hit-0');
  await popup.keyboard.press('ArrowDown');
  assert.equal(await box.getAttribute('aria-activedescendant'), 'wf-hit-1');
  assert.equal(await popup.locator('#wf-hit-1').getAttribute('aria-selected'), 'true');
  await popup.keyboard.press('ArrowUp');
  assert.equal(await box.getAttribute('aria-activedescendant'), 'wf-hit-0');
  const expected = await popup.locator('.wf-hit-links a[data-wayfinder-link="defender"]').getAttribute('href');

  const opened = env.browser.context.waitForEvent('page');
  await popup.keyboard.press('Enter');
  const tab = await opened;
  await tab.waitForLoadState('domcontentloaded');
  assert.equal(tab.url(), expected);
  await tab.close();

  await popup.keyboard.press('Escape');
  assert.equal(await box.inputValue(), '', 'the first Escape clears the box');
  assert.equal(await popup.locator('[role="listbox"]').count(), 0);
  // The second Escape closes the popup while the key press is still being dispatched.
  await Promise.all([popup.waitForEvent('close'), popup.keyboard.press('Escape').catch(() => {})]);
});

test('a keyboard shortcut opens the popup', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(`${env.browser.extensionOrigin}/options.html`);
  const commands = await page.evaluate(() => chrome.commands.getAll());
  const action = commands.find((c) => c.name === '_execute_action');
  assert.ok(action, JSON.stringify(commands));
  assert.equal(action.shortcut, 'Alt+Shift+S');
  await page.close();
});

test("keyboard only: Tab from the box reaches the active result's link, Shift+Tab comes back", async () => {
  const popup = await openPopup();
  await popup.keyboard.type('kql');
  await firstHit(popup).waitFor();
  const focused = () => popup.evaluate(() => document.activeElement?.getAttribute('href'));
  await popup.keyboard.press('Tab');
  assert.equal(await focused(), 'https://security.microsoft.com/v2/advanced-hunting');
  await popup.keyboard.press('Shift+Tab');
  assert.equal(await popup.evaluate(() => document.activeElement?.id), 'wf-search-input');
  await popup.close();
});
