//! Typst in-process: lays out a Typst source with the embedded fonts and writes the PDF.

use crate::error::Error;
use std::sync::OnceLock;
use typst::diag::SourceDiagnostic;
use typst::foundations::Smart;
use typst::text::Font;
use typst_as_lib::{TypstAsLibError, TypstEngine};
use typst_layout::PagedDocument;

/// Liberation Serif (metric-compatible with Times New Roman, SIL OFL), from `fonts/`.
const FONT_FILES: [&[u8]; 4] = [
    include_bytes!("../../fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../../fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../../fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../../fonts/LiberationSerif-BoldItalic.ttf"),
];

/// The embedded fonts, parsed once per process.
fn fonts() -> &'static [Font] {
    static FONTS: OnceLock<Vec<Font>> = OnceLock::new();
    FONTS.get_or_init(|| {
        FONT_FILES
            .iter()
            .flat_map(|bytes| Font::iter(typst::foundations::Bytes::new(*bytes)))
            .collect()
    })
}

/// Lays out a Typst source. `file` names the spec in error messages.
pub fn compile(source: &str, file: &str) -> Result<PagedDocument, Error> {
    let engine = TypstEngine::builder()
        .main_file(("main.typ", source.to_owned()))
        .fonts(fonts().iter().cloned())
        .build();
    engine.compile().output.map_err(|e| layout_error(file, e))
}

/// Writes a laid-out document as PDF. The bytes depend only on the document: no clock, no
/// machine-specific data.
pub fn pdf(doc: &PagedDocument, file: &str) -> Result<Vec<u8>, Error> {
    let options = typst_pdf::PdfOptions {
        creator: Smart::Custom(Some(format!("vanban {}", env!("CARGO_PKG_VERSION")))),
        ..Default::default()
    };
    typst_pdf::pdf(doc, &options).map_err(|diags| Error::Layout {
        file: file.to_owned(),
        message: describe(&diags),
    })
}

fn layout_error(file: &str, e: TypstAsLibError) -> Error {
    let message = match e {
        TypstAsLibError::TypstSource(diags) => describe(&diags),
        other => other.to_string(),
    };
    Error::Layout {
        file: file.to_owned(),
        message,
    }
}

/// Typst's messages with their hints. User text never runs as Typst code, so these point at a
/// template problem, not at the spec.
fn describe(diags: &[SourceDiagnostic]) -> String {
    diags
        .iter()
        .map(|d| {
            let mut m = d.message.to_string();
            for hint in &d.hints {
                m.push_str(&format!(" (gợi ý: {})", hint.v));
            }
            m
        })
        .collect::<Vec<_>>()
        .join("; ")
}
