// Settings export and import in the options page: an exported file restores every setting,
// including the app registration; a broken, partial or foreign file is refused with a message
// that names the field, and nothing saved changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { azureBladeUrls, overlay } from '../support/browser.mjs';
import { useDemoBrowser } from '../support/fixture.mjs';

const env = useDemoBrowser();
const CLIENT_ID = '2c4f6a8b-1d3e-4f50-9a7b-8c9d0e1f2a3b';
const KINDS = ['hints', 'notices', 'sync', 'onboarding', 'retirement', 'trainer'];

async function openOptions() {
  const options = await env.browser.context.newPage();
  await options.goto(`${env.browser.extensionOrigin}/options.html`);
  await options.locator('input[name="hints"]').waitFor();
  return options;
}

/** What the options page shows: each checkbox and the sign-in fields. */
async function shown(options) {
  const state = {};
  for (const kind of KINDS) state[kind] = await options.locator(`input[name="${kind}"]`).isChecked();
  state.tenant = await options.locator('input[name="sign-in-tenant"]').inputValue();
  state.clientId = await options.locator('input[name="sign-in-client-id"]').inputValue();
  return state;
}

/** Waits until the saved app registration's client id is `want` (null: none saved). */
async function savedClientId(options, want) {
  await options.waitForFunction(
    async (id) => ((await chrome.storage.sync.get('settings')).settings?.signIn?.clientId ?? null) === id,
    want,
  );
}

async function setChecked(options, kind, on) {
  await options.locator(`input[name="${kind}"]`).setChecked(on);
  await options.waitForFunction(
    async ([k, want]) => (await chrome.storage.sync.get('settings')).settings?.[k] === want,
    [kind, on],
  );
}

async function exportTo(options, dir) {
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Export settings' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^wayfinder-settings-\d{4}-\d\d-\d\d\.json$/);
  const file = path.join(dir, 'settings.json');
  await download.saveAs(file);
  return file;
}

test('an exported settings file restores every setting, the app registration too', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'wayfinder-settings-'));
  const options = await openOptions();
  try {
    await setChecked(options, 'trainer', true);
    await setChecked(options, 'sync', false);
    await setChecked(options, 'hints', false);
    await setChecked(options, 'notices', false);
    await options.locator('input[name="sign-in-tenant"]').fill('contoso.onmicrosoft.com');
    await options.locator('input[name="sign-in-client-id"]').fill(CLIENT_ID);
    await options.getByRole('button', { name: 'Save app registration' }).click();
    await savedClientId(options, CLIENT_ID);
    const before = await shown(options);
    const file = await exportTo(options, dir);
    const written = JSON.parse(await readFile(file, 'utf8'));
    assert.equal(written.format, 'secops-wayfinder-settings');
    assert.deepEqual(written.settings.signIn, { tenant: 'contoso.onmicrosoft.com', clientId: CLIENT_ID });

    // Change everything back, then import the file.
    await setChecked(options, 'trainer', false);
    await setChecked(options, 'sync', true);
    await setChecked(options, 'hints', true);
    await setChecked(options, 'notices', true);
    await options.getByRole('button', { name: 'Remove' }).click();
    await savedClientId(options, null);
    assert.notDeepEqual(await shown(options), before);

    await options.locator('input[name="import-settings"]').setInputFiles(file);
    // Said once the imported settings are stored.
    await options.getByText('Settings imported and saved.').waitFor();
    assert.deepEqual(await shown(options), before, 'the page shows the imported settings');
    await savedClientId(options, CLIENT_ID);
    await options.reload();
    await options.locator('input[name="hints"]').waitFor();
    assert.deepEqual(await shown(options), before, 'and they were saved');

    // What the user sees on a portal page follows: trainer mode labels the Sentinel menu, and
    // with hints off the panel shows the retirement reminder only.
    const page = await env.browser.context.newPage();
    await page.goto(azureBladeUrls('Hunting')['view with encoded id']);
    await overlay(page).locator('[data-wayfinder-kind="retirement"]').waitFor();
    await page.locator('[data-wayfinder-kind="trainer"]').first().waitFor();
    assert.equal(await overlay(page).locator('[data-wayfinder-kind="hint"]').count(), 0);
    await page.close();
  } finally {
    await options.evaluate(() => chrome.storage.sync.remove('settings'));
    await options.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('a broken, partial or foreign settings file is refused, names its field and changes nothing', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'wayfinder-settings-'));
  const options = await openOptions();
  try {
    await setChecked(options, 'notices', false);
    const good = JSON.parse(await readFile(await exportTo(options, dir), 'utf8'));
    const stored = () => options.evaluate(async () => (await chrome.storage.sync.get('settings')).settings);
    const before = { page: await shown(options), storage: await stored() };

    const variant = (change) => {
      const copy = structuredClone(good);
      change(copy);
      return JSON.stringify(copy);
    };
    const cases = [
      ['partial', variant((f) => delete f.settings.trainer), /settings\.trainer: missing/],
      ['wrong type', variant((f) => (f.settings.hints = 'yes')), /settings\.hints: invalid type: a string, expected a boolean/],
      ['bad entry', variant((f) => (f.settings.dismissed = ['hunting', '<img src=x onerror=alert(1)>'])), /settings\.dismissed\[1\]: not an item id/],
      ['bad app', variant((f) => (f.settings.signIn = { tenant: 'contoso.onmicrosoft.com', clientId: 'abc' })), /settings\.signIn: Client id:/],
      ['unknown field', variant((f) => (f.settings.autopilot = true)), /settings\.autopilot: unknown field `autopilot`/],
      ['foreign file', variant((f) => (f.format = 'secops-wayfinder-onboarding-report')), /format: expected "secops-wayfinder-settings"/],
      ['newer version', variant((f) => (f.version = 2)), /version: this version of SecOps Wayfinder reads version 1, the file is version 2/],
      ['not JSON', '{"format": "secops-wayfinder-settings",', /the file is not JSON/],
    ];
    const alert = options.locator('fieldset.wf-transfer').getByRole('alert');
    for (const [name, text, why] of cases) {
      const file = path.join(dir, `${name.replace(/ /g, '-')}.json`);
      await writeFile(file, text);
      await options.locator('input[name="import-settings"]').setInputFiles(file);
      await alert.filter({ hasText: why }).waitFor();
      assert.match(await alert.textContent(), /^This file cannot be imported, and nothing was changed: /, name);
      assert.deepEqual(await shown(options), before.page, `${name}: the page still shows the saved settings`);
      assert.deepEqual(await stored(), before.storage, `${name}: storage is unchanged`);
    }
    assert.equal(await options.locator('fieldset.wf-transfer .wf-status').textContent(), '');
  } finally {
    await options.evaluate(() => chrome.storage.sync.remove('settings'));
    await options.close();
    await rm(dir, { recursive: true, force: true });
  }
});
