//! Document → outputs: Tera templates make the Typst source and the Markdown, printing user
//! text through the Typst and Markdown renderers of the text model ([`typst_text`],
//! [`markdown_text`]); Typst lays the source out in-process with the chosen fonts and writes
//! the PDF/A; signature fields are then added where the layout left room for each signer. The
//! Word file is built from the same document with the style file's measurements ([`docx()`]).

mod docx;
mod fonts;
pub mod markdown_text;
mod pdf;
mod signing;
mod templates;
pub mod typst_text;

pub use docx::{DocxOptions, Nd30, Role, docx};
pub use fonts::TIMES_NEW_ROMAN;
pub use pdf::{Cache, FontSet, Typesetter, compile, pdf};
pub use signing::add_signature_fields;
pub use templates::{
    Templates, comparison_markdown, comparison_typst, markdown, no_environment, typst_source,
};

/// The output formats `render` can write; on the command line a comma-separated list, names
/// read without regard to case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, clap::ValueEnum)]
pub enum Format {
    /// PDF laid out per ND 30.
    Pdf,
    /// Markdown of the same text.
    #[value(alias = "markdown")]
    Md,
    /// The Typst source the PDF is made from (compiles by itself).
    #[value(alias = "typst")]
    Typ,
    /// Word (.docx) laid out per ND 30 like the PDF, for review rounds.
    #[value(alias = "word")]
    Docx,
}

impl Format {
    /// The file extension, also the name used on the command line.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Md => "md",
            Format::Typ => "typ",
            Format::Docx => "docx",
        }
    }
}
