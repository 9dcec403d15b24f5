//! `vanban watch`: renders specs, then renders each again whenever it (or a house template) is
//! saved, keeping Typst's memoized layout warm between renders so that a small edit costs a
//! fraction of a cold render. A render that fails is reported and leaves the files of the last
//! good render untouched; the watch goes on until Ctrl+C, which waits for a render in progress.

use super::render::{Request, Setup};
use crate::error::Error;
use crate::pipeline::write::{output_clashes, render_to_dir};
use crate::render::{Cache, Templates};
use notify::event::{AccessKind, AccessMode};
use notify::{Event, EventKind, PollWatcher, RecommendedWatcher, RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

/// How long a burst of file events (one save by an editor) must be quiet before rendering.
const SETTLE: Duration = Duration::from_millis(150);

/// How often the polling watcher (used when the system's file events are unavailable) looks.
const POLL_EVERY: Duration = Duration::from_millis(500);

/// Held while a render writes its files: Ctrl+C waits for it, so that stopping never leaves a
/// temporary file behind.
static WRITING: Mutex<()> = Mutex::new(());

/// One spec under watch.
struct Watched {
    /// The path as given: output names and messages use it.
    given: PathBuf,
    /// Its canonical folder joined with its file name: the path file events carry. The file
    /// itself is not canonicalised, since editors often save by replacing it.
    event_path: PathBuf,
}

/// Runs `vanban watch`: the first render of every spec, then one render per save. Returns the
/// exit code, 2 when the specs or their folders cannot be watched or two specs would write the
/// same output names (refused as `render` refuses them); renders that fail do not end the
/// watch.
pub fn run(request: &Request) -> u8 {
    let mut setup = match Setup::read(request) {
        Ok(setup) => setup,
        Err(code) => return code,
    };
    let watched: Vec<Watched> = match request.specs.iter().map(|s| locate(s)).collect() {
        Ok(list) => list,
        Err(err) => {
            eprintln!("{err}");
            return 2;
        }
    };
    // As `render` refuses them, but before watching: every save would overwrite the other's.
    let clashes: Vec<Error> = output_clashes(&request.specs, &request.out, &setup.formats)
        .into_iter()
        .flatten()
        .collect();
    if !clashes.is_empty() {
        for err in &clashes {
            eprintln!("{err}");
        }
        eprintln!("Không theo dõi: đổi tên tệp trùng hoặc theo dõi riêng từng tệp.");
        return 2;
    }
    let template_dirs = template_dirs(request, &watched);
    stop_on_ctrl_c();
    // Watching starts before the first render, so that a save made during it is not missed.
    let (tx, rx) = mpsc::channel();
    let _watcher = match start_watcher(tx, &watched, &template_dirs) {
        Ok(w) => w,
        Err(err) => {
            eprintln!("{err}");
            return 2;
        }
    };
    let mut count = 0;
    for spec in &watched {
        count += 1;
        render_once(spec, request, &setup, count);
    }
    println!(
        "Đang theo dõi {} tệp: mỗi lần lưu sẽ trình bày lại. Nhấn Ctrl+C để dừng.",
        watched.len()
    );
    while let Some(paths) = next_burst(&rx) {
        let templates_changed = paths
            .iter()
            .any(|p| template_dirs.iter().any(|d| p.starts_with(d)));
        if templates_changed && let Some(dir) = &request.templates {
            match Templates::load(dir) {
                Ok(house) => setup.house = Some(house),
                Err(err) => {
                    eprintln!("{err}");
                    eprintln!("Mẫu trình bày riêng có lỗi: chưa trình bày lại.");
                    continue;
                }
            }
        }
        for spec in &watched {
            if templates_changed || paths.contains(&spec.event_path) {
                count += 1;
                render_once(spec, request, &setup, count);
            }
        }
    }
    0
}

/// The events the watcher sends.
type Events = mpsc::Receiver<notify::Result<Event>>;

/// Waits for the next burst of file events that may change content and returns the paths they
/// touched, once no such event has come for [`SETTLE`] (one save by an editor is several
/// events). `None` when the watcher has stopped.
fn next_burst(rx: &Events) -> Option<Vec<PathBuf>> {
    let mut paths = Vec::new();
    let mut deadline: Option<Instant> = None;
    loop {
        let received = match deadline {
            None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
            Some(at) => rx.recv_timeout(at.saturating_duration_since(Instant::now())),
        };
        match received {
            Ok(Ok(event)) if changes_content(&event.kind) => {
                paths.extend(event.paths);
                deadline = Some(Instant::now() + SETTLE);
            }
            Ok(Ok(_)) => {}
            Ok(Err(err)) => eprintln!("cảnh báo: theo dõi tệp gặp trục trặc: {err}"),
            Err(RecvTimeoutError::Timeout) => return Some(paths),
            Err(RecvTimeoutError::Disconnected) => return deadline.map(|_| paths),
        }
    }
}

/// Whether an event may mean new content. Reading a file (opening it, closing it unwritten)
/// does not, and must not count: every render reads the spec, and would set off the next.
fn changes_content(kind: &EventKind) -> bool {
    !matches!(kind, EventKind::Access(access) if *access != AccessKind::Close(AccessMode::Write))
}

/// Makes Ctrl+C end the watch (exit code 0) once the render in progress, if any, has written its
/// files. Without the handler (it cannot be installed) Ctrl+C still ends the watch, at once.
fn stop_on_ctrl_c() {
    let _ = ctrlc::set_handler(|| {
        let _writing = WRITING.lock();
        println!("Đã dừng theo dõi.");
        std::process::exit(0);
    });
}

/// Checks that a spec exists and finds the path its file events will carry.
fn locate(spec: &Path) -> Result<Watched, Error> {
    let shown = spec.display().to_string();
    let not_found = |e: &std::io::Error| Error::io(&shown, "đọc", e);
    std::fs::metadata(spec).map_err(|e| not_found(&e))?;
    let dir = match spec.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let dir = dir.canonicalize().map_err(|e| not_found(&e))?;
    let name = spec.file_name().ok_or_else(|| Error::Io {
        file: shown.clone(),
        message: "đây không phải tên một tệp".to_owned(),
    })?;
    Ok(Watched {
        given: spec.to_owned(),
        event_path: dir.join(name),
    })
}

/// The template folders whose changes re-render every spec: `--templates`, or else the
/// `templates/` folder beside each spec that has one.
fn template_dirs(request: &Request, watched: &[Watched]) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = match &request.templates {
        Some(dir) => vec![dir.clone()],
        None => watched
            .iter()
            .filter_map(|w| Some(w.event_path.parent()?.join("templates")))
            .filter(|d| d.is_dir())
            .collect(),
    };
    dirs = dirs.iter().filter_map(|d| d.canonicalize().ok()).collect();
    dirs.sort();
    dirs.dedup();
    dirs
}

/// Renders one spec into the output folder and says how it went. Nothing is written unless
/// every output was made, so a failed render leaves the previous files as they were.
fn render_once(spec: &Watched, request: &Request, setup: &Setup, count: usize) {
    let _writing = WRITING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let start = Instant::now();
    let options = setup.options(Cache::Keep);
    match render_to_dir(&spec.given, &request.out, &setup.formats, &options) {
        Ok(written) => {
            eprint!("{}", written.warnings);
            let files: Vec<String> = written
                .files
                .iter()
                .map(|f| f.display().to_string())
                .collect();
            println!(
                "[{count}] đã ghi {} ({} giây)",
                files.join(", "),
                super::seconds(start.elapsed())
            );
        }
        Err(err) => {
            eprintln!("{err}");
            println!(
                "[{count}] {}: chưa trình bày được, các tệp đã ghi trước đó giữ nguyên; sửa rồi \
                 lưu lại để thử lần nữa.",
                spec.given.display()
            );
        }
    }
}

/// Starts watching the folder of every spec (not the files: editors replace them when saving)
/// and the template folders with everything in them, with the system's file events when it has
/// them, else by polling; events go to `tx`. The watch lasts as long as the watcher is kept.
fn start_watcher(
    tx: mpsc::Sender<notify::Result<Event>>,
    watched: &[Watched],
    template_dirs: &[PathBuf],
) -> Result<Box<dyn Watcher>, Error> {
    let mut targets: Vec<(PathBuf, RecursiveMode)> = watched
        .iter()
        .filter_map(|w| {
            Some((
                w.event_path.parent()?.to_owned(),
                RecursiveMode::NonRecursive,
            ))
        })
        .collect();
    targets.sort();
    targets.dedup();
    targets.extend(
        template_dirs
            .iter()
            .map(|d| (d.clone(), RecursiveMode::Recursive)),
    );
    let watch_all = |watcher: &mut dyn Watcher| -> Result<(), Error> {
        for (path, mode) in &targets {
            watcher
                .watch(path, *mode)
                .map_err(|e| watch_error(path, &e))?;
        }
        Ok(())
    };
    if let Ok(mut native) = RecommendedWatcher::new(tx.clone(), notify::Config::default())
        && watch_all(&mut native).is_ok()
    {
        return Ok(Box::new(native));
    }
    let config = notify::Config::default().with_poll_interval(POLL_EVERY);
    let mut poll = PollWatcher::new(tx, config).map_err(|e| watch_error(Path::new("."), &e))?;
    watch_all(&mut poll)?;
    Ok(Box::new(poll))
}

/// A folder that cannot be watched.
fn watch_error(path: &Path, err: &notify::Error) -> Error {
    Error::Io {
        file: path.display().to_string(),
        message: format!("không theo dõi được thư mục này: {err}"),
    }
}
