// What the worker trusts is out of a portal page's reach: the policy copy, the app registration
// and the onboarding evidence live in local and sync storage, which the worker closes to content
// scripts. A compromised portal renderer runs code with the content script's powers; here that
// code runs in the content script's own world (through the DevTools protocol) and tries to forge
// trainer mode by policy, a multi-tenant app registration and a "connected" tenant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { azureBladeUrls, demo } from '../support/browser.mjs';
import { useDemoBrowser } from '../support/fixture.mjs';

const env = useDemoBrowser();
const HUNTING = azureBladeUrls('Hunting')['view with encoded id'];
const FORGED_CLIENT = '00000000-1111-4222-8333-444444444444';

/** Runs `expression` in the content script's isolated world of `page`, which is at `url`. */
async function inContentScript(page, url, expression) {
  const cdp = await env.browser.context.newCDPSession(page);
  const worlds = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
  await cdp.send('Runtime.enable');
  await page.goto(url);
  await page.locator('[data-wayfinder-id="onboarding-status"]').waitFor();
  const world = worlds.findLast((c) => c.auxData?.type === 'isolated' && c.name === 'SecOps Wayfinder' && c.auxData?.frameId);
  assert.ok(world, 'the content script runs in its isolated world');
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true });
  await cdp.detach();
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value;
}

test('a content script can neither write nor read what the worker trusts', async () => {
  const page = await env.browser.context.newPage();
  const outcome = await inContentScript(
    page,
    HUNTING,
    `(async () => {
      const attempt = (p) => p.then(() => 'written', (e) => 'refused: ' + e.message);
      return {
        policy: await attempt(chrome.storage.local.set({ policy: { trainer: true } })),
        evidence: await attempt(chrome.storage.local.set({ 'onboarding:view:home': { chip: { state: 'connected', label: 'Sentinel connected', title: 'forged' } } })),
        app: await attempt(chrome.storage.sync.set({ settings: { signIn: { tenant: 'organizations', clientId: '${FORGED_CLIENT}' } } })),
        read: await attempt(chrome.storage.local.get(null)),
      };
    })()`,
  );
  for (const [what, result] of Object.entries(outcome)) assert.match(result, /^refused: Access to storage is not allowed from this context/, what);

  // What the worker enforces and shows is unchanged.
  await page.reload();
  const chip = page.locator('[data-wayfinder-id="onboarding-status"]');
  await chip.waitFor();
  assert.equal(await chip.getAttribute('data-wayfinder-state'), 'unknown');
  await page.waitForTimeout(1000);
  assert.equal(await page.locator('[data-wayfinder-kind="trainer"]').count(), 0, 'no trainer labels');
  const stored = await env.browser.worker.evaluate(async () => ({
    local: await chrome.storage.local.get(['policy', 'onboarding:view:home']),
    sync: await chrome.storage.sync.get('settings'),
  }));
  assert.notEqual(stored.local.policy?.trainer, true);
  assert.notEqual(stored.local['onboarding:view:home']?.chip?.state, 'connected');
  assert.notEqual(stored.sync.settings?.signIn?.clientId, FORGED_CLIENT);
  await page.close();
});

test('the chip and the plan still follow the worker, by its messages', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(HUNTING);
  await page.locator('[data-wayfinder-id="onboarding-status"][data-wayfinder-state="unknown"]').waitFor();
  // Trainer mode switched on in the popup's storage area (an extension page may): the page re-plans.
  await env.browser.worker.evaluate(() => chrome.storage.sync.set({ settings: { trainer: true } }));
  await page.locator('[data-wayfinder-kind="trainer"]').first().waitFor();
  await env.browser.worker.evaluate(() => chrome.storage.sync.remove('settings'));
  await page.locator('[data-wayfinder-kind="trainer"]').first().waitFor({ state: 'detached' });
  await page.close();
});

test('a page that pushes 300 tenant ids into its URL leaves at most 50 stored tenants', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(`https://security.microsoft.com/homepage?tid=${demo.tenant}`);
  await page.locator('[data-wayfinder-id="onboarding-status"][data-wayfinder-state="connected"]').waitFor();
  await page.evaluate(() => {
    for (let i = 0; i < 300; i += 1) {
      const tid = i % 2 ? crypto.randomUUID() : `tenant-${i}.example`;
      history.pushState({}, '', `/homepage?tid=${tid}`);
    }
  });
  await page.waitForTimeout(3000); // past the readers' grace period: every reading was sent
  const stored = await env.browser.worker.evaluate(async () => {
    const all = await chrome.storage.local.get(null);
    return { keys: Object.keys(all).filter((k) => k.startsWith('onboarding:')), tenants: all['onboarding:tenants'] ?? [] };
  });
  const tenants = new Set(stored.keys.filter((k) => k !== 'onboarding:tenants').map((k) => k.split(':')[2]));
  assert.ok(tenants.size <= 50, `${tenants.size} tenants stored`);
  assert.ok(stored.tenants.length <= 50);
  assert.ok(tenants.has(demo.tenant), 'the tenant the page was loaded for keeps its evidence');
  await page.close();
});

test('full storage: the popup says so, and nothing already stored is lost', async () => {
  const home = await env.browser.context.newPage();
  await home.goto(`https://security.microsoft.com/homepage?tid=${demo.tenant}`);
  await home.locator('[data-wayfinder-id="onboarding-status"][data-wayfinder-state="connected"]').waitFor();
  await home.close();
  const evidenceKey = `onboarding:evidence:${demo.tenant}`;
  const before = await env.browser.worker.evaluate(async (key) => (await chrome.storage.local.get(key))[key], evidenceKey);
  assert.ok(before, 'the Home page left its evidence');
  // Fill local storage to a few bytes under its quota, as years of use or a bug elsewhere could.
  // Chromium counts a value as its key's length plus its JSON's; the filler leaves no room for
  // even the smallest record.
  await env.browser.worker.evaluate(async () => {
    const used = await chrome.storage.local.getBytesInUse(null);
    const room = chrome.storage.local.QUOTA_BYTES - used - 'filler'.length - 2;
    await chrome.storage.local.set({ filler: 'x'.repeat(room - 1) });
  });
  // The SIEM workspaces page has news for the tenant's evidence: its write fails.
  const settings = await env.browser.context.newPage();
  await settings.goto(`https://security.microsoft.com/sentinel/settings?tid=${demo.tenant}`);
  const popup = await env.browser.context.newPage();
  await popup.goto(`${env.browser.extensionOrigin}/popup.html`);
  const note = popup.getByRole('alert').filter({ hasText: "The browser's storage for SecOps Wayfinder is full" });
  await note.waitFor();
  assert.match(await note.textContent(), /Everything saved before is kept\.$/);
  const after = await env.browser.worker.evaluate(async (key) => (await chrome.storage.local.get(key))[key], evidenceKey);
  assert.deepEqual(after, before, 'the stored evidence is as it was');
  // Space again: the next write succeeds, and the note goes.
  await env.browser.worker.evaluate(() => chrome.storage.local.remove('filler'));
  await settings.reload();
  await note.waitFor({ state: 'detached' });
  await settings.close();
  await popup.close();
});
