// The US Government portals are optional hosts: until the user allows them in options, the
// extension does nothing there (no content script, so not even the pill), while the commercial
// portals work as always; options offers the switch, and shows it on once they are allowed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useDemoBrowser } from '../support/fixture.mjs';

const env = useDemoBrowser();

/** Whether our element host appears in `url` within a few seconds. */
async function annotated(url) {
  const page = await env.browser.context.newPage();
  await page.goto(url);
  const host = page.locator('[data-wayfinder-host], [data-wayfinder-dock]').first();
  const shown = await host.waitFor({ state: 'attached', timeout: 4000 }).then(() => true, () => false);
  await page.close();
  return shown;
}

describe('US Government portals, not allowed', () => {
  test('the extension stays off the government portals and on the commercial ones', async () => {
    assert.equal(await annotated('https://security.microsoft.com/sentinel/hunting'), true, 'commercial Defender portal');
    for (const url of ['https://security.microsoft.us/sentinel/hunting', 'https://security.apps.mil/sentinel/hunting', 'https://portal.azure.us/#home']) {
      assert.equal(await annotated(url), false, url);
    }
    const registered = await env.browser.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    assert.deepEqual(registered, []);
  });

  test('options offer the switch, off', async () => {
    const options = await env.browser.context.newPage();
    await options.goto(`${env.browser.extensionOrigin}/options.html`);
    const section = options.locator('fieldset.wf-government');
    await section.waitFor();
    assert.match(await section.innerText(), /security\.microsoft\.us, security\.apps\.mil, portal\.azure\.us/);
    assert.equal(await section.locator('input[name="government-portals"]').isChecked(), false);
    await options.close();
  });
});
