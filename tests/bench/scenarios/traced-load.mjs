// One more load per page in each profile, traced (separately from the timed loads, so tracing
// never weighs on them): where the content script's time goes, and the main thread's time by
// kind with and without the extension.
import { sleep } from '../stats.mjs';
import { loadCost, TRACE_CATEGORIES } from '../trace.mjs';

export async function measureTracedLoad(profile, target, { windowMs }) {
  const page = await profile.context.newPage();
  await profile.browser.startTracing(page, { categories: TRACE_CATEGORIES });
  const started = Date.now();
  await page.goto(target.url, { waitUntil: 'commit' });
  await sleep(started + windowMs - Date.now());
  const trace = JSON.parse((await profile.browser.stopTracing()).toString('utf8'));
  const cost = loadCost(trace.traceEvents, { pageUrl: target.url, extensionOrigin: profile.extensionOrigin });
  await page.close();
  return { page: target.key, ...cost };
}
