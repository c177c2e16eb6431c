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

  // [text and border, background] of marks and the chip: green, grey, amber, and the trainer
  // label's link blue; for a light page, then for a dark one (Fluent's tokens, as in ui.css).
  const COLOURS = {
    light: { good: ['#0e700e', '#f1faf1'], neutral: ['#616161', '#f5f5f5'], warn: ['#8a3707', '#fdf6f3'], link: ['#0f6cbd', 'transparent'] },
    dark: { good: ['#54b054', '#052505'], neutral: ['#c7c7c7', '#292929'], warn: ['#f7a36a', '#411200'], link: ['#479ef5', 'transparent'] },
  };

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
  let readers = null; // the plan's page readers (sync: incident pages and queues; onboarding: Defender Home and Sentinel settings)
  let syncView = null; // the worker's answer to what they read
  let lastFacts = '';

  // 'light' or 'dark', the page's own theme; null until read, or when it cannot be read.
  let theme = null;
  let themeWatcher = null;
  let systemDark = null;
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

  // Page mutations arrive in bursts: they are handled once per animation frame. Route changes
  // arrive by several paths (pushState, hash changes, back/forward) and are checked at once: the
  // URL says whether anything changed, so the repeats cost a comparison, and waiting for the
  // next frame would put the new overlay a frame later (issue 7: within two frames).
  const checkNow = () => void checkRoute();
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
    readers = (plan && plan.pageReaders) || null;
    syncView = null;
    lastFacts = '';
    setAnchors(plan && Array.isArray(plan.anchors) ? plan.anchors : []);
    // The worker's answer carries the tenant's chip (null until it has a view; a view stored later
    // arrives as a storage change).
    chipTenant = plan && plan.onboarding ? plan.onboarding.tenant : null;
    drawChip(chipTenant ? reply.chip : null);
  }

  // ---------- onboarding chip ----------
  // Every portal page shows its tenant's onboarding status: the worker's answer to a route change
  // carries it, and the view it keeps in local storage (`onboarding:view:<tenant>`) updates it as
  // evidence arrives. Bottom right, left of
  // the panel when there is one (bottom left covered the portals' navigation), small, in its own
  // open shadow root; only the chip itself takes pointer events. Text only.
  const CHIP_COLOURS = { connected: 'good', 'not-connected': 'warn' };
  let chipTenant = null;
  let chipShown = null;
  let chipHost = null;
  let chipWatcher = null;
  const chipKey = () => `onboarding:view:${chipTenant}`;

  // Pinned like the panel's host (see "the panel and its guard"): a page stylesheet cannot
  // hide it, move it or make its host take clicks; only the chip itself does.
  function placeChip() {
    if (!chipHost) return;
    pin(chipHost, {
      position: 'fixed',
      bottom: PANEL_MARGIN_PX + 12 + 'px',
      right: (host ? 2 * PANEL_MARGIN_PX + PANEL_WIDTH_PX : PANEL_MARGIN_PX) + 'px',
      'z-index': '2147483000',
      display: 'block',
      visibility: 'visible',
      'pointer-events': 'none',
      margin: '0',
      padding: '0',
      transform: 'none',
    });
  }

  function drawChip(chip) {
    chipShown = chip;
    if (!chip) {
      if (chipWatcher) chipWatcher.disconnect();
      if (chipHost) chipHost.remove();
      chipHost = chipWatcher = null;
      return;
    }
    if (!chipHost) {
      chipHost = document.createElement('div');
      chipHost.setAttribute('data-wayfinder-chip-host', '');
      chipHost.attachShadow({ mode: 'open' });
    }
    placeChip();
    const [colour, background] = palette()[CHIP_COLOURS[chip.state] || 'neutral'];
    const element = document.createElement('span');
    element.setAttribute('data-wayfinder-kind', 'onboarding');
    element.setAttribute('data-wayfinder-id', 'onboarding-status');
    element.setAttribute('data-wayfinder-state', chip.state);
    element.setAttribute('role', 'status');
    element.title = chip.title;
    element.textContent = chip.label;
    Object.assign(element.style, {
      display: 'inline-block',
      padding: '2px 8px',
      borderRadius: '10px',
      border: `1px solid ${colour}`,
      background,
      color: colour,
      font: '11px/16px "Segoe UI", system-ui, sans-serif',
      pointerEvents: 'auto',
    });
    chipHost.shadowRoot.replaceChildren(element);
    const parent = document.body || document.documentElement;
    if (!chipHost.isConnected) parent.append(chipHost);
    if (!chipWatcher) {
      // Portals re-render whole subtrees; put the chip back if the page removes it.
      chipWatcher = new MutationObserver(() => chipHost && !chipHost.isConnected && parent.append(chipHost));
      chipWatcher.observe(parent, { childList: true });
    }
  }

  // ---------- anchored marks ----------
  // The plan says what to place next to which page element, as probes (tiers tried in order).
  // One pass per animation frame at most, re-run when the page mutates, so marks follow the
  // portal's re-renders; marks whose anchor is gone or no longer planned are removed.

  function setAnchors(next) {
    anchors = next.filter((a) => (a.frame || 'top') === FRAME);
    lastFound = new Map();
    anchorsSince = Date.now();
    lastReport = '';
    clearTimeout(graceTimer);
    const watching = anchors.length > 0 || readers !== null;
    if (readers || anchors.some((a) => a.kind === 'notice')) graceTimer = setTimeout(schedulePass, GRACE_MS + 50);
    if (watching && !anchorWatcher) {
      // characterData too: the values the sync readers read change in place.
      anchorWatcher = new MutationObserver(schedulePass);
      anchorWatcher.observe(document.body || document.documentElement, { childList: true, subtree: true, characterData: true });
    } else if (!watching && anchorWatcher) {
      anchorWatcher.disconnect();
      anchorWatcher = null;
    }
    schedulePass();
  }

  function runPass() {
    const wanted = new Set();
    const incident = syncView && syncView.incident;
    const title = readers && readers.title && incident ? [{ kind: 'sync', id: 'incident-sync', label: incident.label, state: incident.state, place: 'after', probe: readers.title }] : [];
    for (const anchor of anchors.concat(title)) {
      const key = `${anchor.kind}:${anchor.id}`;
      wanted.add(key);
      place(key, anchor, findTarget(anchor.probe, key));
    }
    const rows = readers && readers.queue ? readRows(readers.queue) : [];
    const badges = new Map(((syncView && syncView.badges) || []).map((b) => [b.key, b]));
    for (const row of rows) {
      const badge = badges.get(row.key);
      if (!badge || !row.cell) continue;
      const key = `row:${row.key}`;
      wanted.add(key);
      // First in the cell: grid cells cut overflowing text, which would hide a badge at the end.
      place(key, { kind: 'sync', id: 'incident-sync', row: row.key, label: badge.label, title: badge.title, state: badge.state, place: 'prepend' }, row.cell);
    }
    for (const [key, mark] of marks) {
      if (!wanted.has(key)) {
        mark.remove();
        marks.delete(key);
      }
    }
    report();
    if (readers) sendFacts(rows);
    // The marks this pass added or moved are mutations of the page too: dropping their records
    // keeps them from scheduling another pass that would find everything in place (measured: a
    // queue page ran five passes while loading, now four). The page's own mutations never wait
    // here: they were delivered at the microtask checkpoint before this frame callback.
    if (anchorWatcher) anchorWatcher.takeRecords();
  }

  function removeMarks() {
    for (const mark of marks.values()) mark.remove();
    marks.clear();
  }

  // Puts `anchor`'s mark at `target` unless it is already there with the same text.
  function place(key, anchor, target) {
    const mark = marks.get(key);
    const placed = anchor.place === 'after' ? mark && mark.previousElementSibling === target : mark && mark.parentElement === target;
    if (mark && target && mark.isConnected && placed && mark.wfLabel === anchor.label) return;
    if (mark) mark.remove();
    marks.delete(key);
    if (!target) return;
    const fresh = makeMark(anchor);
    if (anchor.place === 'after') target.after(fresh);
    else if (anchor.place === 'prepend') target.prepend(fresh);
    else target.append(fresh);
    marks.set(key, fresh);
  }

  // ---------- sync readings ----------
  // The plan says what to read (catalog/sync.json); the worker's core decides what it means.
  // Values are sent as text, bounded; a reading is sent again only when it changed.

  const clip = (text) => (text || '').trim().slice(0, 256);

  function readValue(element, read) {
    if (read === 'href') return element.href ? String(element.href) : '';
    if (read === 'next-text') return clip(element.nextElementSibling && element.nextElementSibling.textContent);
    if (read === 'previous-text') return clip(element.previousElementSibling && element.previousElementSibling.textContent);
    return clip(element.textContent);
  }

  // Queue cells are found by their column header's text, as the portals' grids keep cells in
  // header order (portal-dom.md §1.3, §3.1).
  function readRows(queue) {
    const headers = Array.from(document.querySelectorAll(queue.headers), (h) => h.textContent.trim());
    const keyAt = headers.indexOf(queue.key);
    if (keyAt < 0) return [];
    const badgeAt = headers.indexOf(queue.badgeIn);
    const columns = queue.columns.map((c) => [c.id, headers.indexOf(c.header)]);
    const rows = [];
    for (const row of document.querySelectorAll(queue.rows)) {
      if (rows.length >= 500) break;
      const cells = row.querySelectorAll(queue.cells);
      const key = cells[keyAt] ? clip(cells[keyAt].textContent) : '';
      if (!key || key.length > 64) continue;
      const values = {};
      for (const [id, at] of columns) if (at >= 0 && cells[at]) values[id] = clip(cells[at].textContent);
      rows.push({ key, values, cell: cells[badgeAt] || null });
    }
    return rows;
  }

  function sendFacts(rows) {
    const values = {};
    for (const reader of readers.readers || []) {
      const element = findTarget(reader.probe, `reader:${reader.id}`);
      if (element) values[reader.id] = readValue(element, reader.read);
    }
    const facts = { values, rows: rows.map((r) => ({ key: r.key, values: r.values })), settled: Date.now() - anchorsSince >= GRACE_MS };
    const key = JSON.stringify(facts);
    if (key === lastFacts) return;
    lastFacts = key;
    const url = lastUrl;
    chrome.runtime
      .sendMessage({ type: 'page-facts', url, facts })
      .then((reply) => {
        if (url !== lastUrl || !reply || !reply.view) return;
        syncView = reply.view;
        schedulePass();
      })
      .catch(() => {});
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

  // What each probe found last (memo key → [tier, element]), so a pass under page churn checks
  // that element instead of searching again: a text tier reads the text of every candidate, which
  // cost 1.5 ms per mutation batch on Advanced hunting with 10,000 churning nodes (bench). An
  // element that still fits its tier stays the anchor even if an earlier one now fits too, so a
  // mark does not jump; a new plan starts afresh.
  let lastFound = new Map();

  // A tier names its candidates by CSS (null: the tier cannot be used here) and takes the first
  // candidate it accepts; a search and the check of the last find share these two.
  function candidates(tier) {
    if (tier.by === 'selector') return tier.css;
    if (tier.by === 'text') return englishPage() ? tier.within : null;
    if (tier.by === 'link-path') return `${tier.within} a[href]`;
    return null;
  }
  const accepts = (element, tier) => (tier.by === 'text' ? textMatches(element, tier.text) : tier.by !== 'link-path' || pathOf(element) === tier.path);

  function fits(element, tier) {
    const css = candidates(tier);
    return Boolean(css) && element.isConnected && element.matches(css) && accepts(element, tier);
  }

  function search(tier) {
    const css = candidates(tier);
    if (!css) return null;
    if (tier.by === 'selector') return document.querySelector(css);
    return Array.from(document.querySelectorAll(css)).find((e) => accepts(e, tier));
  }

  function findTarget(probe, memo) {
    const tiers = probe && Array.isArray(probe.tiers) ? probe.tiers : [];
    const [lastTier, last] = lastFound.get(memo) || [];
    for (const tier of tiers) {
      let element = null;
      try {
        element = tier === lastTier && fits(last, tier) ? last : search(tier);
      } catch {
        // A selector the browser rejects is a data problem; try the next tier.
      }
      if (!element) continue;
      lastFound.set(memo, [tier, element]);
      // Marks cannot live inside a form control: an option anchors its select.
      return element.tagName === 'OPTION' ? element.closest('select') || element : element;
    }
    lastFound.delete(memo);
    return null;
  }

  // A mark is a host element with its own shadow root, so portal styles do not reach it and
  // its text stays out of the page's text content. Styles are CSSOM properties: the portal's
  // style-src CSP would block a <style> element. Labels are set as text, never as HTML.
  // Sync marks are coloured by state: green when synced, grey when unknown or still checking,
  // amber for every "not synced" state.
  const SYNC_COLOURS = { synced: 'good', unknown: 'neutral', checking: 'neutral' };

  function makeMark(anchor) {
    const boxed = anchor.kind !== 'trainer';
    const [colour, background] = palette()[anchor.kind === 'sync' ? SYNC_COLOURS[anchor.state] || 'warn' : boxed ? 'warn' : 'link'];
    const mark = document.createElement('span');
    mark.setAttribute('data-wayfinder-kind', anchor.kind);
    mark.setAttribute('data-wayfinder-id', anchor.id);
    if (anchor.state) mark.setAttribute('data-wayfinder-state', anchor.state);
    if (anchor.row) mark.setAttribute('data-wayfinder-row', anchor.row);
    if (anchor.title) mark.title = anchor.title;
    mark.wfLabel = anchor.label;
    const text = document.createElement('span');
    text.className = 'wf-mark-text';
    text.textContent = anchor.kind === 'notice' ? `\u26a0 ${anchor.label}` : anchor.label;
    Object.assign(text.style, {
      display: boxed ? 'inline-block' : 'block',
      margin: boxed ? '2px 6px' : '2px 0 0',
      padding: boxed ? '1px 6px' : '0',
      borderRadius: '4px',
      background,
      border: boxed ? `1px solid ${colour}` : '0',
      font: '11px/14px "Segoe UI", system-ui, sans-serif',
      color: colour,
      whiteSpace: 'normal',
    });
    mark.attachShadow({ mode: 'open' }).append(text);
    mark.style.display = boxed ? 'inline-block' : 'block';
    return mark;
  }

  // ---------- theme ----------
  // Both portals have a theme of their own (Azure: Settings › Appearance), apart from the
  // system's, so the panel, chip and marks follow the page: dark when its background is dark
  // (relative luminance, https://www.w3.org/TR/WCAG21/#dfn-relative-luminance, in sRGB bytes).
  // Reading the colour rather than a portal's class names needs no portal knowledge; when the
  // background cannot be read (transparent), the panel follows the system's preference.
  function readTheme() {
    for (const element of [document.body, document.documentElement]) {
      const rgba = element && (getComputedStyle(element).backgroundColor.match(/[\d.]+/g) || []).map(Number);
      if (rgba && rgba.length >= 3 && !(rgba[3] < 0.5)) return 0.2126 * rgba[0] + 0.7152 * rgba[1] + 0.0722 * rgba[2] < 128 ? 'dark' : 'light';
    }
    return null;
  }
  // The colours of marks and the chip: the page's theme, else the system's.
  function palette() {
    watchTheme();
    return COLOURS[theme || (systemDark.matches ? 'dark' : 'light')];
  }

  // Read on a change only: after a layout (a ResizeObserver callback, where styles are clean)
  // for the first time, never while the portal is still loading, where reading a computed style
  // forced a style calculation (measured in the bench: +1.5 to 4 ms of the content script's top
  // level); then when the root's or body's class or style changes (a theme switch restyles
  // them), or the system's theme does.
  function watchTheme() {
    if (themeWatcher) return;
    themeWatcher = new MutationObserver(scheduleTheme);
    for (const element of [document.documentElement, document.body]) {
      if (element) themeWatcher.observe(element, { attributes: true, attributeFilter: ['class', 'style'] });
    }
    systemDark = matchMedia('(prefers-color-scheme: dark)');
    systemDark.addEventListener('change', scheduleTheme);
    const firstRead = new ResizeObserver(() => {
      firstRead.disconnect();
      followTheme();
    });
    firstRead.observe(document.documentElement);
  }

  function followTheme() {
    const next = readTheme();
    if (next === theme) return;
    const before = palette();
    theme = next;
    if (frame) {
      styleFrame();
      // A frame still loading gets the theme with the load check's ping. Reaching into it before
      // (`contentWindow`) cost 1.5 to 10 ms on the page's main thread (measured), once per frame.
      if (frameLoaded) postToFrame({ wayfinderTheme: theme });
    }
    if (palette() === before) return;
    // Marks and the chip are drawn anew in the new colours.
    removeMarks();
    schedulePass();
    if (chipHost) drawChip(chipShown);
  }
  const scheduleTheme = perFrame(followTheme);

  // ---------- the panel and its guard ----------
  // The page owns its DOM: its scripts can restyle, move or navigate what we add, and its
  // stylesheets reach our host element. So the host is `display: contents` (no box of its own:
  // a transform or filter on it cannot move the frame) with its inherited properties pinned
  // inline and !important, which no page stylesheet overrides
  // (https://www.w3.org/TR/css-cascade-5/#cascade-element-attached); the frame's whole style is
  // inline inside the shadow root, which page styles do not enter. A watcher undoes what a page
  // script changes in their style, puts the frame back when it is removed or changed in what it
  // loads, and after every load asks the frame to answer from our origin, rebuilding it when it
  // does not (the page navigated it). Attributes that change neither look nor content (`inert`
  // from a portal modal, `data-*` of other extensions) are left alone. A page that keeps forcing
  // repairs gets the panel closed on that route instead of a fight.
  const HOST_STYLE = { display: 'contents', visibility: 'visible', 'pointer-events': 'none' };
  const FRAME_CONTENT_ATTRIBUTES = ['src', 'srcdoc', 'sandbox', 'allow', 'csp', 'name'];
  const MAX_REPAIRS_PER_SECOND = 10;
  const HANDSHAKE_MS = 3000;
  let frameHeight = PANEL_MIN_HEIGHT_PX;
  let frameStyle = '';
  let handshake = 0; // timer: the frame has not answered since its last load
  let frameLoaded = false; // the frame has fired a load since it was made
  let repairs = [];
  let closedOn = null; // the URL on which the page made us close the panel

  function pin(element, styles) {
    element.removeAttribute('style');
    for (const [name, value] of Object.entries(styles)) element.style.setProperty(name, value, 'important');
    return element.getAttribute('style');
  }

  function styleFrame() {
    frame.removeAttribute('style');
    // CSSOM properties, not a <style> element: the page's style-src CSP governs the latter.
    Object.assign(frame.style, {
      position: 'fixed',
      bottom: PANEL_MARGIN_PX + 'px',
      right: PANEL_MARGIN_PX + 'px',
      width: PANEL_WIDTH_PX + 'px',
      height: frameHeight + 'px',
      maxHeight: `calc(100vh - ${PANEL_TOP_CLEARANCE_PX + PANEL_MARGIN_PX}px)`,
      border: '0',
      borderRadius: '8px',
      boxShadow: '0 6px 20px rgba(0, 0, 0, 0.18)',
      // The frame's page takes the portal's theme; the same scheme on the element keeps the
      // frame's canvas transparent (https://www.w3.org/TR/css-color-adjust-1/#color-scheme-effect).
      colorScheme: theme || 'normal',
      background: 'transparent',
      zIndex: '2147483000',
      display: 'block',
      visibility: 'visible',
      pointerEvents: 'auto',
    });
    frameStyle = frame.getAttribute('style');
  }

  function makeFrame() {
    if (frame) frame.remove();
    frame = document.createElement('iframe');
    frameLoaded = false;
    frame.src = chrome.runtime.getURL('overlay.html');
    // The frame may report the extension's static origin although it was loaded through its
    // dynamic (use_dynamic_url) URL; accept both, computed once per frame.
    frameOrigins = [`chrome-extension://${chrome.runtime.id}`, new URL(frame.src).origin];
    // The sync card's "Copy verify query" writes to the clipboard from inside this frame. Both
    // origins are named: the document reports the static one, the source is the dynamic one.
    frame.allow = `clipboard-write ${frameOrigins.join(' ')}`;
    frame.title = 'SecOps Wayfinder';
    styleFrame();
    frame.addEventListener('load', askFrame);
    host.shadowRoot.replaceChildren(frame);
    guard.observe(frame, { attributes: true });
  }

  // Every load, ours or one the page caused: only our page answers a message addressed to our
  // origin (postMessage drops it for any other document), so no answer means a foreign page.
  function askFrame() {
    frameLoaded = true;
    clearTimeout(handshake);
    postToFrame({ wayfinderPing: true, wayfinderTheme: theme });
    handshake = setTimeout(() => host && repair(makeFrame), HANDSHAKE_MS);
  }

  // To our page in the frame only: addressed to each of our origins, so any other document
  // never gets it.
  function postToFrame(message) {
    for (const origin of frameOrigins) frame.contentWindow.postMessage(message, origin);
  }

  // A change we did not make: put it back, unless the page keeps making them.
  function repair(fix) {
    const now = Date.now();
    repairs = repairs.filter((t) => now - t < 1000).concat(now);
    if (repairs.length > MAX_REPAIRS_PER_SECOND) {
      console.warn('SecOps Wayfinder: this page keeps changing the panel, so it is closed on this page.');
      closedOn = lastUrl;
      return unmountPanel();
    }
    fix();
  }

  // Our own writes are recorded too; they leave the element as we want it, so they are skipped.
  const guard = new MutationObserver((records) => {
    for (const record of records) {
      if (!host) return;
      const name = record.attributeName;
      if (record.type === 'childList') {
        if (frame.parentNode !== host.shadowRoot) repair(makeFrame);
      } else if (record.target === host && (name === 'style' || name === HOST_ATTRIBUTE) && !hostIntact()) {
        repair(pinHost);
      } else if (record.target === frame && FRAME_CONTENT_ATTRIBUTES.includes(name)) {
        repair(makeFrame);
      } else if (record.target === frame && name === 'style' && frame.getAttribute('style') !== frameStyle) {
        repair(styleFrame);
      }
    }
  });
  let hostStyle = '';

  const hostIntact = () => host.getAttribute('style') === hostStyle && host.hasAttribute(HOST_ATTRIBUTE);

  function pinHost() {
    host.setAttribute(HOST_ATTRIBUTE, '');
    hostStyle = pin(host, HOST_STYLE);
  }

  function mountPanel() {
    if (closedOn === lastUrl) return;
    closedOn = null;
    watchTheme();
    if (host) {
      if (!host.isConnected) attachHost();
      return;
    }
    host = document.createElement('div');
    host.setAttribute(HOST_ATTRIBUTE, '');
    pinHost();
    host.attachShadow({ mode: 'open' });
    frameHeight = PANEL_MIN_HEIGHT_PX;
    repairs = [];
    makeFrame();
    guard.observe(host, { attributes: true });
    guard.observe(host.shadowRoot, { childList: true });
    window.addEventListener('message', onFrameMessage);
    attachHost();
    placeChip();
  }

  function attachHost() {
    const parent = document.body || document.documentElement;
    parent.append(host);
    // Portals re-render whole subtrees; put the panel back if the page removes or moves it (a
    // repair like any other: a page that keeps doing it closes the panel, not a loop).
    if (hostWatcher) hostWatcher.disconnect();
    hostWatcher = new MutationObserver(() => {
      if (host && host.parentNode !== parent) requestAnimationFrame(() => host && host.parentNode !== parent && repair(attachHost));
    });
    hostWatcher.observe(parent, { childList: true });
  }

  function unmountPanel() {
    if (!host) return;
    if (hostWatcher) hostWatcher.disconnect();
    guard.disconnect();
    clearTimeout(handshake);
    window.removeEventListener('message', onFrameMessage);
    host.remove();
    host = null;
    frame = null;
    frameOrigins = [];
    hostWatcher = null;
    placeChip();
  }

  // The overlay answers the load check and reports its content height so the iframe fits it.
  // Accept either only from our own frame and origin; the height is a number, nothing else is read.
  function onFrameMessage(event) {
    // The origin first: it is a string, while reading `contentWindow` costs a call into the frame.
    if (!frame || !frameOrigins.includes(event.origin) || event.source !== frame.contentWindow) return;
    if (event.data && event.data.wayfinderPong === true) return clearTimeout(handshake);
    const height = event.data && event.data.wayfinderHeight;
    if (typeof height !== 'number' || !Number.isFinite(height)) return;
    const next = Math.max(PANEL_MIN_HEIGHT_PX, Math.ceil(height));
    if (next === frameHeight) return; // the panel reports every resize, most of them no change
    frameHeight = next;
    // Only the height changes; the guard compares the whole attribute, so it is read back.
    frame.style.height = next + 'px';
    frameStyle = frame.getAttribute('style');
  }

  function teardown() {
    if (themeWatcher) themeWatcher.disconnect();
    if (systemDark) systemDark.removeEventListener('change', scheduleTheme);
    unmountPanel();
    drawChip(null);
    setAnchors([]);
    removeMarks();
    window.removeEventListener('hashchange', checkNow);
    window.removeEventListener('popstate', checkNow);
    if (window.navigation) window.navigation.removeEventListener('currententrychange', checkNow);
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
    if (area === 'local' && chipTenant && changes[chipKey()]) {
      const view = changes[chipKey()].newValue;
      return drawChip(view ? view.chip : null);
    }
    // The user's settings, or the administrator's policy over them (the worker's copy of it).
    if (!(area === 'sync' && changes.settings) && !(area === 'local' && changes.policy)) return;
    if (!extensionAlive()) return teardown();
    lastUrl = '';
    checkNow();
  }
  chrome.storage.onChanged.addListener(onStorageChanged);

  window.addEventListener('hashchange', checkNow);
  window.addEventListener('popstate', checkNow);
  // The Navigation API also reports history.pushState from the page's own router, which no
  // other event does for an isolated-world script.
  // https://developer.mozilla.org/docs/Web/API/Navigation/currententrychange_event
  if (window.navigation) window.navigation.addEventListener('currententrychange', checkNow);
  checkNow();
})();
