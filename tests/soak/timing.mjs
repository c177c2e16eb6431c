// When an overlay item appeared, read inside the overlay iframe itself. Playwright's waitFor
// polls with growing pauses (up to 500 ms), which would round a route-change time up by as
// much; so the overlay records when each `data-wayfinder-id` element enters its DOM, and the
// route change's time runs from the click in the page to that moment. Both ends are
// performance.timeOrigin + now(), one clock for the machine across the page's and the
// extension's processes (as bench/probe.mjs does).

/** Installs the recorder in every future overlay iframe of the context (init script). */
export async function installOverlayProbe(context) {
  await context.addInitScript(overlayProbe);
}

/** Absolute time the item `id` entered the overlay of `page` at or after `sinceAbs`, or null. */
export async function itemShownAt(page, extensionOrigin, id, sinceAbs) {
  const frame = page.frames().find((f) => f.url().startsWith(`${extensionOrigin}/overlay.html`));
  if (!frame) return null;
  return frame.evaluate(([item, since]) => window.__soakOverlayItems?.since(item, since) ?? null, [id, sinceAbs]);
}

// ---------- runs in every frame at document start; does something only in the overlay ----------

function overlayProbe() {
  if (location.protocol !== 'chrome-extension:' || !location.pathname.endsWith('/overlay.html') || window.__soakOverlayItems) return;
  const KEEP = 8; // insertion times kept per id; the soak reads the latest right away
  const seen = new Map();
  const note = (element, at) => {
    const id = element.getAttribute('data-wayfinder-id');
    const times = seen.get(id) || [];
    times.push(at);
    if (times.length > KEEP) times.shift();
    seen.set(id, times);
  };
  window.__soakOverlayItems = {
    since: (id, t) => (seen.get(id) || []).find((at) => at >= t) ?? null,
  };
  new MutationObserver((records) => {
    const at = performance.timeOrigin + performance.now();
    for (const record of records) {
      if (record.type === 'attributes') {
        note(record.target, at);
        continue;
      }
      for (const node of record.addedNodes) {
        if (node.nodeType !== Node.ELEMENT_NODE) continue;
        if (node.hasAttribute('data-wayfinder-id')) note(node, at);
        for (const inner of node.querySelectorAll('[data-wayfinder-id]')) note(inner, at);
      }
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-wayfinder-id'] });
}
