//! Onboarding status: is this tenant's Microsoft Sentinel connected to the Defender portal,
//! which workspace is primary, and what blocks or changes with connecting.
//!
//! Two sources, each optional, merged by `assess`:
//! - what the Defender portal shows (`page`: the Home banner, the navigation, the SIEM workspaces
//!   table), read by the content script with the probes of `catalog/onboarding.json`;
//! - what Azure Resource Manager returns after the user signs in with their own app registration
//!   (`collect` orders the documented calls of `calls`, reads `wire` pages into `arm_facts`).
//!
//! `checks` turns both into the readiness checklist, `view` is what the chip, popup and report
//! show, `report` writes it as Markdown and JSON and reads the JSON back. No status is ever
//! claimed without evidence: every conclusion carries its confidence and what it rests on.

pub mod arm_facts;
pub mod assess;
pub mod calls;
pub mod checks;
pub mod collect;
pub mod page;
pub mod permissions;
pub mod report;
pub mod run;
pub mod signin;
pub mod spec;
pub mod view;
pub mod wire;

#[cfg(test)]
mod tests;

pub use assess::{tenant_view, Inputs};
pub use collect::{decode_page, read_answer, Collection, Page, Request};
pub use page::PageEvidence;
pub use run::ArmRecord;
pub use view::{ArmStatus, TenantView};
