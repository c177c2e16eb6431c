// DOM churn for the whole soak, with the bench's figures (bench/scenarios/churn.mjs: a list of
// 10,000 nodes in the page's main content, 100 replaced every 100 ms). Unlike the bench's,
// this list outlives route changes: the demo portals replace their main content on every
// route, so each tick first puts a fresh list back when the old one was thrown away. Both
// kinds of churn are what a portal grid does to the content script's observers: rows streaming
// in place, and whole views replaced.
import { CHURN } from '../bench/scenarios/churn.mjs';

/** Starts the churn timer in `page`'s main world; it survives route changes, not reloads. */
export async function startChurn(page) {
  await page.evaluate(installChurn, CHURN);
}

/** Rows replaced, lists rebuilt, and the nodes of the current list. */
export async function churnStats(page) {
  return page.evaluate(() => window.__soakChurn.stats);
}

// ---------- runs in the page's main world (page.evaluate) ----------

function installChurn({ nodes, nodesPerRow, batchRows, intervalMs }) {
  if (window.__soakChurn) return;
  const stats = { batches: 0, nodesAdded: 0, nodesRemoved: 0, listsBuilt: 0 };
  let list = null;
  let n = 0;
  const row = () => {
    const element = document.createElement('div');
    for (const text of [`Suspicious sign-in ${(n += 1)}`, 'Medium']) {
      const cell = document.createElement('span');
      cell.textContent = text;
      element.append(cell);
    }
    return element; // 1 div + 2 spans + 2 text nodes = nodesPerRow
  };
  const timer = setInterval(() => {
    if (!list || !list.isConnected) {
      list = document.createElement('div');
      list.setAttribute('data-soak-churn', '');
      for (let i = 0; i < nodes / nodesPerRow; i += 1) list.append(row());
      (document.querySelector('main') || document.body).append(list);
      stats.listsBuilt += 1;
      stats.nodesAdded += nodes;
      return;
    }
    for (let i = 0; i < batchRows; i += 1) {
      list.firstChild.remove();
      list.append(row());
    }
    stats.batches += 1;
    stats.nodesAdded += batchRows * nodesPerRow;
    stats.nodesRemoved += batchRows * nodesPerRow;
  }, intervalMs);
  window.__soakChurn = { stats, timer };
}
