// The colours of everything the content script draws in the page: marks, the chip and the pill.
// Fluent's tokens, the same values as the extension pages' ui.css, for a light and a dark page.

/** @typedef {'good' | 'neutral' | 'warn' | 'link' | 'surface'} Tone */
/** @typedef {Record<Tone, [string, string]>} Palette [text and border, background] per tone */

/** @type {{light: Palette, dark: Palette}} */
export const COLOURS = {
  light: { good: ['#0e700e', '#f1faf1'], neutral: ['#616161', '#f5f5f5'], warn: ['#8a3707', '#fdf6f3'], link: ['#0f6cbd', 'transparent'], surface: ['#242424', '#ffffff'] },
  dark: { good: ['#54b054', '#052505'], neutral: ['#c7c7c7', '#292929'], warn: ['#f7a36a', '#411200'], link: ['#479ef5', 'transparent'], surface: ['#d6d6d6', '#1f1f1f'] },
};

/**
 * The font of everything drawn in the page: the portal's own, inherited from where it is drawn
 * (family, size, weight); only the line height is ours. Every face or size that the page has not
 * used yet costs its renderer a synchronous font lookup in the browser process during layout
 * (docs/benchmarks.md, "Where the added time goes"); inherited, it asks only for faces the portal
 * itself uses. The size is clamped, so a mark inside a heading, or inside a container that sets
 * its font size to 0, stays readable.
 * Buttons need it said: Chromium's default style sheet gives form controls a font of their own
 * (`font: -webkit-small-control`), not the inherited one.
 * https://chromium.googlesource.com/chromium/src/+/main/third_party/blink/renderer/core/html/resources/html.css
 * @param {string} lineHeight
 */
export const pageFont = (lineHeight) => ({ font: 'inherit', fontSize: 'clamp(11px, 1em, 16px)', lineHeight });
