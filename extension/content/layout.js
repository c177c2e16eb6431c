// Where the extension's own boxes sit in the page, and how they keep their style.
//
// The page owns its DOM: its stylesheets reach our host elements and its scripts can restyle
// them. Styles are set inline with !important, which no page stylesheet overrides
// (https://www.w3.org/TR/css-cascade-5/#cascade-element-attached), and as CSSOM properties: the
// portal's style-src CSP would block a <style> element.

export const MARGIN_PX = 16;
/** The portals' top bar: nothing of ours goes above it. */
export const TOP_CLEARANCE_PX = 52;
export const PANEL_WIDTH_PX = 360;
export const Z_INDEX = '2147483000';

/** @typedef {'bottom-right' | 'bottom-left' | 'top-left' | 'top-right'} Corner */
/** @type {Corner[]} */
const CORNERS = ['bottom-right', 'bottom-left', 'top-left', 'top-right'];

/** A corner the worker named, or the default (bottom right: the portals keep their command
 * bars, filters and account menu at the top). @returns {Corner} */
export const cornerOf = (/** @type {unknown} */ value) => CORNERS.find((c) => c === value) || 'bottom-right';

export const isTop = (/** @type {Corner} */ corner) => corner.startsWith('top');
export const isLeft = (/** @type {Corner} */ corner) => corner.endsWith('left');

/**
 * The inline position of a box in `corner`, `inset` px in from its side.
 * @param {Corner} corner
 * @param {number} inset
 * @returns {Record<string, string>}
 */
export function cornerPosition(corner, inset = MARGIN_PX) {
  const vertical = isTop(corner) ? { top: TOP_CLEARANCE_PX + MARGIN_PX + 'px' } : { bottom: MARGIN_PX + 'px' };
  const horizontal = isLeft(corner) ? { left: inset + 'px' } : { right: inset + 'px' };
  return { ...vertical, ...horizontal };
}

/**
 * Replaces `element`'s inline style with `styles`, each !important; returns the attribute as
 * written, for a guard to compare with.
 * @param {HTMLElement} element
 * @param {Record<string, string>} styles CSS property names (kebab-case) and values
 */
export function pin(element, styles) {
  element.removeAttribute('style');
  for (const [name, value] of Object.entries(styles)) element.style.setProperty(name, value, 'important');
  return element.getAttribute('style');
}

/** The page's body (or root before there is one): where our hosts are appended. */
export const pageParent = () => document.body || document.documentElement;
