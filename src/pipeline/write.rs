//! Writing a spec's outputs into a folder: one spec ([`render_to_dir`]) or a batch side by
//! side ([`render_all`]). Nothing is written unless every output of a spec was made, and each file
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
    /// A note naming the `templates/` folder beside the spec when it was used, then the
    /// warnings `check` found, printed as `check` prints them (empty when none).
    pub warnings: String,
    /// The PDF's page count, when a PDF was written.
    pub pages: Option<usize>,
}

/// The outputs of one spec, made in memory.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// Output bytes by format, in format order.
    pub outputs: Vec<(Format, Vec<u8>)>,
    /// A note naming the `templates/` folder beside the spec when it was used, then the
    /// warnings `check` found (empty when none).
    pub warnings: String,
    /// The PDF's page count, when a PDF was made.
    pub pages: Option<usize>,
}

/// A `templates/` folder beside the spec, used as house templates when `--templates` is not
/// given.
pub fn templates_beside(spec_path: &Path) -> Option<PathBuf> {
    let dir = spec_path.parent()?.join("templates");
    dir.is_dir().then_some(dir)
}

/// The line that announces house templates found beside a spec (a folder the user may not
/// know is there changes the document).
pub fn templates_note(spec_path: &Path, dir: &Path) -> String {
    format!(
        "{}: dùng mẫu trình bày riêng trong {} (thư mục templates/ cạnh tệp YAML)\n",
        spec_path.display(),
        dir.display()
    )
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
    let mut note = String::new();
    let options = match (options.templates, templates_beside(spec_path)) {
        (None, Some(dir)) => {
            beside = Templates::load(&dir)?;
            note = templates_note(spec_path, &dir);
            Options {
                templates: Some(&beside),
                ..*options
            }
        }
        _ => *options,
    };
    let made = super::outputs(composed, formats, &options)?;
    let warnings = note + &crate::finding::report::human(&made.report, false);
    let pages = made.paged.as_ref().map(|paged| paged.pages().len());
    let outputs = formats
        .iter()
        .map(|&format| {
            let bytes = match format {
                Format::Typ => made.typ.clone().into_bytes(),
                Format::Md => made.md.clone().unwrap_or_default().into_bytes(),
                Format::Pdf => made.pdf.clone().unwrap_or_default(),
                Format::Docx => made.docx.clone().unwrap_or_default(),
            };
            (format, bytes)
        })
        .collect();
    Ok(Rendered {
        outputs,
        warnings,
        pages,
    })
}

/// Renders one spec and writes `out_dir/<stem>.<ext>` for each format. Nothing is written
/// unless every output was made; each file appears whole (temporary file, then rename).
pub fn render_to_dir(
    spec_path: &Path,
    out_dir: &Path,
    formats: &[Format],
    options: &Options,
) -> Result<Written, Error> {
    let shown = spec_path.display().to_string();
    for &format in formats {
        let output = output_path(spec_path, out_dir, format);
        crate::files::refuse_input(&shown, &output, [spec_path])?;
    }
    let rendered = render_spec(spec_path, formats, options)?;
    let dir_name = out_dir.display().to_string();
    std::fs::create_dir_all(out_dir).map_err(|e| Error::io(&dir_name, "tạo thư mục", &e))?;
    let mut staged = Vec::new();
    for (format, bytes) in &rendered.outputs {
        let target = output_path(spec_path, out_dir, *format);
        staged.push((crate::files::stage(&target, bytes)?, target));
    }
    let mut files = Vec::new();
    for (tmp, target) in staged {
        tmp.persist()?;
        files.push(target);
    }
    Ok(Written {
        spec: spec_path.to_owned(),
        files,
        warnings: rendered.warnings,
        pages: rendered.pages,
    })
}

/// The file one format of a spec is written to: `out_dir/<stem>.<ext>`.
pub fn output_path(spec_path: &Path, out_dir: &Path, format: Format) -> PathBuf {
    let stem = spec_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "vanban".into());
    out_dir.join(format!("{stem}.{}", format.extension()))
}

/// How many renders a batch runs side by side: one per thread of rayon's pool (the pool Typst
/// lays out on, and the number of layouts [`crate::render::Cache::Shared`] keeps).
fn batch_workers(specs: usize) -> usize {
    rayon::current_num_threads().min(specs).max(1)
}

/// The stack of a batch worker. Typst's layout recurses with the document's nesting; the main
/// thread's 8 MiB is what a single render has always had, and only the pages touched are used.
const WORKER_STACK: usize = 8 << 20;

/// A step of a batch, for progress reports.
#[derive(Debug, Clone, Copy)]
pub enum Step<'a> {
    /// A spec's render began.
    Started(&'a Path),
    /// A spec's render ended (written or failed).
    Finished(&'a Path),
}

/// Renders every spec into `out_dir`, side by side on [`batch_workers`] threads of their own,
/// calling `progress` as each spec starts and ends; results come back in the order of `specs`.
/// Each worker renders one spec at a time on its own stack and takes the next when it is done,
/// so renders never nest, however many specs there are: Typst's own parallel work runs on
/// rayon's pool, which never hands a worker another spec while it waits (as a rayon task per
/// spec did: a waiting thread took another spec's render onto the same stack, and a batch of
/// ~160 specs overflowed it). Two specs that would write the same output names (same file
/// stem) are both refused before anything is rendered.
pub fn render_all(
    specs: &[PathBuf],
    out_dir: &Path,
    formats: &[Format],
    options: &Options,
    progress: impl Fn(Step<'_>) + Sync,
) -> Vec<Result<Written, Error>> {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let mut clashes = output_clashes(specs, out_dir, formats);
    let results: Mutex<Vec<Option<Result<Written, Error>>>> =
        Mutex::new(clashes.iter_mut().map(|c| c.take().map(Err)).collect());
    let next = AtomicUsize::new(0);
    let work = || {
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(spec) = specs.get(i) else { break };
            let lock = || results.lock().unwrap_or_else(|e| e.into_inner());
            if lock()[i].is_some() {
                continue;
            }
            progress(Step::Started(spec));
            let result = render_to_dir(spec, out_dir, formats, options);
            lock()[i] = Some(result);
            progress(Step::Finished(spec));
        }
    };
    std::thread::scope(|scope| {
        let spawned = (0..batch_workers(specs.len()))
            .filter(|i| {
                std::thread::Builder::new()
                    .name(format!("vanban-{i}"))
                    .stack_size(WORKER_STACK)
                    .spawn_scoped(scope, work)
                    .is_ok()
            })
            .count();
        // No thread could be made (a process limit): the batch runs here, one spec at a time.
        if spawned == 0 {
            work();
        }
    });
    results
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .map(|result| result.expect("every spec was taken by a worker"))
        .collect()
}

/// For each spec, the error refusing it when one of its outputs would replace a spec of the
/// batch (its own file or another's), or when another spec of the batch would write the same
/// output names into `out_dir` (same file stem); found in one pass over the batch. `render` and
/// `watch` both refuse what it finds.
pub fn output_clashes(specs: &[PathBuf], out_dir: &Path, formats: &[Format]) -> Vec<Option<Error>> {
    use std::collections::HashMap;
    let mut by_stem: HashMap<Option<&std::ffi::OsStr>, Vec<usize>> = HashMap::new();
    for (i, spec) in specs.iter().enumerate() {
        by_stem.entry(spec.file_stem()).or_default().push(i);
    }
    let mut clashes: Vec<Option<Error>> = specs.iter().map(|_| None).collect();
    for same in by_stem.values().filter(|same| same.len() > 1) {
        for &i in same {
            // The same file named twice is rendered twice, into the same names: no clash.
            let other = same.iter().map(|&j| &specs[j]).find(|&o| *o != specs[i]);
            clashes[i] = other.map(|other| Error::Io {
                file: specs[i].display().to_string(),
                message: format!(
                    "trùng tên tệp kết quả với {}: hai tệp sẽ ghi đè nhau trong {}; đổi tên \
                     một tệp hoặc trình bày riêng từng tệp",
                    other.display(),
                    out_dir.display()
                ),
            });
        }
    }
    let inputs = crate::files::Inputs::new(specs.iter().map(PathBuf::as_path));
    for (spec, clash) in specs.iter().zip(&mut clashes) {
        let shown = spec.display().to_string();
        for &format in formats {
            if clash.is_none() {
                *clash = inputs
                    .refuse(&shown, &output_path(spec, out_dir, format))
                    .err();
            }
        }
    }
    clashes
}
