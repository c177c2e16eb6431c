// Light and dark: on a portal page the panel, and the marks the content script draws, follow the
// portal's own theme (the demo Azure portal's Settings › Theme, which switches the body's
// fxs-mode-light / fxs-mode-dark class and its colours), even against the system's preference;
// the popup and options, which have no portal, follow the system's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { azureBladeUrls, overlay } from '../support/browser.mjs';
import { useDemoBrowser } from '../support/fixture.mjs';

const env = useDemoBrowser();
const HUNTING = azureBladeUrls('Hunting')['view with encoded id'];

// ui.css's --wf-bg and content.js's trainer-label blue, light then dark.
const PANEL = { light: 'rgb(255, 255, 255)', dark: 'rgb(41, 41, 41)' };
const LABEL = { light: 'rgb(15, 108, 189)', dark: 'rgb(71, 158, 245)' };
// content.js's neutral chip text: this tenant has no onboarding evidence, so its chip says unknown.
const UNKNOWN_CHIP = { light: 'rgb(97, 97, 97)', dark: 'rgb(199, 199, 199)' };

const panelBackground = (page) => overlay(page).locator('.wf-panel').evaluate((el) => getComputedStyle(el).backgroundColor);
const labelColour = (page) =>
  page.locator('[data-wayfinder-kind="trainer"][data-wayfinder-id="hunting"] .wf-mark-text').evaluate((el) => getComputedStyle(el).color);

async function pickPortalTheme(page, label) {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('dialog', { name: 'Portal settings' }).getByRole('radio', { name: label }).check();
  await page.getByRole('button', { name: 'Settings' }).click();
}

/** The Azure Hunting blade in a fresh tab under the system's `scheme`, once its hint shows. */
async function huntingPage(scheme) {
  const page = await env.browser.context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(HUNTING);
  await overlay(page).locator('[data-wayfinder-id="hunting"]').waitFor();
  return page;
}

async function expectTheme(page, mode) {
  await overlay(page).locator(`html[data-theme="${mode}"]`).waitFor();
  await page.waitForFunction(
    ([want]) => {
      const text = document.querySelector('[data-wayfinder-kind="trainer"][data-wayfinder-id="hunting"]')?.shadowRoot?.querySelector('.wf-mark-text');
      return text && getComputedStyle(text).color === want;
    },
    [LABEL[mode]],
  );
  assert.equal(await panelBackground(page), PANEL[mode]);
  assert.equal(await labelColour(page), LABEL[mode]);
  // The onboarding chip is drawn anew in the theme's colours, keeping what it says.
  const chip = page.locator('[data-wayfinder-id="onboarding-status"]');
  await assert.doesNotReject(page.waitForFunction(
    ([want]) => {
      const element = document.querySelector('[data-wayfinder-chip-host]')?.shadowRoot?.querySelector('[data-wayfinder-id="onboarding-status"]');
      return element && getComputedStyle(element).color === want;
    },
    [UNKNOWN_CHIP[mode]],
  ));
  assert.equal(await chip.getAttribute('data-wayfinder-state'), 'unknown');
}

test('the panel and the marks follow the portal when it switches theme, without a reload', async () => {
  await env.browser.worker.evaluate(() => chrome.storage.sync.set({ settings: { trainer: true } }));
  const page = await huntingPage('light');
  await expectTheme(page, 'light');

  await pickPortalTheme(page, 'Dark');
  await expectTheme(page, 'dark');
  assert.equal(await overlay(page).locator('[data-wayfinder-id="hunting"]').count(), 1, 'the hint is still shown');

  await pickPortalTheme(page, 'Light');
  await expectTheme(page, 'light');
  await page.close();
});

test('the portal\'s theme wins over the system\'s on portal pages', async () => {
  const page = await huntingPage('dark');
  // The demo portal stays light under a dark system (its own setting decides), and so does the panel.
  await expectTheme(page, 'light');
  await pickPortalTheme(page, 'Dark');
  await expectTheme(page, 'dark');
  await page.close();
  await env.browser.worker.evaluate(() => chrome.storage.sync.remove('settings'));
});

test('the popup and the options follow the system\'s theme', async () => {
  for (const path of ['popup.html', 'options.html']) {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.browser.extensionOrigin}/${path}`);
    await page.locator('main').first().waitFor();
    for (const mode of ['dark', 'light', 'dark']) {
      await page.emulateMedia({ colorScheme: mode });
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(background, PANEL[mode], `${path} in ${mode}`);
    }
    await page.close();
  }
});
