//! Writing a spec's outputs into a folder: one spec ([`render_to_dir`]) or a batch in parallel
//! ([`render_all`]). Nothing is written unless every output of a spec was made, and each file
//! appears whole (temporary file, then rename).

use super::{Options, Source};
use crate::error::Error;
use crate::render::{Format, Templates};
use std::path::{Path, PathBuf};

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

/// A `templates/` folder beside the spec, used as house templates when `--templates` is not
/// given.
pub(super) fn templates_beside(spec_path: &Path) -> Option<PathBuf> {
    let dir = spec_path.parent()?.join("templates");
    dir.is_dir().then_some(dir)
}

/// Checks, numbers and renders one spec file into the requested formats, in memory, through
/// the [`pipeline`](super): any finding of error severity stops it with the full report.
pub fn render_spec(
    spec_path: &Path,
    formats: &[Format],
    options: &Options,
) -> Result<Rendered, Error> {
    let source = Source::file(spec_path)?;
    let composed = super::compose(super::check(&source))?.signable()?;
    let beside;
    let options = match (options.templates, templates_beside(spec_path)) {
        (None, Some(dir)) => {
            beside = Templates::load(&dir)?;
            Options {
                templates: Some(&beside),
                ..*options
            }
        }
        _ => *options,
    };
    let made = super::outputs(composed, formats, &options)?;
    let warnings = crate::finding::report::human(&made.report, false);
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
    Ok(Rendered { outputs, warnings })
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
        staged.push((crate::files::stage(out_dir, &target, bytes)?, target));
    }
    let mut files = Vec::new();
    for (tmp, target) in staged {
        crate::files::persist(tmp, &target)?;
        files.push(target);
    }
    Ok(Written {
        spec: spec_path.to_owned(),
        files,
        warnings: rendered.warnings,
    })
}

/// Renders every spec into `out_dir` in parallel (rayon, one task per spec), calling `done`
/// after each; results come back in the order of `specs`. Two specs that would write the same
/// output names (same file stem) are both refused before anything is rendered.
pub fn render_all(
    specs: &[PathBuf],
    out_dir: &Path,
    formats: &[Format],
    options: &Options,
    done: impl Fn() + Sync,
) -> Vec<Result<Written, Error>> {
    use rayon::prelude::*;
    let stem = |p: &PathBuf| p.file_stem().map(|s| s.to_string_lossy().into_owned());
    specs
        .par_iter()
        .map(|spec| {
            let clash = specs
                .iter()
                .find(|other| *other != spec && stem(other) == stem(spec));
            let result = match clash {
                Some(other) => Err(Error::Io {
                    file: spec.display().to_string(),
                    message: format!(
                        "trùng tên tệp kết quả với {}: hai tệp sẽ ghi đè nhau trong {}; đổi tên \
                         một tệp hoặc trình bày riêng từng tệp",
                        other.display(),
                        out_dir.display()
                    ),
                }),
                None => render_to_dir(spec, out_dir, formats, options),
            };
            done();
            result
        })
        .collect()
}
