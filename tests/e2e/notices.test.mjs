// Missing-feature notices at the point of need: each notice's mark sits at its control, in the
// portal page or in the Azure blade frame; it comes back after SPA navigation and after the
// portal rebuilds the control; a control that cannot be found is reported, never silent.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { azureBladeUrls, azureIncidentUrl, demo, overlay } from '../support/browser.mjs';
import { replaceTasksCommand } from '../support/portal-changes.mjs';
import { useDemoBrowser } from '../support/fixture.mjs';

const env = useDemoBrowser();

const AZURE_INCIDENT = azureIncidentUrl('a7d3e1f2-5b6c-4d8e-9f01-23456789abcd');
const DEFENDER = (path) => `https://security.microsoft.com${path}${path.includes('?') ? '&' : '?'}tid=${demo.tenant}`;
const mark = (scope, id) => scope.locator(`[data-wayfinder-kind="notice"][data-wayfinder-id="${id}"]`);
const panelNotice = (page, id) => overlay(page).locator(`[data-wayfinder-kind="notice"][data-wayfinder-id="${id}"]`);
const bladeFrame = (page) => page.frameLocator('iframe[id^="_react_frame_"]');

/** Asserts the mark of `id` sits right after (or inside) the element matching `anchor`. */
async function assertAt(scope, id, anchor, place = 'after') {
  const m = mark(scope, id);
  await m.waitFor();
  const ok = await m.evaluate(
    (node, [selector, where]) => {
      const target = where === 'after' ? node.previousElementSibling : node.parentElement;
      return Boolean(target && target.matches(selector));
    },
    [anchor, place],
  );
  assert.ok(ok, `the ${id} mark is ${place} ${anchor}`);
  assert.ok(await m.isVisible(), `the ${id} mark is visible`);
}

// [name, url, notice id, anchor selector, place, set-up clicks in the top page or the frame]
const TOP_CASES = [
  ['Azure incident page: Tasks', AZURE_INCIDENT, 'incident-tasks', '[data-telemetryname="Command-Tasks"]'],
  ['Azure incident page: Activity log', AZURE_INCIDENT, 'incident-comment-edit', '[data-telemetryname="Command-Activitylog"]'],
  ['Azure incident page: Incident actions', AZURE_INCIDENT, 'automation-rule-from-incident', '[data-telemetryname="Command-Incidentactions"]'],
  ['Azure incident page: Similar incidents', AZURE_INCIDENT, 'similar-incidents', 'section[aria-label="Similar incidents"]', 'append'],
  ['Azure incident page: Evidence › Alerts', AZURE_INCIDENT, 'incident-add-remove-alerts', '[aria-label="Evidence"] *'],
  ['Azure Incidents: Create incident', azureBladeUrls('Incidents')['view with encoded id'], 'manual-api-incidents', '[data-telemetryname="Command-CreateincidentPreview"]'],
  ['Defender Advanced hunting: Run', DEFENDER('/v2/advanced-hunting'), 'hunting-bookmarks-in-advanced-hunting', '#huntingRunQueryButtonId'],
  ['Defender Advanced hunting: IdentityInfo', DEFENDER('/v2/advanced-hunting'), 'identityinfo-changes', '.demo-schema *'],
  ['Defender incident page: comments', DEFENDER('/incidents/3421'), 'incident-comment-edit', 'a[href="#comments"]'],
  ['Defender Data connectors', DEFENDER('/sentinel/connectors'), 'hidden-xdr-connectors', 'h1'],
];

/** Navigates away inside the single-page app (no reload) and back. */
async function awayAndBack(page) {
  const before = page.url();
  await page.evaluate(() => { window.__wayfinderNoReload = true; });
  if (before.startsWith('https://portal.azure.com/')) {
    await page.evaluate(() => { location.hash = '#home'; });
  } else {
    await page.evaluate((t) => { history.pushState(null, '', `/alerts?tid=${t}`); dispatchEvent(new PopStateEvent('popstate')); }, demo.tenant);
  }
  await page.waitForFunction(() => document.querySelectorAll('[data-wayfinder-kind="notice"]').length === 0);
  await page.evaluate(() => history.back());
  await page.waitForURL(before);
  assert.equal(await page.evaluate(() => window.__wayfinderNoReload), true, 'no reload happened');
}

/** Replaces the anchor's container with a fresh copy (a portal re-render), minus our marks. */
async function rerender(page, id) {
  await page.evaluate((markId) => {
    const mark = document.querySelector(`[data-wayfinder-kind="notice"][data-wayfinder-id="${markId}"]`);
    const container = mark.parentElement;
    const copy = container.cloneNode(true);
    copy.querySelectorAll('[data-wayfinder-kind]').forEach((m) => m.remove());
    container.replaceWith(copy);
  }, id);
}

describe('notices at their controls in the top document', () => {
  for (const [name, url, id, anchor, place] of TOP_CASES) {
    test(name, async () => {
      const page = await env.browser.context.newPage();
      await page.goto(url);
      await assertAt(page, id, anchor, place);
      await panelNotice(page, id).waitFor();

      await awayAndBack(page);
      await assertAt(page, id, anchor, place);

      await rerender(page, id);
      await assertAt(page, id, anchor, place);
      assert.equal(await mark(page, id).count(), 1, 'one mark after the re-render');
      await page.close();
    });
  }

  test('entity actions: Add to TI and Run playbook, once the Entities pane is open', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(AZURE_INCIDENT);
    await panelNotice(page, 'add-entity-to-ti').waitFor();
    await page.locator('.demo-tabs [role="tab"]', { hasText: 'Entities' }).click();
    await assertAt(page, 'add-entity-to-ti', 'button');
    await assertAt(page, 'run-playbook-alert-entity', 'button');
    assert.match(await mark(page, 'add-entity-to-ti').evaluate((n) => n.previousElementSibling.textContent), /Add to TI/);
    await page.close();
  });
});

describe('notices inside the Azure blade frame', () => {
  test('Analytics: Fusion row, the + Create menu, and the rule wizard\'s incident settings', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(azureBladeUrls('Analytics')['view with encoded id']);
    let frame = bladeFrame(page);
    await assertAt(frame, 'fusion', 'td, [role="gridcell"]', 'append');
    // Away and back: the portal builds a new blade frame, which gets its anchors again.
    await awayAndBack(page);
    frame = bladeFrame(page);
    await assertAt(frame, 'fusion', 'td, [role="gridcell"]', 'append');
    // The blade re-renders its grid: the cell is replaced, the mark follows.
    await frame.locator('table').first().evaluate((table) => {
      const copy = table.cloneNode(true);
      copy.querySelectorAll('[data-wayfinder-kind]').forEach((m) => m.remove());
      table.replaceWith(copy);
    });
    await assertAt(frame, 'fusion', 'td, [role="gridcell"]', 'append');
    assert.equal(await mark(frame, 'fusion').count(), 1);
    await frame.locator('button', { hasText: '+ Create' }).first().click();
    await assertAt(frame, 'ms-incident-creation-rules', '[role="menuitem"]');
    await frame.locator('[role="menuitem"]', { hasText: 'Scheduled query rule' }).click();
    await frame.locator('[role="tab"]', { hasText: 'Incident settings' }).click();
    await assertAt(frame, 'alert-only-rules', 'label');
    await assertAt(frame, 'reopen-closed-incidents', 'label');
    await panelNotice(page, 'reopen-closed-incidents').waitFor();
    await page.close();
  });

  test('Automation: the automation rule\'s Add task action', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(azureBladeUrls('Automation')['view with encoded id']);
    const frame = bladeFrame(page);
    await frame.locator('button', { hasText: '+ Create' }).first().click();
    await frame.locator('[role="menuitem"]', { hasText: 'Automation rule' }).click();
    await assertAt(frame, 'incident-tasks', 'select');
    await assertAt(frame, 'securityincident-description', 'h1');
    await page.close();
  });

  test('Workspace manager and News & guides say they have no Defender counterpart', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(azureBladeUrls('WorkspaceManager')['view with encoded id']);
    await assertAt(bladeFrame(page), 'workspace-manager', 'h1');
    await awayAndBack(page);
    await assertAt(bladeFrame(page), 'workspace-manager', 'h1');
    await page.goto(azureBladeUrls('NewsAndGuides')['view with encoded id']);
    await assertAt(bladeFrame(page), 'news-guides', 'h1');
    const docs = panelNotice(page, 'news-guides').locator('a[data-wayfinder-link="docs"]');
    assert.equal(await docs.getAttribute('href'), 'https://learn.microsoft.com/en-us/azure/sentinel/');
    await page.close();
  });
});

describe('marks follow the portal', () => {
  test('after an SPA navigation away and back', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(AZURE_INCIDENT);
    await assertAt(page, 'incident-tasks', '[data-telemetryname="Command-Tasks"]');
    await page.evaluate((hash) => { location.hash = hash; }, new URL(azureBladeUrls('Hunting')['view with encoded id']).hash);
    await overlay(page).locator('[data-wayfinder-kind="hint"][data-wayfinder-id="hunting"]').waitFor();
    assert.equal(await mark(page, 'incident-tasks').count(), 0, 'no notice mark on the Hunting blade');
    await page.goBack();
    await assertAt(page, 'incident-tasks', '[data-telemetryname="Command-Tasks"]');
    await page.close();
  });

  test('after the portal rebuilds the control (element replaced)', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(DEFENDER('/v2/advanced-hunting'));
    await assertAt(page, 'hunting-bookmarks-in-advanced-hunting', '#huntingRunQueryButtonId');
    await page.evaluate(() => { document.querySelector('#huntingRunQueryButtonId').dataset.original = 'yes'; });
    // The panel sits over the command bar's right end; collapse it as a user would.
    await overlay(page).getByRole('button', { name: 'Hide' }).click();
    // Collapsed, the panel is the pill: no frame is left over the command bar.
    await page.waitForFunction(() => {
      const frame = document.querySelector('[data-wayfinder-host]')?.shadowRoot?.querySelector('iframe');
      return !frame || frame.getBoundingClientRect().height < 60;
    });
    await page.locator('.scc-commandBar button', { hasText: 'Refresh' }).click();
    await page.waitForFunction(() => {
      const run = document.querySelector('#huntingRunQueryButtonId');
      return run && !run.dataset.original && run.nextElementSibling?.matches('[data-wayfinder-kind="notice"]');
    });
    assert.equal(await mark(page, 'hunting-bookmarks-in-advanced-hunting').count(), 1, 'exactly one mark');
    // The user opens the panel again: it stays open on the next pages, as the other tests read it.
    await page.locator('[data-wayfinder-pill]').click();
    await overlay(page).locator('body').waitFor();
    await page.close();
  });

  test('a label renamed in place loses its mark, and gets it back when renamed again', async () => {
    // The content script checks the element a probe found last before searching again; an
    // element still in the page whose text no longer matches must not keep the mark.
    const id = 'identityinfo-changes';
    const page = await env.browser.context.newPage();
    await page.goto(DEFENDER('/v2/advanced-hunting'));
    await assertAt(page, id, '.demo-schema *');
    const rename = (from, to) =>
      page.evaluate(([markId, a, b]) => {
        window.__anchor ??= document.querySelector(`[data-wayfinder-id="${markId}"]`).previousElementSibling;
        const walker = document.createTreeWalker(window.__anchor, NodeFilter.SHOW_TEXT);
        for (let node; (node = walker.nextNode()); ) node.data = node.data.replace(a, b);
      }, [id, from, to]);
    await rename('IdentityInfo', 'IdentityInfoArchive');
    await mark(page, id).waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => window.__anchor.isConnected), true, 'the renamed element is still in the page');
    await rename('IdentityInfoArchive', 'IdentityInfo');
    await assertAt(page, id, '.demo-schema *');
    await page.close();
  });

  test('an unknown structure gets the panel fallback and a "not found" in the page check', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(AZURE_INCIDENT);
    await assertAt(page, 'incident-tasks', '[data-telemetryname="Command-Tasks"]');
    // The portal ships new markup: the Tasks command loses its hooks and its label.
    await replaceTasksCommand(page);
    await mark(page, 'incident-tasks').waitFor({ state: 'detached' });
    const card = panelNotice(page, 'incident-tasks');
    await card.locator('.wf-not-found').waitFor({ state: 'visible' });
    assert.match(await card.innerText(), /Can't read this view/);

    // The worker cannot read portal tabs' URLs (no "tabs" permission); the page under test is
    // the active tab of the only window.
    await page.bringToFront();
    const tabId = await env.browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true }))[0]?.id);
    assert.ok(Number.isInteger(tabId), 'the worker knows the tab');
    const popup = await env.browser.context.newPage();
    await popup.goto(`${env.browser.extensionOrigin}/popup.html#tab=${tabId}`);
    const entry = popup.locator('[data-wayfinder-health][data-wayfinder-id="incident-tasks"]');
    await entry.waitFor();
    await popup.waitForFunction(() => document.querySelector('[data-wayfinder-id="incident-tasks"][data-wayfinder-health]')?.dataset.wayfinderHealth === 'missing');
    assert.match(await entry.innerText(), /can't read this view/);
    const activity = popup.locator('[data-wayfinder-id="incident-comment-edit"][data-wayfinder-health]');
    assert.equal(await activity.getAttribute('data-wayfinder-health'), 'found');
    assert.match(await activity.innerText(), /found by its page hook\)/);
    await popup.close();
    await page.close();
  });

  test('a control that changed its form is found by a tolerant tier, and the page check says so', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(AZURE_INCIDENT);
    await assertAt(page, 'incident-tasks', '[data-telemetryname="Command-Tasks"]');
    // The portal renames the command's hook and draws its label in capitals with a count badge.
    await page.evaluate(() => {
      const tasks = /** @type {HTMLElement} */ (document.querySelector('[data-telemetryname="Command-Tasks"]'));
      const copy = /** @type {HTMLElement} */ (tasks.cloneNode(true));
      copy.querySelectorAll('[data-wayfinder-kind]').forEach((m) => m.remove());
      copy.setAttribute('data-telemetryname', 'Command-IncidentTasks');
      copy.id = 'renamed-tasks';
      const label = /** @type {HTMLElement} */ (copy.querySelector('.azc-toolbarButton-label'));
      label.textContent = 'TASKS';
      const badge = document.createElement('span');
      badge.textContent = '(2)';
      label.after(badge);
      tasks.replaceWith(copy);
    });
    await assertAt(page, 'incident-tasks', '#renamed-tasks');

    await page.bringToFront();
    const tabId = await env.browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true }))[0]?.id);
    const popup = await env.browser.context.newPage();
    await popup.goto(`${env.browser.extensionOrigin}/popup.html#tab=${tabId}`);
    const entry = popup.locator('[data-wayfinder-health][data-wayfinder-id="incident-tasks"]');
    await popup.waitForFunction(() => /found by its label, tolerant/.test(document.querySelector('[data-wayfinder-id="incident-tasks"][data-wayfinder-health]')?.textContent ?? ''));
    assert.equal(await entry.getAttribute('data-wayfinder-health'), 'found');
    await popup.close();
    await page.close();
  });
});

describe('hostile portal strings', () => {
  test('an incident title and comment with HTML and script are never interpreted', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(azureIncidentUrl('e1f7a5c6-9b0d-4e2f-8a34-56789abcdef1'));
    await panelNotice(page, 'incident-tasks').waitFor();
    await page.locator('[data-telemetryname="Command-Activitylog"]').click();
    await mark(page, 'incident-tasks').waitFor();
    assert.notEqual(await page.evaluate(() => document.title), 'pwned');
    // Nothing the extension placed contains markup from the page.
    const injected = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-wayfinder-kind]')).map((m) => m.shadowRoot?.querySelectorAll('img, script, b').length ?? 0),
    );
    assert.ok(injected.length > 0 && injected.every((n) => n === 0), JSON.stringify(injected));
    const panel = overlay(page).locator('body');
    assert.equal(await panel.locator('img, script, b').count(), 0);
    assert.notEqual(await page.evaluate(() => document.title), 'pwned');
    await page.close();
  });
});

describe('the marks in the page', () => {
  /** The computed font of the notice mark's text and of the control it sits at. */
  const fonts = (page) =>
    mark(page, 'incident-tasks').evaluate((node) => {
      const text = node.shadowRoot.querySelector('.wf-mark-text');
      const style = getComputedStyle(text);
      const control = getComputedStyle(node.previousElementSibling);
      return { family: style.fontFamily, size: parseFloat(style.fontSize), controlFamily: control.fontFamily, glyphs: text.textContent };
    });

  test("a notice reads in the portal's own font, its warning sign drawn, not a character", async () => {
    const page = await env.browser.context.newPage();
    await page.goto(AZURE_INCIDENT);
    await mark(page, 'incident-tasks').waitFor();
    const font = await fonts(page);
    assert.equal(font.family, font.controlFamily);
    assert.ok(font.size >= 11 && font.size <= 16, `font size ${font.size}`);
    assert.doesNotMatch(font.glyphs, /[\u2190-\u2bff]/u, 'no symbol characters that would need a fallback font');
    assert.equal(await mark(page, 'incident-tasks').evaluate((node) => node.shadowRoot.querySelectorAll('svg[aria-hidden="true"]').length), 1);
    await page.close();
  });

  test('a notice stays readable where the portal sets its font size to 0', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(AZURE_INCIDENT);
    await mark(page, 'incident-tasks').waitFor();
    await page.evaluate(() => {
      // A constructed sheet: the demo's CSP, like the portals', allows no inline <style>.
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('body, body * { font-size: 0 !important; }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    });
    assert.equal((await fonts(page)).size, 11);
    await page.close();
  });
});
