// The in-page probe, installed with `context.addInitScript` in every profile so all pay for it
// alike. It runs in the page's main world (never the content script's isolated world) and in
// the extension's overlay iframe, and only records: times are read back by the scenarios.
//
// Frames: a DOM change is painted in the frame whose rendering runs next. Chromium runs
// requestAnimationFrame callbacks and then style, layout and paint in one task; a message
// posted from our rAF callback runs as the task after it. So between our callback and that
// message the page is "in a frame" (a change made there, e.g. by another rAF callback, is
// painted in this frame); otherwise a change waits for the next frame.

export function installProbe() {
  if (window.__wayfinderBench) return;
  const now = () => performance.now();
  const abs = (t) => performance.timeOrigin + t; // comparable across processes (overlay vs page)

  // ---------- animation frames, counted only while a measurement asks for them ----------
  const clock = { ticking: false, phase: 'task', ticks: [] };
  const channel = new MessageChannel();
  channel.port1.onmessage = () => { clock.phase = 'task'; };
  function tick(ts) {
    if (!clock.ticking) return;
    clock.ticks.push(ts);
    clock.phase = 'frame';
    channel.port2.postMessage(0);
    requestAnimationFrame(tick);
  }
  function startTicks() {
    clock.ticks = [];
    clock.phase = 'task';
    if (!clock.ticking) {
      clock.ticking = true;
      requestAnimationFrame(tick);
    }
  }
  const stopTicks = () => { clock.ticking = false; };
  /** 1-based index of the frame (counted from startTicks) that paints a change made at `t`. */
  function paintFrame(t, phase) {
    const begun = clock.ticks.filter((ts) => ts <= t).length;
    return phase === 'frame' ? begun : begun + 1;
  }

  const bench = { startTicks, stopTicks, ticks: () => clock.ticks.map(abs) };
  window.__wayfinderBench = bench;

  if (location.protocol === 'chrome-extension:') {
    if (location.pathname === '/overlay.html') overlayProbe(bench);
    return;
  }
  if (window.top === window) pageProbe(bench);

  // ---------- the portal page ----------
  function pageProbe(b) {
    b.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });

    // The panel's host and the dock (pill and chip) are children of <body> (or of <html> before
    // there is a body); watching those two child lists sees every mount and unmount without a
    // subtree observer, which would cost the page something in every profile under churn.
    b.hostEvents = [];
    b.dockEvents = [];
    const onRecords = (records) => {
      for (const r of records) {
        for (const [nodes, present] of [[r.addedNodes, true], [r.removedNodes, false]]) {
          for (const n of nodes) {
            if (n.nodeType !== 1) continue;
            if (n.hasAttribute('data-wayfinder-host')) b.hostEvents.push({ t: now(), phase: clock.phase, present });
            if (n.hasAttribute('data-wayfinder-dock')) b.dockEvents.push({ t: now(), phase: clock.phase, present });
          }
        }
      }
    };
    const watch = () => {
      const mo = new MutationObserver(onRecords);
      mo.observe(document.documentElement, { childList: true });
      if (document.body) mo.observe(document.body, { childList: true });
      // The content script starts at document_start too and draws at DOMContentLoaded: its
      // listener may run before this one, in the same task, so what is already there counts now.
      const present = [...document.documentElement.children, ...(document.body ? document.body.children : [])];
      onRecords([{ addedNodes: present, removedNodes: [] }]);
    };
    if (document.body) watch();
    else document.addEventListener('DOMContentLoaded', watch, { once: true });

    // The first of our elements anywhere in the page (dock, panel host or a mark beside a
    // control): a subtree observer from the start of the document, in every profile alike, until
    // a scenario stops it (before churn, so it never weighs on the batches). It keeps scanning
    // after a find, so the extension's profiles pay what the others pay.
    b.firstItem = null;
    const isOurs = (n) => n.nodeType === 1 && (n.hasAttribute('data-wayfinder-kind') || n.hasAttribute('data-wayfinder-dock') || n.hasAttribute('data-wayfinder-host'));
    const items = new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) {
          if (isOurs(n) && !b.firstItem) b.firstItem = { t: now(), what: n.getAttribute('data-wayfinder-kind') || (n.hasAttribute('data-wayfinder-dock') ? 'dock' : 'host') };
        }
      }
    });
    items.observe(document, { childList: true, subtree: true });
    b.stopItemWatch = () => items.disconnect();

    /** Load figures, relative to the navigation start (performance.now's origin). */
    b.loadSnapshot = () => {
      const nav = performance.getEntriesByType('navigation')[0];
      const host = b.hostEvents.find((e) => e.present);
      return {
        domContentLoaded: nav ? nav.domContentLoadedEventStart : null,
        domContentLoadedAbs: nav ? abs(nav.domContentLoadedEventStart) : null,
        hostAt: host ? host.t : null,
        hostSeen: b.hostEvents.length > 0 || document.querySelector('[data-wayfinder-host]') !== null,
        firstItemAt: b.firstItem ? b.firstItem.t : null,
        firstItemWhat: b.firstItem ? b.firstItem.what : null,
        longTasks: b.longTasks.slice(),
        wasmResources: performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).length,
        now: now(),
      };
    };

    /**
     * Starts counting frames and runs a route change; returns the start time. Our items are
     * watched from here: the marks in the page before the change (the previous page's) until all
     * are gone, and the first item drawn for the new page: a new mark, a new dock or panel host,
     * or the pill redrawn (its shadow root's content replaced with the new page's count).
     */
    b.routeChange = (action) => {
      const before = [...document.querySelectorAll('[data-wayfinder-kind]')];
      const pill = document.querySelector('[data-wayfinder-pill-host]');
      const seen = { gone: null, shown: null };
      // `ran`: the frames whose callbacks had run when the change was seen. A change seen in a task
      // is painted by the next frame; the rAF timestamps cannot say that, as they are frame start
      // times and a frame may start before a task that delays its callbacks.
      const record = () => ({ t: now(), phase: clock.phase, ran: clock.ticks.length });
      const check = (records) => {
        if (!seen.gone && before.length && before.every((m) => !m.isConnected)) seen.gone = record();
        if (seen.shown) return;
        for (const r of records) {
          if (pill && r.target === pill.shadowRoot) return void (seen.shown = { ...record(), what: 'pill' });
          for (const n of r.addedNodes) {
            if (isOurs(n)) return void (seen.shown = { ...record(), what: n.getAttribute('data-wayfinder-kind') || (n.hasAttribute('data-wayfinder-dock') ? 'dock' : 'host') });
          }
        }
      };
      if (b.routeWatch) b.routeWatch.disconnect();
      b.routeWatch = new MutationObserver(check);
      b.routeWatch.observe(document, { childList: true, subtree: true });
      if (pill && pill.shadowRoot) b.routeWatch.observe(pill.shadowRoot, { childList: true });
      startTicks();
      const t0 = now();
      b.route = { t0, t0Abs: abs(t0), marksBefore: before.length, seen };
      if (action.click) document.querySelector(action.click).click();
      else location.hash = action.hash;
      return { t0: b.route.t0, t0Abs: b.route.t0Abs, marksBefore: before.length };
    };

    /** What the route change did to our items so far: ms and frames (null: not yet). */
    b.routeItems = () => {
      const { t0, seen, marksBefore } = b.route;
      const at = (e) => (e ? { ms: e.t - t0, frames: e.phase === 'frame' ? e.ran : e.ran + 1 } : null);
      return { marksBefore, gone: at(seen.gone), shown: seen.shown ? { ...at(seen.shown), what: seen.shown.what } : null };
    };

    /** Stops the route's frame counting and item watch. */
    b.routeDone = () => {
      stopTicks();
      if (b.routeWatch) b.routeWatch.disconnect();
      b.routeWatch = null;
    };

    /** The host's first mount after the route change: ms and frames (null until then). */
    b.routeMount = () => {
      const e = b.hostEvents.find((x) => x.present && x.t >= b.route.t0);
      if (!e) return null;
      return { ms: e.t - b.route.t0, frames: paintFrame(e.t, e.phase) };
    };
  }

  // ---------- the extension's overlay iframe ----------
  function overlayProbe(b) {
    // When the panel first shows an item (the UI renders into #root after wasm init and the plan).
    b.firstItemAbs = null;
    const first = new MutationObserver(() => {
      if (document.querySelector('[data-wayfinder-kind]')) {
        b.firstItemAbs = abs(now());
        first.disconnect();
      }
    });
    first.observe(document, { childList: true, subtree: true });

    /** Watches for `selector` (e.g. the next route's item); frames are counted from here. */
    b.watchFor = (selector) => {
      if (document.querySelector(selector)) throw new Error(`${selector} is already in the overlay`);
      startTicks();
      b.watch = null;
      const mo = new MutationObserver(() => {
        if (b.watch || !document.querySelector(selector)) return;
        const t = now();
        b.watch = { atAbs: abs(t), phase: clock.phase, t };
        mo.disconnect();
      });
      mo.observe(document, { childList: true, subtree: true, attributes: true });
    };

    /** Start of the overlay frame that painted the watched change, once ticks have passed it. */
    b.watchResult = () => {
      if (!b.watch) return null;
      const frame = paintFrame(b.watch.t, b.watch.phase);
      const ts = clock.ticks[frame - 1];
      if (ts === undefined) return null; // that frame has not begun yet
      stopTicks();
      return { atAbs: b.watch.atAbs, paintAbs: abs(ts) };
    };
  }
}
