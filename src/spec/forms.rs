//! The short forms a spec may be written in, read by hand-written deserialisers: a provision
//! written as a plain string instead of a map, a list written as one string, table cells that
//! are numbers or text, a column width that is a share or a length, a group row.

use super::order::{self, Order, Ordered};
use super::{
    Appendix, Article, Attached, AttachedWords, Clause, Group, Item, Point, Row, Section, Width,
};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

impl<'de> Deserialize<'de> for Width {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Scalar::deserialize(d)?.0 {
            ScalarValue::Number(n) => Ok(Width::Share(n)),
            ScalarValue::Text(t) => Ok(Width::Length(t)),
            ScalarValue::Empty => Err(de::Error::invalid_type(
                de::Unexpected::Unit,
                &"một số (tỉ lệ) hoặc độ dài như `12mm`, `3fr`, `20%`",
            )),
        }
    }
}

impl<'de> Deserialize<'de> for Row {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Row;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("một danh sách ô `[ô 1, ô 2, …]` hoặc một nhóm `{ group: tên nhóm }`")
            }
            fn visit_seq<S: SeqAccess<'de>>(self, mut s: S) -> Result<Row, S::Error> {
                let mut cells = Vec::new();
                while let Some(cell) = s.next_element::<Scalar>()? {
                    cells.push(cell.into_text());
                }
                Ok(Row::Cells(cells))
            }
            fn visit_map<M: MapAccess<'de>>(self, m: M) -> Result<Row, M::Error> {
                #[derive(Deserialize)]
                #[serde(deny_unknown_fields)]
                struct Written {
                    group: String,
                    #[serde(default)]
                    number: Option<bool>,
                }
                Written::deserialize(de::value::MapAccessDeserializer::new(m)).map(|g| {
                    Row::Group(Group {
                        title: g.group,
                        number: g.number,
                    })
                })
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for Attached {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Attached;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("cả dòng \"Kèm theo …\", hoặc `{ opening: …, of: … }`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Attached, E> {
                Ok(Attached::Line(v.to_owned()))
            }
            fn visit_map<M: MapAccess<'de>>(self, m: M) -> Result<Attached, M::Error> {
                AttachedWords::deserialize(de::value::MapAccessDeserializer::new(m))
                    .map(Attached::Words)
            }
        }
        d.deserialize_any(V)
    }
}

/// A YAML scalar read as what it says: table cells may be numbers (`2026`) as well as text.
struct Scalar(ScalarValue);

enum ScalarValue {
    Text(String),
    Number(f64),
    Empty,
}

impl Scalar {
    fn into_text(self) -> String {
        match self.0 {
            ScalarValue::Text(t) => t,
            ScalarValue::Number(n) => n.to_string(),
            ScalarValue::Empty => String::new(),
        }
    }
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("một giá trị đơn (chữ hoặc số)")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar(ScalarValue::Text(v.to_owned())))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
                Ok(Scalar(ScalarValue::Text(v.to_string())))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar(ScalarValue::Number(v as f64)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar(ScalarValue::Number(v as f64)))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
                Ok(Scalar(ScalarValue::Number(v)))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Scalar, E> {
                Ok(Scalar(ScalarValue::Empty))
            }
            fn visit_none<E: de::Error>(self) -> Result<Scalar, E> {
                Ok(Scalar(ScalarValue::Empty))
            }
        }
        d.deserialize_any(V)
    }
}

/// Types that can be written as a plain string instead of a map.
pub trait FromText {
    /// The value a plain string stands for.
    fn from_text(text: String) -> Self;
}

impl FromText for Article {
    fn from_text(text: String) -> Self {
        Article {
            text: Some(text),
            ..Article::default()
        }
    }
}

impl FromText for Clause {
    fn from_text(text: String) -> Self {
        Clause {
            text: Some(text),
            ..Clause::default()
        }
    }
}

impl FromText for Point {
    fn from_text(text: String) -> Self {
        Point {
            text,
            ..Point::default()
        }
    }
}

impl FromText for Item {
    fn from_text(text: String) -> Self {
        Item {
            text,
            ..Item::default()
        }
    }
}

macro_rules! ordered {
    ($($ty:ty),*) => {
        $(
            impl Ordered for $ty {
                fn set_order(&mut self, order: Order) {
                    self.order = order;
                }
            }
        )*
    };
}

ordered!(Article, Section, Clause, Point, Appendix);

/// An ý prints its text, then its own ý: there is nothing to order.
impl Ordered for Item {
    fn set_order(&mut self, _: Order) {}
}

/// The default of a flag that is on unless turned off.
pub(super) fn yes() -> bool {
    true
}

/// One element that is either a string (shorthand) or a full map (read with the order of its
/// keys).
struct TextOrStruct<T>(T);

impl<'de, T: Deserialize<'de> + FromText + Ordered> Deserialize<'de> for TextOrStruct<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de> + FromText + Ordered> Visitor<'de> for V<T> {
            type Value = T;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("một đoạn văn bản hoặc một bảng khóa: giá trị")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
                Ok(T::from_text(v.to_owned()))
            }
            fn visit_map<M: MapAccess<'de>>(self, m: M) -> Result<T, M::Error> {
                order::read_map(m)
            }
        }
        d.deserialize_any(V(PhantomData)).map(TextOrStruct)
    }
}

pub(super) fn many_text_or_struct<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + FromText + Ordered,
{
    let items: Option<Vec<TextOrStruct<T>>> = Option::deserialize(d)?;
    Ok(items.unwrap_or_default().into_iter().map(|t| t.0).collect())
}

/// A list of strings that may also be written as a single string (or left empty).
pub(super) fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("một đoạn văn bản hoặc một danh sách")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(vec![v.to_owned()])
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(V)
        }
        fn visit_seq<S: SeqAccess<'de>>(self, mut s: S) -> Result<Self::Value, S::Error> {
            let mut out = Vec::new();
            while let Some(item) = s.next_element::<String>()? {
                out.push(item);
            }
            Ok(out)
        }
    }
    d.deserialize_any(V)
}
