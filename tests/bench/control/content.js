// The bench's control extension (tests/bench/profiles.mjs): the built extension with this file in
// place of its content script. It does the least a page-aware extension does, telling its service
// worker once which page this is, so the task time it adds is the floor that any content script
// with a worker round trip pays on these pages: context for the extension's and the peer's figures.
chrome.runtime.sendMessage({ type: 'page-changed', url: location.href }).catch(() => {});
