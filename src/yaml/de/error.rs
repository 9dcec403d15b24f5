//! What goes wrong while reading a value, as data: the [`Problem`], what the file has
//! ([`Found`]) and what the field takes ([`Want`]), on the node where it happened.

use crate::yaml::tree::NodeId;
use serde::de::{self, Unexpected};
use std::fmt;

/// What went wrong while reading a value.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// A required key is absent.
    MissingField(&'static str),
    /// A key the type does not have (only when the loader did not judge the map's keys).
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
    /// An error with no place yet.
    pub(super) fn new(problem: Problem) -> Self {
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
            // serde names a 128-bit integer in English ("integer `…` as u128").
            Unexpected::Other(what) => match what
                .strip_prefix("integer `")
                .and_then(|rest| rest.split_once('`'))
            {
                Some((digits, _)) => digits.parse().map_or_else(
                    |_| Found::Other(format!("số nguyên `{digits}`")),
                    Found::Integer,
                ),
                None => Found::Other(what.to_owned()),
            },
            other => Found::Other(other.to_string()),
        }
    }
}
