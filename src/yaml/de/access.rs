//! The serde access types over a tree's nodes: the items of a list, the entries of a map (with
//! its keys renamed or left out as the reader was told), and a value of an enumeration.

use super::{DeError, Reader, Step, Value};
use crate::yaml::tree::{NodeId, NodeKind};
use serde::de::{
    self, DeserializeSeed, EnumAccess, IntoDeserializer, MapAccess, SeqAccess, Unexpected,
    VariantAccess, Visitor,
};

/// The items of a list.
pub(super) struct Items<'r, 'a> {
    pub(super) reader: &'r Reader<'a>,
    pub(super) items: &'a [NodeId],
    pub(super) next: usize,
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
pub(super) struct Entries<'r, 'a> {
    reader: &'r Reader<'a>,
    /// (key as the type reads it, key as written, value node).
    entries: Vec<(String, String, NodeId)>,
    next: usize,
}

impl<'r, 'a> Entries<'r, 'a> {
    pub(super) fn empty(reader: &'r Reader<'a>) -> Self {
        Entries {
            reader,
            entries: Vec::new(),
            next: 0,
        }
    }

    /// The entries of map `node`, with its keys renamed or left out as the reader's changes
    /// say.
    pub(super) fn new(reader: &'r Reader<'a>, node: NodeId) -> Self {
        let tree = reader.tree;
        let NodeKind::Map(raw) = &tree.node(node).kind else {
            return Entries::empty(reader);
        };
        let mut entries = Vec::with_capacity(raw.len());
        for entry in raw {
            // A list or map used as a key reads as no key: the type refuses it.
            let written = tree.scalar(entry.key).unwrap_or_default();
            let read_as = match reader.changes.keys.get(&entry.key) {
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
pub(super) struct UnitVariant<'t>(pub(super) &'t str);

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
