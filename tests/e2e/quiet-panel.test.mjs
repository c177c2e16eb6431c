// Quiet until there is news: for a new user the panel opens by itself on the first visit to a kind
// of page, and collapses to the pill (no iframe, no wasm in the tab) on the next visit; it opens
// by itself again for a control whose notice was never shown and for an incident whose sync state
// changed. The user's open or collapse choice and corner stick across reloads and tabs, and
// the pill never covers a control a notice is anchored to. A corrupt or oversized record of
// what was seen is dropped with a warning, never an error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { stopExtensionWorker } from '../bench/cdp.mjs';
import { ConsoleWatch } from '../soak/observe.mjs';
import { azureBladeUrls, azureIncidentUrl, overlay } from '../support/browser.mjs';
import { useDemoBrowser } from '../support/fixture.mjs';

const env = useDemoBrowser({ quietPanel: true });
const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const HUNTING = azureBladeUrls('Hunting')['view with encoded id'];
const INCIDENT = azureIncidentUrl('a7d3e1f2-5b6c-4d8e-9f01-23456789abcd');
const TASKS = '[data-telemetryname="Command-Tasks"]';

const pill = (page) => page.locator('[data-wayfinder-pill]');
const frameCount = (page) => page.evaluate(() => document.querySelectorAll('[data-wayfinder-host]').length);
const wasmInTab = (page) => page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('.wasm')));

async function open(url, setUp = null) {
  const page = await env.browser.context.newPage();
  if (setUp) await page.addInitScript(setUp);
  await page.goto(url);
  return page;
}

/** Waits until the page shows the pill (the panel collapsed) and checks that no frame is left. */
async function expectCollapsed(page) {
  await pill(page).waitFor();
  assert.equal(await frameCount(page), 0, 'no overlay iframe while the panel is collapsed');
}

/** Collapses the open panel as a user would, by its Hide button. */
async function collapse(page) {
  await overlay(page).getByRole('button', { name: 'Hide' }).click();
  await expectCollapsed(page);
}

/** Records, per animation frame, the panel frame's height whenever it is shown (opaque). */
function recordShownHeights() {
  window.__shownHeights = [];
  const tick = () => {
    const frame = document.querySelector('[data-wayfinder-host]')?.shadowRoot?.querySelector('iframe');
    if (frame && getComputedStyle(frame).opacity === '1') window.__shownHeights.push(frame.getBoundingClientRect().height);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

test('the first visit to a kind of page opens the panel, the second shows the pill only', async () => {
  const first = await open(HUNTING, recordShownHeights);
  await overlay(first).locator('[data-wayfinder-id="hunting"]').waitFor();
  // The panel appears once, at the size of what it lists: it does not grow under the pointer.
  await first.waitForTimeout(500);
  const heights = await first.evaluate(() => [...new Set(window.__shownHeights)]);
  assert.equal(heights.length, 1, `shown at one height: ${heights}`);
  assert.ok(heights[0] > 200, `the height of the hint and the reminder: ${heights}`);
  await first.close();

  const second = await open(azureBladeUrls('Hunting')['view with parameters']);
  await expectCollapsed(second);
  assert.match(await pill(second).getAttribute('aria-label'), /SecOps Wayfinder.*\d+ items/);
  assert.equal(await pill(second).getAttribute('aria-expanded'), 'false');
  assert.equal(await second.locator('[data-wayfinder-count]').textContent(), '2', 'the hint and the retirement reminder');
  // The chip goes on beside the pill; the trainer marks and notices would too: only the panel folds.
  assert.equal(await second.locator('[data-wayfinder-id="onboarding-status"]').count(), 1);
  await second.waitForTimeout(500);
  assert.equal(await wasmInTab(second), false, 'no wasm was loaded in the tab');

  // Everything is one click away.
  await pill(second).click();
  const hint = overlay(second).locator('[data-wayfinder-kind="hint"][data-wayfinder-id="hunting"]');
  await hint.waitFor();
  // The keyboard focus goes into the panel the user opened.
  await second.waitForFunction(() => document.activeElement?.shadowRoot?.activeElement?.title === 'SecOps Wayfinder');
  assert.equal(await pill(second).count(), 0, 'the open panel replaces the pill');
  await collapse(second);
  await second.close();
});

test('a control whose notice was never shown opens the panel by itself', async () => {
  // The incident page is seen once without its Tasks button: the page kind is no news after that.
  const hideTasks = () => {
    new MutationObserver(() => {
      const tasks = document.querySelector('[data-telemetryname="Command-Tasks"]');
      if (tasks && !window.__showTasks) {
        window.__tasks = [tasks, tasks.parentElement, tasks.nextSibling];
        tasks.remove();
      }
    }).observe(document, { childList: true, subtree: true });
  };
  const first = await open(INCIDENT, hideTasks);
  await overlay(first).locator('[data-wayfinder-kind="sync"]').waitFor();
  await collapse(first);
  await first.close();

  const page = await open(INCIDENT, hideTasks);
  await expectCollapsed(page);
  await page.waitForTimeout(2500); // past the probes' grace period: Tasks is reported missing
  assert.equal(await frameCount(page), 0, 'nothing new yet');
  await page.evaluate(() => {
    window.__showTasks = true;
    const [tasks, parent, next] = window.__tasks;
    parent.insertBefore(tasks, next && next.parentNode === parent ? next : null);
  });
  await page.locator(`${TASKS} + [data-wayfinder-kind="notice"][data-wayfinder-id="incident-tasks"]`).waitFor();
  await overlay(page).locator('[data-wayfinder-kind="notice"][data-wayfinder-id="incident-tasks"]').waitFor();
  await collapse(page);
  await page.close();

  // Seen now: the same page again stays quiet.
  const again = await open(INCIDENT);
  await again.locator(`${TASKS} + [data-wayfinder-kind="notice"]`).waitFor();
  await expectCollapsed(again);
  await again.waitForTimeout(500);
  assert.equal(await frameCount(again), 0);
  await again.close();
});

test('an incident whose sync state changed opens the panel by itself', async () => {
  const page = await open(INCIDENT);
  const mark = page.locator('[data-wayfinder-kind="sync"]:not([data-wayfinder-row])');
  await mark.and(page.locator('[data-wayfinder-state="synced"]')).waitFor();
  await expectCollapsed(page);
  // The portal re-renders the incident without its Defender XDR link: no longer shown as synced.
  await page.evaluate(() => {
    for (const link of document.querySelectorAll('a')) if (link.textContent.trim().startsWith('Investigate in Microsoft Defender XDR')) link.remove();
  });
  await mark.and(page.locator(':not([data-wayfinder-state="synced"]):not([data-wayfinder-state="checking"])')).waitFor();
  await overlay(page).locator('[data-wayfinder-kind="sync"]').waitFor();
  await collapse(page);
  await page.close();
});

test('the user\'s choice sticks across a reload and another tab, and the keyboard command toggles it', async () => {
  const page = await open(HUNTING);
  await expectCollapsed(page);
  await pill(page).click();
  await overlay(page).locator('[data-wayfinder-id="hunting"]').waitFor();
  await page.reload();
  await overlay(page).locator('[data-wayfinder-id="hunting"]').waitFor();
  const other = await open(HUNTING);
  await overlay(other).locator('[data-wayfinder-id="hunting"]').waitFor();
  await other.close();

  // The command has its shortcut. Headless Chromium has no browser window to take accelerators,
  // so the key press itself cannot reach the worker here; the worker's command listener sends
  // the tab this message, which is what is sent here too.
  const commands = await env.browser.worker.evaluate(() => chrome.commands.getAll());
  const toggle = commands.find((c) => c.name === 'toggle-panel');
  assert.ok(toggle && toggle.shortcut, `the toggle command has a shortcut: ${JSON.stringify(commands)}`);
  await page.bringToFront();
  const sendToggle = () =>
    env.browser.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      await chrome.tabs.sendMessage(tab.id, { type: 'toggle-panel' }, { frameId: 0 });
    });
  await sendToggle();
  await expectCollapsed(page);
  await sendToggle();
  await overlay(page).locator('[data-wayfinder-id="hunting"]').waitFor();
  await sendToggle();
  await expectCollapsed(page);
  await page.reload();
  await expectCollapsed(page);
  await page.close();
});

test('the pill moves to the next corner and never covers a control a notice is anchored to', async () => {
  const page = await open(INCIDENT);
  await page.locator(`${TASKS} + [data-wayfinder-kind="notice"]`).waitFor();
  // The incident shows as synced again, a change from what the last test left: the panel opened.
  await collapse(page);
  const boxes = () =>
    page.evaluate(() => {
      const box = (e) => e.getBoundingClientRect().toJSON();
      const anchors = [...document.querySelectorAll('[data-wayfinder-kind="notice"]')].map((m) => box(m.previousElementSibling || m.parentElement));
      return { pill: box(document.querySelector('[data-wayfinder-pill-host]')), anchors, width: innerWidth };
    });
  const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  let { pill: at, anchors, width } = await boxes();
  assert.ok(anchors.length > 0);
  assert.ok(at.right > width / 2, 'bottom right at first');
  assert.deepEqual(anchors.filter((a) => overlaps(a, at)), []);
  await page.locator('[data-wayfinder-move]').click();
  await page.waitForFunction(() => document.querySelector('[data-wayfinder-pill-host]').getBoundingClientRect().left < innerWidth / 2);
  ({ pill: at, anchors } = await boxes());
  assert.deepEqual(anchors.filter((a) => overlaps(a, at)), []);
  await page.reload();
  await page.waitForFunction(() => document.querySelector('[data-wayfinder-pill-host]')?.getBoundingClientRect().left < innerWidth / 2);
  await page.close();
});

for (const scheme of ['light', 'dark']) {
  test(`axe finds nothing on the pill (${scheme})`, async () => {
    const page = await env.browser.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(HUNTING);
    await expectCollapsed(page);
    await page.evaluate(AXE_SOURCE);
    const found = await page.evaluate(async () => {
      const result = await globalThis.axe.run(
        { include: [['[data-wayfinder-dock]']] },
        { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, rules: { region: { enabled: false } } },
      );
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(found, []);
    await page.close();
  });
}

test("the pill and the chip are set in the portal's font, the move arrow drawn", async () => {
  const page = await open(HUNTING);
  await expectCollapsed(page);
  const fonts = await page.evaluate(() => {
    const family = (e) => getComputedStyle(e).fontFamily;
    const pillRoot = document.querySelector('[data-wayfinder-pill-host]').shadowRoot;
    const chip = document.querySelector('[data-wayfinder-chip-host]').shadowRoot.firstElementChild;
    const arrow = pillRoot.querySelector('[data-wayfinder-move] svg').getBoundingClientRect();
    return {
      page: family(document.body),
      buttons: [...pillRoot.querySelectorAll('button')].map(family),
      chip: family(chip),
      arrow: [arrow.width, arrow.height],
      moveText: pillRoot.querySelector('[data-wayfinder-move]').textContent,
    };
  });
  assert.deepEqual(fonts.buttons, [fonts.page, fonts.page]);
  assert.equal(fonts.chip, fonts.page);
  assert.ok(fonts.arrow.every((side) => side > 0), `the move arrow has a box: ${fonts.arrow}`);
  assert.equal(fonts.moveText, '', 'the move button shows a shape, not a character');
  await page.close();
});

test('a corrupt or oversized seen record is dropped with a warning, and the panel behaves as on a first visit', async () => {
  const { context, extensionOrigin } = env.browser;
  const worker = () => context.serviceWorkers().find((w) => w.url().startsWith(`${extensionOrigin}/`));
  const browserSession = await context.browser().newBrowserCDPSession();
  const records = {
    corrupt: { entries: 'not a list' },
    oversized: { entries: Array.from({ length: 300 }, (_, i) => [`page:${i}`, '']) },
  };
  for (const [what, record] of Object.entries(records)) {
    const before = await open(HUNTING);
    await expectCollapsed(before);
    await worker().evaluate((r) => chrome.storage.local.set({ 'panel:seen': r }), record);
    // The worker keeps the record in memory: a restarted worker reads the stored one.
    const session = await context.newCDPSession(before);
    await stopExtensionWorker(session, extensionOrigin);
    await session.detach();
    await before.close();

    const page = await open(HUNTING);
    await overlay(page).locator('[data-wayfinder-id="hunting"]').waitFor();
    const watch = new ConsoleWatch(extensionOrigin);
    assert.ok(await watch.watchWorker(browserSession), 'the page woke the worker');
    const dropped = () => watch.warnings().filter((w) => w.text.includes("the panel's seen record was dropped"));
    for (let i = 0; i < 40 && dropped().length === 0; i += 1) await page.waitForTimeout(50);
    assert.equal(dropped().length, 1, `a ${what} record is named in the worker's console`);
    assert.deepEqual(watch.errors(), []);
    await watch.unwatchWorker(browserSession);
    // The record is whole again: the next visit is quiet.
    await collapse(page);
    await page.close();
    const again = await open(HUNTING);
    await expectCollapsed(again);
    await again.close();
  }
  await browserSession.detach();
});
