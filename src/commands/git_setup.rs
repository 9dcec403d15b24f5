//! `vanban git-setup`: configures the current git repository so that `git diff` shows specs
//! through `vanban textconv` — the two lines docs/so-sanh.md gives, written for the user.

use crate::error::Error;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The `.gitattributes` line that sends spec files to the `vanban` diff driver.
pub const ATTRIBUTES_LINE: &str = "*.yaml diff=vanban";
/// The command git runs to turn a spec into text.
pub const TEXTCONV: &str = "vanban textconv";
/// Hunk headers of `git diff` name the Điều, mục or Chương a change is in.
pub const XFUNCNAME: &str = "^(#+ .*|Chương .*)$";

/// Writes the attribute line into `.gitattributes` at the top of the repository around `dir`
/// and sets `diff.vanban.textconv` (and `diff.vanban.xfuncname`, for hunk headers) in its
/// configuration; each only when missing. Returns the
/// messages to print, in Vietnamese.
pub fn git_setup(dir: &Path) -> Result<Vec<String>, Error> {
    let top = PathBuf::from(git(dir, &["rev-parse", "--show-toplevel"])?.trim());
    let mut said = Vec::new();
    let attributes = top.join(".gitattributes");
    let shown = attributes.display().to_string();
    let current = match std::fs::read_to_string(&attributes) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(Error::io(&shown, "đọc", &e)),
    };
    if current.lines().any(|l| l.trim() == ATTRIBUTES_LINE) {
        said.push(format!(
            "{shown}: đã có dòng `{ATTRIBUTES_LINE}`, giữ nguyên"
        ));
    } else {
        let mut text = current;
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(ATTRIBUTES_LINE);
        text.push('\n');
        crate::files::write_atomic(&attributes, text.as_bytes())?;
        said.push(format!("{shown}: đã thêm dòng `{ATTRIBUTES_LINE}`"));
    }
    for (key, value) in [
        ("diff.vanban.textconv", TEXTCONV),
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

/// Runs `vanban git-setup` in the current folder: prints what it did and returns the exit code.
pub fn run() -> u8 {
    match git_setup(Path::new(".")) {
        Ok(messages) => {
            for m in messages {
                println!("{m}");
            }
            0
        }
        Err(err) => {
            eprintln!("{err}");
            2
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
                _ => format!("không chạy được git: {e}"),
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
