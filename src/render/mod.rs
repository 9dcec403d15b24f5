//! Document → outputs: Tera templates make the Typst source and the Markdown; Typst lays the
//! source out in-process with the chosen fonts and writes the PDF/A; signature fields are then
//! added where the layout left room for each signer.

mod fonts;
mod pdf;
mod signing;
mod templates;

pub use fonts::{FontSet, TIMES_NEW_ROMAN};
pub use pdf::{Cache, KEPT_RENDERS, Typesetter, compile, pdf};
pub use signing::add_signature_fields;
pub use templates::{Templates, comparison_typst, markdown, typst_source};

use crate::finding::{Rule, Severity};

/// A character the font has no glyph for: it would print as an empty box.
pub static GLYPH_MISSING: Rule = Rule {
    id: "glyph-missing",
    severity: Severity::Error,
    vi: "Ký tự không có trong phông chữ (bản in sẽ thành ô trống); tìm thấy khi dàn trang PDF.",
    en: "A character the font lacks (it would print as an empty box); found while laying out the PDF.",
};

/// The rules of the output step.
pub const RULES: &[&Rule] = &[&GLYPH_MISSING];

/// The output formats `render` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// PDF laid out per ND 30.
    Pdf,
    /// Markdown of the same text.
    Md,
    /// The Typst source the PDF is made from (compiles by itself).
    Typ,
}

impl Format {
    /// The file extension, also the name used on the command line.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Md => "md",
            Format::Typ => "typ",
        }
    }

    /// Reads a format name as given after `--format`.
    pub fn parse(name: &str) -> Option<Format> {
        match name.trim().to_ascii_lowercase().as_str() {
            "pdf" => Some(Format::Pdf),
            "md" | "markdown" => Some(Format::Md),
            "typ" | "typst" => Some(Format::Typ),
            _ => None,
        }
    }
}
