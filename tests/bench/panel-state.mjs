// The closed-panel state checked, not assumed. The `with` profile measures the product with the
// panel collapsed to the pill; a measurement taken while the overlay iframe was in the page would
// describe another state under the wrong label. So every closed-state scenario asks the probe
// whether a panel host was ever added to the page and which frames the tab has, and stops the
// run if the panel was open. The same look-up says whether any wasm was loaded in the tab.

/** Frames of `page` that are the extension's overlay (chrome-extension://…/overlay.html). */
const overlayFrames = (page) => page.frames().filter((f) => /^chrome-extension:\/\/[^/]+\/overlay\.html/.test(f.url()));

/** Whether the tab loaded wasm: .wasm resources in the page, or an overlay frame (which loads it). */
export async function wasmInTab(page) {
  const resources = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).length);
  return { wasmResources: resources, overlayFrames: overlayFrames(page).length, loaded: resources > 0 || overlayFrames(page).length > 0 };
}

/** Throws unless `page` has had no panel host and has no overlay frame (profile.panel 'closed'). */
export async function assertPanelClosed(profile, page, where) {
  if (profile.panel !== 'closed') return;
  const hostSeen = await page.evaluate(() => window.__wayfinderBench.hostEvents.length > 0 || document.querySelector('[data-wayfinder-host]') !== null);
  const frames = overlayFrames(page).length;
  if (hostSeen || frames > 0) {
    throw new Error(
      `panel closed state broken during ${where}: ${hostSeen ? 'a [data-wayfinder-host] panel was added to the page' : ''}` +
        `${hostSeen && frames ? ' and ' : ''}${frames ? `${frames} overlay frame(s) are in the tab` : ''}; ` +
        "the worker's 'panel:prefs' {open: false} or the warm-up's first visits did not hold, so these figures would not be the closed panel's",
    );
  }
}
