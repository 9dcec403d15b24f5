//! `vanban render`: spec files → PDF, Markdown and Typst files, written atomically.

use crate::document::{Document, SourceFile};
use crate::error::{Diagnostic, Error};
use crate::pages::Pages;
use crate::render::{self, FontSet, Format};
use std::path::{Path, PathBuf};
use typst_layout::PagedDocument;

/// What was written for one spec.
#[derive(Debug, Clone)]
pub struct Written {
    /// The spec file.
    pub spec: PathBuf,
    /// The files written, in format order.
    pub files: Vec<PathBuf>,
    /// The warnings `check` found, printed as `check` prints them (empty when none).
    pub warnings: String,
}

/// The outputs of one spec, made in memory.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// Output bytes by format, in format order.
    pub outputs: Vec<(Format, Vec<u8>)>,
    /// The warnings `check` found (empty when none).
    pub warnings: String,
}

/// Settings shared by every spec of one run.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// The font family the PDF is set in.
    pub fonts: &'a FontSet,
}

impl Default for Options<'static> {
    fn default() -> Self {
        Options {
            fonts: FontSet::embedded(),
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

/// Checks, numbers and renders one spec file into the requested formats, in memory. Runs every
/// `vanban check` rule first: any error stops it with the full report ([`Error::Check`]).
pub fn render_spec(
    spec_path: &Path,
    formats: &[Format],
    options: &Options,
) -> Result<Rendered, Error> {
    let name = spec_path.display().to_string();
    let checked = crate::check::check_file(spec_path);
    let report = crate::check::report::human(&checked, false);
    if checked.unreadable {
        return Err(Error::Io {
            file: name,
            message: checked.findings[0].message.clone(),
        });
    }
    if checked.has_errors() || checked.spec.is_none() {
        return Err(Error::Check(report.trim_end().to_owned()));
    }
    let made = make(&name, &checked.source, formats, options)?;
    let outputs = formats
        .iter()
        .map(|&format| {
            let bytes = match format {
                Format::Typ => made.typ.clone().into_bytes(),
                Format::Md => made.md.clone().unwrap_or_default().into_bytes(),
                Format::Pdf => made.pdf.clone().unwrap_or_default(),
            };
            (format, bytes)
        })
        .collect();
    Ok(Rendered {
        outputs,
        warnings: report,
    })
}

/// The pipeline for one spec given as text: parse, number, Typst source; then the Markdown
/// and the PDF when `formats` ask for them. The PDF carries the spec as an attachment, refuses
/// characters its font lacks and gets one signature field per signer.
pub fn make(name: &str, text: &str, formats: &[Format], options: &Options) -> Result<Made, Error> {
    let spec = crate::load::parse(name, text)?;
    let mut doc = crate::number::build(&spec, name)?;
    doc.meta.source = Some(SourceFile {
        name: Path::new(name).file_name().map_or_else(
            || "spec.yaml".to_owned(),
            |f| f.to_string_lossy().into_owned(),
        ),
        text: text.to_owned(),
    });
    let typ = render::typst_source(&doc, name, options.fonts.family())?;
    let md = if formats.contains(&Format::Md) {
        Some(render::markdown(&doc, name)?)
    } else {
        None
    };
    let (paged, pdf) = if formats.contains(&Format::Pdf) {
        let paged = render::compile(&typ, name, options.fonts)?;
        let pages = Pages::read(&paged);
        refuse_missing_glyphs(&pages, name, text)?;
        let pdf = render::pdf(&paged, &doc.meta, name)?;
        let pdf = render::add_signature_fields(&pdf, &pages.signature_rooms, name)?;
        (Some(paged), Some(pdf))
    } else {
        (None, None)
    };
    Ok(Made {
        doc,
        typ,
        md,
        paged,
        pdf,
    })
}

/// A character the font lacks would print as an empty box: an error naming the character and
/// its first place in the spec, once per character.
fn refuse_missing_glyphs(pages: &Pages, name: &str, text: &str) -> Result<(), Error> {
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
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
        let (line, column) = match text.find(&missing.text) {
            Some(at) => {
                let before = &text[..at];
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
                (Some(line), Some(column))
            }
            None => (None, None),
        };
        diagnostics.push(Diagnostic {
            file: name.to_owned(),
            line,
            column,
            path: None,
            message: format!(
                "ký tự `{}` ({}) không có trong phông chữ {}: bản in sẽ thành ô trống; hãy thay \
                 ký tự này hoặc dùng phông có nó (--font-dir)",
                missing.text,
                codes.join(" "),
                missing.family
            ),
        });
    }
    if diagnostics.is_empty() {
        Ok(())
    } else {
        Err(Error::Spec(diagnostics))
    }
}

/// Renders one spec and writes `out_dir/<stem>.<ext>` for each format. Nothing is written
/// unless every output was made; each file appears whole (temporary file, then rename).
pub fn render_to_dir(
    spec_path: &Path,
    out_dir: &Path,
    formats: &[Format],
    options: &Options,
) -> Result<Written, Error> {
    let rendered = render_spec(spec_path, formats, options)?;
    let stem = spec_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "vanban".into());
    let dir_name = out_dir.display().to_string();
    std::fs::create_dir_all(out_dir).map_err(|e| Error::io(&dir_name, "tạo thư mục", &e))?;
    let mut staged = Vec::new();
    for (format, bytes) in &rendered.outputs {
        let target = out_dir.join(format!("{stem}.{}", format.extension()));
        let prefix = format!(".{stem}.");
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(".tmp");
        // Temporary files are private (0600); the output should get the usual mode (umask).
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
        let mut tmp = builder
            .tempfile_in(out_dir)
            .map_err(|e| Error::io(&dir_name, "ghi vào thư mục", &e))?;
        std::io::Write::write_all(&mut tmp, bytes)
            .map_err(|e| Error::io(&target.display().to_string(), "ghi", &e))?;
        staged.push((tmp, target));
    }
    let mut files = Vec::new();
    for (tmp, target) in staged {
        let shown = target.display().to_string();
        tmp.persist(&target)
            .map_err(|e| Error::io(&shown, "ghi", &e.error))?;
        files.push(target);
    }
    Ok(Written {
        spec: spec_path.to_owned(),
        files,
        warnings: rendered.warnings,
    })
}

/// Reads a `--format` list such as `pdf,md,typ`; duplicates are dropped, order is kept.
pub fn parse_formats(list: &str) -> Result<Vec<Format>, String> {
    let mut formats = Vec::new();
    for name in list.split(',').filter(|n| !n.trim().is_empty()) {
        let format = Format::parse(name).ok_or_else(|| {
            format!(
                "định dạng `{}` không có; chọn trong: pdf, md, typ",
                name.trim()
            )
        })?;
        if !formats.contains(&format) {
            formats.push(format);
        }
    }
    if formats.is_empty() {
        return Err("cần ít nhất một định dạng: pdf, md, typ".to_owned());
    }
    Ok(formats)
}
