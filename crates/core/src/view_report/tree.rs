//! The view of a report as a tree: built from the content script's records (document order,
//! with depths), sanitized on the way, and written in the report's element form
//! (`["tag", {attributes}, child, …]`, a child being an element or a text).

use super::text::{kept_words, sanitize_text};
use super::values::{is_text_attribute, kept_attribute};
use super::{AsMap, Record, ReportSummary};
use serde::ser::SerializeSeq;
use serde::{Serialize, Serializer};

/// One node of a report's view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A text, in the report form.
    Text(String),
    /// An element with the attributes a report keeps, and its children.
    Element {
        /// Tag name, lower case.
        tag: String,
        /// Kept attributes, by name.
        attributes: Vec<(String, String)>,
        /// Children in document order.
        children: Vec<Node>,
    },
}

impl Serialize for Node {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Node::Text(text) => serializer.serialize_str(text),
            Node::Element {
                tag,
                attributes,
                children,
            } => {
                let mut seq = serializer.serialize_seq(None)?;
                seq.serialize_element(tag)?;
                if !attributes.is_empty() {
                    seq.serialize_element(&AsMap(attributes))?;
                }
                for child in children {
                    seq.serialize_element(child)?;
                }
                seq.end()
            }
        }
    }
}

impl Node {
    /// Adds this node's elements and words to `summary`.
    pub(super) fn tally(&self, summary: &mut ReportSummary) {
        let mut text = |text: &str| {
            for word in kept_words(text) {
                if !summary.words.iter().any(|w| w == word) {
                    summary.words.push(word.to_string());
                }
            }
            summary.replaced += text.matches('{').count();
        };
        match self {
            Node::Text(t) => text(t),
            Node::Element {
                attributes,
                children,
                ..
            } => {
                summary.elements += 1;
                for (name, value) in attributes {
                    if is_text_attribute(name) {
                        text(value);
                    }
                }
                children.iter().for_each(|child| child.tally(summary));
            }
        }
    }
}

/// A tag name a report keeps: lower case letters, digits and `-`, starting with a letter.
fn plain_tag(tag: &str) -> String {
    let tag = tag.to_ascii_lowercase();
    let plain = tag.starts_with(|c: char| c.is_ascii_lowercase())
        && tag
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if plain {
        tag
    } else {
        "unknown-element".to_string()
    }
}

/// Appends `child` to `parent`'s children (a text has none).
fn adopt(parent: &mut Node, child: Node) {
    if let Node::Element { children, .. } = parent {
        children.push(child);
    }
}

/// The `body` element holding `records`. A record deeper than one below its predecessor's
/// element hangs under the deepest open element; a text has no children.
pub(super) fn build(records: &[Record]) -> Node {
    let element = |tag: String, attributes| Node::Element {
        tag,
        attributes,
        children: Vec::new(),
    };
    // The open elements, `body` first.
    let mut open = vec![element("body".to_string(), Vec::new())];
    let close = |open: &mut Vec<Node>| {
        if let Some(done) = open.pop() {
            if let Some(parent) = open.last_mut() {
                adopt(parent, done);
            }
        }
    };
    for record in records {
        // A record at depth d is a child of the element open at level d + 1 (body is level 1).
        let level = usize::try_from(record.d)
            .unwrap_or(usize::MAX)
            .saturating_add(1);
        while open.len() > level {
            close(&mut open);
        }
        if let Some(tag) = &record.tag {
            let attributes = record
                .attrs
                .chunks_exact(2)
                .filter_map(|pair| Some((pair[0].clone(), kept_attribute(&pair[0], &pair[1])?)))
                .collect();
            open.push(element(plain_tag(tag), attributes));
        } else if let (Some(text), Some(parent)) = (&record.text, open.last_mut()) {
            adopt(parent, Node::Text(sanitize_text(text)));
        }
    }
    while open.len() > 1 {
        close(&mut open);
    }
    open.pop()
        .unwrap_or_else(|| element("body".to_string(), Vec::new()))
}
