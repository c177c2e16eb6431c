//! The service worker's onboarding entry points: the sign-in steps, the ARM reading and the
//! tenant view. The shell (`extension/background.js`) only makes random values and the SHA-256,
//! opens the sign-in window, fetches and stores; every check and decision is the core's.

use crate::from_js::decode;
use crate::to_js;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wayfinder_core::onboarding::run::{self, ArmRecord};
use wayfinder_core::onboarding::signin::{self, AppRegistration, FlowSecrets, SessionToken};
use wayfinder_core::onboarding::{read_answer, tenant_view, Collection, Inputs, PageEvidence};
use wayfinder_core::settings::Settings;

/// A step's outcome for the shell: a value, or the message to show.
#[derive(Serialize)]
struct Step<T: Serialize> {
    ok: Option<T>,
    error: Option<String>,
}

fn step<T: Serialize>(result: Result<T, String>) -> JsValue {
    to_js(&match result {
        Ok(ok) => Step {
            ok: Some(ok),
            error: None,
        },
        Err(error) => Step {
            ok: None,
            error: Some(error),
        },
    })
}

/// The authorize URL for `app` (from the worker's `read-arm` action) with the shell's
/// `secrets` (`{state, challenge}`), as `{ok: url}` or `{error}`.
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = signInUrl))]
pub fn sign_in_url(app: JsValue, redirect_uri: String, secrets: JsValue) -> JsValue {
    step(decode::<AppRegistration>(&app).and_then(|app| {
        let secrets = decode::<FlowSecrets>(&secrets)?;
        signin::authorize_url(&app, &redirect_uri, &secrets)
    }))
}

/// The code from the URL the sign-in window ended at, as `{ok: code}` or `{error}`.
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = signInCode))]
pub fn sign_in_code(final_url: String, redirect_uri: String, state: String) -> JsValue {
    step(signin::read_redirect(&final_url, &redirect_uri, &state))
}

/// The token request: `{ok: {url, body}}` (a form body) or `{error}`.
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = tokenRequest))]
pub fn token_request(
    app: JsValue,
    code: String,
    redirect_uri: String,
    verifier: String,
) -> JsValue {
    #[derive(Serialize)]
    struct Post {
        url: String,
        body: String,
    }
    step(decode::<AppRegistration>(&app).map(|app| Post {
        url: signin::token_url(&app),
        body: signin::token_form(&app, &code, &redirect_uri, &verifier),
    }))
}

/// The token endpoint's answer (`body` is `null` when it was not JSON) as `{ok: token}` to keep
/// in session storage, or `{error}`.
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = readToken))]
pub fn read_token(status: u16, body: JsValue, now_ms: f64) -> JsValue {
    let answer = decode(&body).unwrap_or_default();
    step(signin::read_token(status, answer, now_ms as i64))
}

/// Is the stored token (or `null`) still usable?
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = tokenFresh))]
pub fn token_fresh(token: JsValue, now_ms: f64) -> bool {
    decode::<SessionToken>(&token).is_ok_and(|t| t.is_fresh(now_ms as i64))
}

/// One ARM reading of a tenant, driven by the shell: `next()` gives a request (`{id, call, url,
/// delaySecs, attempt}`) or `null`, each answer goes to `absorb`, and `settle` gives the record
/// to store once `done()`.
#[cfg_attr(feature = "exports", wasm_bindgen)]
pub struct ArmReading {
    collection: Collection,
}

#[cfg_attr(feature = "exports", wasm_bindgen)]
impl ArmReading {
    /// A reading that starts with the subscription list.
    #[cfg_attr(feature = "exports", wasm_bindgen(constructor))]
    pub fn new() -> ArmReading {
        ArmReading {
            collection: Collection::start(),
        }
    }

    /// The next request to fetch, or `null` (wait for answers in flight, or done).
    #[cfg_attr(feature = "exports", wasm_bindgen(js_name = next))]
    pub fn next_request(&mut self) -> JsValue {
        match self.collection.next_request() {
            Some(request) => to_js(&request),
            None => JsValue::NULL,
        }
    }

    /// Takes the answer to request `id`: its status, `Retry-After` header and body (`null` when
    /// not JSON), or `timedOut` when the deadline passed first.
    pub fn absorb(
        &mut self,
        id: u32,
        status: u16,
        retry_after: Option<String>,
        body: JsValue,
        timed_out: bool,
        now_ms: f64,
    ) {
        let Some(call) = self.collection.call_of(id).cloned() else {
            return;
        };
        let answer = if timed_out {
            Err(wayfinder_core::arm::ArmError::Timeout)
        } else {
            let body = (!body.is_null() && !body.is_undefined()).then(|| crate::from_js::Js(body));
            let now_unix = (now_ms / 1000.0) as i64;
            read_answer(&call, status, retry_after.as_deref(), now_unix, body)
        };
        self.collection.absorb(id, answer);
    }

    /// Nothing left to ask and nothing in flight.
    pub fn done(&self) -> bool {
        self.collection.is_done()
    }

    /// The record to store: this reading's facts, or the `previous` record's when this one got
    /// nothing (see `onboarding::run`).
    pub fn settle(&self, previous: JsValue, now_ms: f64) -> JsValue {
        let previous = decode::<ArmRecord>(&previous).ok();
        to_js(&run::settle(
            previous,
            self.collection.facts().clone(),
            now_ms as i64,
        ))
    }
}

impl Default for ArmReading {
    fn default() -> Self {
        Self::new()
    }
}

/// The record while a reading runs (`message` absent), or after sign-in failed with `message`;
/// the `previous` record's facts are kept either way.
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = armRecord))]
pub fn arm_record(previous: JsValue, message: Option<String>) -> JsValue {
    let previous = decode::<ArmRecord>(&previous).ok();
    to_js(&match message {
        None => run::reading(previous),
        Some(message) => run::sign_in_failed(previous, message),
    })
}

/// The tenant view of `tenant` from its stored page evidence and ARM record (each `null` when
/// none) and the stored `settings` (with a valid app registration the view offers sign-in).
/// Anything stored that no longer decodes counts as absent rather than blocking the status.
#[cfg_attr(feature = "page-exports", wasm_bindgen(js_name = onboardingView))]
pub fn onboarding_view(
    tenant: String,
    evidence: JsValue,
    record: JsValue,
    settings: JsValue,
) -> JsValue {
    let configured = decode::<Settings>(&settings)
        .ok()
        .and_then(|s| s.sign_in)
        .is_some_and(|app| app.check().is_ok());
    let evidence = decode::<PageEvidence>(&evidence).unwrap_or_default();
    let record = decode::<ArmRecord>(&record).ok();
    let idle = run::idle_status(configured);
    to_js(&tenant_view(Inputs {
        tenant: &tenant,
        page: &evidence,
        arm: record.as_ref().map(|r| &r.facts),
        arm_status: record.as_ref().map_or(&idle, |r| &r.status),
    }))
}
