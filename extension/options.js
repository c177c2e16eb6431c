// Options shell: reads the stored settings and the administrator's policy, and saves what the
// leptos form hands back; names the redirect URI the user registers for sign-in (what
// chrome.identity.getRedirectURL() returns); saves exported settings files; asks for or gives
// back the US Government portals.
import init, { mountOptions } from './wasm/pages.js';
import { download, markPageLanguage, onPolicyChange, settingsHooks } from './tab-state.js';
import { governmentAllowed, setGovernmentAllowed } from './government.js';

markPageLanguage();
document.title = chrome.i18n.getMessage('optionsTitle');

await init();
mountOptions(
  document.getElementById('root'),
  await settingsHooks.load(),
  await settingsHooks.managed(),
  settingsHooks.save,
  `https://${chrome.runtime.id}.chromiumapp.org/`,
  download,
  { allowed: governmentAllowed, set: setGovernmentAllowed },
);
// The administrator's policy changed (or its first copy arrived): the form starts afresh with it.
onPolicyChange(() => location.reload());
