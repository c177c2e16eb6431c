//! The vocabulary the features speak: overlay items and links, probes and anchors, page
//! readings, the portals and the user's app registration.
//!
//! Why a layer of its own: every feature produces items, anchors or page readers, and the plan,
//! the messages and the settings all name them. When these types lived in the plan (or in a
//! feature), each feature imported the plan that imports the features, and the core's modules
//! formed one cycle. Here they depend on nothing but the plain values below them
//! (`crate::ids`, `crate::wire`); `tests/layers.rs` keeps it so.

pub mod cloud;
pub mod label;
pub mod overlay;
pub mod page;
pub mod portal;
pub mod probe;
pub mod registration;

pub use cloud::Cloud;
pub use label::normalize_label;
pub use overlay::{
    LinkPortal, Location, OverlayItem, OverlayKind, PatchOrigin, PortalLink, SourceNote,
};
pub use page::{Column, PageFacts, PageReaders, Queue, Read, Reader, RowFacts};
pub use portal::Portal;
pub use probe::{
    Anchor, AnchorKind, Frame, Place, Probe, ProbeTemplate, Role, Tier, TierKind, TierTemplate,
    MAX_TIERS,
};
pub use registration::AppRegistration;
