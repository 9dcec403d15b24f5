//! `check --fix`: rewrites a spec with its legacy TCVN3/VNI text converted to Unicode and its
//! text in NFC, in the file's own encoding, atomically (temporary file, then rename). Nothing
//! else in the file changes: comments, quoting and layout stay as written.

use super::Checked;
use crate::error::Error;
use std::path::Path;

/// What `--fix` did to one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed {
    /// Number of text values converted from a legacy encoding.
    pub converted: usize,
    /// True when the text was not NFC before.
    pub normalised: bool,
}

/// The fixed text of a checked file, or `None` when there is nothing to fix. The caller's
/// text must have loaded: a fix never turns a file that parses into one that does not.
pub fn fixed_text(checked: &Checked, original: &str) -> Option<(String, Fixed)> {
    let mut fixes: Vec<_> = checked
        .report
        .findings
        .iter()
        .filter_map(|f| f.fix.as_ref())
        .collect();
    let normalised = checked.report.source != original;
    if fixes.is_empty() && !normalised {
        return None;
    }
    fixes.sort_by_key(|f| std::cmp::Reverse(f.span.start.offset));
    let mut text = checked.report.source.clone();
    let mut converted = 0;
    let mut last_start = usize::MAX;
    for fix in fixes {
        let range = fix.span.start.offset..fix.span.end.offset;
        // Never apply two overlapping fixes.
        if range.end > last_start || text.get(range.clone()).is_none() {
            continue;
        }
        text.replace_range(range.clone(), &fix.replacement);
        last_start = range.start;
        converted += 1;
    }
    Some((
        text,
        Fixed {
            converted,
            normalised,
        },
    ))
}

/// Applies the fixes of `checked` to the file at `path`. The new text is checked before it is
/// written: when it would not load as well as the old one, the file is left alone.
pub fn fix_file(path: &Path, checked: &Checked) -> Result<Option<Fixed>, Error> {
    let name = path.display().to_string();
    let bytes = crate::load::read_limited(path).map_err(|message| Error::Io {
        file: name.clone(),
        message,
    })?;
    let Ok(decoded) = crate::load::decode(&bytes) else {
        return Ok(None);
    };
    let Some((text, fixed)) = fixed_text(checked, &decoded.text) else {
        return Ok(None);
    };
    let loads = |t: &str| crate::load::parse(t).is_ok();
    if loads(&checked.report.source) && !loads(&text) {
        return Err(Error::Failed {
            file: name,
            message: "không sửa được tự động: bản đã chuyển mã không còn là YAML hợp lệ; hãy sửa \
                      tay"
            .to_owned(),
        });
    }
    crate::files::write_atomic(path, &decoded.encoding.encode(&text))?;
    Ok(Some(fixed))
}
