//! Who raised an incident, from ARM's `properties.providerName`.
//!
//! Why it matters: an incident whose provider is Defender XDR is one the Defender portal owns
//! (synced; its `providerIncidentId` is the Defender incident id), so the extension can offer
//! the Defender link and the sync notices. facts.md §4.6: current data says `"Microsoft XDR"`,
//! older XDR-connector data `"Microsoft 365 Defender"`, Sentinel-native incidents
//! `"Azure Sentinel"` (every spec example). Names are compared case-insensitively after trimming;
//! any other provider is kept by name, never refused.

use serde::{Deserialize, Serialize};

/// The provider of an incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "name", rename_all = "kebab-case")]
pub enum Provider {
    /// `Microsoft XDR`: synced from Defender XDR (current name).
    MicrosoftXdr,
    /// `Microsoft 365 Defender`: synced from Defender XDR (name used before the rename).
    #[serde(rename = "microsoft-365-defender")]
    Microsoft365Defender,
    /// `Azure Sentinel`: raised by Sentinel itself (analytics rules, manual incidents).
    AzureSentinel,
    /// Any other provider, by its name as ARM wrote it (trimmed).
    Other(String),
}

impl Provider {
    /// The provider named by `providerName`; `None` when the name is empty or blank.
    pub fn from_name(name: &str) -> Option<Self> {
        let name = name.trim();
        if name.is_empty() {
            return None;
        }
        let is = |known: &str| name.eq_ignore_ascii_case(known);
        Some(if is("Microsoft XDR") {
            Provider::MicrosoftXdr
        } else if is("Microsoft 365 Defender") {
            Provider::Microsoft365Defender
        } else if is("Azure Sentinel") {
            Provider::AzureSentinel
        } else {
            Provider::Other(name.to_string())
        })
    }

    /// Did the incident come from Defender XDR (either name)?
    pub fn is_defender_xdr(&self) -> bool {
        matches!(
            self,
            Provider::MicrosoftXdr | Provider::Microsoft365Defender
        )
    }
}

#[cfg(test)]
mod tests;
