//! Injected errors of the `err-*` scenarios: what a faulty step answers instead.
//!
//! Why pure: whether the n-th call of a step fails, and with what, is decided from the
//! scenario's data and the call count alone, so the tests check each `err-*` scenario
//! exactly (the 429 then success of `err-429`, the 30 s of `err-timeout`) without waiting.

use std::time::Duration;

use super::auth;
use super::error;
use crate::clock;
use crate::routes::DemoResponse;
use crate::scenarios::{Effect, Fault, Scenario, Step};

/// What a fault does to a call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Answer this instead.
    Answer(DemoResponse),
    /// Answer normally, with the JSON body cut in half.
    Truncate,
    /// Answer normally, after this long.
    Delay(Duration),
}

/// The context a fault's message names.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The step being called.
    pub step: Step,
    /// The request path (the scope ARM names in a 403).
    pub path: &'a str,
    /// Subscription in the path, if any.
    pub subscription: Option<&'a str>,
    /// Now (Unix seconds).
    pub now: i64,
    /// A tracking id for 5xx messages.
    pub tracking_id: &'a str,
}

/// The first fault of `scenario` that applies to call number `call` (1-based) of a step;
/// `step_filter` picks which faults are considered (those for every call, or for one step).
pub fn decide(
    scenario: &Scenario,
    step_filter: Step,
    call: u32,
    ctx: &Context<'_>,
) -> Option<Decision> {
    scenario
        .faults
        .iter()
        .filter(|f| f.step == step_filter)
        .find(|f| f.times.is_none_or(|n| call <= n))
        .map(|f| decision(scenario, f, ctx))
}

/// What `fault` does to a call (the faults of a scenario, or of one incident).
pub fn decision(scenario: &Scenario, fault: &Fault, ctx: &Context<'_>) -> Decision {
    match fault.effect {
        Effect::Truncate => Decision::Truncate,
        Effect::Delay => Decision::Delay(Duration::from_secs(fault.seconds.unwrap_or(30))),
        Effect::Status => Decision::Answer(status_answer(
            scenario,
            fault.status.unwrap_or(500),
            fault.retry_after,
            ctx,
        )),
    }
}

/// The action ARM names when a read of `step` is forbidden.
fn read_action(step: Step) -> String {
    match step {
        Step::Subscriptions => "Microsoft.Resources/subscriptions/read".to_string(),
        other => format!("{}/read", super::path::resource_type(other)),
    }
}

fn status_answer(
    scenario: &Scenario,
    status: u16,
    retry_after: Option<u32>,
    ctx: &Context<'_>,
) -> DemoResponse {
    let account = &scenario.account;
    match status {
        401 => auth::refuse(auth::AuthFailure::Unknown, &scenario.tenant_id, ctx.now),
        403 => error::error(
            403,
            "AuthorizationFailed",
            &format!(
                "The client '{}' with object id '{}' does not have authorization to perform action '{}' over scope '{}' or the scope is invalid. If access was recently granted, please refresh your credentials.",
                account.upn, account.object_id, read_action(ctx.step), ctx.path
            ),
        ),
        429 => {
            let secs = retry_after.unwrap_or(30);
            let who = ctx.subscription.map_or_else(
                || format!("tenant '{}'", scenario.tenant_id),
                |s| format!("subscription '{s}'"),
            );
            let mut r = error::error(
                429,
                "TooManyRequests",
                &format!(
                    "Number of 'read' requests for {who} actor '{}' exceeded. Please try again after '{secs}' seconds after additional tokens are available. Refer to https://aka.ms/arm-throttling",
                    account.object_id
                ),
            );
            r.headers.push(("Retry-After", secs.to_string()));
            r.headers.push(("x-ms-ratelimit-remaining-tenant-reads", "0".to_string()));
            r
        }
        500..=599 => {
            let code = match status {
                502 => "BadGateway",
                503 => "ServiceUnavailable",
                504 => "GatewayTimeout",
                _ => "InternalServerError",
            };
            error::error(
                status,
                code,
                &format!(
                    "Encountered internal server error. Diagnostic information: timestamp '{}', subscription id '{}', tracking id '{}', request correlation id '{}'.",
                    clock::rfc3339(ctx.now),
                    ctx.subscription.unwrap_or_default(),
                    ctx.tracking_id,
                    ctx.tracking_id
                ),
            )
        }
        404 => error::error(404, "ResourceNotFound", &format!("The resource '{}' was not found.", ctx.path)),
        _ => error::error(status, "BadRequest", "The request is not valid."),
    }
}

/// A JSON body cut in half (on a character boundary), as a dropped connection would leave it.
pub fn truncate(body: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(body);
    let mut cut = text.len() / 2;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text[..cut].as_bytes().to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_breaks_json() {
        let body = serde_json::json!({ "value": [{ "name": "é" }, { "name": "b" }] }).to_string();
        let cut = truncate(body.as_bytes());
        assert!(cut.len() < body.len() && !cut.is_empty());
        assert!(serde_json::from_slice::<serde_json::Value>(&cut).is_err());
    }
}
