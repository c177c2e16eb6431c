// One page load in a fresh tab: task time and scripting over a fixed window after the
// navigation, long tasks, DOMContentLoaded → our first item (and, with the panel open, the
// overlay's first item), whether the tab loaded wasm, then memory once the page has settled.
// With the panel closed the load is checked to have had no panel at all (panel-state.mjs).
import { cpuSeconds, deltaMs, getMetrics, heapAfterGc, processes, pss, wasmMemoryBytes, workerSession } from '../cdp.mjs';
import { assertPanelClosed, wasmInTab } from '../panel-state.mjs';
import { overlayFrame } from '../profiles.mjs';
import { sleep } from '../stats.mjs';

/**
 * Loads `target.url` and waits `windowMs` from the start of the navigation: the same window
 * with and without the extension, long enough for the content script, the service worker's
 * answer and the overlay (measured: under 1 s) to be inside it.
 */
export async function measureLoad(profile, target, { windowMs }) {
  const page = await profile.context.newPage();
  const session = await profile.context.newCDPSession(page);
  await session.send('Performance.enable');
  const before = await getMetrics(session);
  const cpuBefore = cpuSeconds(await processes(profile.cdp));
  const started = Date.now();
  await page.goto(target.url, { waitUntil: 'commit' });
  await sleep(started + windowMs - Date.now());
  const after = await getMetrics(session);
  const procs = await processes(profile.cdp);
  const load = await page.evaluate(() => window.__wayfinderBench.loadSnapshot());
  await assertPanelClosed(profile, page, `the load of ${target.key}`);
  const wasm = await wasmInTab(page);
  const frame = overlayFrame(profile, page);
  const firstItemAbs = frame ? await frame.evaluate(() => window.__wayfinderBench.firstItemAbs) : null;
  const dclTo = (t) => (t != null && load.domContentLoaded != null ? t - load.domContentLoaded : null);

  const result = {
    page: target.key,
    scriptMs: deltaMs(before, after, 'ScriptDuration'),
    taskMs: deltaMs(before, after, 'TaskDuration'),
    browserCpuMs: (cpuSeconds(procs) - cpuBefore) * 1000,
    // Long tasks that began inside the window (the observer is buffered from the start).
    longTasks: load.longTasks.filter((t) => t.start <= windowMs).map((t) => t.duration),
    // The first of our elements in the page (dock, panel host or mark), and which it was.
    dclToFirstItemMs: dclTo(load.firstItemAt),
    firstItem: load.firstItemWhat,
    dclToHostMs: dclTo(load.hostAt),
    dclToOverlayItemMs: firstItemAbs != null && load.domContentLoadedAbs != null ? firstItemAbs - load.domContentLoadedAbs : null,
    hostMounted: load.hostAt != null,
    wasm,
    memory: await measureMemory(profile, session, frame, procs),
  };
  await page.close();
  return result;
}

/**
 * JS heaps after a forced GC: the page's isolate (the content script's isolated world lives in
 * it too), the overlay iframe's (the extension's process, one per tab with a panel) and the
 * service worker's (one per browser), with the wasm linear memory of the last two; plus the
 * whole browser's PSS, which also counts what no heap shows (the extension process itself,
 * DOM, layout, compiled code).
 */
async function measureMemory(profile, session, frame, procs) {
  await session.send('HeapProfiler.collectGarbage');
  const pageHeap = (await getMetrics(session)).JSHeapUsedSize;
  let overlayHeap = null;
  let overlayWasm = null;
  if (frame) {
    const frameSession = await profile.context.newCDPSession(frame);
    overlayHeap = await heapAfterGc(frameSession);
    overlayWasm = await wasmMemoryBytes(frameSession);
    await frameSession.detach();
  }
  let workerHeap = null;
  let workerWasm = null;
  if (profile.panel) {
    const worker = await workerSession(profile.cdp, profile.extensionOrigin);
    if (worker) {
      workerHeap = await heapAfterGc(worker);
      workerWasm = await wasmMemoryBytes(worker);
      await worker.detach();
    }
  }
  return { pageHeap, overlayHeap, overlayWasm, workerHeap, workerWasm, ...(await browserPss(procs)) };
}

async function browserPss(procs) {
  const { total, processes: list } = await pss(procs);
  return { browserPss: total, browserPssByProcess: list };
}
