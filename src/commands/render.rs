//! `vanban render`: spec files → PDF, Markdown and Typst files, written atomically.

use crate::error::Error;
use crate::pipeline::{self, Options, Source};
use crate::render::{Cache, FontSet, Format, Templates};
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
fn templates_beside(spec_path: &Path) -> Option<PathBuf> {
    let dir = spec_path.parent()?.join("templates");
    dir.is_dir().then_some(dir)
}

/// Checks, numbers and renders one spec file into the requested formats, in memory, through
/// the [`pipeline`]: any finding of error severity stops it with the full report.
pub fn render_spec(
    spec_path: &Path,
    formats: &[Format],
    options: &Options,
) -> Result<Rendered, Error> {
    let source = Source::file(spec_path)?;
    let composed = pipeline::compose(pipeline::check(&source))?.signable()?;
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
    let warnings = crate::finding::report::human(&composed.report, false);
    let made = pipeline::outputs(composed, formats, &options)?;
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

/// What `vanban render` was asked to do, as given on the command line.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// The spec files.
    pub specs: Vec<PathBuf>,
    /// The output folder.
    pub out: PathBuf,
    /// The `--format` list, in the order given (a format named twice is written once).
    pub formats: Vec<Format>,
    /// `--font-dir`.
    pub font_dir: Option<PathBuf>,
    /// `--font`.
    pub font: Option<String>,
    /// `--templates`.
    pub templates: Option<PathBuf>,
}

/// What a [`Request`] asks for, read and loaded: the formats, the fonts and the house templates.
pub struct Setup {
    /// The formats to write, in order.
    pub formats: Vec<Format>,
    /// The fonts the PDF is set in (embedded, or from `--font-dir`).
    pub fonts: FontSet,
    /// The templates of `--templates`, when given.
    pub house: Option<Templates>,
}

impl Setup {
    /// Reads the formats, fonts and house templates of a request. A problem is printed and
    /// its exit code returned (2: a folder that cannot be read).
    pub fn read(request: &Request) -> Result<Setup, u8> {
        let mut formats = Vec::new();
        for &format in &request.formats {
            if !formats.contains(&format) {
                formats.push(format);
            }
        }
        let fonts = match &request.font_dir {
            None => FontSet::embedded().clone(),
            Some(dir) => FontSet::from_dir(dir, request.font.as_deref()).map_err(|err| {
                eprintln!("{err}");
                2u8
            })?,
        };
        let house = request
            .templates
            .as_deref()
            .map(Templates::load)
            .transpose()
            .map_err(|err| {
                eprintln!("{err}");
                err.exit_code() as u8
            })?;
        Ok(Setup {
            formats,
            fonts,
            house,
        })
    }

    /// The render options these settings give, with the given cache policy.
    pub fn options(&self, cache: Cache) -> Options<'_> {
        Options {
            fonts: &self.fonts,
            templates: self.house.as_ref(),
            cache,
        }
    }
}

/// Runs `vanban render`: every spec in parallel on every core (a progress bar on a terminal),
/// each result reported in the order given, every failure repeated at the end without stopping
/// the others. Returns the exit code: the worst of all specs (0, 1 or 2).
pub fn run(request: &Request) -> u8 {
    let setup = match Setup::read(request) {
        Ok(setup) => setup,
        Err(code) => return code,
    };
    let options = setup.options(Cache::Shared);
    let formats = &setup.formats;
    let progress = progress_bar(request.specs.len());
    let results = render_all(&request.specs, &request.out, formats, &options, || {
        if let Some(bar) = &progress {
            bar.inc(1);
        }
    });
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    let mut failures = Vec::new();
    for result in &results {
        match result {
            Ok(written) => {
                eprint!("{}", written.warnings);
                for file in &written.files {
                    println!("đã ghi {}", file.display());
                }
            }
            Err(err) => {
                eprintln!("{err}");
                failures.push(err);
            }
        }
    }
    if results.len() > 1 && !failures.is_empty() {
        eprintln!(
            "\n{} trên {} tệp không trình bày được:",
            failures.len(),
            results.len()
        );
        for err in &failures {
            eprintln!("  {}", err.summary());
        }
    }
    failures
        .iter()
        .map(|e| e.exit_code() as u8)
        .max()
        .unwrap_or(0)
}

/// A progress bar on standard error when it is a terminal and there is more than one spec.
fn progress_bar(count: usize) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if count < 2 || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(count as u64);
    let style = indicatif::ProgressStyle::with_template(
        "Đang trình bày {pos}/{len} tệp [{bar:30}] {elapsed}",
    )
    .expect("valid progress template")
    .progress_chars("=> ");
    bar.set_style(style);
    Some(bar)
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
