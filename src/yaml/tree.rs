//! The YAML of a spec file as a tree of nodes, each with its place in the source: what the
//! spec is deserialised from ([`super::de`]) and what findings are placed with
//! ([`crate::position`]). Scalars keep their text as written (after YAML unquoting) and
//! whether they were plain, so that `2024` can be read as a number or as text as the field
//! asks. Aliases are kept as links to their anchor, never expanded here.
//!
//! The tree is built from the parser's events with an explicit stack, so any nesting depth
//! builds without recursion. Parsing stops at the first syntax error (the loader reports
//! syntax errors from its own pass over the text) or at the end of the first document.

use crate::position::{Place, Span};
use saphyr_parser::{Event, Parser, ScalarStyle, Span as YamlSpan};
use std::collections::HashMap;

/// Index of a node in [`Tree::nodes`].
pub type NodeId = usize;

/// One value of the file.
#[derive(Debug, Clone)]
pub struct Node {
    /// What it holds.
    pub kind: NodeKind,
    /// Where it is written: a scalar's text (quotes included), a map or list from its first to
    /// its last character.
    pub span: Span,
}

/// The kinds of YAML value.
#[derive(Debug, Clone)]
pub enum NodeKind {
    /// A scalar: its text after unquoting, and whether it was written plain (unquoted, not a
    /// block), which is when YAML reads `null`, `true`, `12` as something other than text.
    Scalar {
        /// The text.
        text: String,
        /// Written without quotes and not as a `|` or `>` block.
        plain: bool,
    },
    /// A list, its items in order.
    Seq(Vec<NodeId>),
    /// A map, its entries in order (a key is a node too: a scalar, or rarely a collection).
    Map(Vec<Entry>),
    /// `*name`: the anchored node it repeats (`None` for an anchor never declared).
    Alias(Option<NodeId>),
}

/// One `key: value` entry of a map.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    /// The key node.
    pub key: NodeId,
    /// The value node.
    pub value: NodeId,
}

/// The first document of a file as nodes.
#[derive(Debug, Clone, Default)]
pub struct Tree {
    /// Every node; children come after their parent.
    pub nodes: Vec<Node>,
    /// The document's root value, when the file has one.
    pub root: Option<NodeId>,
    /// False when parsing stopped at a syntax error (the tree holds what came before it).
    pub complete: bool,
}

/// Converts the parser's character positions to byte offsets in O(1) per lookup: byte offsets
/// of every 256th character, then a short walk.
struct Offsets<'a> {
    text: &'a str,
    checkpoints: Vec<usize>,
}

const STRIDE: usize = 256;

impl<'a> Offsets<'a> {
    fn new(text: &'a str) -> Self {
        let checkpoints = text
            .char_indices()
            .step_by(STRIDE)
            .map(|(b, _)| b)
            .collect();
        Offsets { text, checkpoints }
    }

    fn byte(&self, char_index: usize) -> usize {
        let Some(&base) = self.checkpoints.get(char_index / STRIDE) else {
            return self.text.len();
        };
        self.text[base..]
            .char_indices()
            .nth(char_index % STRIDE)
            .map_or(self.text.len(), |(b, _)| base + b)
    }

    fn span(&self, s: &YamlSpan) -> Span {
        let place = |m: &saphyr_parser::Marker| Place {
            line: m.line(),
            column: m.col() + 1,
            offset: self.byte(m.index()),
        };
        Span {
            start: place(&s.start),
            end: place(&s.end),
        }
    }
}

/// A map or list still open while the events are read.
struct Open {
    node: NodeId,
    /// For a map: the key read, waiting for its value.
    key: Option<NodeId>,
}

impl Tree {
    /// Reads the first YAML document of `source`.
    pub fn parse(source: &str) -> Tree {
        let offsets = Offsets::new(source);
        let mut tree = Tree::default();
        let mut open: Vec<Open> = Vec::new();
        let mut anchors: HashMap<usize, NodeId> = HashMap::new();
        for event in Parser::new_from_str(source) {
            let Ok((event, span)) = event else {
                return tree;
            };
            let span = offsets.span(&span);
            let (kind, anchor) = match event {
                Event::Scalar(text, style, anchor, _) => (
                    NodeKind::Scalar {
                        text: text.into_owned(),
                        plain: style == ScalarStyle::Plain,
                    },
                    anchor,
                ),
                Event::Alias(anchor) => (NodeKind::Alias(anchors.get(&anchor).copied()), 0),
                Event::SequenceStart(anchor, _) => (NodeKind::Seq(Vec::new()), anchor),
                Event::MappingStart(anchor, _) => (NodeKind::Map(Vec::new()), anchor),
                Event::SequenceEnd | Event::MappingEnd => {
                    let Some(closed) = open.pop() else {
                        return tree;
                    };
                    let node = &mut tree.nodes[closed.node];
                    if span.end.offset > node.span.end.offset {
                        node.span.end = span.end;
                    }
                    continue;
                }
                Event::DocumentEnd | Event::StreamEnd => break,
                Event::DocumentStart(_) if tree.root.is_some() => break,
                _ => continue,
            };
            let collection = matches!(kind, NodeKind::Seq(_) | NodeKind::Map(_));
            let id = tree.nodes.len();
            tree.nodes.push(Node { kind, span });
            if anchor > 0 {
                anchors.insert(anchor, id);
            }
            match open.last_mut() {
                None => tree.root = Some(id),
                Some(parent) => {
                    let parent_id = parent.node;
                    match &mut tree.nodes[parent_id].kind {
                        NodeKind::Seq(items) => items.push(id),
                        NodeKind::Map(entries) => match parent.key.take() {
                            None => parent.key = Some(id),
                            Some(key) => entries.push(Entry { key, value: id }),
                        },
                        _ => unreachable!("only collections are open"),
                    }
                }
            }
            if collection {
                open.push(Open {
                    node: id,
                    key: None,
                });
            }
        }
        tree.complete = open.is_empty();
        tree
    }

    /// The node `id`.
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id]
    }

    /// The text of a scalar node, `None` for any other.
    pub fn scalar(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id].kind {
            NodeKind::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    /// The value under the key written `name` in map `id` (its first such entry).
    pub fn get(&self, id: NodeId, name: &str) -> Option<Entry> {
        match &self.nodes[id].kind {
            NodeKind::Map(entries) => entries
                .iter()
                .find(|e| self.scalar(e.key) == Some(name))
                .copied(),
            _ => None,
        }
    }

    /// The map holding node `value` as the value of one of its entries, and that entry; `None`
    /// for a list item or the root. One pass over the nodes before `value` (a parent comes
    /// before its children).
    pub fn entry_of(&self, value: NodeId) -> Option<(NodeId, Entry)> {
        self.nodes
            .iter()
            .enumerate()
            .take(value)
            .find_map(|(id, node)| match &node.kind {
                NodeKind::Map(entries) => {
                    entries.iter().find(|e| e.value == value).map(|e| (id, *e))
                }
                _ => None,
            })
    }

    /// The node an alias repeats, or the node itself.
    pub fn resolved(&self, id: NodeId) -> Option<NodeId> {
        match self.nodes[id].kind {
            NodeKind::Alias(target) => target,
            _ => Some(id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nodes_keep_their_text_style_and_place() {
        let tree = Tree::parse("a: 12\nb: \"12\"\nc: [x, &k {d: e}]\nf: *k\n");
        assert!(tree.complete);
        let root = tree.root.unwrap();
        let value = |key| tree.get(root, key).unwrap().value;
        match &tree.node(value("a")).kind {
            NodeKind::Scalar { text, plain } => assert_eq!((text.as_str(), *plain), ("12", true)),
            other => panic!("{other:?}"),
        }
        match &tree.node(value("b")).kind {
            NodeKind::Scalar { plain, .. } => assert!(!plain),
            other => panic!("{other:?}"),
        }
        let c = tree.node(value("c"));
        assert_eq!((c.span.start.line, c.span.start.column), (3, 4));
        assert_eq!(
            c.span.end.offset,
            "a: 12\nb: \"12\"\nc: [x, &k {d: e}]".len()
        );
        let NodeKind::Seq(items) = &c.kind else {
            panic!()
        };
        assert_eq!(tree.resolved(value("f")), Some(items[1]));
        let NodeKind::Map(inner) = &tree.node(items[1]).kind else {
            panic!()
        };
        assert_eq!(
            tree.entry_of(inner[0].value).map(|(map, e)| (map, e.key)),
            Some((items[1], inner[0].key))
        );
        assert_eq!(tree.entry_of(value("a")).map(|(map, _)| map), Some(root));
        assert!(tree.entry_of(items[0]).is_none(), "a list item");
    }

    #[test]
    fn a_syntax_error_leaves_what_came_before() {
        let tree = Tree::parse("a: 1\nb: [2\n");
        assert!(!tree.complete);
        assert!(tree.get(tree.root.unwrap(), "a").is_some());
    }

    #[test]
    fn deep_nesting_builds_without_recursion() {
        let deep = format!("{}x\n", "- ".repeat(50_000));
        let tree = Tree::parse(&deep);
        assert!(tree.complete);
        assert_eq!(tree.nodes.len(), 50_001);
    }
}
