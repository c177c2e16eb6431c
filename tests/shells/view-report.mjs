// Why this file exists: view reports (docs/view-reports.md) are sanitized descriptions of a
// portal view: its elements and their structure, with text only as the words the catalog's
// probes look for. This module reads the catalog the core is built from (crates/core/catalog/,
// the one source of truth for probes), checks that a report has the format and holds nothing it
// must not, rebuilds its view as a DOM in jsdom, and replays the catalog's notice probes on it
// with the content script's real probe engine (extension/content/probes.js).
// view-reports.test.mjs runs every report of tests/fixtures/views/. As a command,
// `node shells/view-report.mjs sanitize <report.json>…` rewrites hand-written reports in place:
// attributes a report does not keep dropped, links cut to their path, text and text attributes
// in the report form, and the file laid out one element a line.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { findTarget, foundBy, resetProbes } from '../../extension/content/probes.js';

const CATALOG = new URL('../../crates/core/catalog/', import.meta.url);
/** @param {string} name @returns {any} */
const catalogFile = (name) => JSON.parse(readFileSync(new URL(name, CATALOG), 'utf8'));

/** The format this module reads. */
export const FORMAT = 'wayfinder-view-report/1';
/** The tier kinds a probe has (`by`), the tolerant ones last. */
export const TIER_KINDS = ['selector', 'text', 'link-path', 'label', 'aria-label', 'role'];
const TOLERANT = new Set(['label', 'aria-label', 'role']);
/** Words the label normal form drops as suffixes (crates/core/src/model/label.rs). */
const SUFFIX_WORDS = ['preview', 'new', 'beta'];

/**
 * @typedef {{id: string, portal: string, pages: string[], frame: string,
 *   probe: {tiers: any[], userContent?: string}}} CatalogNotice
 * @typedef {[string, ...any[]]} ViewNode
 * @typedef {{format: string, catalog: string, browser: string, portal: string, page: string,
 *   frame: string, lang: string, origin: string, about: string,
 *   probes?: Record<string, {tier: number, by: string} | null>,
 *   expect: Record<string, boolean | string>, view: ViewNode}} ViewReport
 */

/** The catalog as the core compiles it: notices with their probes, and what reports may hold. */
export function loadCatalog() {
  const features = catalogFile('features.json');
  const probes = catalogFile('probes.json');
  const sync = catalogFile('sync.json');
  const onboarding = catalogFile('onboarding.json');
  const userContent = probes.user_content.map((/** @type {{css: string}} */ g) => g.css.trim()).join(', ');
  /** @type {CatalogNotice[]} */
  const notices = [];
  for (const entry of features) {
    for (const notice of entry.notices) {
      const tolerant = notice.probe.some((/** @type {{by: string}} */ t) => TOLERANT.has(t.by));
      // As `ProbeTemplate::fill` does: a probe with a tolerant tier carries the user content.
      const probe = tolerant ? { tiers: notice.probe, userContent } : { tiers: notice.probe };
      notices.push({ id: entry.id, portal: notice.portal, pages: notice.pages, frame: notice.frame, probe });
    }
  }
  // Every word a probe looks for: the tiers' labels and the attribute values of their selectors
  // (trainer labels are the Azure menu's names), the readers' column headers, and the suffix
  // words of the label normal form.
  /** @type {Set<string>} */
  const vocabulary = new Set(SUFFIX_WORDS);
  const addWords = (/** @type {string} */ text) => {
    for (const word of wordsOf(text)) vocabulary.add(word);
  };
  /** @param {any} value */
  const walk = (value) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      // A tier's label and the attribute values its selectors name (`[aria-label="Evidence"]`);
      // a table's key column, badge column and column headers.
      if (typeof value.by === 'string' && typeof value.text === 'string') addWords(value.text);
      for (const css of [value.css, value.within]) {
        if (typeof value.by === 'string' && typeof css === 'string') for (const m of css.matchAll(/="([^"]*)"/g)) addWords(m[1]);
      }
      if (Array.isArray(value.columns)) {
        for (const key of ['key', 'badge_in']) if (typeof value[key] === 'string') addWords(value[key]);
        for (const column of value.columns) if (typeof column.header === 'string') addWords(column.header);
      }
      Object.values(value).forEach(walk);
    }
  };
  walk([features.map((/** @type {any} */ e) => e.notices), probes.trainer, sync, onboarding]);
  for (const entry of features) addWords(entry.azure.menu);
  // Attributes the catalog's selectors name (`[data-telemetryname=…]`), which a report keeps.
  /** @type {Set<string>} */
  const attributes = new Set();
  const css = JSON.stringify([features, probes, sync, onboarding]);
  for (const match of css.matchAll(/\[([a-z][a-z0-9-]*)/g)) attributes.add(match[1]);
  return { notices, vocabulary, attributes, released: catalogFile('release.json').released };
}

/** The words of a text, lower case: runs of letters and digits. @param {string} text */
export const wordsOf = (text) => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) || []).filter((w) => !/^[0-9]+$/.test(w));

/** The catalog's notices a report's page shows. @param {ReturnType<typeof loadCatalog>} catalog @param {ViewReport} report */
export const noticesFor = (catalog, report) =>
  catalog.notices.filter((n) => n.portal === report.portal && n.frame === report.frame && n.pages.includes(report.page));

// What a report must never hold, in any attribute value or text.
const FORBIDDEN = [
  [/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i, 'a GUID'],
  [/[^\s@]+@[^\s@]+\.[a-z]{2,}/i, 'an e-mail address'],
  [/\?[^\s=]+=/, 'a URL with a query'],
  [/:\/\//, 'an absolute URL'],
  [/(?=[A-Za-z0-9+/_=-]*[0-9])(?=[A-Za-z0-9+/_=-]*[A-Za-z])[A-Za-z0-9+/_=-]{32,}/, 'a token'],
];
/** Attributes whose values are text for people, kept under the text rule. */
const TEXT_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title']);
/** Attributes a report keeps besides `aria-*` and those the catalog's selectors name. */
const KEPT_ATTRIBUTES = new Set(['id', 'class', 'role', 'data-testid', 'title', 'href', 'type', 'hidden']);

/**
 * Text as a report writes it: each word the catalog does not look for as `{n}`, its length.
 * Digits stay only as counts (1 to 4 digits, optionally with `+`): alone, in brackets, or last
 * after a space; any other digits are part of a word and written as its length.
 * @param {string} text @param {Set<string>} vocabulary @returns {string[]} its problems
 */
function textProblems(text, vocabulary) {
  const problems = [];
  const plain = text.replace(/\{[0-9]+\}/g, ' ');
  if (/[{}]/.test(plain)) problems.push(`text ${JSON.stringify(text)} has a brace that is not a length`);
  for (const word of wordsOf(plain)) {
    if (!vocabulary.has(word)) problems.push(`text ${JSON.stringify(text)} keeps "${word}", a word no probe looks for`);
  }
  const withoutCounts = plain
    .replace(/[([]\s*[0-9]{1,4}\+?\s*[)\]]/g, ' ')
    .replace(/^\s*[0-9]{1,4}\+?\s*$/, ' ')
    .replace(/\s[0-9]{1,4}\+?\s*$/, ' ');
  if (/[0-9]/.test(withoutCounts)) problems.push(`text ${JSON.stringify(text)} keeps digits that are not a count`);
  return problems;
}

/**
 * Everything wrong with a report: its format, a notice it names that its page does not have,
 * and anything it holds that it must not (a word no probe looks for, a GUID, an e-mail address,
 * a URL with a query, a token, an attribute it does not keep).
 * @param {any} report @param {ReturnType<typeof loadCatalog>} catalog @returns {string[]}
 */
export function reportProblems(report, catalog) {
  const problems = [];
  const need = (/** @type {boolean} */ ok, /** @type {string} */ why) => {
    if (!ok) problems.push(why);
  };
  const fields = ['format', 'catalog', 'browser', 'portal', 'page', 'frame', 'lang', 'origin', 'about', 'probes', 'expect', 'view'];
  for (const key of Object.keys(report)) need(fields.includes(key), `unknown field "${key}"`);
  need(report.format === FORMAT, `format is not ${FORMAT}`);
  need(/^\d{4}-\d{2}-\d{2}$/.test(report.catalog) && report.catalog <= catalog.released, 'catalog is not a release date of the catalog');
  need(typeof report.browser === 'string' && report.browser.length > 0, 'browser is missing');
  need(['azure', 'defender'].includes(report.portal), 'portal is azure or defender');
  need(['top', 'blade'].includes(report.frame), 'frame is top or blade');
  need(typeof report.lang === 'string', 'lang is missing');
  need(/^https:\/\/[a-z0-9.-]+$/.test(report.origin), 'origin is an https origin without a path');
  need(typeof report.about === 'string' && report.about.length > 0, 'about says what the view is');
  const notices = noticesFor(catalog, report);
  const ids = new Set(notices.map((n) => n.id));
  need(ids.size > 0, `no notice of the catalog is on ${report.portal} page "${report.page}" (${report.frame})`);
  const expect = report.expect && typeof report.expect === 'object' ? report.expect : {};
  need(Object.keys(expect).length > 0, 'expect names no probe');
  for (const [id, want] of Object.entries(expect)) {
    need(ids.has(id), `expect: "${id}" is not a notice of this page`);
    need(typeof want === 'boolean' || TIER_KINDS.includes(want), `expect: "${id}" is true, false or a tier kind`);
  }
  for (const [id, found] of Object.entries(report.probes || {})) {
    need(ids.has(id), `probes: "${id}" is not a notice of this page`);
    need(found === null || (Number.isInteger(found.tier) && TIER_KINDS.includes(found.by)), `probes: "${id}" is null or {tier, by}`);
  }
  need(Array.isArray(report.view) && report.view[0] === 'body', 'view is a body element');
  if (Array.isArray(report.view)) nodeProblems(report.view, catalog, problems, 'body');
  return problems;
}

/** @param {any} node @param {ReturnType<typeof loadCatalog>} catalog @param {string[]} problems @param {string} at */
function nodeProblems(node, catalog, problems, at) {
  const [tag, ...rest] = node;
  if (typeof tag !== 'string' || !/^[a-z][a-z0-9-]*$/.test(tag)) problems.push(`${at}: tag ${JSON.stringify(tag)}`);
  const attributes = rest.length > 0 && rest[0] && typeof rest[0] === 'object' && !Array.isArray(rest[0]) ? rest.shift() : {};
  for (const [name, value] of Object.entries(attributes)) {
    const here = `${at}[${name}]`;
    const kept = KEPT_ATTRIBUTES.has(name) || name.startsWith('aria-') || catalog.attributes.has(name);
    if (!kept) problems.push(`${here}: a report does not keep this attribute`);
    if (typeof value !== 'string') {
      problems.push(`${here}: not a string`);
      continue;
    }
    if (TEXT_ATTRIBUTES.has(name)) problems.push(...textProblems(value, catalog.vocabulary).map((p) => `${here}: ${p}`));
    if (name === 'href' && !/^[/#][^?]*$/.test(value)) problems.push(`${here}: a link keeps its path only`);
    for (const [pattern, what] of FORBIDDEN) if (/** @type {RegExp} */ (pattern).test(value)) problems.push(`${here}: holds ${what}`);
  }
  rest.forEach((child, i) => {
    const here = `${at} > ${i}`;
    if (typeof child === 'string') {
      problems.push(...textProblems(child, catalog.vocabulary).map((p) => `${here}: ${p}`));
      for (const [pattern, what] of FORBIDDEN) if (/** @type {RegExp} */ (pattern).test(child)) problems.push(`${here}: holds ${what}`);
    } else if (Array.isArray(child)) nodeProblems(child, catalog, problems, `${here} ${child[0]}`);
    else problems.push(`${here}: a child is text or an element`);
  });
}

/** A report's text as the page had it in length: `{n}` becomes n letters. @param {string} text */
const expand = (text) => text.replace(/\{([0-9]+)\}/g, (_, n) => 'x'.repeat(Number(n)));

/**
 * Rebuilds `node` in `document`.
 * @param {Document} document @param {ViewNode} node @returns {Element}
 */
function build(document, node) {
  const [tag, ...rest] = node;
  const element = document.createElement(tag);
  const attributes = rest.length > 0 && rest[0] && typeof rest[0] === 'object' && !Array.isArray(rest[0]) ? rest.shift() : {};
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, TEXT_ATTRIBUTES.has(name) ? expand(value) : value);
  for (const child of rest) element.append(typeof child === 'string' ? document.createTextNode(expand(child)) : build(document, child));
  return element;
}

/**
 * Rebuilds the report's view as the page the content script's modules read, then runs the
 * catalog's probes of its notices on it, as one pass of the content script does.
 * @param {ViewReport} report @param {ReturnType<typeof loadCatalog>} catalog
 * @returns {Record<string, {tier: number, by: string} | null>} what each notice's probe found
 */
export function replay(report, catalog) {
  const { window } = new JSDOM('<!doctype html><html><head></head><body></body></html>', { url: `${report.origin}/` });
  window.document.documentElement.lang = report.lang;
  window.document.body.replaceWith(build(window.document, report.view));
  globalThis.document = window.document;
  globalThis.location = window.location;
  globalThis.Element = window.Element;
  globalThis.HTMLElement = window.HTMLElement;
  resetProbes();
  /** @type {Record<string, {tier: number, by: string} | null>} */
  const found = {};
  for (const notice of noticesFor(catalog, report)) {
    const memo = `notice:${notice.id}`;
    found[notice.id] = findTarget(notice.probe, memo) ? foundBy(memo) : null;
  }
  window.close();
  return found;
}

/** Where counts stand in a text: the offsets of their digits (see `textProblems`). @param {string} text */
function countOffsets(text) {
  /** @type {Set<number>} */
  const offsets = new Set();
  for (const re of [/[([]\s*([0-9]{1,4})\+?\s*[)\]]/g, /^\s*([0-9]{1,4})\+?\s*$/g, /\s([0-9]{1,4})\+?\s*$/g]) {
    for (const m of text.matchAll(re)) offsets.add(/** @type {number} */ (m.index) + m[0].indexOf(m[1]));
  }
  return offsets;
}

/**
 * A page's text in the report form: each word no probe looks for as `{n}` (its length), digits
 * that are not a count likewise; the page's own braces become parentheses.
 * @param {string} text @param {Set<string>} vocabulary
 */
export function sanitizeText(text, vocabulary) {
  const clean = text.replace(/\{/g, '(').replace(/\}/g, ')');
  const counts = countOffsets(clean);
  return clean.replace(/[\p{L}\p{N}]+/gu, (word, offset) => {
    if (/^[0-9]+$/.test(word)) return counts.has(offset) ? word : `{${word.length}}`;
    return vocabulary.has(word.toLowerCase()) ? word : `{${[...word].length}}`;
  });
}

/**
 * `node` as a report keeps it: attributes it does not keep dropped, text attributes and text in
 * the report form, links as their path.
 * @param {any} node @param {ReturnType<typeof loadCatalog>} catalog @returns {any}
 */
function sanitizeNode(node, catalog) {
  if (typeof node === 'string') return sanitizeText(node, catalog.vocabulary);
  if (!Array.isArray(node)) return node;
  return node.map((child, i) => {
    if (i === 1 && child && typeof child === 'object' && !Array.isArray(child)) {
      const kept = Object.entries(child).filter(([name]) => KEPT_ATTRIBUTES.has(name) || name.startsWith('aria-') || catalog.attributes.has(name));
      return Object.fromEntries(
        kept.map(([name, value]) => {
          if (TEXT_ATTRIBUTES.has(name)) return [name, sanitizeText(String(value), catalog.vocabulary)];
          if (name === 'href') return [name, String(value).startsWith('#') ? String(value).split(/[/?]/)[0] : new URL(String(value), 'https://portal.invalid').pathname];
          return [name, String(value)];
        }),
      );
    }
    return i === 0 ? child : sanitizeNode(child, catalog);
  });
}

/** A report as JSON text: its fields one a line, its view one element a line where it fits. @param {any} report */
export function formatReport(report) {
  /** @param {any} node @param {string} indent @returns {string} */
  const element = (node, indent) => {
    const flat = JSON.stringify(node);
    if (typeof node === 'string' || indent.length + flat.length <= 110) return flat;
    const [tag, ...rest] = node;
    const head = [JSON.stringify(tag)];
    if (rest.length > 0 && rest[0] && typeof rest[0] === 'object' && !Array.isArray(rest[0])) head.push(JSON.stringify(rest.shift()));
    if (rest.length === 0) return `[${head.join(', ')}]`;
    const inner = `${indent}  `;
    return `[${head.join(', ')},\n${rest.map((c) => inner + element(c, inner)).join(',\n')}\n${indent}]`;
  };
  const fields = Object.entries(report).map(([key, value]) => `  ${JSON.stringify(key)}: ${key === 'view' ? element(value, '  ') : JSON.stringify(value)}`);
  return `{\n${fields.join(',\n')}\n}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === 'sanitize') {
  const catalog = loadCatalog();
  for (const file of process.argv.slice(3)) {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    report.view = sanitizeNode(report.view, catalog);
    writeFileSync(file, formatReport(report));
    const problems = reportProblems(report, catalog);
    console.log(`${file}: ${problems.length === 0 ? 'ok' : problems.join('\n  ')}`);
  }
}
