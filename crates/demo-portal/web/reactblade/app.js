// Demo React-view sandbox page (sandbox-N.reactblade.portal.azure.net/reactview?blade=…).
// Why: in the real Azure portal, React views (including Sentinel hunting/Logs)
// run in a cross-origin iframe on *.reactblade.portal.azure.net (portal-dom §2.1,
// §3.6); the extension's content script must work inside such frames.
//
// Evidenced: `#root` → `main` (§2.1), `.fxs-mode-light` on body (§2.1),
// `#DiscoverWrapper`, `.filter-panel`, `.left-side.kql-mode-panel`,
// `.run-split-button .btn-submit`, `la-results-view` (§3.6), hunting/analytics
// label texts (§3.4, §3.6), `label[data-testid="DetailsPanelBodyItemTitle"]` +
// `.uc-kql-viewer pre` (§0.1). guess: all other markup, and that every blade
// other than Incidents is a React view (§5 says this is undocumented).
// Deliberate difference: a plain <textarea> instead of Monaco.
import { h, replace, icon, loadScenario, findTenant, portSuffix } from '/demo-assets/common/dom.js';

const rootEl = document.getElementById('root');
const params = new URLSearchParams(location.search);
const bladeName = params.get('blade') || '0';

function cmd(label, ic, props) {
  return h('button', { type: 'button', class: 'ms-Button', ...(props || {}) }, ic ? icon(ic) : null, h('span', { class: 'ms-Button-label', text: label }));
}

function pivot(names, onSelect) {
  const el = h('div', { class: 'ms-Pivot', role: 'tablist' }, names.map((n, i) => h('button', {
    type: 'button', role: 'tab', class: 'ms-Pivot-link', 'aria-selected': String(i === 0),
    onclick: (ev) => {
      for (const b of el.children) b.setAttribute('aria-selected', String(b === ev.currentTarget));
      if (onSelect) onSelect(n);
    },
  }, n)));
  return el;
}

function selectableTable(label, cols, rows, onSelect) {
  const body = h('tbody', {}, rows.map((r) => {
    const tr = h('tr', {
      role: 'row', tabindex: '0', 'aria-selected': 'false',
      onclick: () => {
        for (const x of body.children) x.setAttribute('aria-selected', String(x === tr));
        if (onSelect) onSelect(r.item);
      },
    }, r.cells.map((c) => h('td', { role: 'gridcell' }, c instanceof Node ? c : String(c))));
    return tr;
  }));
  return h('table', { class: 'demo-table ms-DetailsList', role: 'grid', 'aria-label': label },
    h('thead', {}, h('tr', { role: 'row' }, cols.map((c) => h('th', { role: 'columnheader', text: c })))), body);
}

function detailField(label, value) {
  return h('div', {}, h('label', { 'data-testid': 'DetailsPanelBodyItemTitle', text: label }),
    value instanceof Node ? value : h('div', { text: String(value) }));
}

function kql(label, query) {
  return h('div', {}, h('label', { 'data-testid': 'DetailsPanelBodyItemTitle', text: label }), h('div', { class: 'uc-kql-viewer' }, h('pre', { text: query })));
}

function hunting(S) {
  const details = h('aside', { class: 'demo-details', 'aria-label': 'Query details' });
  const show = (q) => replace(details, h('h3', { text: q.name }), detailField('Provider', q.provider), detailField('Data source', q.dataSource),
    detailField('Tactics', q.tactics.join(', ')), kql('Query', q.query), h('div', {}, cmd('Run Query', 'play', { class: 'ms-Button ms-Button--primary' }), cmd('View Results', 'list')));
  show(S.huntingQueries[0]);
  const table = selectableTable('Hunting queries', ['Query', 'Provider', 'Data source', 'Results count', 'Tactics'],
    S.huntingQueries.map((q) => ({ item: q, cells: [q.name, q.provider, q.dataSource, q.results, q.tactics.join(', ')] })), show);
  const panel = h('div', {}, h('div', { class: 'demo-split' }, table, details));
  const bookmarks = h('div', { class: 'demo-empty', text: 'No bookmarks yet. Add bookmarks from query results to keep interesting events.' });
  const livestream = h('div', { class: 'demo-empty', text: 'No livestream sessions.' });
  const holder = h('div', {}, panel);
  return [
    h('h1', { class: 'demo-heading', text: 'Hunting' }),
    h('div', { class: 'ms-CommandBar', role: 'toolbar' }, cmd('Refresh', 'refresh'), cmd('Last 24 hours', 'clock'), cmd('+ New Query', null), cmd('Run all queries', 'play'), cmd('New hunt', 'hunt'), cmd('Columns', 'list')),
    pivot(['Queries', 'Livestream', 'Bookmarks'], (n) => replace(holder, n === 'Queries' ? panel : n === 'Livestream' ? livestream : bookmarks)),
    holder,
  ];
}

function logs(S) {
  const editor = h('textarea', { class: 'demo-editor', 'aria-label': 'Query editor', spellcheck: 'false' });
  editor.value = 'SecurityIncident\n| where TimeGenerated > ago(7d)\n| summarize arg_max(TimeGenerated, *) by IncidentNumber\n| project IncidentNumber, Title, ProviderName, ProviderIncidentId';
  const results = document.createElement('la-results-view');
  results.append(h('p', { class: 'demo-muted', text: 'Get started by running a query.' }));
  const run = () => {
    const rows = S.incidents.filter((i) => i.workspace === params.get('ws') && i.sentinelNumber !== null);
    replace(results, /^\s*securityincident/i.test(editor.value) && rows.length
      ? h('table', { class: 'demo-table' }, h('thead', {}, h('tr', {}, ['IncidentNumber', 'Title', 'ProviderName', 'ProviderIncidentId'].map((c) => h('th', { text: c })))),
        h('tbody', {}, rows.map((i) => h('tr', {}, [i.sentinelNumber, i.title, i.provider, i.defenderId ?? ''].map((v) => h('td', { text: String(v) }))))))
      : h('p', { class: 'demo-muted', text: 'No results found from the specified time range.' }));
  };
  return [h('div', { id: 'DiscoverWrapper' },
    h('div', { class: 'demo-querytabs', role: 'tablist' }, h('span', { class: 'demo-querytab', role: 'tab', 'aria-selected': 'true', text: 'New Query 1' }), h('span', { class: 'demo-querytab', role: 'tab', 'aria-selected': 'false', text: '+' })),
    h('div', { class: 'filter-panel' },
      h('div', { class: 'left-side kql-mode-panel' },
        h('div', { class: 'run-split-button' }, h('button', { type: 'button', class: 'btn-submit', onclick: run }, icon('play'), ' Run')),
        h('button', { type: 'button', class: 'ms-Button' }, icon('clock'), 'Time range : Last 24 hours'),
        cmd('Save', 'save'), cmd('Share', 'share')),
      h('span', { class: 'demo-muted', text: 'KQL mode' })),
    editor, results)];
}

function overview(S, t) {
  const inc = S.incidents.filter((i) => i.workspace === params.get('ws') && i.sentinelNumber !== null);
  const open = inc.filter((i) => i.status !== 'Resolved');
  const tile = (label, value) => h('div', { class: 'demo-tile' }, h('div', { class: 'demo-muted', text: label }), h('div', { class: 'demo-tile-value', text: String(value) }));
  const defender = `https://security.microsoft.com${portSuffix()}/?tid=${t.id}`;
  return [
    h('h1', { class: 'demo-heading', text: 'Overview' }),
    t.sentinelConnected
      // Evidenced text (portal-dom §3.1 "Click here to go to the Defender portal").
      ? h('div', { class: 'demo-messagebar' }, icon('help'), h('span', { text: 'This workspace is connected to the Microsoft Defender portal. ' }), h('a', { href: defender, target: '_blank', rel: 'noopener', text: 'Click here to go to the Defender portal' }))
      // Evidenced text (portal-dom §1.6 "Azure-portal side hint").
      : h('div', { class: 'demo-messagebar is-promo' }, icon('shield'), h('span', { text: 'Get your SIEM and XDR in one place. ' }), h('a', { href: defender, target: '_blank', rel: 'noopener', text: 'Learn more' })),
    h('div', { class: 'demo-tiles' }, tile('Open incidents', open.length), tile('Data connectors', t.metrics.dataConnectors), tile('Analytics rules', t.metrics.analyticsRules), tile('Automation rules', t.metrics.automationRules)),
    h('h2', { class: 'demo-heading', text: 'Recent incidents' }),
    selectableTable('Recent incidents', ['Incident number', 'Title', 'Severity', 'Status'], open.map((i) => ({ item: i, cells: [i.sentinelNumber, i.title, i.severity, i.status] }))),
  ];
}

function simple(title, bar, table, extra) {
  return [h('h1', { class: 'demo-heading', text: title }), h('div', { class: 'ms-CommandBar', role: 'toolbar' }, bar.map(([l, i]) => cmd(l, i))), extra || null, table || null];
}

function render(S) {
  const t = findTenant(S, params.get('tid')) || findTenant(S, S.defaultTenantId);
  let content;
  switch (bladeName.toLowerCase()) {
    case 'hunting': content = hunting(S); break;
    case 'logs': content = logs(S); break;
    case '0': case 'overview': content = overview(S, t); break;
    case 'analytics': {
      const details = h('aside', { class: 'demo-details', 'aria-label': 'Rule details' });
      const show = (r) => replace(details, h('h3', { text: r.name }), detailField('Rule type', r.type), detailField('Severity', r.severity), detailField('Status', r.status),
        kql('Rule query', r.type === 'Fusion' ? '// Fusion rules have no query' : 'SigninLogs\n| where ResultType != 0\n| summarize count() by UserPrincipalName'));
      show(S.analyticsRules[0]);
      content = simple('Analytics', [['+ Create', null], ['Refresh', 'refresh'], ['Enable', null], ['Disable', null], ['Delete', null]],
        h('div', { class: 'demo-split' }, selectableTable('Analytics rules', ['Severity', 'Name', 'Rule type', 'Status'], S.analyticsRules.map((r) => ({ item: r, cells: [r.severity, r.name, r.type, r.status] })), show), details),
        pivot(['Active rules', 'Rule templates', 'Anomalies']));
      break;
    }
    case 'dataconnectors':
      content = simple('Data connectors', [['Refresh', 'refresh'], ['More content at Content hub', 'grid']], selectableTable('Data connectors', ['Name', 'Publisher', 'Status'], S.dataConnectors.map((c) => ({ item: c, cells: [c.name, c.publisher, c.status] }))));
      break;
    case 'workbooks': case 'workbooksv2':
      content = simple('Workbooks', [['Refresh', 'refresh'], ['+ Add workbook', null]], selectableTable('Workbooks', ['Name', 'Content source'], S.workbooks.map((w) => ({ item: w, cells: [w.name, w.publisher] }))), pivot(['My workbooks', 'Templates']));
      break;
    case 'watchlists':
      content = simple('Watchlists', [['+ New', null], ['Refresh', 'refresh']], selectableTable('Watchlists', ['Name', 'Alias', 'Items'], S.watchlists.map((w) => ({ item: w, cells: [w.name, w.alias, w.items] }))));
      break;
    case 'automation':
      content = simple('Automation', [['+ Create', null], ['Refresh', 'refresh']], selectableTable('Automation rules', ['Order', 'Automation rule name', 'Trigger', 'Action'], S.automationRules.map((r) => ({ item: r, cells: [r.order, r.name, r.trigger, r.action] }))), pivot(['Automation rules', 'Active playbooks', 'Playbook templates']));
      break;
    case 'mitreattack':
      content = [h('h1', { class: 'demo-heading', text: 'MITRE ATT&CK' }), h('div', { class: 'demo-mitre' }, ['Initial access', 'Execution', 'Persistence', 'Credential access', 'Lateral movement', 'Exfiltration'].map((x, n) => h('div', {}, h('h3', { text: x }), h('div', { class: 'demo-mitre-cell', text: `${3 + n * 2} active rules` }))))];
      break;
    default: {
      const titles = { newsandguides: 'News & guides', search: 'Search', notebooks: 'Notebooks', entitybehavior: 'Entity behavior', threatintelligence: 'Threat intelligence', contenthub: 'Content hub', repositories: 'Repositories', community: 'Community', workspacemanager: 'Workspace manager', settings: 'Settings' };
      const title = titles[bladeName.toLowerCase()] || bladeName;
      content = [h('h1', { class: 'demo-heading', text: title }), h('div', { class: 'demo-empty', text: title + ' has no content in this demo workspace.' })];
    }
  }
  replace(rootEl, h('div', { class: 'reactview-nodefaultpadding' }, h('div', {}, h('main', {}, content))));
}

loadScenario().then(render).catch((e) => replace(rootEl, h('div', { class: 'demo-empty', text: 'Failed to load: ' + e.message })));
