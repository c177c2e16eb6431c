// Options shell: reads the stored settings and saves what the leptos form hands back.
import init, { mountOptions } from './wasm/wayfinder.js';
import { settingsHooks } from './tab-state.js';

await init();
mountOptions(document.getElementById('root'), await settingsHooks.load(), settingsHooks.save);
