// Onboarding status with sign-in: the user's app registration is entered in options, the popup
// signs in through chrome.identity.launchWebAuthFlow against the demo's Entra sign-in page, the
// worker reads the demo's ARM endpoints, and the popup shows the tenant view with its checklist.
// One demo account per scenario of issue 6 (docs/onboarding-arm.md lists them); each test signs
// out at its end, so every sign-in is a real one.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demo } from '../support/browser.mjs';
import { useDemoBrowser } from '../support/fixture.mjs';

const env = useDemoBrowser();

const CLIENT_ID = '2c4f6a8b-1d3e-4f50-9a7b-8c9d0e1f2a3b';

/**
 * Stores an app registration for `tenant` (what options saves; the options test uses the form)
 * and forgets what earlier tests stored about the user's tenant, so each scenario starts afresh.
 */
async function registerApp(tenant) {
  await env.browser.worker.evaluate(async (app) => {
    await chrome.storage.local.remove(['onboarding:evidence:home', 'onboarding:arm:home', 'onboarding:view:home']);
    // Tokens are keyed by tenant and client id (`onboarding:token:home:<clientId>`).
    const tokens = Object.keys(await chrome.storage.session.get(null)).filter((k) => k.startsWith('onboarding:token:home:'));
    await chrome.storage.session.remove(tokens);
    await chrome.storage.sync.set({ settings: { signIn: app } });
  }, { tenant, clientId: CLIENT_ID });
}

const panelOf = (page) => page.locator('section[aria-label="Onboarding status"]');
const check = (panel, id) => panel.locator(`[data-wayfinder-check="${id}"]`);

/**
 * Opens the popup, presses "Sign in and read Azure", picks `upn` on the demo's sign-in page and
 * waits until the reading ended. Returns the popup page and its panel.
 */
async function signInAs(upn) {
  const popup = await env.browser.context.newPage();
  await popup.goto(`${env.browser.extensionOrigin}/popup.html`);
  const panel = panelOf(popup);
  const signInWindow = env.browser.context.waitForEvent('page');
  await panel.getByRole('button', { name: 'Sign in and read Azure' }).click();
  const login = await signInWindow;
  await login.getByRole('button', { name: upn }).click();
  await panel.locator('[data-wayfinder-arm="read"], [data-wayfinder-arm="failed"]').waitFor({ timeout: 30_000 });
  return { popup, panel };
}

async function signOut({ popup, panel }) {
  await panel.getByRole('button', { name: 'Sign out' }).click();
  await panel.locator('[data-wayfinder-arm="signed-out"]').waitFor();
  await popup.close();
}

async function stateOf(panel, id) {
  return check(panel, id).getAttribute('data-wayfinder-state');
}

describe('onboarding status with sign-in', () => {
  test('options refuse a malformed app registration, save a valid one, and the popup then signs in and reads ARM', async () => {
    const options = await env.browser.context.newPage();
    await options.goto(`${env.browser.extensionOrigin}/options.html`);
    const form = options.locator('fieldset.wf-sign-in');
    assert.match(await form.locator('[data-wayfinder-redirect-uri]').textContent(), /^https:\/\/[a-p]{32}\.chromiumapp\.org\/$/);
    await form.locator('input[name="sign-in-tenant"]').fill('northwindtraders.onmicrosoft.com');
    await form.locator('input[name="sign-in-client-id"]').fill('not-a-guid');
    await form.getByRole('button', { name: 'Save app registration' }).click();
    assert.match(await form.getByRole('alert').textContent(), /^Client id: /);
    await form.locator('input[name="sign-in-client-id"]').fill(CLIENT_ID);
    await form.getByRole('button', { name: 'Save app registration' }).click();
    await options.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await options.close();

    assert.equal(await env.browser.worker.evaluate(() => chrome.permissions.contains({ permissions: ['identity'] })), false);
    const session = await signInAs('adele.vance@northwindtraders.onmicrosoft.com');
    const { panel } = session;
    assert.equal(await panel.locator('.wf-onb-overall').getAttribute('data-wayfinder-state'), 'connected');
    assert.match(await panel.locator('.wf-onb-overall').textContent(), /^Sentinel connected · primary northwind-sentinel \(medium confidence\)$/);
    assert.match(await panel.locator('[data-wayfinder-arm]').textContent(), /^Read from Azure Resource Manager\. Last read \d{4}-\d\d-\d\d \d\d:\d\d UTC\.$/);
    assert.match(await panel.locator('[data-wayfinder-workspace="northwind-sentinel"]').textContent(), /primary \(medium confidence\)/);
    for (const id of ['sentinel-enabled', 'primary-connected', 'xdr-connector', 'fusion-rule']) {
      assert.equal(await stateOf(panel, id), 'pass', id);
    }
    // Every operation is there, but ARM shows neither a condition on the assignment nor the
    // Entra role: the roles check says so instead of passing.
    assert.equal(await stateOf(panel, 'onboarding-roles'), 'unknown');
    assert.match(await check(panel, 'onboarding-roles').textContent(), /does not show whether the role assignment behind them has a condition/);
    assert.equal(await stateOf(panel, 'incident-api-fields'), 'unknown');
    assert.match(await check(panel, 'incident-api-fields').textContent(), /providerIncidentUrl/);
    assert.equal(await stateOf(panel, 'xdr-table-retention'), 'warn');
    assert.match(await check(panel, 'xdr-table-retention').textContent(), /northwind-sentinel \(CloudAppEvents\): 30 days/);

    // The permission was asked for at sign-in; the token is in session storage only.
    const stored = await env.browser.worker.evaluate(async () => ({
      identity: await chrome.permissions.contains({ permissions: ['identity'] }),
      session: JSON.stringify(await chrome.storage.session.get(null)),
      local: JSON.stringify(await chrome.storage.local.get(null)),
      sync: JSON.stringify(await chrome.storage.sync.get(null)),
    }));
    assert.equal(stored.identity, true);
    assert.match(stored.session, new RegExp(`"onboarding:token:home:${CLIENT_ID}":\\{"accessToken":"[^"]+","expiresAtMs":\\d+\\}`));
    assert.doesNotMatch(stored.local, /accessToken|Bearer/);
    assert.doesNotMatch(stored.sync, /accessToken|Bearer/);
    // The chip of every portal page follows what ARM told.
    const portal = await env.browser.context.newPage();
    await portal.goto('https://security.microsoft.com/incidents');
    await portal.locator('[data-wayfinder-kind="onboarding"][data-wayfinder-state="connected"]', { hasText: 'primary northwind-sentinel' }).waitFor();
    await portal.close();

    await signOut(session);
    const after = await env.browser.worker.evaluate(async () => JSON.stringify(await chrome.storage.session.get(null)));
    assert.doesNotMatch(after, /onboarding:token/);
  });

  test('primary and two secondaries: the SIEM workspaces table names the secondaries, ARM adds the checks', async () => {
    await registerApp(demo.tenant);
    const settingsPage = await env.browser.context.newPage();
    await settingsPage.goto('https://security.microsoft.com/sentinel/settings');
    await settingsPage.locator('[data-wayfinder-kind="onboarding"]', { hasText: 'primary contoso-sentinel' }).waitFor();
    await settingsPage.close();
    const session = await signInAs('megan.bowen@contoso.onmicrosoft.com');
    const { panel } = session;
    assert.match(await panel.locator('[data-wayfinder-workspace="contoso-sentinel"]').textContent(), /primary \(high confidence\)/);
    assert.match(await panel.locator('[data-wayfinder-workspace="contoso-sentinel-eu"]').textContent(), /secondary \(high confidence\)/);
    assert.match(await panel.locator('[data-wayfinder-workspace="contoso-sentinel-apac"]').textContent(), /secondary \(high confidence\)/);
    assert.equal(await stateOf(panel, 'primary-connected'), 'pass');
    assert.equal(await stateOf(panel, 'fusion-rule'), 'pass');
    await signOut(session);
  });

  // [scenario, tenant id, account, what the popup must show]
  const scenarios = [
    ['not onboarded', '9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4', 'alex.wilber@fabrikam.onmicrosoft.com', async (panel) => {
      assert.equal(await panel.locator('.wf-onb-overall').getAttribute('data-wayfinder-state'), 'not-connected');
      assert.equal(await stateOf(panel, 'primary-connected'), 'fail');
      assert.equal(await stateOf(panel, 'fusion-rule'), 'warn');
      assert.match(await check(panel, 'primary-connected').textContent(), /Fix: In the Defender portal open System › Settings › Microsoft Sentinel/);
      assert.equal(await check(panel, 'primary-connected').getByRole('link', { name: 'Documentation' }).getAttribute('href'),
        'https://learn.microsoft.com/en-us/azure/sentinel/microsoft-sentinel-onboard');
    }],
    ['Sentinel not enabled', '4d05790d-d9d1-4b93-9e86-a005fc6eba84', 'diego.siciliani@tailspintoys.onmicrosoft.com', async (panel) => {
      assert.equal(await stateOf(panel, 'sentinel-enabled'), 'fail');
      assert.match(await check(panel, 'sentinel-enabled').textContent(), /tailspin-logs/);
    }],
    ['Fusion still enabled', 'cc90569e-9afc-4e34-8d30-48617ec6b773', 'isaiah.langer@woodgrovebank.onmicrosoft.com', async (panel) => {
      assert.equal(await stateOf(panel, 'fusion-rule'), 'warn');
      assert.match(await check(panel, 'fusion-rule').textContent(), /connecting a workspace disables its Fusion rule/);
      assert.match(await check(panel, 'fusion-rule').textContent(), /woodgrove-sentinel \(Advanced Multistage Attack Detection\)/);
    }],
    ['an alert-only rule', '11735b1d-6306-499e-87ae-59c9d55af7ea', 'johanna.lorenz@adventureworks.onmicrosoft.com', async (panel) => {
      assert.equal(await stateOf(panel, 'alert-only-rules'), 'warn');
      assert.match(await check(panel, 'alert-only-rules').textContent(), /not visible in the Defender portal/);
    }],
    ['an automation rule on the incident title', '4c9bcc31-4729-44a7-8bab-9238194c5b16', 'lee.gu@litware.onmicrosoft.com', async (panel) => {
      assert.equal(await stateOf(panel, 'automation-conditions'), 'warn');
      assert.match(await check(panel, 'automation-conditions').textContent(), /tests IncidentTitle/);
    }],
    ['missing roles', '18860aa9-758b-41dd-8bda-1a3f48f23234', 'lidia.holloway@wingtiptoys.onmicrosoft.com', async (panel) => {
      assert.equal(await stateOf(panel, 'onboarding-roles'), 'fail');
      assert.match(await check(panel, 'onboarding-roles').textContent(), /lacks Microsoft\.Authorization\/roleAssignments\/write/);
    }],
    ['401 on every call', 'ea44f00d-2e37-44d1-991b-e55b5a6c767f', 'lynne.robbins@proseware.onmicrosoft.com', async (panel) => {
      assert.equal(await panel.locator('[data-wayfinder-arm]').getAttribute('data-wayfinder-arm'), 'failed');
      assert.match(await panel.locator('[data-wayfinder-arm]').textContent(), /sign in again/);
      assert.equal(await panel.locator('[data-wayfinder-check][data-wayfinder-state="pass"]').count(), 0, 'nothing passes without evidence');
    }],
    ['403 on the workspaces', '3f69d76c-b4e4-41ff-a44e-96b2a101d64a', 'miriam.graham@treyresearch.onmicrosoft.com', async (panel) => {
      assert.match(await panel.locator('.wf-onb-problems').textContent(), /The workspaces of Trey Research Security: Your account lacks permission/);
    }],
    ['429 with Retry-After', '4a251017-3e38-4896-9fcb-26ed3d870bca', 'nestor.wilke@alpineskihouse.onmicrosoft.com', async (panel) => {
      assert.equal(await panel.locator('[data-wayfinder-arm]').getAttribute('data-wayfinder-arm'), 'read');
      assert.equal(await panel.locator('.wf-onb-overall').getAttribute('data-wayfinder-state'), 'connected');
      assert.equal(await panel.locator('.wf-onb-problems').count(), 0);
    }],
    ['500 on the onboarding state', '87fac75f-4092-418c-9d40-e958479f55b8', 'patti.fernandez@wideworldimporters.onmicrosoft.com', async (panel) => {
      assert.match(await panel.locator('.wf-onb-problems').textContent(), /Sentinel's state of wwi-sentinel: Azure had a server error \(HTTP 500\)/);
      assert.match(await panel.locator('[data-wayfinder-workspace="wwi-sentinel"]').textContent(), /unknown/);
    }],
    ['malformed JSON from the data connectors', 'd835649d-a1ca-45bc-9dde-25e88323ce05', 'pradeep.gupta@lamnahealthcare.onmicrosoft.com', async (panel) => {
      assert.match(await panel.locator('.wf-onb-problems').textContent(), /the data connectors of lamna-sentinel: Azure sent a response we could not read/);
      assert.equal(await stateOf(panel, 'sentinel-enabled'), 'pass', 'what the other calls read is kept');
    }],
    ['a timeout on the analytics rules', 'f9a5960d-49da-4522-82ec-d7fec36e7713', 'grady.archie@relecloud.onmicrosoft.com', async (panel) => {
      assert.match(await panel.locator('.wf-onb-problems').textContent(), /Azure did not answer in time/);
      assert.equal(await stateOf(panel, 'fusion-rule'), 'unknown');
      assert.equal(await panel.locator('.wf-onb-overall').getAttribute('data-wayfinder-state'), 'connected', 'what the other calls read is kept');
    }],
  ];
  for (const [name, tenant, upn, expect] of scenarios) {
    test(`ARM scenario: ${name}`, async () => {
      await registerApp(tenant);
      const session = await signInAs(upn);
      try {
        await expect(session.panel);
      } finally {
        await signOut(session);
      }
    });
  }

  test('a failed reading keeps what an earlier one found', async () => {
    await registerApp('9f657300-1919-4b20-ae19-cc56d8166f67');
    const session = await signInAs('adele.vance@northwindtraders.onmicrosoft.com');
    // The session's token is revoked behind the extension's back: ARM now answers 401.
    await env.browser.worker.evaluate(async (key) => {
      const { [key]: token } = await chrome.storage.session.get(key);
      await chrome.storage.session.set({ [key]: { ...token, accessToken: `${token.accessToken}x` } });
    }, `onboarding:token:home:${CLIENT_ID}`);
    await session.panel.getByRole('button', { name: 'Read again' }).click();
    await session.panel.locator('[data-wayfinder-arm="failed"]').waitFor();
    assert.match(await session.panel.locator('[data-wayfinder-arm]').textContent(), /sign in again/);
    assert.match(await session.panel.locator('.wf-onb-overall').textContent(), /primary northwind-sentinel/);
    await signOut(session);
  });

  test('the exported JSON report opens in options as the same tenant view; a broken one names its field', async () => {
    await registerApp('11735b1d-6306-499e-87ae-59c9d55af7ea');
    const session = await signInAs('johanna.lorenz@adventureworks.onmicrosoft.com');
    const dir = await mkdtemp(path.join(tmpdir(), 'wayfinder-report-'));
    try {
      const [markdown] = await Promise.all([
        session.popup.waitForEvent('download'),
        session.panel.getByRole('button', { name: 'Export Markdown' }).click(),
      ]);
      assert.match(markdown.suggestedFilename(), /^wayfinder-onboarding-home-\d{4}-\d\d-\d\d\.md$/);
      const mdPath = path.join(dir, 'report.md');
      await markdown.saveAs(mdPath);
      const md = await readFile(mdPath, 'utf8');
      assert.match(md, /^# Microsoft Sentinel in the Defender portal: onboarding report/);
      assert.match(md, /\*\*Every enabled rule creates incidents\*\*: review\./);

      const [json] = await Promise.all([
        session.popup.waitForEvent('download'),
        session.panel.getByRole('button', { name: 'Export JSON' }).click(),
      ]);
      const jsonPath = path.join(dir, 'report.json');
      await json.saveAs(jsonPath);
      const shown = (await session.panel.locator('[data-wayfinder-tenant-view]').innerText()).split('\n');

      const options = await env.browser.context.newPage();
      await options.goto(`${env.browser.extensionOrigin}/options.html`);
      const importer = options.locator('fieldset.wf-import');
      await importer.locator('input[name="import-report"]').setInputFiles(jsonPath);
      const imported = importer.locator('[data-wayfinder-tenant-view="home"]');
      await imported.waitFor();
      const importedLines = (await imported.innerText()).split('\n');
      // The same view, less the popup's buttons (an imported report is read-only).
      const buttons = /^(Read again|Sign out|Sign in and read Azure|Export Markdown|Export JSON)*$/;
      assert.deepEqual(importedLines.filter((l) => !buttons.test(l)), shown.filter((l) => !buttons.test(l)));
      assert.equal(await imported.getByRole('button').count(), 0);

      const broken = JSON.parse(await readFile(jsonPath, 'utf8'));
      broken.view.checks[0].colour = 'red';
      const brokenPath = path.join(dir, 'broken.json');
      await writeFile(brokenPath, JSON.stringify(broken));
      await importer.locator('input[name="import-report"]').setInputFiles(brokenPath);
      assert.match(await importer.getByRole('alert').textContent(), /^This report cannot be imported: .*colour/);
      await options.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await signOut(session);
  });
});
