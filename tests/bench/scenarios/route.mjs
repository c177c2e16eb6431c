// An SPA route change between two annotated pages, timed in every profile from the same start:
// the task time it adds to the page's main thread over a fixed window, and, with the extension,
// what the user sees of it. Panel closed: frames until the previous page's marks are gone, ms
// until the first item drawn for the new page (the pill redrawn with the new count, a new mark).
// Panel open: frames and ms until the overlay shows the new page's item; the overlay is another
// process, so its change is placed on the page's frames by time (performance.timeOrigin + now,
// one clock for the machine). Frames are counted in the page with requestAnimationFrame
// (probe.mjs) in every profile alike.
import { deltaMs, getMetrics } from '../cdp.mjs';
import { assertPanelClosed } from '../panel-state.mjs';
import { overlayFrame } from '../profiles.mjs';
import { sleep } from '../stats.mjs';

const SETTLE_MS = 1500; // the content script has reported the start page and had its answer
const WINDOW_MS = 1000; // task time is read this long after the route change, in every profile
const TIMEOUT_MS = 15_000;
// Frame start times of the overlay and of the page come from the same vsync but through two
// processes' clocks; a quarter of a 60 Hz frame absorbs the rounding between them.
const SAME_FRAME_MS = 4;

export async function measureRoute(profile, route) {
  const page = await profile.context.newPage();
  const session = await profile.context.newCDPSession(page);
  await session.send('Performance.enable');
  await page.goto(route.annotated);
  await sleep(SETTLE_MS);
  const frame = profile.panel === 'open' ? await waitForOverlayFrame(profile, page) : null;
  if (frame) await frame.evaluate((selector) => window.__wayfinderBench.watchFor(selector), route.update.expect);

  const before = await getMetrics(session);
  const { t0Abs } = await page.evaluate((action) => window.__wayfinderBench.routeChange(action), route.update);
  await sleep(WINDOW_MS);
  const after = await getMetrics(session);

  let items = await page.evaluate(() => window.__wayfinderBench.routeItems());
  if (profile.panel === 'closed' && !items.shown) {
    // Slower than the window: wait for it (a route change that draws nothing stays null).
    const handle = await page
      .waitForFunction(() => window.__wayfinderBench.routeItems().shown && window.__wayfinderBench.routeItems(), null, { timeout: TIMEOUT_MS })
      .catch(() => null);
    if (handle) items = await handle.jsonValue();
  }
  let overlay = null;
  if (frame) {
    const handle = await frame.waitForFunction(() => window.__wayfinderBench.watchResult(), null, { timeout: TIMEOUT_MS });
    const seen = await handle.jsonValue();
    await sleep(50); // a few more page frames, so the one that painted the change is recorded
    const pageTicks = await page.evaluate(() => window.__wayfinderBench.ticks());
    overlay = { frames: Math.max(1, pageTicks.filter((ts) => ts <= seen.paintAbs + SAME_FRAME_MS).length), ms: seen.atAbs - t0Abs };
  }
  await page.evaluate(() => window.__wayfinderBench.routeDone());
  await assertPanelClosed(profile, page, `the route change ${route.key}`);
  await page.close();

  return {
    route: route.key,
    taskMs: deltaMs(before, after, 'TaskDuration'),
    scriptMs: deltaMs(before, after, 'ScriptDuration'),
    marksBefore: items.marksBefore,
    gone: items.gone,
    shown: items.shown,
    overlay,
  };
}

export async function waitForOverlayFrame(profile, page) {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const frame = overlayFrame(profile, page);
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error('the overlay iframe did not load');
    await sleep(10);
  }
}
