// Work triggered by page mutations or theme changes is done at most once per animation frame.

/**
 * Any number of calls within one animation frame run `task` once, in that frame.
 * @param {() => void} task
 * @returns {() => void}
 */
export function perFrame(task) {
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

/** Is this script still connected to its extension (it is orphaned after a reload)? */
export const extensionAlive = () => Boolean(globalThis.chrome && chrome.runtime && chrome.runtime.id);
