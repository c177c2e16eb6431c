// Why this file exists: the unit tests of the content script's probe engine and readers
// (tests/shells/*.test.mjs) run its real modules in Node against static portal-like HTML
// (fixtures/) parsed by jsdom, the DOM implementation from npm, instead of mocks of our own.
// The modules read the page through the globals a content script has (`document`,
// `location`, `Element`, `HTMLElement`, `Node`), so a test sets them to its page's window first.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const FIXTURES = new URL('./fixtures/', import.meta.url);

/** Portal addresses the fixtures stand for (relative links resolve against them). */
export const DEFENDER = 'https://security.microsoft.com/incidents?tid=0f9e1d2c';
export const AZURE = 'https://portal.azure.com/#view/Microsoft_Azure_Security_Insights/MainMenuBlade/~/Incidents';

/**
 * Loads `fixtures/<name>` as the page at `url` and makes it the page the modules read.
 * @param {string} name
 * @param {string} url
 * @returns {Document}
 */
export function loadPage(name, url) {
  return loadHtml(readFileSync(new URL(name, FIXTURES), 'utf8'), url);
}

/**
 * Makes `html` (a whole document) the page at `url` that the modules read.
 * @param {string} html
 * @param {string} url
 * @returns {Document}
 */
export function loadHtml(html, url) {
  const { window } = new JSDOM(html, { url });
  globalThis.document = window.document;
  globalThis.location = window.location;
  globalThis.Element = window.Element;
  globalThis.HTMLElement = window.HTMLElement;
  globalThis.Node = window.Node;
  globalThis.MutationObserver = window.MutationObserver;
  return window.document;
}

/** @param {string} id @returns {Element} */
export function byId(id) {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the fixture has no #${id}`);
  return element;
}
