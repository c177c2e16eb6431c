//! The user's own Entra app registration, as settings store it and the sign-in uses it.
//!
//! Settings hold it (entered in options or pushed by policy) and the onboarding sign-in signs in
//! with it, so it lives below both. Its check is the one place that says what a tenant and a
//! client id may look like.

use crate::ids::is_tenant_guid;
use serde::{Deserialize, Serialize};

/// The app registration the user entered (or the admin pushed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AppRegistration {
    /// Directory (tenant) id or a verified domain (`contoso.onmicrosoft.com`).
    pub tenant: String,
    /// Application (client) id.
    pub client_id: String,
}

impl AppRegistration {
    /// Checks both fields; the error names the field.
    pub fn check(&self) -> Result<(), String> {
        if !is_tenant_guid(self.tenant.trim()) && !is_domain(self.tenant.trim()) {
            return Err("Tenant: enter the directory (tenant) id, a GUID, or a domain such as contoso.onmicrosoft.com.".into());
        }
        if !is_tenant_guid(self.client_id.trim()) {
            return Err(
                "Client id: enter the application (client) id of your app registration, a GUID."
                    .into(),
            );
        }
        Ok(())
    }
}

/// A DNS name of two or more labels of letters, digits and inner hyphens.
fn is_domain(text: &str) -> bool {
    let labels: Vec<&str> = text.split('.').collect();
    let label_ok = |l: &&str| {
        (1..=63).contains(&l.len())
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    text.len() <= 253 && labels.len() >= 2 && labels.iter().all(label_ok)
}
