// Options shell: reads the stored settings and saves what the leptos form hands back.
import init, { mountOptions } from './wasm/wayfinder.js';

await init();
const { settings } = await chrome.storage.sync.get('settings');
mountOptions(document.getElementById('root'), settings ?? null, (next) => chrome.storage.sync.set({ settings: next }));
