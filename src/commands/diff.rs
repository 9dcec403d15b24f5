//! `vanban diff OLD NEW`: compares two versions of a programme provision by provision. Each
//! side is a spec file or `REV:path`, read from the git repository around the path without a
//! checkout.

use crate::diff::{Comparison, compare, report, tree::Tree};
use crate::document::{Document, Meta};
use crate::error::Error;
use crate::pipeline::{self, Source};
use crate::render::{self, FontSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use typst_layout::PagedDocument;

/// The ways `vanban diff` prints a comparison (`--format`, read without regard to case).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// A summary for the terminal (coloured when asked).
    #[value(name = "text", alias = "terminal")]
    Terminal,
    /// The bảng so sánh as Markdown.
    #[value(alias = "markdown")]
    Md,
    /// The list of changes as JSON.
    Json,
    /// The bảng so sánh as a landscape PDF.
    Pdf,
}

/// Everything one `vanban diff` run needs.
#[derive(Debug, Clone)]
pub struct DiffOptions {
    /// The old version: a file or `REV:path`.
    pub old: String,
    /// The new version: a file or `REV:path`.
    pub new: String,
    /// The output format.
    pub format: DiffFormat,
    /// The file to write (required for PDF); standard output otherwise.
    pub out: Option<PathBuf>,
    /// List unchanged provisions too.
    pub all: bool,
    /// Colour the terminal summary.
    pub color: bool,
}

/// What a run produced: the bytes for standard output (empty when written to a file) and
/// whether the versions differ.
#[derive(Debug, Clone)]
pub struct DiffOutcome {
    /// Output for standard output.
    pub stdout: Vec<u8>,
    /// True when the versions differ (exit 1, like `diff`).
    pub differ: bool,
}

/// What `vanban diff` was asked to do, as given on the command line.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// Bản dự thảo trước: tệp YAML hoặc PHIÊN_BẢN:tệp trong kho git.
    #[arg(value_name = "BẢN_TRƯỚC")]
    pub old: String,
    /// Bản dự thảo sau: tệp YAML hoặc PHIÊN_BẢN:tệp trong kho git.
    #[arg(value_name = "BẢN_SAU")]
    pub new: String,
    /// Định dạng: text (tóm tắt trên màn hình, mặc định), md, json, pdf (bảng so sánh).
    #[arg(
        short,
        long,
        value_name = "ĐỊNH_DẠNG",
        default_value = "text",
        hide_default_value = true,
        ignore_case = true,
        hide_possible_values = true
    )]
    pub format: DiffFormat,
    /// Ghi kết quả vào tệp này (bắt buộc với pdf).
    #[arg(short, long, value_name = "TỆP")]
    pub out: Option<PathBuf>,
    /// Liệt kê cả các điều khoản không thay đổi.
    #[arg(long)]
    pub all: bool,
}

/// Runs `vanban diff` as given on the command line; prints the result and returns the exit
/// code: 0 same, 1 different, 2 trouble.
pub fn cli(args: Args) -> u8 {
    let Args {
        old,
        new,
        format,
        out,
        all,
    } = args;
    let options = DiffOptions {
        old,
        new,
        format,
        out,
        all,
        color: super::stdout_wants_color(),
    };
    match run(&options) {
        Ok(outcome) if super::print_bytes(&outcome.stdout) => u8::from(outcome.differ),
        Ok(_) => 2,
        Err(err) => {
            eprintln!("{err}");
            2
        }
    }
}

/// Runs `vanban diff`. Every error is trouble (exit 2), since exit 1 means "they differ".
pub fn run(options: &DiffOptions) -> Result<DiffOutcome, Error> {
    if options.format == DiffFormat::Pdf && options.out.is_none() {
        return Err(Error::Io {
            file: options.new.clone(),
            message: "định dạng pdf cần tệp đích: thêm `--out TỆP.pdf`".to_owned(),
        });
    }
    if let Some(out) = &options.out {
        let inputs = [Path::new(&options.old), Path::new(&options.new)];
        crate::files::refuse_input("--out", out, inputs)?;
    }
    let cmp = comparison(&options.old, &options.new, options.all)?;
    let bytes = match options.format {
        DiffFormat::Terminal => report::terminal(&cmp, options.color).into_bytes(),
        DiffFormat::Md => report::markdown(&cmp)?.into_bytes(),
        DiffFormat::Json => report::json(&cmp).into_bytes(),
        DiffFormat::Pdf => comparison_pdf(&cmp, FontSet::embedded())?.1,
    };
    let differ = !cmp.same();
    match &options.out {
        Some(path) => {
            crate::files::write_atomic(path, &bytes)?;
            Ok(DiffOutcome {
                stdout: Vec::new(),
                differ,
            })
        }
        None => Ok(DiffOutcome {
            stdout: bytes,
            differ,
        }),
    }
}

/// Compares two versions named as on the command line.
pub fn comparison(old: &str, new: &str, all: bool) -> Result<Comparison, Error> {
    let (old_tree, _) = version(old)?;
    let (new_tree, new_doc) = version(new)?;
    Ok(Comparison {
        old_name: old.to_owned(),
        new_name: new.to_owned(),
        meta: new_doc.meta,
        changes: compare(&old_tree, &new_tree, all),
    })
}

/// Reads, checks and numbers one version. Findings of the rules do not stop a comparison
/// (drafts under review may have them); a version that cannot be read as a document does.
fn version(arg: &str) -> Result<(Tree, Document), Error> {
    let source = read_version(arg)?;
    let composed = pipeline::compose(pipeline::check(&source))?;
    Ok((
        Tree::build(&composed.spec, &composed.document),
        composed.document,
    ))
}

/// A version: the file (read up to the size limit of a spec), or `git show REV:path` when
/// the argument is not a file and reads as `REV:path`.
pub fn read_version(arg: &str) -> Result<Source, Error> {
    match split_revision(arg) {
        None => Source::file(Path::new(arg)),
        Some((rev, path)) => Ok(Source {
            name: arg.to_owned(),
            bytes: git_show(rev, path, arg)?,
        }),
    }
}

/// `REV:path` → (`REV`, `path`), unless the argument names an existing file (or a Windows
/// drive such as `C:\…`).
fn split_revision(arg: &str) -> Option<(&str, &str)> {
    if Path::new(arg).exists() {
        return None;
    }
    let (rev, path) = arg.split_once(':')?;
    let drive = rev.len() == 1 && path.starts_with(['\\', '/']);
    (!rev.is_empty() && !path.is_empty() && !drive).then_some((rev, path))
}

/// Runs `git show REV:./file` in the folder of `path` (or the current folder when that folder
/// is gone), so the path is read relative to where the user stands. A revision that starts
/// with `-` is refused (git would read it as an option), and git's output is read up to the
/// size limit of a spec, one byte more to tell a file that is too large.
fn git_show(rev: &str, path: &str, arg: &str) -> Result<Vec<u8>, Error> {
    if rev.starts_with('-') {
        return Err(Error::Io {
            file: arg.to_owned(),
            message: format!(
                "phiên bản `{rev}` bắt đầu bằng dấu `-`: không phải tên phiên bản git (ví dụ \
                 HEAD~1, main, một mã commit)"
            ),
        });
    }
    let p = Path::new(path);
    let (dir, file) = match (p.parent(), p.file_name()) {
        (Some(d), Some(f)) if !d.as_os_str().is_empty() && d.is_dir() => {
            (d.to_path_buf(), f.to_string_lossy().into_owned())
        }
        _ => (PathBuf::from("."), path.to_owned()),
    };
    let output = Command::new("git")
        .arg("-C")
        .arg(&dir)
        .args(["show", "--end-of-options"])
        .arg(format!("{rev}:./{file}"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(read_capped)
        .map_err(|e| Error::Io {
            file: arg.to_owned(),
            message: match e.kind() {
                std::io::ErrorKind::NotFound => {
                    "không tìm thấy chương trình git: cần cài git để đọc một phiên bản trong kho"
                        .to_owned()
                }
                _ => format!("không chạy được git: {}", crate::error::io_reason(&e)),
            },
        })?;
    // A file past the limit stopped git: the spec's own check says it is too large.
    if !output.status.success() && output.stdout.len() <= crate::load::MAX_SPEC_BYTES {
        let said = String::from_utf8_lossy(&output.stderr);
        let said = said.trim().lines().last().unwrap_or("").trim();
        return Err(Error::Io {
            file: arg.to_owned(),
            message: format!(
                "không đọc được tệp `{path}` ở phiên bản `{rev}` trong kho git (thư mục {}): \
                 phiên bản hoặc tệp không có, hoặc đây không phải kho git (git: {said})",
                dir.display()
            ),
        });
    }
    Ok(output.stdout)
}

/// What a git child printed: its standard output, at most [`crate::load::MAX_SPEC_BYTES`] + 1
/// bytes (the child is stopped past that), its standard error and its status.
fn read_capped(mut child: std::process::Child) -> std::io::Result<std::process::Output> {
    let limit = crate::load::MAX_SPEC_BYTES as u64 + 1;
    let mut stderr = child.stderr.take();
    // Standard error is read beside standard output, so that neither pipe fills up.
    let said = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(err) = stderr.as_mut() {
            let _ = err.take(64 * 1024).read_to_end(&mut bytes);
        }
        bytes
    });
    let mut stdout = Vec::new();
    if let Some(out) = child.stdout.take() {
        out.take(limit).read_to_end(&mut stdout)?;
    }
    if stdout.len() as u64 >= limit {
        let _ = child.kill();
    }
    let status = child.wait()?;
    let stderr = said.join().unwrap_or_default();
    Ok(std::process::Output {
        status,
        stdout,
        stderr,
    })
}

/// The bảng so sánh laid out (for tests that read its pages) and written as PDF/A.
pub fn comparison_pdf(
    cmp: &Comparison,
    fonts: &FontSet,
) -> Result<(PagedDocument, Vec<u8>), Error> {
    let table = report::context(cmp);
    let name = &cmp.new_name;
    let typ = render::comparison_typst(&table, name, fonts.family())?;
    let paged = render::compile(&typ, name, fonts, render::Cache::Drop)?;
    let meta = Meta {
        title: table.meta_title.clone(),
        authors: table.authors.clone(),
        date: cmp.meta.date.clone(),
        source: None,
    };
    let pdf = render::pdf(&paged, &meta, name)?;
    Ok((paged, pdf))
}
