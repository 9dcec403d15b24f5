//! Writing files whole: every file vanban writes (outputs, fixed specs, starters, the schema,
//! `.gitattributes`) goes to a temporary file in the same folder first and is then renamed over
//! its target, so no reader ever sees half a file and a failure leaves the old one as it was.

use crate::error::Error;
use std::path::Path;

/// Writes `bytes` to a temporary file in `dir` (the folder of `target`), ready to be renamed
/// over `target` with [`persist`]. It gets the permissions of the file it will replace, or the
/// usual ones for a new file (not the private mode of temporary files).
pub fn stage(dir: &Path, target: &Path, bytes: &[u8]) -> Result<tempfile::NamedTempFile, Error> {
    let stem = target
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "vanban".into());
    let prefix = format!(".{stem}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    match std::fs::metadata(target) {
        Ok(meta) => {
            builder.permissions(meta.permissions());
        }
        // Temporary files are private (0600); a new file gets the usual mode (umask).
        #[cfg(unix)]
        Err(_) => {
            builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
        }
        #[cfg(not(unix))]
        Err(_) => {}
    }
    let mut tmp = builder
        .tempfile_in(dir)
        .map_err(|e| Error::io(&dir.display().to_string(), "ghi vào thư mục", &e))?;
    std::io::Write::write_all(&mut tmp, bytes)
        .map_err(|e| Error::io(&target.display().to_string(), "ghi", &e))?;
    Ok(tmp)
}

/// Renames a file made by [`stage`] over its target.
pub fn persist(tmp: tempfile::NamedTempFile, target: &Path) -> Result<(), Error> {
    tmp.persist(target)
        .map(|_| ())
        .map_err(|e| Error::io(&target.display().to_string(), "ghi", &e.error))
}

/// Writes one file whole: a temporary file in the same folder, then a rename, so a reader
/// never sees half of it and a failure leaves the old file as it was.
pub fn write_atomic(target: &Path, bytes: &[u8]) -> Result<(), Error> {
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    persist(stage(dir, target, bytes)?, target)
}
