//! YAML order is page order: the parts a provision prints after its own text (paragraphs,
//! khoản, điểm, ý, an appendix's tables and notes) print in the order the author wrote their
//! keys. The order is recorded while a map is read, by watching its keys go by on their way to
//! the derived reader of the type; any serde deserializer will do, nothing is parsed again.

use serde::Deserialize;
use serde::de::{
    self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor,
};
use std::fmt;
use std::marker::PhantomData;

/// A key whose place among its map's keys decides where its content prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Block {
    /// `text`: the running text after the number. It always prints first (after the number, or
    /// under a khoản's title); its place is kept for the check rule `order-text`.
    Text,
    /// `paragraphs`: free paragraphs.
    Paragraphs,
    /// `clauses`: khoản.
    Clauses,
    /// `points`: điểm.
    Points,
    /// `items`: dash items.
    Items,
    /// `table`: an appendix's one table.
    Table,
    /// `tables`: an appendix's tables.
    Tables,
    /// `notes`: paragraphs an appendix prints after its tables.
    Notes,
}

impl Block {
    /// The YAML key, which is also the name templates dispatch on.
    pub fn key(self) -> &'static str {
        match self {
            Block::Text => "text",
            Block::Paragraphs => "paragraphs",
            Block::Clauses => "clauses",
            Block::Points => "points",
            Block::Items => "items",
            Block::Table => "table",
            Block::Tables => "tables",
            Block::Notes => "notes",
        }
    }

    fn from_key(key: &str) -> Option<Block> {
        [
            Block::Text,
            Block::Paragraphs,
            Block::Clauses,
            Block::Points,
            Block::Items,
            Block::Table,
            Block::Tables,
            Block::Notes,
        ]
        .into_iter()
        .find(|b| b.key() == key)
    }
}

/// The blocks of one map, in the order their keys were written (empty for a value written as
/// a plain string, or built in code: it then prints in the usual order).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Order(Vec<Block>);

impl Order {
    /// An order written as these keys, in this order.
    pub fn of(blocks: &[Block]) -> Order {
        Order(blocks.to_vec())
    }

    /// The blocks as written.
    pub fn written(&self) -> &[Block] {
        &self.0
    }

    /// The print order of a type whose blocks are `usual`, in the order the program prints them
    /// when nothing says otherwise: the blocks written, in the order written, then the others
    /// in their usual order. A map written in the usual order prints as it always did.
    pub fn arrange(&self, usual: &[Block]) -> Vec<Block> {
        let mut out: Vec<Block> = self
            .0
            .iter()
            .copied()
            .filter(|b| usual.contains(b))
            .collect();
        out.extend(usual.iter().filter(|b| !self.0.contains(b)));
        out
    }

    /// The first of `blocks` written before `block`, if `block` is written at all.
    pub fn before(&self, block: Block, blocks: &[Block]) -> Option<Block> {
        let at = self.0.iter().position(|b| *b == block)?;
        self.0[..at].iter().copied().find(|b| blocks.contains(b))
    }
}

/// A type that keeps the order of its keys.
pub trait Ordered {
    /// Records the order its map was written in.
    fn set_order(&mut self, order: Order);
}

/// Reads a `T` from the entries of a map, recording the order of its keys.
pub(super) fn read_map<'de, M, T>(map: M) -> Result<T, M::Error>
where
    M: MapAccess<'de>,
    T: Deserialize<'de> + Ordered,
{
    let mut order = Vec::new();
    let recording = Recording {
        map,
        order: &mut order,
    };
    let mut value = T::deserialize(de::value::MapAccessDeserializer::new(recording))?;
    value.set_order(Order(order));
    Ok(value)
}

/// A list of maps, each read with the order of its keys.
pub(super) fn many<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Ordered,
{
    struct Each<T>(T);
    impl<'de, T: Deserialize<'de> + Ordered> Deserialize<'de> for Each<T> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V<T>(PhantomData<T>);
            impl<'de, T: Deserialize<'de> + Ordered> Visitor<'de> for V<T> {
                type Value = T;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("một bảng khóa: giá trị")
                }
                fn visit_map<M: MapAccess<'de>>(self, m: M) -> Result<T, M::Error> {
                    read_map(m)
                }
            }
            d.deserialize_map(V(PhantomData)).map(Each)
        }
    }
    struct List<T>(PhantomData<T>);
    impl<'de, T: Deserialize<'de> + Ordered> Visitor<'de> for List<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("một danh sách")
        }
        fn visit_seq<S: SeqAccess<'de>>(self, mut s: S) -> Result<Vec<T>, S::Error> {
            let mut out = Vec::new();
            while let Some(Each(value)) = s.next_element::<Each<T>>()? {
                out.push(value);
            }
            Ok(out)
        }
    }
    d.deserialize_seq(List(PhantomData))
}

/// The entries of a map passed on unchanged, each key noted on its way.
struct Recording<'o, M> {
    map: M,
    order: &'o mut Vec<Block>,
}

impl<'de, M: MapAccess<'de>> MapAccess<'de> for Recording<'_, M> {
    type Error = M::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, M::Error> {
        self.map.next_key_seed(Noting {
            seed,
            order: self.order,
        })
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, M::Error> {
        self.map.next_value_seed(seed)
    }

    fn size_hint(&self) -> Option<usize> {
        self.map.size_hint()
    }
}

/// A key read as text, noted if it names a block, then handed to the type's own key reader.
struct Noting<'o, K> {
    seed: K,
    order: &'o mut Vec<Block>,
}

impl<'de, K: DeserializeSeed<'de>> DeserializeSeed<'de> for Noting<'_, K> {
    type Value = K::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<K::Value, D::Error> {
        let key = String::deserialize(d)?;
        if let Some(block) = Block::from_key(&key) {
            self.order.push(block);
        }
        self.seed.deserialize(key.into_deserializer())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_blocks_written_come_first_in_the_order_written() {
        use Block::*;
        let usual = [Points, Items, Paragraphs];
        assert_eq!(Order::default().arrange(&usual), usual);
        assert_eq!(
            Order::of(&[Text, Points, Items, Paragraphs]).arrange(&usual),
            usual
        );
        // A block not written is empty: where it goes does not matter.
        assert_eq!(
            Order::of(&[Text, Points, Paragraphs]).arrange(&usual),
            [Points, Paragraphs, Items]
        );
        assert_eq!(
            Order::of(&[Text, Paragraphs, Points]).arrange(&usual),
            [Paragraphs, Points, Items]
        );
        assert_eq!(
            Order::of(&[Items, Text]).arrange(&usual),
            [Items, Points, Paragraphs]
        );
        let order = Order::of(&[Points, Paragraphs, Text]);
        assert_eq!(order.before(Text, &[Paragraphs, Items]), Some(Paragraphs));
        assert_eq!(order.before(Points, &[Paragraphs]), None);
        assert_eq!(Order::default().before(Text, &[Points]), None);
    }

    #[test]
    fn any_serde_deserializer_records_the_order() {
        use Block::*;
        let article: crate::spec::Article = serde_json::from_str(
            r#"{"title": "A", "clauses": [
                {"text": "t", "paragraphs": ["p"], "id": "k", "points": [{"items": ["i"], "text": "a", "paragraphs": "q"}]},
                "x"
            ]}"#,
        )
        .unwrap();
        let clause = &article.clauses[0];
        assert_eq!(clause.order.written(), [Text, Paragraphs, Points]);
        assert_eq!(clause.points[0].order.written(), [Items, Text, Paragraphs]);
        assert_eq!(clause.points[0].paragraphs, ["q"]);
        // A khoản written as a plain string records nothing: it prints in the usual order.
        assert_eq!(article.clauses[1].order, Order::default());
    }
}
