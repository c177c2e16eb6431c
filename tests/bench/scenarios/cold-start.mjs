// Service-worker cold start to the first item on screen. MV3 stops an idle worker after 30 s,
// so the first portal page after a pause wakes it: the worker starts, instantiates the wasm
// core and answers the content script, and only then is anything of ours drawn.
// Panel closed: the first of our elements in the page (the dock with the pill or chip, or a
// mark). Panel open: the panel's host in the page and the first item in the overlay.
//
// Both navigations happen in the same tab, after a warm-up, so the only difference between
// "warm" and "cold" is the stopped worker: the tab first goes to about:blank (nothing there
// messages the worker; closing the tab would, through tabs.onRemoved), then the worker is
// stopped through CDP (stopExtensionWorker), then the portal page is loaded again.
import { stopExtensionWorker } from '../cdp.mjs';
import { assertPanelClosed } from '../panel-state.mjs';
import { sleep } from '../stats.mjs';
import { waitForOverlayFrame } from './route.mjs';

const TIMEOUT_MS = 15_000;

// A cold load varies by tens of ms with when the browser gets the worker's process going, so
// each iteration times a few warm/cold pairs.
const ROUNDS = 3;

/** `ROUNDS` pairs of a warm and a cold load of `target` in one tab. */
export async function measureColdStart(profile, target) {
  const page = await profile.context.newPage();
  const session = await profile.context.newCDPSession(page);
  await timedLoad(profile, page, target.url); // warm-up: the worker is running and has planned this URL
  const pairs = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    await page.goto('about:blank');
    const warm = await timedLoad(profile, page, target.url);
    await page.goto('about:blank');
    await sleep(500); // let the worker finish the last page's messages before it is stopped
    await stopExtensionWorker(session, profile.extensionOrigin);
    const cold = await timedLoad(profile, page, target.url);
    pairs.push({ page: target.key, panel: profile.panel, warm, cold });
  }
  await page.close();
  return pairs;
}

/**
 * Navigation start → first item in the page (and, panel open, → host and → first item in the
 * overlay), and DOMContentLoaded → first item, in ms.
 */
async function timedLoad(profile, page, url) {
  await page.goto(url, { waitUntil: 'commit' });
  const wanted = profile.panel === 'open' ? 'hostAt' : 'firstItemAt';
  const handle = await page.waitForFunction((key) => {
    const s = window.__wayfinderBench && window.__wayfinderBench.loadSnapshot();
    return s && s[key] != null ? s : null;
  }, wanted, { timeout: TIMEOUT_MS, polling: 20 });
  const s = await handle.jsonValue();
  const result = { navToFirstItemMs: s.firstItemAt, firstItem: s.firstItemWhat, dclToFirstItemMs: s.firstItemAt - s.domContentLoaded, navToHostMs: s.hostAt, navToOverlayItemMs: null };
  if (profile.panel === 'open') {
    const frame = await waitForOverlayFrame(profile, page);
    const item = await frame.waitForFunction(() => window.__wayfinderBench.firstItemAbs, null, { timeout: TIMEOUT_MS, polling: 20 });
    const navStartAbs = await page.evaluate(() => performance.timeOrigin);
    result.navToOverlayItemMs = (await item.jsonValue()) - navStartAbs;
  } else {
    await sleep(300); // a panel that opened just after the first item would show here
    await assertPanelClosed(profile, page, 'the service-worker cold start');
  }
  return result;
}
