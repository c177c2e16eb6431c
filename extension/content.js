// SecOps Wayfinder content script: a thin, plain-JS shell (no wasm, no framework).
//
// WebAssembly is blocked in content scripts by the portal page's CSP (ARCHITECTURE.md,
// decision 1), so this script only reports the page's URL to the service worker, where the
// Rust core decides what to show, and mounts the extension-origin overlay iframe when the
// plan has items. It touches the page DOM only to add its own host element and the marks the
// plan anchors next to page elements (trainer labels), and does no DOM work at all on routes
// the plan does not annotate.
(() => {
  'use strict';

  // Blade iframes (reactblade hosts) get this script too: there it only anchors the plan's
  // blade-frame marks (the frame's URL says nothing; the tab's plan comes from the worker).
  const FRAME = window.top === window ? 'top' : 'blade';
  const GRACE_MS = 2000; // how long a probe may look before its anchor counts as not found

  const HOST_ATTRIBUTE = 'data-wayfinder-host';
  // Bottom right: both portals keep their command bars, filters and account menu at the top,
  // and a panel there covered them (measured: it blocked Advanced hunting's command bar).
  const PANEL_MARGIN_PX = 16;
  const PANEL_TOP_CLEARANCE_PX = 52; // the portals' top bar
  const PANEL_WIDTH_PX = 360;
  const PANEL_MIN_HEIGHT_PX = 44;

  let lastUrl = '';
  let host = null;
  let frame = null;
  let frameOrigins = [];
  let hostWatcher = null;
  let anchors = [];
  const marks = new Map(); // "kind:id" → mark element
  let anchorWatcher = null;
  let anchorsSince = 0;
  let graceTimer = 0;
  let lastReport = '';

  const extensionAlive = () => Boolean(globalThis.chrome && chrome.runtime && chrome.runtime.id);

  // Any number of triggers within one animation frame run `task` once, in that frame.
  function perFrame(task) {
    let scheduled = false;
    return () => {
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(() => {
        scheduled = false;
        task();
      });
    };
  }

  // Route changes arrive by several paths (pushState, hash changes, back/forward); page
  // mutations arrive in bursts. Each is handled once per animation frame.
  const scheduleCheck = perFrame(() => checkRoute());
  const schedulePass = perFrame(() => runPass());

  async function checkRoute() {
    const url = location.href;
    if (url === lastUrl) return;
    lastUrl = url;
    let reply = null;
    try {
      reply = await chrome.runtime.sendMessage({ type: 'page-changed', url });
    } catch (error) {
      // The extension was reloaded or removed: this script is orphaned.
      if (!extensionAlive()) return teardown();
      console.warn('SecOps Wayfinder: no answer from the service worker', error);
      lastUrl = '';
      return;
    }
    if (url !== lastUrl) return; // A newer route superseded this answer.
    const plan = reply && reply.plan;
    const items = plan && Array.isArray(plan.items) ? plan.items : [];
    if (items.length > 0) mountPanel();
    else unmountPanel();
    setAnchors(plan && Array.isArray(plan.anchors) ? plan.anchors : []);
  }

  // ---------- anchored marks ----------
  // The plan says what to place next to which page element, as probes (tiers tried in order).
  // One pass per animation frame at most, re-run when the page mutates, so marks follow the
  // portal's re-renders; marks whose anchor is gone or no longer planned are removed.

  function setAnchors(next) {
    anchors = next.filter((a) => (a.frame || 'top') === FRAME);
    anchorsSince = Date.now();
    lastReport = '';
    clearTimeout(graceTimer);
    if (anchors.some((a) => a.kind === 'notice')) graceTimer = setTimeout(schedulePass, GRACE_MS + 50);
    if (anchors.length > 0 && !anchorWatcher) {
      anchorWatcher = new MutationObserver(schedulePass);
      anchorWatcher.observe(document.body || document.documentElement, { childList: true, subtree: true });
    } else if (anchors.length === 0 && anchorWatcher) {
      anchorWatcher.disconnect();
      anchorWatcher = null;
    }
    schedulePass();
  }

  function runPass() {
    const wanted = new Set();
    for (const anchor of anchors) {
      const key = `${anchor.kind}:${anchor.id}`;
      wanted.add(key);
      const target = findTarget(anchor.probe);
      const mark = marks.get(key);
      const placed = anchor.place === 'after' ? mark && mark.previousElementSibling === target : mark && mark.parentElement === target;
      if (mark && target && mark.isConnected && placed) continue;
      if (mark) mark.remove();
      marks.delete(key);
      if (target) {
        const fresh = makeMark(anchor);
        if (anchor.place === 'after') target.after(fresh);
        else target.append(fresh);
        marks.set(key, fresh);
      }
    }
    for (const [key, mark] of marks) {
      if (!wanted.has(key)) {
        mark.remove();
        marks.delete(key);
      }
    }
    report();
  }

  // Tell the worker which notices found their place (the popup's health view lists the rest
  // as "can't read this view"). Missing ones count only after the grace period.
  function report() {
    const notices = anchors.filter((a) => a.kind === 'notice');
    if (notices.length === 0 && lastReport === '') return;
    const found = notices.filter((a) => marks.has(`notice:${a.id}`)).map((a) => a.id);
    const graceOver = Date.now() - anchorsSince >= GRACE_MS;
    const missing = graceOver ? notices.filter((a) => !marks.has(`notice:${a.id}`)).map((a) => a.id) : [];
    const key = JSON.stringify([found, missing]);
    if (key === lastReport) return;
    lastReport = key;
    chrome.runtime.sendMessage({ type: 'probe-report', found, missing }).catch(() => {});
  }

  const englishPage = () => !document.documentElement.lang || document.documentElement.lang.toLowerCase().startsWith('en');

  function textMatches(element, text) {
    const own = (element.textContent || '').trim();
    return own === text || own.startsWith(text + ' ');
  }

  function pathOf(link) {
    try {
      return new URL(link.href, location.href).pathname;
    } catch {
      return null;
    }
  }

  function findTarget(probe) {
    const tiers = probe && Array.isArray(probe.tiers) ? probe.tiers : [];
    for (const tier of tiers) {
      let found = null;
      try {
        if (tier.by === 'selector') found = document.querySelector(tier.css);
        else if (tier.by === 'text' && englishPage()) {
          found = Array.from(document.querySelectorAll(tier.within)).find((e) => textMatches(e, tier.text)) || null;
        } else if (tier.by === 'link-path') {
          found = Array.from(document.querySelectorAll(`${tier.within} a[href]`)).find((a) => pathOf(a) === tier.path) || null;
        }
      } catch {
        // A selector the browser rejects is a data problem; try the next tier.
      }
      // Marks cannot live inside a form control: an option anchors its select.
      if (found) return found.tagName === 'OPTION' ? found.closest('select') || found : found;
    }
    return null;
  }

  // A mark is a host element with its own shadow root, so portal styles do not reach it and
  // its text stays out of the page's text content. Styles are CSSOM properties: the portal's
  // style-src CSP would block a <style> element. Labels are set as text, never as HTML.
  function makeMark(anchor) {
    const notice = anchor.kind === 'notice';
    const mark = document.createElement('span');
    mark.setAttribute('data-wayfinder-kind', anchor.kind);
    mark.setAttribute('data-wayfinder-id', anchor.id);
    const text = document.createElement('span');
    text.className = 'wf-mark-text';
    text.textContent = notice ? `\u26a0 ${anchor.label}` : anchor.label;
    Object.assign(text.style, {
      display: notice ? 'inline-block' : 'block',
      margin: notice ? '2px 6px' : '2px 0 0',
      padding: notice ? '1px 6px' : '0',
      borderRadius: '4px',
      background: notice ? '#fdf6f3' : 'transparent',
      border: notice ? '1px solid #bc4b09' : '0',
      font: '11px/14px "Segoe UI", system-ui, sans-serif',
      color: notice ? '#8a3707' : '#0f6cbd',
      whiteSpace: 'normal',
    });
    mark.attachShadow({ mode: 'open' }).append(text);
    mark.style.display = notice ? 'inline-block' : 'block';
    return mark;
  }

  function mountPanel() {
    if (host) {
      if (!host.isConnected) attachHost();
      return;
    }
    host = document.createElement('div');
    host.setAttribute(HOST_ATTRIBUTE, '');
    const shadow = host.attachShadow({ mode: 'open' });
    frame = document.createElement('iframe');
    frame.src = chrome.runtime.getURL('overlay.html');
    // The frame may report the extension's static origin although it was loaded through its
    // dynamic (use_dynamic_url) URL; accept both, computed once per frame.
    frameOrigins = [`chrome-extension://${chrome.runtime.id}`, new URL(frame.src).origin];
    frame.title = 'SecOps Wayfinder';
    // CSSOM properties, not a <style> element: the page's style-src CSP governs the latter.
    Object.assign(frame.style, {
      position: 'fixed',
      bottom: PANEL_MARGIN_PX + 'px',
      right: PANEL_MARGIN_PX + 'px',
      width: PANEL_WIDTH_PX + 'px',
      height: PANEL_MIN_HEIGHT_PX + 'px',
      maxHeight: `calc(100vh - ${PANEL_TOP_CLEARANCE_PX + PANEL_MARGIN_PX}px)`,
      border: '0',
      borderRadius: '8px',
      boxShadow: '0 6px 20px rgba(0, 0, 0, 0.18)',
      colorScheme: 'normal',
      background: 'transparent',
      zIndex: '2147483000',
    });
    shadow.append(frame);
    window.addEventListener('message', onFrameMessage);
    attachHost();
  }

  function attachHost() {
    const parent = document.body || document.documentElement;
    parent.append(host);
    // Portals re-render whole subtrees; put the panel back if the page removes it.
    if (hostWatcher) hostWatcher.disconnect();
    hostWatcher = new MutationObserver(() => {
      if (host && !host.isConnected) requestAnimationFrame(() => host && !host.isConnected && attachHost());
    });
    hostWatcher.observe(parent, { childList: true });
  }

  function unmountPanel() {
    if (!host) return;
    if (hostWatcher) hostWatcher.disconnect();
    window.removeEventListener('message', onFrameMessage);
    host.remove();
    host = null;
    frame = null;
    frameOrigins = [];
    hostWatcher = null;
  }

  // The overlay reports its content height so the iframe fits it. Accept it only from our
  // own frame and origin; the value is a number and nothing else is read.
  function onFrameMessage(event) {
    if (!frame || event.source !== frame.contentWindow) return;
    if (!frameOrigins.includes(event.origin)) return;
    const height = event.data && event.data.wayfinderHeight;
    if (typeof height !== 'number' || !Number.isFinite(height)) return;
    frame.style.height = Math.max(PANEL_MIN_HEIGHT_PX, Math.ceil(height)) + 'px';
  }

  function teardown() {
    unmountPanel();
    setAnchors([]);
    for (const mark of marks.values()) mark.remove();
    marks.clear();
    window.removeEventListener('hashchange', scheduleCheck);
    window.removeEventListener('popstate', scheduleCheck);
    if (window.navigation) window.navigation.removeEventListener('currententrychange', scheduleCheck);
  }

  if (FRAME === 'blade') {
    // Plans arrive from our worker only (never from a page: sender.tab is unset for it).
    chrome.runtime.onMessage.addListener((message, sender) => {
      if (sender.id !== chrome.runtime.id || sender.tab) return;
      if (message && message.type === 'plan-anchors' && Array.isArray(message.anchors)) setAnchors(message.anchors);
    });
    chrome.runtime
      .sendMessage({ type: 'frame-ready' })
      .then((reply) => reply && Array.isArray(reply.anchors) && setAnchors(reply.anchors))
      .catch(() => {});
    return;
  }

  // A settings change (dismiss, trainer mode, options) changes the plan of the same URL.
  function onStorageChanged(changes, area) {
    if (area !== 'sync' || !changes.settings) return;
    if (!extensionAlive()) return teardown();
    lastUrl = '';
    scheduleCheck();
  }
  chrome.storage.onChanged.addListener(onStorageChanged);

  window.addEventListener('hashchange', scheduleCheck);
  window.addEventListener('popstate', scheduleCheck);
  // The Navigation API also reports history.pushState from the page's own router, which no
  // other event does for an isolated-world script.
  // https://developer.mozilla.org/docs/Web/API/Navigation/currententrychange_event
  if (window.navigation) window.navigation.addEventListener('currententrychange', scheduleCheck);
  scheduleCheck();
})();
