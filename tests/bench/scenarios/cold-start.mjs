// Service-worker cold start to the first plan on screen. MV3 stops an idle worker after 30 s,
// so the first portal page after a pause wakes it: the worker starts, instantiates the wasm
// core, answers the content script, and only then is the overlay mounted.
//
// Both navigations happen in the same tab, after a warm-up, so the only difference between
// "warm" and "cold" is the stopped worker: the tab first goes to about:blank (nothing there
// messages the worker; closing the tab would, through tabs.onRemoved), then the worker is
// stopped through CDP (stopExtensionWorker), then the portal page is loaded again.
import { stopExtensionWorker } from '../cdp.mjs';
import { sleep } from '../stats.mjs';

const TIMEOUT_MS = 15_000;

export async function measureColdStart(profile, target) {
  const page = await profile.context.newPage();
  const session = await profile.context.newCDPSession(page);
  await timedLoad(page, target.url); // warm-up: the worker is running and has planned this URL
  await page.goto('about:blank');
  const warm = await timedLoad(page, target.url);
  await page.goto('about:blank');
  await sleep(500); // let the worker finish the last page's messages before it is stopped
  await stopExtensionWorker(session, profile.extensionOrigin);
  const cold = await timedLoad(page, target.url);
  await page.close();
  return { page: target.key, warm, cold };
}

/** Navigation start → overlay host, and DOMContentLoaded → overlay host, in ms. */
async function timedLoad(page, url) {
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(() => {
    const s = window.__wayfinderBench && window.__wayfinderBench.loadSnapshot();
    return s && s.hostAt != null ? s : null;
  }, null, { timeout: TIMEOUT_MS, polling: 20 });
  const s = await handle.jsonValue();
  return { navToHostMs: s.hostAt, dclToHostMs: s.hostAt - s.domContentLoaded };
}
