// Demo React-view sandbox page (sandbox-N.reactblade.portal.azure.net/reactview?blade=…).
// Why: in the real Azure portal, React views (including Sentinel hunting/Logs)
// run in a cross-origin iframe on *.reactblade.portal.azure.net (portal-dom §2.1,
// §3.6); the extension's content script must work inside such frames.
//
// Evidenced: `#root` → `main` (§2.1), `.fxs-mode-light` on body (§2.1),
// `#DiscoverWrapper`, `.filter-panel`, `.left-side.kql-mode-panel`,
// `.run-split-button .btn-submit`, `la-results-view` (§3.6), hunting/analytics
// label texts (§3.4, §3.6), `label[data-testid="DetailsPanelBodyItemTitle"]` +
// `.uc-kql-viewer pre` (§0.1), analytics "+ Create" items and rule-wizard texts
// (§3.4), automation "+ Create" › "Automation rule" panel texts (§3.5).
// guess: all other markup, and that every blade
// other than Incidents is a React view (§5 says this is undocumented).
// Deliberate difference: a plain <textarea> instead of Monaco.
import { h, replace, icon, loadScenario, findTenant, portSuffix } from '/demo-assets/common/dom.js';

const rootEl = document.getElementById('root');
const params = new URLSearchParams(location.search);
const bladeName = params.get('blade') || '0';

// The shell's theme (see the Azure demo's setTheme), on load and when it switches.
function setTheme(mode) {
  document.body.classList.toggle('fxs-mode-dark', mode === 'dark');
  document.body.classList.toggle('fxs-mode-light', mode !== 'dark');
}
setTheme(params.get('theme'));
window.addEventListener('message', (event) => {
  if (event.source === window.parent && event.data && typeof event.data.demoTheme === 'string') setTheme(event.data.demoTheme);
});

function cmd(label, ic, props) {
  return h('button', { type: 'button', class: 'ms-Button', ...(props || {}) }, ic ? icon(ic) : null, h('span', { class: 'ms-Button-label', text: label }));
}

/**
 * "+ Create"-style command with a drop-down (`[role=menu]` of `button[role=menuitem]`).
 * guess: Fluent ContextualMenu-like markup; only the item texts are evidenced (§3.4, §3.5).
 */
function cmdMenu(label, ic, items) {
  const menu = h('div', { class: 'ms-ContextualMenu', role: 'menu', 'aria-label': label },
    items.map(([text, onPick]) => h('button', {
      type: 'button', role: 'menuitem', class: 'ms-ContextualMenu-link',
      onclick: () => { setOpen(false); if (onPick) onPick(text); },
    }, h('span', { class: 'ms-ContextualMenu-itemText', text }))));
  const btn = cmd(label, ic, { 'aria-haspopup': 'menu', 'aria-expanded': 'false', onclick: () => setOpen(menu.hidden) });
  btn.append(icon('chevronDown', 'demo-menu-chevron'));
  function setOpen(open) { menu.hidden = !open; btn.setAttribute('aria-expanded', String(open)); }
  menu.hidden = true;
  const wrap = h('span', { class: 'demo-cmdmenu' }, btn, menu);
  wrap.addEventListener('demo-close', () => { if (!menu.hidden) setOpen(false); });
  return wrap;
}

// Clicking outside an open menu closes it.
document.addEventListener('click', (ev) => {
  for (const wrap of document.querySelectorAll('.demo-cmdmenu')) {
    if (!(ev.target instanceof Node && wrap.contains(ev.target))) wrap.dispatchEvent(new Event('demo-close'));
  }
});

/** Two-state "Enabled"/"Disabled" switch (`[role=radiogroup][aria-label=<label>]`). guess: markup. */
function toggle(label, value, onChange, states) {
  const [on, off] = states || ['Enabled', 'Disabled'];
  const group = h('div', { class: 'demo-toggle', role: 'radiogroup', 'aria-label': label });
  const set = (v) => {
    for (const b of group.children) b.setAttribute('aria-checked', String(b.textContent === v));
    if (onChange) onChange(v);
  };
  group.append(...[on, off].map((x) => h('button', { type: 'button', role: 'radio', class: 'demo-toggle-option', 'aria-checked': String(x === value), onclick: () => set(x) }, x)));
  return group;
}

let fieldSeq = 0;
/** Labelled form row: `div.demo-form-field > label.demo-form-label` + control. */
function formField(label, control, note) {
  fieldSeq += 1;
  const id = 'demo-field-' + fieldSeq;
  if (control instanceof Element) {
    if (/^(INPUT|SELECT|TEXTAREA)$/.test(control.tagName)) control.id = id;
    else control.setAttribute('aria-labelledby', id + '-label');
  }
  return h('div', { class: 'demo-form-field' },
    h('label', { class: 'demo-form-label', id: id + '-label', for: control instanceof Element && control.id === id ? id : null, text: label }),
    control, note ? h('div', { class: 'demo-muted demo-form-note', text: note }) : null);
}

function select(label, options, value) {
  return h('select', { 'aria-label': label }, options.map((o) => h('option', { text: o, selected: o === value })));
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

/** The dynamic `Comments` column of SecurityIncident, shown as JSON (data is text only). */
function commentsColumn(i) {
  return JSON.stringify((i.comments || []).map((c) => ({ message: c.text, author: c.author, createdTimeUtc: c.time })));
}

function logs(S) {
  const editor = h('textarea', { class: 'demo-editor', 'aria-label': 'Query editor', spellcheck: 'false' });
  editor.value = 'SecurityIncident\n| where TimeGenerated > ago(7d)\n| summarize arg_max(TimeGenerated, *) by IncidentNumber\n| project IncidentNumber, Title, ProviderName, ProviderIncidentId';
  const results = document.createElement('la-results-view');
  results.append(h('p', { class: 'demo-muted', text: 'Get started by running a query.' }));
  const run = () => {
    const rows = S.incidents.filter((i) => i.workspace === params.get('ws') && i.sentinelNumber !== null);
    replace(results, /^\s*securityincident/i.test(editor.value) && rows.length
      ? h('table', { class: 'demo-table' }, h('thead', {}, h('tr', {}, ['IncidentNumber', 'Title', 'ProviderName', 'ProviderIncidentId', 'Comments'].map((c) => h('th', { text: c })))),
        h('tbody', {}, rows.map((i) => h('tr', {}, [i.sentinelNumber, i.title, i.provider, i.defenderId ?? '', commentsColumn(i)].map((v) => h('td', { text: String(v) }))))))
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

// ---------- Analytics (§3.4) ----------

const WIZARD_TABS = ['General', 'Set rule logic', 'Incident settings', 'Automated response', 'Review and create'];

/**
 * Analytics rule wizard. Evidenced (§3.4): tab names and order, "Next: <tab> >"
 * buttons, the field and section texts quoted below, "Validation passed", "Create".
 * guess: the title text, layout and every class; that the wizard replaces the
 * Analytics page inside the same React view.
 */
function ruleWizard(kind, onClose) {
  const tabs = kind === 'Microsoft incident creation' ? ['General', 'Automated response', 'Review and create'] : WIZARD_TABS;
  const vals = {
    name: '', description: '', severity: 'Medium', status: 'Enabled', createIncidents: 'Enabled', grouping: 'Disabled', reopen: 'Disabled',
    query: 'SigninLogs\n| where ResultType != 0\n| summarize Failures = count() by UserPrincipalName, IPAddress',
  };
  let current = 0;
  const el = h('section', { class: 'demo-wizard', 'aria-label': 'Analytics rule wizard' });
  const section = (title, ...body) => h('section', { class: 'demo-wiz-section', 'aria-label': title }, h('h2', { class: 'demo-wiz-section-title', text: title }), body);
  const text = (label, key, multi) => {
    const c = h(multi ? 'textarea' : 'input', { type: multi ? null : 'text', rows: multi ? '3' : null, oninput: (ev) => { vals[key] = ev.target.value; } });
    c.value = vals[key];
    return formField(label, c);
  };
  const pane = {
    General: () => [
      h('p', { class: 'demo-muted', text: 'Create an analytics rule that will run on your data to detect threats.' }),
      section('Analytics rule details', text('Name', 'name'), text('Description', 'description', true),
        formField('Severity', select('Severity', ['High', 'Medium', 'Low', 'Informational'], vals.severity)),
        formField('MITRE ATT&CK', select('MITRE ATT&CK', ['No selection', 'Initial access', 'Execution', 'Persistence', 'Credential access', 'Lateral movement'], 'No selection')),
        formField('Status', toggle('Status', vals.status, (v) => { vals.status = v; }))),
    ],
    'Set rule logic': () => [
      section('Rule query', (() => { const q = h('textarea', { class: 'demo-editor', rows: '6', 'aria-label': 'Rule query', spellcheck: 'false', oninput: (ev) => { vals.query = ev.target.value; } }); q.value = vals.query; return q; })(),
        cmd('View query results', 'list')),
      section('Alert enhancement',
        formField('Entity mapping', cmd('+ Add new entity', null)),
        formField('Custom details', cmd('+ Add new', null)),
        formField('Alert details', h('div', { class: 'demo-muted', text: 'Alert name format and description format are not set.' }))),
      section('Query scheduling',
        formField('Run query every', h('div', { class: 'demo-inline' }, h('input', { type: 'number', value: '5', 'aria-label': 'Run query every' }), select('Unit', ['Minutes', 'Hours', 'Days'], 'Hours'))),
        formField('Lookup data from the last', h('div', { class: 'demo-inline' }, h('input', { type: 'number', value: '5', 'aria-label': 'Lookup data from the last' }), select('Unit', ['Minutes', 'Hours', 'Days'], 'Hours'))),
        formField('Start running', toggle('Start running', 'Automatically', null, ['Automatically', 'At specific time']))),
      section('Alert threshold',
        formField('Generate alert when number of query results', h('div', { class: 'demo-inline' }, select('Operator', ['Is greater than', 'Is less than', 'Is equal to'], 'Is greater than'), h('input', { type: 'number', value: '0', 'aria-label': 'Threshold' })))),
      section('Event grouping',
        h('div', { class: 'demo-radios', role: 'radiogroup', 'aria-label': 'Event grouping' },
          ['Group all events into a single alert', 'Trigger an alert for each event'].map((x, n) => h('label', {}, h('input', { type: 'radio', name: 'event-grouping', checked: n === 0 }), ' ' + x)))),
      section('Suppression',
        formField('Stop running query after alert is generated', toggle('Stop running query after alert is generated', 'Off', null, ['On', 'Off']))),
      section('Results simulation', cmd('Test with current data', 'play')),
    ],
    'Incident settings': () => [
      // Exact texts: portal-dom §3.4 "Incident settings".
      section('Incident settings',
        formField('Create incidents from alerts triggered by this analytics rule', toggle('Create incidents from alerts triggered by this analytics rule', vals.createIncidents, (v) => { vals.createIncidents = v; }))),
      section('Alert grouping',
        formField('Group related alerts, triggered by this analytics rule, into incidents', toggle('Group related alerts, triggered by this analytics rule, into incidents', vals.grouping, (v) => { vals.grouping = v; })),
        formField('Limit the group to alerts created within the selected time frame', h('div', { class: 'demo-inline' }, h('input', { type: 'number', value: '5', 'aria-label': 'Time frame' }), select('Time frame unit', ['Minutes', 'Hours', 'Days'], 'Hours'))),
        formField('Group alerts triggered by this analytics rule into a single incident by',
          h('div', { class: 'demo-radios', role: 'radiogroup' },
            ['Group alerts into a single incident if all the entities match', 'Group all alerts triggered by this rule into a single incident', 'Group alerts into a single incident if the selected entities and details match']
              .map((x, n) => h('label', {}, h('input', { type: 'radio', name: 'alert-grouping', checked: n === 0 }), ' ' + x)))),
        formField('Re-open closed matching incidents', toggle('Re-open closed matching incidents', vals.reopen, (v) => { vals.reopen = v; }))),
    ],
    'Automated response': () => [
      section('Automation rules',
        h('p', { class: 'demo-muted', text: 'View all automation rules that will be triggered by this analytics rule, and create new automation rules.' }),
        cmd('+ Add new', null),
        selectableTable('Automation rules', ['Order', 'Automation rule name', 'Trigger', 'Action'], [])),
      section('Alert automation (classic)', h('p', { class: 'demo-muted', text: 'No playbooks selected.' })),
    ],
    'Review and create': () => [
      h('div', { class: 'demo-messagebar is-success', role: 'status' }, icon('shield'), h('span', { text: 'Validation passed' })),
      section('Analytics rule details',
        detailField('Name', vals.name || '(not set)'), detailField('Severity', vals.severity), detailField('Status', vals.status)),
      kind === 'Microsoft incident creation' ? null : section('Incident settings',
        detailField('Create incidents from alerts triggered by this analytics rule', vals.createIncidents),
        detailField('Re-open closed matching incidents', vals.reopen)),
    ],
  };
  const draw = () => {
    const name = tabs[current];
    const last = current === tabs.length - 1;
    replace(el,
      h('div', { class: 'demo-wiz-head' },
        h('h1', { class: 'demo-heading', text: `Analytics rule wizard - Create a new ${kind} rule` }),
        h('button', { type: 'button', class: 'ms-Button demo-wiz-close', 'aria-label': 'Close', onclick: onClose }, icon('close'))),
      h('div', { class: 'ms-Pivot demo-wiz-tabs', role: 'tablist', 'aria-label': 'Analytics rule wizard steps' }, tabs.map((x, n) => h('button', {
        type: 'button', role: 'tab', class: 'ms-Pivot-link', 'aria-selected': String(n === current), onclick: () => { current = n; draw(); },
      }, x))),
      h('div', { class: 'demo-wiz-body', role: 'tabpanel', 'aria-label': name }, pane[name]()),
      h('div', { class: 'demo-wiz-footer' },
        h('button', { type: 'button', class: 'ms-Button demo-btn-outline', disabled: current === 0, onclick: () => { current -= 1; draw(); } }, 'Previous'),
        last
          ? h('button', { type: 'button', class: 'ms-Button ms-Button--primary', onclick: onClose }, 'Create')
          : h('button', { type: 'button', class: 'ms-Button ms-Button--primary', onclick: () => { current += 1; draw(); } }, `Next: ${tabs[current + 1]} >`)));
  };
  draw();
  return el;
}

function analytics(S) {
  const page = h('div', { class: 'demo-analytics' });
  const list = () => {
    const details = h('aside', { class: 'demo-details', 'aria-label': 'Rule details' });
    const show = (r) => replace(details, h('h3', { text: r.name }), detailField('Rule type', r.type), detailField('Severity', r.severity), detailField('Status', r.status),
      kql('Rule query', r.type === 'Fusion' ? '// Fusion rules have no query' : 'SigninLogs\n| where ResultType != 0\n| summarize count() by UserPrincipalName'));
    show(S.analyticsRules[0]);
    const wizard = (kind) => replace(page, ruleWizard(kind, list));
    replace(page,
      h('h1', { class: 'demo-heading', text: 'Analytics' }),
      h('div', { class: 'ms-CommandBar', role: 'toolbar' },
        // Evidenced (§3.4): "+Create" › "Scheduled query rule" / "NRT query rule"; "Microsoft
        // incident creation rule" is named in facts §1.5/§2.2. guess: menu markup.
        cmdMenu('+ Create', null, [
          ['Scheduled query rule', () => wizard('Scheduled')],
          ['NRT query rule', () => wizard('NRT')],
          ['Microsoft incident creation rule', () => wizard('Microsoft incident creation')],
        ]),
        cmd('Refresh', 'refresh'), cmd('Enable', null), cmd('Disable', null), cmd('Delete', null)),
      pivot(['Active rules', 'Rule templates', 'Anomalies']),
      h('div', { class: 'demo-split' },
        selectableTable('Analytics rules', ['Severity', 'Name', 'Rule type', 'Status'], S.analyticsRules.map((r) => ({ item: r, cells: [r.severity, r.name, r.type, r.status] })), show),
        details));
  };
  list();
  return page;
}

// ---------- Automation (§3.5) ----------

/**
 * Panel "Create new automation rule". Evidenced (§3.5): triggers "When incident is
 * created" / "When incident is updated", condition "Analytics rule name" ("All"),
 * actions "Add task" ("Task title", "+ Add description") and "Assign owner",
 * "+ Add action", "Rule expiration", "Order", "Apply". guess: the other actions,
 * "When alert is created", the markup.
 */
function automationRulePanel(close) {
  const taskFields = h('div', { class: 'demo-action-details' });
  const showAction = (a) => replace(taskFields, a === 'Add task'
    ? [formField('Task title', h('input', { type: 'text' })), cmd('+ Add description', null)]
    : null);
  const actions = select('Actions', ['Run playbook', 'Change status', 'Change severity', 'Assign owner', 'Add tags', 'Add task'], 'Change status');
  actions.addEventListener('change', () => showAction(actions.value));
  return h('aside', { class: 'ms-Panel demo-panel', role: 'dialog', 'aria-label': 'Create new automation rule' },
    h('div', { class: 'demo-panel-head' }, h('h2', { class: 'demo-panel-title', text: 'Create new automation rule' }),
      h('button', { type: 'button', class: 'ms-Button', 'aria-label': 'Close', onclick: close }, icon('close'))),
    h('div', { class: 'demo-panel-body' },
      formField('Automation rule name', h('input', { type: 'text' })),
      formField('Trigger', select('Trigger', ['When incident is created', 'When incident is updated', 'When alert is created'], 'When incident is created')),
      h('div', { class: 'demo-form-field' }, h('label', { class: 'demo-form-label', text: 'Conditions' }),
        h('div', { class: 'demo-inline' }, h('span', { text: 'If' }), select('Condition property', ['Analytics rule name', 'Incident provider', 'Severity', 'Status'], 'Analytics rule name'),
          select('Condition operator', ['Contains', 'Does not contain'], 'Contains'), select('Condition value', ['All'], 'All')),
        cmd('+ Add', null)),
      h('div', { class: 'demo-form-field' }, h('label', { class: 'demo-form-label', text: 'Actions' }), actions, taskFields, cmd('+ Add action', null)),
      formField('Rule expiration', select('Rule expiration', ['Indefinite', 'Custom'], 'Indefinite')),
      formField('Order', h('input', { type: 'number', value: '4' }))),
    h('div', { class: 'demo-panel-footer' },
      h('button', { type: 'button', class: 'ms-Button ms-Button--primary', onclick: close }, 'Apply'),
      h('button', { type: 'button', class: 'ms-Button demo-btn-outline', onclick: close }, 'Cancel')));
}

function automation(S) {
  const host = h('div', { class: 'demo-panel-host' });
  const close = () => replace(host);
  return [
    h('h1', { class: 'demo-heading', text: 'Automation' }),
    h('div', { class: 'ms-CommandBar', role: 'toolbar' },
      cmdMenu('+ Create', null, [
        ['Automation rule', () => replace(host, automationRulePanel(close))],
        // guess: the playbook items of the same menu.
        ['Playbook with incident trigger', null], ['Playbook with alert trigger', null], ['Playbook with entity trigger', null], ['Blank playbook', null],
      ]),
      cmd('Refresh', 'refresh')),
    pivot(['Automation rules', 'Active playbooks', 'Playbook templates']),
    selectableTable('Automation rules', ['Order', 'Automation rule name', 'Trigger', 'Action'], S.automationRules.map((r) => ({ item: r, cells: [r.order, r.name, r.trigger, r.action] }))),
    host,
  ];
}

function render(S) {
  const t = findTenant(S, params.get('tid')) || findTenant(S, S.defaultTenantId);
  let content;
  switch (bladeName.toLowerCase()) {
    case 'hunting': content = hunting(S); break;
    case 'logs': content = logs(S); break;
    case '0': case 'overview': content = overview(S, t); break;
    case 'analytics': content = analytics(S); break;
    case 'dataconnectors':
      content = simple('Data connectors', [['Refresh', 'refresh'], ['More content at Content hub', 'grid']], selectableTable('Data connectors', ['Name', 'Publisher', 'Status'], S.dataConnectors.map((c) => ({ item: c, cells: [c.name, c.publisher, c.status] }))));
      break;
    case 'workbooks': case 'workbooksv2':
      content = simple('Workbooks', [['Refresh', 'refresh'], ['+ Add workbook', null]], selectableTable('Workbooks', ['Name', 'Content source'], S.workbooks.map((w) => ({ item: w, cells: [w.name, w.publisher] }))), pivot(['My workbooks', 'Templates']));
      break;
    case 'watchlists':
      content = simple('Watchlists', [['+ New', null], ['Refresh', 'refresh']], selectableTable('Watchlists', ['Name', 'Alias', 'Items'], S.watchlists.map((w) => ({ item: w, cells: [w.name, w.alias, w.items] }))));
      break;
    case 'automation': content = automation(S); break;
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
