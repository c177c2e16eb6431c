// Work triggered by page mutations or theme changes is done at most once per animation frame.

/** An animation frame at 60 Hz, in ms. */
const FRAME_MS = 1000 / 60;

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

/**
 * Runs `task` at once when it has not run for a frame's time, otherwise once in the next
 * animation frame (any number of calls until then run it once). A page that changes now and then
 * gets the task in the same callback that reported the change, one entry into this script instead
 * of two; a page that changes every frame gets it once per frame.
 * @param {() => void} task
 * @returns {() => void}
 */
export function promptly(task) {
  let scheduled = false;
  let last = -Infinity;
  const run = () => {
    scheduled = false;
    last = performance.now();
    task();
  };
  return () => {
    if (scheduled) return;
    if (performance.now() - last >= FRAME_MS) return run();
    scheduled = true;
    requestAnimationFrame(run);
  };
}

/**
 * Runs `task` at once, then at most once per `ms`: calls in between are folded into one run at
 * the end of the wait, so the last call always runs.
 * @param {number} ms
 * @param {() => void} task
 * @returns {() => void}
 */
export function atMostEvery(ms, task) {
  let last = -Infinity;
  let timer = 0;
  return () => {
    if (timer) return;
    const wait = last + ms - performance.now();
    const run = () => {
      timer = 0;
      last = performance.now();
      task();
    };
    if (wait <= 0) run();
    else timer = setTimeout(run, wait);
  };
}

/** Is this script still connected to its extension (it is orphaned after a reload)? */
export const extensionAlive = () => Boolean(globalThis.chrome && chrome.runtime && chrome.runtime.id);

/**
 * Resolves once the document is parsed (at once when it already is). The script starts at
 * document_start, so that its first message wakes a stopped service worker while the page still
 * loads; it draws nothing before the page's body exists.
 * @returns {Promise<void>}
 */
export const domReady = () =>
  new Promise((resolve) => (document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }) : resolve()));
