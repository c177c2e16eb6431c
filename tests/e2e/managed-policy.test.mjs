// Enterprise policy through the browser's real managed storage: Chromium on Linux reads
// /etc/chromium/policies/managed/*.json, and its "3rdparty" → "extensions" → <id> part reaches the
// extension as chrome.storage.managed, checked against managed_schema.json
// (https://www.chromium.org/administrators/configuring-policy-for-extensions/). An unpacked
// extension's id is fixed by its path, so the test loads its own copy of the built extension and
// writes a policy for that copy's id alone: a policy file left behind by a crash can never reach
// the other test files' browsers. CI runs as root, which may write that directory.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { azureBladeUrls, azureIncidentUrl, launchChromium, overlay, startDemoPortal } from '../support/browser.mjs';
import { replaceTasksCommand } from '../support/portal-changes.mjs';

const POLICY_DIR = '/etc/chromium/policies/managed';
const CLIENT_ID = '2c4f6a8b-1d3e-4f50-9a7b-8c9d0e1f2a3b';
const HUNTING = azureBladeUrls('Hunting')['view with encoded id'];
const LOGS = azureBladeUrls('Logs')['view with encoded id'];

/** Chromium's id for an unpacked extension: SHA-256 of its absolute path, hex digits 0-f as a-p. */
function unpackedId(dir) {
  const hex = createHash('sha256').update(dir).digest('hex').slice(0, 32);
  return [...hex].map((d) => String.fromCharCode(97 + parseInt(d, 16))).join('');
}

const AZURE_INCIDENT = azureIncidentUrl('a7d3e1f2-5b6c-4d8e-9f01-23456789abcd');

// Two probe patches: one for the Tasks command's new markup (see the probe-patch test), and one
// whose selector no browser would parse, which the extension refuses alone.
const CHECKLIST_PATCH = {
  notice: 'incident-tasks',
  portal: 'azure',
  page: 'incident-page',
  mode: 'add',
  tiers: [{ by: 'selector', css: '.new-design-checklist' }],
  evidence: 'Seen in our tenant on 2026-12-01: the Tasks command is now a Checklist.',
};
const BROKEN_PATCH = {
  notice: 'incident-comment-edit',
  portal: 'azure',
  page: 'incident-page',
  mode: 'replace',
  tiers: [{ by: 'selector', css: 'div[data-comment' }],
  evidence: 'A typo.',
};

// A tier with a field its kind does not have: the browser's schema lets it through, and the
// extension drops this patch alone.
const MISSHAPEN_PATCH = {
  notice: 'similar-incidents',
  portal: 'azure',
  page: 'incident-page',
  tiers: [{ by: 'selector', css: 'a', text: 'Similar' }],
  evidence: 'Pasted from another patch.',
};

const policy = {
  trainer: true,
  retirement: false,
  dismissed: ['hunting'],
  signIn: { tenant: 'contoso.onmicrosoft.com', clientId: CLIENT_ID },
  probePatches: [CHECKLIST_PATCH, BROKEN_PATCH, MISSHAPEN_PATCH],
};

const env = { portal: null, browser: null, copy: null, policyFile: null, id: null };

async function writePolicy(values) {
  await writeFile(env.policyFile, JSON.stringify({ '3rdparty': { extensions: { [env.id]: values } } }));
}

before(async () => {
  env.copy = path.join(await realpath(await mkdtemp(path.join(tmpdir(), 'wayfinder-managed-'))), 'extension');
  await cp(process.env.WAYFINDER_EXTENSION_DIR, env.copy, { recursive: true });
  env.id = unpackedId(env.copy);
  env.policyFile = path.join(POLICY_DIR, `secops-wayfinder-e2e-${env.id}.json`);
  try {
    await mkdir(POLICY_DIR, { recursive: true });
    await writePolicy(policy);
  } catch (error) {
    throw new Error(`this test writes a browser policy to ${POLICY_DIR} and needs root, as CI has: ${error.message}`);
  }
  env.portal = await startDemoPortal();
  env.browser = await launchChromium(env.portal, { extensionDir: env.copy });
  assert.equal(new URL(env.browser.extensionOrigin).host, env.id, 'the policy is written for the id Chromium gave the copy');
});

after(async () => {
  await env.browser?.close();
  await env.portal?.stop();
  if (env.policyFile) await rm(env.policyFile, { force: true });
  if (env.copy) await rm(path.dirname(env.copy), { recursive: true, force: true });
});

const trainerMark = (page, id) => page.locator(`[data-wayfinder-kind="trainer"][data-wayfinder-id="${id}"]`);

describe('settings pushed by enterprise policy', () => {
  test('the browser hands the policy to the extension as managed storage, and the worker keeps a copy', async () => {
    const managed = await env.browser.worker.evaluate(() => chrome.storage.managed.get(null));
    assert.deepEqual(managed, policy);
    // Plans read the copy (the first managed read of a session waits for the browser's policy).
    const copy = await env.browser.worker.evaluate(async () => {
      for (let i = 0; i < 100; i++) {
        const { policy } = await chrome.storage.local.get('policy');
        if (policy) return policy;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return null;
    });
    assert.deepEqual(copy, policy);
  });

  test('portal pages follow the policy: trainer labels on, the named hint and the reminder hidden, other hints shown', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(HUNTING);
    await trainerMark(page, 'hunting').waitFor();
    assert.equal(await overlay(page).locator('[data-wayfinder-id="hunting"]').count(), 0, 'hidden by the policy');
    assert.equal(await overlay(page).locator('[data-wayfinder-kind="retirement"]').count(), 0, 'switched off by the policy');

    await page.goto(LOGS);
    await overlay(page).locator('[data-wayfinder-kind="hint"][data-wayfinder-id="logs"]').waitFor();
    assert.equal(await overlay(page).locator('[data-wayfinder-kind="retirement"]').count(), 0);
    await page.close();
  });

  test('options show the policy values as locked and store only what the user chose', async () => {
    const options = await env.browser.context.newPage();
    await options.goto(`${env.browser.extensionOrigin}/options.html`);
    const box = (name) => options.locator(`input[name="${name}"]`);
    await box('trainer').waitFor();
    assert.equal(await box('trainer').isChecked(), true, 'the policy turns trainer mode on');
    assert.equal(await box('trainer').isDisabled(), true);
    assert.equal(await box('retirement').isChecked(), false, 'the policy turns the reminder off');
    assert.equal(await box('retirement').isDisabled(), true);
    assert.equal(await box('hints').isDisabled(), false, 'what the policy leaves out stays the user\'s');
    assert.equal(await options.getByRole('checkbox', { name: /Trainer mode/ }).getAttribute('aria-describedby'), 'wf-managed-note');
    await options.locator('#wf-managed-note', { hasText: 'Set by your organization' }).waitFor();
    assert.equal(await options.locator('.wf-dismissed-count').innerText(), 'Nothing dismissed. 1 item hidden by your organization.');

    assert.equal(await box('sign-in-tenant').inputValue(), 'contoso.onmicrosoft.com');
    assert.equal(await box('sign-in-client-id').inputValue(), CLIENT_ID);
    assert.equal(await box('sign-in-tenant').isDisabled(), true, 'a pushed registration cannot be edited');
    assert.equal(await box('sign-in-client-id').isDisabled(), true);
    assert.equal(await options.locator('button[name="save-sign-in"]').isDisabled(), true);
    assert.equal(await options.locator('button[name="remove-sign-in"]').isDisabled(), true);

    // A choice of the user's own is saved; the policy's values never land in sync storage.
    await box('notices').uncheck();
    await options.locator('.wf-status', { hasText: 'Saved.' }).waitFor();
    const stored = await env.browser.worker.evaluate(async () => (await chrome.storage.sync.get('settings')).settings);
    assert.equal(stored.notices, false);
    assert.equal(stored.trainer, false, 'the user\'s own trainer choice, not the policy\'s');
    assert.equal(stored.retirement, true);
    assert.deepEqual(stored.dismissed, []);
    assert.equal(stored.signIn, null);
    await box('notices').check();
    await options.locator('.wf-status', { hasText: 'Saved.' }).waitFor();
    await options.close();
  });

  test('the popup shows trainer mode locked and offers sign-in with the pushed app registration', async () => {
    const popup = await env.browser.context.newPage();
    await popup.goto(`${env.browser.extensionOrigin}/popup.html`);
    const trainer = popup.locator('input[name="trainer"]');
    await trainer.waitFor();
    await popup.waitForFunction(() => document.querySelector('input[name="trainer"]').disabled);
    assert.equal(await trainer.isChecked(), true);
    const panel = popup.locator('section[aria-label="Onboarding status"]');
    await panel.getByRole('button', { name: 'Sign in and read Azure' }).waitFor();
    assert.notEqual(await panel.locator('[data-wayfinder-arm]').getAttribute('data-wayfinder-arm'), 'not-configured');
    await popup.close();
  });

  test('a probe patch of the policy finds the control the portal moved; a broken one is refused alone and named', async () => {
    await env.browser.worker.evaluate(() => chrome.storage.local.set({ 'panel:prefs': { open: true } }));
    const page = await env.browser.context.newPage();
    await page.goto(AZURE_INCIDENT);
    const mark = (id) => page.locator(`[data-wayfinder-kind="notice"][data-wayfinder-id="${id}"]`);
    const card = (id) => overlay(page).locator(`[data-wayfinder-kind="notice"][data-wayfinder-id="${id}"]`);
    // Before the portal changes, the catalog's own tier still finds the command.
    await mark('incident-tasks').waitFor();
    assert.equal(await mark('incident-tasks').evaluate((m) => m.previousElementSibling?.getAttribute('data-telemetryname')), 'Command-Tasks');
    // The portal ships new markup: only the organization's patch knows where Tasks went.
    await replaceTasksCommand(page);
    await page.waitForFunction(() => document.querySelector('[data-wayfinder-kind="notice"][data-wayfinder-id="incident-tasks"]')?.previousElementSibling?.className === 'new-design-checklist');
    await card('incident-tasks').locator('[data-wayfinder-patched="organization"]').waitFor();
    assert.equal(await card('incident-tasks').locator('[data-wayfinder-patched]').innerText(), 'Its control is looked for with a probe patch from your organization.');
    // The refused patch changed nothing: the comment notice keeps the catalog's probe and its mark.
    await mark('incident-comment-edit').waitFor();
    assert.equal(await card('incident-comment-edit').locator('[data-wayfinder-patched]').count(), 0);

    await page.bringToFront();
    const tabId = await env.browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true }))[0]?.id);
    const popup = await env.browser.context.newPage();
    await popup.goto(`${env.browser.extensionOrigin}/popup.html#tab=${tabId}`);
    const entry = popup.locator('[data-wayfinder-health][data-wayfinder-id="incident-tasks"]');
    await popup.waitForFunction(() => /patched by your organization/.test(document.querySelector('[data-wayfinder-health][data-wayfinder-id="incident-tasks"]')?.textContent ?? ''));
    assert.match(await entry.innerText(), / — shown next to its control; patched by your organization$/);
    await popup.close();
    // The page check read the probe report; the panel follows the same report.
    await card('incident-tasks').locator('.wf-not-found').waitFor({ state: 'hidden' });

    const options = await env.browser.context.newPage();
    await options.goto(`${env.browser.extensionOrigin}/options.html`);
    const line = options.locator('[data-wayfinder-patch="organization"][data-wayfinder-id="incident-tasks"]');
    await line.waitFor();
    assert.match(await line.innerText(), /incident-tasks on incident-page \(azure\): tried before the extension's own; tiers in the patch: 1 — set by your organization/);
    assert.equal(await options.locator('[data-wayfinder-patch][data-wayfinder-id="incident-comment-edit"]').count(), 0);
    const note = await options.locator('#wf-managed-note').innerText();
    assert.match(note, /probePatches\[1\]\.tiers\[0\]: selector 'div\[data-comment' leaves a bracket or parenthesis open/);
    assert.match(note, /probePatches\[2\]: /, 'the misshapen patch is named');
    assert.equal(await options.locator('[data-wayfinder-patch][data-wayfinder-id="similar-incidents"]').count(), 0);
    await options.close();
    await page.close();
  });

  test('a changed policy reaches an open portal page without a reload', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(LOGS);
    await overlay(page).locator('[data-wayfinder-kind="hint"][data-wayfinder-id="logs"]').waitFor();
    assert.equal(await overlay(page).locator('[data-wayfinder-kind="retirement"]').count(), 0);
    await writePolicy({ ...policy, retirement: true, trainer: false });
    // Chromium watches the policy directory and reloads a few seconds after a change.
    await overlay(page).locator('[data-wayfinder-kind="retirement"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-wayfinder-kind="trainer"]').first().waitFor({ state: 'detached' });
    await page.close();
  });

  test('after a page pushed 300 tenant ids into its URL, a policy change still applies', async () => {
    const page = await env.browser.context.newPage();
    await page.goto('https://security.microsoft.com/homepage');
    await page.evaluate(() => {
      for (let i = 0; i < 300; i += 1) history.pushState({}, '', `/homepage?tid=${crypto.randomUUID()}`);
    });
    await page.goto(LOGS);
    // The policy of the previous test has trainer mode off: no trainer label on the page yet.
    await page.locator('[data-wayfinder-pill], [data-wayfinder-host]').first().waitFor();
    assert.equal(await page.locator('[data-wayfinder-kind="trainer"]').count(), 0);
    await writePolicy({ ...policy, trainer: true });
    await page.locator('[data-wayfinder-kind="trainer"]').first().waitFor({ timeout: 60_000 });
    const tenants = await env.browser.worker.evaluate(async () => (await chrome.storage.local.get('onboarding:tenants'))['onboarding:tenants'] ?? []);
    assert.ok(tenants.length <= 50, `${tenants.length} stored tenants`);
    await page.close();
  });
});
