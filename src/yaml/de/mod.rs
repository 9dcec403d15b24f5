//! serde over a [`Tree`]: the spec types are read straight from the YAML nodes. Every error
//! says what went wrong as data — a [`Problem`] — at the node where it happened, so the loader
//! gives each its rule without reading any message. Keys a map may not have are renamed or
//! left out, and scalars read as another text, as the [`Changes`] it is given say (the loader
//! judges every key of the file before reading, and reads again past a value it could not).
//!
//! Scalars are read as the field asks, as serde_yaml reads them: a text field takes any
//! scalar as written (`title: 2024` is the text "2024"), a number field takes a plain scalar
//! that is a number. Following aliases is bounded (a "billion laughs" file stops at once),
//! and so is nesting.

use super::scalar::{Resolved, resolve};
use super::tree::{NodeId, NodeKind, Tree};
use serde::de::{self, Deserializer, Visitor};
use std::cell::RefCell;

mod access;
mod error;
#[cfg(test)]
mod tests;

pub use error::{DeError, Found, Problem, Want};

use access::{Entries, Items, UnitVariant};

/// One step of a YAML path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// A map key.
    Key(String),
    /// A list index.
    Index(usize),
}

/// Writes steps as a path: `chapters[1].articles[3].title`.
pub fn path_string(steps: &[Step]) -> String {
    let mut out = String::new();
    for step in steps {
        match step {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    out
}

/// What the reader does with the keys a map may not have, by key node: read the entry under
/// another key (`Some(name)`), or leave it out (`None`). Keys not listed are read as written.
pub type KeyChanges = std::collections::HashMap<NodeId, Option<String>>;

/// What the reader reads differently from the file.
#[derive(Debug, Default, Clone)]
pub struct Changes {
    /// Keys renamed or left out, by key node.
    pub keys: KeyChanges,
    /// Scalars read as another text, by node (an unknown value read as the allowed one it is
    /// closest to, so that the rest of the file can be checked).
    pub values: std::collections::HashMap<NodeId, String>,
}

/// Nesting deeper than this is refused (serde_yaml's limit too): a spec is about a dozen
/// levels deep, and a self-repeating alias must not run the stack out.
const MAX_DEPTH: usize = 128;

/// Reads serde types from a tree.
pub struct Reader<'a> {
    tree: &'a Tree,
    changes: &'a Changes,
    state: RefCell<State>,
    /// Node visits allowed in all: a hundred per node, plus room for small files. Only
    /// aliases can make a reading visit more nodes than the tree has.
    budget: usize,
}

struct State {
    path: Vec<Step>,
    visits: usize,
}

impl<'a> Reader<'a> {
    /// A reader of `tree` that reads keys and scalars as `changes` say.
    pub fn new(tree: &'a Tree, changes: &'a Changes) -> Self {
        Reader {
            tree,
            changes,
            state: RefCell::new(State {
                path: Vec::new(),
                visits: 0,
            }),
            budget: tree.nodes.len().saturating_mul(100).saturating_add(10_000),
        }
    }

    /// Reads the root value as a `T`.
    pub fn read<T: de::DeserializeOwned>(&self) -> Result<T, DeError> {
        T::deserialize(Value {
            reader: self,
            node: self.tree.root.unwrap_or(usize::MAX),
        })
    }

    fn path(&self) -> String {
        path_string(&self.state.borrow().path)
    }

    fn push(&self, step: Step) -> Result<(), DeError> {
        let mut state = self.state.borrow_mut();
        if state.path.len() >= MAX_DEPTH {
            return Err(DeError::new(Problem::TooDeep));
        }
        state.path.push(step);
        Ok(())
    }

    fn pop(&self) {
        self.state.borrow_mut().path.pop();
    }

    fn visit(&self) -> Result<(), DeError> {
        let mut state = self.state.borrow_mut();
        state.visits += 1;
        if state.visits > self.budget {
            return Err(DeError::new(Problem::TooManyAliases));
        }
        Ok(())
    }
}

/// One node being read.
#[derive(Clone, Copy)]
struct Value<'r, 'a> {
    reader: &'r Reader<'a>,
    /// `usize::MAX` stands for the empty document.
    node: NodeId,
}

/// What a node is, once aliases are followed.
enum Shape<'t> {
    Scalar(&'t str, bool),
    Seq(&'t [NodeId]),
    Map(NodeId),
    Empty,
}

impl<'r, 'a> Value<'r, 'a> {
    /// Follows aliases (each one a visit) to the node that holds a value.
    fn target(self) -> Result<Value<'r, 'a>, DeError> {
        let mut node = self.node;
        let mut hops = 0;
        while let Some(NodeKind::Alias(to)) = self.reader.tree.nodes.get(node).map(|n| &n.kind) {
            self.reader.visit()?;
            hops += 1;
            node = to.ok_or_else(|| DeError::new(Problem::UnknownAnchor))?;
            if hops > MAX_DEPTH {
                return Err(DeError::new(Problem::TooDeep));
            }
        }
        Ok(Value { node, ..self })
    }

    fn shape(&self) -> Shape<'a> {
        if let Some(text) = self.reader.changes.values.get(&self.node) {
            return Shape::Scalar(text, false);
        }
        match self.reader.tree.nodes.get(self.node).map(|n| &n.kind) {
            None => Shape::Empty,
            Some(NodeKind::Scalar { text, plain }) => Shape::Scalar(text, *plain),
            Some(NodeKind::Seq(items)) => Shape::Seq(items),
            Some(NodeKind::Map(_)) => Shape::Map(self.node),
            Some(NodeKind::Alias(_)) => unreachable!("aliases are followed first"),
        }
    }

    fn found(&self) -> Found {
        match self.shape() {
            Shape::Empty => Found::Null,
            Shape::Seq(_) => Found::Seq,
            Shape::Map(_) => Found::Map,
            Shape::Scalar(text, false) => Found::Text(text.to_owned()),
            Shape::Scalar(text, true) => match resolve(text) {
                Resolved::Null => Found::Null,
                Resolved::Bool(b) => Found::Bool(b),
                Resolved::Unsigned(n) => Found::Integer(n.into()),
                Resolved::Negative(n) => Found::Integer(n.into()),
                Resolved::Float(x) => Found::Float(x),
                Resolved::Text(t) => Found::Text(t.to_owned()),
            },
        }
    }

    fn wrong(&self, want: Want) -> DeError {
        DeError::new(Problem::WrongType {
            found: self.found(),
            want,
        })
    }

    /// Runs one read of this node: counts the visit, follows aliases, and puts this node and
    /// its path on an error that has no place yet. A type error raised by the visitor itself
    /// is given `want`, what this read asked for, when the visitor only said it in serde's
    /// words.
    fn run<T>(
        self,
        want: Option<Want>,
        read: impl FnOnce(Value<'r, 'a>) -> Result<T, DeError>,
    ) -> Result<T, DeError> {
        let target = self.target().map_err(|e| self.placed(e, None))?;
        self.reader.visit().map_err(|e| target.placed(e, None))?;
        read(target).map_err(|e| target.placed(e, want))
    }

    fn placed(&self, mut e: DeError, want: Option<Want>) -> DeError {
        if e.node.is_some() {
            return e;
        }
        if let (Some(typed), Problem::WrongType { want, .. } | Problem::InvalidValue { want, .. }) =
            (want, &mut e.problem)
            && matches!(want, Want::Described(_))
        {
            *want = typed;
        }
        e.node = (self.node != usize::MAX).then_some(self.node);
        e.path = Some(self.reader.path());
        e
    }

    /// A value read by what it is (plain scalars by the YAML core schema).
    fn any<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.shape() {
            Shape::Empty => visitor.visit_unit(),
            Shape::Scalar(text, false) => visitor.visit_str(text),
            Shape::Scalar(text, true) => match resolve(text) {
                Resolved::Null => visitor.visit_unit(),
                Resolved::Bool(b) => visitor.visit_bool(b),
                Resolved::Unsigned(n) => visitor.visit_u64(n),
                Resolved::Negative(n) => visitor.visit_i64(n),
                Resolved::Float(x) => visitor.visit_f64(x),
                Resolved::Text(t) => visitor.visit_str(t),
            },
            Shape::Seq(items) => visitor.visit_seq(Items {
                reader: self.reader,
                items,
                next: 0,
            }),
            Shape::Map(node) => visitor.visit_map(Entries::new(self.reader, node)),
        }
    }

    fn is_null(&self) -> bool {
        match self.shape() {
            Shape::Empty => true,
            Shape::Scalar(text, true) => resolve(text) == Resolved::Null,
            _ => false,
        }
    }

    fn is_empty_plain(&self) -> bool {
        matches!(self.shape(), Shape::Empty | Shape::Scalar("", true))
    }
}

macro_rules! read_as {
    ($($method:ident => $want:expr),* $(,)?) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
                self.run(Some($want), |v| v.any(visitor))
            }
        )*
    };
}

impl<'de> Deserializer<'de> for Value<'_, '_> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.run(None, |v| v.any(visitor))
    }

    read_as! {
        deserialize_bool => Want::Bool,
        deserialize_i8 => Want::Integer,
        deserialize_i16 => Want::Integer,
        deserialize_i32 => Want::Integer,
        deserialize_i64 => Want::Integer,
        deserialize_i128 => Want::Integer,
        deserialize_u8 => Want::Unsigned,
        deserialize_u16 => Want::Unsigned,
        deserialize_u32 => Want::Unsigned,
        deserialize_u64 => Want::Unsigned,
        deserialize_u128 => Want::Unsigned,
        deserialize_f32 => Want::Number,
        deserialize_f64 => Want::Number,
        deserialize_char => Want::Text,
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.run(Some(Want::Text), |v| match v.shape() {
            // `~` or `null` where a text is wanted is no text (not the word "~").
            Shape::Scalar(text, true) if !text.is_empty() && resolve(text) == Resolved::Null => {
                Err(v.wrong(Want::Text))
            }
            Shape::Scalar(text, _) => visitor.visit_str(text),
            Shape::Empty => visitor.visit_str(""),
            _ => Err(v.wrong(Want::Text)),
        })
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.run(None, |v| {
            if v.is_null() {
                visitor.visit_none()
            } else {
                visitor.visit_some(v)
            }
        })
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.run(Some(Want::Null), |v| {
            if v.is_null() {
                visitor.visit_unit()
            } else {
                Err(v.wrong(Want::Null))
            }
        })
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.run(Some(Want::List), |v| match v.shape() {
            Shape::Seq(items) => visitor.visit_seq(Items {
                reader: v.reader,
                items,
                next: 0,
            }),
            _ if v.is_empty_plain() => visitor.visit_seq(Items {
                reader: v.reader,
                items: &[],
                next: 0,
            }),
            _ => Err(v.wrong(Want::List)),
        })
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.run(Some(Want::Map), |v| match v.shape() {
            Shape::Map(node) => visitor.visit_map(Entries::new(v.reader, node)),
            _ if v.is_empty_plain() => visitor.visit_map(Entries::empty(v.reader)),
            _ => Err(v.wrong(Want::Map)),
        })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.run(Some(Want::OneOf(variants)), |v| match v.shape() {
            Shape::Scalar(text, _) => visitor.visit_enum(UnitVariant(text)),
            _ => Err(v.wrong(Want::OneOf(variants))),
        })
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }
}
