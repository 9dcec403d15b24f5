//! The one way from a spec to its outputs, in straight order, used by every command, test and
//! benchmark:
//!
//! 1. [`Source`]: a spec's name and bytes (a file, a git revision, a text);
//! 2. [`check`]: decode, load, number and every check rule → a [`Checked`] with its findings;
//! 3. [`compose`]: the numbered [`Document`] of a checked spec — refused, with its report,
//!    when the spec could not be read or numbered; [`Composed::signable`] also refuses a spec
//!    with any error, as `render` does;
//! 4. outputs: [`outputs`] makes the Typst source, the Markdown and the PDF.

use crate::check::Checked;
use crate::document::{Document, SourceFile};
use crate::error::Error;
use crate::finding::{Finding, Report};
use crate::pages::Pages;
use crate::position::span_of;
use crate::render::{self, Cache, FontSet, Format, Templates};
use crate::spec::Spec;
use std::path::Path;
use typst_layout::PagedDocument;

/// A spec as read from somewhere: the name messages give it and its bytes.
#[derive(Debug, Clone)]
pub struct Source {
    /// The file as the user named it (or `REV:path`, or a test's name).
    pub name: String,
    /// Its bytes, at most [`crate::load::MAX_SPEC_BYTES`] + 1 of them.
    pub bytes: Vec<u8>,
}

impl Source {
    /// The spec file at `path`; a file that cannot be read is an [`Error::Io`] (exit 2).
    pub fn file(path: &Path) -> Result<Source, Error> {
        let name = path.display().to_string();
        match crate::load::read_limited(path) {
            Ok(bytes) => Ok(Source { name, bytes }),
            Err(message) => Err(Error::Io {
                file: name,
                message,
            }),
        }
    }

    /// A spec given as text.
    pub fn text(name: &str, text: &str) -> Source {
        Source {
            name: name.to_owned(),
            bytes: text.as_bytes().to_vec(),
        }
    }
}

/// Step 2: every rule over a source.
pub fn check(source: &Source) -> Checked {
    crate::check::check_bytes(&source.name, &source.bytes)
}

/// A spec ready for its outputs: the numbered document, with the spec, its text and every
/// finding the checks made (warnings, and errors when not [`Composed::signable`]).
#[derive(Debug, Clone)]
pub struct Composed {
    /// The spec's name.
    pub name: String,
    /// The spec's text (NFC), attached to the PDF.
    pub text: String,
    /// The spec as written.
    pub spec: Spec,
    /// The numbered document.
    pub document: Document,
    /// Every finding of the checks.
    pub report: Report,
}

/// Step 3: the document of a checked spec; when the spec could not be read or numbered, its
/// report as an error.
pub fn compose(checked: Checked) -> Result<Composed, Error> {
    match (checked.spec, checked.document) {
        (Some(spec), Some(document)) => Ok(Composed {
            name: checked.report.file.clone(),
            text: checked.report.source.clone(),
            spec,
            document,
            report: checked.report,
        }),
        _ => Err(Error::findings(checked.report)),
    }
}

impl Composed {
    /// The same spec when no finding is an error; otherwise its report as an error. What
    /// `render` asks before making a document to sign.
    pub fn signable(self) -> Result<Composed, Error> {
        if self.report.has_errors() {
            Err(Error::findings(self.report))
        } else {
            Ok(self)
        }
    }
}

/// Steps 1 to 3 for a spec given as text.
pub fn compose_text(name: &str, text: &str) -> Result<Composed, Error> {
    compose(check(&Source::text(name, text)))
}

/// Steps 1 to 3 for a spec given as text, refusing any error: the document `render` would
/// lay out.
pub fn signable(name: &str, text: &str) -> Result<Composed, Error> {
    compose_text(name, text)?.signable()
}

/// Settings of the output step, shared by every spec of one run.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// The font family the PDF is set in.
    pub fonts: &'a FontSet,
    /// House templates given with `--templates`; without them a `templates/` folder beside
    /// each spec is used when there is one, else the embedded templates.
    pub templates: Option<&'a Templates>,
    /// What happens to Typst's memoized layout after each render: dropped, shared by a batch,
    /// or kept for the next render (`vanban watch`).
    pub cache: Cache,
}

impl Default for Options<'static> {
    fn default() -> Self {
        Options {
            fonts: FontSet::embedded(),
            templates: None,
            cache: Cache::Drop,
        }
    }
}

/// Everything one render made, kept for callers that look inside (tests, benchmarks).
pub struct Made {
    /// The numbered document.
    pub doc: Document,
    /// Its Typst source.
    pub typ: String,
    /// Its Markdown, when asked for.
    pub md: Option<String>,
    /// The laid-out pages, when a PDF was asked for.
    pub paged: Option<PagedDocument>,
    /// The PDF/A with its signature fields, when asked for.
    pub pdf: Option<Vec<u8>>,
}

/// Step 4: the outputs of a composed spec. The Typst source is always made; the Markdown and
/// the PDF when `formats` ask for them (side by side: both only read the document). The PDF
/// carries the spec as an attachment, refuses characters its font lacks and gets one
/// signature field per signer.
pub fn outputs(composed: Composed, formats: &[Format], options: &Options) -> Result<Made, Error> {
    let Composed {
        name,
        text,
        document: mut doc,
        ..
    } = composed;
    let (name, text) = (name.as_str(), text.as_str());
    doc.meta.source = Some(SourceFile {
        name: Path::new(name).file_name().map_or_else(
            || "spec.yaml".to_owned(),
            |f| f.to_string_lossy().into_owned(),
        ),
        text: text.to_owned(),
    });
    let templates = options.templates.unwrap_or(Templates::embedded());
    let typ = templates.typst_source(&doc, name, options.fonts.family())?;
    // The Markdown is made while Typst lays the PDF out (both only read the document).
    let (md, laid_out) = rayon::join(
        || {
            formats
                .contains(&Format::Md)
                .then(|| templates.markdown(&doc, name))
                .transpose()
        },
        || {
            if !formats.contains(&Format::Pdf) {
                return Ok((None, None));
            }
            let paged = render::compile(&typ, name, options.fonts, options.cache)?;
            let pages = Pages::read(&paged);
            refuse_missing_glyphs(&pages, name, text)?;
            let pdf = render::pdf(&paged, &doc.meta, name)?;
            let pdf = render::add_signature_fields(&pdf, &pages.signature_rooms, name)?;
            Ok::<_, Error>((Some(paged), Some(pdf)))
        },
    );
    let md = md?;
    let (paged, pdf) = laid_out?;
    Ok(Made {
        doc,
        typ,
        md,
        paged,
        pdf,
    })
}

/// A character the font lacks would print as an empty box: a finding naming the character
/// and its first place in the spec, once per character.
fn refuse_missing_glyphs(pages: &Pages, name: &str, text: &str) -> Result<(), Error> {
    let mut findings: Vec<Finding> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for missing in &pages.missing {
        if seen.contains(&missing.text.as_str()) {
            continue;
        }
        seen.push(&missing.text);
        let codes: Vec<String> = missing
            .text
            .chars()
            .map(|c| format!("U+{:04X}", c as u32))
            .collect();
        let span = text
            .find(&missing.text)
            .map(|at| span_of(text, at, at + missing.text.len()));
        findings.push(
            Finding::new(
                &render::GLYPH_MISSING,
                format!(
                    "ký tự `{}` ({}) không có trong phông chữ {}: bản in sẽ thành ô trống; hãy \
                     thay ký tự này hoặc dùng phông có nó (--font-dir)",
                    missing.text,
                    codes.join(" "),
                    missing.family
                ),
            )
            .span(span),
        );
    }
    if findings.is_empty() {
        Ok(())
    } else {
        Err(Error::findings(Report {
            file: name.to_owned(),
            source: text.to_owned(),
            findings,
        }))
    }
}
