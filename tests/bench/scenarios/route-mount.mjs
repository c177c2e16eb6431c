// With the panel open: an SPA route change from a page without panel to an annotated page, where
// the content script mounts the panel's host (the overlay iframe): frames until the host is in the
// page, and ms until the new overlay shows its first item. The route change between two annotated
// pages, timed in every profile, is route.mjs.
import { sleep } from '../stats.mjs';
import { waitForOverlayFrame } from './route.mjs';

const SETTLE_MS = 1500; // the content script has reported the start page and had its answer
const TIMEOUT_MS = 15_000;

export async function measureRouteMount(profile, route) {
  const page = await profile.context.newPage();
  await page.goto(route.start);
  await sleep(SETTLE_MS);
  if ((await page.locator('[data-wayfinder-host]').count()) > 0) {
    throw new Error(`${route.start} already has a panel; the mount case needs a page without one`);
  }
  const { t0Abs } = await page.evaluate((action) => window.__wayfinderBench.routeChange(action), route.mount);
  const mountHandle = await page.waitForFunction(() => window.__wayfinderBench.routeMount(), null, { timeout: TIMEOUT_MS });
  const mount = await mountHandle.jsonValue();
  const frame = await waitForOverlayFrame(profile, page);
  await frame.waitForSelector(route.mount.expect, { timeout: TIMEOUT_MS });
  const firstItemAbs = await frame.evaluate(() => window.__wayfinderBench.firstItemAbs);
  await page.evaluate(() => window.__wayfinderBench.routeDone());
  await page.close();
  return { route: route.key, frames: mount.frames, ms: mount.ms, overlayItemMs: firstItemAbs - t0Abs };
}
