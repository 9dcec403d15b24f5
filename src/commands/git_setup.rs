//! `vanban git-setup`: configures the git repository around the current folder so that
//! `git diff` shows vanban specs through `vanban textconv` — the lines docs/so-sanh.md gives,
//! written for the user:
//!
//! - `.gitattributes` sends **only the specs** to the `vanban` driver: the path patterns given,
//!   or else one line per folder whose YAML files are all specs (`/du-thao/*.yaml`) and one per
//!   spec that shares its folder with other YAML files. A spec is a YAML file whose `kind` is a
//!   kind vanban knows. (Older versions wrote `*.yaml diff=vanban`; that line is replaced.)
//! - `diff.vanban.textconv` names this very program by its full path, so `git diff` works in
//!   GUI clients and wherever `vanban` is not on the PATH.

use crate::error::Error;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The attribute every line of `.gitattributes` written here ends with.
pub const DRIVER: &str = "diff=vanban";
/// The line older versions wrote, sending every YAML file of the repository to vanban.
pub const ALL_YAML_LINE: &str = "*.yaml diff=vanban";
/// Hunk headers of `git diff` name the Điều, mục or Chương a change is in.
pub const XFUNCNAME: &str = "^(#+ .*|Chương .*)$";

/// What `vanban git-setup` was asked for.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct Args {
    /// Mẫu đường dẫn các tệp YAML của vanban, theo cách viết của .gitattributes (ví dụ
    /// 'van-ban/*.yaml'); bỏ trống thì vanban tự tìm các tệp YAML của mình trong kho.
    #[arg(value_name = "MẪU_ĐƯỜNG_DẪN")]
    pub patterns: Vec<String>,
    /// Lệnh git chạy để đổi tệp YAML thành văn bản; mặc định là đường dẫn đầy đủ của chính
    /// chương trình này kèm `textconv`.
    #[arg(long, value_name = "LỆNH")]
    pub textconv: Option<String>,
}

/// `'/path/to/vanban' textconv`: the running program by its full path, quoted for the shell git
/// runs textconv with.
pub fn default_textconv() -> Result<String, Error> {
    let exe = std::env::current_exe()
        .and_then(|p| p.canonicalize())
        .map_err(|e| Error::Io {
            file: "vanban".to_owned(),
            message: format!(
                "không tìm được đường dẫn của chương trình: {}; hãy ghi lệnh bằng `--textconv`",
                crate::error::io_reason(&e)
            ),
        })?;
    let exe = exe.to_str().ok_or_else(|| Error::Failed {
        file: exe.display().to_string(),
        message: "đường dẫn của chương trình không phải chữ Unicode; hãy ghi lệnh bằng \
                  `--textconv`"
            .to_owned(),
    })?;
    Ok(format!("'{}' textconv", exe.replace('\'', r"'\''")))
}

/// Configures the repository around `dir`; returns the messages to print, in Vietnamese.
pub fn git_setup(dir: &Path, args: &Args) -> Result<Vec<String>, Error> {
    let top = PathBuf::from(git(dir, &["rev-parse", "--show-toplevel"])?.trim());
    let mut said = Vec::new();
    let patterns = if args.patterns.is_empty() {
        let found = spec_patterns(&top)?;
        if found.is_empty() {
            return Err(Error::Failed {
                file: top.display().to_string(),
                message: "chưa có tệp YAML nào của vanban trong kho này; hãy ghi mẫu đường dẫn \
                          các tệp sẽ có, ví dụ `vanban git-setup 'van-ban/*.yaml'`"
                    .to_owned(),
            });
        }
        said.push(format!(
            "tệp YAML của vanban trong kho: {}",
            found.join(", ")
        ));
        found
    } else {
        args.patterns.clone()
    };
    said.extend(write_attributes(&top, &patterns)?);
    let textconv = match &args.textconv {
        Some(command) => command.clone(),
        None => default_textconv()?,
    };
    for (key, value) in [
        ("diff.vanban.textconv", textconv.as_str()),
        ("diff.vanban.xfuncname", XFUNCNAME),
    ] {
        let configured = git(&top, &["config", "--get", key]).unwrap_or_default();
        if configured.trim_end_matches('\n') == value {
            said.push(format!("git config: {key} đã là `{value}`, giữ nguyên"));
        } else {
            git(&top, &["config", key, value])?;
            said.push(format!("git config: đã đặt {key} = `{value}`"));
        }
    }
    Ok(said)
}

/// Adds `<pattern> diff=vanban` for each pattern `.gitattributes` lacks, and removes the
/// all-YAML line of older versions.
fn write_attributes(top: &Path, patterns: &[String]) -> Result<Vec<String>, Error> {
    let attributes = top.join(".gitattributes");
    let shown = attributes.display().to_string();
    let current = match std::fs::read_to_string(&attributes) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(Error::io(&shown, "đọc", &e)),
    };
    let mut said = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    for line in current.lines() {
        if line.trim() == ALL_YAML_LINE && !patterns.iter().any(|p| p == "*.yaml") {
            said.push(format!(
                "{shown}: đã bỏ dòng `{ALL_YAML_LINE}` (mọi tệp YAML của kho, kể cả tệp không phải \
                 văn bản)"
            ));
        } else {
            lines.push(line.to_owned());
        }
    }
    for pattern in patterns {
        let line = format!("{pattern} {DRIVER}");
        if lines.iter().any(|l| l.trim() == line) {
            said.push(format!("{shown}: đã có dòng `{line}`, giữ nguyên"));
        } else {
            said.push(format!("{shown}: đã thêm dòng `{line}`"));
            lines.push(line);
        }
    }
    let mut text = lines.join("\n");
    text.push('\n');
    if text != current {
        crate::files::write_atomic(&attributes, text.as_bytes())?;
    }
    Ok(said)
}

/// The attribute patterns of the specs in the repository at `top` (tracked, or untracked and
/// not ignored): `/folder/*.yaml` for a folder whose YAML files (of that extension) are all
/// specs, else the spec's own path.
fn spec_patterns(top: &Path) -> Result<Vec<String>, Error> {
    let listed = git(
        top,
        &[
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
            "--",
            "*.yaml",
            "*.yml",
        ],
    )?;
    // (folder, extension) → (specs, other YAML files).
    let mut folders: BTreeMap<(String, &str), (Vec<String>, usize)> = BTreeMap::new();
    let mut files: Vec<&str> = listed.split('\0').filter(|f| !f.is_empty()).collect();
    files.sort_unstable();
    files.dedup();
    for file in files {
        let (folder, name) = file.rsplit_once('/').unwrap_or(("", file));
        let extension = if name.ends_with(".yml") {
            "yml"
        } else {
            "yaml"
        };
        let entry = folders.entry((folder.to_owned(), extension)).or_default();
        if is_spec(&top.join(file)) {
            entry.0.push(file.to_owned());
        } else {
            entry.1 += 1;
        }
    }
    let mut patterns = Vec::new();
    for ((folder, extension), (specs, others)) in folders {
        if specs.is_empty() {
            continue;
        }
        if others == 0 {
            let folder = if folder.is_empty() {
                String::new()
            } else {
                format!("/{}", escape(&folder))
            };
            patterns.push(format!("{folder}/*.{extension}"));
        } else {
            patterns.extend(specs.iter().map(|f| format!("/{}", escape(f))));
        }
    }
    Ok(patterns)
}

/// Whether the file at `path` is a vanban spec: YAML whose `kind` is a kind vanban knows.
fn is_spec(path: &Path) -> bool {
    crate::load::read_limited(path)
        .ok()
        .and_then(|bytes| crate::load::decode(&bytes).ok())
        .is_some_and(|decoded| crate::load::names_a_kind(&decoded.nfc_text()))
}

/// A path written as a `.gitattributes` pattern: spaces and the pattern characters escaped.
fn escape(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        if matches!(c, ' ' | '*' | '?' | '[' | '\\' | '"') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Runs `vanban git-setup`: prints what it did and returns the exit code (1 when there is no
/// spec to set up, 2 when git cannot run or the folder is not in a repository).
pub fn run(args: &Args) -> u8 {
    match git_setup(Path::new("."), args) {
        Ok(messages) => {
            for m in messages {
                println!("{m}");
            }
            0
        }
        Err(err) => {
            eprintln!("{err}");
            err.exit_code() as u8
        }
    }
}

/// Runs git in `dir` and returns what it printed; a failure is an error naming the folder.
fn git(dir: &Path, args: &[&str]) -> Result<String, Error> {
    let shown = dir.display().to_string();
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| Error::Io {
            file: shown.clone(),
            message: match e.kind() {
                std::io::ErrorKind::NotFound => {
                    "không tìm thấy chương trình git: hãy cài git".to_owned()
                }
                _ => format!("không chạy được git: {}", crate::error::io_reason(&e)),
            },
        })?;
    if !output.status.success() {
        let said = String::from_utf8_lossy(&output.stderr);
        return Err(Error::Io {
            file: shown,
            message: format!(
                "lệnh `git {}` không thành công; thư mục này có nằm trong một kho git không? (git: {})",
                args.join(" "),
                said.trim().lines().last().unwrap_or("").trim()
            ),
        });
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}
