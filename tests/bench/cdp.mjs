// Chrome DevTools Protocol helpers: page metrics, heaps, per-process CPU and memory, and a
// session on the extension's service worker (which Playwright gives no CDP session for).
import { readFile } from 'node:fs/promises';
import { sleep } from './stats.mjs';

/** `Performance.getMetrics` as an object: ScriptDuration and TaskDuration in seconds, sizes in bytes. */
export async function getMetrics(session) {
  const { metrics } = await session.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

/** Milliseconds of `name` between two `getMetrics` results. */
export const deltaMs = (before, after, name) => (after[name] - before[name]) * 1000;

/** Per-process CPU seconds of the whole browser (browser, renderers, GPU, utilities). */
export async function processes(browserSession) {
  const { processInfo } = await browserSession.send('SystemInfo.getProcessInfo');
  return processInfo;
}

export const cpuSeconds = (infos) => infos.reduce((total, p) => total + p.cpuTime, 0);

/**
 * Proportional set size of the browser's processes in bytes (Linux `smaps_rollup`): shared
 * pages are split between the processes that map them, so the sum is the browser's share of
 * RAM. Each process is listed too (the total moves with spare renderers Chromium keeps warm).
 * Processes that exited meanwhile are skipped.
 */
export async function pss(infos) {
  const list = [];
  for (const { id, type } of infos) {
    try {
      const text = await readFile(`/proc/${id}/smaps_rollup`, 'utf8');
      list.push({ type, pid: id, bytes: Number(/^Pss:\s+(\d+) kB/m.exec(text)?.[1] ?? 0) * 1024 });
    } catch {
      // gone, or not ours to read
    }
  }
  return { total: list.reduce((total, p) => total + p.bytes, 0), processes: list };
}

/** Collects garbage in the session's isolate, then returns its JS heap in use (bytes). */
export async function heapAfterGc(session) {
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  return usedSize;
}

/**
 * A CDP session on the extension's service worker. Playwright attaches to workers but offers
 * sessions for pages and frames only; the browser session can attach a second, non-flat
 * session (messages wrapped in Target.sendMessageToTarget) to any target.
 */
export async function workerSession(browserSession, extensionOrigin) {
  const { targetInfos } = await browserSession.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`${extensionOrigin}/`));
  if (!target) return null;
  const { sessionId } = await browserSession.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  const pending = new Map();
  let nextId = 1;
  const onMessage = (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message);
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.error) waiter.reject(new Error(`${waiter.method}: ${message.error.message}`));
    else waiter.resolve(message.result);
  };
  browserSession.on('Target.receivedMessageFromTarget', onMessage);
  return {
    send(method, params = {}) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, method });
        browserSession
          .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
          .catch(reject);
      });
    },
    async detach() {
      browserSession.off('Target.receivedMessageFromTarget', onMessage);
      await browserSession.send('Target.detachFromTarget', { sessionId }).catch(() => {});
    },
  };
}

/**
 * Stops the extension's service worker the way Chromium stops an idle one, through the
 * ServiceWorker domain of a page session (DevTools' "Stop"); resolves once each of its versions
 * has reported `stopped`. The page itself needs no service worker: the domain lists every
 * registration of the profile's storage partition, the extension's included. A portal page that
 * is still open may wake the worker again right away (a probe report, page readings); that
 * counts as stopped too, as it would after an idle stop.
 */
export async function stopExtensionWorker(pageSession, extensionOrigin, timeoutMs = 10_000) {
  const versions = new Map();
  const stopped = new Set();
  const onVersions = ({ versions: list }) => {
    for (const v of list) {
      if (!v.scriptURL.startsWith(`${extensionOrigin}/`)) continue;
      versions.set(v.versionId, v.runningStatus);
      if (v.runningStatus === 'stopped') stopped.add(v.versionId);
    }
  };
  pageSession.on('ServiceWorker.workerVersionUpdated', onVersions);
  try {
    await pageSession.send('ServiceWorker.enable');
    const deadline = Date.now() + timeoutMs;
    while (versions.size === 0 && Date.now() < deadline) await sleep(20);
    for (const [versionId, status] of versions) {
      if (status !== 'stopped') await pageSession.send('ServiceWorker.stopWorker', { versionId });
    }
    while ([...versions.keys()].some((id) => !stopped.has(id))) {
      if (Date.now() > deadline) throw new Error('the extension service worker did not stop');
      await sleep(20);
    }
  } finally {
    pageSession.off('ServiceWorker.workerVersionUpdated', onVersions);
    await pageSession.send('ServiceWorker.disable').catch(() => {});
  }
  if (versions.size === 0) throw new Error('no service worker of the extension was listed');
}

/**
 * Bytes of every WebAssembly.Memory alive in the session's isolate: the wasm core's linear
 * memory, which no JS-heap figure counts. (queryObjects walks the heap; it is a measurement
 * step, never run while timing.)
 */
export async function wasmMemoryBytes(session) {
  const { result: proto } = await session.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
  const { objects } = await session.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId });
  const { result } = await session.send('Runtime.callFunctionOn', {
    objectId: objects.objectId,
    functionDeclaration: 'function () { return this.reduce((total, m) => total + m.buffer.byteLength, 0); }',
    returnByValue: true,
  });
  await session.send('Runtime.releaseObject', { objectId: objects.objectId }).catch(() => {});
  return result.value;
}
