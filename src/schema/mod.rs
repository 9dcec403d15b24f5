//! The JSON Schema of a spec, for editors (VS Code's YAML support: completion, hovers, inline
//! errors). It is derived from the Rust types in [`crate::spec`] with schemars; the Vietnamese
//! description of every type and field comes from the table in [`descriptions`], and a test makes sure no
//! field is left without one. The enum of `kind` values comes from [`crate::kind::KINDS`].

use crate::kind::Kind;
use crate::spec::{Attached, AttachedWords, Row, Spec, SpecDate, Width};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use std::borrow::Cow;

mod descriptions;
use descriptions::DESCRIPTIONS;

/// The schema of a spec as JSON, with Vietnamese descriptions and the draft it follows.
pub fn spec_schema() -> serde_json::Value {
    let mut value = schemars::schema_for!(Spec).to_value();
    describe(&mut value, "Spec");
    if let Some(defs) = value.get_mut("$defs").and_then(|d| d.as_object_mut()) {
        for (name, def) in defs.iter_mut() {
            describe(def, name);
        }
    }
    if let Some(root) = value.as_object_mut() {
        root.insert("title".into(), "Tệp YAML của vanban".into());
    }
    drop_null_defaults(&mut value);
    value
}

/// Removes every `"default": null` (what schemars writes for an optional field). The YAML
/// language server, which VS Code's YAML extension runs, offers no completion at all in a map
/// whose properties carry one (yaml-language-server 1.25; tests/editor.rs drives it); an absent
/// default means the same to a validator.
fn drop_null_defaults(value: &mut serde_json::Value) {
    let mut pending = vec![value];
    while let Some(v) = pending.pop() {
        match v {
            serde_json::Value::Object(map) => {
                if map.get("default").is_some_and(serde_json::Value::is_null) {
                    map.remove("default");
                }
                pending.extend(map.values_mut());
            }
            serde_json::Value::Array(items) => pending.extend(items.iter_mut()),
            _ => {}
        }
    }
}

/// Puts the Vietnamese descriptions of `ty` on a schema object and on its properties.
fn describe(schema: &mut serde_json::Value, ty: &str) {
    let text = |field: &str| {
        DESCRIPTIONS
            .iter()
            .find(|(t, f, _)| *t == ty && *f == field)
            .or_else(|| {
                DESCRIPTIONS
                    .iter()
                    .find(|(t, f, _)| *t == "*" && *f == field && !field.is_empty())
            })
            .map(|(_, _, d)| *d)
    };
    let Some(object) = schema.as_object_mut() else {
        return;
    };
    match text("") {
        Some(d) => object.insert("description".into(), d.into()),
        None => object.remove("description"),
    };
    if let Some(props) = object.get_mut("properties").and_then(|p| p.as_object_mut()) {
        for (field, prop) in props.iter_mut() {
            if let Some(prop) = prop.as_object_mut() {
                match text(field) {
                    Some(d) => prop.insert("description".into(), d.into()),
                    None => prop.remove("description"),
                };
            }
        }
    }
}

/// A list of texts that may also be written as one text (`one_or_many` in the spec).
pub fn one_or_many(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "anyOf": [{ "type": "string" }, { "type": "array", "items": { "type": "string" } }, { "type": "null" }]
    })
}

/// A list whose elements are a plain text or a full `T` (clauses, points, items).
pub fn text_or<T: JsonSchema>(generator: &mut SchemaGenerator) -> Schema {
    let full = generator.subschema_for::<T>();
    json_schema!({
        "anyOf": [
            { "type": "array", "items": { "anyOf": [{ "type": "string" }, full] } },
            { "type": "null" }
        ]
    })
}

/// One value per row of [`crate::kind::KINDS`], described by its name and abbreviation.
impl JsonSchema for Kind {
    fn schema_name() -> Cow<'static, str> {
        "Kind".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let one_of: Vec<serde_json::Value> = Kind::all()
            .map(|k| {
                serde_json::json!({
                    "type": "string",
                    "const": k.key(),
                    "description": format!("{} ({}).", k.label(), k.abbreviation()),
                })
            })
            .collect();
        json_schema!({ "oneOf": one_of })
    }
}

impl JsonSchema for SpecDate {
    fn schema_name() -> Cow<'static, str> {
        "SpecDate".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "pattern": "^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$" })
    }
}

impl JsonSchema for Width {
    fn schema_name() -> Cow<'static, str> {
        "Width".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "anyOf": [
                { "type": "number", "exclusiveMinimum": 0 },
                { "type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?(mm|cm|pt|fr|%)?$" }
            ]
        })
    }
}

impl JsonSchema for Attached {
    fn schema_name() -> Cow<'static, str> {
        "Attached".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let words = generator.subschema_for::<AttachedWords>();
        json_schema!({ "anyOf": [{ "type": "string" }, words] })
    }
}

impl JsonSchema for Row {
    fn schema_name() -> Cow<'static, str> {
        "Row".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "anyOf": [
                { "type": "array", "items": { "type": ["string", "number", "boolean", "null"] } },
                {
                    "type": "object",
                    "properties": {
                        "group": { "type": "string" },
                        "number": { "type": "boolean" }
                    },
                    "required": ["group"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every description in the schema (types and fields), with where it is.
    fn descriptions(value: &serde_json::Value, at: &str, out: &mut Vec<(String, Option<String>)>) {
        let Some(object) = value.as_object() else {
            return;
        };
        if let Some(props) = object.get("properties").and_then(|p| p.as_object()) {
            for (field, prop) in props {
                let d = prop
                    .get("description")
                    .and_then(|d| d.as_str())
                    .map(str::to_owned);
                out.push((format!("{at}.{field}"), d));
            }
        }
    }

    #[test]
    fn every_type_and_field_is_described_in_vietnamese() {
        let schema = spec_schema();
        let mut all = Vec::new();
        descriptions(&schema, "Spec", &mut all);
        for (name, def) in schema["$defs"].as_object().unwrap() {
            let d = def
                .get("description")
                .and_then(|d| d.as_str())
                .map(str::to_owned);
            all.push((name.clone(), d));
            descriptions(def, name, &mut all);
        }
        assert!(all.len() > 90, "{}", all.len());
        for (at, d) in all {
            let d = d.unwrap_or_else(|| panic!("{at} has no description"));
            assert!(!d.is_ascii(), "{at}: not Vietnamese: {d}");
        }
    }
}
