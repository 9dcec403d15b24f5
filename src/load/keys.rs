//! Which keys each map of a spec may have, read from the spec's JSON Schema (the one
//! `vanban schema` prints, generated from the spec types), so that the editor's completion and
//! the loader can never disagree. Every map of the file is judged before the spec is read, so
//! every misspelt key is found in one run, whatever else is wrong: a key close to an allowed one
//! that its map lacks is read as that key, any other is left out; all are listed.

use crate::suggest::closest;
use crate::yaml::de::{KeyChanges, Step, path_string};
use crate::yaml::tree::{NodeId, NodeKind, Tree};
use serde_json::Value;
use std::sync::OnceLock;

/// A key of the file that the map it stands in may not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownKey {
    /// The key node.
    pub node: NodeId,
    /// Its path, with the key as written.
    pub path: String,
    /// The key as written.
    pub key: String,
    /// The closest allowed key, whether or not the map has it already.
    pub suggestion: Option<String>,
    /// Every key the map may have.
    pub allowed: Vec<String>,
}

/// The keys of a file judged: those it may not have, and what the reader does with them.
#[derive(Debug, Default)]
pub struct Judged {
    /// The keys no map of their kind has, in file order.
    pub unknown: Vec<UnknownKey>,
    /// For each of them: read as the suggested key, or left out.
    pub changes: KeyChanges,
}

/// The spec's schema, made once per process.
fn schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(crate::schema::spec_schema)
}

/// Judges every key of `tree` against the spec's schema. Aliases are not followed (what they
/// repeat is judged where it is written), and nothing is judged under a key left out or where
/// the schema says nothing (free text, an unknown type: the reader reports those).
pub fn judge(tree: &Tree) -> Judged {
    let root_schema = schema();
    let mut judged = Judged::default();
    let Some(root) = tree.root else {
        return judged;
    };
    let mut pending: Vec<(NodeId, &Value, Vec<Step>)> = vec![(root, root_schema, Vec::new())];
    while let Some((id, at, path)) = pending.pop() {
        match &tree.node(id).kind {
            NodeKind::Map(entries) => {
                let Some(properties) = object(root_schema, at)
                    .and_then(|o| o.get("properties"))
                    .and_then(Value::as_object)
                else {
                    continue;
                };
                let written: Vec<Option<&str>> =
                    entries.iter().map(|e| tree.scalar(e.key)).collect();
                for (entry, key) in entries.iter().zip(&written).rev() {
                    let Some(key) = key else { continue };
                    let mut child = path.clone();
                    child.push(Step::Key(key.to_string()));
                    let read_as = if properties.contains_key(*key) {
                        Some(key.to_string())
                    } else {
                        let suggestion =
                            closest(key, properties.keys().map(String::as_str)).map(str::to_owned);
                        let read_as = suggestion
                            .clone()
                            .filter(|s| !written.contains(&Some(s.as_str())));
                        judged.unknown.push(UnknownKey {
                            node: entry.key,
                            path: path_string(&child),
                            key: key.to_string(),
                            suggestion,
                            allowed: properties.keys().cloned().collect(),
                        });
                        judged.changes.insert(entry.key, read_as.clone());
                        read_as
                    };
                    if let Some(schema) = read_as.and_then(|k| properties.get(&k)) {
                        pending.push((entry.value, schema, child));
                    }
                }
            }
            NodeKind::Seq(items) => {
                let Some(item) = array(root_schema, at).and_then(|a| a.get("items")) else {
                    continue;
                };
                for (i, &node) in items.iter().enumerate().rev() {
                    let mut child = path.clone();
                    child.push(Step::Index(i));
                    pending.push((node, item, child));
                }
            }
            NodeKind::Scalar { .. } | NodeKind::Alias(_) => {}
        }
    }
    judged
        .unknown
        .sort_by_key(|u| tree.node(u.node).span.start.offset);
    judged
}

/// `schema` with its `$ref` followed.
fn resolved<'a>(root: &'a Value, schema: &'a Value) -> &'a Value {
    let mut schema = schema;
    for _ in 0..16 {
        let Some(name) = schema
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix("#/$defs/"))
        else {
            break;
        };
        match root.get("$defs").and_then(|d| d.get(name)) {
            Some(def) => schema = def,
            None => break,
        }
    }
    schema
}

/// The alternative of `schema` (itself, or one of its `anyOf`/`oneOf`) that satisfies `is`.
fn alternative<'a>(
    root: &'a Value,
    schema: &'a Value,
    is: fn(&Value) -> bool,
) -> Option<&'a Value> {
    let schema = resolved(root, schema);
    if is(schema) {
        return Some(schema);
    }
    ["anyOf", "oneOf"]
        .iter()
        .filter_map(|k| schema.get(*k).and_then(Value::as_array))
        .flatten()
        .map(|alt| resolved(root, alt))
        .find(|alt| is(alt))
}

/// The object form of `schema`, if it has one.
fn object<'a>(root: &'a Value, schema: &'a Value) -> Option<&'a Value> {
    alternative(root, schema, |s| s.get("properties").is_some())
}

/// The list form of `schema`, if it has one.
fn array<'a>(root: &'a Value, schema: &'a Value) -> Option<&'a Value> {
    alternative(root, schema, |s| s.get("items").is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unknown(yaml: &str) -> Vec<(String, Option<String>)> {
        judge(&Tree::parse(yaml))
            .unknown
            .into_iter()
            .map(|u| (u.path, u.suggestion))
            .collect()
    }

    #[test]
    fn every_map_is_judged_at_every_depth() {
        let yaml = "kind: quy-chee\nplase: Huế\n\
            issuers: [{id: a, name: A, abr: SA}]\n\
            chapters:\n- title: Một\n  articles:\n  - title: Hai\n    clauses:\n    - {txt: x}\n    - text: y\n      pionts: [a]\n\
            appendices:\n- title: P\n  table: {columns: [{title: A, widht: 2}], rows: [{grop: G}]}\n\
            period: {from: 2023, too: 2025}\n";
        let s = |x: &str| Some(x.to_owned());
        assert_eq!(
            unknown(yaml),
            [
                ("plase".to_owned(), s("place")),
                ("issuers[0].abr".to_owned(), s("abbr")),
                (
                    "chapters[0].articles[0].clauses[0].txt".to_owned(),
                    s("text")
                ),
                (
                    "chapters[0].articles[0].clauses[1].pionts".to_owned(),
                    s("points")
                ),
                (
                    "appendices[0].table.columns[0].widht".to_owned(),
                    s("width")
                ),
                ("appendices[0].table.rows[0].grop".to_owned(), s("group")),
                ("period.too".to_owned(), s("to")),
            ]
        );
    }

    #[test]
    fn a_key_is_renamed_only_when_its_map_lacks_the_suggestion() {
        let tree = Tree::parse("place: Huế\nplase: Vinh\ntiêu đề: T\n");
        let judged = judge(&tree);
        let changes: Vec<Option<String>> = judged
            .unknown
            .iter()
            .map(|u| judged.changes[&u.node].clone())
            .collect();
        assert_eq!(changes, [None, None]);
        let tree = Tree::parse("plase: Vinh\n");
        let judged = judge(&tree);
        assert_eq!(
            judged.changes[&judged.unknown[0].node].as_deref(),
            Some("place")
        );
    }
}
