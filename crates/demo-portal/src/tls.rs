//! TLS set-up: a self-signed certificate generated in memory at start-up.
//!
//! Why: Chromium in the tests runs with `--ignore-certificate-errors`, so any
//! certificate works, but the names still matter for tools that inspect it.
//! Nothing is written to disk and no key is kept in the repository.

use std::sync::Arc;

use tokio_rustls::rustls;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio_rustls::TlsAcceptor;

use crate::DEMO_HOSTS;

/// Subject alternative names of the generated certificate.
pub fn subject_alt_names() -> Vec<String> {
    let mut names: Vec<String> = DEMO_HOSTS.iter().map(|h| (*h).to_string()).collect();
    names.push("*.reactblade.portal.azure.net".to_string());
    names.push("localhost".to_string());
    names.push("127.0.0.1".to_string());
    names
}

/// Error while building the TLS configuration.
#[derive(Debug)]
pub struct TlsError(String);

impl std::fmt::Display for TlsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "TLS set-up failed: {}", self.0)
    }
}

impl std::error::Error for TlsError {}

/// Builds a TLS acceptor (ring provider, HTTP/1.1 ALPN only) with a fresh
/// self-signed certificate.
pub fn acceptor() -> Result<TlsAcceptor, TlsError> {
    let certified = rcgen::generate_simple_self_signed(subject_alt_names())
        .map_err(|e| TlsError(e.to_string()))?;
    let cert: CertificateDer<'static> = certified.cert.der().clone();
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(
        certified.signing_key.serialize_der(),
    ));
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| TlsError(e.to_string()))?
        .with_no_client_auth()
        .with_single_cert(vec![cert], key)
        .map_err(|e| TlsError(e.to_string()))?;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(TlsAcceptor::from(Arc::new(config)))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    #[test]
    fn acceptor_builds_and_names_cover_hosts() {
        assert!(super::acceptor().is_ok());
        let names = super::subject_alt_names();
        for h in crate::DEMO_HOSTS {
            assert!(names.iter().any(|n| n == h));
        }
        assert!(names.iter().any(|n| n == "*.reactblade.portal.azure.net"));
    }
}
