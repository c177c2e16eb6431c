// The store package as a user installs it: the zip's own contents, unpacked by
// `cargo xtask test` into WAYFINDER_PACKAGE_DIR (and packed there by Chromium's
// --pack-extension), load into Chromium and work; every icon the manifest names is a PNG of the
// size it is declared at.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { azureBladeUrls, launchChromium, overlay, startDemoPortal } from '../support/browser.mjs';

const dir = process.env.WAYFINDER_PACKAGE_DIR;
const env = { portal: null, browser: null };
before(async () => {
  assert.ok(dir, 'WAYFINDER_PACKAGE_DIR names the unpacked store zip (cargo xtask test sets it)');
  env.portal = await startDemoPortal();
  env.browser = await launchChromium(env.portal, { extensionDir: dir });
});
after(async () => {
  await env.browser?.close();
  await env.portal?.stop();
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  assert.deepEqual([...bytes.subarray(0, 8)], signature, 'a PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

test("the store zip's contents load in Chromium: the hint on a portal page and the popup", async () => {
  const page = await env.browser.context.newPage();
  await page.goto(azureBladeUrls('Hunting')['view with encoded id']);
  await overlay(page).locator('[data-wayfinder-kind="hint"][data-wayfinder-id="hunting"]').waitFor();
  const popup = await env.browser.context.newPage();
  await popup.goto(`${env.browser.extensionOrigin}/popup.html`);
  await popup.locator('#wf-search-input').waitFor();
  const manifest = await popup.evaluate(() => chrome.runtime.getManifest());
  const shipped = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
  assert.equal(manifest.version, shipped.version, 'the loaded extension is the package');
  await Promise.all([page.close(), popup.close()]);
});

test('every icon the manifest names is a PNG of its declared size', async () => {
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
  const icons = { ...manifest.icons, ...manifest.action.default_icon };
  assert.deepEqual(Object.keys(manifest.icons).sort(), ['128', '16', '32', '48']);
  for (const [size, file] of Object.entries(icons)) {
    const [width, height] = pngSize(await readFile(path.join(dir, file)));
    assert.deepEqual([width, height], [Number(size), Number(size)], file);
  }
});
