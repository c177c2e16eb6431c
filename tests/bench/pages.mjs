// The demo-portal pages the bench visits, with the real portal URLs (the demo serves them
// under the real hostnames). One place, so every scenario names the same pages.
import { azureBladeUrls, demo } from '../support/browser.mjs';

const defender = (path) => `https://security.microsoft.com${path}${path.includes('?') ? '&' : '?'}tid=${demo.tenant}`;
const azureIncidents = azureBladeUrls('Incidents')['view with encoded id'];

/** Page loads compared across the profiles (task time, scripting, long tasks, memory). */
export const LOAD_PAGES = [
  { key: 'defender-incidents', label: 'Defender incidents queue', url: defender('/incidents') },
  // The Incidents blade renders in the top document (other Sentinel blades are React views in
  // a reactblade iframe, another process that the page's metrics would not include), and the
  // extension does the most there: a hint plus a notice anchored at "Create incident".
  { key: 'azure-incidents', label: 'Azure Sentinel › Incidents blade', url: azureIncidents },
];

/**
 * SPA route changes. `update`: from one annotated page (`annotated`, the `mount` target) to
 * another: with the panel closed the previous page's marks go and the new page's items (pill,
 * marks) are drawn; with the panel open the overlay shows the new page's item (`expect`). Every
 * profile times this change. `mount` (panel open only): from `start`, a page without panel, to
 * an annotated one (the content script mounts the panel's host). Defender routes with pushState
 * links, the Azure portal with hash routes (assigned to location.hash, and its menu's links,
 * which push `#view/...` URLs).
 */
export const ROUTES = [
  {
    key: 'defender',
    label: 'Defender (pushState)',
    start: defender('/securitysettings'),
    annotated: defender('/incidents'),
    mount: { click: 'nav a[href^="/incidents?"]', expect: '[data-wayfinder-id="incidents"]' },
    update: { click: 'nav a[href^="/v2/advanced-hunting"]', expect: '[data-wayfinder-id="logs"]' },
  },
  {
    key: 'azure',
    label: 'Azure (hash routes)',
    start: 'https://portal.azure.com/#home',
    annotated: azureIncidents,
    mount: { hash: new URL(azureIncidents).hash, expect: '[data-wayfinder-id="incidents"]' },
    update: { click: 'a[data-telemetryname="Menu-Hunting"]', expect: '[data-wayfinder-id="hunting"]' },
  },
];

/** Pages that get 30 s of DOM churn: ones where the content script watches the page. */
export const CHURN_PAGES = [
  // Notice anchored by a CSS selector (the cheap probe tier).
  { key: 'azure-incidents', label: 'Azure Incidents blade', url: azureIncidents },
  // Notices anchored by label text ('IdentityInfo' within '[role="treeitem"], li, span'): every
  // pass reads the text of candidate elements, the costliest probe tier.
  { key: 'defender-hunting', label: 'Defender Advanced hunting', url: defender('/v2/advanced-hunting') },
];

/** Where the service-worker cold start is timed. */
export const COLD_START_PAGE = LOAD_PAGES[0];

/**
 * Every page a scenario visits, loaded once by each browser before measuring: the network stack
 * and code caches warm up in every profile, and with the extension each kind of page has had its
 * first visit (which opens the panel by itself), so a closed panel stays closed afterwards.
 */
export const WARM_PAGES = [...new Set([
  ...LOAD_PAGES.map((p) => p.url),
  ...CHURN_PAGES.map((p) => p.url),
  ...ROUTES.flatMap((r) => [r.start, r.annotated]),
  defender('/v2/advanced-hunting'),
  azureBladeUrls('Hunting')['view with encoded id'],
])];
