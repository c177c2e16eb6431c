// Popup shell: shows the plan the service worker keeps for the active tab.
import init, { mountPopup, setPlan } from './wasm/wayfinder_ui.js';

await init();
mountPopup(document.getElementById('root'));
const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
const key = tab ? `plan:${tab.id}` : null;
setPlan(key ? (await chrome.storage.session.get(key))[key] : null);
