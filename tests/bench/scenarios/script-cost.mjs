// Where the extension's share of a page load's script time goes, from a trace of one more load
// per page in each profile (traced separately, so tracing never weighs on the timed loads).
import { sleep } from '../stats.mjs';
import { loadScriptCost, LOAD_TRACE_CATEGORIES } from '../trace.mjs';

export async function measureLoadScriptCost(profile, target, { windowMs }) {
  const page = await profile.context.newPage();
  await profile.browser.startTracing(page, { categories: LOAD_TRACE_CATEGORIES });
  const started = Date.now();
  await page.goto(target.url, { waitUntil: 'commit' });
  await sleep(started + windowMs - Date.now());
  const trace = JSON.parse((await profile.browser.stopTracing()).toString('utf8'));
  const cost = loadScriptCost(trace.traceEvents, { pageUrl: target.url, extensionOrigin: profile.extensionOrigin });
  await page.close();
  return { page: target.key, ...cost };
}
