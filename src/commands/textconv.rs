//! `vanban textconv SPEC`: the Markdown of a spec on standard output, for git's textconv, so
//! that `git diff` and `git log -p` of `*.yaml` read as numbered provisions.

use crate::error::Error;

/// The Markdown `vanban render --format md` writes for the spec at `path`, with its first line
/// naming no file: git hands textconv temporary copies with random names, which would
/// otherwise show up as a changed line. A spec with errors gives its own text back (git still
/// shows a diff) together with the errors for standard error.
pub fn textconv(path: &std::path::Path) -> Result<(String, Option<Error>), Error> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| Error::io(&name, "đọc", &e))?;
    let text = crate::load::decode(&name, &bytes)?;
    let markdown = crate::load::parse(&name, &text)
        .and_then(|spec| crate::number::build(&spec, &name))
        .and_then(|doc| crate::render::markdown(&doc, ""));
    Ok(match markdown {
        Ok(md) => (md, None),
        Err(err) => (text, Some(err)),
    })
}

/// Runs `vanban textconv SPEC`: prints the Markdown (or the spec itself when it has errors,
/// which go to standard error) and returns the exit code.
pub fn run(path: &std::path::Path) -> u8 {
    match textconv(path) {
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
