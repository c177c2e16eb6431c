// One memory sample of the soak, taken between two route changes. Every JS heap is read after
// a forced garbage collection, so the series shows what stays alive rather than when V8 last
// collected. What each figure covers:
//   page        the portal tab's renderer: the portal's own script, the content script's
//               isolated world, and the DOM counters (nodes, listeners, documents) of that process;
//   overlay     the extension's renderer main thread, which all overlay iframes share: its JS
//               heap and documents; and per tab, the wasm linear memory of that tab's iframe;
//   worker      the extension service worker: JS heap and the wasm core's linear memory.
// A target that is not there (no overlay mounted in any tab, the worker stopped) is null.
import os from 'node:os';
import { getMetrics, heapAfterGc, wasmMemoryBytes, workerSession } from '../bench/cdp.mjs';

/** `tabs`: [{key, page, session}] with `Performance.enable`d sessions. */
export async function takeSample({ tabs, context, browserSession, extensionOrigin, startedAt }) {
  // The machine's 1-minute load average: on 2 cores, other work shows in the route-change times.
  const sample = { t: (Date.now() - startedAt) / 1000, load: os.loadavg()[0], pages: {}, overlay: null, worker: null };
  for (const tab of tabs) {
    await tab.session.send('HeapProfiler.collectGarbage');
    const m = await getMetrics(tab.session);
    const marks = await tab.page.evaluate(() => ({
      marks: document.querySelectorAll('[data-wayfinder-kind]').length,
      hosts: document.querySelectorAll('[data-wayfinder-host], [data-wayfinder-chip-host]').length,
    }));
    sample.pages[tab.key] = {
      heap: m.JSHeapUsedSize,
      nodes: m.Nodes,
      listeners: m.JSEventListeners,
      documents: m.Documents,
      frames: m.Frames,
      ...marks,
    };
  }

  // The overlay iframes of all tabs live in one extension renderer, so its heap and document
  // count are read once; each iframe has its own realm and wasm memory, read per tab.
  sample.overlayWasm = {};
  for (const tab of tabs) {
    const frame = tab.page.frames().find((f) => f.url().startsWith(`${extensionOrigin}/overlay.html`));
    if (!frame) {
      sample.overlayWasm[tab.key] = null;
      continue;
    }
    const session = await context.newCDPSession(frame);
    try {
      if (!sample.overlay) {
        const heap = await heapAfterGc(session);
        await session.send('Performance.enable');
        const m = await getMetrics(session);
        sample.overlay = { heap, documents: m.Documents, nodes: m.Nodes };
      }
      sample.overlayWasm[tab.key] = await wasmMemoryBytes(session);
    } finally {
      await session.detach().catch(() => {});
    }
  }

  const worker = await workerSession(browserSession, extensionOrigin);
  if (worker) {
    try {
      sample.worker = { heap: await heapAfterGc(worker), wasm: await wasmMemoryBytes(worker) };
    } finally {
      await worker.detach();
    }
  }
  return sample;
}
