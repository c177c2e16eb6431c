// A portal page that turns against the overlay: its scripts restyle, move or navigate the
// panel, its stylesheets target our elements. The panel is put back as it was, takes clicks
// only where it is visible, and a page that keeps fighting it gets it closed; the page stays
// usable throughout. Every "page script" here runs in the page's own world, as the portal's
// scripts do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { azureBladeUrls, overlay } from '../support/browser.mjs';
import { useDemoBrowser } from '../support/fixture.mjs';

const env = useDemoBrowser();
const HUNTING = azureBladeUrls('Hunting')['view with encoded id'];
const PANEL_WIDTH = 360;
const MARGIN = 16;

async function openHunting() {
  const page = await env.browser.context.newPage();
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.goto(HUNTING);
  await overlay(page).locator('[data-wayfinder-id="hunting"]').waitFor();
  return { page, warnings };
}

/**
 * Where the panel is, and every point of a 20 px grid over the viewport where a click would land
 * on one of our elements although it is outside the panel frame's and the chip's visible box.
 */
function panelAndStrayPoints(page) {
  return page.evaluate(() => {
    const frame = document.querySelector('[data-wayfinder-host]')?.shadowRoot?.querySelector('iframe');
    const chip = document.querySelector('[data-wayfinder-chip-host]')?.shadowRoot?.firstElementChild;
    const boxes = [frame, chip].filter(Boolean).map((e) => e.getBoundingClientRect());
    const visible = (x, y) => boxes.some((r) => x >= r.left && x < r.right && y >= r.top && y < r.bottom);
    const stray = [];
    for (let x = 5; x < innerWidth; x += 20) {
      for (let y = 5; y < innerHeight; y += 20) {
        const hit = document.elementFromPoint(x, y);
        if (hit?.closest('[data-wayfinder-host], [data-wayfinder-chip-host]') && !visible(x, y)) stray.push([x, y]);
      }
    }
    const box = frame?.getBoundingClientRect();
    return {
      panel: box ? { width: box.width, rightGap: innerWidth - box.right, bottomGap: innerHeight - box.bottom } : null,
      stray,
      src: frame?.src ?? null,
    };
  });
}

/** Waits until the panel is back where it belongs: bottom right, its own width. */
async function panelInPlace(page) {
  await page.waitForFunction(
    ([width, margin]) => {
      const frame = document.querySelector('[data-wayfinder-host]')?.shadowRoot?.querySelector('iframe');
      const box = frame?.getBoundingClientRect();
      return box && box.width === width && innerWidth - box.right === margin && getComputedStyle(frame).visibility === 'visible';
    },
    [PANEL_WIDTH, MARGIN],
  );
}

test('the panel takes clicks only where it is visible', async () => {
  const { page } = await openHunting();
  const { panel, stray } = await panelAndStrayPoints(page);
  assert.deepEqual(panel && { width: panel.width, rightGap: panel.rightGap }, { width: PANEL_WIDTH, rightGap: MARGIN });
  assert.deepEqual(stray, []);
  // The portal's own menu, left of and above the panel, still takes clicks.
  await page.locator('[data-telemetryname="Menu-Incidents"]').click();
  await overlay(page).locator('[data-wayfinder-id="incidents"]').waitFor();
  await page.close();
});

test('a page script that restyles the panel or its host is undone', async () => {
  const { page, warnings } = await openHunting();
  await page.evaluate(() => {
    const host = document.querySelector('[data-wayfinder-host]');
    const frame = host.shadowRoot.querySelector('iframe');
    Object.assign(frame.style, { top: '0', left: '0', width: '100vw', height: '100vh', opacity: '0' });
  });
  await panelInPlace(page);
  assert.deepEqual((await panelAndStrayPoints(page)).stray, [], 'a full-page frame would take every click');

  await page.evaluate(() => {
    const host = document.querySelector('[data-wayfinder-host]');
    host.setAttribute('style', 'display: block; transform: scale(3); visibility: hidden; pointer-events: auto');
    host.setAttribute('hidden', '');
  });
  await panelInPlace(page);
  assert.deepEqual((await panelAndStrayPoints(page)).stray, []);
  await overlay(page).locator('[data-wayfinder-id="hunting"]').click();
  assert.deepEqual(warnings.filter((w) => w.includes('SecOps Wayfinder')), [], 'a few repairs do not close the panel');
  await page.close();
});

test("a page stylesheet aimed at our elements neither hides the panel nor lets it take the page's clicks", async () => {
  const { page } = await openHunting();
  await page.evaluate(() => {
    // A constructed sheet: the demo's CSP, like the portals', allows no inline <style>.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`
      [data-wayfinder-host], [data-wayfinder-chip-host], div {
        display: block !important; visibility: hidden !important; transform: scale(4) !important;
        pointer-events: auto !important; width: 100vw !important; height: 100vh !important;
      }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  });
  await panelInPlace(page);
  const { stray } = await panelAndStrayPoints(page);
  assert.deepEqual(stray, []);
  assert.equal(await overlay(page).locator('[data-wayfinder-id="hunting"]').isVisible(), true);
  await page.close();
});

test('a page script that navigates the panel frame away gets our panel back', async () => {
  const { page } = await openHunting();
  const origin = env.browser.extensionOrigin;
  const frameSrc = async () => (await panelAndStrayPoints(page)).src;

  await page.evaluate(() => {
    document.querySelector('[data-wayfinder-host]').shadowRoot.querySelector('iframe').src = 'https://portal.azure.com/#home';
  });
  await page.waitForFunction(() => document.querySelector('[data-wayfinder-host]')?.shadowRoot?.querySelector('iframe')?.src.startsWith('chrome-extension://'));
  await overlay(page).locator('[data-wayfinder-id="hunting"]').waitFor();

  // Navigating the frame's window leaves its src attribute alone; its second load gives it away.
  await page.evaluate(() => {
    const frame = document.querySelector('[data-wayfinder-host]').shadowRoot.querySelector('iframe');
    // A JS property, not an attribute: an attribute change alone would get the frame rebuilt.
    frame.navigatedByPage = true;
    frame.contentWindow.location.replace('https://portal.azure.com/#home');
  });
  await page.waitForFunction(() => {
    const frame = document.querySelector('[data-wayfinder-host]')?.shadowRoot?.querySelector('iframe');
    return frame && !frame.navigatedByPage;
  });
  const children = page.mainFrame().childFrames().map((f) => f.url());
  assert.deepEqual(children.filter((u) => u.startsWith('https://portal.azure.com/')), [], 'no portal page is left in the panel');
  assert.ok((await frameSrc()).startsWith(`${origin.split('://')[0]}://`), 'the panel is an extension page again');
  await overlay(page).locator('[data-wayfinder-id="hunting"]').waitFor();
  assert.deepEqual((await panelAndStrayPoints(page)).stray, []);

  // Taking the frame out of our shadow root, or moving it into the page, gets it put back too.
  await page.evaluate(() => {
    const frame = document.querySelector('[data-wayfinder-host]').shadowRoot.querySelector('iframe');
    document.body.append(frame);
  });
  await page.waitForFunction(() => document.querySelector('[data-wayfinder-host]')?.shadowRoot?.querySelector('iframe'));
  assert.equal(await page.locator('body > iframe[title="SecOps Wayfinder"]').count(), 0, 'no copy of the panel is left in the page');
  await overlay(page).locator('[data-wayfinder-id="hunting"]').waitFor();
  await page.close();
});

test('a page that keeps changing the panel gets it closed, and it comes back on the next route', async () => {
  const { page, warnings } = await openHunting();
  await page.evaluate(() => {
    window.__fight = setInterval(() => {
      const frame = document.querySelector('[data-wayfinder-host]')?.shadowRoot?.querySelector('iframe');
      if (frame) frame.style.width = '100vw';
    }, 5);
  });
  await page.waitForFunction(() => document.querySelectorAll('[data-wayfinder-host]').length === 0);
  assert.ok(warnings.some((w) => w.includes('keeps changing the panel')), warnings.join('\n'));
  assert.deepEqual((await panelAndStrayPoints(page)).stray, []);
  await page.evaluate(() => clearInterval(window.__fight));

  // The page is still usable, and the next route shows the panel again.
  await page.locator('[data-telemetryname="Menu-Incidents"]').click();
  await overlay(page).locator('[data-wayfinder-id="incidents"]').waitFor();
  await panelInPlace(page);
  await page.close();
});

test('the portal page has no channel to the extension', async () => {
  const { page } = await openHunting();
  // externally_connectable is closed: Chromium gives the page no chrome.runtime to message us.
  assert.equal(await page.evaluate(() => typeof globalThis.chrome?.runtime?.sendMessage), 'undefined');
  // Messages the page posts do not steer the panel: a forged height is ignored (only our own
  // frame's messages size it) and the frame shows only what the service worker planned.
  const height = () =>
    page.evaluate(() => document.querySelector('[data-wayfinder-host]').shadowRoot.querySelector('iframe').getBoundingClientRect().height);
  const before = await height();
  await page.evaluate(async () => {
    const frame = document.querySelector('[data-wayfinder-host]').shadowRoot.querySelector('iframe');
    frame.contentWindow.postMessage({ type: 'page-changed', url: 'https://portal.azure.com/#home' }, '*');
    window.postMessage({ wayfinderHeight: 5000 }, '*');
    await new Promise((done) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(done)), 50));
  });
  assert.equal(await height(), before, 'the forged height was ignored');
  assert.equal(await overlay(page).locator('[data-wayfinder-id="hunting"]').isVisible(), true);
  await page.close();
});

test('a copy of the panel that the page frames itself shows nothing and offers nothing to click', async () => {
  const { page } = await openHunting();
  // The page reads our frame's address through the open shadow root and frames that page under
  // its own content, as a page would to trick clicks on Dismiss; it even posts it a guessed key.
  await page.evaluate(() => {
    const src = document.querySelector('[data-wayfinder-host]').shadowRoot.querySelector('iframe').src;
    const copy = document.createElement('iframe');
    copy.id = 'page-copy';
    copy.src = src;
    copy.style.cssText = 'position:fixed;left:0;top:0;width:360px;height:500px;border:0;z-index:2147483647';
    copy.addEventListener('load', () => copy.contentWindow.postMessage({ wayfinderPing: true, wayfinderKey: '0f8e2c4a-6b1d-4e3f-9a5c-7d2b1e0f3a4c' }, '*'));
    document.body.append(copy);
  });
  const copy = page.frameLocator('#page-copy');
  await copy.locator('html').waitFor({ state: 'attached' });
  // Given time to load its module and ask the worker, it still shows no item and no button.
  await page.waitForTimeout(1500);
  assert.equal(await copy.locator('[data-wayfinder-id]').count(), 0, 'no item in the copy');
  assert.equal(await copy.getByRole('button').count(), 0, 'no Dismiss or Hide button in the copy');
  // Our own panel, mounted by the content script, still shows its items.
  await overlay(page).locator('[data-wayfinder-id="hunting"]').waitFor();
  await overlay(page).getByRole('button', { name: 'Dismiss' }).first().waitFor();
  await page.close();
});

test('a panel the page moves elsewhere in its DOM comes back with its content shown', async () => {
  const { page } = await openHunting();
  // Moving the host reloads the frame: its new document must be shown again, at its size.
  await page.evaluate(() => {
    const host = document.querySelector('[data-wayfinder-host]');
    const box = document.createElement('div');
    document.body.prepend(box);
    box.append(host);
  });
  await panelInPlace(page);
  await overlay(page).locator('[data-wayfinder-id="hunting"]').click();
  await overlay(page).getByRole('button', { name: 'Hide' }).waitFor();
  await page.close();
});
