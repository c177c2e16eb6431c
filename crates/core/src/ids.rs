//! Checks of the plain identifiers that cross the extension's trust boundaries.
//!
//! Catalog ids, reader ids, dismissed items and tenant GUIDs arrive from content scripts,
//! storage and imported files. Every layer of the core checks them the same way, so the checks
//! live here, at the bottom, with no dependencies of their own.

/// Longest plain id (catalog and reader ids are far shorter).
pub const MAX_ID_LEN: usize = 64;

/// An id a message may carry: 1 to `MAX_ID_LEN` characters of `[a-z0-9-]` (catalog ids and
/// reader ids are of this form; anything else is refused, not cleaned).
pub fn is_plain_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Is the tenant value a GUID (what `?tid=` takes)?
pub fn is_tenant_guid(tenant: &str) -> bool {
    let b = tenant.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| {
            if [8, 13, 18, 23].contains(&i) {
                *c == b'-'
            } else {
                c.is_ascii_hexdigit()
            }
        })
}
