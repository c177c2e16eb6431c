// Why this file exists: unit tests of the content script's probe engine
// (extension/content/probes.js) on static portal-like pages in jsdom: each tier, their order,
// the last-find memo, options anchoring their select, a broken selector falling through, the
// English-only rule of the label tiers, the label normal form (on the table the core's test
// reads too), and the tolerant tiers' refusal of our own marks and of the page's user content.
// Run by `cargo xtask test` (`node --test shells/` in tests/).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, test } from 'node:test';
import { changedCandidates, noChanges, noteRecords, readRecords } from '../../extension/content/changes.js';
import { findTarget, foundBy, moreThanOne, newPass, normalizeLabel, resetProbes } from '../../extension/content/probes.js';
import { AZURE, DEFENDER, byId, loadHtml, loadPage } from './dom.mjs';

/** @param {...object} tiers */
const probe = (...tiers) => ({ tiers });
/** What a pass knows changed: added subtrees and places whose content changed. @param {Element[]} roots @param {Element[]} places */
const changed = (roots, places = []) => ({ ...noChanges(), roots: new Set(roots), places: new Set(places) });
const selector = (css) => ({ by: 'selector', css });
const text = (within, label) => ({ by: 'text', within, text: label });
const linkPath = (within, path) => ({ by: 'link-path', within, path });
const label = (within, name) => ({ by: 'label', within, text: name });
const ariaLabel = (within, name) => ({ by: 'aria-label', within, text: name });
const role = (kind, name) => ({ by: 'role', role: kind, text: name });

// Each test is a new plan's first pass (a pass reads the page's language once).
beforeEach(() => {
  resetProbes();
  newPass();
});

describe('selector tier', () => {
  test('finds the first element the CSS matches', () => {
    loadPage('azure-incident-blade.html', AZURE);
    assert.equal(findTarget(probe(selector('[data-telemetryname="Menu-hunting"]')), 'a'), byId('menu-hunting'));
    assert.equal(findTarget(probe(selector('.fxs-blade-title-titleText')), 'b'), byId('blade-title'));
    assert.equal(findTarget(probe(selector('div.azc-listView-group li[role="listitem"]')), 'd'), byId('menu-incidents'));
    assert.equal(findTarget(probe(selector('[data-automationid="refresh"], main button')), 'c'), null);
  });

  test('ignores the page language', () => {
    loadPage('defender-incidents-de.html', DEFENDER);
    assert.equal(findTarget(probe(selector('[data-automationid="export"]')), 'a'), byId('cmd-export'));
  });
});

describe('text tier', () => {
  test('matches the whole trimmed text of a candidate', () => {
    loadPage('defender-incidents.html', DEFENDER);
    // "Exports history" comes first and must not match "Export".
    assert.equal(findTarget(probe(text('.ms-CommandBar button', 'Export')), 'a'), byId('cmd-export'));
    // Text with surrounding white space and an icon's empty element.
    assert.equal(findTarget(probe(text('.ms-CommandBar button', 'Refresh')), 'b'), byId('cmd-refresh'));
  });

  test('matches a label followed by further words', () => {
    loadPage('defender-incidents.html', DEFENDER);
    assert.equal(findTarget(probe(text('.ms-CommandBar button', 'Assign')), 'a'), byId('cmd-assign'));
    assert.equal(findTarget(probe(text('.ms-CommandBar button', 'Email notification')), 'b'), byId('cmd-email'));
  });

  test('does not match the beginning of a longer word', () => {
    loadPage('defender-incidents.html', DEFENDER);
    assert.equal(findTarget(probe(text('.ms-CommandBar button', 'Expo')), 'a'), null);
    assert.equal(findTarget(probe(text('.ms-CommandBar button', 'Manage incident')), 'b'), null);
  });

  test('only looks within its candidates', () => {
    loadPage('defender-incidents.html', DEFENDER);
    // "Alerts" is a link in the banner and in the navigation; the probe names the navigation's.
    assert.equal(findTarget(probe(text('nav a', 'Alerts')), 'a'), byId('nav-alerts'));
    assert.equal(findTarget(probe(text('nav a', 'Microsoft Sentinel')), 'b'), null);
    assert.equal(findTarget(probe(text('nav button, nav a', 'Microsoft Sentinel')), 'c'), byId('nav-sentinel'));
  });

  test('is skipped on a page whose language is not English', () => {
    loadPage('defender-incidents-de.html', DEFENDER);
    // The product name reads the same in German, yet the tier does not run.
    assert.equal(findTarget(probe(text('nav button', 'Microsoft Sentinel')), 'a'), null);
    assert.equal(findTarget(probe(text('nav button', 'Microsoft Sentinel'), selector('[data-automationid="nav-sentinel"]')), 'b'), byId('nav-sentinel'));
  });

  test('runs on en-US and on a page without a language', () => {
    loadPage('azure-incident-blade.html', AZURE);
    assert.equal(document.documentElement.lang, 'en-US');
    assert.equal(findTarget(probe(text('div.azc-listView-group li[role="listitem"]', 'Content hub')), 'a'), byId('menu-contenthub'));
    loadPage('defender-incidents-de.html', DEFENDER);
    document.documentElement.removeAttribute('lang');
    newPass();
    assert.equal(findTarget(probe(text('nav button', 'Microsoft Sentinel')), 'b'), byId('nav-sentinel'));
  });
});

describe('link-path tier', () => {
  test("matches a link's path, whatever its query", () => {
    loadPage('defender-incidents.html', DEFENDER);
    assert.equal(findTarget(probe(linkPath('nav', '/v2/advanced-hunting')), 'a'), byId('nav-hunting'));
    // /incidents/settings comes first and is a different path.
    assert.equal(findTarget(probe(linkPath('nav', '/incidents')), 'b'), byId('nav-incidents'));
  });

  test('looks within its container only', () => {
    loadPage('defender-incidents.html', DEFENDER);
    // The banner's /alerts link comes first in the document.
    assert.equal(findTarget(probe(linkPath('nav', '/alerts')), 'a'), byId('nav-alerts'));
    assert.equal(findTarget(probe(linkPath('nav', '/settings')), 'b'), null);
  });

  test('runs whatever the page language', () => {
    loadPage('defender-incidents-de.html', DEFENDER);
    assert.equal(findTarget(probe(linkPath('nav', '/incidents')), 'a'), byId('nav-incidents'));
  });
});

describe('tiers in order', () => {
  test('the first tier that finds an element wins', () => {
    loadPage('defender-incidents.html', DEFENDER);
    const tiers = [selector('[data-automationid="incidents-nav"]'), text('nav a', 'Advanced hunting'), linkPath('nav', '/alerts')];
    assert.equal(findTarget(probe(...tiers), 'a'), byId('nav-hunting'));
    assert.equal(findTarget(probe(linkPath('nav', '/alerts'), text('nav a', 'Advanced hunting')), 'b'), byId('nav-alerts'));
    assert.equal(findTarget(probe(selector('#page-title'), linkPath('nav', '/alerts')), 'c'), byId('page-title'));
  });

  test('no tier finds: null; no probe or no tiers: null', () => {
    loadPage('defender-incidents.html', DEFENDER);
    assert.equal(findTarget(probe(selector('.fxs-blade-title-titleText'), text('nav a', 'Hunting')), 'a'), null);
    assert.equal(findTarget(null, 'b'), null);
    assert.equal(findTarget(undefined, 'c'), null);
    assert.equal(findTarget(/** @type {any} */ ({ tiers: 'h1' }), 'd'), null);
    assert.equal(findTarget(probe(), 'e'), null);
    assert.equal(findTarget(/** @type {any} */ ({}), 'f'), null);
    assert.equal(findTarget(/** @type {any} */ ({ tiers: { by: 'selector', css: 'h1' } }), 'g'), null);
  });

  test('a selector the browser rejects falls through to the next tier', () => {
    loadPage('defender-incidents.html', DEFENDER);
    // (An unclosed bracket is not one: CSS closes it at the end of the selector.)
    assert.equal(findTarget(probe(selector('.ms-CommandBar button:export'), text('.ms-CommandBar button', 'Export')), 'a'), byId('cmd-export'));
    assert.equal(findTarget(probe(text('nav a:has-not(', 'Alerts'), linkPath('nav', '/alerts')), 'b'), byId('nav-alerts'));
    assert.equal(findTarget(probe(linkPath('nav >>', '/alerts'), selector('#nav-alerts')), 'c'), byId('nav-alerts'));
    assert.equal(findTarget(probe(selector('[[')), 'd'), null);
  });
});

describe('last find', () => {
  test('an element that still fits stays the anchor when an earlier one appears', () => {
    const page = loadPage('defender-incidents.html', DEFENDER);
    const exportProbe = probe(text('.ms-CommandBar button', 'Export'));
    const first = byId('cmd-export');
    assert.equal(findTarget(exportProbe, 'export'), first);
    const earlier = page.createElement('button');
    earlier.textContent = 'Export';
    byId('cmd-refresh').before(earlier);
    assert.equal(findTarget(exportProbe, 'export'), first);
    // Another memo, or a new plan, searches afresh.
    assert.equal(findTarget(exportProbe, 'other'), earlier);
    resetProbes();
    assert.equal(findTarget(exportProbe, 'export'), earlier);
  });

  test('a renamed label loses it; a removed element too', () => {
    const page = loadPage('defender-incidents.html', DEFENDER);
    const exportProbe = probe(text('.ms-CommandBar button', 'Export'));
    const first = byId('cmd-export');
    assert.equal(findTarget(exportProbe, 'export'), first);
    const earlier = page.createElement('button');
    earlier.textContent = 'Export';
    byId('cmd-refresh').before(earlier);
    first.querySelector('span').textContent = 'Download';
    assert.equal(findTarget(exportProbe, 'export'), earlier);
    byId('cmd-refresh').after(first);
    first.querySelector('span').textContent = 'Export';
    earlier.remove();
    assert.equal(findTarget(exportProbe, 'export'), first);
  });

  test('an element removed from the page loses it, though it still matches the selector', () => {
    loadPage('defender-incidents.html', DEFENDER);
    const exportButton = probe(selector('button[data-automationid="export"]'));
    const button = byId('cmd-export');
    assert.equal(findTarget(exportButton, 'export'), button);
    button.remove();
    assert.ok(button.matches('button[data-automationid="export"]'));
    assert.equal(findTarget(exportButton, 'export'), null);
  });

  test('a moved link path loses it', () => {
    loadPage('defender-incidents.html', DEFENDER);
    const alerts = probe(linkPath('nav', '/alerts'));
    const link = /** @type {HTMLAnchorElement} */ (byId('nav-alerts'));
    assert.equal(findTarget(alerts, 'alerts'), link);
    link.href = '/alerts/queue';
    assert.equal(findTarget(alerts, 'alerts'), null);
  });

  test('a last find that no longer fits is searched again, then the next tier', () => {
    loadPage('defender-incidents.html', DEFENDER);
    const hunting = byId('nav-hunting');
    const twoTiers = probe(selector('#nav-hunting'), text('nav a', 'Alerts'));
    assert.equal(findTarget(twoTiers, 'nav'), hunting);
    hunting.removeAttribute('id');
    // The selector tier no longer fits its last find nor finds another; the text tier searches.
    assert.equal(findTarget(twoTiers, 'nav'), byId('nav-alerts'));
  });
});

describe('form controls', () => {
  test('an option anchors its select', () => {
    loadPage('defender-incidents.html', DEFENDER);
    const select = byId('severity-filter');
    assert.equal(findTarget(probe(text('#severity-filter option', 'High')), 'a'), select);
    assert.equal(findTarget(probe(selector('option[value="low"]')), 'b'), select);
    // Found again through the memo, still its select.
    assert.equal(findTarget(probe(selector('option[value="low"]')), 'b'), select);
  });

  test('an option outside a select anchors itself', () => {
    const page = loadPage('defender-incidents.html', DEFENDER);
    const list = page.createElement('datalist');
    list.innerHTML = '<option id="loose">Critical</option>';
    page.body.append(list);
    assert.equal(findTarget(probe(text('datalist option', 'Critical')), 'a'), byId('loose'));
  });
});

describe('a pass that knows what changed', () => {
  const none = noChanges();

  test('does not look again for a missing control when the changes cannot hold it', () => {
    const page = loadPage('defender-incidents.html', DEFENDER);
    const tasks = probe(selector('[data-automationid="tasks"]'));
    assert.equal(findTarget(tasks, 't'), null, 'not on the page yet');
    const button = page.createElement('button');
    button.setAttribute('data-automationid', 'tasks');
    const row = page.createElement('div');
    page.body.append(button, row);
    assert.equal(findTarget(tasks, 't', changed([row], [page.body])), null, 'the change was elsewhere');
    assert.equal(findTarget(tasks, 't', changed([button], [page.body])), button, 'the change added it');
  });

  test('finds a text label changed in place through the changed element', () => {
    const page = loadPage('defender-incidents.html', DEFENDER);
    const label = probe(text('.ms-CommandBar button', 'Triage'));
    assert.equal(findTarget(label, 'l'), null);
    const refresh = byId('cmd-refresh');
    refresh.textContent = 'Triage';
    assert.equal(findTarget(label, 'l', none), null, 'no change named');
    assert.equal(findTarget(label, 'l', changed([], [refresh])), refresh);
    assert.ok(page.contains(refresh));
  });

  test('keeps a find that still fits, and looks everywhere for one that was lost', () => {
    loadPage('defender-incidents.html', DEFENDER);
    const export_ = probe(selector('[data-automationid="export"]'));
    const first = findTarget(export_, 'e');
    assert.equal(findTarget(export_, 'e', none), first);
    const copy = /** @type {Element} */ (first.cloneNode(true));
    first.replaceWith(copy);
    assert.equal(findTarget(export_, 'e', none), copy, 'the lost find is searched for on the whole page');
  });

  test('looks only where the page changed, and takes the first there in document order', () => {
    const page = loadPage('defender-incidents.html', DEFENDER);
    const tasks = probe(text('main button', 'Tasks'));
    assert.equal(findTarget(tasks, 't'), null);
    const main = /** @type {Element} */ (page.querySelector('main') || page.body);
    const elsewhere = page.createElement('button');
    elsewhere.textContent = 'Tasks';
    main.prepend(elsewhere);
    const group = page.createElement('div');
    group.innerHTML = '<span><button id="late">Tasks</button></span>';
    const early = page.createElement('button');
    early.textContent = 'Tasks';
    main.append(early, group);
    assert.equal(findTarget(tasks, 't', changed([group, early], [main])), early, 'the first of the changed ones');
    resetProbes();
    assert.equal(findTarget(tasks, 't'), elsewhere, 'a whole-page search takes the first of all');
  });

  test("a child added to a control changes the control's text", () => {
    const page = loadPage('defender-incidents.html', DEFENDER);
    const refresh = byId('cmd-refresh');
    const suffix = page.createElement('span');
    refresh.replaceChildren('Triage', suffix);
    const label = probe(text('.ms-CommandBar button', 'Triage now'));
    assert.equal(findTarget(label, 'l'), null);
    suffix.textContent = ' now';
    assert.equal(findTarget(label, 'l', changed([], [suffix])), refresh, 'found through its changed child');
  });
});

describe('changes from mutation records', () => {
  test('a first look searches the whole page; a look that found nothing, only the changes', () => {
    const page = loadPage('defender-incidents-de.html', DEFENDER);
    assert.equal(findTarget(probe(selector('[data-automationid="nav-sentinel"]')), 'first', noChanges()), byId('nav-sentinel'));
    const later = probe(selector('#later'));
    assert.equal(findTarget(later, 'later', noChanges()), null);
    const element = page.createElement('p');
    element.id = 'later';
    page.body.append(element);
    assert.equal(findTarget(later, 'later', noChanges()), null, 'no change named it');
    assert.equal(findTarget(later, 'later', changed([element])), element);
  });

  test('name the added subtrees and the places whose content changed, each once', () => {
    const page = loadPage('defender-incidents.html', DEFENDER);
    const list = page.createElement('div');
    page.body.append(list);
    const observer = new MutationObserver(() => {});
    observer.observe(page.body, { childList: true, subtree: true, characterData: true });
    const rows = Array.from({ length: 20 }, () => page.createElement('div'));
    for (const row of rows) list.append(row);
    rows[0].append('text');
    const changes = noChanges();
    noteRecords(changes, observer.takeRecords());
    assert.equal(changes.roots.size + changes.places.size, 0, 'kept, not read yet');
    assert.equal(readRecords(changes).whole, false);
    assert.deepEqual([...changes.roots], rows);
    assert.deepEqual([...changes.places], [list, rows[0]]);
    rows[1].remove();
    assert.equal(changedCandidates(changes, 'div').includes(rows[1]), false, 'a subtree that left the page holds nothing');
    observer.disconnect();
  });

  test('more changed elements than the bound: the lookups look at the whole page', () => {
    const page = loadPage('defender-incidents.html', DEFENDER);
    const observer = new MutationObserver(() => {});
    observer.observe(page.body, { childList: true, subtree: true });
    for (let i = 0; i < 10; i += 1) page.body.append(page.createElement('p'));
    const changes = noChanges();
    noteRecords(changes, observer.takeRecords());
    assert.equal(readRecords(changes, 8).whole, true);
    const everyP = [...page.querySelectorAll('p')];
    assert.ok(everyP.length >= 10);
    assert.deepEqual(changedCandidates(changes, 'p'), everyP, 'every candidate on the page counts as changed');
    observer.disconnect();
  });
});

describe('more than one', () => {
  const twin = probe(text('main a', 'Investigate in Microsoft Defender XDR'));
  /** @param {Document} page */
  const link = (page) => {
    const a = page.createElement('a');
    a.href = '/incidents/1';
    a.textContent = 'Investigate in Microsoft Defender XDR';
    return a;
  };

  test('counts the whole page without changes, and only what changed with them', () => {
    const page = loadPage('defender-incidents.html', DEFENDER);
    const main = /** @type {Element} */ (page.querySelector('main') || page.body);
    const first = link(page);
    main.append(first);
    assert.equal(moreThanOne(twin, null, false, first), false);
    const second = link(page);
    const comment = page.createElement('div');
    comment.append(second);
    main.append(comment);
    assert.equal(moreThanOne(twin, null, false, first), true);
    assert.equal(moreThanOne(twin, changed([], [first]), false, first), false, 'the change did not touch the second: the last answer stands');
    assert.equal(moreThanOne(twin, changed([comment], [main]), false, first), true, 'the change added it');
    comment.remove();
    assert.equal(moreThanOne(twin, changed([], [main]), true, first), false, 'a removal counts again');
    assert.equal(moreThanOne(twin, noChanges(), true, first), true, 'nothing changed: the last answer stands');
  });
});

describe('label normal form', () => {
  const table = JSON.parse(readFileSync(new URL('../fixtures/label-normal-form.json', import.meta.url), 'utf8'));

  test('every case of the table the core tests too', () => {
    assert.ok(table.cases.length >= 20);
    for (const { label: given, normal } of table.cases) {
      assert.equal(normalizeLabel(given), normal, JSON.stringify(given));
      assert.equal(normalizeLabel(normal), normal, `${JSON.stringify(normal)} is a fixed point`);
    }
  });
});

/** A page of a portal's incident view, with the controls named in different ways. */
const TOLERANT = `<!doctype html><html lang="en-US"><body>
  <h2 class="fxs-blade-title-titleText" id="title">Tasks (Preview)</h2>
  <div class="ext-details-header-title" id="header-title"><a href="/x" id="title-link">Add to TI</a></div>
  <div role="toolbar">
    <button id="tasks"><span>TASKS</span><span class="badge">(3)</span></button>
    <button id="activity" title="Activity log"><svg aria-hidden="true"></svg></button>
    <button id="actions" aria-label="Incident actions"><span>\ue700</span></button>
    <button id="create">+ Create incident</button>
    <div role="button" id="div-button"><span>Logs</span></div>
    <button role="tab" id="button-tab">Overview</button>
    <a href="/comments" id="comments">Comments and history \u203a</a>
  </div>
  <div role="tablist"><div role="tab" id="rules-tab"><span>AUTOMATION RULES</span> <span>4</span></div></div>
  <div role="menu"><div role="menuitemradio" id="radio">Microsoft incident creation rule New</div></div>
  <ul class="demo-activity-list"><li class="demo-comment"><div class="demo-comment-text"><button id="in-comment">Similar incidents</button></div></li></ul>
  <span data-wayfinder-kind="notice" data-wayfinder-id="x"><button id="in-mark">Entities</button></span>
  <div data-wayfinder-host=""><div role="button" id="in-host" aria-label="Investigate"></div></div>
</body></html>`;
const USER_CONTENT = '.fxs-blade-title-titleText, .ext-details-header-title, .demo-comment-text';
/** @param {...object} tiers */
const tolerant = (...tiers) => ({ tiers, userContent: USER_CONTENT });

describe('tolerant tiers', () => {
  test('a label tier ignores case, signs at the ends and suffixes', () => {
    loadHtml(TOLERANT, AZURE);
    assert.equal(findTarget(probe(text('button', 'Tasks')), 'a'), null, 'the exact tier does not');
    assert.equal(findTarget(tolerant(label('button', 'Tasks')), 'b'), byId('tasks'));
    assert.equal(findTarget(tolerant(label('button', '+ Create incident (Preview)')), 'c'), byId('create'));
    assert.equal(findTarget(tolerant(label('a', 'Comments and history')), 'd'), byId('comments'));
    assert.equal(findTarget(tolerant(label('button', 'Task')), 'e'), null, 'the normal form is compared whole');
  });

  test("an aria-label tier reads an element's aria-label or title", () => {
    loadHtml(TOLERANT, AZURE);
    assert.equal(findTarget(tolerant(ariaLabel('button', 'Incident actions')), 'a'), byId('actions'));
    assert.equal(findTarget(tolerant(ariaLabel('button', 'Activity log')), 'b'), byId('activity'));
    assert.equal(findTarget(tolerant(ariaLabel('button', 'Tasks')), 'c'), null, 'not the text');
  });

  test('a role tier finds an element of its role by its name', () => {
    loadHtml(TOLERANT, AZURE);
    assert.equal(findTarget(tolerant(role('tab', 'Automation rules')), 'a'), byId('rules-tab'));
    assert.equal(findTarget(tolerant(role('menuitem', 'Microsoft incident creation rule')), 'b'), byId('radio'));
    assert.equal(findTarget(tolerant(role('button', 'Logs')), 'c'), byId('div-button'));
    assert.equal(findTarget(tolerant(role('button', 'Incident actions')), 'd'), byId('actions'), 'by its aria-label');
    assert.equal(findTarget(tolerant(role('button', 'Comments and history')), 'e'), byId('comments'), 'a link is something to click');
    assert.equal(findTarget(tolerant(role('button', 'Overview')), 'f'), null, 'a button with the role of a tab is a tab');
    assert.equal(findTarget(tolerant(role('tab', 'Overview')), 'g'), byId('button-tab'));
    assert.equal(findTarget(tolerant(role('checkbox', 'Overview')), 'h'), null, 'an unknown role finds nothing');
  });

  test("never takes an element inside the page's user content", () => {
    loadHtml(TOLERANT, AZURE);
    // The incident's title and a comment carry the names; outside of them nothing does.
    assert.equal(findTarget(tolerant(role('button', 'Add to TI')), 'a'), null);
    assert.equal(findTarget(tolerant(label('button', 'Similar incidents')), 'b'), null);
    assert.equal(findTarget(tolerant(label('h2', 'Tasks')), 'c'), null);
    // Without the user content, the same tiers would take them.
    assert.equal(findTarget(probe(role('button', 'Add to TI')), 'd'), byId('title-link'));
    assert.equal(findTarget(probe(label('button', 'Similar incidents')), 'e'), byId('in-comment'));
  });

  test('never takes one of our own elements or anything inside them', () => {
    loadHtml(TOLERANT, AZURE);
    assert.equal(findTarget(tolerant(label('button', 'Entities')), 'a'), null);
    assert.equal(findTarget(tolerant(role('button', 'Investigate')), 'b'), null);
    assert.equal(findTarget(tolerant(ariaLabel('[role="button"]', 'Investigate')), 'c'), null);
  });

  test('a bad user-content selector only costs the tolerant tier', () => {
    loadHtml(TOLERANT, AZURE);
    const broken = { tiers: [label('button', 'Tasks'), selector('#tasks')], userContent: '[[' };
    assert.equal(findTarget(broken, 'a'), byId('tasks'));
    assert.deepEqual(foundBy('a'), { tier: 1, by: 'selector' });
  });

  test('run on English pages only', () => {
    const page = loadHtml(TOLERANT, AZURE);
    page.documentElement.lang = 'de-DE';
    newPass();
    assert.equal(findTarget(tolerant(label('button', 'Tasks')), 'a'), null);
    assert.equal(findTarget(tolerant(ariaLabel('button', 'Incident actions')), 'b'), null);
    assert.equal(findTarget(tolerant(role('tab', 'Automation rules')), 'c'), null);
  });

  test('come after the exact tiers: the first tier that finds wins, and the find says which', () => {
    loadHtml(TOLERANT, AZURE);
    const tasks = tolerant(selector('[data-telemetryname="Command-Tasks"]'), text('button', 'Tasks'), label('button', 'Tasks'), role('button', 'Tasks'));
    assert.equal(findTarget(tasks, 'tasks'), byId('tasks'));
    assert.deepEqual(foundBy('tasks'), { tier: 2, by: 'label' });
    byId('tasks').setAttribute('data-telemetryname', 'Command-Tasks');
    resetProbes();
    assert.equal(foundBy('tasks'), null, 'a new plan forgets');
    assert.equal(findTarget(tasks, 'tasks'), byId('tasks'));
    assert.deepEqual(foundBy('tasks'), { tier: 0, by: 'selector' });
    assert.equal(findTarget(tasks, 'missing'), byId('tasks'));
    assert.equal(findTarget(tolerant(label('button', 'Playbooks')), 'none'), null);
    assert.equal(foundBy('none'), null);
  });

  test('a tolerant find is kept while it fits, and lost when it moves into user content', () => {
    loadHtml(TOLERANT, AZURE);
    const logs = tolerant(role('button', 'Logs'));
    const element = byId('div-button');
    assert.equal(findTarget(logs, 'logs'), element);
    assert.equal(findTarget(logs, 'logs', noChanges()), element);
    byId('header-title').append(element);
    assert.equal(findTarget(logs, 'logs', noChanges()), null);
  });
});
