// Every Azure-portal location in the catalog: its demo page, opened at a real URL form with the
// tenant and workspace in it, shows a hint with the right id and a Defender link that keeps that
// context. The expected link is computed here from the catalog data, independently of the core.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { demo, overlay } from '../support/browser.mjs';
import { useDemoBrowser } from '../support/fixture.mjs';

const catalog = JSON.parse(await readFile(new URL('../../crates/core/catalog/features.json', import.meta.url), 'utf8'));
const env = useDemoBrowser();

const workspaceId = encodeURIComponent(
  `/subscriptions/${demo.subscription}/resourcegroups/${demo.resourceGroup}/providers/microsoft.securityinsightsarg/sentinel/${demo.workspace}`,
);

/** The catalog's Defender link with the tenant and workspace filled in. */
function expectedDefenderLink(entry) {
  const scoped = entry.defender.routes.find((r) => r.startsWith('/sentinel/{subscription}/{resource-group}/{workspace}/'));
  const base = scoped
    ? 'https://security.microsoft.com' + scoped
      .replace('{subscription}', demo.subscription)
      .replace('{resource-group}', demo.resourceGroup)
      .replace('{workspace}', demo.workspace)
    : entry.defender.link ?? 'https://security.microsoft.com/';
  return `${base}${base.includes('?') ? '&' : '?'}tid=${demo.tenant}`;
}

const azureLocations = catalog.filter(
  (e) => e.kind === 'location' && (e.azure.blades.length > 0 || e.azure.blade_guesses.length > 0),
);

describe('a hint on every Azure-portal Sentinel page of the catalog', () => {
  test('the catalog has Azure-portal locations to check', () => {
    assert.ok(azureLocations.length >= 20, `${azureLocations.length} locations`);
  });

  for (const entry of azureLocations) {
    const blade = entry.azure.blades[0] ?? entry.azure.blade_guesses[0];
    test(`${entry.id} (blade ${blade})`, async () => {
      const page = await env.browser.context.newPage();
      await page.goto(
        `https://portal.azure.com/#@${demo.tenant}/view/Microsoft_Azure_Security_Insights/MainMenuBlade/~/${blade}/id/${workspaceId}`,
      );
      const hint = overlay(page).locator(`[data-wayfinder-kind="hint"][data-wayfinder-id="${entry.id}"]`);
      await hint.waitFor();
      const link = hint.locator('a[data-wayfinder-link="defender"]');
      assert.equal(await link.getAttribute('href'), expectedDefenderLink(entry));
      const text = await hint.innerText();
      assert.ok(text.includes(entry.defender.menu), `the hint names "${entry.defender.menu}":\n${text}`);
      if (entry.status === 'unavailable') assert.match(text, /is not available in the Defender portal/);
      for (const alias of entry.defender.aliases) assert.ok(text.includes(alias.menu), `alias ${alias.menu}`);
      await page.close();
    });
  }
});
