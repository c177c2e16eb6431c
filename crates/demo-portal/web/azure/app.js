// Demo impersonation of the Azure portal (portal.azure.com) for Microsoft Sentinel.
// Why: the extension must recognise Sentinel blades from the hash route and a
// few DOM clues, in the top document and in React-view iframes on
// *.reactblade.portal.azure.net; this app reproduces that split.
//
// Evidence vs invention (portal-dom.md section in brackets):
// - Evidenced: hash routes (facts §3.2), `.fxs-topbar`, `#searchBoxInput` and its
//   placeholder, `.fxs-sidebar`, `nav.fxs-breadcrumb-wrapper[aria-label=Breadcrumb]`,
//   `.fxs-mode-light` (§2.2); blade title/subtitle classes (§2.2); menu groups
//   `div.azc-listView-group[aria-label]` with `li[role=listitem]` under the second
//   child, `data-telemetryname="Menu-…"` pattern (§2.3); React views in
//   `iframe#_react_frame_<n>` on reactblade hosts (§2.1); incidents grid
//   `.ext-gridControl-container`, `.fxc-gc-*`, header texts, `.ext-details-header-*`
//   (§3.1); "Create incident (Preview)" panel texts (§3.1); incident page texts:
//   commands, "Incident actions" items, tabs, widgets, left panel "Evidence",
//   "Incident activity log" + "Comment", Entities side-pane buttons (§3.2).
// - guess (marked inline): command menus' markup, the incident-page "Refresh"
//   command, the comment "Edit" label, what the "Incident actions" items open.
// - guess: exact nesting, all `demo-` classes, the Sentinel `Menu-<blade>`
//   telemetry values (§5 says they are unpublished), blade names for Logs,
//   NewsAndGuides, Search, Notebooks, MitreAttack, ContentHub, Repositories,
//   Community, WorkspaceManager, Settings (facts §3.2 "Not found").
import {
  h, replace, icon, loadScenario, formatDate, lastUpdateText, findTenant, allWorkspaces, alertTitles, portSuffix,
} from '/demo-assets/common/dom.js';

let S = null;
let frameCounter = 0;
let lastRendered = null;
const root = document.getElementById('web-container');
// Local demo state that outlives one rendering: comments added or edited on the
// incident page, incidents created with "+ Create incident (Preview)".
const localComments = new Map(); // sentinelName -> [{ author, time, text, id }]
const createdIncidents = []; // incidents created in this page session
let commentSeq = 0;
const EXT = 'Microsoft_Azure_Security_Insights';
const BROWSE = '#view/HubsExtension/BrowseResource/resourceType/microsoft.securityinsightsarg%2Fsentinel';

// Menu model (facts §1.1 / portal-dom §2.3). `blade` = route segment.
const MENU = [
  ['General', [['0', 'Overview'], ['Logs', 'Logs'], ['NewsAndGuides', 'News & guides'], ['Search', 'Search']]],
  ['Threat management', [['Incidents', 'Incidents'], ['Workbooks', 'Workbooks'], ['Hunting', 'Hunting'], ['Notebooks', 'Notebooks'],
    ['EntityBehavior', 'Entity behavior'], ['ThreatIntelligence', 'Threat intelligence'], ['MitreAttack', 'MITRE ATT&CK']]],
  ['Content management', [['ContentHub', 'Content hub'], ['Repositories', 'Repositories'], ['Community', 'Community']]],
  ['Configuration', [['WorkspaceManager', 'Workspace manager'], ['DataConnectors', 'Data connectors'], ['Analytics', 'Analytics'],
    ['Watchlists', 'Watchlists'], ['Automation', 'Automation'], ['Settings', 'Settings']]],
];
const BLADES = new Map(MENU.flatMap(([, items]) => items).map(([b, label]) => [b.toLowerCase(), { blade: b, label }]));
BLADES.set('overview', BLADES.get('0'));
BLADES.set('workbooksv2', BLADES.get('workbooks'));

// ---------- routing ----------

function workspaceFromId(id) {
  const m = /\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/(?:microsoft\.securityinsightsarg\/sentinel|microsoft\.operationalinsights\/workspaces)\/([^/?#]+)/i.exec(id);
  return m ? { sub: m[1], rg: m[2], ws: m[3] } : null;
}

/** Parses every supported hash form into a route object. */
function parseHash(hash) {
  let h0 = hash.replace(/^#/, '');
  let tenantKey = null;
  const t = /^@([^/]*)\/?(.*)$/.exec(h0);
  if (t) { tenantKey = decodeURIComponent(t[1]); h0 = t[2]; }
  if (h0 === '' || /^home\/?$/i.test(h0)) return { kind: 'home', tenantKey };
  if (/^(view\/HubsExtension\/BrowseResource\/resourceType\/|browse\/)microsoft\.securityinsightsarg(%2F|\/)sentinel/i.test(h0)) return { kind: 'browse', tenantKey };
  let m = /^(?:view|blade)\/Microsoft_Azure_Security_Insights\/MainMenuBlade\/(?:~\/)?([^/]+)\/?(.*)$/i.exec(h0);
  if (m) {
    const key = decodeURIComponent(m[1]).toLowerCase();
    // The old numeric form uses indexes; only 0 (Overview) is evidenced. guess: others → Overview.
    const b = BLADES.get(key) || (/^\d+$/.test(key) ? BLADES.get('0') : null);
    const rest = m[2];
    let ws = null;
    const idm = /^id\/(.+)$/i.exec(rest);
    if (idm) {
      let id = idm[1];
      try { id = decodeURIComponent(id); } catch { /* keep raw */ }
      ws = workspaceFromId(id);
    } else {
      const pm = /subscriptionId\/([^/]+)\/resourceGroup\/([^/]+)\/workspaceName\/([^/?#]+)/i.exec(rest);
      if (pm) ws = { sub: decodeURIComponent(pm[1]), rg: decodeURIComponent(pm[2]), ws: decodeURIComponent(pm[3]) };
    }
    return { kind: 'menu', tenantKey, blade: b ? b.blade : null, rawBlade: m[1], ws };
  }
  m = /^asset\/Microsoft_Azure_Security_Insights\/Incident\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.OperationalInsights\/workspaces\/([^/]+)\/providers\/Microsoft\.SecurityInsights\/Incidents\/([^/?#]+)/i.exec(h0);
  if (m) return { kind: 'incident', tenantKey, ws: { sub: m[1], rg: m[2], ws: m[3] }, name: decodeURIComponent(m[4]) };
  return { kind: 'unknown', tenantKey };
}

function findWorkspace(ref) {
  if (!ref) return null;
  return allWorkspaces(S).find((w) => w.name.toLowerCase() === ref.ws.toLowerCase() && w.subscriptionId.toLowerCase() === ref.sub.toLowerCase()) || null;
}

function wsArmId(w) {
  return `/subscriptions/${w.subscriptionId}/resourcegroups/${w.resourceGroup}/providers/microsoft.securityinsightsarg/sentinel/${w.name}`;
}

/** Form 1 link for a workspace and blade. */
function menuHref(w, blade) {
  return `#view/${EXT}/MainMenuBlade/~/${blade}/id/${encodeURIComponent(wsArmId(w))}`;
}

function incidentHref(w, inc) {
  return `#asset/${EXT}/Incident/subscriptions/${w.subscriptionId}/resourceGroups/${w.resourceGroup}/providers/Microsoft.OperationalInsights/workspaces/${w.name}/providers/Microsoft.SecurityInsights/Incidents/${inc.sentinelName}`;
}

/** Navigates like the portal's own menu: pushState (no hashchange event), then render. */
function go(hash) {
  history.pushState(null, '', hash);
  render();
}

document.addEventListener('click', (ev) => {
  if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
  const a = ev.target instanceof Element ? ev.target.closest('a[href^="#"]') : null;
  if (!a || a.target) return;
  ev.preventDefault();
  go(a.getAttribute('href'));
});
// Clicking outside an open command menu closes it.
document.addEventListener('click', (ev) => {
  for (const wrap of document.querySelectorAll('.demo-cmdmenu')) {
    if (!(ev.target instanceof Node && wrap.contains(ev.target))) wrap.dispatchEvent(new Event('demo-close'));
  }
});
window.addEventListener('hashchange', () => render());
window.addEventListener('popstate', () => render());

// ---------- shell ----------

function currentTenant(route, ws) {
  if (ws) return ws.tenant;
  return findTenant(S, route.tenantKey) || findTenant(S, S.defaultTenantId);
}

function shell(t, crumbs, content) {
  const top = h('header', { class: 'fxs-topbar', role: 'banner' },
    h('button', { type: 'button', class: 'fxs-topbar-button', 'aria-label': 'Show portal menu' }, icon('menu')),
    h('a', { class: 'fxs-topbar-brand', href: '#home' }, 'Microsoft Azure'),
    h('div', { class: 'fxs-search-box fxs-topbar-input' },
      icon('search'),
      h('input', { id: 'searchBoxInput', type: 'text', role: 'combobox', 'aria-label': 'Search resources, services, and docs (G+/)', placeholder: 'Search resources, services, and docs (G+/)' })),
    h('div', { class: 'fxs-topbar-right' },
      ['bell', 'gear', 'help', 'feedback'].map((n) => h('button', {
        type: 'button', class: 'fxs-topbar-button', 'aria-label': { bell: 'Notifications', gear: 'Settings', help: 'Help + support', feedback: 'Feedback' }[n],
        onclick: n === 'gear' ? toggleSettings : null,
      }, icon(n))),
      settingsMenu(),
      h('button', { type: 'button', class: 'fxs-menu-account', title: `${t.user.upn}\n${t.name} (${t.domain})\n${t.id}` },
        h('div', { class: 'fxs-avatarmenu-header' },
          h('div', { class: 'fxs-avatarmenu-username', text: t.user.upn }),
          h('div', { class: 'fxs-avatarmenu-tenant', text: t.name.toUpperCase() + ' (' + t.domain.toUpperCase() + ')' })),
        h('span', { class: 'fxs-avatarmenu-tenant-image', text: t.user.initials }))));
  // guess: sidebar content (docked icon strip); `.fxs-sidebar` itself is evidenced.
  const side = h('aside', { class: 'fxs-sidebar fxs-sidebar-collapsed', 'aria-label': 'Portal menu' },
    h('a', { class: 'fxs-sidebar-home fxs-sidebar-item-link', href: '#home', title: 'Home' }, icon('home')),
    h('a', { class: 'fxs-sidebar-item-link', href: '#home', title: 'Dashboard' }, icon('grid')),
    h('a', { class: 'fxs-sidebar-item-link', href: '#home', title: 'All services' }, icon('list')),
    h('ul', { class: 'fxs-sidebar-favorites' },
      h('li', { 'data-id': 'Microsoft_Azure_Security_Insights_SentinelAsset' }, h('a', { class: 'fxs-sidebar-item-link', href: BROWSE, title: 'Microsoft Sentinel' }, icon('shield')))));
  const bc = h('nav', { class: 'fxs-breadcrumb-wrapper', 'aria-label': 'Breadcrumb' },
    h('ol', { class: 'fxs-breadcrumb' }, crumbs.map(([label, href], i) => h('li', {},
      i === crumbs.length - 1
        ? h('span', { class: 'fxs-breadcrumb-crumb fxs-breadcrumb-crumb-active fxs-portal-text', text: label })
        : h('a', { class: 'fxs-breadcrumb-crumb fxs-portal-text', href, text: label }),
      i < crumbs.length - 1 ? h('span', { class: 'fxs-breadcrumb-sep', 'aria-hidden': 'true', text: '>' }) : null))));
  return [top, h('div', { class: 'fxs-portal-main' }, side,
    h('main', { class: 'fxs-portal-content' }, bc, h('div', { class: 'fxs-journey-layout' }, content)))];
}

// The portal's own theme (Settings › Appearance › Theme), kept on the body as the shell's
// `fxs-mode-light` / `fxs-mode-dark` class (portal-dom §2.1), apart from the system's theme.
// guess: the menu's markup (the real portal opens a Settings blade).
function settingsMenu() {
  const dark = document.body.classList.contains('fxs-mode-dark');
  const choice = (label, mode) => h('label', { class: 'demo-theme-choice' },
    h('input', { type: 'radio', name: 'demo-theme', value: mode, checked: (mode === 'dark') === dark, onchange: () => setTheme(mode) }), label);
  return h('div', { class: 'demo-settings-menu', role: 'dialog', 'aria-label': 'Portal settings', hidden: true },
    h('fieldset', {}, h('legend', { text: 'Theme' }), choice('Light', 'light'), choice('Dark', 'dark')));
}

function toggleSettings() {
  const menu = document.querySelector('.demo-settings-menu');
  if (menu) menu.hidden = !menu.hidden;
}

function setTheme(mode) {
  document.body.classList.toggle('fxs-mode-dark', mode === 'dark');
  document.body.classList.toggle('fxs-mode-light', mode !== 'dark');
  for (const frame of document.querySelectorAll('iframe.fxs-reactview-frame')) frame.contentWindow.postMessage({ demoTheme: mode }, '*');
}

function blade(title, subtitle, body, opts) {
  return h('section', { class: 'fxs-blade fxs-blade-maximized' + (opts && opts.cls ? ' ' + opts.cls : ''), 'aria-label': title },
    h('header', { class: 'fxs-blade-header' },
      h('div', { class: 'fxs-blade-title' }, h('div', { class: 'fxs-blade-title-content' },
        h('div', { class: 'fxs-blade-title-toprow' },
          opts && opts.icon ? icon(opts.icon, 'fxs-blade-icon') : null,
          h('h2', { class: 'fxs-blade-title-titleText msportalfx-tooltip-overflow', text: title }),
          h('button', { type: 'button', class: 'fxs-blade-copyname', 'aria-label': 'Copy title to clipboard' }, icon('copy')),
          h('button', { type: 'button', class: 'fxs-blade-pin', 'aria-label': 'Add to favorites' }, icon('star')),
          h('button', { type: 'button', class: 'fxs-blade-actiondropmenu', 'aria-label': 'More actions' }, icon('more'))),
        subtitle ? h('div', { class: 'fxs-blade-title-subtitleText msportalfx-tooltip-overflow fxs-portal-subtext', text: subtitle }) : null)),
      h('button', { type: 'button', class: 'fxs-blade-close', 'aria-label': 'Close', onclick: () => go('#home') }, icon('close'))),
    h('div', { class: 'fxs-blade-content-container' }, h('div', { class: 'fxs-blade-content-wrapper' }, body)));
}

function commandBar(items) {
  // guess: `data-telemetryname="Command-…"` values (pattern evidenced, §2.4).
  return h('div', { class: 'fxs-commandBar', role: 'toolbar' }, items.map((item) => (item instanceof Node ? item : h('button', {
    type: 'button', class: 'azc-toolbarButton fxs-commandBar-item', 'data-telemetryname': 'Command-' + item[0].replace(/[^A-Za-z]/g, ''), ...(item[2] || {}),
  }, item[1] ? icon(item[1]) : null, h('span', { class: 'azc-toolbarButton-label fxs-commandBar-item-text', text: item[0] })))));
}

// ---------- pages ----------

function homePage(t) {
  const tiles = [
    ['Create a resource', 'plus', '#home'], ['Microsoft Sentinel', 'shield', BROWSE], ['Log Analytics workspaces', 'database', '#home'],
    ['Microsoft Defender for Cloud', 'shield', '#home'], ['Resource groups', 'grid', '#home'], ['Subscriptions', 'star', '#home'],
    ['Microsoft Entra ID', 'person', '#home'], ['More services', 'list', '#home'],
  ];
  const recent = allWorkspaces(S).filter((w) => w.tenant.id === t.id);
  return [
    h('section', { class: 'demo-home', 'aria-label': 'Home' },
      h('h2', { class: 'demo-home-title', text: 'Azure services' }),
      h('div', { class: 'demo-home-tiles' }, tiles.map(([label, ic, href]) => h('a', { class: 'demo-home-tile', href, 'data-telemetryname': 'ServiceTile-' + label.replace(/[^A-Za-z]/g, '') },
        h('span', { class: 'demo-home-tile-icon' }, icon(ic)), h('span', { text: label })))),
      h('h2', { class: 'demo-home-title', text: 'Resources' }),
      h('table', { class: 'demo-table' }, h('thead', {}, h('tr', {}, ['Name', 'Type', 'Last Viewed'].map((c) => h('th', { text: c })))),
        h('tbody', {}, recent.map((w, n) => h('tr', {}, h('td', {}, h('a', { href: menuHref(w, '0') }, icon('shield'), ' ' + w.name)), h('td', { text: 'Microsoft Sentinel' }), h('td', { text: n === 0 ? '3 minutes ago' : '2 days ago' })))))),
  ];
}

function browsePage() {
  const rows = allWorkspaces(S);
  return blade('Microsoft Sentinel', 'Default directory', h('div', { class: 'demo-pad' },
    commandBar([['Create', 'plus'], ['Manage view', 'gear'], ['Refresh', 'refresh'], ['Export to CSV', 'doc']]),
    h('input', { type: 'search', class: 'demo-filter', placeholder: 'Filter for any field...', 'aria-label': 'Filter for any field' }),
    h('div', { class: 'fxc-gc', role: 'grid', 'aria-label': 'Microsoft Sentinel workspaces' },
      h('table', { class: 'demo-table' }, h('thead', {}, h('tr', {}, ['Name', 'Resource group', 'Location', 'Subscription', 'Directory'].map((c) => h('th', { class: 'fxc-gc-columnheader-content fxc-gc-text', text: c })))),
        h('tbody', {}, rows.map((w) => h('tr', { class: 'fxc-gc-row' },
          h('td', {}, h('a', { href: menuHref(w, '0') }, w.name)), h('td', { text: w.resourceGroup }), h('td', { text: w.location }),
          h('td', { text: w.subscriptionName }), h('td', { text: w.tenant.domain }))))))), { icon: 'shield' });
}

function menuPane(w, active) {
  // Groups: `div.azc-listView-group[aria-label]`, items `li[role=listitem]` under the
  // second child (§2.3, evidence L/M). guess: everything else in this markup.
  return h('nav', { class: 'fxs-menu demo-resource-menu', 'aria-label': 'Resource menu' },
    h('div', { class: 'fxs-menu-search' }, icon('search'), h('input', { type: 'search', placeholder: 'Search', 'aria-label': 'Search the menu' })),
    h('div', { role: 'listitem', class: 'fxs-menu-groups' }, MENU.map(([group, items]) => h('div', { class: 'azc-listView-group', 'aria-label': group },
      h('div', { class: 'azc-listView-groupHeader', role: 'heading', 'aria-level': '3', text: group }),
      h('div', { role: 'group' }, items.map(([b, label]) => {
        const sel = b === active;
        return h('li', { role: 'listitem', class: 'fxc-menu-listView-item' + (sel ? ' fxs-menu-item-selected' : '') },
          h('a', {
            href: menuHref(w, b), class: 'fxs-menu-item', 'data-telemetryname': 'Menu-' + b, 'aria-current': sel ? 'page' : null,
          }, h('span', { class: 'fxs-menu-text' }, h('span', { class: 'fxs-menu-itemtext', text: label + (b === '0' ? ' (Preview)' : '') }))));
      }))))));
}

function reactFrame(w, bladeName) {
  frameCounter += 1;
  const q = new URLSearchParams({ blade: bladeName, ws: w.name, sub: w.subscriptionId, rg: w.resourceGroup, tid: w.tenant.id });
  // guess: how the shell tells a React view its theme (the view then carries the fxs-mode class).
  if (document.body.classList.contains('fxs-mode-dark')) q.set('theme', 'dark');
  const src = `https://sandbox-1.reactblade.portal.azure.net${portSuffix()}/reactview?${q}`;
  return h('iframe', {
    class: 'fxs-reactview-frame', id: '_react_frame_' + frameCounter, name: '_react_frame_' + frameCounter,
    title: bladeName, src, role: 'presentation', 'aria-label': BLADES.get(bladeName.toLowerCase())?.label || bladeName,
  });
}

function severityCell(sev) {
  return h('span', { class: 'demo-sev demo-sev-' + sev.toLowerCase() }, h('span', { class: 'demo-sev-dot', 'aria-hidden': 'true' }), sev);
}

function wsIncidents(w) {
  return [...S.incidents, ...createdIncidents].filter((i) => i.tenantId === w.tenant.id && i.workspace === w.name && i.sentinelNumber !== null);
}

// Served as the Azure Government portal, the demo plays a GCC High tenant, whose Defender portal
// is security.microsoft.us.
const DEFENDER_HOST = location.hostname === 'portal.azure.us' ? 'security.microsoft.us' : 'security.microsoft.com';

function defenderUrl(inc, t) {
  return `https://${DEFENDER_HOST}${portSuffix()}/incidents/${inc.defenderId}?tid=${t.id}`;
}

function incidentsBlade(w) {
  const all = wsIncidents(w);
  const open = all.filter((i) => i.status === 'New' || i.status === 'Active'); // default status filter New+Active (§3.1)
  const details = h('aside', { class: 'demo-incident-detailspane', 'aria-label': 'Incident details' },
    h('p', { class: 'demo-muted', text: 'Select an incident to see its details.' }));
  const headers = ['Severity', 'Title', 'Incident number', 'Alerts', 'Status', 'Owner', 'Tags'];
  const cellText = (i, c) => {
    switch (c) {
      case 'Severity': return severityCell(i.severity);
      case 'Title': return i.title;
      case 'Incident number': return String(i.sentinelNumber);
      case 'Alerts': return i.alerts > 150 ? '150+' : String(i.alerts);
      case 'Product names': return i.provider === 'Microsoft XDR' ? i.serviceSources.join(', ') : 'Microsoft Sentinel';
      case 'Status': return i.status;
      case 'Owner': return i.owner || 'Unassigned';
      default: return i.tags.join(', ');
    }
  };
  const showDetails = (i) => {
    const items = [['Owner', i.owner || 'Unassigned'], ['Status', i.status], ['Severity', i.severity]];
    replace(details,
      h('div', { class: 'ext-details-header-content' },
        h('div', { class: 'ext-details-header-title', text: i.title }),
        h('div', { class: 'msportalfx-font-semibold ext-details-header-subtitle', text: 'Incident number ' + i.sentinelNumber }),
        h('div', { class: 'demo-header-items' }, items.map(([k, v]) => h('div', { class: 'demo-header-item' },
          h('div', { class: 'demo-muted', text: k }),
          h('div', { class: 'msportalfx-font-semibold msportalfx-text-ellipsis ext-details-header-item-value', text: v }))))),
      i.defenderId !== null ? h('a', { class: 'demo-xdr-link', href: defenderUrl(i, w.tenant), target: '_blank', rel: 'noopener' }, icon('link'), 'Investigate in Microsoft Defender XDR') : null,
      h('div', { class: 'ext-propertyControl' },
        h('div', { class: 'ext-propertyControl-title-container', text: 'Description' }),
        h('div', {}, h('article', { text: i.manual ? 'Reported by the CFO through the phishing mailbox.' : (i.provider === 'Microsoft XDR' ? 'Incident synchronized from Microsoft Defender XDR.' : 'Created by an analytics rule.') }))),
      h('div', { class: 'ext-propertyControl' },
        h('div', { class: 'ext-propertyControl-title-container', text: 'Workspace' }),
        h('div', {}, h('article', { text: w.name }))),
      h('div', { class: 'ext-propertyControl' },
        h('div', { class: 'ext-propertyControl-title-container', text: 'Alert product names' }),
        h('div', {}, h('article', { text: i.serviceSources.join(', ') }))),
      h('div', { class: 'demo-pane-actions' },
        h('button', { type: 'button', class: 'demo-btn' }, 'Actions'),
        h('a', { class: 'demo-btn demo-btn-primary', href: incidentHref(w, i) }, 'View full details')));
  };
  const rows = open.map((i, r) => h('div', {
    class: 'fxc-gc-row', role: 'row', tabindex: '0', 'aria-selected': 'false',
    onclick: (ev) => {
      for (const x of ev.currentTarget.parentElement.children) x.setAttribute('aria-selected', String(x === ev.currentTarget));
      showDetails(i);
    },
  }, h('div', { class: 'fxc-gc-row-content fxc-gc-row-content_0' },
    h('div', { class: 'fxc-gc-cell fxc-gc-selectioncheckbox', role: 'gridcell' }, h('input', { type: 'checkbox', 'aria-label': 'Select row' })),
    headers.map((c, n) => h('div', { class: 'fxc-gc-cell', role: 'gridcell', id: `fxc-gc-cell-content_${r}_${n}` }, cellText(i, c))))));
  const host = h('div', { class: 'demo-context-host' });
  const closeCreate = () => replace(host);
  const createPanel = () => {
    // Evidenced (§3.1 "Manual incident"): panel "Create incident (Preview)" with "Title",
    // "Description", "Severity" (default "Medium"), "Status" (default "New"), "Owner"
    // ("assign to me"), "Tags" (plus icon, "OK"), button "Create". guess: markup.
    const field = (label, control) => h('label', { class: 'demo-field' }, h('span', { class: 'demo-field-label', text: label }), control);
    const title = h('input', { type: 'text', 'aria-label': 'Title', required: true });
    const desc = h('textarea', { rows: '3', 'aria-label': 'Description' });
    const sev = h('select', { 'aria-label': 'Severity' }, ['High', 'Medium', 'Low', 'Informational'].map((x) => h('option', { text: x, selected: x === 'Medium' })));
    const status = h('select', { 'aria-label': 'Status' }, ['New', 'Active', 'Closed'].map((x) => h('option', { text: x, selected: x === 'New' })));
    const owner = h('select', { 'aria-label': 'Owner' }, h('option', { value: '', text: 'Unassigned' }), h('option', { value: w.tenant.user.name, text: w.tenant.user.name }));
    const tags = [];
    const tagList = h('span', { class: 'demo-tags' });
    const tagInput = h('input', { type: 'text', 'aria-label': 'Tag', placeholder: 'Enter a tag' });
    const tagBox = h('span', { class: 'demo-tag-entry' }, tagInput, h('button', {
      type: 'button', class: 'demo-btn', onclick: () => {
        if (tagInput.value.trim()) { tags.push(tagInput.value.trim()); tagList.append(h('span', { class: 'demo-tag', text: tagInput.value.trim() })); }
        tagInput.value = ''; tagBox.hidden = true;
      },
    }, 'OK'));
    tagBox.hidden = true;
    const error = h('div', { class: 'demo-error', role: 'alert' });
    replace(host, contextPane('Create incident (Preview)', closeCreate,
      field('Title', title), field('Description', desc), field('Severity', sev), field('Status', status),
      h('div', { class: 'demo-field' }, h('span', { class: 'demo-field-label', text: 'Owner' }), owner,
        h('button', { type: 'button', class: 'demo-linkbtn', onclick: () => { owner.value = w.tenant.user.name; } }, 'Assign to me')),
      h('div', { class: 'demo-field' }, h('span', { class: 'demo-field-label', text: 'Tags' }),
        h('span', {}, tagList, h('button', { type: 'button', class: 'demo-pill', 'aria-label': 'Add tag', onclick: () => { tagBox.hidden = false; tagInput.focus(); } }, icon('plus'))), tagBox),
      error,
      h('div', { class: 'demo-pane-actions' },
        h('button', {
          type: 'button', class: 'demo-btn demo-btn-primary', onclick: () => {
            if (!title.value.trim()) { error.textContent = 'The value must not be empty.'; return; }
            const number = Math.max(0, ...wsIncidents(w).map((i) => i.sentinelNumber)) + 1;
            const now = new Date().toISOString();
            createdIncidents.push({
              tenantId: w.tenant.id, workspace: w.name, defenderId: null, sentinelNumber: number,
              sentinelName: 'f0e1d2c3-0000-4000-8000-' + String(number).padStart(12, '0'),
              title: title.value, provider: 'Azure Sentinel', synced: false, inDefenderQueue: false, manual: true,
              alerts: 0, severity: sev.value, status: status.value, owner: owner.value, tags,
              serviceSources: ['Microsoft Sentinel'], detectionSources: ['Manual'], categories: [],
              devices: [], users: [], mailboxes: 0, apps: 0, created: now, lastActivity: now, comments: [],
            });
            lastRendered = null;
            render();
          },
        }, 'Create'),
        h('button', { type: 'button', class: 'demo-btn', onclick: closeCreate }, 'Cancel'))));
    title.focus();
  };
  const count = (s) => all.filter((i) => i.status === s).length;
  const sevCount = (s) => open.filter((i) => i.severity === s).length;
  return h('div', { class: 'demo-incidents' },
    commandBar([['Refresh', 'refresh'], ['Last 24 hours', 'clock'], ['+ Create incident (Preview)', null, { onclick: createPanel }], ['Actions', 'bolt'], ['Security efficiency workbook', 'chart'], ['Columns', 'list'], ['Guides & Feedback', 'feedback']]),
    h('div', { class: 'demo-incident-stats' },
      h('div', { class: 'demo-stat' }, h('div', { class: 'demo-stat-value', text: String(open.length) }), h('div', { class: 'demo-muted', text: 'Open incidents' })),
      h('div', { class: 'demo-stat' }, h('div', { class: 'demo-stat-value', text: String(count('New')) }), h('div', { class: 'demo-muted', text: 'New incidents' })),
      h('div', { class: 'demo-stat' }, h('div', { class: 'demo-stat-value', text: String(count('Active')) }), h('div', { class: 'demo-muted', text: 'Active incidents' })),
      h('div', { class: 'demo-stat is-wide' }, h('div', { class: 'demo-muted', text: 'Open incidents by severity' }),
        h('div', { class: 'demo-sevcounts' }, ['High', 'Medium', 'Low', 'Informational'].map((s) => h('span', {}, severityCell(s), ' ' + sevCount(s)))))),
    h('div', { class: 'demo-filterbar' },
      h('input', { type: 'search', class: 'demo-filter', placeholder: 'Search by ID, title, tags, owner or product', 'aria-label': 'Search by ID, title, tags, owner or product' }),
      ['Severity : All', 'Status : 2 selected', 'Product name : All', 'Owner : All'].map((x) => h('button', { type: 'button', class: 'demo-pill', text: x }))),
    h('div', { class: 'demo-incidents-main' },
      h('div', { class: 'ext-gridControl-container' }, h('div', { class: 'ext-gridControl' },
        h('div', { class: 'fxc-gc', role: 'grid', 'aria-label': 'Incidents', 'aria-rowcount': String(open.length + 1) },
          h('div', { class: 'fxc-gc-columnheaders', role: 'row' },
            h('div', { class: 'fxc-gc-columnheader fxc-gc-selectioncheckbox', role: 'columnheader' }, h('input', { type: 'checkbox', 'aria-label': 'Select all items' })),
            headers.map((c) => h('div', { class: 'fxc-gc-columnheader', role: 'columnheader' }, h('div', { class: 'fxc-gc-columnheader-content fxc-gc-text', text: c })))),
          h('div', { class: 'fxc-gc-rows', role: 'rowgroup' }, rows)))),
      details),
    host);
}

function menuBlade(route) {
  const w = findWorkspace(route.ws);
  if (!route.blade) return { crumbs: [['Home', '#home']], content: blade('Microsoft Sentinel', null, notFound(`The blade '${route.rawBlade}' could not be found.`)) };
  if (!w) {
    const name = route.ws ? route.ws.ws : '(none)';
    return {
      crumbs: [['Home', '#home'], ['Microsoft Sentinel', BROWSE]],
      content: blade('Microsoft Sentinel', `Selected workspace: '${name}'`, notFound(`The workspace '${name}' was not found or you do not have access to it.`)),
    };
  }
  const label = BLADES.get(route.blade.toLowerCase()).label;
  const content = route.blade === 'Incidents' ? incidentsBlade(w) : h('div', { class: 'fxs-part-content demo-frame-host' }, reactFrame(w, route.blade));
  return {
    crumbs: [['Home', '#home'], ['Microsoft Sentinel', BROWSE]],
    content: blade(`Microsoft Sentinel | ${label}`, `Selected workspace: '${w.name}'`,
      h('div', { class: 'demo-menu-layout' }, menuPane(w, route.blade), h('div', { class: 'demo-menu-content' }, content)), { icon: 'shield' }),
  };
}

function notFound(text) {
  return h('div', { class: 'demo-notfound' }, icon('alert'), h('h3', { text: 'Not found' }), h('p', { text }));
}

function commentsOf(inc) {
  if (!localComments.has(inc.sentinelName)) {
    localComments.set(inc.sentinelName, (inc.comments || []).map((c) => ({ ...c, id: 'c' + (commentSeq += 1) })));
  }
  return localComments.get(inc.sentinelName);
}

/**
 * A command with a drop-down menu (`[role=menu]` of `button[role=menuitem]`).
 * guess: the markup (portal-dom §2.4 only evidences `Command-<id>` buttons);
 * `items` = [[label, onPick], ...].
 */
function commandMenu(label, ic, items, opts) {
  const wrap = h('span', { class: 'demo-cmdmenu' });
  const menu = h('div', { class: 'demo-cmdmenu-list fxs-contextMenu', role: 'menu', 'aria-label': label },
    items.map(([text, onPick]) => h('button', {
      type: 'button', role: 'menuitem', class: 'fxs-contextMenu-item',
      onclick: () => { setOpen(false); if (onPick) onPick(text); },
    }, h('span', { class: 'fxs-contextMenu-text', text }))));
  const btn = h('button', {
    type: 'button', class: 'azc-toolbarButton fxs-commandBar-item', 'data-telemetryname': 'Command-' + label.replace(/[^A-Za-z]/g, ''),
    'aria-haspopup': 'menu', 'aria-expanded': 'false',
    onclick: () => setOpen(menu.hidden),
  }, ic ? icon(ic) : null, h('span', { class: 'azc-toolbarButton-label fxs-commandBar-item-text', text: label }), icon('chevronDown', 'demo-cmdmenu-chevron'));
  function setOpen(open) {
    menu.hidden = !open;
    btn.setAttribute('aria-expanded', String(open));
    if (opts && opts.onToggle) opts.onToggle(open);
  }
  menu.hidden = !(opts && opts.open);
  btn.setAttribute('aria-expanded', String(!menu.hidden));
  wrap.addEventListener('demo-close', () => { if (!menu.hidden) setOpen(false); });
  wrap.append(btn, menu);
  return wrap;
}

/** Right-hand context pane (`aside[role=dialog][aria-label=<title>]`). guess: markup. */
function contextPane(title, onClose, ...body) {
  return h('aside', { class: 'demo-context-pane', role: 'dialog', 'aria-label': title },
    h('div', { class: 'demo-context-head' }, h('h3', { text: title }),
      h('button', { type: 'button', class: 'fxs-topbar-button is-dark', 'aria-label': 'Close', onclick: onClose }, icon('close'))),
    body);
}

function incidentPage(route) {
  const w = findWorkspace(route.ws);
  const inc = w && wsIncidents(w).find((i) => i.sentinelName.toLowerCase() === route.name.toLowerCase());
  if (!inc) {
    return { crumbs: [['Home', '#home']], content: blade('Incident', null, notFound(`The incident '${route.name}' was not found.`)) };
  }
  const me = w.tenant.user;
  // UI state kept across "Refresh" (which rebuilds every element of the blade).
  const st = { tab: 'Overview', entity: null, panel: null, actionsOpen: false, editing: null, refreshed: 0 };
  const entities = [...inc.devices.map((d) => ({ name: d, type: 'Host' })), ...inc.users.map((u) => ({ name: u, type: 'Account' }))];
  let section = null;
  const rebuild = () => {
    const fresh = build();
    section.replaceWith(fresh);
    section = fresh;
  };
  const openPanel = (name) => { st.panel = name; rebuild(); };
  const closePanel = () => { st.panel = null; st.editing = null; rebuild(); };

  const activityLog = () => {
    // Evidenced (§3.2): panel "Incident activity log", filter at the top, editor at the
    // bottom, submit "Comment"; only the author may edit a comment.
    // guess: the edit control's label "Edit", the markup, the filter's label.
    const editor = h('textarea', { rows: '4', class: 'demo-comment-editor', 'aria-label': 'Write a comment', placeholder: 'Write a comment...' });
    const list = commentsOf(inc);
    const entry = (c) => {
      const mine = c.author === me.name;
      if (st.editing === c.id) {
        const box = h('textarea', { rows: '3', class: 'demo-comment-editor', 'aria-label': 'Edit comment' });
        box.value = c.text;
        return h('li', { class: 'demo-comment is-editing', 'data-comment-id': c.id },
          h('div', { class: 'demo-comment-head' }, h('span', { class: 'demo-comment-author', text: c.author }), h('span', { class: 'demo-muted', text: formatDate(c.time) })),
          box,
          h('div', { class: 'demo-pane-actions' },
            h('button', { type: 'button', class: 'demo-btn demo-btn-primary', onclick: () => { c.text = box.value; st.editing = null; rebuild(); } }, 'Save'),
            h('button', { type: 'button', class: 'demo-btn', onclick: () => { st.editing = null; rebuild(); } }, 'Cancel')));
      }
      return h('li', { class: 'demo-comment', 'data-comment-id': c.id },
        h('div', { class: 'demo-comment-head' },
          h('span', { class: 'demo-comment-author', text: c.author }),
          h('span', { class: 'demo-muted', text: formatDate(c.time) }),
          // guess: label "Edit" (§3.2 says only that the author can edit).
          mine ? h('button', { type: 'button', class: 'demo-linkbtn demo-comment-edit', 'aria-label': 'Edit comment', onclick: () => { st.editing = c.id; rebuild(); } }, icon('edit'), 'Edit') : null),
        h('div', { class: 'demo-comment-text', text: c.text }));
    };
    return contextPane('Incident activity log', closePanel,
      h('div', { class: 'demo-activity-filter' }, icon('filter'), h('select', { 'aria-label': 'Filter activities' }, ['All activities', 'Comments', 'Incident updates'].map((x) => h('option', { text: x })))),
      h('ul', { class: 'demo-activity-list' },
        h('li', { class: 'demo-activity-event' }, h('div', { class: 'demo-comment-head' }, h('span', { class: 'demo-comment-author', text: 'Microsoft Sentinel' }), h('span', { class: 'demo-muted', text: formatDate(inc.created) })), h('div', { text: 'Incident created' })),
        list.map(entry)),
      editor,
      h('div', { class: 'demo-pane-actions' },
        h('button', {
          type: 'button', class: 'demo-btn demo-btn-primary demo-comment-submit',
          onclick: () => {
            if (!editor.value.trim()) return;
            list.push({ author: me.name, time: new Date().toISOString(), text: editor.value, id: 'c' + (commentSeq += 1) });
            rebuild();
          },
        }, 'Comment')));
  };

  const panels = {
    tasks: () => contextPane('Incident tasks', closePanel, h('button', { type: 'button', class: 'demo-btn' }, '+ Add task'), h('p', { class: 'demo-muted', text: 'No tasks yet.' })),
    activity: activityLog,
    // guess: what the three "Incident actions" items open (§3.2 gives only their labels).
    'Run playbook': () => contextPane('Run playbook on incident', closePanel, h('p', { class: 'demo-muted', text: 'No playbooks with an incident trigger were found in this workspace.' })),
    'Create automation rule': () => contextPane('Create new automation rule', closePanel,
      h('label', { class: 'demo-field' }, h('span', { text: 'Automation rule name' }), h('input', { type: 'text', 'aria-label': 'Automation rule name' })),
      h('p', { class: 'demo-muted', text: 'Conditions are prefilled from this incident.' }),
      h('div', { class: 'demo-pane-actions' }, h('button', { type: 'button', class: 'demo-btn demo-btn-primary', onclick: closePanel }, 'Apply'))),
    'Create team (Preview)': () => contextPane('Create team (Preview)', closePanel,
      h('label', { class: 'demo-field' }, h('span', { text: 'Team name' }), h('input', { type: 'text', 'aria-label': 'Team name', value: 'Incident ' + inc.sentinelNumber })),
      h('div', { class: 'demo-pane-actions' }, h('button', { type: 'button', class: 'demo-btn demo-btn-primary', onclick: closePanel }, 'Create'))),
  };

  const overview = () => h('div', { class: 'demo-widgets' },
    ['Incident timeline', 'Similar incidents', 'Entities', 'Top insights'].map((x) => h('section', { class: 'demo-widget', 'aria-label': x }, h('h3', { text: x }),
      x === 'Incident timeline' ? h('ol', { class: 'demo-timeline' }, alertTitles(inc).slice(0, 4).map((a) => h('li', {}, severityCell(inc.severity), ' ' + a)))
        : x === 'Entities' ? h('ul', { class: 'demo-timeline' }, entities.map((e) => h('li', { text: e.name })))
          : h('p', { class: 'demo-muted', text: x === 'Similar incidents' ? 'No similar incidents in the last 14 days.' : 'No insights available for this incident.' }))));

  const entitiesTab = () => {
    // Evidenced (§3.2 "Entities tab side pane"): cards "Info", "Timeline", "Insights";
    // buttons "View full details", "Add to TI", "Run playbook (Preview)", "Entity actions".
    // guess: the list markup, and that the first entity starts selected.
    const sel = entities.find((e) => e.name === st.entity) || entities[0] || null;
    const list = h('div', { class: 'demo-entity-list', role: 'listbox', 'aria-label': 'Entities' }, entities.map((e) => h('div', {
      role: 'option', tabindex: '0', class: 'demo-entity', 'aria-selected': String(e === sel),
      onclick: () => { st.entity = e.name; rebuild(); },
    }, icon(e.type === 'Host' ? 'device' : 'person'), h('span', { class: 'demo-entity-name', text: e.name }), h('span', { class: 'demo-muted', text: e.type }))));
    const side = sel ? h('aside', { class: 'demo-entity-pane', 'aria-label': 'Entity details' },
      h('div', { class: 'demo-entity-title' }, icon(sel.type === 'Host' ? 'device' : 'person'), h('h3', { text: sel.name })),
      h('div', { class: 'demo-entity-actions', role: 'toolbar', 'aria-label': 'Entity actions toolbar' },
        h('button', { type: 'button', class: 'demo-btn demo-btn-primary' }, 'View full details'),
        h('button', { type: 'button', class: 'demo-btn' }, icon('plus'), 'Add to TI'),
        h('button', { type: 'button', class: 'demo-btn' }, icon('play'), 'Run playbook (Preview)'),
        h('button', { type: 'button', class: 'demo-btn', 'aria-haspopup': 'menu' }, 'Entity actions', icon('chevronDown'))),
      ['Info', 'Timeline', 'Insights'].map((c) => h('section', { class: 'demo-entity-card', 'aria-label': c }, h('h4', { text: c }),
        h('p', { class: 'demo-muted', text: c === 'Info' ? `${sel.type} · first seen ${formatDate(inc.created)}` : c === 'Timeline' ? 'No activity in the selected time range.' : 'No insights for this entity.' }))))
      : h('p', { class: 'demo-muted', text: 'This incident has no entities.' });
    return h('div', { class: 'demo-entities-layout' }, list, side);
  };

  const build = () => {
    st.refreshed += 1;
    const tabs = h('div', { class: 'demo-tabs', role: 'tablist' }, ['Overview', 'Entities'].map((label) => h('button', {
      type: 'button', role: 'tab', class: 'demo-tab', 'aria-selected': String(st.tab === label),
      onclick: () => { st.tab = label; rebuild(); },
    }, label)));
    const tabsBody = h('div', { class: 'demo-inc-tabbody', role: 'tabpanel', 'aria-label': st.tab }, st.tab === 'Entities' ? entitiesTab() : overview());
    const leftItems = [['Owner', inc.owner || 'Unassigned'], ['Status', inc.status], ['Severity', inc.severity]];
    const evidence = [['Events', inc.alerts * 7], ['Alerts', inc.alerts > 150 ? '150+' : inc.alerts], ['Bookmarks', 0]];
    const left = h('div', { class: 'demo-inc-left', 'aria-label': 'Incident details' },
      h('div', { class: 'ext-details-header-content' },
        h('div', { class: 'ext-details-header-title', text: inc.title }),
        h('div', { class: 'msportalfx-font-semibold ext-details-header-subtitle', text: 'Incident number ' + inc.sentinelNumber })),
      leftItems.map(([k, v]) => h('div', { class: 'demo-left-item' }, h('label', { text: k }),
        h('select', { 'aria-label': k }, h('option', { text: v, selected: true })))),
      h('div', { class: 'demo-left-item' }, h('label', { text: 'Tags' }), h('div', {}, inc.tags.map((x) => h('span', { class: 'demo-tag', text: x })), h('button', { type: 'button', class: 'demo-pill', 'aria-label': 'Add tag', text: '+' }))),
      inc.defenderId !== null ? h('a', { class: 'demo-xdr-link', href: defenderUrl(inc, w.tenant), target: '_blank', rel: 'noopener' }, icon('link'), 'Investigate in Microsoft Defender XDR') : null,
      // Evidenced (§3.2 left details panel): "Evidence" with "Events", "Alerts", "Bookmarks";
      // "Entities" with "View all"; "Investigate". guess: markup and the Events count.
      h('section', { class: 'demo-left-item demo-evidence-box', 'aria-label': 'Evidence' }, h('label', { text: 'Evidence' }),
        h('div', { class: 'demo-evidence' }, evidence.map(([k, v]) => h('div', { class: 'demo-evidence-item', 'data-evidence': k },
          h('strong', { class: 'demo-evidence-count', text: String(v) }), h('span', { class: 'demo-evidence-label', text: k }))))),
      h('section', { class: 'demo-left-item demo-left-entities', 'aria-label': 'Entities' },
        h('div', { class: 'demo-left-entities-head' }, h('label', { text: 'Entities' }),
          h('button', { type: 'button', class: 'demo-linkbtn', onclick: () => { st.tab = 'Entities'; rebuild(); } }, 'View all')),
        h('ul', { class: 'demo-timeline' }, entities.slice(0, 3).map((e) => h('li', { text: e.name })))),
      h('div', { class: 'demo-left-item' }, h('label', { text: 'Product names' }), h('div', { text: inc.serviceSources.join(', ') })),
      // guess: the label and its place (the incidents grid's time column wording).
      h('div', { class: 'demo-left-item' }, h('label', { text: 'Last update time' }), h('div', { text: lastUpdateText(inc) })),
      h('button', { type: 'button', class: 'demo-btn' }, 'Investigate'),
      // Evidenced (§3.2): left-panel box "Write a comment..." with a ">" submit icon. guess: markup.
      h('div', { class: 'demo-left-comment' },
        h('input', { type: 'text', placeholder: 'Write a comment...', 'aria-label': 'Write a comment' }),
        h('button', { type: 'button', class: 'demo-pill', 'aria-label': 'Submit comment', text: '>' })));
    const host = h('div', { class: 'demo-context-host' }, st.panel && panels[st.panel] ? panels[st.panel]() : null);
    const body = h('div', { class: 'demo-incident-page' }, left, h('div', { class: 'demo-inc-main' }, tabs, tabsBody), host);
    const cmds = commandBar([
      // guess: a "Refresh" command on this page (demo: rebuilds every element of the blade).
      ['Refresh', 'refresh', { onclick: rebuild }],
      ['Tasks', 'list', { onclick: () => openPanel('tasks') }],
      ['Activity log', 'doc', { onclick: () => openPanel('activity') }],
      ['Logs', 'database'],
      // Evidenced (§3.2): "Incident actions" › "Run playbook", "Create automation rule", "Create team (Preview)".
      commandMenu('Incident actions', 'bolt', ['Run playbook', 'Create automation rule', 'Create team (Preview)'].map((x) => [x, () => { st.actionsOpen = false; openPanel(x); }]),
        { open: st.actionsOpen, onToggle: (open) => { st.actionsOpen = open; } }),
    ]);
    return blade(inc.title, `Incident number ${inc.sentinelNumber} · Selected workspace: '${w.name}'`,
      h('div', { class: 'demo-incident-root', 'data-demo-build': String(st.refreshed) }, cmds, body), { icon: 'alert', cls: 'demo-incident-blade' });
  };
  section = build();
  return {
    crumbs: [['Home', '#home'], ['Microsoft Sentinel', BROWSE], [`Microsoft Sentinel | Incidents`, menuHref(w, 'Incidents')], ['Incident', '']],
    content: section,
  };
}

function render() {
  if (!S) return;
  const hash = location.hash;
  if (hash === lastRendered) return;
  lastRendered = hash;
  const route = parseHash(hash);
  let t = currentTenant(route, null);
  let crumbs = [['Home', '#home']];
  let content;
  switch (route.kind) {
    case 'home':
      crumbs = [['Home', '']];
      content = homePage(t);
      break;
    case 'browse':
      crumbs = [['Home', '#home'], ['Microsoft Sentinel', '']];
      content = browsePage();
      break;
    case 'menu': {
      const w = findWorkspace(route.ws);
      if (w) t = w.tenant;
      ({ crumbs, content } = menuBlade(route));
      break;
    }
    case 'incident': {
      const w = findWorkspace(route.ws);
      if (w) t = w.tenant;
      ({ crumbs, content } = incidentPage(route));
      break;
    }
    default:
      content = blade('Not found', null, notFound('This content could not be found in the demo portal.'));
  }
  document.title = (content.getAttribute && content.getAttribute('aria-label') ? content.getAttribute('aria-label') + ' - ' : '') + 'Microsoft Azure';
  replace(root, shell(t, crumbs, content));
}

loadScenario().then((s) => { S = s; render(); }).catch((e) => {
  replace(root, h('div', { class: 'demo-notfound', text: 'Failed to load the demo scenario: ' + e.message }));
});
