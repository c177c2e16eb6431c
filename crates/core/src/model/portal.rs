//! The portals: which portal (or portal frame) a page belongs to, and which side of the
//! migration a catalog entry speaks of.
//!
//! One enum serves the route (which host a URL is on), the catalog (on which side a notice or
//! a reader applies: only `Azure` and `Defender` there) and the messages. It sits below the
//! catalog and the route so both can name it. Links keep their own
//! [`LinkPortal`](super::LinkPortal): a link may go to the documentation, and a link's wire
//! form names no Defender host variant.

use serde::{Deserialize, Serialize};

/// Which portal (or portal frame) a URL belongs to.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Portal {
    /// security.microsoft.com
    Defender,
    /// mto.security.microsoft.com (multitenant management)
    DefenderMultiTenant,
    /// security.microsoft.us (GCC High), security.apps.mil (DoD)
    DefenderGov,
    /// portal.azure.com (and its ms./preview. variants), and the Azure Government portal
    /// (portal.azure.us)
    Azure,
    /// The iframes in which the Azure portal renders blade content (React views, Logs).
    AzureBladeFrame,
}

impl Portal {
    /// Is this one of the Defender portal hosts?
    pub fn is_defender(self) -> bool {
        matches!(
            self,
            Portal::Defender | Portal::DefenderMultiTenant | Portal::DefenderGov
        )
    }

    /// The side of the migration a catalog entry names for this page: `Azure` for the Azure
    /// portal's top document, `Defender` for every Defender host, `None` for the blade frames
    /// (their notices and readers are those of the top document).
    pub fn side(self) -> Option<Portal> {
        match self {
            Portal::Azure => Some(Portal::Azure),
            p if p.is_defender() => Some(Portal::Defender),
            _ => None,
        }
    }
}
