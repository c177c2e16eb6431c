//! PKCE (RFC 7636) with the S256 method: the token request's `code_verifier` must hash to
//! the `code_challenge` the authorize request carried.
//!
//! Why it matters here: it is the only thing that ties the token request to the extension
//! that started the flow, so the demo checks it exactly as Entra does.

use crate::ids::{b64url, sha256};

/// A verifier as RFC 7636 §4.1 allows: 43 to 128 characters of `[A-Za-z0-9-._~]`.
pub fn is_verifier(verifier: &str) -> bool {
    (43..=128).contains(&verifier.len())
        && verifier
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~'))
}

/// `BASE64URL(SHA256(ASCII(code_verifier)))` (RFC 7636 §4.2).
pub fn s256(verifier: &str) -> String {
    b64url(&sha256(verifier.as_bytes()))
}

/// Whether `verifier` is well formed and hashes to `challenge`.
pub fn verifies(verifier: &str, challenge: &str) -> bool {
    is_verifier(verifier) && s256(verifier) == challenge
}

#[cfg(test)]
mod tests {
    use super::*;

    const VERIFIER: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    const CHALLENGE: &str = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    #[test]
    fn rfc7636_example() {
        assert!(verifies(VERIFIER, CHALLENGE));
        assert!(!verifies(
            VERIFIER,
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cN"
        ));
        assert!(!verifies(CHALLENGE, CHALLENGE));
    }

    #[test]
    fn verifier_format() {
        assert!(is_verifier(&"a".repeat(43)));
        assert!(is_verifier(&"~._-".repeat(32)));
        assert!(!is_verifier(&"a".repeat(42)));
        assert!(!is_verifier(&"a".repeat(129)));
        assert!(!is_verifier(&format!("{}+", "a".repeat(43))));
    }
}
