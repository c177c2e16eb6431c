//! Reading Microsoft Sentinel through Azure Resource Manager (ARM): incident responses and the
//! states an ARM call can end in.
//!
//! Why a module of its own: what ARM sends is data from outside, shaped by an API that grows
//! (fields are added across api-versions,
//! <https://learn.microsoft.com/en-us/rest/api/securityinsights/incidents>). The wire
//! types (`incident`) accept any such growth; `record` then checks what we rely on and turns it
//! into values the UI can show without second thoughts: non-negative numbers, times as unix
//! seconds, links only to the portal (or ARM) hosts they claim. `http` turns a status into an
//! [`ArmError`] state, `time` reads the two timestamp forms involved. There is no JSON parser
//! here on purpose: the service worker decodes JSON in JS and hands the value to its serde
//! decoder of JS values (`from_js`), so the types only derive `Deserialize` (tests use
//! serde_json).

pub mod error;
#[cfg(test)]
pub(crate) mod fixtures;
pub mod http;
pub mod incident;
pub mod link;
pub mod provider;
pub mod record;

pub use error::ArmError;
pub use incident::{WireIncident, WireIncidentList};
pub use provider::Provider;
pub use record::{check, check_list, IncidentList, IncidentRecord};
