//! `vanban render`: spec files → PDF, Markdown and Typst files, written atomically.

use crate::error::Error;
use crate::render::{self, Format};
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

/// Checks, numbers and renders one spec into the requested formats, in memory. Runs every
/// `vanban check` rule first: any error stops it with the full report ([`Error::Check`]).
pub fn render_spec(spec_path: &Path, formats: &[Format]) -> Result<Rendered, Error> {
    let name = spec_path.display().to_string();
    let checked = crate::check::check_file(spec_path);
    let report = crate::check::report::human(&checked, false);
    let spec = match checked.spec {
        Some(spec) if !checked.has_errors() => spec,
        _ if checked.unreadable => {
            return Err(Error::Io {
                file: name,
                message: checked.findings[0].message.clone(),
            });
        }
        _ => return Err(Error::Check(report.trim_end().to_owned())),
    };
    let doc = crate::number::build(&spec, &name)?;
    let typ = render::typst_source(&doc, &name)?;
    let mut outputs = Vec::new();
    for &format in formats {
        let bytes = match format {
            Format::Typ => typ.clone().into_bytes(),
            Format::Md => render::markdown(&doc, &name)?.into_bytes(),
            Format::Pdf => {
                let paged = render::compile(&typ, &name)?;
                render::pdf(&paged, &name)?
            }
        };
        outputs.push((format, bytes));
    }
    Ok(Rendered {
        outputs,
        warnings: report,
    })
}

/// Renders one spec and writes `out_dir/<stem>.<ext>` for each format. Nothing is written
/// unless every output was made; each file appears whole (temporary file, then rename).
pub fn render_to_dir(
    spec_path: &Path,
    out_dir: &Path,
    formats: &[Format],
) -> Result<Written, Error> {
    let rendered = render_spec(spec_path, formats)?;
    let stem = spec_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "vanban".into());
    let dir_name = out_dir.display().to_string();
    std::fs::create_dir_all(out_dir).map_err(|e| Error::io(&dir_name, "tạo thư mục", &e))?;
    let mut staged = Vec::new();
    for (format, bytes) in &rendered.outputs {
        let target = out_dir.join(format!("{stem}.{}", format.extension()));
        let prefix = format!(".{stem}.");
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(".tmp");
        // Temporary files are private (0600); the output should get the usual mode (umask).
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
        let mut tmp = builder
            .tempfile_in(out_dir)
            .map_err(|e| Error::io(&dir_name, "ghi vào thư mục", &e))?;
        std::io::Write::write_all(&mut tmp, bytes)
            .map_err(|e| Error::io(&target.display().to_string(), "ghi", &e))?;
        staged.push((tmp, target));
    }
    let mut files = Vec::new();
    for (tmp, target) in staged {
        let shown = target.display().to_string();
        tmp.persist(&target)
            .map_err(|e| Error::io(&shown, "ghi", &e.error))?;
        files.push(target);
    }
    Ok(Written {
        spec: spec_path.to_owned(),
        files,
        warnings: rendered.warnings,
    })
}

/// Reads a `--format` list such as `pdf,md,typ`; duplicates are dropped, order is kept.
pub fn parse_formats(list: &str) -> Result<Vec<Format>, String> {
    let mut formats = Vec::new();
    for name in list.split(',').filter(|n| !n.trim().is_empty()) {
        let format = Format::parse(name).ok_or_else(|| {
            format!(
                "định dạng `{}` không có; chọn trong: pdf, md, typ",
                name.trim()
            )
        })?;
        if !formats.contains(&format) {
            formats.push(format);
        }
    }
    if formats.is_empty() {
        return Err("cần ít nhất một định dạng: pdf, md, typ".to_owned());
    }
    Ok(formats)
}
