// What goes wrong where a user would not see it at once: console errors and warnings and
// uncaught exceptions of portal pages (the portal's own script, the content script, the
// overlay iframe inside them) and of the extension's service worker, across its restarts.
// Shared by the soak and the recovery end-to-end test.
//
// Pages: Playwright reports the console of every frame of a page (the overlay iframe
// included) and uncaught exceptions as `pageerror`. The service worker: Playwright reports its
// console calls but not its uncaught exceptions, so the worker gets its own DevTools session
// from the browser session (non-flat, as bench/cdp.mjs does for heaps). A stopped worker keeps
// its DevTools target; when the worker starts again the session sees the new context without
// re-attaching, and `Runtime.enable` replays what was logged before it attached.

const LEVELS = { error: 'error', assert: 'error', warning: 'warning' };

/** The extension's service-worker targets that are running now (a stopped worker is not listed). */
export async function runningWorkers(browserSession, extensionOrigin) {
  const { targetInfos } = await browserSession.send('Target.getTargets');
  return targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(`${extensionOrigin}/`));
}

export class ConsoleWatch {
  constructor(extensionOrigin) {
    this.extensionOrigin = extensionOrigin;
    this.entries = [];
    this.workerSessionId = null;
    this.workerAttaches = 0;
    this.listening = false;
  }

  record(source, level, text, url = '') {
    this.entries.push({ at: new Date().toISOString(), source, level, text: String(text).slice(0, 2000), url });
  }

  /** The part of a page a console message came from, by the script that logged it. */
  sourceOf(label, url) {
    if (url.startsWith(`${this.extensionOrigin}/content.js`)) return `${label} content script`;
    if (url.startsWith(`${this.extensionOrigin}/`)) return `${label} overlay`;
    return `${label} page`;
  }

  /** Console errors and warnings and uncaught exceptions of `page` and its frames. */
  watchPage(page, label) {
    page.on('console', (message) => {
      const level = LEVELS[message.type()];
      if (!level) return;
      const url = message.location().url ?? '';
      this.record(this.sourceOf(label, url), level, message.text(), url);
    });
    page.on('pageerror', (error) => {
      const stack = String(error.stack ?? '');
      const where = stack.includes(`${this.extensionOrigin}/content.js`)
        ? 'content script'
        : stack.includes(`${this.extensionOrigin}/`) ? 'overlay' : 'page';
      this.record(`${label} ${where}`, 'error', `uncaught: ${stack || error.message}`);
    });
    page.on('crash', () => this.record(`${label} page`, 'error', 'the page crashed'));
  }

  /**
   * Attaches to the extension's service worker (when it is running and not yet attached) and
   * records its console errors, warnings and uncaught exceptions from then on and from before.
   * Resolves to whether a session is attached. Call it again after a worker restart in case
   * Chromium gave the worker a new target.
   */
  async watchWorker(browserSession) {
    if (this.workerSessionId) return true;
    const [target] = await runningWorkers(browserSession, this.extensionOrigin);
    if (!target) return false;
    const { sessionId } = await browserSession.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    this.workerSessionId = sessionId;
    this.workerAttaches += 1;
    if (!this.listening) {
      this.listening = true;
      const seen = new Set(); // a re-attach replays what the last session already recorded
      browserSession.on('Target.receivedMessageFromTarget', (event) => {
        if (event.sessionId !== this.workerSessionId) return;
        const { method, params } = JSON.parse(event.message);
        let entry = null;
        if (method === 'Runtime.consoleAPICalled' && LEVELS[params.type]) {
          const text = params.args.map((a) => (a.value !== undefined ? String(a.value) : a.description ?? a.type)).join(' ');
          entry = [LEVELS[params.type], text, params.stackTrace?.callFrames?.[0]?.url ?? '', params.timestamp];
        } else if (method === 'Runtime.exceptionThrown') {
          const d = params.exceptionDetails;
          entry = ['error', `uncaught: ${d.exception?.description ?? d.text}`, d.url ?? '', params.timestamp];
        }
        if (!entry) return;
        const key = entry.join('\u0000');
        if (seen.has(key)) return;
        seen.add(key);
        this.record('service worker', entry[0], entry[1], entry[2]);
      });
      browserSession.on('Target.detachedFromTarget', (event) => {
        if (event.sessionId === this.workerSessionId) this.workerSessionId = null;
      });
    }
    await browserSession.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id: 1, method: 'Runtime.enable' }),
    });
    return true;
  }

  async unwatchWorker(browserSession) {
    const sessionId = this.workerSessionId;
    this.workerSessionId = null;
    if (sessionId) await browserSession.send('Target.detachFromTarget', { sessionId }).catch(() => {});
  }

  errors() {
    return this.entries.filter((e) => e.level === 'error');
  }

  warnings() {
    return this.entries.filter((e) => e.level === 'warning');
  }
}

/** Entries with the same source, level and text, counted: [{source, level, text, count, first}]. */
export function grouped(entries) {
  const groups = new Map();
  for (const e of entries) {
    const key = `${e.source}\u0000${e.level}\u0000${e.text}`;
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { source: e.source, level: e.level, text: e.text, count: 1, first: e.at });
  }
  return [...groups.values()];
}
