//! Who may send which message, and what the service worker does with it.
//!
//! A request is accepted only from the sender that may send it (content script of a portal top
//! frame, content script of a portal frame, or one of our own pages). A compromised page
//! renderer can forge a content script's message, so nothing a message says is trusted beyond
//! what its sender may ask; `docs/threat-model.md` lists the rules this module enforces.

use crate::attention;
use crate::ids::{is_plain_id, is_tenant_guid};
use crate::model::{AppRegistration, Frame, OverlayKind, Portal};
use crate::onboarding;
use crate::plan;
use crate::protocol::{
    found_entry, Action, Clock, OnboardingOp, ProbeResult, Request, Sender, MAX_REPORT_IDS,
    MAX_URL_LEN,
};
use crate::route;
use crate::settings::Settings;
use crate::sync;
use crate::url;

fn reject(reason: impl Into<String>) -> Action {
    Action::Reject {
        reason: reason.into(),
    }
}

/// Which portal document sent a message, from the sender's URL and frame id.
fn sender_document(sender: &Sender) -> Option<Frame> {
    let host = url::split(sender.url.as_deref().unwrap_or_default())
        .map(|p| p.host)
        .unwrap_or_default();
    match (route::portal_of_host(&host), sender.frame_id) {
        (Some(Portal::AzureBladeFrame), Some(id)) if id > 0 => Some(Frame::Blade),
        (Some(p), Some(0)) if p != Portal::AzureBladeFrame => Some(Frame::Top),
        _ => None,
    }
}

fn valid_ids(ids: &[String]) -> bool {
    ids.len() <= MAX_REPORT_IDS && ids.iter().all(|id| is_plain_id(id))
}

/// Found anchors: bounded, each a plain id with a tier index within a probe's most tiers.
fn valid_found(found: &[String]) -> bool {
    found.len() <= MAX_REPORT_IDS && found.iter().all(|entry| found_entry(entry).is_some())
}

/// `scheme://host` of an absolute URL (port dropped: the portals are on 443).
fn origin_of(u: &str) -> Option<String> {
    url::split(u).map(|p| format!("{}://{}", p.scheme, p.host))
}

/// Is the sender our popup or options page (never the overlay iframe, which sits inside a portal
/// tab)?
fn is_settings_page(sender: &Sender) -> bool {
    let url = sender.url.as_deref().unwrap_or_default();
    let Some(path) = url.strip_prefix(sender.extension_origin.as_str()) else {
        return false;
    };
    let path = path.split(['?', '#']).next().unwrap_or_default();
    !sender.extension_origin.is_empty() && matches!(path, "/popup.html" | "/options.html")
}

/// The app registration to sign in with for a tenant key: a page's `tid` is the directory the
/// user works in, so it is the authority; `home` signs in to the configured tenant.
fn sign_in_for(app: &AppRegistration, tenant: &str) -> AppRegistration {
    AppRegistration {
        tenant: if tenant == "home" {
            app.tenant.trim().to_string()
        } else {
            tenant.to_string()
        },
        client_id: app.client_id.trim().to_string(),
    }
}

/// The ARM read that can confirm an incident page's sync state: only with onboarding status on
/// and a valid app registration, and only for the tenant the page was loaded for (a page can
/// change its URL, not the document it was loaded as).
fn arm_read(
    route: &route::Route,
    sender_url: &str,
    settings: &Settings,
) -> Option<sync::confirm::IncidentRead> {
    let app = settings.sign_in.as_ref().filter(|a| a.check().is_ok())?;
    if !settings.onboarding {
        return None;
    }
    let tenant = plan::tenant_key(route)?;
    let loaded_as = route::classify(sender_url).and_then(|r| plan::tenant_key(&r));
    if loaded_as.as_deref() != Some(tenant.as_str()) {
        return None;
    }
    let app = sign_in_for(app, &tenant);
    sync::confirm::incident_read(route, &tenant, &app.client_id)
}

/// A page URL a content script names (its route, after in-page navigation): bounded, and of the
/// sender's own origin, so a frame can speak only for its own portal.
fn same_origin_page(url: &str, sender_url: &str) -> Result<(), &'static str> {
    if url.len() > MAX_URL_LEN {
        return Err("url too long");
    }
    if origin_of(url) != origin_of(sender_url) {
        return Err("a page URL of another origin than its sender");
    }
    Ok(())
}

/// Decides what to do with a decoded `request` from `sender`.
pub fn decide(request: Request, sender: &Sender, settings: &Settings, clock: &Clock) -> Action {
    if !sender.same_extension {
        return reject("sender is not this extension");
    }
    let sender_url = sender.url.as_deref().unwrap_or_default();
    match request {
        Request::PageChanged { url } => {
            let Some(tab_id) = sender.tab_id else {
                return reject("page-changed without a tab");
            };
            if sender.frame_id != Some(0) {
                return reject("page-changed from a sub-frame");
            }
            let from_portal_top =
                route::portal_of_host(&url::split(sender_url).map(|p| p.host).unwrap_or_default())
                    .is_some_and(|p| p != Portal::AzureBladeFrame);
            if !from_portal_top {
                return reject("page-changed from a document that is not a portal page");
            }
            if let Err(reason) = same_origin_page(&url, sender_url) {
                return reject(reason);
            }
            let plan = plan::plan_for_url(&url, clock.local_date().as_deref(), settings);
            Action::StorePlan {
                tab_id,
                news: attention::plan_news(&plan),
                plan,
            }
        }
        Request::FrameReady => match (sender_document(sender), sender.tab_id) {
            (Some(Frame::Blade), Some(tab_id)) => Action::ReplyAnchors { tab_id },
            _ => reject("frame-ready from a document that is not a portal blade frame"),
        },
        Request::ProbeReport { found, missing } => {
            let (Some(frame), Some(tab_id)) = (sender_document(sender), sender.tab_id) else {
                return reject("probe-report from a document that is not a portal page");
            };
            if !valid_found(&found) || !valid_ids(&missing) {
                return reject("probe-report with malformed ids or tiers");
            }
            // The ids: every entry is `<id>:<tier>` (checked above).
            let ids: Vec<String> = found
                .iter()
                .map(|entry| entry.split(':').next().unwrap_or_default().to_string())
                .collect();
            Action::StoreHealth {
                tab_id,
                frame,
                news: attention::found_news(&ids),
                report: ProbeResult { found, missing },
            }
        }
        Request::PageFacts { url, facts } => {
            let (Some(Frame::Top), Some(tab_id)) = (sender_document(sender), sender.tab_id) else {
                return reject("page-facts from a document that is not a portal top frame");
            };
            if let Err(reason) = facts.check() {
                return reject(reason);
            }
            if let Err(reason) = same_origin_page(&url, sender_url) {
                return reject(reason);
            }
            let Some(route) = route::classify(&url) else {
                return reject("page-facts from a page that is not a portal page");
            };
            if onboarding::spec::is_evidence_page(&route) {
                if !settings.onboarding {
                    return reject("page-facts while onboarding status is off");
                }
                // The page can change its URL (pushState); the document it was loaded as cannot.
                let loaded_as = route::classify(sender_url).and_then(|r| plan::tenant_key(&r));
                return match plan::tenant_key(&route) {
                    Some(tenant) if loaded_as.as_deref() == Some(tenant.as_str()) => {
                        Action::StoreEvidence {
                            tab_id,
                            tenant,
                            facts,
                        }
                    }
                    Some(_) => reject("page-facts for another tenant than the page was loaded for"),
                    None => reject("page-facts for a tenant that is not a GUID"),
                };
            }
            if !settings.shows(OverlayKind::Sync, plan::SYNC_ID) {
                return reject("page-facts while sync indicators are off");
            }
            match sync::view_for(&route, &facts, clock.now()) {
                Some(view) => Action::StoreSync {
                    tab_id,
                    news: attention::sync_news(&url, &view),
                    arm: arm_read(&route, sender_url, settings).map(|read| {
                        sync::confirm::IncidentRead {
                            page: url.clone(),
                            ..read
                        }
                    }),
                    view,
                },
                None => reject("page-facts from a page without sync indicators"),
            }
        }
        Request::Onboarding { op, tenant } => {
            if !is_settings_page(sender) {
                return reject("onboarding from a document that is not the popup or options");
            }
            if tenant != "home" && !is_tenant_guid(&tenant) {
                return reject("onboarding with a malformed tenant key");
            }
            match op {
                OnboardingOp::SignOut => Action::SignOut { tenant },
                OnboardingOp::Read if !settings.onboarding => {
                    reject("onboarding read while onboarding status is off")
                }
                OnboardingOp::Read => match &settings.sign_in {
                    Some(app) if app.check().is_ok() => Action::ReadArm {
                        app: sign_in_for(app, &tenant),
                        tenant,
                    },
                    _ => reject("onboarding read without a valid app registration"),
                },
            }
        }
        Request::PanelChoice { choice } => match (sender_document(sender), sender.tab_id) {
            (Some(Frame::Top), Some(tab_id)) => Action::StorePanelChoice { tab_id, choice },
            _ => reject("panel-choice from a document that is not a portal top frame"),
        },
        Request::OverlayReady { key } => {
            if origin_of(sender_url).as_deref() != Some(sender.extension_origin.as_str()) {
                return reject("overlay-ready from a document that is not ours");
            }
            match sender.tab_id {
                Some(tab_id) => Action::ReplyTab { tab_id, key },
                None => reject("overlay-ready outside a tab"),
            }
        }
    }
}

#[cfg(test)]
mod tests;
