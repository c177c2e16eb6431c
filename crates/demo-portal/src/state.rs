//! What the demo remembers between requests: issued authorization codes (single use), issued
//! access tokens (each selects a scenario) and, per token, how often each ARM step was called
//! (faults such as "the first call answers 429").
//!
//! Why one small struct: the server keeps it behind one `Mutex` and the pure routers take it
//! as `&mut`, so tests drive it directly. New codes and tokens come from SHA-256 over a secret
//! and a counter: unpredictable when the secret is random (the server's), reproducible when a
//! test fixes it. Both maps are pruned of expired entries and capped, so a long demo session
//! or a misbehaving client cannot grow them without bound.

use std::collections::HashMap;

use crate::ids::{b64url, guid_from_bytes, sha256};
use crate::scenarios::Step;

/// How long an authorization code may be redeemed (Entra: about ten minutes).
pub const CODE_LIFETIME_SECS: i64 = 600;
/// `expires_in` of an access token (Entra answers 3599 for a one-hour token).
pub const TOKEN_LIFETIME_SECS: i64 = 3599;
/// Most codes or sessions kept at once.
pub const MAX_ENTRIES: usize = 4096;

/// An authorization code and what it was issued for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuedCode {
    /// `client_id` of the authorize request.
    pub client_id: String,
    /// `redirect_uri` of the authorize request.
    pub redirect_uri: String,
    /// `code_challenge` (S256) of the authorize request.
    pub code_challenge: String,
    /// The account's scenario.
    pub scenario: usize,
    /// When it was issued (Unix seconds).
    pub issued_at: i64,
    /// Set on the first redemption attempt; a code never works twice.
    pub redeemed: bool,
}

/// An issued access token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The scenario its account selects.
    pub scenario: usize,
    /// When it stops working (Unix seconds).
    pub expires_at: i64,
    /// ARM calls made with it, per step.
    pub calls: HashMap<Step, u32>,
}

/// The server's memory.
#[derive(Debug)]
pub struct DemoState {
    secret: [u8; 32],
    counter: u64,
    codes: HashMap<String, IssuedCode>,
    sessions: HashMap<String, Session>,
}

impl DemoState {
    /// Empty state; `secret` seeds every code and token.
    pub fn new(secret: [u8; 32]) -> Self {
        DemoState {
            secret,
            counter: 0,
            codes: HashMap::new(),
            sessions: HashMap::new(),
        }
    }

    /// 32 fresh bytes (never the same twice for one state).
    pub fn fresh_bytes(&mut self) -> [u8; 32] {
        self.counter += 1;
        let mut input = Vec::with_capacity(40);
        input.extend_from_slice(&self.secret);
        input.extend_from_slice(&self.counter.to_le_bytes());
        sha256(&input)
    }

    /// A fresh base64url string (43 characters).
    pub fn fresh_text(&mut self) -> String {
        b64url(&self.fresh_bytes())
    }

    /// A fresh GUID (request and correlation ids).
    pub fn fresh_guid(&mut self) -> String {
        guid_from_bytes(&self.fresh_bytes())
    }

    /// Remembers a code.
    pub fn insert_code(&mut self, code: String, issued: IssuedCode, now: i64) {
        self.codes
            .retain(|_, c| now - c.issued_at <= CODE_LIFETIME_SECS);
        evict_oldest(&mut self.codes, |c| c.issued_at);
        self.codes.insert(code, issued);
    }

    /// The code, if it was issued (redeemed or not, expired or not).
    pub fn code_mut(&mut self, code: &str) -> Option<&mut IssuedCode> {
        self.codes.get_mut(code)
    }

    /// Remembers a token.
    pub fn insert_session(&mut self, token: String, session: Session, now: i64) {
        // Expired tokens are kept for an hour so that ARM can still say "expired".
        self.sessions
            .retain(|_, s| now - s.expires_at <= TOKEN_LIFETIME_SECS);
        evict_oldest(&mut self.sessions, |s| s.expires_at);
        self.sessions.insert(token, session);
    }

    /// The session of a token.
    pub fn session_mut(&mut self, token: &str) -> Option<&mut Session> {
        self.sessions.get_mut(token)
    }
}

/// Makes room for one more entry when the map is full, dropping the oldest.
fn evict_oldest<V>(map: &mut HashMap<String, V>, age: impl Fn(&V) -> i64) {
    if map.len() < MAX_ENTRIES {
        return;
    }
    let oldest = map
        .iter()
        .min_by_key(|(_, v)| age(v))
        .map(|(k, _)| k.clone());
    if let Some(k) = oldest {
        map.remove(&k);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn code(at: i64) -> IssuedCode {
        IssuedCode {
            client_id: "c".into(),
            redirect_uri: "r".into(),
            code_challenge: "x".into(),
            scenario: 0,
            issued_at: at,
            redeemed: false,
        }
    }

    #[test]
    fn fresh_values_differ_and_depend_on_the_secret() {
        let mut a = DemoState::new([1; 32]);
        let mut b = DemoState::new([2; 32]);
        let (a1, a2) = (a.fresh_text(), a.fresh_text());
        assert_ne!(a1, a2);
        assert_eq!(a1.len(), 43);
        assert_ne!(a1, b.fresh_text());
        assert_eq!(DemoState::new([1; 32]).fresh_text(), a1);
        assert!(crate::ids::is_guid(&a.fresh_guid()));
    }

    #[test]
    fn expired_codes_are_pruned_on_insert() {
        let mut s = DemoState::new([0; 32]);
        s.insert_code("old".into(), code(0), 0);
        s.insert_code(
            "new".into(),
            code(CODE_LIFETIME_SECS + 1),
            CODE_LIFETIME_SECS + 1,
        );
        assert!(s.code_mut("old").is_none());
        assert!(s.code_mut("new").is_some());
    }

    #[test]
    fn maps_are_capped() {
        let mut s = DemoState::new([0; 32]);
        for i in 0..(MAX_ENTRIES + 10) {
            let at = i64::try_from(i).unwrap() / 100;
            s.insert_code(format!("c{i}"), code(at), at);
        }
        assert!(s.codes.len() <= MAX_ENTRIES);
        assert!(s.code_mut(&format!("c{}", MAX_ENTRIES + 9)).is_some());
    }
}
