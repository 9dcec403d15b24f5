//! The one way from a spec to its outputs, in straight order, used by every command, test and
//! benchmark:
//!
//! 1. [`Source`]: a spec's name and bytes (a file, a git revision, a text);
//! 2. [`check`]: decode, load, number and every check rule → a [`Checked`] with its findings;
//! 3. [`compose`]: the numbered [`Document`] of a checked spec — refused, with its report,
//!    when the spec could not be read or numbered; [`Composed::signable`] also refuses a spec
//!    with any error, as `render` does;
//! 4. [`outputs()`]: the Typst source, the Markdown and the PDF of a composed spec, in memory,
//!    with the warnings only the laid-out pages show ([`layout`]); [`mod@write`] puts them into
//!    a folder, one spec or a batch. `vanban check` lays the document out too
//!    ([`add_layout_findings`]), without writing anything.

pub mod layout;
pub mod outputs;
pub mod write;

pub use outputs::{GLYPH_MISSING, Made, Options, laid_out_findings, outputs};

use crate::check::Checked;
use crate::document::Document;
use crate::error::Error;
use crate::finding::Report;
use crate::render::Templates;
use crate::spec::Spec;
use std::path::Path;

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

/// Steps 1 and 2 for the file at `path`; a file that cannot be read gives a report with its
/// `file-unreadable` finding (exit code 2).
pub fn check_file(path: &Path) -> Checked {
    match Source::file(path) {
        Ok(source) => check(&source),
        Err(Error::Io { file, message }) => Checked::unreadable(&file, message),
        Err(other) => Checked::unreadable(&path.display().to_string(), other.to_string()),
    }
}

/// What `vanban check` adds to [`check_file`] for the spec at `path`: when it composes, the
/// findings of its layout ([`laid_out_findings`]: characters the font lacks, heading lines
/// ending on one word), with the templates `render` would use (`options`, else a `templates/`
/// folder beside the spec). A layout that fails adds nothing: `render` reports it.
pub fn add_layout_findings(checked: &mut Checked, path: &Path, options: &Options) {
    if checked.unreadable || checked.document.is_none() {
        return;
    }
    let beside = match options.templates {
        None => write::templates_beside(path).and_then(|dir| Templates::load(&dir).ok()),
        Some(_) => None,
    };
    let options = Options {
        templates: options.templates.or(beside.as_ref()),
        ..*options
    };
    if let Ok(composed) = compose(checked.clone())
        && let Ok(findings) = laid_out_findings(&composed, &options)
    {
        checked.report.findings.extend(findings);
        checked.report.sort();
    }
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
