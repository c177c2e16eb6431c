// Cost per mutation batch under DOM churn. The page gets a 10,000-node list in its main
// content, then for `seconds` a timer replaces 100 of its nodes every 100 ms (1,000 added and
// 1,000 removed per second), like a portal grid that streams rows. The content script watches
// these pages (they have anchored notices), so every batch schedules one anchor pass; the peer's
// content script searches the whole document once per batch. With the panel closed the run is
// checked to have had no panel (panel-state.mjs).
import { deltaMs, getMetrics } from '../cdp.mjs';
import { assertPanelClosed } from '../panel-state.mjs';
import { sleep } from '../stats.mjs';
import { attributeLongTasks, TRACE_CATEGORIES } from '../trace.mjs';

export const CHURN = Object.freeze({ nodes: 10_000, nodesPerRow: 5, batchRows: 20, intervalMs: 100 });
const SETTLE_MS = 2500; // our items (pill or panel, marks) are drawn before the DOM grows

export async function measureChurn(profile, target, { seconds }) {
  const page = await profile.context.newPage();
  await page.goto(target.url);
  // The probe's first-item watcher is a subtree observer: it must not weigh on the batches.
  await page.evaluate(() => window.__wayfinderBench.stopItemWatch());
  await sleep(SETTLE_MS);
  await page.evaluate(buildList, CHURN);
  await sleep(1000);

  const session = await profile.context.newCDPSession(page);
  await session.send('Performance.enable');
  await profile.browser.startTracing(page, { categories: TRACE_CATEGORIES });
  const before = await getMetrics(session);
  const t0 = await page.evaluate(startChurn, CHURN);
  await sleep(seconds * 1000);
  const churn = await page.evaluate(stopChurn);
  const after = await getMetrics(session);
  const trace = JSON.parse((await profile.browser.stopTracing()).toString('utf8'));
  const longTasks = await page.evaluate(
    ([from, to]) => window.__wayfinderBench.longTasks.filter((t) => t.start >= from && t.start < to).map((t) => t.duration),
    [t0, churn.end],
  );
  const attribution = attributeLongTasks(trace.traceEvents, { pageUrl: page.url(), extensionOrigin: profile.extensionOrigin });
  await assertPanelClosed(profile, page, `the churn on ${target.key}`);
  await page.close();

  const batches = churn.batches;
  return {
    page: target.key,
    batches,
    nodesAdded: churn.added,
    nodesRemoved: churn.removed,
    scriptMsPerBatch: deltaMs(before, after, 'ScriptDuration') / batches,
    taskMsPerBatch: deltaMs(before, after, 'TaskDuration') / batches,
    extensionScriptMsPerBatch: attribution.extensionScriptMs / batches,
    longTasks,
    attribution,
  };
}

// ---------- run in the page's main world (page.evaluate) ----------

/** A list of rows, each a div with two text spans, in the page's main content. */
function buildList({ nodes, nodesPerRow }) {
  const host = document.querySelector('main') || document.body;
  const list = document.createElement('div');
  list.setAttribute('data-bench-churn', '');
  let n = 0;
  window.__benchRow = () => {
    const row = document.createElement('div');
    for (const text of [`Suspicious sign-in ${(n += 1)}`, 'Medium']) {
      const cell = document.createElement('span');
      cell.textContent = text;
      row.append(cell);
    }
    return row; // 1 div + 2 spans + 2 text nodes = nodesPerRow
  };
  for (let i = 0; i < nodes / nodesPerRow; i += 1) list.append(window.__benchRow());
  host.append(list);
}

function startChurn({ batchRows, intervalMs, nodesPerRow }) {
  const list = document.querySelector('[data-bench-churn]');
  const stats = { batches: 0, added: 0, removed: 0 };
  window.__benchChurn = { stats, timer: setInterval(() => {
    for (let i = 0; i < batchRows; i += 1) {
      list.firstChild.remove();
      list.append(window.__benchRow());
    }
    stats.batches += 1;
    stats.added += batchRows * nodesPerRow;
    stats.removed += batchRows * nodesPerRow;
  }, intervalMs) };
  return performance.now();
}

function stopChurn() {
  clearInterval(window.__benchChurn.timer);
  return { ...window.__benchChurn.stats, end: performance.now() };
}
