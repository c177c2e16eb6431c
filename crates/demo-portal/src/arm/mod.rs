//! `management.azure.com`: the ARM calls of `docs/onboarding-arm.md`, answered from the
//! scenario the caller's token selects.
//!
//! Order of checks, as ARM does it: CORS preflight (no token needed) → the token (401) →
//! faults injected for every call (`err-401`) → the method (read-only demo) → the path (404
//! for anything outside the contract) → `api-version` (400, exactly the contract's version) →
//! `$skipToken` → the subscription (404, or 401 when it belongs to another demo tenant) →
//! faults injected for this step → the resource group and workspace (404) → the body, paged.
//!
//! Why pure: [`route`] takes the data, the state and the request and returns the reply, with
//! a delay when a scenario asks for one; the server only sleeps and writes.

pub mod access;
pub mod auth;
pub mod error;
pub mod faults;
pub mod incidents;
pub mod paging;
pub mod path;
pub mod resources;
pub mod sentinel;

use serde_json::Value;

use faults::Decision;
use path::{Endpoint, WsRef};

use crate::request::{DemoRequest, Method, Reply};
use crate::routes::DemoResponse;
use crate::scenarios::{self, ArmData, ResourceGroup, Scenario, Step, Subscription, Workspace};
use crate::state::DemoState;

/// A workspace found in a scenario, with everything above it.
#[derive(Debug, Clone, Copy)]
pub struct Place<'d> {
    /// The scenario.
    pub scenario: &'d Scenario,
    /// The subscription.
    pub sub: &'d Subscription,
    /// The resource group.
    pub rg: &'d ResourceGroup,
    /// The workspace.
    pub ws: &'d Workspace,
}

impl Place<'_> {
    /// The workspace's resource id, in the data's spelling.
    pub fn ws_id(&self) -> String {
        format!(
            "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.OperationalInsights/workspaces/{}",
            self.sub.id, self.rg.name, self.ws.name
        )
    }

    /// A seed for ids derived from this workspace.
    pub fn seed(&self, what: &str) -> String {
        format!(
            "{}/{}/{}/{}/{what}",
            self.scenario.id, self.sub.id, self.rg.name, self.ws.name
        )
    }
}

/// Answers one request to the ARM host.
pub fn route(data: &ArmData, state: &mut DemoState, req: &DemoRequest) -> Reply {
    let reply = handle(data, state, req);
    Reply {
        response: error::decorate(reply.response, state, req),
        delay: reply.delay,
    }
}

/// Counts a call of `step` made with `token`; returns its number (1 for the first).
fn count_call(state: &mut DemoState, token: &str, step: Step) -> u32 {
    state.session_mut(token).map_or(1, |s| {
        let n = s.calls.entry(step).or_insert(0);
        *n = n.saturating_add(1);
        *n
    })
}

fn handle(data: &ArmData, state: &mut DemoState, req: &DemoRequest) -> Reply {
    if req.method == Method::Options {
        return error::preflight().into();
    }
    let now = req.now_unix;
    let path = req.path();
    let endpoint = path::parse(path);
    let owner_of_path = endpoint
        .and_then(|e| e.subscription())
        .and_then(|s| data.subscription_owner(s))
        .and_then(|i| data.scenarios.get(i));
    let (token, index) = match auth::authenticate(state, req.authorization.as_deref(), now) {
        Ok(found) => found,
        Err(failure) => {
            let tenant = owner_of_path.map_or("common", |s| s.tenant_id.as_str());
            return auth::refuse(failure, tenant, now).into();
        }
    };
    let Some(scenario) = data.scenarios.get(index) else {
        return error::error(500, "InternalServerError", "The token's scenario is gone.").into();
    };
    let tracking_id = state.fresh_guid();
    let mut ctx = faults::Context {
        step: Step::All,
        path,
        subscription: endpoint.and_then(|e| e.subscription()),
        now,
        tracking_id: &tracking_id,
    };
    let call = count_call(state, &token, Step::All);
    let mut pending = faults::decide(scenario, Step::All, call, &ctx);
    if let Some(Decision::Answer(r)) = pending {
        return r.into();
    }
    if !req.method.is_read() {
        return error::error(
            405,
            "MethodNotAllowed",
            &format!(
                "The demo ARM endpoint is read-only: '{}' is not supported.",
                req.method.name()
            ),
        )
        .into();
    }
    let Some(endpoint) = endpoint else {
        return error::error(
            404,
            "NotFound",
            &format!("The demo ARM endpoint does not implement '{path}'."),
        )
        .into();
    };
    let step = endpoint.step();
    let api_version = path::api_version(step);
    if let Err(r) = check_api_version(req, api_version) {
        return r.into();
    }
    let offset = match paging::offset(req) {
        Ok(o) => o,
        Err(r) => return r.into(),
    };
    if let Some(sub) = endpoint.subscription() {
        if scenario.subscription(sub).is_none() {
            return foreign_subscription(scenario, owner_of_path, sub).into();
        }
    }
    ctx.step = step;
    let call = count_call(state, &token, step);
    match faults::decide(scenario, step, call, &ctx) {
        Some(Decision::Answer(r)) => return r.into(),
        Some(d) => pending = Some(d),
        None => {}
    }
    if let Some(fault) = incident_fault(scenario, endpoint) {
        match faults::decision(scenario, &fault, &ctx) {
            Decision::Answer(r) => return r.into(),
            d => pending = Some(d),
        }
    }
    let mut response = match body(data, scenario, endpoint, offset, path, api_version, now) {
        Ok(v) => error::json(200, &v),
        Err(r) => r,
    };
    let mut delay = None;
    match pending {
        Some(Decision::Truncate) if response.status == 200 => {
            response.body = faults::truncate(&response.body);
        }
        Some(Decision::Delay(d)) => delay = Some(d),
        _ => {}
    }
    Reply { response, delay }
}

fn check_api_version(req: &DemoRequest, expected: &str) -> Result<(), DemoResponse> {
    let params = req.query_params();
    let Some((_, given)) = params
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("api-version"))
    else {
        return Err(error::error(
            400,
            "MissingApiVersionParameter",
            "The api-version query parameter (?api-version=) is required for all requests.",
        ));
    };
    if given != expected {
        return Err(error::error(
            400,
            "InvalidApiVersionParameter",
            &format!(
                "The api-version '{given}' is invalid. The supported versions are '{expected}'."
            ),
        ));
    }
    Ok(())
}

/// A subscription the caller's scenario does not have: another demo tenant's (401, as ARM
/// answers a token from the wrong tenant) or nobody's (404).
fn foreign_subscription(scenario: &Scenario, owner: Option<&Scenario>, sub: &str) -> DemoResponse {
    match owner {
        Some(other) => error::unauthorized(
            &other.tenant_id,
            "InvalidAuthenticationTokenTenant",
            &format!(
                "The access token is from the wrong issuer 'https://sts.windows.net/{}/'. It must match the tenant 'https://sts.windows.net/{}/' associated with this subscription. Please use the authority (URL) 'https://login.windows.net/{}' to get the token.",
                scenario.tenant_id, other.tenant_id, other.tenant_id
            ),
            "The access token is from the wrong issuer.",
        ),
        None => error::error(
            404,
            "SubscriptionNotFound",
            &format!("The subscription '{sub}' could not be found."),
        ),
    }
}

fn locate<'d>(scenario: &'d Scenario, w: WsRef<'_>) -> Result<Place<'d>, DemoResponse> {
    let Some(sub) = scenario.subscription(w.sub) else {
        return Err(error::error(
            404,
            "SubscriptionNotFound",
            &format!("The subscription '{}' could not be found.", w.sub),
        ));
    };
    let Some(rg) = sub.resource_group(w.rg) else {
        return Err(error::error(
            404,
            "ResourceGroupNotFound",
            &format!("Resource group '{}' could not be found.", w.rg),
        ));
    };
    let Some(ws) = rg.workspace(w.name) else {
        return Err(error::error(
            404,
            "ResourceNotFound",
            &format!(
                "The Resource 'Microsoft.OperationalInsights/workspaces/{}' under resource group '{}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix",
                w.name, w.rg
            ),
        ));
    };
    Ok(Place {
        scenario,
        sub,
        rg,
        ws,
    })
}

/// 404 for Microsoft Sentinel content of a workspace without Sentinel.
fn sentinel_off(place: &Place<'_>, what: &str) -> DemoResponse {
    error::error(
        404,
        "NotFound",
        &format!(
            "Resource '{what}' was not found: Microsoft Sentinel is not enabled on workspace '{}'.",
            place.ws.name
        ),
    )
}

/// The fault of the incident an incident read names, when it has one.
fn incident_fault(scenario: &Scenario, endpoint: Endpoint<'_>) -> Option<scenarios::Fault> {
    let Endpoint::Incident(w, name) = endpoint else {
        return None;
    };
    let place = locate(scenario, w).ok()?;
    incidents::find(&place, name).and_then(incidents::fault)
}

fn body(
    data: &ArmData,
    scenario: &Scenario,
    endpoint: Endpoint<'_>,
    offset: usize,
    path: &str,
    api_version: &str,
    now: i64,
) -> Result<Value, DemoResponse> {
    let page = |items: Vec<Value>| paging::page(items, offset, path, api_version);
    match endpoint {
        Endpoint::Subscriptions => Ok(page(resources::subscriptions(scenario))),
        Endpoint::Workspaces(sub) | Endpoint::RoleAssignments(sub) => {
            let Some(s) = scenario.subscription(sub) else {
                return Err(foreign_subscription(scenario, None, sub));
            };
            Ok(page(if matches!(endpoint, Endpoint::Workspaces(_)) {
                resources::workspaces(scenario, s)
            } else {
                access::role_assignments(data, scenario, s)
            }))
        }
        Endpoint::OnboardingState(w, name) => {
            let place = locate(scenario, w)?;
            if !place.ws.sentinel_enabled || !name.eq_ignore_ascii_case("default") {
                return Err(sentinel_off(&place, &format!("onboardingStates/{name}")));
            }
            Ok(sentinel::onboarding_state(&place))
        }
        Endpoint::DataConnectors(w) | Endpoint::AlertRules(w) | Endpoint::AutomationRules(w) => {
            let place = locate(scenario, w)?;
            let step = endpoint.step();
            if !place.ws.sentinel_enabled {
                return Err(sentinel_off(&place, path::resource_type(step)));
            }
            Ok(page(match step {
                Step::DataConnectors => sentinel::data_connectors(&place),
                Step::AlertRules => sentinel::alert_rules(&place),
                _ => sentinel::automation_rules(&place),
            }))
        }
        Endpoint::Permissions(w) => Ok(page(access::permissions(data, &locate(scenario, w)?))),
        Endpoint::Tables(w) => Ok(page(resources::tables(&locate(scenario, w)?))),
        Endpoint::Incident(w, name) => {
            let place = locate(scenario, w)?;
            if !place.ws.sentinel_enabled {
                return Err(sentinel_off(&place, &format!("incidents/{name}")));
            }
            match incidents::find(&place, name) {
                Some(incident) => Ok(incidents::body(&place, incident, now)),
                None => Err(error::error(
                    404,
                    "NotFound",
                    &format!(
                        "Incident '{name}' was not found in workspace '{}'.",
                        place.ws.name
                    ),
                )),
            }
        }
    }
}

#[cfg(test)]
mod tests;
