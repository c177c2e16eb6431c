// SPA route changes after the first load, with the extension (without it there is no overlay to
// wait for). Frames are counted in the page with requestAnimationFrame (probe.mjs).
//
// mount:  a page without overlay → an annotated page: frames until the content script's host
//         element is in the page, and ms until the new overlay iframe shows its first item.
// update: an annotated page → another, overlay open: frames until the overlay shows the new
//         page's item. The overlay is another process; its change is placed on the page's
//         frames by time (performance.timeOrigin + now, one clock for the machine).
import { overlayFrame } from '../profiles.mjs';
import { sleep } from '../stats.mjs';

const SETTLE_MS = 1500; // the content script has reported the start page and had its answer
const TIMEOUT_MS = 15_000;
// Frame start times of the overlay and of the page come from the same vsync but through two
// processes' clocks; a quarter of a 60 Hz frame absorbs the rounding between them.
const SAME_FRAME_MS = 4;

export async function measureRoute(profile, route) {
  const page = await profile.context.newPage();
  await page.goto(route.start);
  await sleep(SETTLE_MS);
  if ((await page.locator('[data-wayfinder-host]').count()) > 0) {
    throw new Error(`${route.start} already has an overlay; the mount case needs a page without one`);
  }

  // mount
  await page.evaluate((action) => { window.__wayfinderBench.routeChange(action); }, route.mount);
  const mountHandle = await page.waitForFunction(() => window.__wayfinderBench.routeMount(), null, { timeout: TIMEOUT_MS });
  const mount = await mountHandle.jsonValue();
  const t0Abs = await page.evaluate(() => window.__wayfinderBench.route.t0Abs);
  const frame = await waitForOverlayFrame(profile, page);
  await frame.waitForSelector(route.mount.expect, { timeout: TIMEOUT_MS });
  const firstItemAbs = await frame.evaluate(() => window.__wayfinderBench.firstItemAbs);
  await page.evaluate(() => window.__wayfinderBench.stopTicks());
  await sleep(SETTLE_MS);

  // update
  await frame.evaluate((selector) => window.__wayfinderBench.watchFor(selector), route.update.expect);
  const { t0Abs: u0Abs } = await page.evaluate((action) => window.__wayfinderBench.routeChange(action), route.update);
  const updateHandle = await frame.waitForFunction(() => window.__wayfinderBench.watchResult(), null, { timeout: TIMEOUT_MS });
  const overlay = await updateHandle.jsonValue();
  await sleep(50); // a few more page frames, so the one that painted the change is recorded
  const pageTicks = await page.evaluate(() => window.__wayfinderBench.ticks());
  await page.evaluate(() => window.__wayfinderBench.stopTicks());
  await page.close();

  return {
    route: route.key,
    mount: { frames: mount.frames, ms: mount.ms, overlayItemMs: firstItemAbs - t0Abs },
    update: {
      frames: Math.max(1, pageTicks.filter((ts) => ts <= overlay.paintAbs + SAME_FRAME_MS).length),
      ms: overlay.atAbs - u0Abs,
    },
  };
}

async function waitForOverlayFrame(profile, page) {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const frame = overlayFrame(profile, page);
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error('the overlay iframe did not load');
    await sleep(10);
  }
}
