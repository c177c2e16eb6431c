//! Probes: declarative descriptions of how to find an element on a portal page.
//!
//! Portal DOMs change without notice and none of their markup is documented, so where to anchor
//! something is data (`catalog/probes.json`), not code: a probe is a list of tiers tried in
//! order, from the most stable hook to the last-resort English text, and after it the tolerant
//! tiers (label, accessible name, role), which compare labels in their normal form
//! ([`super::label`]). The content script evaluates them; it reports what it could not find
//! instead of failing silently, and which tier found what it did.

use crate::wire::{self, Present};
use serde::{Deserialize, Serialize};

/// Most tiers a probe may have (the build refuses more; a probe report's tier index is below it).
pub const MAX_TIERS: usize = 8;

/// One way to find the element. The content script tries tiers in order and takes the first hit.
///
/// The tolerant tiers (`label`, `aria-label`, `role`) run on English pages only, compare the
/// label's normal form ([`super::label::normalize_label`]), and never accept an element inside
/// one of our own marks or inside the page's user content ([`Probe::user_content`]).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "by", rename_all = "kebab-case", try_from = "TierFields")]
pub enum Tier {
    /// The first element matching a CSS selector.
    Selector {
        /// CSS selector.
        css: String,
    },
    /// The first element matching `within` whose trimmed text is `text` or starts with
    /// `text` followed by a space (English only: skipped when the page is in another language).
    Text {
        /// CSS selector of the candidates.
        within: String,
        /// Visible label.
        text: String,
    },
    /// The first link inside `within` whose resolved path is `path`.
    LinkPath {
        /// CSS selector of the container.
        within: String,
        /// URL path, `/a/b`.
        path: String,
    },
    /// Tolerant: the first element matching `within` whose text has the label's normal form
    /// ("TASKS", "Tasks(3)" and "Tasks (Preview)" all find "Tasks").
    Label {
        /// CSS selector of the candidates.
        within: String,
        /// Visible label.
        text: String,
    },
    /// Tolerant: the first element matching `within` whose `aria-label` or `title` has the
    /// label's normal form (an icon-only button).
    AriaLabel {
        /// CSS selector of the candidates.
        within: String,
        /// The label the attribute carries.
        text: String,
    },
    /// Tolerant: the first element of `role` whose accessible name (its `aria-label`, else its
    /// text, else its `title`) has the label's normal form, wherever it is on the page.
    Role {
        /// What the element is.
        role: Role,
        /// Its name.
        text: String,
    },
}

/// What a role-qualified tier looks for (the content script's `ROLES` names the elements).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// `[role=tab]`.
    Tab,
    /// `[role=menuitem]` (and its checkbox and radio kinds).
    Menuitem,
    /// Something to click: `[role=button]`, `[role=link]`, a native `button` or `a[href]`
    /// without another role.
    Button,
}

/// Which kind of tier found an anchor (what a probe report says and the page check shows).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TierKind {
    /// [`Tier::Selector`].
    Selector,
    /// [`Tier::Text`].
    Text,
    /// [`Tier::LinkPath`].
    LinkPath,
    /// [`Tier::Label`].
    Label,
    /// [`Tier::AriaLabel`].
    AriaLabel,
    /// [`Tier::Role`].
    Role,
}

impl TierKind {
    /// Does this kind compare labels in their normal form (and keep out of user content)?
    pub fn is_tolerant(self) -> bool {
        matches!(self, TierKind::Label | TierKind::AriaLabel | TierKind::Role)
    }
}

impl Tier {
    /// Its kind.
    pub fn kind(&self) -> TierKind {
        match self {
            Tier::Selector { .. } => TierKind::Selector,
            Tier::Text { .. } => TierKind::Text,
            Tier::LinkPath { .. } => TierKind::LinkPath,
            Tier::Label { .. } => TierKind::Label,
            Tier::AriaLabel { .. } => TierKind::AriaLabel,
            Tier::Role { .. } => TierKind::Role,
        }
    }
}

/// Every field a [`Tier`] can have, decoded flat (see [`crate::wire`]).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TierFields {
    /// The variant's name, as the derived `Serialize` writes it (kebab-case).
    by: String,
    #[serde(default)]
    css: Present<String>,
    #[serde(default)]
    within: Present<String>,
    #[serde(default)]
    text: Present<String>,
    #[serde(default)]
    path: Present<String>,
    #[serde(default)]
    role: Present<Role>,
}

impl TryFrom<TierFields> for Tier {
    type Error = &'static str;

    fn try_from(f: TierFields) -> Result<Self, Self::Error> {
        match (
            f.by.as_str(),
            f.css.0,
            f.within.0,
            f.text.0,
            f.path.0,
            f.role.0,
        ) {
            ("selector", Some(css), None, None, None, None) => Ok(Tier::Selector { css }),
            ("text", None, Some(within), Some(text), None, None) => Ok(Tier::Text { within, text }),
            ("link-path", None, Some(within), None, Some(path), None) => {
                Ok(Tier::LinkPath { within, path })
            }
            ("label", None, Some(within), Some(text), None, None) => {
                Ok(Tier::Label { within, text })
            }
            ("aria-label", None, Some(within), Some(text), None, None) => {
                Ok(Tier::AriaLabel { within, text })
            }
            ("role", None, None, Some(text), None, Some(role)) => Ok(Tier::Role { role, text }),
            _ => Err(wire::MISMATCH),
        }
    }
}

/// How to find one element.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Probe {
    /// Tiers, most stable first.
    pub tiers: Vec<Tier>,
    /// CSS of the page's user content (incident titles, comments, grid cells): a tolerant tier
    /// never accepts an element inside it. Set on probes with a tolerant tier, from
    /// `catalog/probes.json` (`user_content`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_content: Option<String>,
}

impl Probe {
    /// A probe of `tiers`, the catalog's ([`ProbeTemplate::fill`]) or a patched one: with the
    /// catalog's user content when a tier is tolerant.
    pub fn of_tiers(tiers: Vec<Tier>) -> Self {
        let tolerant = tiers.iter().any(|t| t.kind().is_tolerant());
        Probe {
            tiers,
            user_content: tolerant.then(|| USER_CONTENT.to_string()),
        }
    }
}

/// What an anchored mark is for (`data-wayfinder-kind` of the mark).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AnchorKind {
    /// Trainer mode: a menu item labelled with its place in the other portal.
    Trainer,
    /// A missing-feature notice next to the control it is about.
    Notice,
}

/// Which document of the tab holds the anchor.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Frame {
    /// The portal's top document.
    #[default]
    Top,
    /// An Azure-portal blade iframe (`*.reactblade.portal.azure.net`).
    Blade,
}

/// Where the mark goes relative to the anchor element.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Place {
    /// As the anchor's last child (labels inside menu items).
    #[default]
    Append,
    /// As the anchor's next sibling (badges next to buttons).
    After,
}

/// Something the content script places next to a page element.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Anchor {
    /// What the mark is.
    pub kind: AnchorKind,
    /// Catalog id (`data-wayfinder-id` of the mark).
    pub id: String,
    /// The mark's text.
    pub label: String,
    /// Where to put it.
    pub probe: Probe,
    /// Which document holds the anchor.
    #[serde(default)]
    pub frame: Frame,
    /// Where the mark goes relative to the anchor.
    #[serde(default)]
    pub place: Place,
}

/// A tier with `{placeholder}`s, as written in the catalog.
#[derive(Debug, PartialEq, Eq)]
pub enum TierTemplate {
    /// See [`Tier::Selector`].
    Selector {
        /// CSS selector.
        css: &'static str,
    },
    /// See [`Tier::Text`].
    Text {
        /// CSS selector of the candidates.
        within: &'static str,
        /// Visible label.
        text: &'static str,
    },
    /// See [`Tier::LinkPath`].
    LinkPath {
        /// CSS selector of the container.
        within: &'static str,
        /// URL path.
        path: &'static str,
    },
    /// See [`Tier::Label`].
    Label {
        /// CSS selector of the candidates.
        within: &'static str,
        /// Visible label.
        text: &'static str,
    },
    /// See [`Tier::AriaLabel`].
    AriaLabel {
        /// CSS selector of the candidates.
        within: &'static str,
        /// The label the attribute carries.
        text: &'static str,
    },
    /// See [`Tier::Role`].
    Role {
        /// What the element is.
        role: Role,
        /// Its name.
        text: &'static str,
    },
}

/// A probe with placeholders. Its evidence (`source`, `probe_source`) stays in the catalog files,
/// where the build checks it and `cargo xtask catalog` lists it; nothing at run time reads it, so
/// it is not compiled in (the service worker's wasm module is at its size budget).
#[derive(Debug, PartialEq, Eq)]
pub struct ProbeTemplate {
    /// Tiers, most stable first.
    pub tiers: &'static [TierTemplate],
}

include!(concat!(env!("OUT_DIR"), "/probe_templates.rs"));

impl TierTemplate {
    /// Its kind.
    pub fn kind(&self) -> TierKind {
        match self {
            TierTemplate::Selector { .. } => TierKind::Selector,
            TierTemplate::Text { .. } => TierKind::Text,
            TierTemplate::LinkPath { .. } => TierKind::LinkPath,
            TierTemplate::Label { .. } => TierKind::Label,
            TierTemplate::AriaLabel { .. } => TierKind::AriaLabel,
            TierTemplate::Role { .. } => TierKind::Role,
        }
    }
}

impl ProbeTemplate {
    /// The probe with every `{key}` replaced. Values that land inside CSS are escaped for a
    /// quoted attribute value, so catalog text can never change a selector's structure.
    pub fn fill(&self, values: &[(&str, &str)]) -> Probe {
        let tiers = self
            .tiers
            .iter()
            .map(|tier| match tier {
                TierTemplate::Selector { css } => Tier::Selector {
                    css: substitute(css, values, css_string_escape),
                },
                TierTemplate::Text { within, text } => Tier::Text {
                    within: substitute(within, values, css_string_escape),
                    text: substitute(text, values, str::to_string),
                },
                TierTemplate::LinkPath { within, path } => Tier::LinkPath {
                    within: substitute(within, values, css_string_escape),
                    path: substitute(path, values, str::to_string),
                },
                TierTemplate::Label { within, text } => Tier::Label {
                    within: substitute(within, values, css_string_escape),
                    text: substitute(text, values, str::to_string),
                },
                TierTemplate::AriaLabel { within, text } => Tier::AriaLabel {
                    within: substitute(within, values, css_string_escape),
                    text: substitute(text, values, str::to_string),
                },
                TierTemplate::Role { role, text } => Tier::Role {
                    role: *role,
                    text: substitute(text, values, str::to_string),
                },
            })
            .collect::<Vec<_>>();
        Probe::of_tiers(tiers)
    }
}

fn substitute(template: &str, values: &[(&str, &str)], escape: fn(&str) -> String) -> String {
    let mut out = template.to_string();
    for (key, value) in values {
        out = out.replace(&format!("{{{key}}}"), &escape(value));
    }
    out
}

/// Escapes a value for use inside a double-quoted CSS string.
fn css_string_escape(value: &str) -> String {
    value
        .chars()
        .flat_map(|c| match c {
            '"' | '\\' => vec!['\\', c],
            '\n' | '\r' | '\u{c}' => vec![' '],
            _ => vec![c],
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_values_are_escaped() {
        let probe = AZURE_MENU_ITEM.fill(&[("blade", "a\"] , body [x=\""), ("label", "L")]);
        let Tier::Selector { css } = &probe.tiers[0] else {
            panic!("first tier is a selector")
        };
        assert_eq!(css, r#"[data-telemetryname="Menu-a\"] , body [x=\""]"#);
    }

    #[test]
    fn every_tier_reads_back_as_written() {
        for tier in [
            Tier::Selector { css: "a".into() },
            Tier::Text {
                within: "nav".into(),
                text: "Hunting".into(),
            },
            Tier::LinkPath {
                within: "nav".into(),
                path: "/a".into(),
            },
            Tier::Label {
                within: "button".into(),
                text: "Tasks".into(),
            },
            Tier::AriaLabel {
                within: "button".into(),
                text: "Tasks".into(),
            },
            Tier::Role {
                role: Role::Menuitem,
                text: "Run playbook".into(),
            },
        ] {
            let json = serde_json::to_string(&tier).unwrap_or_default();
            assert_eq!(
                serde_json::from_str::<Tier>(&json).ok().as_ref(),
                Some(&tier),
                "{json}"
            );
        }
    }

    #[test]
    fn tiers_keep_their_tagged_form() {
        let tier = Tier::LinkPath {
            within: "nav".into(),
            path: "/a".into(),
        };
        let json = r#"{"by":"link-path","within":"nav","path":"/a"}"#;
        assert_eq!(serde_json::to_string(&tier).ok().as_deref(), Some(json));
        assert_eq!(serde_json::from_str::<Tier>(json).ok(), Some(tier));
        for bad in [
            r#"{"by":"selector","css":"a","within":"nav"}"#,
            r#"{"by":"text","within":"nav"}"#,
            r#"{"by":"selector","css":null}"#,
            r#"{"by":"selector","css":"a","css":"b"}"#,
            r#"{"by":"xpath","css":"a"}"#,
            r#"{"css":"a"}"#,
            r#"{"by":"label","text":"Tasks"}"#,
            r#"{"by":"aria-label","within":"button","text":"Tasks","role":"button"}"#,
            r#"{"by":"role","role":"button"}"#,
            r#"{"by":"role","role":"checkbox","text":"Tasks"}"#,
            r#"{"by":"role","within":"nav","role":"tab","text":"Tasks"}"#,
            r#"{"by":"selector","css":"a","role":"tab"}"#,
        ] {
            assert!(serde_json::from_str::<Tier>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_role_tier_keeps_its_tagged_form() {
        let tier = Tier::Role {
            role: Role::Tab,
            text: "Automation rules".into(),
        };
        let json = r#"{"by":"role","role":"tab","text":"Automation rules"}"#;
        assert_eq!(serde_json::to_string(&tier).ok().as_deref(), Some(json));
        assert_eq!(serde_json::from_str::<Tier>(json).ok(), Some(tier));
    }

    #[test]
    fn only_a_probe_with_a_tolerant_tier_carries_the_user_content() {
        let exact = ProbeTemplate {
            tiers: &[TierTemplate::Text {
                within: "button",
                text: "Tasks",
            }],
        };
        assert_eq!(exact.fill(&[]).user_content, None);
        let json = serde_json::to_string(&exact.fill(&[])).unwrap_or_default();
        assert!(!json.contains("userContent"), "{json}");
        let tolerant = ProbeTemplate {
            tiers: &[
                TierTemplate::Text {
                    within: "button",
                    text: "Tasks",
                },
                TierTemplate::Role {
                    role: Role::Button,
                    text: "Tasks",
                },
            ],
        };
        let probe = tolerant.fill(&[]);
        assert_eq!(probe.user_content.as_deref(), Some(USER_CONTENT));
        assert!(!USER_CONTENT.trim().is_empty());
        let json = serde_json::to_string(&probe).unwrap_or_default();
        assert_eq!(serde_json::from_str::<Probe>(&json).ok(), Some(probe));
    }

    #[test]
    fn tolerant_kinds() {
        let tolerant: Vec<TierKind> = [
            TierKind::Selector,
            TierKind::Text,
            TierKind::LinkPath,
            TierKind::Label,
            TierKind::AriaLabel,
            TierKind::Role,
        ]
        .into_iter()
        .filter(|k| k.is_tolerant())
        .collect();
        assert_eq!(
            tolerant,
            [TierKind::Label, TierKind::AriaLabel, TierKind::Role]
        );
        assert_eq!(
            serde_json::to_string(&TierKind::AriaLabel).ok().as_deref(),
            Some("\"aria-label\"")
        );
    }

    #[test]
    fn templates_have_tiers() {
        assert!(!AZURE_MENU_ITEM.tiers.is_empty());
        assert!(!DEFENDER_NAV_ITEM.tiers.is_empty());
    }
}
