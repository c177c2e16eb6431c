// The US Government portals (GCC High, DoD, Azure Government): optional hosts, so that nobody
// who works in the commercial cloud grants the extension access to them. The options page asks
// for them (chrome.permissions.request needs the user's click); the worker registers the same
// content script there while they are granted, and takes it away when they are removed
// (at chrome://extensions too). docs/government-clouds.md.

/** The portals' top frames, as in the manifest's optional_host_permissions. */
export const GOVERNMENT_ORIGINS = Object.freeze([
  'https://security.microsoft.us/*',
  'https://security.apps.mil/*',
  'https://portal.azure.us/*',
]);

const SCRIPT_ID = 'government-portals';

/** Whether every government portal is allowed. */
export function governmentAllowed() {
  return chrome.permissions.contains({ origins: [...GOVERNMENT_ORIGINS] });
}

/**
 * Asks for the government portals (on) or gives them back (off); resolves to whether they are
 * allowed afterwards. Call it inside the user's click: the browser shows its own prompt.
 */
export async function setGovernmentAllowed(on) {
  const origins = [...GOVERNMENT_ORIGINS];
  if (on) await chrome.permissions.request({ origins });
  else await chrome.permissions.remove({ origins });
  return governmentAllowed();
}

/**
 * The worker's side: the content script runs on the government portals exactly while they are
 * allowed. Registered scripts persist across browser restarts; this puts them right at every
 * start of the worker (after an update, or a grant made while it slept) and on every change.
 */
export function followGovernmentPortals() {
  const settle = async () => {
    const allowed = await governmentAllowed();
    const registered = (await chrome.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] })).length > 0;
    if (allowed && !registered) {
      await chrome.scripting.registerContentScripts([{
        id: SCRIPT_ID,
        matches: [...GOVERNMENT_ORIGINS],
        js: ['content.js'],
        runAt: 'document_start',
        allFrames: false,
        // As the manifest's content scripts (the manifest policy refuses another world there).
        world: 'ISOLATED',
        persistAcrossSessions: true,
      }]);
    } else if (!allowed && registered) {
      await chrome.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    }
  };
  // One settling at a time: a grant and a removal in quick succession end in the last state.
  let queue = Promise.resolve();
  const later = () => {
    queue = queue.then(settle).catch((e) => console.warn('Wayfinder: government portals', e));
    return queue;
  };
  chrome.permissions.onAdded.addListener(later);
  chrome.permissions.onRemoved.addListener(later);
  return later();
}
