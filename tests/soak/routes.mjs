// The soak's two tabs and the route changes it cycles through in each, done the way a user does
// them: by clicking the demo portal's own links, so the portals' routers (pushState in
// Defender, hash routes in the Azure portal) and their re-renders run as they do for a user.
// Each step names what the overlay must then show: the new route's catalog item, or no
// overlay at all on a route the extension does not annotate. The Defender tab passes through
// Settings, where the panel is unmounted, so its overlay is mounted again every cycle; the Azure
// tab stays on Sentinel blades, so one overlay iframe lives through the whole soak.
import { azureBladeUrls, demo } from '../support/browser.mjs';

/** Clicks the first element matching `selector` in the page's main world (the demo's routers listen for clicks). */
const click = (selector) => ({ clicks: [selector] });
const item = (id) => ({ item: id });
const NONE = Object.freeze({ item: null });

export const TABS = [
  {
    key: 'defender',
    label: 'Defender',
    start: `https://security.microsoft.com/?tid=${demo.tenant}`,
    startItem: 'overview',
    steps: [
      { name: 'incident queue', ...click('nav a[href^="/incidents?"]'), ...item('incidents') },
      { name: 'incident page', ...click('main a[href^="/incidents/"]'), ...item('incident-page') },
      { name: 'advanced hunting', ...click('nav a[href^="/v2/advanced-hunting"]'), ...item('logs') },
      { name: 'sentinel hunting', ...click('nav a[href^="/sentinel/hunting"]'), ...item('hunting') },
      { name: 'settings', ...click('nav a[href^="/securitysettings"]'), ...NONE },
      { name: 'sentinel settings', ...click('main a[href^="/sentinel/settings"]'), ...item('settings') },
      { name: 'sentinel analytics', ...click('nav a[href^="/sentinel/analytics"]'), ...item('analytics') },
      { name: 'alerts', ...click('nav a[href^="/alerts"]'), ...item('alerts') },
      { name: 'home', ...click('nav a[href^="/?"]'), ...item('overview') },
    ],
  },
  {
    key: 'azure',
    label: 'Azure',
    start: azureBladeUrls('DataConnectors')['view with encoded id'],
    startItem: 'data-connectors',
    steps: [
      { name: 'incidents blade', ...click('a[data-telemetryname="Menu-Incidents"]'), ...item('incidents') },
      // The queue's rows open a details pane; its "View full details" link opens the incident.
      { name: 'incident page', clicks: ['.fxc-gc-row[role="row"]', 'a[href^="#asset/"]'], ...item('incident-page') },
      { name: 'incidents blade (breadcrumb)', ...click('a[href*="MainMenuBlade/~/Incidents/"]'), ...item('incidents') },
      { name: 'overview blade', ...click('a[data-telemetryname="Menu-0"]'), ...item('overview') },
      { name: 'hunting blade', ...click('a[data-telemetryname="Menu-Hunting"]'), ...item('hunting') },
      { name: 'analytics blade', ...click('a[data-telemetryname="Menu-Analytics"]'), ...item('analytics') },
      { name: 'logs blade', ...click('a[data-telemetryname="Menu-Logs"]'), ...item('logs') },
      { name: 'workspace manager blade', ...click('a[data-telemetryname="Menu-WorkspaceManager"]'), ...item('workspace-manager') },
      { name: 'settings blade', ...click('a[data-telemetryname="Menu-Settings"]'), ...item('settings') },
      { name: 'data connectors blade', ...click('a[data-telemetryname="Menu-DataConnectors"]'), ...item('data-connectors') },
    ],
  },
];

/**
 * Runs in the page's main world: clicks each selector's first match in turn (a missing one is
 * an error: the demo changed) and returns the wall-clock time of the last click. It also notes
 * when the page's next animation frame starts (`window.__soakFrameAfterClick`): the content
 * script checks the route in that frame, so a late frame delays the overlay by as much.
 */
export function clickInPage(selectors) {
  for (const selector of selectors) {
    const element = document.querySelector(selector);
    if (!element) throw new Error(`no element matches ${selector} on ${location.href}`);
    element.click();
  }
  window.__soakFrameAfterClick = null;
  requestAnimationFrame(() => {
    window.__soakFrameAfterClick = performance.timeOrigin + performance.now();
  });
  return performance.timeOrigin + performance.now();
}
