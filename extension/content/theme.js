// The page's own theme. Both portals have a theme of their own (Azure: Settings › Appearance),
// apart from the system's, so the panel, chip, pill and marks follow the page: dark when its
// background is dark (relative luminance, https://www.w3.org/TR/WCAG21/#dfn-relative-luminance,
// in sRGB bytes). Reading the colour rather than a portal's class names needs no portal
// knowledge; when the background cannot be read (transparent), the system's preference counts.
import { COLOURS } from './palette.js';
import { perFrame } from './schedule.js';

/** @type {'light' | 'dark' | null} the page's theme; null until read, or when unreadable */
let theme = null;
/** @type {MutationObserver | null} */
let watcher = null;
/** @type {MediaQueryList | null} */
let systemDark = null;
/** @type {(paletteChanged: boolean) => void} */
let listener = () => {};

/** @returns {'light' | 'dark' | null} */
function readTheme() {
  for (const element of [document.body, document.documentElement]) {
    const rgba = element && (getComputedStyle(element).backgroundColor.match(/[\d.]+/g) || []).map(Number);
    if (rgba && rgba.length >= 3 && !(rgba[3] < 0.5)) return 0.2126 * rgba[0] + 0.7152 * rgba[1] + 0.0722 * rgba[2] < 128 ? 'dark' : 'light';
  }
  return null;
}

/** The colours to draw with: the page's theme, else the system's. Starts watching the theme. */
export function palette() {
  watchTheme();
  return COLOURS[theme || (systemDark && systemDark.matches ? 'dark' : 'light')];
}

/** The page's theme as last read (null: unknown, follow the system). */
export const pageTheme = () => theme;

/** Calls `then(paletteChanged)` after each change of the page's theme. */
export function onThemeChange(then) {
  listener = then;
}

function followTheme() {
  const next = readTheme();
  if (next === theme) return;
  const before = palette();
  theme = next;
  listener(palette() !== before);
}
const scheduleTheme = perFrame(followTheme);

// Read on a change only: first after a layout (a ResizeObserver callback, where styles are
// clean), never while the portal is still loading, where reading a computed style forced a style
// calculation; then when the root's or body's class or style changes (a theme switch restyles
// them), or the system's theme does. Starts with the first thing drawn, not at start.
function watchTheme() {
  if (watcher) return;
  watcher = new MutationObserver(scheduleTheme);
  for (const element of [document.documentElement, document.body]) {
    if (element) watcher.observe(element, { attributes: true, attributeFilter: ['class', 'style'] });
  }
  systemDark = matchMedia('(prefers-color-scheme: dark)');
  systemDark.addEventListener('change', scheduleTheme);
  const firstRead = new ResizeObserver(() => {
    firstRead.disconnect();
    followTheme();
  });
  firstRead.observe(document.documentElement);
}

/** Stops watching (the extension is gone). */
export function stopTheme() {
  if (watcher) watcher.disconnect();
  if (systemDark) systemDark.removeEventListener('change', scheduleTheme);
}
