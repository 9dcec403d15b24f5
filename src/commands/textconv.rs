//! `vanban textconv SPEC`: the Markdown of a spec on standard output, for git's textconv, so
//! that `git diff` and `git log -p` of `*.yaml` read as numbered provisions.

use crate::error::Error;
use crate::pipeline::{self, Source};

/// The Markdown `vanban render --format md` writes for the spec at `path`, with its first line
/// naming no file: git hands textconv temporary copies with random names, which would
/// otherwise show up as a changed line. A spec that cannot be read as a document gives its own
/// text back (git still shows a diff) together with its report for standard error; findings of
/// the other rules do not stop it (a draft under review may still have them). A YAML file that
/// is not a spec at all (no `kind` vanban knows) is given back as it is, with no report. A file
/// that is not text vanban can show (larger than the spec limit, binary, not UTF-8) gives one
/// line saying why ([`unshown`]), so that `git diff` always completes.
pub fn textconv(path: &std::path::Path) -> Result<(String, Option<Error>), Error> {
    let source = Source::file(path)?;
    if let Some(reason) = unshown(&source.bytes) {
        return Ok((
            format!("(vanban: không hiện được nội dung tệp này: {reason})\n"),
            None,
        ));
    }
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

/// Why the bytes of a file are not shown as text, in Vietnamese: larger than the spec limit,
/// binary (a NUL byte), or not UTF-8/UTF-16 (naming TCVN3 or VNI when the bytes read as one of
/// them). `None` for text.
fn unshown(bytes: &[u8]) -> Option<String> {
    use crate::load::{ENCODING, FILE_TOO_LARGE};
    if bytes.len() > crate::load::MAX_SPEC_BYTES {
        return Some(format!(
            "tệp lớn hơn {} MB",
            crate::load::MAX_SPEC_BYTES / (1024 * 1024)
        ));
    }
    let finding = match crate::load::decode(bytes) {
        Ok(decoded) if decoded.text.contains('\0') => {
            return Some("tệp nhị phân, không phải văn bản".to_owned());
        }
        Ok(_) => return None,
        Err(finding) => finding,
    };
    if finding.rule.id == FILE_TOO_LARGE.id {
        return Some(finding.message);
    }
    if finding.rule.id != ENCODING.id {
        return None;
    }
    if bytes.contains(&0) {
        return Some("tệp nhị phân, không phải văn bản".to_owned());
    }
    // Bytes read as Latin-1, as the legacy 8-bit encodings are.
    let latin1: String = bytes.iter().map(|&b| char::from(b)).collect();
    Some(match crate::vietnamese::encoding::detect(&latin1) {
        Some(found) => format!(
            "tệp dùng bảng mã cũ {}, không phải UTF-8; hãy lưu lại với bảng mã UTF-8",
            found.encoding.name()
        ),
        None => "tệp không phải văn bản UTF-8; hãy lưu lại với bảng mã UTF-8".to_owned(),
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
