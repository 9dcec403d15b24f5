//! Step 4 of the pipeline: the outputs of a composed spec, in memory.

use super::Composed;
use crate::document::{Document, SourceFile};
use crate::error::Error;
use crate::finding::{Finding, Report, Rule, Severity};
use crate::pages::Pages;
use crate::position::span_of;
use crate::render::{self, Cache, DocxOptions, FontSet, Format, Templates};
use std::path::Path;
use typst_layout::PagedDocument;

/// A character the font has no glyph for: it would print as an empty box.
pub static GLYPH_MISSING: Rule = Rule {
    id: "glyph-missing",
    severity: Severity::Error,
    vi: "Ký tự không có trong phông chữ (bản in sẽ thành ô trống); tìm thấy khi dàn trang PDF.",
    en: "A character the font lacks (it would print as an empty box); found while laying out the PDF.",
};

/// The rules of the output step.
pub const RULES: &[&Rule] = &[&GLYPH_MISSING];

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
    /// Every finding: the checks' and, when a PDF was made, the warnings only the laid-out
    /// pages show ([`super::layout`]).
    pub report: Report,
    /// The numbered document.
    pub doc: Document,
    /// Its Typst source.
    pub typ: String,
    /// Its Markdown, when asked for.
    pub md: Option<String>,
    /// Its Word file, when asked for.
    pub docx: Option<Vec<u8>>,
    /// The laid-out pages, when a PDF was asked for.
    pub paged: Option<PagedDocument>,
    /// The PDF/A with its signature fields, when asked for.
    pub pdf: Option<Vec<u8>>,
}

/// Step 4: the outputs of a composed spec. The Typst source is always made; the Markdown, the
/// Word file and the PDF when `formats` ask for them (side by side: all only read the
/// document). The PDF
/// carries the spec as an attachment, refuses characters its font lacks and gets two
/// signature fields per signing body (the signer's and the seal's).
pub fn outputs(composed: Composed, formats: &[Format], options: &Options) -> Result<Made, Error> {
    let Composed {
        name,
        text,
        document: mut doc,
        mut report,
        ..
    } = composed;
    let (name, text) = (name.as_str(), text.as_str());
    doc.meta.source = Some(SourceFile {
        // Typst takes the attachment's name as a path, which may hold no backslash.
        name: Path::new(name).file_name().map_or_else(
            || "spec.yaml".to_owned(),
            |f| f.to_string_lossy().replace('\\', "_"),
        ),
        text: text.to_owned(),
    });
    let templates = options.templates.unwrap_or(Templates::embedded());
    let typ = templates.typst_source(&doc, name, options.fonts.family())?;
    // The Markdown and the Word file are made while Typst lays the PDF out (all only read the
    // document).
    let (texts, laid_out) = rayon::join(
        || {
            let md = formats
                .contains(&Format::Md)
                .then(|| templates.markdown(&doc, name))
                .transpose()?;
            let docx = formats
                .contains(&Format::Docx)
                .then(|| render::docx(&doc, &DocxOptions::new(options.fonts, templates)))
                .transpose()?;
            Ok::<_, Error>((md, docx))
        },
        || {
            if !formats.contains(&Format::Pdf) {
                return Ok((None, None, Vec::new()));
            }
            let paged = render::compile(&typ, name, options.fonts, options.cache)?;
            let pages = Pages::read(&paged);
            refuse_missing_glyphs(&pages, name, text)?;
            let warnings = super::layout::orphans(&pages, text);
            let pdf = render::pdf(&paged, &doc.meta, name)?;
            let pdf = render::add_signature_fields(
                &pdf,
                &pages.signature_rooms,
                &doc.signature_blocks(),
                name,
            )?;
            Ok::<_, Error>((Some(paged), Some(pdf), warnings))
        },
    );
    let (md, docx) = texts?;
    let (paged, pdf, warnings) = laid_out?;
    report.findings.extend(warnings);
    report.sort();
    Ok(Made {
        report,
        doc,
        typ,
        md,
        docx,
        paged,
        pdf,
    })
}

/// The findings only a layout shows, for `vanban check`: lays the document out as `render`
/// would (the templates beside the spec when `options` names none, no PDF written) and reads
/// the pages back: characters the font lacks (`glyph-missing`) and heading lines ending on one
/// word ([`super::layout::LINE_ORPHAN`]). One layout, as one render makes.
pub fn laid_out_findings(composed: &Composed, options: &Options) -> Result<Vec<Finding>, Error> {
    let (name, text) = (composed.name.as_str(), composed.text.as_str());
    let templates = options.templates.unwrap_or(Templates::embedded());
    let typ = templates.typst_source(&composed.document, name, options.fonts.family())?;
    let paged = render::compile(&typ, name, options.fonts, options.cache)?;
    let pages = Pages::read(&paged);
    let mut findings = missing_glyphs(&pages, text);
    findings.extend(super::layout::orphans(&pages, text));
    Ok(findings)
}

/// A character the font lacks would print as an empty box: a finding naming the character
/// and its first place in the spec, once per character.
fn refuse_missing_glyphs(pages: &Pages, name: &str, text: &str) -> Result<(), Error> {
    let findings = missing_glyphs(pages, text);
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

/// The `glyph-missing` findings of laid-out pages, once per character.
fn missing_glyphs(pages: &Pages, text: &str) -> Vec<Finding> {
    let mut findings: Vec<Finding> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for missing in &pages.missing {
        if seen.contains(&missing.text.as_str()) {
            continue;
        }
        seen.push(&missing.text);
        // A combining mark is named as a mark, shown on a dotted circle.
        let marks = missing
            .text
            .chars()
            .all(unicode_normalization::char::is_combining_mark);
        let (what, shown) = if marks {
            ("dấu", format!("◌{}", missing.text))
        } else {
            ("ký tự", missing.text.clone())
        };
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
                &GLYPH_MISSING,
                format!(
                    "{what} `{shown}` ({}) không có trong phông chữ {}: bản in sẽ thành ô trống; \
                     hãy thay {what} này hoặc dùng phông có nó (--font-dir)",
                    codes.join(" "),
                    missing.family
                ),
            )
            .span(span),
        );
    }
    findings
}
