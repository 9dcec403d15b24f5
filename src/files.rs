//! Writing files whole and safely: every file vanban writes (outputs, fixed specs, starters,
//! the schema, `.gitattributes`) goes to a temporary file in the same folder first, is flushed
//! to disk and is then renamed over its target, so no reader ever sees half a file, a failure
//! or a power cut leaves the old one as it was, and a symlink is written through to its target.
//! A temporary file left by a killed run is removed by the next run that writes in that folder.
//! No output may replace a file the same run reads ([`refuse_input`]).

use crate::error::Error;
use std::collections::HashSet;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// What every temporary file's name carries between its stem and the process id:
/// `.STEM.vanban-tmp-PID-N.tmp`.
const TMP_MARK: &str = ".vanban-tmp-";

/// What makes a file the same file however its path is spelt: the device and inode on Unix
/// (a hard link or a symlink counts), the canonical path elsewhere.
#[cfg(unix)]
type FileId = (u64, u64);
#[cfg(not(unix))]
type FileId = PathBuf;

/// The identity of the file at `path`, when there is one.
fn file_id(path: &Path) -> Option<FileId> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        std::fs::canonicalize(path).ok()
    }
}

/// Whether `a` and `b` are the same file (the same device and inode on Unix, the same
/// canonical path elsewhere): a hard link, a symlink or another spelling of a path counts.
/// A path that does not exist is no file at all.
pub fn same_file(a: &Path, b: &Path) -> bool {
    matches!((file_id(a), file_id(b)), (Some(x), Some(y)) if x == y)
}

/// The files a run reads, so that no output of the run replaces one of them.
#[derive(Debug, Default)]
pub struct Inputs {
    files: std::collections::HashMap<FileId, PathBuf>,
}

impl Inputs {
    /// The files at `paths` (a path that names no file is left out: nothing to protect).
    pub fn new<'a>(paths: impl IntoIterator<Item = &'a Path>) -> Inputs {
        let files = paths
            .into_iter()
            .filter_map(|p| Some((file_id(p)?, p.to_path_buf())))
            .collect();
        Inputs { files }
    }

    /// Refuses to write `output` when it is one of these files: writing it would destroy an
    /// input (`vanban render draft.md` with a spec saved as `.md`). The error names both and
    /// says what to do; nothing has been written when it is returned. `writer` is what the
    /// error is about (the spec being rendered, or the option naming the output).
    pub fn refuse(&self, writer: &str, output: &Path) -> Result<(), Error> {
        let Some(input) = file_id(output).and_then(|id| self.files.get(&id)) else {
            return Ok(());
        };
        Err(Error::Io {
            file: writer.to_owned(),
            message: format!(
                "tệp kết quả {} chính là tệp đầu vào {}: ghi ra sẽ xóa mất tệp đầu vào, nên \
                 không ghi gì cả; hãy đặt tên tệp YAML có đuôi .yaml hoặc chọn nơi ghi khác \
                 (--out)",
                output.display(),
                input.display()
            ),
        })
    }
}

/// Refuses to write `output` when it is one of `inputs` (see [`Inputs::refuse`]).
pub fn refuse_input<'a>(
    writer: &str,
    output: &Path,
    inputs: impl IntoIterator<Item = &'a Path>,
) -> Result<(), Error> {
    Inputs::new(inputs).refuse(writer, output)
}

/// A file written in full to a temporary file beside its target and flushed to disk, waiting
/// for [`Staged::persist`] to rename it over the target. Dropped unpersisted, it is removed.
#[derive(Debug)]
pub struct Staged {
    /// The temporary file.
    tmp: PathBuf,
    /// The file it will replace (a symlink's final target).
    target: PathBuf,
    /// Whether the rename was done.
    persisted: bool,
}

/// Writes `bytes` to a temporary file `.STEM.vanban-tmp-PID-N.tmp` in the folder of `target`
/// (of its final target when `target` is a symlink), flushed to disk and ready to be renamed
/// over it with [`Staged::persist`]. It gets the permissions of the file it will replace, or
/// the usual ones for a new file. Temporary files of processes that no longer run are removed
/// from that folder first.
pub fn stage(target: &Path, bytes: &[u8]) -> Result<Staged, Error> {
    let target = through_links(target);
    let shown = target.display().to_string();
    let dir = folder_of(&target);
    clean_stale(&dir);
    // A long stem is cut so that the temporary name stays within a file name's 255 bytes.
    let stem: String = target.file_stem().map_or_else(
        || "vanban".into(),
        |s| s.to_string_lossy().chars().take(60).collect(),
    );
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut tries = 0;
    let (staged, mut file) = loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!(".{stem}{TMP_MARK}{}-{n}.tmp", std::process::id()));
        match create_new(&tmp, &target) {
            Ok(file) => {
                let staged = Staged {
                    tmp,
                    target,
                    persisted: false,
                };
                break (staged, file);
            }
            // A file a dead process of the same id left: take the next number.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && tries < 100 => tries += 1,
            Err(e) => return Err(Error::io(&dir.display().to_string(), "ghi vào thư mục", &e)),
        }
    };
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(|e| Error::io(&shown, "ghi", &e))?;
    Ok(staged)
}

impl Staged {
    /// Renames the temporary file over its target and flushes the folder, so the new name
    /// survives a power cut.
    pub fn persist(mut self) -> Result<(), Error> {
        std::fs::rename(&self.tmp, &self.target)
            .map_err(|e| Error::io(&self.target.display().to_string(), "ghi", &e))?;
        self.persisted = true;
        // A folder cannot be flushed everywhere (some file systems refuse): the file itself is.
        #[cfg(unix)]
        if let Ok(dir) = File::open(folder_of(&self.target)) {
            let _ = dir.sync_all();
        }
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.persisted {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

/// Writes one file whole (see [`stage`]): a temporary file in the same folder, flushed, then a
/// rename, so a reader never sees half of it and a failure leaves the old file as it was.
pub fn write_atomic(target: &Path, bytes: &[u8]) -> Result<(), Error> {
    stage(target, bytes)?.persist()
}

/// The folder a file is in (`.` for a bare name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The file a path finally names: a symlink (or a chain of them) is followed to its target,
/// even when the target does not exist yet, so writing replaces the target, not the link.
fn through_links(path: &Path) -> PathBuf {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => match std::fs::read_link(&current) {
                Ok(next) => current = folder_of(&current).join(next),
                Err(_) => break,
            },
            _ => break,
        }
    }
    current
}

/// Creates the temporary file, never over an existing one, with the permissions of `target`
/// when it exists, else the usual ones of a new file (`0666` less the umask).
fn create_new(tmp: &Path, target: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o666);
    let file = options.open(tmp)?;
    if let Ok(meta) = std::fs::metadata(target) {
        file.set_permissions(meta.permissions())?;
    }
    Ok(file)
}

/// Removes the temporary files that processes no longer running left in `dir` (a render
/// killed mid-write), once per folder and process.
fn clean_stale(dir: &Path) {
    static CLEANED: Mutex<Option<HashSet<PathBuf>>> = Mutex::new(None);
    {
        let mut cleaned = CLEANED.lock().unwrap_or_else(|e| e.into_inner());
        if !cleaned
            .get_or_insert_with(HashSet::new)
            .insert(dir.to_path_buf())
        {
            return;
        }
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if let Some(pid) = temporary_pid(&name.to_string_lossy())
            && pid != std::process::id()
            && !running(pid)
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The process id in a temporary file's name `.STEM.vanban-tmp-PID-N.tmp`.
fn temporary_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (_, tail) = rest.rsplit_once(TMP_MARK)?;
    let (pid, n) = tail.split_once('-')?;
    n.parse::<u64>().ok()?;
    pid.parse().ok()
}

/// Whether process `pid` runs. Where the system does not say (no `/proc`), every process is
/// taken as running, so that no file in use is ever removed.
fn running(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.join("self").exists() || proc.join(pid.to_string()).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_carry_the_process_id() {
        assert_eq!(temporary_pid(".a.b.vanban-tmp-123-4.tmp"), Some(123));
        assert_eq!(temporary_pid(".a.vanban-tmp-x-4.tmp"), None);
        assert_eq!(temporary_pid("a.vanban-tmp-1-4.tmp"), None);
        assert_eq!(temporary_pid(".a.tmp"), None);
    }
}
