// The bench's reference peer (tests/bench/profiles.mjs): the built extension with this file in
// place of its content script. The project's budget for main-thread time added per page load is
// "no more than a reference peer content script measured in the same run" (docs/development.md),
// so this file does what common portal helper extensions do, written for the bench: it tells its
// worker the page once, watches the whole body with one MutationObserver, and after every mutation
// batch searches the whole document for clickable controls and reads their text for a few labels.
// It draws nothing; what it costs the page is the yardstick, not what it finds.

const CONTROLS = 'button, a[href], [role="button"], [role="tab"], [role="menuitem"]';
const LABELS = new Set(['create incident', 'run query', 'assign', 'export', 'new query']);

let found = 0;

function scan() {
  let hits = 0;
  for (const element of document.querySelectorAll(CONTROLS)) {
    const text = element.textContent;
    if (text && LABELS.has(text.trim().toLowerCase())) hits += 1;
  }
  found = hits;
}

chrome.runtime.sendMessage({ type: 'page-changed', url: location.href }).catch(() => {});

if (document.body) {
  new MutationObserver(scan).observe(document.body, { subtree: true, childList: true, characterData: true });
  scan();
}

// Kept reachable so the scan's result is not dead code to an optimising engine.
globalThis.__wayfinderPeerFound = () => found;
