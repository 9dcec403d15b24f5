//! The Tera templates, embedded in the binary, and the two text outputs they make.

use crate::document::Document;
use crate::error::Error;
use std::sync::OnceLock;

/// Templates by name: a document template per target with partials for its parts.
const TEMPLATES: &[(&str, &str)] = &[
    (
        "typst/document.typ",
        include_str!("../../templates/typst/document.typ.tera"),
    ),
    (
        "typst/body.typ",
        include_str!("../../templates/typst/body.typ.tera"),
    ),
    (
        "typst/ending.typ",
        include_str!("../../templates/typst/ending.typ.tera"),
    ),
    (
        "markdown/document.md",
        include_str!("../../templates/markdown/document.md.tera"),
    ),
    (
        "markdown/body.md",
        include_str!("../../templates/markdown/body.md.tera"),
    ),
    (
        "markdown/ending.md",
        include_str!("../../templates/markdown/ending.md.tera"),
    ),
];

/// The ND 30 style file, inlined into every Typst source so that the source compiles alone.
const STYLE: &str = include_str!("../../templates/typst/nd30.typ");

fn tera() -> &'static tera::Tera {
    static TERA: OnceLock<tera::Tera> = OnceLock::new();
    TERA.get_or_init(|| {
        let mut tera = tera::Tera::default();
        tera.autoescape_on(vec![]);
        tera.add_raw_templates(TEMPLATES.iter().copied())
            .expect("embedded templates parse");
        tera.register_filter("typst_str", typst_str);
        tera
    })
}

/// Tera filter: a value as a Typst string literal (for metadata, which Typst wants as strings).
fn typst_str(
    value: &tera::Value,
    _: &std::collections::HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let text = match value {
        tera::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    Ok(tera::Value::String(crate::markup::typst_string(&text)))
}

fn render(name: &str, doc: &Document, source: &str, font: &str) -> Result<String, Error> {
    let mut context = tera::Context::from_serialize(doc).map_err(|e| internal(source, &e))?;
    context.insert("style", STYLE);
    context.insert("font", font);
    context.insert(
        "source",
        &std::path::Path::new(source)
            .file_name()
            .map(|f| f.to_string_lossy().into_owned()),
    );
    tera()
        .render(name, &context)
        .map_err(|e| internal(source, &e))
}

fn internal(source: &str, e: &tera::Error) -> Error {
    use std::error::Error as _;
    let mut message = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        message.push_str(": ");
        message.push_str(&c.to_string());
        cause = c.source();
    }
    Error::Layout {
        file: source.to_owned(),
        message: format!("lỗi mẫu trình bày (template): {message}"),
    }
}

/// The Typst source of a document set in the font family `font`; it compiles by itself given
/// that family's files (`fonts/` for the embedded one).
pub fn typst_source(doc: &Document, source: &str, font: &str) -> Result<String, Error> {
    render("typst/document.typ", doc, source, font)
}

/// The Markdown of a document: same numbers and header facts, one provision per paragraph.
pub fn markdown(doc: &Document, source: &str) -> Result<String, Error> {
    render("markdown/document.md", doc, source, "")
}
