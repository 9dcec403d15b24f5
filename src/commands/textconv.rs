//! `vanban textconv SPEC`: the Markdown of a spec on standard output, for git's textconv, so
//! that `git diff` and `git log -p` of `*.yaml` read as numbered provisions.

use crate::error::Error;
use crate::pipeline::{self, Source};

/// The Markdown `vanban render --format md` writes for the spec at `path`, with its first line
/// naming no file: git hands textconv temporary copies with random names, which would
/// otherwise show up as a changed line. A spec that cannot be read as a document gives its own
/// text back (git still shows a diff) together with its report for standard error; findings of
/// the other rules do not stop it (a draft under review may still have them). A YAML file that
/// is not a spec at all (no `kind` vanban knows) is given back as it is, with no report.
pub fn textconv(path: &std::path::Path) -> Result<(String, Option<Error>), Error> {
    let source = Source::file(path)?;
    let as_text = || String::from_utf8_lossy(&source.bytes).into_owned();
    match crate::load::decode(&source.bytes) {
        Ok(decoded) if crate::load::names_a_kind(&decoded.nfc_text()) => {}
        _ => return Ok((as_text(), None)),
    }
    let checked = pipeline::check(&source);
    let text = checked.report.source.clone();
    let markdown = pipeline::compose(checked)
        .and_then(|composed| crate::render::markdown(&composed.document, ""));
    Ok(match markdown {
        Ok(md) => (md, None),
        Err(_) if text.is_empty() => (as_text(), None),
        Err(err) => (text, Some(err)),
    })
}

/// What `vanban textconv` was asked for.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// Tệp YAML mô tả văn bản.
    #[arg(value_name = "TỆP_YAML")]
    pub spec: std::path::PathBuf,
}

/// Runs `vanban textconv SPEC`: prints the Markdown (or the spec itself when it has errors,
/// which go to standard error) and returns the exit code.
pub fn run(args: Args) -> u8 {
    match textconv(&args.spec) {
        Ok((text, problem)) => {
            if let Some(err) = problem {
                eprintln!("{err}");
            }
            if super::print_bytes(text.as_bytes()) {
                0
            } else {
                2
            }
        }
        Err(err) => {
            eprintln!("{err}");
            err.exit_code() as u8
        }
    }
}
