//! How the internally tagged enums (`{"type": "page-changed", "url": …}`) are decoded.
//!
//! serde decodes a `#[serde(tag = "…")]` enum by first copying the whole object into its
//! private `Content` tree, then decoding the variant from that copy: every type inside the enum
//! gets a second decoder, and the tree's own code comes along. That is dead weight in the
//! extension's wasm (`docs/wasm-size.md`), so [`crate::protocol::Request`] and
//! [`crate::model::probe::Tier`] are decoded through a flat struct holding every variant's fields
//! (`#[serde(try_from = …)]`) and then checked against the tag. The wire format stays as it
//! was: unknown fields, a field of another variant, a missing field and `null` for a field are
//! all refused. Encoding keeps serde's derive, which does not buffer.

use serde::{Deserialize, Deserializer};

/// A flat struct's field, with `#[serde(default)]`: absent is `Present(None)`, and a present
/// field must hold a value (`null` is refused like any other value of the wrong type).
pub(crate) struct Present<T>(pub(crate) Option<T>);

impl<T> Default for Present<T> {
    fn default() -> Self {
        Present(None)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Present<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(|value| Present(Some(value)))
    }
}

/// Why a flat struct does not make a variant (serde reports it as the decoding error). The tags
/// are matched as strings, spelled as the derived `Serialize` writes them; the round-trip tests
/// of every variant keep the two in step.
pub(crate) const MISMATCH: &str = "an unknown tag, or fields that do not match the tag";
