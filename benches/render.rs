//! Render benchmark: how much `vanban render` costs on top of Typst itself.
//!
//! For every `samples/*.yaml` (the folder is read at run time, so new samples are included)
//! it measures, alternating A, B, A, B… within each iteration so machine noise hits both alike:
//!
//! - **vanban**: the whole in-memory render, `render_spec(path, &[Pdf, Md])` (load, numbering,
//!   Tera templates, Typst layout, PDF export, Markdown);
//! - **typst**: the floor, Typst alone: the `.typ` source is made once outside the timed loop,
//!   then only `compile` + `pdf` are timed.
//!
//! Before every timed run Typst's memoization cache is emptied (`typst::comemo::evict(0)`), so
//! both measure a cold compile with the (process-wide) fonts already parsed. Times are the
//! median and minimum wall time over `VANBAN_BENCH_ITERS` iterations (default 20) after 2
//! warm-up iterations; the ratio is vanban median / typst median (target: at most 1.25×).
//!
//! Peak memory: a counting global allocator tracks live heap bytes; for one cold run of each
//! measurement it reports the peak reached above the live bytes at the start of that run.
//!
//! Watch: a render to disk after a one-word edit with Typst's cache kept from the render before
//! it (what `vanban watch` does on a save), against a cold render of the same edited spec: a
//! fresh `vanban render` process, which is what the target (at most 0.30×) is measured
//! against, and, for reference, an in-process render with Typst's cache emptied.
//!
//! Word: the .docx alone from the composed document (`render::docx`), and the whole in-memory
//! render to Word only (`render_spec(path, &[Docx])`: load, numbering, the .docx, no Typst),
//! median and minimum per sample, with the file's size (`VANBAN_BENCH_WORD=0` skips it).
//!
//! Batches: [`BATCH`] (500) specs rendered to a temporary folder one after another, against the
//! same batch through `render_all` with 2 workers (target: at most 0.6× the sequential time),
//! each with its peak heap; for reference also against one `vanban render` process per spec in
//! turn (a shell loop).
//!
//! Scale: made-up specs of growing size (10 → 10 000 Điều, 10 → 500 Phụ lục, tables up to the
//! row limit, a word up to the word limit; see `vanban::check::limits`), each rendered once
//! cold, with its time and peak heap: both should grow in proportion to the spec. Diff: one
//! Điều of 1 000, 10 000 and 30 000 khoản against the same with one word changed. Watch
//! plateau: 200 saves of a 1 000-Điều spec, each re-rendered with the cache kept, with the live
//! heap and resident memory every 20 saves: they must level off, not grow with the saves.
//!
//! Import: `vanban import` of a real document of about 40 000 characters
//! (tests/fixtures/import/), as copied text and as a Word file: median time and peak heap of
//! reading, recognising and writing the spec (`VANBAN_BENCH_IMPORT=0` skips it).
//!
//! Run: `cargo bench --bench render` (release build). Options, by environment variable:
//! `VANBAN_BENCH_ITERS=50` sets the iteration count; `VANBAN_BENCH_STAGES=1` also prints the
//! median time of each pipeline stage; `VANBAN_BENCH_SAMPLES=0` skips the per-sample table,
//! `VANBAN_BENCH_WATCH=0` the watch measurement and its plateau, `VANBAN_BENCH_BATCH=0` the
//! batch measurement (`VANBAN_BENCH_BATCH_SIZE=N` sets its size), `VANBAN_BENCH_SCALE=0` the
//! scale and diff curves.
//! Arguments after `--` keep only the samples whose file name contains one of them. Only the
//! watch and batch measurements write files, in a temporary folder.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use vanban::document::Meta;
use vanban::pipeline::write::{render_all, render_spec, render_to_dir};
use vanban::pipeline::{self, Options};
use vanban::render::{self, FontSet, Format};

#[path = "../tests/common/scale.rs"]
mod scale_specs;

/// `System`, counting live heap bytes and their peak.
struct CountingAlloc;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

impl CountingAlloc {
    fn grew(by: usize) {
        let now = CURRENT.fetch_add(by, Ordering::Relaxed) + by;
        PEAK.fetch_max(now, Ordering::Relaxed);
    }

    fn shrank(by: usize) {
        CURRENT.fetch_sub(by, Ordering::Relaxed);
    }
}

// SAFETY: every call is forwarded to `System` unchanged; the counters only observe sizes.
unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract, which `System` shares.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            Self::grew(layout.size());
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            Self::grew(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` (through this allocator) with `layout`.
        unsafe { System.dealloc(ptr, layout) };
        Self::shrank(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as for `dealloc`; `new_size` is valid per the caller's contract.
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            let old_size = layout.size();
            if new_size >= old_size {
                Self::grew(new_size - old_size);
            } else {
                Self::shrank(old_size - new_size);
            }
        }
        new
    }
}

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

/// Starts a new peak: the peak becomes the live bytes now. Returns those live bytes.
fn reset_peak() -> usize {
    let now = CURRENT.load(Ordering::Relaxed);
    PEAK.store(now, Ordering::Relaxed);
    now
}

/// The highest live heap bytes since the last [`reset_peak`].
fn peak() -> usize {
    PEAK.load(Ordering::Relaxed)
}

/// Empties Typst's memoization cache so that the next compile starts cold.
fn cold() {
    typst::comemo::evict(0);
}

/// Measurement A: the whole render, as `vanban render --format pdf,md` does it minus the writes.
fn vanban_run(path: &Path) -> usize {
    let rendered = render_spec(path, &[Format::Pdf, Format::Md], &Options::default())
        .expect("vanban renders the sample");
    rendered.outputs.iter().map(|(_, bytes)| bytes.len()).sum()
}

/// Measurement B: Typst alone (layout and PDF/A export) on a source made beforehand.
fn typst_run(typ: &str, meta: &Meta, name: &str) -> usize {
    let paged = render::compile(typ, name, FontSet::embedded(), render::Cache::Drop)
        .expect("Typst lays it out");
    render::pdf(&paged, meta, name)
        .expect("Typst writes the PDF")
        .len()
}

/// Wall time of one cold run of `f`.
fn timed(f: impl FnOnce() -> usize) -> Duration {
    cold();
    let start = Instant::now();
    black_box(f());
    start.elapsed()
}

/// Peak heap bytes of one cold run of `f`, above the live bytes when it starts.
fn peak_bytes(f: impl FnOnce() -> usize) -> usize {
    cold();
    let base = reset_peak();
    black_box(f());
    peak().saturating_sub(base)
}

/// Median and minimum of some durations.
fn stats(samples: &mut [Duration]) -> (Duration, Duration) {
    samples.sort_unstable();
    let n = samples.len();
    let median = if n % 2 == 1 {
        samples[n / 2]
    } else {
        (samples[n / 2 - 1] + samples[n / 2]) / 2
    };
    (median, samples[0])
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

/// The spec text of a sample.
fn spec_text(path: &Path) -> String {
    std::fs::read_to_string(path).expect("sample reads")
}

/// The Typst source and PDF metadata of a sample, made the way `render_spec` makes them.
fn typst_source(path: &Path) -> (String, Meta) {
    let name = path.display().to_string();
    let composed = pipeline::signable(&name, &spec_text(path)).expect("sample composes");
    let made =
        pipeline::outputs(composed, &[Format::Typ], &Options::default()).expect("sample renders");
    (made.typ, made.doc.meta)
}

/// `samples/*.yaml`, sorted, kept by the command-line filters if any.
fn samples(filters: &[String]) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|ext| ext == "yaml"))
        .filter(|p| {
            let file = p.file_name().unwrap_or_default().to_string_lossy();
            filters.is_empty() || filters.iter().any(|f| file.contains(f.as_str()))
        })
        .collect();
    paths.sort();
    paths
}

/// One sample's results.
struct Row {
    sample: String,
    vanban: (Duration, Duration),
    typst: (Duration, Duration),
    vanban_peak: usize,
    typst_peak: usize,
}

impl Row {
    fn time_ratio(&self) -> f64 {
        self.vanban.0.as_secs_f64() / self.typst.0.as_secs_f64()
    }

    fn mem_ratio(&self) -> f64 {
        self.vanban_peak as f64 / self.typst_peak as f64
    }
}

const WARMUP: usize = 2;

fn bench_sample(path: &Path, iters: usize) -> Row {
    let name = path.display().to_string();
    let (typ, meta) = typst_source(path);

    for _ in 0..WARMUP {
        timed(|| vanban_run(path));
        timed(|| typst_run(&typ, &meta, &name));
    }
    let mut a = Vec::with_capacity(iters);
    let mut b = Vec::with_capacity(iters);
    for _ in 0..iters {
        a.push(timed(|| vanban_run(path)));
        b.push(timed(|| typst_run(&typ, &meta, &name)));
    }

    Row {
        sample: path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned(),
        vanban: stats(&mut a),
        typst: stats(&mut b),
        vanban_peak: peak_bytes(|| vanban_run(path)),
        typst_peak: peak_bytes(|| typst_run(&typ, &meta, &name)),
    }
}

/// Median time of each pipeline stage, run one after the other on fresh inputs.
fn stages(path: &Path, iters: usize) {
    let name = path.display().to_string();
    let labels = [
        "check",
        "compose",
        "typst_source",
        "markdown",
        "compile",
        "pages",
        "pdf",
        "fields",
    ];
    let mut times: Vec<Vec<Duration>> = vec![Vec::with_capacity(iters); labels.len()];
    for i in 0..WARMUP + iters {
        cold();
        let mut lap = Vec::with_capacity(labels.len());
        let mut t = Instant::now();
        let mut split = |lap: &mut Vec<Duration>| {
            lap.push(t.elapsed());
            t = Instant::now();
        };
        let checked = pipeline::check(&pipeline::Source::text(&name, &spec_text(path)));
        split(&mut lap);
        let doc = pipeline::compose(checked)
            .expect("sample composes")
            .document;
        split(&mut lap);
        let fonts = FontSet::embedded();
        let typ = render::typst_source(&doc, &name, fonts.family()).expect("source renders");
        split(&mut lap);
        black_box(render::markdown(&doc, &name).expect("Markdown renders"));
        split(&mut lap);
        let paged = render::compile(&typ, &name, fonts, render::Cache::Drop)
            .expect("Typst lays the source out");
        split(&mut lap);
        let pages = vanban::pages::Pages::read(&paged);
        split(&mut lap);
        let pdf = render::pdf(&paged, &doc.meta, &name).expect("Typst writes the PDF");
        split(&mut lap);
        black_box(
            render::add_signature_fields(
                &pdf,
                &pages.signature_rooms,
                &doc.signature_blocks(),
                &name,
            )
            .expect("fields added"),
        );
        split(&mut lap);
        if i >= WARMUP {
            for (column, d) in times.iter_mut().zip(lap) {
                column.push(d);
            }
        }
    }
    let medians: Vec<String> = labels
        .iter()
        .zip(times.iter_mut())
        .map(|(label, column)| format!("{label} {:.3}", ms(stats(column).0)))
        .collect();
    println!(
        "  stages (median ms) {}: {}",
        path.file_stem().unwrap_or_default().to_string_lossy(),
        medians.join(", ")
    );
}

fn main() {
    // `cargo bench` passes `--bench`; other flags are ignored, other words filter samples.
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let iters = match std::env::var("VANBAN_BENCH_ITERS") {
        Ok(v) => v
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|&n| n > 0)
            .unwrap_or_else(|| panic!("VANBAN_BENCH_ITERS must be a positive integer, got {v:?}")),
        Err(_) => 20,
    };
    let paths = samples(&filters);
    if paths.is_empty() {
        println!("no samples/*.yaml matched");
        return;
    }

    if enabled("VANBAN_BENCH_SAMPLES") {
        samples_table(&paths, iters);
    }
    if enabled("VANBAN_BENCH_WORD") {
        println!();
        word(&paths, iters);
    }
    if std::env::var_os("VANBAN_BENCH_STAGES").is_some_and(|v| !v.is_empty() && v != "0") {
        println!();
        for path in &paths {
            stages(path, iters);
        }
    }
    if enabled("VANBAN_BENCH_WATCH") {
        println!();
        watch(&paths, iters);
        println!();
        watch_plateau();
    }
    if enabled("VANBAN_BENCH_SCALE") {
        println!();
        scale();
        println!();
        diff_curve();
    }
    if enabled("VANBAN_BENCH_BATCH") {
        println!();
        batch(&paths);
    }
    if enabled("VANBAN_BENCH_IMPORT") {
        println!();
        import(iters);
    }
}

/// The table of every sample: vanban against Typst alone, time and peak heap.
fn samples_table(paths: &[PathBuf], iters: usize) {
    println!(
        "vanban render vs Typst alone (compile + pdf): {iters} iterations after {WARMUP} warm-ups, \
             cold Typst cache each run"
    );
    let rows: Vec<Row> = paths.iter().map(|p| bench_sample(p, iters)).collect();

    let width = rows
        .iter()
        .map(|r| r.sample.len())
        .max()
        .unwrap_or(0)
        .max(6);
    println!();
    println!(
        "{:<width$}  {:>10} {:>10} {:>10} {:>10} {:>6}  {:>10} {:>10} {:>6}",
        "sample",
        "vanban ms",
        "vanban min",
        "typst ms",
        "typst min",
        "ratio",
        "vanban MiB",
        "typst MiB",
        "ratio",
    );
    for r in &rows {
        println!(
            "{:<width$}  {:>10.2} {:>10.2} {:>10.2} {:>10.2} {:>5.3}×  {:>10.2} {:>10.2} {:>5.3}×",
            r.sample,
            ms(r.vanban.0),
            ms(r.vanban.1),
            ms(r.typst.0),
            ms(r.typst.1),
            r.time_ratio(),
            mib(r.vanban_peak),
            mib(r.typst_peak),
            r.mem_ratio(),
        );
    }
    println!();

    let worst = |f: fn(&Row) -> f64| {
        rows.iter()
            .max_by(|x, y| f(x).total_cmp(&f(y)))
            .map(|r| (f(r), r.sample.as_str()))
            .expect("at least one sample")
    };
    let (time, time_at) = worst(Row::time_ratio);
    let (mem, mem_at) = worst(Row::mem_ratio);
    println!(
        "worst time ratio {time:.3}× ({time_at}) — target ≤ 1.25×: {}; worst memory ratio {mem:.3}× ({mem_at})",
        if time <= 1.25 { "met" } else { "NOT met" }
    );
}

/// `vanban import` of the real ~40 000-character document of the import tests, as copied text
/// and as a Word file: median and minimum time, peak heap.
fn import(iters: usize) {
    use vanban::import::{Format as Source, import_bytes};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    println!(
        "vanban import (read, recognise, write the spec): {iters} iterations after {WARMUP} warm-ups; \
         baseline: `vanban check` of the spec it writes (load, every rule), the step a user runs next"
    );
    for (file, format) in [
        (
            "nghe-an-qd95-2025-quy-che-phoi-hop-dat-dai.txt",
            Source::Text,
        ),
        (
            "nghe-an-qd95-2025-quy-che-phoi-hop-dat-dai.docx",
            Source::Docx,
        ),
        // An office's own file: Word lists (automatic numbering), a text the decision issues.
        ("lam-dong-qd-2025-to-giup-viec-cchc.docx", Source::Docx),
    ] {
        let bytes = std::fs::read(dir.join(file)).expect("import fixture");
        let run = || {
            import_bytes(file, &bytes, format)
                .expect("fixture imports")
                .yaml
                .len()
        };
        for _ in 0..WARMUP {
            black_box(run());
        }
        let mut times: Vec<Duration> = (0..iters).map(|_| timed(run)).collect();
        let (median, min) = stats(&mut times);
        let size = match format {
            Source::Text => format!(
                "{} characters",
                String::from_utf8_lossy(&bytes).chars().count()
            ),
            Source::Docx => format!("{} KiB", bytes.len() / 1024),
        };
        let yaml = import_bytes(file, &bytes, format)
            .expect("fixture imports")
            .yaml;
        let check = || {
            vanban::pipeline::check(&vanban::pipeline::Source::text(file, &yaml))
                .report
                .findings
                .len()
        };
        for _ in 0..WARMUP {
            black_box(check());
        }
        let mut base: Vec<Duration> = (0..iters).map(|_| timed(check)).collect();
        let (base_median, _) = stats(&mut base);
        println!(
            "  {file} ({size}): median {:.2} ms, min {:.2} ms, peak heap {:.2} MiB; check of its \
             spec {:.2} ms: import = {:.2}x check",
            ms(median),
            ms(min),
            mib(peak_bytes(run)),
            ms(base_median),
            ms(median) / ms(base_median)
        );
    }
}

/// The Word measurement: for each sample, the .docx made from its composed document, and the
/// whole render to Word only, alternating; medians and minima.
fn word(paths: &[PathBuf], iters: usize) {
    println!(
        "Word (.docx): the file alone from the composed document, and the whole render to Word \
         only (no Typst); {iters} iterations"
    );
    let templates = render::Templates::embedded();
    let options = render::DocxOptions::new(FontSet::embedded(), templates);
    for path in paths {
        let name = path.display().to_string();
        let doc = pipeline::signable(&name, &spec_text(path))
            .expect("sample composes")
            .document;
        let docx = || {
            render::docx(&doc, &options)
                .expect("the .docx is made")
                .len()
        };
        let whole = || {
            render_spec(path, &[Format::Docx], &Options::default())
                .expect("vanban renders the sample")
                .outputs
                .iter()
                .map(|(_, bytes)| bytes.len())
                .sum()
        };
        for _ in 0..WARMUP {
            timed(docx);
            timed(whole);
        }
        let (mut a, mut b) = (Vec::with_capacity(iters), Vec::with_capacity(iters));
        for _ in 0..iters {
            a.push(timed(docx));
            b.push(timed(whole));
        }
        let ((a_med, a_min), (b_med, b_min)) = (stats(&mut a), stats(&mut b));
        println!(
            "  {}: docx {:.2} ms (min {:.2}), render to docx {:.2} ms (min {:.2}), {} KiB, peak \
             heap {:.2} MiB",
            path.file_stem().unwrap_or_default().to_string_lossy(),
            ms(a_med),
            ms(a_min),
            ms(b_med),
            ms(b_min),
            docx() / 1024,
            mib(peak_bytes(docx)),
        );
    }
}

/// Whether an optional measurement runs: yes unless its variable is `0`.
fn enabled(variable: &str) -> bool {
    std::env::var_os(variable).is_none_or(|v| v != "0")
}

/// The spec with one word changed: the fourth word of the longest line, which is body text in
/// every sample.
fn one_word_edit(text: &str) -> String {
    let line = text
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .max_by_key(|l| l.len())
        .expect("the spec has lines");
    let word = line
        .split_whitespace()
        .filter(|w| w.chars().all(char::is_alphabetic))
        .nth(3)
        .expect("the longest line has words");
    let edited = line.replacen(&format!(" {word} "), " thử ", 1);
    assert_ne!(edited, line, "the edit changes the line");
    text.replacen(line, &edited, 1)
}

/// The watch measurement for every sample. What `vanban watch` does on a save — render the
/// edited spec to disk with Typst's cache kept from the render before it — against two cold
/// renders of the same edited spec: a fresh `vanban render` process (what a user runs when not
/// watching: the target is measured against this one) and, in this process, a render with
/// Typst's cache emptied but fonts, templates and Typst's library already loaded.
/// Alternating, medians.
fn watch(paths: &[PathBuf], iters: usize) {
    use vanban::render::Cache;
    println!(
        "re-render after a one-word edit, to disk, cache kept (vanban watch) vs cold render of \
         the same spec: a `vanban render` process, and in-process with Typst's cache emptied; \
         {iters} iterations"
    );
    let dir = tempfile::tempdir().expect("temporary folder");
    let out = dir.path().join("out");
    let formats = [Format::Pdf, Format::Md];
    let keep = Options {
        cache: Cache::Keep,
        ..Options::default()
    };
    let mut worst: f64 = 0.0;
    for path in paths {
        let spec = dir.path().join(path.file_name().expect("a file name"));
        let original = spec_text(path);
        let edited = one_word_edit(&original);
        let render = |text: &str, options: &Options| {
            std::fs::write(&spec, text).expect("spec writes");
            render_to_dir(&spec, &out, &formats, options)
                .expect("spec renders")
                .files
                .len()
        };
        let process = |text: &str| {
            std::fs::write(&spec, text).expect("spec writes");
            let status = std::process::Command::new(env!("CARGO_BIN_EXE_vanban"))
                .arg("render")
                .arg(&spec)
                .arg("-o")
                .arg(&out)
                .args(["--format", "pdf,md"])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .status()
                .expect("vanban starts");
            assert!(status.success(), "vanban render succeeds");
            1
        };
        let (mut process_times, mut cold_times, mut warm_times) =
            (Vec::new(), Vec::new(), Vec::new());
        for i in 0..WARMUP + iters {
            let p = timed(|| process(&edited));
            let c = timed(|| render(&edited, &Options::default()));
            cold();
            render(&original, &keep);
            let start = Instant::now();
            black_box(render(&edited, &keep));
            let w = start.elapsed();
            if i >= WARMUP {
                process_times.push(p);
                cold_times.push(c);
                warm_times.push(w);
            }
        }
        let (process_median, _) = stats(&mut process_times);
        let (cold_median, _) = stats(&mut cold_times);
        let (warm_median, _) = stats(&mut warm_times);
        let ratio = warm_median.as_secs_f64() / process_median.as_secs_f64();
        let in_process = warm_median.as_secs_f64() / cold_median.as_secs_f64();
        worst = worst.max(ratio);
        println!(
            "  {:<32} process {:>7.2} ms  in-process {:>7.2} ms  after edit {:>7.2} ms  \
             {ratio:.3}× / {in_process:.3}×",
            path.file_stem().unwrap_or_default().to_string_lossy(),
            ms(process_median),
            ms(cold_median),
            ms(warm_median),
        );
    }
    println!(
        "worst re-render ratio against a `vanban render` process {worst:.3}× — target ≤ 0.30×: {}",
        if worst <= 0.30 { "met" } else { "NOT met" }
    );
}

/// Specs in the batch measurement, cycled from the samples (`VANBAN_BENCH_BATCH_SIZE` changes
/// it): the size of a province's yearly batch, and past the ~160 that once overflowed a stack.
const BATCH: usize = 500;

/// Wall time and peak heap bytes (above the live bytes at its start) of one cold run of `f`.
fn timed_peak(f: impl FnOnce() -> usize) -> (Duration, usize) {
    cold();
    let base = reset_peak();
    let start = Instant::now();
    black_box(f());
    (start.elapsed(), peak().saturating_sub(base))
}

/// A batch of [`BATCH`] specs written to disk, one after another (`render_to_dir` in a loop)
/// against `render_all` on a 2-thread pool, three alternating rounds (medians, and the highest
/// peak heap of each); for reference also one `vanban render` process per spec, once.
fn batch(paths: &[PathBuf]) {
    let size = std::env::var("VANBAN_BENCH_BATCH_SIZE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(BATCH);
    let dir = tempfile::tempdir().expect("temporary folder");
    let specs: Vec<PathBuf> = (0..size)
        .map(|i| {
            let to = dir.path().join(format!("spec-{i:03}.yaml"));
            std::fs::copy(&paths[i % paths.len()], &to).expect("sample copies");
            to
        })
        .collect();
    let out = dir.path().join("out");
    let formats = [Format::Pdf, Format::Md];
    // As `vanban render` does (and fair to both: no sample's cache survives until its next
    // copy, several specs later, with two threads).
    let options = Options {
        cache: vanban::render::Cache::Shared,
        ..Options::default()
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .expect("thread pool");
    // Inside the pool too, so that both keep the cache for the same number of renders.
    // Alternated, three rounds each, so that load from elsewhere on the machine hits both.
    let (mut one, mut two, mut seq_peak, mut par_peak) = (Vec::new(), Vec::new(), 0, 0);
    for _ in 0..3 {
        let (time, peak) = timed_peak(|| {
            pool.install(|| {
                specs
                    .iter()
                    .map(|s| {
                        render_to_dir(s, &out, &formats, &options)
                            .expect("renders")
                            .files
                            .len()
                    })
                    .sum()
            })
        });
        one.push(time);
        seq_peak = seq_peak.max(peak);
        let (time, peak) = timed_peak(|| {
            pool.install(|| render_all(&specs, &out, &formats, &options, |_| {}))
                .into_iter()
                .map(|r| r.expect("renders").files.len())
                .sum()
        });
        two.push(time);
        par_peak = par_peak.max(peak);
    }
    let (seq, par) = (stats(&mut one).0, stats(&mut two).0);
    // For reference, what a shell loop does: one `vanban render` process per spec, in turn.
    let shell = timed(|| {
        for spec in &specs {
            let status = std::process::Command::new(env!("CARGO_BIN_EXE_vanban"))
                .arg("render")
                .arg(spec)
                .arg("-o")
                .arg(&out)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .status()
                .expect("vanban starts");
            assert!(status.success(), "vanban render succeeds");
        }
        specs.len()
    });
    let ratio = par.as_secs_f64() / seq.as_secs_f64();
    let mib = |bytes: usize| bytes as f64 / (1 << 20) as f64;
    println!(
        "batch of {size} specs (pdf+md to disk): one after another {:.0} ms (peak heap {:.0} MiB), \
         2 threads {:.0} ms (peak heap {:.0} MiB) → {ratio:.3}× the time, {:.2}× the memory — \
         target ≤ 0.6× the time: {}; for reference, one `vanban render` process per spec in \
         turn {:.0} ms ({:.3}×)",
        ms(seq),
        mib(seq_peak),
        ms(par),
        mib(par_peak),
        par_peak as f64 / seq_peak.max(1) as f64,
        if ratio <= 0.6 { "met" } else { "NOT met" },
        ms(shell),
        par.as_secs_f64() / shell.as_secs_f64(),
    );
}

/// Resident memory of this process (`/proc/self/statm`), when the system tells it.
fn resident_bytes() -> Option<usize> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: usize = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

/// One cold render (pdf + md, in memory) of a made-up spec: its time and peak heap.
fn render_made_up(dir: &Path, name: &str, text: &str) -> (Duration, usize) {
    let spec = dir.join(format!("{name}.yaml"));
    std::fs::write(&spec, text).expect("spec writes");
    timed_peak(|| vanban_run(&spec))
}

/// The scale curves: each step rendered once, cold; its time and peak heap, and both per KB
/// of spec, which stay level when the cost is linear.
fn scale() {
    use scale_specs as made;
    use vanban::check::limits::{MAX_APPENDICES, MAX_ROWS, MAX_WORD};
    println!(
        "scale: made-up specs rendered once each (pdf+md in memory, cold): time and peak heap, \
         and per KB of spec"
    );
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut steps: Vec<(String, String)> = Vec::new();
    for n in [10, 100, 1_000, 10_000] {
        steps.push((format!("{n} Điều"), made::articles(n)));
    }
    for n in [10, 100, MAX_APPENDICES] {
        steps.push((format!("{n} Phụ lục"), made::appendices(n)));
    }
    for n in [100, 1_000, MAX_ROWS] {
        steps.push((format!("{n} table rows"), made::table(n)));
    }
    for n in [100, MAX_WORD] {
        steps.push((format!("word of {n} letters"), made::long_word(n)));
    }
    println!(
        "  {:<24} {:>9} {:>11} {:>10} {:>10} {:>11}",
        "step", "spec KB", "time ms", "peak MiB", "ms/KB", "MiB/KB"
    );
    for (i, (label, text)) in steps.iter().enumerate() {
        let (time, peak) = render_made_up(dir.path(), &format!("scale-{i}"), text);
        let kb = text.len() as f64 / 1024.0;
        println!(
            "  {label:<24} {kb:>9.1} {:>11.1} {:>10.1} {:>10.2} {:>11.3}",
            ms(time),
            mib(peak),
            ms(time) / kb,
            mib(peak) / kb
        );
    }
}

/// The diff curve: one Điều of n khoản against the same with one word changed, through
/// `vanban diff`'s comparison (read, check, number, match), once each.
fn diff_curve() {
    use scale_specs as made;
    println!("diff: one Điều of n khoản, one word changed (read both, number, compare)");
    let dir = tempfile::tempdir().expect("temporary folder");
    for n in [1_000, 10_000, 30_000] {
        let old = dir.path().join(format!("old-{n}.yaml"));
        let new = dir.path().join(format!("new-{n}.yaml"));
        std::fs::write(&old, made::clauses(n, false)).expect("spec writes");
        std::fs::write(&new, made::clauses(n, true)).expect("spec writes");
        let mut changes = 0;
        let (time, peak) = timed_peak(|| {
            let comparison = vanban::commands::diff::comparison(
                &old.display().to_string(),
                &new.display().to_string(),
                false,
            )
            .expect("both versions read");
            changes = comparison.changes.len();
            changes
        });
        assert_eq!(changes, 1, "one change found");
        println!(
            "  {n:>6} khoản: {:>9.1} ms, peak heap {:>7.1} MiB",
            ms(time),
            mib(peak)
        );
    }
}

/// Saves in the watch plateau measurement.
const SAVES: usize = 200;

/// The watch plateau: a 1 000-Điều spec saved [`SAVES`] times, each save a different one-word
/// edit, each re-rendered to disk with the cache kept (what `vanban watch` does); the live
/// heap and resident memory every 20 saves, and the time of the last 20 renders against the
/// first 20.
fn watch_plateau() {
    use vanban::render::Cache;
    println!(
        "watch plateau: a 1 000-Điều spec saved {SAVES} times, each re-rendered with the cache \
         kept"
    );
    let dir = tempfile::tempdir().expect("temporary folder");
    let spec = dir.path().join("plateau.yaml");
    let out = dir.path().join("out");
    let original = scale_specs::articles(1_000);
    let keep = Options {
        cache: Cache::Keep,
        ..Options::default()
    };
    cold();
    let mut times = Vec::new();
    let mut heaps = Vec::new();
    for save in 1..=SAVES {
        // A different Điều each time, so that every save changes the source.
        let k = save * 7 % 1_000;
        let text = original.replacen(
            &format!("công tác số {k} theo"),
            &format!("công tác số {k} (lần {save}) theo"),
            1,
        );
        std::fs::write(&spec, &text).expect("spec writes");
        let start = Instant::now();
        render_to_dir(&spec, &out, &[Format::Pdf, Format::Md], &keep).expect("spec renders");
        times.push(start.elapsed());
        if save % 20 == 0 {
            let live = CURRENT.load(Ordering::Relaxed);
            heaps.push(live);
            println!(
                "  save {save:>3}: live heap {:>7.1} MiB, resident {:>7.1} MiB, last render \
                 {:>7.1} ms",
                mib(live),
                resident_bytes().map_or(f64::NAN, mib),
                ms(*times.last().expect("a render"))
            );
        }
    }
    let mean = |d: &[Duration]| d.iter().sum::<Duration>() / d.len() as u32;
    let (first, last) = (mean(&times[..20]), mean(&times[SAVES - 20..]));
    let grown = heaps[heaps.len() - 1] as f64 / heaps[heaps.len() / 2 - 1] as f64;
    println!(
        "live heap at save {SAVES} is {grown:.3}× that at save {} — target ≤ 1.10× (a plateau): \
         {}; mean render of the first 20 saves {:.1} ms, of the last 20 {:.1} ms",
        SAVES / 2,
        if grown <= 1.10 { "met" } else { "NOT met" },
        ms(first),
        ms(last)
    );
}
