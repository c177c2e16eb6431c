//! The one entry point for a request: which site answers it.
//!
//! Why separate from [`crate::respond`]: the portal pages need only host and path and no
//! memory, while sign-in and ARM need the whole request, the scenario data and the state.
//! The server calls [`route`] for everything; tests call it, or the parts, directly.

use crate::request::{DemoRequest, Reply};
use crate::routes::{respond, site_for_host, Site};
use crate::scenarios::ArmData;
use crate::state::DemoState;
use crate::{arm, login};

/// Answers one request.
pub fn route(data: &ArmData, state: &mut DemoState, req: &DemoRequest) -> Reply {
    match site_for_host(&req.host) {
        Some(Site::Arm) => arm::route(data, state, req),
        Some(Site::Login) => login::route(data, state, req).into(),
        _ => respond(&req.host, &req.target).into(),
    }
}
