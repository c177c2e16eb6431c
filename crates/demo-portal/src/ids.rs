//! Identifiers: SHA-256, base64url, GUIDs derived from names, and the GUID format check.
//!
//! Why derived GUIDs: the demo data names only what a reader cares about (tenants,
//! subscriptions, accounts, service principals). Everything else that ARM identifies by a GUID
//! (rules, connectors, role assignments, workspace customer ids, etags) is derived from its
//! place in the scenario, so it is stable across runs and tests can predict it, without
//! hundreds of invented GUIDs in the data file.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

/// SHA-256 of `data`.
pub fn sha256(data: &[u8]) -> [u8; 32] {
    let digest = ring::digest::digest(&ring::digest::SHA256, data);
    let mut out = [0u8; 32];
    out.copy_from_slice(digest.as_ref());
    out
}

/// base64url without padding (RFC 4648 §5), as PKCE and JWTs use it.
pub fn b64url(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Decodes base64url without padding; `None` when it is not.
pub fn b64url_decode(text: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(text).ok()
}

/// Formats 16 bytes as a lower-case GUID, marked as version 4 / RFC 4122 variant.
pub fn guid_from_bytes(bytes: &[u8; 32]) -> String {
    let mut b = [0u8; 16];
    b.copy_from_slice(&bytes[..16]);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// A GUID derived from `seed`: the same seed always gives the same GUID.
pub fn stable_guid(seed: &str) -> String {
    guid_from_bytes(&sha256(format!("wayfinder-demo-id:{seed}").as_bytes()))
}

/// An ARM-style etag (`"0300bf09-0000-0000-0000-5c37296e0000"`, quotes included) derived from `seed`.
pub fn stable_etag(seed: &str) -> String {
    let h = sha256(format!("wayfinder-demo-etag:{seed}").as_bytes());
    let hex: String = h.iter().take(8).map(|x| format!("{x:02x}")).collect();
    format!("\"{}-0000-0d00-0000-{}0000\"", &hex[0..8], &hex[8..16])
}

/// `8-4-4-4-12` hexadecimal digits (either case), the only GUID form Entra and ARM take in paths.
pub fn is_guid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn sha256_and_b64url_match_rfc7636_appendix_b() {
        // RFC 7636 Appendix B: the verifier and the S256 challenge it yields.
        let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        assert_eq!(
            b64url(&sha256(verifier.as_bytes())),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
        assert_eq!(b64url_decode("AQID").unwrap(), vec![1, 2, 3]);
        assert!(b64url_decode("a+b/").is_none());
    }

    #[test]
    fn stable_guids_are_guids_and_stable() {
        let a = stable_guid("contoso/rule/1");
        assert!(is_guid(&a), "{a}");
        assert_eq!(a, stable_guid("contoso/rule/1"));
        assert_ne!(a, stable_guid("contoso/rule/2"));
        assert_eq!(&a[14..15], "4");
        assert!(stable_etag("x").starts_with('"') && stable_etag("x").ends_with('"'));
    }

    #[test]
    fn guid_check() {
        assert!(is_guid("6f3c2b1a-4d5e-4f60-8a7b-9c0d1e2f3a4b"));
        assert!(is_guid("6F3C2B1A-4D5E-4F60-8A7B-9C0D1E2F3A4B"));
        for bad in [
            "",
            "6f3c2b1a4d5e4f608a7b9c0d1e2f3a4b",
            "6f3c2b1a-4d5e-4f60-8a7b-9c0d1e2f3a4",
            "6f3c2b1a-4d5e-4f60-8a7b-9c0d1e2f3a4g",
            "{6f3c2b1a-4d5e-4f60-8a7b-9c0d1e2f3a4b}",
        ] {
            assert!(!is_guid(bad), "{bad}");
        }
    }
}
