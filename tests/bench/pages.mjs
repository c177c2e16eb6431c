// The demo-portal pages the bench visits, with the real portal URLs (the demo serves them
// under the real hostnames). One place, so every scenario names the same pages.
import { azureBladeUrls, demo } from '../support/browser.mjs';

const defender = (path) => `https://security.microsoft.com${path}${path.includes('?') ? '&' : '?'}tid=${demo.tenant}`;
const azureIncidents = azureBladeUrls('Incidents')['view with encoded id'];

/** Page loads compared with and without the extension (scripting, long tasks, memory). */
export const LOAD_PAGES = [
  { key: 'defender-incidents', label: 'Defender incidents queue', url: defender('/incidents') },
  // The Incidents blade renders in the top document (other Sentinel blades are React views in
  // a reactblade iframe, another process that the page's metrics would not include), and the
  // extension does the most there: a hint plus a notice anchored at "Create incident".
  { key: 'azure-incidents', label: 'Azure Sentinel › Incidents blade', url: azureIncidents },
];

/**
 * SPA route changes. `mount`: from a page without overlay to one with (the content script
 * mounts its host element); `update`: between two annotated pages (the open overlay shows the
 * new page's item). Defender routes with pushState links, the Azure portal with hash routes
 * (assigned to location.hash, and its menu's links, which push `#view/...` URLs).
 */
export const ROUTES = [
  {
    key: 'defender',
    label: 'Defender (pushState)',
    start: defender('/securitysettings'),
    mount: { click: 'nav a[href^="/incidents?"]', expect: '[data-wayfinder-id="incidents"]' },
    update: { click: 'nav a[href^="/v2/advanced-hunting"]', expect: '[data-wayfinder-id="logs"]' },
  },
  {
    key: 'azure',
    label: 'Azure (hash routes)',
    start: 'https://portal.azure.com/#home',
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
