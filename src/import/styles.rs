//! A Word document's styles as the reader needs them: each by its id, the chain a style
//! follows through `w:basedOn`, and a style's name. The `docx-rs` crate keeps a style's name
//! and `w:basedOn` private; their serialised form has them.

use docx_rs::{Style, Styles};
use std::collections::HashMap;

/// How far a chain of styles is followed (a loop in `w:basedOn` stops there).
const DEPTH: usize = 32;

/// The styles of one document, by id.
pub struct StyleSheet<'a> {
    by_id: HashMap<&'a str, &'a Style>,
}

impl<'a> StyleSheet<'a> {
    /// The styles `styles` holds.
    pub fn new(styles: &'a Styles) -> StyleSheet<'a> {
        StyleSheet {
            by_id: styles
                .styles
                .iter()
                .map(|s| (s.style_id.as_str(), s))
                .collect(),
        }
    }

    /// The style with the id `id`.
    pub fn get(&self, id: &str) -> Option<&'a Style> {
        self.by_id.get(id).copied()
    }

    /// Every style of the document.
    pub fn all(&self) -> impl Iterator<Item = &'a Style> + '_ {
        self.by_id.values().copied()
    }

    /// The style `id` and the styles it is based on, nearest first, at most [`DEPTH`] of them.
    pub fn chain(&self, id: Option<&str>) -> impl Iterator<Item = &'a Style> + '_ {
        let first = id.and_then(|i| self.get(i));
        std::iter::successors(first, |s| based_on(s).and_then(|b| self.get(&b))).take(DEPTH)
    }
}

/// The id of the style a style is based on.
fn based_on(style: &Style) -> Option<String> {
    let id = serde_json::to_value(style.based_on.as_ref()?).ok()?;
    id.as_str().map(str::to_owned)
}

/// A style's name, as Word's style list shows it.
pub fn name(style: &Style) -> Option<String> {
    let name = serde_json::to_value(&style.name).ok()?;
    name.as_str().map(str::to_owned)
}
