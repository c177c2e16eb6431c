// Probe patches imported by a user in options: when the portal ships new markup and a notice's
// control is no longer found, a patch file says where to look. A bad file is refused with its
// field named and nothing changes; a good one is listed as the user's, finds the control, and the
// panel and the popup's page check say the probe is patched locally. The organization's patches
// (managed policy) are in managed-policy.test.mjs.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { azureIncidentUrl, overlay } from '../support/browser.mjs';
import { replaceTasksCommand } from '../support/portal-changes.mjs';
import { useDemoBrowser } from '../support/fixture.mjs';

const env = useDemoBrowser();

const AZURE_INCIDENT = azureIncidentUrl('a7d3e1f2-5b6c-4d8e-9f01-23456789abcd');
const mark = (page) => page.locator('[data-wayfinder-kind="notice"][data-wayfinder-id="incident-tasks"]');
const panelNotice = (page) => overlay(page).locator('[data-wayfinder-kind="notice"][data-wayfinder-id="incident-tasks"]');

/** The patch file a SOC would write after the portal turned the Tasks command into a checklist. */
const patchFile = (change = (p) => p) => ({
  format: 'secops-wayfinder-probe-patch',
  version: 1,
  patches: [
    change({
      notice: 'incident-tasks',
      portal: 'azure',
      page: 'incident-page',
      mode: 'add',
      tiers: [
        { by: 'selector', css: '.new-design-checklist' },
        { by: 'role', role: 'tab', text: 'Checklist' },
      ],
      evidence: 'Seen in our tenant on 2026-12-01: the Tasks command is now a Checklist.',
    }),
  ],
});

/** The popup's page check entry for the Tasks notice of `page`. */
async function pageCheck(page, pattern) {
  await page.bringToFront();
  const tabId = await env.browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true }))[0]?.id);
  const popup = await env.browser.context.newPage();
  await popup.goto(`${env.browser.extensionOrigin}/popup.html#tab=${tabId}`);
  await popup.waitForFunction(
    (source) => new RegExp(source).test(document.querySelector('[data-wayfinder-health][data-wayfinder-id="incident-tasks"]')?.textContent ?? ''),
    pattern.source,
  );
  const text = await popup.locator('[data-wayfinder-health][data-wayfinder-id="incident-tasks"]').innerText();
  await popup.close();
  return text;
}

describe('probe patches imported in options', () => {
  test('a bad patch file is refused with its field named, and nothing changes', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'wayfinder-patch-'));
    const options = await env.browser.context.newPage();
    try {
      await options.goto(`${env.browser.extensionOrigin}/options.html`);
      const section = options.locator('fieldset.wf-patches');
      await section.locator('.wf-patch-none').waitFor();
      const stored = () => options.evaluate(async () => (await chrome.storage.sync.get('settings')).settings ?? null);
      const before = await stored();
      const cases = [
        ['open bracket', patchFile((p) => ({ ...p, tiers: [{ by: 'selector', css: '.new-design-checklist[data-x' }] })), /patches\[0\]\.tiers\[0\]: selector '\.new-design-checklist\[data-x' leaves a bracket or parenthesis open/],
        ['unknown notice', patchFile((p) => ({ ...p, notice: 'incident-checklists' })), /patches\[0\]\.notice: the catalog has no notice "incident-checklists"/],
        ['wrong page', patchFile((p) => ({ ...p, page: 'hunting' })), /patches\[0\]\.page: notice "incident-tasks" is on the pages/],
        ['no evidence', patchFile((p) => ({ ...p, evidence: '' })), /patches\[0\]\.evidence:/],
        ['a label that finds anything', patchFile((p) => ({ ...p, tiers: [{ by: 'label', within: 'div', text: '+' }] })), /patches\[0\]\.tiers\[0\]: label '\+' has an empty normal form/],
        ['an unknown kind of tier', patchFile((p) => ({ ...p, tiers: [{ by: 'xpath', css: '//div' }] })), /patches\[0\]\.tiers\[0\]/],
        ['claims the policy', patchFile((p) => ({ ...p, byPolicy: true })), /patches\[0\]\.byPolicy: only your organization's policy sets this/],
        ['a settings file', { ...patchFile(), format: 'secops-wayfinder-settings' }, /format: expected "secops-wayfinder-probe-patch"/],
      ];
      const alert = section.getByRole('alert');
      for (const [name, file, why] of cases) {
        const at = path.join(dir, `${name.replace(/ /g, '-')}.json`);
        await writeFile(at, JSON.stringify(file));
        await section.locator('input[name="import-probe-patch"]').setInputFiles(at);
        await alert.filter({ hasText: why }).waitFor();
        assert.match(await alert.textContent(), /^This patch was not imported and nothing changed: /, name);
        assert.deepEqual(await stored(), before, `${name}: nothing stored`);
        assert.equal(await section.locator('.wf-patch-none').count(), 1, `${name}: no patch listed`);
      }
    } finally {
      await options.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('an imported patch finds the control the portal moved, and the panel and page check say it is patched locally', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'wayfinder-patch-'));
    const page = await env.browser.context.newPage();
    const options = await env.browser.context.newPage();
    try {
      // Without a patch: the control is gone for the extension, and the panel says so.
      await page.goto(AZURE_INCIDENT);
      await mark(page).waitFor();
      await replaceTasksCommand(page);
      await mark(page).waitFor({ state: 'detached' });
      await panelNotice(page).locator('.wf-not-found').waitFor({ state: 'visible' });
      assert.equal(await panelNotice(page).locator('[data-wayfinder-patched]').count(), 0);

      await options.goto(`${env.browser.extensionOrigin}/options.html`);
      const section = options.locator('fieldset.wf-patches');
      const file = path.join(dir, 'checklist.json');
      await writeFile(file, JSON.stringify(patchFile()));
      await section.locator('input[name="import-probe-patch"]').setInputFiles(file);
      await options.getByText('Probe patch imported and saved.').waitFor();
      const line = section.locator('[data-wayfinder-patch="local"][data-wayfinder-id="incident-tasks"]');
      assert.match(await line.innerText(), /incident-tasks on incident-page \(azure\): tried before the extension's own; tiers in the patch: 2 — imported by you/);
      assert.match(await line.innerText(), /Rests on: Seen in our tenant on 2026-12-01/);

      // The open portal page re-plans: the mark is back, next to the portal's new control.
      await mark(page).waitFor();
      assert.equal(await mark(page).evaluate((m) => m.previousElementSibling?.className), 'new-design-checklist');
      await panelNotice(page).locator('[data-wayfinder-patched="local"]').waitFor();
      await panelNotice(page).locator('.wf-not-found').waitFor({ state: 'hidden' });
      assert.match(await panelNotice(page).innerText(), /Its control is looked for with a probe patch you imported\./);
      assert.match(await pageCheck(page, /patched locally/), / — shown next to its control; patched locally$/);

      // Dismissing another notice in the panel saves the settings from the panel's own module:
      // the patch stays stored and in force.
      await page.bringToFront();
      await panelNotice(page).waitFor();
      const comments = overlay(page).locator('[data-wayfinder-kind="notice"][data-wayfinder-id="incident-comment-edit"]');
      await comments.getByRole('button', { name: /^Dismiss: / }).click();
      await comments.waitFor({ state: 'hidden' });
      const stored = await env.browser.worker.evaluate(async () => (await chrome.storage.sync.get('settings')).settings);
      assert.deepEqual(stored.dismissed, ['incident-comment-edit']);
      assert.deepEqual(stored.probePatches, patchFile().patches, 'the patch is still stored');
      await panelNotice(page).locator('[data-wayfinder-patched="local"]').waitFor();

      // Removed: the catalog's probe again, and the page says it cannot read the view.
      await options.bringToFront();
      await section.getByRole('button', { name: 'Clear my probe patches' }).click();
      await options.getByText('Your probe patches are removed.').waitFor();
      await section.locator('.wf-patch-none').waitFor();
      await mark(page).waitFor({ state: 'detached' });
      await panelNotice(page).locator('.wf-not-found').waitFor({ state: 'visible' });
      assert.equal(await panelNotice(page).locator('[data-wayfinder-patched]').count(), 0);
    } finally {
      await env.browser.worker.evaluate(() => chrome.storage.sync.remove('settings'));
      await options.close();
      await page.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
