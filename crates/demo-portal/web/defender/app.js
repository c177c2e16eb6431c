// Demo impersonation of the Microsoft Defender portal (security.microsoft.com,
// mto.security.microsoft.com, security.microsoft.us, security.apps.mil).
// Why: lets the extension's demo and end-to-end tests run against pages whose
// routes and DOM clues follow the public evidence in portal-dom.md, without
// anyone opening the real portal.
//
// Evidence vs invention (portal-dom.md section in brackets):
// - Evidenced: routes (§1.2, facts.md §3.1), label texts, `#SyncIncidents`
//   and `.ms-Button-label` Refresh (§1.3), Fluent DetailsList classes and
//   `data-automationid="DetailsRowCell"` / `data-automation-key` (§1.1, §1.3),
//   `#huntingRunQueryButtonId`, `.scc-commandBar`, `.scc-sidePanelPage-mainContent`
//   (§1.5), Home banner texts (§1.6), SIEM workspaces texts (§1.7),
//   `label[data-testid="DetailsPanelBodyItemTitle"]` + `.uc-kql-viewer pre` (§0.1),
//   comments without an edit control (facts §1.5), Data connectors hiding the
//   XDR connectors after onboarding (facts §1.5, §2.5).
// - guess: everything else about structure (nav markup, containers, classes
//   prefixed `demo-`, ids other than the ones above); §5 lists these unknowns.
import {
  h, replace, icon, loadScenario, formatDate, lastUpdateText, findTenant, alertTitles,
} from '/demo-assets/common/dom.js';

let S = null; // scenario
const app = document.getElementById('app');
const ui = { pane: null, paneOwner: null };
const localEdits = new Map(); // incident defenderId -> edited fields (Manage incident)
const localComments = new Map(); // incident defenderId -> comments (scenario + added here)
const hunt = { query: null, results: false }; // Advanced hunting state kept across "Refresh"

// ---------- tenant and links ----------

function tidParam() {
  return new URLSearchParams(location.search).get('tid');
}

function tenant() {
  return findTenant(S, tidParam()) || findTenant(S, S.defaultTenantId);
}

/** Keeps `?tid=` on internal links when the current URL has it. */
function link(path) {
  const tid = tidParam();
  if (!tid) return path;
  return path + (path.includes('?') ? '&' : '?') + 'tid=' + encodeURIComponent(tid);
}

function navigate(href, replaceState) {
  if (replaceState) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  render();
}

// Client-side router: same-origin relative links are handled with pushState.
document.addEventListener('click', (ev) => {
  if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
  const a = ev.target instanceof Element ? ev.target.closest('a[href]') : null;
  if (!a || a.target) return;
  const href = a.getAttribute('href');
  if (!href || !href.startsWith('/') || href.startsWith('//')) return;
  ev.preventDefault();
  closePane();
  navigate(href);
});
window.addEventListener('popstate', () => { closePane(); render(); });

// ---------- incidents ----------

function incidentsOf(t) {
  return S.incidents
    .filter((i) => i.tenantId === t.id && i.inDefenderQueue && i.defenderId !== null)
    .map((i) => ({ ...i, ...(localEdits.get(i.defenderId) || {}) }));
}

function findIncident(t, id) {
  return incidentsOf(t).find((i) => String(i.defenderId) === String(id)) || null;
}

function severityBadge(sev) {
  return h('span', { class: 'demo-sev demo-sev-' + sev.toLowerCase() }, h('span', { class: 'demo-sev-bar', 'aria-hidden': 'true' }), sev);
}

// ---------- shell ----------

// Navigation model. Labels and group order: portal-dom §1.2 / facts §1.1.
// Routes marked "guess" are not evidenced anywhere.
function navModel(t) {
  const groups = [
    { label: 'Home', href: '/', icon: 'home', match: ['/', '/homepage'] },
    {
      label: 'Exposure management', icon: 'shield', children: [
        { label: 'Overview', href: '/exposure-overview' }, // guess: route
        { label: 'Recommendations', href: '/security-recommendations' }, // guess: route
      ],
    },
    {
      label: 'Investigation & response', icon: 'alert', children: [
        {
          label: 'Incidents & alerts', children: [
            { label: 'Incidents', href: '/incidents', prefix: ['/incidents', '/incident2'] },
            { label: 'Alerts', href: '/alerts' },
          ],
        },
        {
          label: 'Hunting', children: [
            { label: 'Advanced hunting', href: '/v2/advanced-hunting', prefix: ['/v2/advanced-hunting', '/hunting'] },
            { label: 'Custom detection rules', href: '/custom_detection' },
          ],
        },
        { label: 'Action center', href: '/action-center/pending' },
      ],
    },
    {
      label: 'Threat intelligence', icon: 'globe', children: [
        { label: 'Intel management', href: '/threatintelligence/intel-management' }, // guess: route
        { label: 'Intel explorer', href: '/intel-explorer' },
      ],
    },
    {
      label: 'Assets', icon: 'device', children: [
        { label: 'Devices', href: '/machines' }, // guess: route
        { label: 'Identities', href: '/identities' }, // guess: route
      ],
    },
  ];
  if (t.sentinelConnected) {
    // Evidenced: the section exists only after onboarding (portal-dom §1.2, §1.6).
    groups.push({
      label: 'Microsoft Sentinel', icon: 'shield', children: [
        { label: 'Search', href: '/sentinel/search' }, // guess: route
        {
          label: 'Threat management', children: [
            { label: 'Workbooks', href: '/sentinel/workbooks' },
            { label: 'Hunting', href: '/sentinel/hunting' },
            { label: 'Notebooks', href: '/sentinel/notebooks' }, // guess: route
            { label: 'MITRE ATT&CK', href: '/sentinel/mitre' },
          ],
        },
        {
          label: 'Content management', children: [
            { label: 'Content hub', href: '/sentinel/contenthub' }, // guess: route
            { label: 'Repositories', href: '/sentinel/repositories' }, // guess: route
            { label: 'Community', href: '/sentinel/community' }, // guess: route
          ],
        },
        {
          label: 'Configuration', children: [
            { label: 'Data connectors', href: '/sentinel/connectors' },
            { label: 'Analytics', href: '/sentinel/analytics' },
            { label: 'Watchlist', href: '/sentinel/watchlist' },
            { label: 'Automation', href: '/sentinel/automation' }, // guess: route
            { label: 'Tables', href: '/sentinel/tables' }, // guess: route
          ],
        },
      ],
    });
  }
  groups.push({
    label: 'System', icon: 'gear', children: [
      { label: 'Settings', href: '/securitysettings', prefix: ['/securitysettings', '/sentinel/settings'] },
      { label: 'Permissions', href: '/mtp_roles' }, // guess: route
    ],
  });
  return groups;
}

function itemActive(item, path) {
  if (item.match) return item.match.includes(path);
  const prefixes = item.prefix || [item.href];
  return prefixes.some((p) => path === p || path.startsWith(p + '/'));
}

function containsActive(node, path) {
  if (node.href && itemActive(node, path)) return true;
  return (node.children || []).some((c) => containsActive(c, path));
}

// guess: nav markup (no public source shows it, portal-dom §5); anchors with
// relative hrefs are evidenced (§1.1, `a[href^="/v2/advanced-hunting"]`).
function renderNavNode(node, path, depth) {
  if (node.href) {
    const active = itemActive(node, path);
    return h('li', { class: 'demo-nav-item' + (active ? ' is-selected' : '') },
      h('a', {
        href: link(node.href), class: 'demo-nav-link depth-' + depth,
        'aria-current': active ? 'page' : null,
      }, depth === 0 ? icon(node.icon) : null, h('span', { text: node.label })));
  }
  // guess: groups start expanded so every anchor is reachable (the real portal remembers state).
  const open = containsActive(node, path) || node.collapsed !== true;
  const list = h('ul', { class: 'demo-nav-list', role: 'group' }, node.children.map((c) => renderNavNode(c, path, depth + 1)));
  list.hidden = !open;
  const btn = h('button', {
    type: 'button', class: 'demo-nav-group depth-' + depth, 'aria-expanded': String(open),
    onclick: () => {
      const now = btn.getAttribute('aria-expanded') !== 'true';
      btn.setAttribute('aria-expanded', String(now));
      list.hidden = !now;
    },
  }, depth === 0 ? icon(node.icon) : null, h('span', { text: node.label }), icon('chevronDown', 'demo-nav-chevron'));
  return h('li', { class: 'demo-nav-item' }, btn, list);
}

function renderShell(t, path, content) {
  const other = S.tenants.filter((x) => x.id !== t.id);
  const acct = h('button', {
    type: 'button', class: 'demo-account', id: 'O365_MainLink_Me',
    'aria-label': 'Account manager for ' + t.user.name, 'aria-haspopup': 'menu',
    onclick: () => { menu.hidden = !menu.hidden; },
  }, t.user.initials);
  // guess: tenant switcher menu content (a demo convenience).
  const menu = h('div', { class: 'demo-account-menu', role: 'menu' },
    h('div', { class: 'demo-account-name', text: t.user.name }),
    h('div', { id: 'mectrl_currentAccount_secondary', text: t.user.upn }),
    h('div', { class: 'demo-account-tenant', text: 'Tenant: ' + t.name }),
    other.map((o) => h('a', { role: 'menuitem', href: '/?tid=' + o.id, text: 'Switch to ' + o.name })));
  menu.hidden = true;
  const header = h('header', { class: 'demo-topbar', role: 'banner' },
    h('button', { type: 'button', class: 'demo-icon-btn', 'aria-label': 'App launcher' }, icon('waffle')),
    h('a', { class: 'demo-brand', href: link('/') }, 'Microsoft Defender'),
    h('div', { class: 'demo-search', role: 'search' },
      icon('search'),
      h('input', { type: 'search', placeholder: 'Search', 'aria-label': 'Search' })),
    h('div', { class: 'demo-topbar-right' },
      h('button', { type: 'button', class: 'demo-icon-btn', 'aria-label': 'Notifications' }, icon('bell')),
      h('button', { type: 'button', class: 'demo-icon-btn', 'aria-label': 'Settings' }, icon('gear')),
      h('button', { type: 'button', class: 'demo-icon-btn', 'aria-label': 'Help' }, icon('help')),
      acct, menu));
  const nav = h('nav', { class: 'demo-leftnav', 'aria-label': 'Navigation' },
    h('button', { type: 'button', class: 'demo-nav-toggle', 'aria-label': 'Hide navigation' }, icon('menu')),
    h('ul', { class: 'demo-nav-list depth-root' }, navModel(t).map((g) => renderNavNode(g, path, 0))));
  const main = h('main', { class: 'demo-main', id: 'main-content' }, content);
  return [header, h('div', { class: 'demo-body' }, nav, main)];
}

// ---------- shared page parts ----------

function pageHeader(title, extra) {
  return h('div', { class: 'demo-page-header' }, h('h1', { class: 'demo-page-title', text: title }), extra || null);
}

function cmdButton(label, iconName, props) {
  return h('button', { type: 'button', class: 'ms-Button ms-Button--commandBar ms-CommandBar-primaryCommand', ...(props || {}) },
    iconName ? icon(iconName) : null, h('span', { class: 'ms-Button-label', text: label }));
}

function workspacePicker(t) {
  // Evidenced: "Select a workspace" picker on Sentinel pages (portal-dom §1.1). guess: markup.
  const primary = t.workspaces.find((w) => w.type === 'Primary') || t.workspaces[0];
  return h('label', { class: 'demo-ws-picker' }, h('span', { text: 'Select a workspace' }),
    h('select', { 'aria-label': 'Select a workspace' },
      t.workspaces.map((w) => h('option', { value: w.name, selected: w === primary, text: w.name + (w.type ? ' (' + w.type + ')' : '') }))));
}

function detailsList(ariaLabel, columns, rows, onRow) {
  // Fluent DetailsList-like grid: `.ms-Viewport`, `.ms-List-cell[role=row]`,
  // cells `[data-automationid="DetailsRowCell"][data-automation-key]`
  // (portal-dom §1.1/§1.3; evidence L). guess: exact nesting and header markup.
  const head = h('div', { class: 'ms-DetailsHeader', role: 'row' },
    h('div', { class: 'ms-DetailsHeader-cellIsCheck', role: 'columnheader', 'aria-label': 'Select all' }, h('input', { type: 'checkbox', 'aria-label': 'Select all rows' })),
    columns.map((c) => h('div', { class: 'ms-DetailsHeader-cell demo-col-' + c.key, role: 'columnheader', 'data-item-key': c.key }, h('span', { class: 'ms-DetailsHeader-cellName', text: c.name }))));
  const body = h('div', { class: 'ms-List', role: 'presentation' }, rows.map((r, idx) => {
    const row = h('div', {
      class: 'ms-List-cell ms-DetailsRow', role: 'row', 'data-list-index': idx, tabindex: '0',
      onclick: (ev) => {
        if (ev.target instanceof Element && ev.target.closest('a, input')) return;
        if (onRow) onRow(r, row);
      },
      onkeydown: (ev) => { if (ev.key === 'Enter' && onRow) onRow(r, row); },
    },
    h('div', { class: 'ms-DetailsRow-cellCheck', role: 'gridcell', 'data-automationid': 'DetailsRowCheck' }, h('input', { type: 'checkbox', 'aria-label': 'Select row' })),
    columns.map((c) => h('div', {
      class: 'ms-DetailsRow-cell demo-col-' + c.key, role: 'gridcell',
      'data-automationid': 'DetailsRowCell', 'data-automation-key': c.key,
    }, c.render(r))));
    return row;
  }));
  return h('div', { class: 'ms-DetailsList', role: 'grid', 'aria-label': ariaLabel, 'aria-rowcount': String(rows.length + 1) },
    h('div', { class: 'ms-Viewport' }, head, body));
}

function closePane() {
  if (ui.pane) ui.pane.remove();
  ui.pane = null;
}

function openPane(title, ...content) {
  closePane();
  // guess: Fluent Panel markup (`ms-Panel`), side pane evidenced by docs (§1.3).
  ui.pane = h('aside', { class: 'ms-Panel demo-pane', role: 'dialog', 'aria-label': title },
    h('div', { class: 'demo-pane-head' },
      h('h2', { class: 'demo-pane-title', text: title }),
      h('button', { type: 'button', class: 'demo-icon-btn', 'aria-label': 'Close', onclick: closePane }, icon('close'))),
    h('div', { class: 'demo-pane-body' }, content));
  document.body.append(ui.pane);
  return ui.pane;
}

function field(label, value) {
  // Evidenced pattern for Sentinel detail panes (portal-dom §0.1).
  return h('div', { class: 'demo-field' },
    h('label', { 'data-testid': 'DetailsPanelBodyItemTitle', text: label }),
    value instanceof Node ? value : h('div', { class: 'demo-field-value', text: value === '' || value === null || value === undefined ? '—' : String(value) }));
}

function emptyState(title, text, action) {
  return h('div', { class: 'demo-empty' }, icon('shield', 'demo-empty-icon'), h('h2', { text: title }), h('p', { text }), action || null);
}

// ---------- pages ----------

function homePage(t) {
  const open = incidentsOf(t).filter((i) => i.status !== 'Resolved');
  // Evidenced texts (portal-dom §1.6); guess: banner/card markup.
  const banner = t.sentinelConnected
    ? h('section', { class: 'demo-banner is-ready', 'aria-label': 'Unified SecOps' },
      h('div', {}, h('h2', { text: 'Your unified SIEM and XDR is ready' }),
        h('p', { text: 'Microsoft Sentinel is connected. Investigate incidents, hunt across SIEM and XDR data, and manage Sentinel content in one place.' })),
      h('a', { class: 'ms-Button ms-Button--primary', href: link('/v2/advanced-hunting') }, h('span', { class: 'ms-Button-label', text: 'Start Hunting' })))
    : h('section', { class: 'demo-banner', 'aria-label': 'Unified SecOps' },
      h('div', {}, h('h2', { text: 'Get your SIEM and XDR in one place' }),
        h('p', { text: 'Connect a Microsoft Sentinel workspace to investigate, hunt and respond across SIEM and XDR data from the Defender portal.' })),
      h('a', { class: 'ms-Button ms-Button--primary', href: link('/sentinel/settings') }, h('span', { class: 'ms-Button-label', text: 'Connect a workspace' })));
  const card = (title, value, sub, href) => h('a', { class: 'demo-card', href: link(href) },
    h('div', { class: 'demo-card-title', text: title }), h('div', { class: 'demo-card-value', text: String(value) }), h('div', { class: 'demo-card-sub', text: sub }));
  const cards = [
    card('Active incidents', open.length, 'Across Defender XDR' + (t.sentinelConnected ? ' and Microsoft Sentinel' : ''), '/incidents'),
    card('Secure Score', '61.4%', '412 / 671 points achieved', '/exposure-overview'),
    card('Devices at risk', t.sentinelConnected ? 3 : 1, 'High risk level', '/machines'),
  ];
  const sentinel = t.sentinelConnected
    ? h('section', { class: 'demo-home-section', 'aria-label': 'Microsoft Sentinel' },
      h('h2', { class: 'demo-section-title', text: 'Microsoft Sentinel' }),
      h('div', { class: 'demo-cards' },
        card('Data connectors', t.metrics.dataConnectors, 'Connected', '/sentinel/connectors'),
        card('Automation rules', t.metrics.automationRules, 'Enabled', '/sentinel/automation'),
        card('Incidents', t.metrics.openIncidents, 'Open Sentinel incidents', '/incidents'),
        card('Analytics rules', t.metrics.analyticsRules, 'Active rules', '/sentinel/analytics')))
    : null;
  return [pageHeader('Home'), banner, h('div', { class: 'demo-cards' }, cards), sentinel];
}

function incidentPane(t, inc) {
  const pane = openPane(inc.title,
    h('div', { class: 'demo-pane-actions' },
      h('a', { class: 'ms-Button ms-Button--primary', href: link('/incidents/' + inc.defenderId) }, h('span', { class: 'ms-Button-label', text: 'Open incident page' })),
      h('button', { type: 'button', class: 'ms-Button', onclick: () => managePane(t, inc) }, icon('edit'), h('span', { class: 'ms-Button-label', text: 'Manage incident' }))),
    h('div', { class: 'demo-fields' },
      field('Incident Id', inc.defenderId),
      field('Severity', severityBadge(inc.severity)),
      field('Status', inc.status),
      field('Assigned to', inc.owner || 'Unassigned'),
      field('Workspaces', inc.workspace || ''),
      field('Service/detection sources', inc.serviceSources.join(', ')),
      field('Categories', inc.categories.join(', ')),
      field('Active alerts', inc.alerts + '/' + inc.alerts),
      field('First activity', formatDate(inc.created)),
      field('Last activity', formatDate(inc.lastActivity))));
  pane.classList.add('demo-incident-pane');
}

function managePane(t, inc) {
  // Evidenced field labels (portal-dom §1.4 "Manage incident pane fields"); guess: markup.
  const sel = (label, opts, value) => h('label', { class: 'demo-form-row' }, h('span', { text: label }),
    h('select', { 'aria-label': label }, opts.map((o) => h('option', { value: o, selected: o === value, text: o }))));
  const name = h('input', { type: 'text', value: inc.title, 'aria-label': 'Incident name' });
  const owner = h('input', { type: 'text', value: inc.owner, placeholder: 'Assign to', 'aria-label': 'Assign to' });
  const status = sel('Status', ['New', 'Active', 'In progress', 'Resolved'], inc.status);
  const sev = sel('Severity', ['High', 'Medium', 'Low', 'Informational'], inc.severity);
  const cls = sel('Classification', ['Not set', 'True positive', 'Informational, expected activity', 'False positive'], 'Not set');
  openPane('Manage incident',
    h('label', { class: 'demo-form-row' }, h('span', { text: 'Incident name' }), name),
    h('label', { class: 'demo-form-row' }, h('span', { text: 'Assign to' }), owner),
    h('label', { class: 'demo-form-row' }, h('span', { text: 'Incident tags' }), h('input', { type: 'text', 'aria-label': 'Incident tags', value: inc.tags.join(', ') })),
    status, sev, cls,
    h('label', { class: 'demo-form-row' }, h('span', { text: 'Comment' }), h('textarea', { rows: '3', 'aria-label': 'Comment' })),
    h('div', { class: 'demo-pane-actions' },
      h('button', {
        type: 'button', class: 'ms-Button ms-Button--primary',
        onclick: () => {
          localEdits.set(inc.defenderId, {
            title: name.value, owner: owner.value,
            status: status.querySelector('select').value, severity: sev.querySelector('select').value,
          });
          closePane();
          render();
        },
      }, h('span', { class: 'ms-Button-label', text: 'Save' })),
      h('button', { type: 'button', class: 'ms-Button', onclick: closePane }, h('span', { class: 'ms-Button-label', text: 'Cancel' }))));
}

function incidentsPage(t) {
  const incs = incidentsOf(t);
  const columns = [
    { key: 'incidentName', name: 'Incident name', render: (i) => h('a', { class: 'demo-link', href: link('/incidents/' + i.defenderId), text: i.title }) },
    { key: 'incidentId', name: 'Incident Id', render: (i) => String(i.defenderId) },
    { key: 'severity', name: 'Severity', render: (i) => severityBadge(i.severity) },
    { key: 'serviceSources', name: 'Service/detection sources', render: (i) => i.serviceSources.join(', ') },
    { key: 'workspace', name: 'Workspaces', render: (i) => i.workspace || '' },
    { key: 'status', name: 'Status', render: (i) => i.status },
    { key: 'assignedTo', name: 'Assigned to', render: (i) => i.owner || 'Unassigned' },
  ];
  const status = h('span', { class: 'demo-status-text', 'aria-live': 'polite' });
  const bar = h('div', { class: 'scc-commandBar ms-CommandBar', role: 'menubar' },
    // Evidenced: id `SyncIncidents` (CD) and `<span class="ms-Button-label">Refresh</span>` (SPAR), §1.3.
    cmdButton('Refresh', 'refresh', {
      id: 'SyncIncidents',
      onclick: () => { status.textContent = 'Updated ' + new Date().toLocaleTimeString('en-US'); },
    }),
    cmdButton('Export', 'doc'),
    cmdButton('Manage incidents', 'edit', { disabled: true, title: 'Select incidents to manage' }),
    cmdButton('Copy list link', 'link', {
      onclick: () => { navigator.clipboard?.writeText(location.href).catch(() => {}); status.textContent = 'Link copied'; },
    }),
    h('span', { class: 'demo-flex' }),
    status);
  const filters = h('div', { class: 'demo-filters' },
    h('button', { type: 'button', class: 'demo-chip' }, 'Incident assignment: Any'),
    h('button', { type: 'button', class: 'demo-chip' }, 'Status: Any'),
    h('button', { type: 'button', class: 'demo-chip' }, icon('plus'), 'Add filter'),
    h('span', { class: 'demo-flex' }),
    h('span', { class: 'demo-muted', text: '1 Month' }));
  return [
    pageHeader('Incidents', t.sentinelConnected ? workspacePicker(t) : null),
    h('p', { class: 'demo-subtitle', text: 'Most recent incidents and alerts' }),
    bar, filters,
    detailsList('Incidents', columns, incs, (i) => incidentPane(t, i)),
  ];
}

function alertsPage(t) {
  const rows = incidentsOf(t).flatMap((i) => alertTitles(i).slice(0, 3).map((title, n) => ({ title, inc: i, n })));
  const columns = [
    { key: 'alertName', name: 'Alert name', render: (r) => r.title },
    { key: 'severity', name: 'Severity', render: (r) => severityBadge(r.inc.severity) },
    { key: 'incidentId', name: 'Incident Id', render: (r) => h('a', { class: 'demo-link', href: link('/incidents/' + r.inc.defenderId), text: String(r.inc.defenderId) }) },
    { key: 'detectionSource', name: 'Detection source', render: (r) => r.inc.detectionSources[0] },
    { key: 'status', name: 'Status', render: (r) => r.inc.status === 'Resolved' ? 'Resolved' : 'New' },
  ];
  return [pageHeader('Alerts'), h('div', { class: 'scc-commandBar ms-CommandBar' }, cmdButton('Refresh', 'refresh'), cmdButton('Export', 'doc')), detailsList('Alerts', columns, rows)];
}

const INCIDENT_TABS = [
  // Evidenced tab texts and order (portal-dom §1.4); guess: slugs in /incident2/{id}/{slug}.
  ['Attack story', 'overview'], ['Alerts', 'alerts'], ['Assets', 'assets'], ['Investigations', 'investigations'],
  ['Evidence and Response', 'evidence'], ['Summary', 'summary'], ['Similar incidents', 'similar'],
];

function incidentPage(t, id, slug) {
  const inc = findIncident(t, id);
  if (!inc) {
    return [
      h('nav', { class: 'demo-breadcrumb', 'aria-label': 'Breadcrumb' }, h('a', { href: link('/incidents'), text: 'Incidents' })),
      emptyState('Incident not found', 'Incident ' + id + " doesn't exist in " + t.name + ", or you don't have permission to view it.",
        h('a', { class: 'ms-Button', href: link('/incidents') }, h('span', { class: 'ms-Button-label', text: 'Go to incidents' }))),
    ];
  }
  const current = INCIDENT_TABS.find((x) => x[1] === slug) || INCIDENT_TABS[0];
  const tabs = h('div', { class: 'demo-tabs', role: 'tablist', 'aria-label': 'Incident tabs' },
    INCIDENT_TABS.map(([label, s]) => h('button', {
      type: 'button', role: 'tab', class: 'demo-tab', 'aria-selected': String(s === current[1]),
      onclick: () => navigate(link('/incident2/' + inc.defenderId + '/' + s)),
    }, label)));
  const commentsLink = h('a', {
    class: 'demo-link', href: '#comments', role: 'button',
    onclick: (ev) => { ev.preventDefault(); commentsPane(t, inc); },
  }, 'Comments and history');
  const more = h('button', { type: 'button', class: 'ms-Button demo-icon-btn', 'aria-label': 'More actions', title: 'More actions', 'aria-haspopup': 'menu' }, icon('more'));
  const header = h('div', { class: 'demo-incident-header' },
    h('nav', { class: 'demo-breadcrumb', 'aria-label': 'Breadcrumb' }, h('a', { href: link('/incidents'), text: 'Incidents' }), h('span', { text: ' › ' }), h('span', { text: inc.title })),
    h('div', { class: 'demo-incident-titlerow' },
      icon('alert', 'demo-incident-icon'),
      h('h1', { class: 'demo-page-title', text: inc.title }),
      h('button', { type: 'button', class: 'ms-Button', onclick: () => managePane(t, inc) }, icon('edit'), h('span', { class: 'ms-Button-label', text: 'Manage incident' })),
      more),
    h('div', { class: 'demo-incident-meta' }, severityBadge(inc.severity),
      h('span', { text: 'Status: ' + inc.status }), h('span', { text: 'Incident Id: ' + inc.defenderId }),
      h('span', { text: 'Assigned to: ' + (inc.owner || 'Unassigned') })),
    tabs);
  const titles = alertTitles(inc);
  const details = h('aside', { class: 'demo-incident-details', 'aria-label': 'Incident details' },
    h('h2', { class: 'demo-section-title', text: 'Incident details' }),
    field('Assigned to', inc.owner || 'Unassigned'), field('Incident ID', inc.defenderId),
    field('Classification', 'Not set'), field('Categories', inc.categories.join(', ')),
    // guess: 'Active alerts' (active/total) and 'Last update time' here; both are queue columns.
    field('Active alerts', `${inc.alerts}/${inc.alerts}`),
    field('First activity', formatDate(inc.created)), field('Last activity', formatDate(inc.lastActivity)),
    field('Last update time', lastUpdateText(inc)),
    field('Workspace', inc.workspace || ''), field('Tags', inc.tags.join(', ')), commentsLink);
  let body;
  switch (current[1]) {
    case 'alerts':
      body = detailsList('Alerts', [
        { key: 'alertName', name: 'Alert name', render: (r) => r },
        { key: 'severity', name: 'Severity', render: () => severityBadge(inc.severity) },
        { key: 'status', name: 'Status', render: () => 'New' },
      ], titles);
      break;
    case 'assets':
      body = h('div', { class: 'demo-assets' },
        h('div', { class: 'demo-tabs is-sub', role: 'tablist' }, ['Devices', 'Users', 'Mailboxes', 'Apps', 'Cloud resources'].map((x, n) => h('button', { type: 'button', role: 'tab', class: 'demo-tab', 'aria-selected': String(n === 0), text: x }))),
        h('ul', { class: 'demo-plain-list' }, inc.devices.map((d) => h('li', {}, icon('device'), d)), inc.users.map((u) => h('li', {}, icon('person'), u))));
      break;
    case 'summary':
      body = h('div', { class: 'demo-summary' },
        ['Alerts and categories', 'Scope', 'Alerts', 'Evidence', 'Incident information'].map((s) => h('section', { class: 'demo-summary-card' },
          h('h3', { text: s }),
          h('p', { class: 'demo-muted', text: s === 'Alerts' ? titles.slice(0, 3).join(' · ') : s === 'Scope' ? `${inc.devices.length} devices, ${inc.users.length} users` : inc.categories.join(', ') || '—' }))),
        h('p', {}, commentsLink.cloneNode(true)));
      body.querySelector('a[href="#comments"]')?.addEventListener('click', (ev) => { ev.preventDefault(); commentsPane(t, inc); });
      break;
    case 'investigations':
      body = h('div', {}, h('div', { class: 'demo-tabs is-sub', role: 'tablist' }, h('button', { type: 'button', role: 'tab', class: 'demo-tab', 'aria-selected': 'true', text: 'Pending actions' }), h('button', { type: 'button', role: 'tab', class: 'demo-tab', 'aria-selected': 'false', text: 'Investigation graph' })),
        emptyState('No pending actions', 'Automated investigations have no actions waiting for approval.'));
      break;
    case 'evidence':
      body = detailsList('Evidence', [
        { key: 'entity', name: 'Entity', render: (r) => r.name },
        { key: 'type', name: 'Entity type', render: (r) => r.type },
        { key: 'verdict', name: 'Verdict', render: () => 'Suspicious' },
        { key: 'remediation', name: 'Remediation status', render: () => 'None' },
      ], [...inc.devices.map((d) => ({ name: d, type: 'Device' })), ...inc.users.map((u) => ({ name: u, type: 'User' }))]);
      break;
    case 'similar':
      body = detailsList('Similar incidents', [
        { key: 'incidentName', name: 'Incident name', render: (i) => h('a', { class: 'demo-link', href: link('/incidents/' + i.defenderId), text: i.title }) },
        { key: 'incidentId', name: 'Incident Id', render: (i) => String(i.defenderId) },
        { key: 'severity', name: 'Severity', render: (i) => severityBadge(i.severity) },
      ], incidentsOf(t).filter((i) => i.defenderId !== inc.defenderId));
      break;
    default:
      body = h('div', { class: 'demo-attack-story' },
        h('section', { class: 'demo-story-alerts', 'aria-label': 'Alerts' }, h('h2', { class: 'demo-section-title', text: 'Alerts' }),
          h('button', { type: 'button', class: 'ms-Button' }, icon('play'), h('span', { class: 'ms-Button-label', text: 'Play attack story' })),
          h('ol', { class: 'demo-alert-list' }, titles.slice(0, 6).map((x) => h('li', {}, severityBadge(inc.severity), h('span', { text: x })))),
          inc.alerts > 6 ? h('p', { class: 'demo-muted', text: `+${inc.alerts - 6} more alerts` }) : null),
        h('section', { class: 'demo-story-graph', 'aria-label': 'Incident graph' }, h('h2', { class: 'demo-section-title', text: 'Incident graph' }),
          h('div', { class: 'demo-graph' }, [...inc.devices.map((d) => ['device', d]), ...inc.users.map((u) => ['person', u])].map(([ic, label]) => h('div', { class: 'demo-graph-node' }, icon(ic), h('span', { text: label }))))));
  }
  return [header, h('div', { class: 'demo-incident-body' }, h('div', { class: 'demo-incident-content', role: 'tabpanel', 'aria-label': current[0] }, body), details)];
}

function commentsOf(inc) {
  if (!localComments.has(inc.defenderId)) localComments.set(inc.defenderId, (inc.comments || []).map((c) => ({ ...c })));
  return localComments.get(inc.defenderId);
}

function commentsPane(t, inc) {
  // Evidenced: "Comments and history", Activities pane with "Add comment" and "Add filter"
  // (§1.4); existing comments cannot be edited in Defender (facts §1.5, §2.2), so comments
  // have no edit control. guess: markup, newest-first order.
  const box = h('textarea', { rows: '3', 'aria-label': 'Add comment' });
  const comments = commentsOf(inc);
  const list = h('ul', { class: 'demo-activity', 'aria-label': 'Comments and history' },
    [...comments].reverse().map((c) => h('li', { class: 'demo-comment' },
      h('div', { class: 'demo-comment-head' }, h('strong', { class: 'demo-comment-author', text: c.author }), h('span', { class: 'demo-muted', text: ' · ' + formatDate(c.time) })),
      h('div', { class: 'demo-comment-text', text: c.text }))),
    inc.owner ? h('li', { class: 'demo-history' }, h('strong', { text: inc.owner }), ' · ' + formatDate(inc.lastActivity), h('div', { text: 'Assigned the incident to ' + inc.owner })) : null,
    h('li', { class: 'demo-history' }, h('strong', { text: 'System' }), ' · ' + formatDate(inc.created), h('div', { text: 'Incident created from ' + inc.detectionSources.join(', ') })));
  openPane('Activities',
    h('label', { class: 'demo-form-row' }, h('span', { text: 'Add comment' }), box),
    h('div', { class: 'demo-pane-actions' },
      h('button', {
        type: 'button', class: 'ms-Button ms-Button--primary',
        onclick: () => {
          if (!box.value.trim()) return;
          comments.push({ author: t.user.name, time: new Date().toISOString(), text: box.value });
          commentsPane(t, inc);
        },
      }, h('span', { class: 'ms-Button-label', text: 'Save' })),
      h('button', { type: 'button', class: 'ms-Button' }, icon('filter'), h('span', { class: 'ms-Button-label', text: 'Add filter' }))),
    list);
}

function fakeResults(query, t) {
  const table = (query.trim().split(/[\s|]/)[0] || '').toLowerCase();
  if (table === 'securityincident' && t.sentinelConnected) {
    // `Comments` is a dynamic column, shown as JSON text (data is never interpreted as markup).
    const cols = ['IncidentNumber', 'Title', 'ProviderName', 'ProviderIncidentId', 'Status', 'Comments'];
    const rows = S.incidents.filter((i) => i.tenantId === t.id && i.sentinelNumber !== null)
      .map((i) => [i.sentinelNumber, i.title, i.provider, i.defenderId ?? '', i.status,
        JSON.stringify((i.comments || []).map((c) => ({ message: c.text, author: c.author, createdTimeUtc: c.time })))]);
    return { cols, rows };
  }
  if (!table) return { cols: [], rows: [] };
  const cols = ['Timestamp', 'DeviceName', 'AccountName', 'ActionType'];
  const rows = [0, 1, 2, 3, 4].map((n) => [`2026-07-14T0${n + 5}:1${n}:00Z`, n % 2 ? 'cont-ws-0142' : 'cont-srv-03', ['ilanger', 'lrobbins', 'dsiciliani'][n % 3], ['ProcessCreated', 'LogonSuccess', 'ConnectionSuccess'][n % 3]]);
  return { cols, rows };
}

function huntingPage(t) {
  // Evidenced (portal-dom §1.5): `.scc-sidePanelPage-mainContent`, `.scc-commandBar`,
  // `#huntingRunQueryButtonId`, tab "New Query 1", side tabs Schema/Functions/Queries.
  // Deliberate difference: a plain <textarea> instead of Monaco (no eval/wasm under strict CSP).
  const editor = h('textarea', {
    class: 'demo-query-editor', 'aria-label': 'Query editor', spellcheck: 'false',
  });
  editor.value = hunt.query ?? (t.sentinelConnected ? 'SecurityIncident\n| where TimeGenerated > ago(7d)\n| project IncidentNumber, Title, ProviderName, ProviderIncidentId, Status, Comments' : 'DeviceProcessEvents\n| where Timestamp > ago(7d)\n| take 100');
  editor.addEventListener('input', () => { hunt.query = editor.value; });
  const results = h('div', { class: 'demo-results' }, h('p', { class: 'demo-muted', text: 'Run a query to see results.' }));
  const run = () => {
    hunt.query = editor.value;
    hunt.results = true;
    const r = fakeResults(editor.value, t);
    if (!r.rows.length) { replace(results, h('p', { class: 'demo-muted', text: 'No results found in the specified time frame.' })); return; }
    replace(results,
      h('div', { class: 'scc-commandBar ms-CommandBar demo-results-bar' }, cmdButton('Export', 'doc'), cmdButton('Link to incident', 'link'), h('span', { class: 'demo-flex' }), h('span', { class: 'demo-muted', text: r.rows.length + ' items' })),
      h('table', { class: 'demo-table' }, h('thead', {}, h('tr', {}, r.cols.map((c) => h('th', { text: c })))),
        h('tbody', {}, r.rows.map((row) => h('tr', {}, row.map((v) => h('td', { text: String(v) })))))));
  };
  const tables = [
    ['Alerts & behaviors', ['AlertInfo', 'AlertEvidence', 'BehaviorInfo']],
    ['Devices', ['DeviceEvents', 'DeviceProcessEvents', 'DeviceNetworkEvents', 'DeviceLogonEvents']],
    ['Email', ['EmailEvents', 'EmailAttachmentInfo']],
    ['Identities', ['IdentityLogonEvents', 'IdentityInfo']],
    ['Apps & identities', ['CloudAppEvents']],
  ];
  if (t.sentinelConnected) tables.push(['Microsoft Sentinel', ['SecurityIncident', 'SigninLogs', 'AuditLogs', 'AzureActivity', 'SecurityEvent', 'CommonSecurityLog', 'ThreatIntelIndicators']]);
  // guess: schema tree markup; each table name is its own element (`span.demo-schema-table`).
  const sideBody = h('div', { class: 'demo-schema', role: 'tree', 'aria-label': 'Schema' }, tables.map(([g, names]) => h('details', { open: true }, h('summary', { text: g }),
    h('ul', { role: 'group' }, names.map((n) => h('li', { role: 'treeitem', 'data-table': n }, icon('database'), h('span', { class: 'demo-schema-table', text: n })))))));
  const side = h('div', { class: 'scc-sidePanelPage-sidePanel', 'aria-label': 'Schema, functions and queries' },
    h('div', { class: 'demo-tabs is-sub', role: 'tablist' }, ['Schema', 'Functions', 'Queries'].map((x, n) => h('button', { type: 'button', role: 'tab', class: 'demo-tab', 'aria-selected': String(n === 0), text: x }))),
    h('input', { type: 'search', class: 'demo-side-search', placeholder: 'Search', 'aria-label': 'Search schema' }),
    sideBody);
  const banner = t.sentinelConnected
    ? h('div', { class: 'demo-messagebar' }, icon('help'), h('span', { text: 'Explore your content from Microsoft Sentinel: Sentinel tables, functions and queries are listed after the Defender XDR ones.' }))
    : h('div', { class: 'demo-messagebar is-promo' }, icon('shield'), h('span', { text: 'Get your SIEM and XDR in one place. Query Microsoft Sentinel data here after you connect a workspace.' }),
      h('a', { class: 'ms-Button ms-Button--primary', href: link('/sentinel/settings') }, h('span', { class: 'ms-Button-label', text: 'Connect a workspace' })));
  const main = h('div', { class: 'scc-sidePanelPage-mainContent' },
    h('div', { class: 'demo-tabs is-query', role: 'tablist', 'aria-label': 'Query tabs' },
      h('button', { type: 'button', role: 'tab', class: 'demo-tab', 'aria-selected': 'true', text: 'New Query 1' }),
      h('button', { type: 'button', role: 'tab', class: 'demo-tab demo-tab-add', 'aria-label': 'New query', text: '+' })),
    h('div', { class: 'scc-commandBar ms-CommandBar', role: 'menubar' },
      cmdButton('Run query', 'play', { id: 'huntingRunQueryButtonId', class: 'ms-Button ms-Button--primary ms-CommandBar-primaryCommand', onclick: run }),
      cmdButton('Last 7 days', 'clock'),
      cmdButton('Save', 'save'),
      cmdButton('Share link', 'share'),
      h('span', { class: 'demo-flex' }),
      // guess: a "Refresh" command here (demo: rebuilds every element of the page content).
      cmdButton('Refresh', 'refresh', {
        onclick: () => {
          hunt.query = editor.value;
          const mainEl = document.getElementById('main-content');
          if (mainEl) replace(mainEl, huntingPage(t));
        },
      }),
      cmdButton('Create detection rule', 'bolt')),
    editor, results);
  if (hunt.results) run();
  return [
    pageHeader('Advanced hunting', t.sentinelConnected ? workspacePicker(t) : null),
    banner,
    h('div', { class: 'scc-sidePanelPage' }, side, main),
  ];
}

function settingsRoot(t) {
  const items = [
    ['Microsoft Defender XDR', 'General settings for the unified portal', '/securitysettings/defender'],
    ['Microsoft Sentinel', t.sentinelConnected ? 'SIEM workspaces, UEBA and more' : 'Connect a workspace to use Microsoft Sentinel here', '/sentinel/settings'],
    ['Endpoints', 'Device onboarding, advanced features, rules', '/securitysettings/endpoints'],
    ['Email & collaboration', 'Policies and rules', '/securitysettings/emailandcollaboration'],
    ['Identities', 'Sensors and directory services', '/securitysettings/identities'],
    ['Cloud Apps', 'App connectors and policies', '/securitysettings/cloudapps'],
    ['Device discovery', 'Discovery setup', '/securitysettings/devicediscovery'],
  ];
  return [pageHeader('Settings'), h('ul', { class: 'demo-settings-list', 'aria-label': 'Settings' },
    items.map(([n, d, href]) => h('li', {}, h('a', { href: link(href) }, h('span', { class: 'demo-settings-name', text: n }), h('span', { class: 'demo-muted', text: d })))))];
}

function sentinelSettings(t) {
  // Evidenced texts (portal-dom §1.7): "SIEM workspaces", "Primary", "Status" "Connected",
  // "Connect a workspace", "Set as primary", "Disconnect workspace".
  // guess: column headers other than Type/Status, sub-nav items, grid markup.
  const subnav = h('nav', { class: 'demo-subnav', 'aria-label': 'Microsoft Sentinel settings' },
    ['SIEM workspaces', 'UEBA', 'Playbook permissions'].map((x, n) => h('a', {
      href: link('/sentinel/settings' + (n ? '/' + x.toLowerCase().replace(/ /g, '-') : '')), 'aria-current': n === 0 ? 'page' : null, class: n === 0 ? 'is-selected' : '', text: x,
    })));
  const connected = t.workspaces.filter((w) => w.status === 'Connected');
  let body;
  if (!t.sentinelConnected || !connected.length) {
    body = emptyState('No workspaces connected', 'Connect a Microsoft Sentinel workspace to bring your SIEM and XDR together in the Defender portal.',
      h('button', { type: 'button', class: 'ms-Button ms-Button--primary' }, h('span', { class: 'ms-Button-label', text: 'Connect a workspace' })));
  } else {
    const setPrimary = h('button', { type: 'button', class: 'ms-Button', disabled: true }, h('span', { class: 'ms-Button-label', text: 'Set as primary' }));
    const disconnect = h('button', { type: 'button', class: 'ms-Button', disabled: true }, h('span', { class: 'ms-Button-label', text: 'Disconnect workspace' }));
    const cols = ['Workspace name', 'Type', 'Status', 'Subscription', 'Resource group'];
    const rows = connected.map((w) => {
      const tr = h('tr', {
        role: 'row', tabindex: '0', 'aria-selected': 'false',
        onclick: () => {
          for (const r of tr.parentElement.children) r.setAttribute('aria-selected', String(r === tr));
          setPrimary.disabled = w.type === 'Primary';
          disconnect.disabled = false;
        },
      }, [w.name, w.type, w.status, w.subscriptionName + ' (' + w.subscriptionId + ')', w.resourceGroup].map((v, n) => h('td', { role: 'gridcell', 'data-column': cols[n] }, n === 2 ? h('span', { class: 'demo-dot-ok' }) : null, v)));
      return tr;
    });
    body = h('div', {},
      h('div', { class: 'scc-commandBar ms-CommandBar' },
        h('button', { type: 'button', class: 'ms-Button ms-Button--primary' }, icon('plus'), h('span', { class: 'ms-Button-label', text: 'Connect a workspace' })),
        setPrimary, disconnect),
      h('table', { class: 'demo-table', role: 'grid', 'aria-label': 'SIEM workspaces' },
        h('thead', {}, h('tr', { role: 'row' }, cols.map((c) => h('th', { role: 'columnheader', text: c })))),
        h('tbody', {}, rows)));
  }
  return [
    h('nav', { class: 'demo-breadcrumb', 'aria-label': 'Breadcrumb' }, h('a', { href: link('/securitysettings'), text: 'Settings' }), h('span', { text: ' › Microsoft Sentinel' })),
    pageHeader('Microsoft Sentinel'),
    h('div', { class: 'demo-settings-layout' }, subnav, h('section', { class: 'demo-settings-content', 'aria-label': 'SIEM workspaces' }, h('h2', { class: 'demo-section-title', text: 'SIEM workspaces' }), body)),
  ];
}

function simpleTable(label, cols, rows) {
  return h('table', { class: 'demo-table', 'aria-label': label },
    h('thead', {}, h('tr', {}, cols.map((c) => h('th', { text: c })))),
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((v) => h('td', {}, v instanceof Node ? v : String(v)))))));
}

// Sentinel pages in Defender; keys are the last path segment.
const SENTINEL_PAGES = {
  search: 'Search', workbooks: 'Workbooks', hunting: 'Hunting', notebooks: 'Notebooks', mitre: 'MITRE ATT&CK',
  contenthub: 'Content hub', repositories: 'Repositories', community: 'Community', connectors: 'Data connectors',
  analytics: 'Analytics', watchlist: 'Watchlist', automation: 'Automation', tables: 'Tables',
};

function sentinelPage(t, key) {
  const title = SENTINEL_PAGES[key];
  if (!t.sentinelConnected) {
    // guess: what an unconnected tenant sees on a direct Sentinel link.
    return [pageHeader(title), emptyState('Microsoft Sentinel is not connected', 'Connect a workspace to use Microsoft Sentinel in the Defender portal.',
      h('a', { class: 'ms-Button ms-Button--primary', href: link('/sentinel/settings') }, h('span', { class: 'ms-Button-label', text: 'Connect a workspace' })))];
  }
  const tabs = (names) => {
    const el = h('div', { class: 'demo-tabs', role: 'tablist' }, names.map((x, n) => h('button', {
      type: 'button', role: 'tab', class: 'demo-tab', 'aria-selected': String(n === 0), text: x,
      onclick: (ev) => { for (const b of el.children) b.setAttribute('aria-selected', String(b === ev.currentTarget)); },
    })));
    return el;
  };
  const bar = (...labels) => h('div', { class: 'scc-commandBar ms-CommandBar' }, labels.map(([l, i]) => cmdButton(l, i)));
  let body;
  switch (key) {
    case 'hunting': {
      const detail = h('div', { class: 'demo-detail-panel' });
      const show = (q) => replace(detail, h('h3', { text: q.name }), field('Provider', q.provider), field('Data source', q.dataSource),
        field('Tactics', q.tactics.join(', ')), h('div', { class: 'demo-field' }, h('label', { 'data-testid': 'DetailsPanelBodyItemTitle', text: 'Query' }), h('div', { class: 'uc-kql-viewer' }, h('pre', { text: q.query }))));
      show(S.huntingQueries[0]);
      body = [tabs(['Queries', 'Livestream', 'Bookmarks']), bar(['+ New query', null], ['Run all queries', 'play'], ['Run selected queries', 'play'], ['New hunt', 'hunt']),
        h('div', { class: 'demo-split' }, detailsList('Hunting queries', [
          { key: 'name', name: 'Query', render: (q) => q.name },
          { key: 'provider', name: 'Provider', render: (q) => q.provider },
          { key: 'results', name: 'Results count', render: (q) => String(q.results) },
          { key: 'tactics', name: 'Tactics', render: (q) => q.tactics.join(', ') },
        ], S.huntingQueries, show), detail)];
      break;
    }
    case 'analytics':
      body = [tabs(['Active rules', 'Rule templates', 'Anomalies']), bar(['+ Create', null], ['Refresh', 'refresh'], ['Enable', null], ['Disable', null]),
        simpleTable('Analytics rules', ['Severity', 'Name', 'Rule type', 'Status'], S.analyticsRules.map((r) => [severityBadge(r.severity), r.name, r.type, r.status]))];
      break;
    case 'connectors':
      // Evidenced (facts §1.5, §2.5): after onboarding this page hides the connectors the
      // unified platform uses (Defender XDR, Defender for Endpoint, …); `hiddenInDefender` in the scenario.
      body = [bar(['Refresh', 'refresh'], ['Content hub', 'grid']), simpleTable('Data connectors', ['Name', 'Publisher', 'Status'], S.dataConnectors.filter((c) => !c.hiddenInDefender).map((c) => [c.name, c.publisher, c.status]))];
      break;
    case 'workbooks':
      body = [h('p', { class: 'demo-muted', text: 'Only workbooks of the primary workspace are shown.' }), bar(['+ Add workbook', null], ['Refresh', 'refresh']),
        simpleTable('Workbooks', ['Name', 'Content source'], S.workbooks.map((w) => [w.name, w.publisher]))];
      break;
    case 'watchlist':
      body = [bar(['+ New', null], ['Refresh', 'refresh']), simpleTable('Watchlists', ['Name', 'Alias', 'Items'], S.watchlists.map((w) => [w.name, w.alias, w.items]))];
      break;
    case 'automation':
      // guess: the tab names (the Azure blade's: "Automation rules", "Active playbooks", "Playbook templates").
      body = [tabs(['Automation rules', 'Active playbooks', 'Playbook templates']), bar(['+ Create', null], ['Refresh', 'refresh']), simpleTable('Automation rules', ['Order', 'Automation rule name', 'Trigger', 'Action'], S.automationRules.map((r) => [r.order, r.name, r.trigger, r.action]))];
      break;
    case 'mitre':
      body = h('div', { class: 'demo-mitre' }, ['Initial access', 'Execution', 'Persistence', 'Credential access', 'Lateral movement', 'Exfiltration'].map((x, n) => h('div', { class: 'demo-mitre-col' }, h('h3', { text: x }), h('div', { class: 'demo-mitre-cell', text: `${3 + n * 2} active rules` }), h('div', { class: 'demo-mitre-cell', text: `${1 + n} hunting queries` }))));
      break;
    case 'tables':
      body = [bar(['Data retention settings', 'gear']), simpleTable('Tables', ['Table', 'Tier', 'Analytics retention period', 'Total retention period'], [['SecurityIncident', 'Analytics', '90 days', '2 years'], ['SigninLogs', 'Analytics', '90 days', '1 year'], ['CommonSecurityLog', 'Data lake', '30 days', '1 year']])];
      break;
    default:
      body = emptyState(title, 'This demo page has no content yet.');
  }
  return [pageHeader(title, workspacePicker(t)), body];
}

function genericPage(title, text) {
  return [pageHeader(title), emptyState(title, text)];
}

// ---------- router ----------

function route(t, path) {
  let m;
  if (path === '/' || path === '/homepage') return homePage(t);
  if (path === '/incidents' || path === '/incidents-queue') return incidentsPage(t);
  if ((m = /^\/incidents\/(\d+)(?:\/(\w+))?$/.exec(path))) return incidentPage(t, m[1], m[2] || 'overview');
  if ((m = /^\/incident2\/([^/]+)(?:\/(\w+))?$/.exec(path))) return incidentPage(t, m[1], m[2] || 'overview');
  if (path === '/alerts') return alertsPage(t);
  if (path === '/v2/advanced-hunting' || path === '/hunting') return huntingPage(t);
  if (path === '/securitysettings') return settingsRoot(t);
  if (path === '/sentinel/settings' || path.startsWith('/sentinel/settings/')) return sentinelSettings(t);
  // Workspace-scoped form /sentinel/{sub}/{rg}/{ws}/{page} (facts §3.1, evidence L).
  if ((m = /^\/sentinel\/[0-9a-f-]{36}\/[^/]+\/[^/]+\/(\w+)$/i.exec(path)) && SENTINEL_PAGES[m[1].toLowerCase()]) return sentinelPage(t, m[1].toLowerCase());
  if ((m = /^\/sentinel\/(\w+)$/.exec(path)) && SENTINEL_PAGES[m[1]]) return sentinelPage(t, m[1]);
  const named = {
    '/custom_detection': 'Custom detection rules', '/action-center/pending': 'Action center', '/intel-explorer': 'Intel explorer',
    '/threatintelligence/intel-management': 'Intel management', '/machines': 'Device inventory', '/identities': 'Identities',
    '/exposure-overview': 'Exposure management', '/security-recommendations': 'Recommendations', '/mtp_roles': 'Permissions',
  };
  if (named[path]) return genericPage(named[path], 'This demo page has no content yet.');
  if (path.startsWith('/securitysettings/')) return genericPage('Settings', 'This settings page is not part of the demo.');
  return genericPage('Page not found', "The page you're looking for doesn't exist in this demo.");
}

function render() {
  if (!S) return;
  const t = tenant();
  const path = location.pathname.replace(/\/+$/, '') || '/';
  document.title = 'Microsoft Defender';
  replace(app, renderShell(t, path, route(t, path)));
  if (ui.pane && !document.body.contains(ui.pane)) ui.pane = null;
}

loadScenario().then((s) => { S = s; render(); }).catch((e) => {
  replace(app, h('div', { class: 'scc-loading', text: 'Failed to load the demo scenario: ' + e.message }));
});
