// The demo: the demo portal with the extension loaded.
//   node demo/walk.mjs headed   OUT  opens Chromium on both portals and waits until it is closed
//   node demo/walk.mjs headless OUT  walks the demo and writes screenshots to OUT, printing paths
// Started by `cargo xtask demo`, which builds everything first and sets the environment.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { azureBladeUrls, demo, launchChromium, overlay, startDemoPortal, waitForPanelHeight } from '../support/browser.mjs';

const [mode = 'headless', out = 'target/demo'] = process.argv.slice(2);
const hunting = azureBladeUrls('Hunting')['view with encoded id'];

const portal = await startDemoPortal();
const browser = await launchChromium(portal, { headless: mode !== 'headed' });
try {
  if (mode === 'headed') {
    const azure = browser.context.pages()[0] ?? (await browser.context.newPage());
    await azure.goto(hunting);
    const defender = await browser.context.newPage();
    await defender.goto(`https://security.microsoft.com/?tid=${demo.tenant}`);
    await azure.bringToFront();
    console.log('SecOps Wayfinder demo is open. Close the browser window to stop.');
    await new Promise((resolve) => browser.context.on('close', resolve));
  } else {
    await mkdir(out, { recursive: true });
    // The walk shows every panel: its user has opened the panel before, so it stays open on every
    // page (a new user sees it open on the first visit to each kind of page, then the pill).
    await browser.worker.evaluate(() => chrome.storage.local.set({ 'panel:prefs': { open: true } }));
    // Collapses the open panel to the pill, as a user would; `reopen` opens it again afterwards.
    const collapse = async (page) => {
      await overlay(page).getByRole('button', { name: 'Hide' }).click();
      await page.locator('[data-wayfinder-pill]').waitFor();
    };
    const reopen = (page) => page.locator('[data-wayfinder-pill]').click();
    const steps = [
      ['01-azure-hunting-hint', hunting, '[data-wayfinder-id="hunting"]'],
      ['02-azure-workspace-manager-unavailable', azureBladeUrls('WorkspaceManager')['view with encoded id'], '[data-wayfinder-kind="hint"][data-wayfinder-id="workspace-manager"]'],
      ['03-azure-incidents-hint', azureBladeUrls('Incidents')['view with encoded id'], '[data-wayfinder-id="incidents"]'],
      ['04-defender-hunting-reverse-hint', `https://security.microsoft.com/sentinel/hunting?tid=${demo.tenant}`, '[data-wayfinder-id="hunting"]'],
      ['05-defender-advanced-hunting', `https://security.microsoft.com/v2/advanced-hunting?tid=${demo.tenant}`, '[data-wayfinder-id="logs"]'],
    ];
    for (const [name, url, selector] of steps) {
      const page = await browser.context.newPage();
      await page.goto(url);
      await overlay(page).locator(selector).waitFor({ timeout: 20_000 });
      await waitForPanelHeight(page, 100);
      const file = path.resolve(out, `${name}.png`);
      await page.screenshot({ path: file });
      console.log(file);
      await page.close();
    }
    const shoot = async (page, name) => {
      const file = path.resolve(out, `${name}.png`);
      await page.screenshot({ path: file });
      console.log(file);
    };

    // Notices at their controls: the Azure incident page of an XDR incident.
    const incident = await browser.context.newPage();
    await incident.goto(
      `https://portal.azure.com/#asset/Microsoft_Azure_Security_Insights/Incident/subscriptions/${demo.subscription}/resourceGroups/${demo.resourceGroup}/providers/Microsoft.OperationalInsights/workspaces/${demo.workspace}/providers/Microsoft.SecurityInsights/Incidents/a7d3e1f2-5b6c-4d8e-9f01-23456789abcd`,
    );
    await incident.locator('[data-wayfinder-kind="notice"][data-wayfinder-id="incident-tasks"]').waitFor();
    await waitForPanelHeight(incident, 100);
    await shoot(incident, '06-azure-incident-notices');
    await incident.close();

    // Sync indicators: a synced incident in the Defender portal, and the Azure queue's badges.
    const synced = await browser.context.newPage();
    await synced.goto(`https://security.microsoft.com/incidents/3422?tid=${demo.tenant}`);
    await overlay(synced).locator('[data-wayfinder-kind="sync"][data-wayfinder-state="synced"]').waitFor();
    await waitForPanelHeight(synced, 200);
    await shoot(synced, '10-defender-incident-sync');
    await synced.close();
    const queue = await browser.context.newPage();
    await queue.goto(azureBladeUrls('Incidents')['view with encoded id']);
    await queue.locator('[data-wayfinder-row="120"]').waitFor();
    await collapse(queue);
    await shoot(queue, '11-azure-queue-sync-badges');
    // The panel collapsed: the pill with the page's count, beside the onboarding chip.
    await shoot(queue, '16-pill');
    await reopen(queue);
    await queue.close();

    // Onboarding status: the chip after the Defender portal showed its Home and SIEM workspaces.
    const onboarding = await browser.context.newPage();
    await onboarding.goto(`https://security.microsoft.com/homepage?tid=${demo.tenant}`);
    await onboarding.locator('[data-wayfinder-kind="onboarding"][data-wayfinder-state="connected"]').waitFor();
    await onboarding.goto(`https://security.microsoft.com/sentinel/settings?tid=${demo.tenant}`);
    await onboarding.locator('[data-wayfinder-kind="onboarding"]', { hasText: 'primary' }).waitFor();
    await waitForPanelHeight(onboarding, 100);
    await collapse(onboarding);
    await shoot(onboarding, '12-defender-onboarding-chip');
    await reopen(onboarding);
    await onboarding.close();

    // "Where is …?" in the popup.
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 400, height: 640 });
    await popup.goto(`${browser.extensionOrigin}/popup.html`);
    await popup.locator('#wf-search-input').fill('bookmarks');
    await popup.locator('[role="option"]').first().waitFor();
    await shoot(popup, '07-popup-where-is');

    // Trainer mode on the Azure-portal Sentinel menu.
    await popup.locator('input[name="trainer"]').check();
    await popup.waitForFunction(async () => (await chrome.storage.sync.get('settings')).settings?.trainer === true);
    const trainer = await browser.context.newPage();
    await trainer.goto(hunting);
    await trainer.locator('[data-wayfinder-kind="trainer"]').first().waitFor();
    await collapse(trainer);
    await shoot(trainer, '08-azure-trainer-mode');
    await reopen(trainer);
    await trainer.close();

    // The portal's own dark theme (Settings › Theme): the panel and the trainer labels follow it.
    const dark = await browser.context.newPage();
    await dark.goto(hunting);
    await overlay(dark).locator('[data-wayfinder-id="hunting"]').waitFor();
    await dark.getByRole('button', { name: 'Settings' }).click();
    await dark.getByRole('dialog', { name: 'Portal settings' }).getByRole('radio', { name: 'Dark' }).check();
    await dark.getByRole('button', { name: 'Settings' }).click();
    await overlay(dark).locator('html[data-theme="dark"]').waitFor();
    await waitForPanelHeight(dark, 100);
    await shoot(dark, '14-azure-dark-theme');
    await dark.close();
    await popup.locator('input[name="trainer"]').uncheck();

    await popup.goto(`${browser.extensionOrigin}/options.html`);
    await popup.locator('input[name="hints"]').waitFor();
    await shoot(popup, '09-options');

    // Onboarding with sign-in: the popup's checklist after reading ARM as a tenant that is not
    // onboarded yet (the demo's Fabrikam), signed in through the demo's Entra account picker.
    await browser.worker.evaluate(async (app) => {
      const { settings } = await chrome.storage.sync.get('settings');
      await chrome.storage.sync.set({ settings: { ...settings, signIn: app } });
    }, { tenant: '9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4', clientId: '2c4f6a8b-1d3e-4f50-9a7b-8c9d0e1f2a3b' });
    await popup.setViewportSize({ width: 420, height: 1600 });
    await popup.goto(`${browser.extensionOrigin}/popup.html`);
    const signInWindow = browser.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Sign in and read Azure' }).click();
    const login = await signInWindow;
    await login.getByRole('button', { name: 'alex.wilber@fabrikam.onmicrosoft.com' }).click();
    const tenantView = popup.locator('section[aria-label="Onboarding status"]');
    await tenantView.locator('[data-wayfinder-arm="read"]').waitFor();
    const checklist = path.resolve(out, '13-popup-onboarding-checklist.png');
    await tenantView.screenshot({ path: checklist });
    console.log(checklist);

    // The same extension in a German browser: the panel's own words follow chrome.i18n.
    const german = await launchChromium(portal, { language: 'de' });
    try {
      const page = await german.context.newPage();
      await page.goto(hunting);
      await overlay(page).locator('[data-wayfinder-id="hunting"]').waitFor({ timeout: 20_000 });
      await waitForPanelHeight(page, 100);
      await shoot(page, '15-azure-hunting-hint-german');
    } finally {
      await german.close();
    }
  }
} finally {
  await browser.close();
  await portal.stop();
}
