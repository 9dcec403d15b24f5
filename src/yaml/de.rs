//! serde over a [`Tree`]: the spec types are read straight from the YAML nodes. Every error
//! says what went wrong as data — a [`Problem`] — at the node where it happened, so the loader
//! gives each its rule without reading any message. Keys a map may not have are renamed or
//! left out as the [`KeyChanges`] it is given say (the loader judges every key of the file
//! before reading).
//!
//! Scalars are read as the field asks, as serde_yaml reads them: a text field takes any
//! scalar as written (`title: 2024` is the text "2024"), a number field takes a plain scalar
//! that is a number. Following aliases is bounded (a "billion laughs" file stops at once),
//! and so is nesting.

use super::scalar::{Resolved, resolve};
use super::tree::{NodeId, NodeKind, Tree};
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, IntoDeserializer, MapAccess, SeqAccess,
    Unexpected, VariantAccess, Visitor,
};
use std::cell::RefCell;
use std::fmt;

/// What went wrong while reading a value.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// A required key is absent.
    MissingField(&'static str),
    /// A key the type does not have (only when no [`Keys`] list covered the map).
    UnknownField {
        /// The key as written.
        field: String,
        /// The keys the type has.
        expected: &'static [&'static str],
    },
    /// A value outside an enumeration (`kind: quy-chee`).
    UnknownVariant {
        /// The value as written.
        value: String,
        /// The values allowed.
        expected: &'static [&'static str],
    },
    /// A value of another type than the field's.
    WrongType {
        /// What the file has.
        found: Found,
        /// What the field takes.
        want: Want,
    },
    /// A value of the right type that the field cannot take (a number too large).
    InvalidValue {
        /// What the file has.
        found: Found,
        /// What the field takes.
        want: Want,
    },
    /// A list of the wrong length.
    InvalidLength {
        /// Its length.
        len: usize,
        /// What the field takes.
        want: Want,
    },
    /// The same key twice in one map.
    DuplicateField(&'static str),
    /// Aliases repeat more than the file itself holds many times over.
    TooManyAliases,
    /// Values nested deeper than any spec is.
    TooDeep,
    /// An alias to an anchor that is not declared.
    UnknownAnchor,
    /// A problem a type described in its own words (its message).
    Custom(String),
}

/// What a value in the file is, as an error names it.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// A map.
    Map,
    /// A list.
    Seq,
    /// Nothing (`~`, empty).
    Null,
    /// A boolean.
    Bool(bool),
    /// An integer.
    Integer(i128),
    /// A floating-point number.
    Float(f64),
    /// Text.
    Text(String),
    /// Anything else serde names.
    Other(String),
}

/// What a field takes, as an error names it.
#[derive(Debug, Clone, PartialEq)]
pub enum Want {
    /// Text.
    Text,
    /// An integer.
    Integer,
    /// A non-negative integer.
    Unsigned,
    /// A number.
    Number,
    /// A boolean.
    Bool,
    /// A map of keys and values.
    Map,
    /// A list.
    List,
    /// One of these values.
    OneOf(&'static [&'static str]),
    /// Nothing.
    Null,
    /// What a type says it takes, in its own words (the spec's own types say it in Vietnamese).
    Described(String),
}

/// An error with the node it concerns and that node's YAML path.
#[derive(Debug, Clone, PartialEq)]
pub struct DeError {
    /// What went wrong.
    pub problem: Problem,
    /// The node, once known.
    pub node: Option<NodeId>,
    /// Its path (`chapters[1].title`), once known.
    pub path: Option<String>,
}

impl DeError {
    fn new(problem: Problem) -> Self {
        DeError {
            problem,
            node: None,
            path: None,
        }
    }
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{:?}", self.problem)
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DeError::new(Problem::Custom(msg.to_string()))
    }

    fn invalid_type(unexp: Unexpected, exp: &dyn de::Expected) -> Self {
        DeError::new(Problem::WrongType {
            found: Found::from(unexp),
            want: Want::Described(exp.to_string()),
        })
    }

    fn invalid_value(unexp: Unexpected, exp: &dyn de::Expected) -> Self {
        DeError::new(Problem::InvalidValue {
            found: Found::from(unexp),
            want: Want::Described(exp.to_string()),
        })
    }

    fn invalid_length(len: usize, exp: &dyn de::Expected) -> Self {
        DeError::new(Problem::InvalidLength {
            len,
            want: Want::Described(exp.to_string()),
        })
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        DeError::new(Problem::UnknownVariant {
            value: variant.to_owned(),
            expected,
        })
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        DeError::new(Problem::UnknownField {
            field: field.to_owned(),
            expected,
        })
    }

    fn missing_field(field: &'static str) -> Self {
        DeError::new(Problem::MissingField(field))
    }

    fn duplicate_field(field: &'static str) -> Self {
        DeError::new(Problem::DuplicateField(field))
    }
}

impl From<Unexpected<'_>> for Found {
    fn from(u: Unexpected) -> Found {
        match u {
            Unexpected::Bool(b) => Found::Bool(b),
            Unexpected::Unsigned(n) => Found::Integer(n.into()),
            Unexpected::Signed(n) => Found::Integer(n.into()),
            Unexpected::Float(x) => Found::Float(x),
            Unexpected::Char(c) => Found::Text(c.to_string()),
            Unexpected::Str(s) => Found::Text(s.to_owned()),
            Unexpected::Unit | Unexpected::Option => Found::Null,
            Unexpected::Seq => Found::Seq,
            Unexpected::Map => Found::Map,
            other => Found::Other(other.to_string()),
        }
    }
}

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

/// Nesting deeper than this is refused (serde_yaml's limit too): a spec is about a dozen
/// levels deep, and a self-repeating alias must not run the stack out.
const MAX_DEPTH: usize = 128;

/// Reads serde types from a tree.
pub struct Reader<'a> {
    tree: &'a Tree,
    changes: &'a KeyChanges,
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
    /// A reader of `tree` that renames or leaves out keys as `changes` say.
    pub fn new(tree: &'a Tree, changes: &'a KeyChanges) -> Self {
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

/// The items of a list.
struct Items<'r, 'a> {
    reader: &'r Reader<'a>,
    items: &'a [NodeId],
    next: usize,
}

impl<'de> SeqAccess<'de> for Items<'_, '_> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        let Some(&node) = self.items.get(self.next) else {
            return Ok(None);
        };
        self.reader.push(Step::Index(self.next))?;
        self.next += 1;
        let value = seed.deserialize(Value {
            reader: self.reader,
            node,
        });
        self.reader.pop();
        value.map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len() - self.next)
    }
}

/// The entries of a map, with the keys it may not have renamed or left out.
struct Entries<'r, 'a> {
    reader: &'r Reader<'a>,
    /// (key as the type reads it, key as written, value node).
    entries: Vec<(String, String, NodeId)>,
    next: usize,
}

impl<'r, 'a> Entries<'r, 'a> {
    fn empty(reader: &'r Reader<'a>) -> Self {
        Entries {
            reader,
            entries: Vec::new(),
            next: 0,
        }
    }

    /// The entries of map `node`, with its keys renamed or left out as the reader's changes
    /// say.
    fn new(reader: &'r Reader<'a>, node: NodeId) -> Self {
        let tree = reader.tree;
        let NodeKind::Map(raw) = &tree.node(node).kind else {
            return Entries::empty(reader);
        };
        let mut entries = Vec::with_capacity(raw.len());
        for entry in raw {
            // A list or map used as a key reads as no key: the type refuses it.
            let written = tree.scalar(entry.key).unwrap_or_default();
            let read_as = match reader.changes.get(&entry.key) {
                None => written.to_owned(),
                Some(Some(name)) => name.clone(),
                Some(None) => continue,
            };
            entries.push((read_as, written.to_owned(), entry.value));
        }
        Entries {
            reader,
            entries,
            next: 0,
        }
    }
}

impl<'de> MapAccess<'de> for Entries<'_, '_> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        let Some((key, _, _)) = self.entries.get(self.next) else {
            return Ok(None);
        };
        seed.deserialize(key.as_str().into_deserializer()).map(Some)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, DeError> {
        let (_, written, node) = &self.entries[self.next];
        self.next += 1;
        self.reader.push(Step::Key(written.clone()))?;
        let value = seed.deserialize(Value {
            reader: self.reader,
            node: *node,
        });
        self.reader.pop();
        value
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len() - self.next)
    }
}

/// An enumeration value written as its name.
struct UnitVariant<'t>(&'t str);

impl<'de> EnumAccess<'de> for UnitVariant<'_> {
    type Error = DeError;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), DeError> {
        let value = seed.deserialize(self.0.into_deserializer())?;
        Ok((value, self))
    }
}

impl<'de> VariantAccess<'de> for UnitVariant<'_> {
    type Error = DeError;

    fn unit_variant(self) -> Result<(), DeError> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _seed: T) -> Result<T::Value, DeError> {
        Err(de::Error::invalid_type(
            Unexpected::UnitVariant,
            &"newtype variant",
        ))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, _v: V) -> Result<V::Value, DeError> {
        Err(de::Error::invalid_type(
            Unexpected::UnitVariant,
            &"tuple variant",
        ))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        _v: V,
    ) -> Result<V::Value, DeError> {
        Err(de::Error::invalid_type(
            Unexpected::UnitVariant,
            &"struct variant",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        title: String,
        #[serde(default)]
        count: Option<u32>,
        #[serde(default)]
        items: Vec<Item>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Item {
        name: String,
    }

    fn read(yaml: &str) -> Result<Doc, DeError> {
        let tree = Tree::parse(yaml);
        Reader::new(&tree, &KeyChanges::new()).read::<Doc>()
    }

    #[test]
    fn text_fields_take_any_scalar_as_written() {
        for (written, text) in [("2024", "2024"), ("~", "~"), ("1.10", "1.10"), ("'x'", "x")] {
            let doc = read(&format!("title: {written}\n")).unwrap();
            assert_eq!(doc.title, text);
        }
        assert_eq!(read("title: t\ncount: 7\n").unwrap().count, Some(7));
        assert_eq!(read("title: t\ncount: ~\n").unwrap().count, None);
    }

    #[test]
    fn errors_are_data_at_their_node() {
        let e = read("title: t\ncount: \"7\"\n").unwrap_err();
        assert_eq!(
            e.problem,
            Problem::WrongType {
                found: Found::Text("7".into()),
                want: Want::Unsigned
            }
        );
        assert_eq!(e.path.as_deref(), Some("count"));
        let e = read("title: t\nitems:\n  - {name: a}\n  - {name: [b]}\n").unwrap_err();
        assert_eq!(e.path.as_deref(), Some("items[1].name"));
        let tree = Tree::parse("title: t\nitems:\n  - {name: a}\n  - {name: [b]}\n");
        assert_eq!(tree.node(e.node.unwrap()).span.start.line, 4);
        assert_eq!(
            read("count: 1\n").unwrap_err().problem,
            Problem::MissingField("title")
        );
        assert_eq!(
            read("title: t\ncount: -1\n").unwrap_err().problem,
            Problem::InvalidValue {
                found: Found::Integer(-1),
                want: Want::Unsigned
            }
        );
    }

    #[test]
    fn aliases_are_followed_within_bounds() {
        let doc = read("title: &t Tên\nitems: [{name: *t}]\n").unwrap();
        assert_eq!(doc.items[0].name, "Tên");
        // An alias inside the list it repeats: refused, not followed for ever.
        #[derive(Debug, Deserialize)]
        struct Nest {
            #[serde(default)]
            #[allow(dead_code)]
            more: Vec<Nest>,
        }
        let tree = Tree::parse("more: &a [{more: *a}]\n");
        let e = Reader::new(&tree, &KeyChanges::new())
            .read::<Nest>()
            .unwrap_err();
        assert!(
            matches!(e.problem, Problem::TooDeep | Problem::TooManyAliases),
            "{e:?}"
        );
        // A billion laughs is refused by the visit budget: tests/hostile.rs.
    }

    #[test]
    fn keys_are_renamed_or_left_out_as_told() {
        let tree = Tree::parse("titel: t\nextra: [1]\n");
        let root = tree.root.unwrap();
        let mut changes = KeyChanges::new();
        changes.insert(tree.get(root, "titel").unwrap().key, Some("title".into()));
        changes.insert(tree.get(root, "extra").unwrap().key, None);
        let doc = Reader::new(&tree, &changes).read::<Doc>().unwrap();
        assert_eq!(doc.title, "t");
    }
}
