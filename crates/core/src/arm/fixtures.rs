//! Test-only: the ARM spec examples of `tests/fixtures/arm/` (copied verbatim, see the README
//! there) and the `body` each holds, shared by the wire and record tests.

use serde_json::Value;

/// Incidents_Get, stable 2024-09-01.
pub const GET_BY_ID: &str =
    include_str!("../../tests/fixtures/arm/incidents__GetIncidentById__2024-09-01.json");
/// Incidents_List, stable 2024-09-01.
pub const LIST: &str =
    include_str!("../../tests/fixtures/arm/incidents__GetIncidents__2024-09-01.json");
/// Incidents_Get, 2025-07-01-preview (has `providerIncidentUrl`).
pub const GET_PREVIEW: &str =
    include_str!("../../tests/fixtures/arm/incidents__Incidents_Get__2025-07-01-preview.json");

/// The single-incident examples.
pub const SINGLE: [&str; 2] = [GET_BY_ID, GET_PREVIEW];

/// `responses.200.body` of an example file: what ARM returns.
pub fn body(example: &str) -> Value {
    let file: Value = serde_json::from_str(example).expect("example files are JSON");
    file["responses"]["200"]["body"].clone()
}
