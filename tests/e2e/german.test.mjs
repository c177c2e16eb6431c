// What a German user sees: Chromium in German (LANGUAGE=de, with chromium-l10n) shows the
// overlay panel, the popup and the options page with the German messages, each page marked
// lang="de", and none of our English UI texts left. The catalog's and the core's texts (feature
// names, hints, onboarding findings) stay English by design.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { azureBladeUrls, tabIdOf } from '../support/browser.mjs';
import { useDemoBrowser } from '../support/fixture.mjs';

const env = useDemoBrowser({ language: 'de' });
const HUNTING = azureBladeUrls('Hunting')['view with encoded id'];
const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function messages(language) {
  const url = new URL(`../../extension/_locales/${language}/messages.json`, import.meta.url);
  return JSON.parse(await readFile(url, 'utf8'));
}
const english = await messages('en');
const german = await messages('de');

/**
 * Our English texts that German words differently, as whole-text patterns: a placeholder stands
 * for any value (a reason, a count, a feature name).
 */
const ENGLISH_ONLY = Object.entries(english)
  .filter(([key, { message }]) => message !== german[key].message)
  .map(([key, { message }]) => {
    const parts = message.split(/\$[A-Za-z0-9_]+\$/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return { key, source: `^${parts.join('.*')}$` };
  });

/** Every text node and every aria-label, placeholder and title of `frame` that is one of our English texts. */
async function englishLeft(frame) {
  return frame.evaluate((patterns) => {
    const compiled = patterns.map(({ key, source }) => ({ key, re: new RegExp(source, 's') }));
    const texts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) texts.push(walker.currentNode.textContent.trim());
    for (const element of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
      for (const name of ['aria-label', 'placeholder', 'title']) {
        if (element.hasAttribute(name)) texts.push(element.getAttribute(name).trim());
      }
    }
    texts.push(document.title);
    return texts
      .filter((t) => t)
      .flatMap((t) => compiled.filter(({ re }) => re.test(t)).map(({ key }) => `${key}: ${t}`));
  }, ENGLISH_ONLY);
}

async function axeViolations(frame) {
  await frame.evaluate(AXE_SOURCE);
  return frame.evaluate(async () => {
    const result = await globalThis.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

async function overlayFrame(page) {
  const handle = await page.locator('[data-wayfinder-host] iframe').elementHandle();
  const frame = await handle.contentFrame();
  await frame.locator('[data-wayfinder-id="hunting"]').waitFor();
  return frame;
}

test('the browser runs in German, so the test is not passing on English', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(`${env.browser.extensionOrigin}/options.html`);
  const language = await page.evaluate(() => chrome.i18n.getUILanguage());
  assert.match(language, /^de/);
  assert.ok(ENGLISH_ONLY.length > 90, `${ENGLISH_ONLY.length} English texts to look for`);
  await page.close();
});

test('the overlay panel on a portal page speaks German', async () => {
  const portal = await env.browser.context.newPage();
  await portal.goto(HUNTING);
  const panel = await overlayFrame(portal);
  assert.equal(await panel.evaluate(() => document.documentElement.lang), 'de');
  await panel.getByRole('button', { name: 'Ausblenden' }).waitFor();
  const hint = panel.locator('[data-wayfinder-id="hunting"]');
  assert.equal(await hint.locator('.wf-location-portal').innerText(), 'Defender-Portal');
  assert.equal(await hint.locator('.wf-dismiss').innerText(), 'Verwerfen');
  assert.match(await hint.locator('.wf-dismiss').getAttribute('aria-label'), /^Verwerfen: /);
  assert.equal(await hint.locator('.wf-dismiss').getAttribute('title'), german.dismissForGood.message);
  assert.match(await hint.locator('.wf-source summary').innerText(), /^Quelle, Stand \d{4}-\d{2}-\d{2}$/);
  assert.deepEqual(await englishLeft(panel), []);

  // Hidden, the panel folds into the page's pill, which is named in German too.
  await panel.getByRole('button', { name: 'Ausblenden' }).click();
  const pill = portal.locator('[data-wayfinder-pill]');
  await pill.waitFor();
  assert.match(await pill.getAttribute('aria-label'), /^Wayfinder \d+: SecOps-Wayfinder-Bereich öffnen/);
  assert.match(await pill.getAttribute('title'), /Einträge auf dieser Seite/);
  await pill.click();
  await overlayFrame(portal);
  await portal.close();
});

test('the popup speaks German: headings, the search box and its results', async () => {
  const portal = await env.browser.context.newPage();
  await portal.goto(HUNTING);
  await overlayFrame(portal); // the tab has its plan
  const tabId = await tabIdOf(env.browser.worker, portal);
  const popup = await env.browser.context.newPage();
  await popup.goto(`${env.browser.extensionOrigin}/popup.html#tab=${tabId}`);
  await popup.locator('[data-wayfinder-kind="hint"]').first().waitFor();
  await popup.locator('[data-wayfinder-tenant-view]').first().waitFor();
  assert.equal(await popup.evaluate(() => document.documentElement.lang), 'de');
  await popup.getByRole('heading', { name: 'Onboardingstatus' }).waitFor();
  await popup.getByRole('checkbox', { name: german.popupTrainer.message }).waitFor();
  await popup.getByRole('link', { name: 'Optionen' }).waitFor();
  const search = popup.getByRole('combobox', { name: 'Wo ist …?' });
  assert.equal(await search.getAttribute('placeholder'), german.searchPlaceholder.message);
  assert.deepEqual(await englishLeft(popup), []);

  await search.fill('hunting');
  const hit = popup.locator('[data-wayfinder-kind="search-result"]').first();
  await hit.waitFor();
  assert.deepEqual(await hit.locator('dt').allInnerTexts(), ['Azure-Portal', 'Defender-Portal']);
  await popup.getByRole('listbox', { name: 'Passende Funktionen' }).waitFor();
  assert.deepEqual(await englishLeft(popup), []);

  await search.fill('zzzz-nothing');
  assert.equal(await popup.locator('.wf-empty').innerText(), 'Keine Sentinel-Funktion entspricht „zzzz-nothing“.');
  assert.deepEqual(await axeViolations(popup), []);
  await Promise.all([portal.close(), popup.close()]);
});

test('the options page speaks German, saves in German and passes axe as a German page', async () => {
  const options = await env.browser.context.newPage();
  await options.goto(`${env.browser.extensionOrigin}/options.html`);
  await options.locator('input[name="hints"]').waitFor();
  assert.equal(await options.evaluate(() => document.documentElement.lang), 'de');
  assert.equal(await options.title(), 'SecOps Wayfinder – Optionen');
  const legends = await options.locator('legend').allInnerTexts();
  assert.deepEqual(legends, [
    'Auf Portalseiten anzeigen',
    'Bereich öffnen',
    'Schulung',
    'Verworfene Hinweise und Meldungen',
    'US-Government-Portale',
    'Anmeldung für Onboardingprüfungen (optional)',
    'Probe-Patches',
    'Sichern und wiederherstellen',
    'Onboardingbericht öffnen',
  ]);
  await options.getByRole('checkbox', { name: german.optionNotices.message }).waitFor();
  assert.equal(await options.locator('.wf-dismissed-count').innerText(), 'Nichts verworfen.');
  for (const name of ['Verworfene Elemente wieder anzeigen', 'App-Registrierung speichern', 'Entfernen', 'Einstellungen exportieren']) {
    await options.getByRole('button', { name }).waitFor();
  }
  assert.deepEqual(await englishLeft(options), []);
  assert.deepEqual(await axeViolations(options), []);

  await options.getByRole('checkbox', { name: german.optionNotices.message }).uncheck();
  await options.locator('.wf-status', { hasText: 'Gespeichert.' }).waitFor();
  await options.getByRole('checkbox', { name: german.optionNotices.message }).check();
  await options.locator('.wf-status', { hasText: 'Gespeichert.' }).waitFor();
  assert.deepEqual(await englishLeft(options), []);
  await options.close();
});
