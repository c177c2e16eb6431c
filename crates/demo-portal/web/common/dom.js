// Shared helpers for the demo portals (Defender, Azure, React-view sandbox).
// Why: every page is built with createElement/textContent (never innerHTML with
// data) so the pages stay valid under a strict CSP and cannot inject markup.

/**
 * Creates an element. `props`: `class`, `text`, `on<event>` (function, bound
 * with addEventListener), anything else becomes an attribute (true = empty
 * attribute, null/undefined/false = omitted).
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  if (props) {
    for (const [k, v] of Object.entries(props)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k === 'text') el.textContent = String(v);
      else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces all children of `el`. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
// Simple line icons drawn for this demo (16x16 grid); not Microsoft's icons.
const ICONS = {
  menu: 'M2 4h12M2 8h12M2 12h12',
  waffle: 'M3 3h2v2H3zM7 3h2v2H7zM11 3h2v2h-2zM3 7h2v2H3zM7 7h2v2H7zM11 7h2v2h-2zM3 11h2v2H3zM7 11h2v2H7zM11 11h2v2h-2z',
  home: 'M2 8l6-5 6 5M4 7v6h3v-3h2v3h3V7',
  shield: 'M8 2l5 2v4c0 3-2.2 5-5 6-2.8-1-5-3-5-6V4z',
  search: 'M7 3a4 4 0 1 1 0 8a4 4 0 0 1 0-8zM10 10l4 4',
  bell: 'M4 11V7a4 4 0 0 1 8 0v4l1 1H3zM7 13.5h2',
  gear: 'M8 5.5a2.5 2.5 0 1 1 0 5a2.5 2.5 0 0 1 0-5zM8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4',
  help: 'M8 2a6 6 0 1 1 0 12a6 6 0 0 1 0-12zM6.3 6.3a1.8 1.8 0 1 1 2.4 1.7c-.5.2-.7.6-.7 1.1v.4M8 11.2v.3',
  chevronDown: 'M4 6l4 4 4-4',
  chevronRight: 'M6 4l4 4-4 4',
  refresh: 'M13 8a5 5 0 1 1-1.5-3.5M13 2.5v3h-3',
  plus: 'M8 3v10M3 8h10',
  close: 'M4 4l8 8M12 4l-8 8',
  more: 'M3 8h.5M8 8h.5M13 8h.5',
  link: 'M7 9l2-2M6 6.5L4.5 8a2 2 0 0 0 3 3L9 9.5M10 9.5L11.5 8a2 2 0 0 0-3-3L7 6.5',
  alert: 'M8 2l6.5 11h-13zM8 6.5v3M8 11.5v.3',
  device: 'M2.5 3.5h11v7h-11zM6 13h4M8 10.5V13',
  person: 'M8 2.5a2.5 2.5 0 1 1 0 5a2.5 2.5 0 0 1 0-5zM3 14c.5-3 2.5-4.5 5-4.5s4.5 1.5 5 4.5',
  hunt: 'M8 2a6 6 0 1 1 0 12a6 6 0 0 1 0-12zM8 5a3 3 0 1 1 0 6a3 3 0 0 1 0-6zM8 1v3M8 12v3M1 8h3M12 8h3',
  doc: 'M4 2h5l3 3v9H4zM9 2v3h3M6 8h4M6 10.5h4',
  chart: 'M2.5 13.5h11M4 11V8M7 11V4.5M10 11V6.5M13 11V3',
  globe: 'M8 2a6 6 0 1 1 0 12a6 6 0 0 1 0-12zM2 8h12M8 2c2 2 2 10 0 12M8 2c-2 2-2 10 0 12',
  play: 'M5 3.5l8 4.5-8 4.5z',
  save: 'M3 3h8l2 2v8H3zM5 3v3h5V3M5 13V9h6v4',
  share: 'M11 3a1.5 1.5 0 1 1 0 3a1.5 1.5 0 0 1 0-3zM5 6.5a1.5 1.5 0 1 1 0 3a1.5 1.5 0 0 1 0-3zM11 10a1.5 1.5 0 1 1 0 3a1.5 1.5 0 0 1 0-3zM6.3 7.3l3.4-1.6M6.3 8.7l3.4 1.6',
  clock: 'M8 2a6 6 0 1 1 0 12a6 6 0 0 1 0-12zM8 4.5V8l2.5 1.5',
  edit: 'M3 13l1-3 7-7 2 2-7 7zM10 4l2 2',
  copy: 'M5 5h8v9H5zM3 11V2h8',
  filter: 'M2 3h12l-4.5 5v4.5l-3 1.5V8z',
  book: 'M2.5 3.5c2-1 4-1 5.5.5c1.5-1.5 3.5-1.5 5.5-.5v9.5c-2-1-4-1-5.5.5c-1.5-1.5-3.5-1.5-5.5-.5z',
  database: 'M3 4c0-2 10-2 10 0v8c0 2-10 2-10 0zM3 4c0 2 10 2 10 0M3 8c0 2 10 2 10 0',
  bolt: 'M9 1.5L3.5 9H8l-1 5.5L12.5 7H8z',
  list: 'M5 4h9M5 8h9M5 12h9M2 4h.5M2 8h.5M2 12h.5',
  grid: 'M2.5 2.5h4.5v4.5H2.5zM9 2.5h4.5v4.5H9zM2.5 9h4.5v4.5H2.5zM9 9h4.5v4.5H9z',
  cloud: 'M4.5 12.5a3 3 0 0 1-.3-6a4 4 0 0 1 7.6 1a2.5 2.5 0 0 1 .2 5z',
  star: 'M8 2l1.8 3.8 4.2.5-3.1 2.9.8 4.1L8 11.3l-3.7 2 .8-4.1L2 6.3l4.2-.5z',
  feedback: 'M2.5 3h11v7.5H7L4 13v-2.5H2.5z',
};

/** A decorative line icon (aria-hidden). */
export function icon(name, cls) {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', 'demo-icon' + (cls ? ' ' + cls : ''));
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', ICONS[name] || ICONS.doc);
  svg.append(path);
  return svg;
}

/** Fetches the shared demo scenario (same origin; allowed by connect-src 'self'). */
export async function loadScenario() {
  const resp = await fetch('/demo-data/scenario.json', { cache: 'no-store' });
  if (!resp.ok) throw new Error('scenario: HTTP ' + resp.status);
  return resp.json();
}

/** `:PORT` when the page was loaded on a non-default port, else ''. */
export function portSuffix() {
  return location.port ? ':' + location.port : '';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Jul 14, 2026 8:12 AM" (UTC, so screenshots are stable). */
export function formatDate(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  let hr = d.getUTCHours();
  const ampm = hr >= 12 ? 'PM' : 'AM';
  hr = hr % 12 || 12;
  const min = String(d.getUTCMinutes()).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()} ${hr}:${min} ${ampm}`;
}

/** Finds a tenant by id, domain or name (case-insensitive). */
export function findTenant(scenario, key) {
  if (!key) return null;
  const k = String(key).toLowerCase();
  return scenario.tenants.find(
    (t) => t.id === k || t.domain.toLowerCase() === k || t.name.toLowerCase() === k,
  ) || null;
}

/** Every workspace with its tenant attached. */
export function allWorkspaces(scenario) {
  return scenario.tenants.flatMap((t) => t.workspaces.map((w) => ({ ...w, tenant: t })));
}

/** Deterministic alert titles for an incident (the scenario only stores counts). */
export function alertTitles(incident) {
  const pool = {
    'Initial access': ['Suspicious email attachment opened', 'Sign-in from an anonymous IP address', 'Atypical travel'],
    'Lateral movement': ['Suspicious remote service creation', 'Possible lateral movement using SMB admin shares'],
    'Execution': ['Suspicious PowerShell command line', 'Suspicious process executed from a temporary folder'],
    'Credential access': ['Password spray', 'Brute force attack against Azure Portal', 'Unfamiliar sign-in properties'],
  };
  const names = incident.categories.flatMap((c) => pool[c] || []);
  const out = [];
  for (let i = 0; i < Math.min(incident.alerts, 8); i += 1) {
    out.push(names.length ? names[i % names.length] : 'Manual incident');
  }
  return out;
}

/**
 * An incident's "Last update time" as the portals show it: in the browser's time zone (the
 * portals' default), US English. Scenario incidents may say `updatedMinutesAgo` so the demo
 * always has a fresh change and an old one, whatever the day; others use `lastActivity`.
 */
export function lastUpdateText(inc) {
  const d = typeof inc.updatedMinutesAgo === 'number' ? new Date(Date.now() - inc.updatedMinutesAgo * 60000) : new Date(inc.lastActivity);
  if (Number.isNaN(d.getTime())) return '';
  const hr = d.getHours() % 12 || 12;
  return `${MONTHS[d.getMonth()]} ${d.getDate()}, ${d.getFullYear()} ${hr}:${String(d.getMinutes()).padStart(2, '0')} ${d.getHours() >= 12 ? 'PM' : 'AM'}`;
}
