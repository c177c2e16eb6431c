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
//   (§3.1); incident page texts (§3.2).
// - guess: exact nesting, all `demo-` classes, the Sentinel `Menu-<blade>`
//   telemetry values (§5 says they are unpublished), blade names for Logs,
//   NewsAndGuides, Search, Notebooks, MitreAttack, ContentHub, Repositories,
//   Community, WorkspaceManager, Settings (facts §3.2 "Not found").
import {
  h, replace, icon, loadScenario, formatDate, findTenant, allWorkspaces, alertTitles, portSuffix,
} from '/demo-assets/common/dom.js';

let S = null;
let frameCounter = 0;
let lastRendered = null;
const root = document.getElementById('web-container');
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
      ['bell', 'gear', 'help', 'feedback'].map((n) => h('button', { type: 'button', class: 'fxs-topbar-button', 'aria-label': { bell: 'Notifications', gear: 'Settings', help: 'Help + support', feedback: 'Feedback' }[n] }, icon(n))),
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
  return h('div', { class: 'fxs-commandBar', role: 'toolbar' }, items.map(([label, ic, extra]) => h('button', {
    type: 'button', class: 'azc-toolbarButton fxs-commandBar-item', 'data-telemetryname': 'Command-' + label.replace(/[^A-Za-z]/g, ''), ...(extra || {}),
  }, ic ? icon(ic) : null, h('span', { class: 'azc-toolbarButton-label fxs-commandBar-item-text', text: label }))));
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
  return S.incidents.filter((i) => i.tenantId === w.tenant.id && i.workspace === w.name && i.sentinelNumber !== null);
}

function defenderUrl(inc, t) {
  return `https://security.microsoft.com${portSuffix()}/incidents/${inc.defenderId}?tid=${t.id}`;
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
  const count = (s) => all.filter((i) => i.status === s).length;
  const sevCount = (s) => open.filter((i) => i.severity === s).length;
  return h('div', { class: 'demo-incidents' },
    commandBar([['Refresh', 'refresh'], ['Last 24 hours', 'clock'], ['+ Create incident (Preview)', null], ['Actions', 'bolt'], ['Security efficiency workbook', 'chart'], ['Columns', 'list'], ['Guides & Feedback', 'feedback']]),
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
      details));
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

function incidentPage(route) {
  const w = findWorkspace(route.ws);
  const inc = w && wsIncidents(w).find((i) => i.sentinelName.toLowerCase() === route.name.toLowerCase());
  if (!inc) {
    return { crumbs: [['Home', '#home']], content: blade('Incident', null, notFound(`The incident '${route.name}' was not found.`)) };
  }
  const leftItems = [['Owner', inc.owner || 'Unassigned'], ['Status', inc.status], ['Severity', inc.severity]];
  const panel = (title, ...body) => h('aside', { class: 'demo-context-pane', role: 'dialog', 'aria-label': title },
    h('div', { class: 'demo-context-head' }, h('h3', { text: title }), h('button', { type: 'button', class: 'fxs-topbar-button is-dark', 'aria-label': 'Close', onclick: (ev) => ev.currentTarget.closest('aside').remove() }, icon('close'))), body);
  const host = h('div', { class: 'demo-context-host' });
  const openPanel = (p) => replace(host, p);
  const tabsBody = h('div', { class: 'demo-inc-tabbody' });
  const overview = () => h('div', { class: 'demo-widgets' },
    ['Incident timeline', 'Similar incidents', 'Entities', 'Top insights'].map((x) => h('section', { class: 'demo-widget', 'aria-label': x }, h('h3', { text: x }),
      x === 'Incident timeline' ? h('ol', { class: 'demo-timeline' }, alertTitles(inc).slice(0, 4).map((a) => h('li', {}, severityCell(inc.severity), ' ' + a)))
        : x === 'Entities' ? h('ul', { class: 'demo-timeline' }, [...inc.devices, ...inc.users].map((e) => h('li', { text: e })))
          : h('p', { class: 'demo-muted', text: x === 'Similar incidents' ? 'No similar incidents in the last 14 days.' : 'No insights available for this incident.' }))));
  const entities = () => h('table', { class: 'demo-table' }, h('thead', {}, h('tr', {}, ['Name', 'Type'].map((c) => h('th', { text: c })))),
    h('tbody', {}, [...inc.devices.map((d) => [d, 'Host']), ...inc.users.map((u) => [u, 'Account'])].map(([n, ty]) => h('tr', {}, h('td', { text: n }), h('td', { text: ty })))));
  const tabs = h('div', { class: 'demo-tabs', role: 'tablist' }, [['Overview', overview], ['Entities', entities]].map(([label, fn], n) => h('button', {
    type: 'button', role: 'tab', class: 'demo-tab', 'aria-selected': String(n === 0),
    onclick: (ev) => {
      for (const b of tabs.children) b.setAttribute('aria-selected', String(b === ev.currentTarget));
      replace(tabsBody, fn());
    },
  }, label)));
  replace(tabsBody, overview());
  const body = h('div', { class: 'demo-incident-page' },
    h('div', { class: 'demo-inc-left' },
      h('div', { class: 'ext-details-header-content' },
        h('div', { class: 'ext-details-header-title', text: inc.title }),
        h('div', { class: 'msportalfx-font-semibold ext-details-header-subtitle', text: 'Incident number ' + inc.sentinelNumber })),
      leftItems.map(([k, v]) => h('div', { class: 'demo-left-item' }, h('label', { text: k }),
        h('select', { 'aria-label': k }, h('option', { text: v, selected: true })))),
      h('div', { class: 'demo-left-item' }, h('label', { text: 'Tags' }), h('div', {}, inc.tags.map((x) => h('span', { class: 'demo-tag', text: x })), h('button', { type: 'button', class: 'demo-pill', 'aria-label': 'Add tag', text: '+' }))),
      inc.defenderId !== null ? h('a', { class: 'demo-xdr-link', href: defenderUrl(inc, w.tenant), target: '_blank', rel: 'noopener' }, icon('link'), 'Investigate in Microsoft Defender XDR') : null,
      h('div', { class: 'demo-left-item' }, h('label', { text: 'Evidence' }), h('div', { class: 'demo-evidence' },
        h('span', {}, h('strong', { text: inc.alerts > 150 ? '150+' : String(inc.alerts) }), ' Alerts'), h('span', {}, h('strong', { text: '0' }), ' Bookmarks'), h('span', {}, h('strong', { text: String(inc.devices.length + inc.users.length) }), ' Entities'))),
      h('div', { class: 'demo-left-item' }, h('label', { text: 'Product names' }), h('div', { text: inc.serviceSources.join(', ') }))),
    h('div', { class: 'demo-inc-main' }, tabs, tabsBody),
    host);
  const cmds = commandBar([
    ['Tasks', 'list', { onclick: () => openPanel(panel('Incident tasks', h('button', { type: 'button', class: 'demo-btn' }, '+ Add task'), h('p', { class: 'demo-muted', text: 'No tasks yet.' }))) }],
    ['Activity log', 'doc', { onclick: () => openPanel(panel('Incident activity log', h('p', { class: 'demo-muted', text: formatDate(inc.created) + ' · Incident created' }), h('textarea', { rows: '4', 'aria-label': 'Write a comment', placeholder: 'Write a comment...' }), h('button', { type: 'button', class: 'demo-btn demo-btn-primary' }, 'Comment'))) }],
    ['Logs', 'database'],
    ['Incident actions', 'bolt'],
  ]);
  return {
    crumbs: [['Home', '#home'], ['Microsoft Sentinel', BROWSE], [`Microsoft Sentinel | Incidents`, menuHref(w, 'Incidents')], ['Incident', '']],
    content: blade(inc.title, `Incident number ${inc.sentinelNumber} · Selected workspace: '${w.name}'`, h('div', {}, cmds, body), { icon: 'alert' }),
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
