//! Typst in-process: lays out a Typst source with the chosen fonts and writes the PDF as
//! PDF/A-3b, dated from the spec (or `SOURCE_DATE_EPOCH`), never from the clock. The engine
//! depends on the fonts (`fonts.rs` reads the faces), not the reverse.

use super::fonts::FontFamily;
use crate::document::Meta;
use crate::error::Error;
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::Font;
use typst_as_lib::file_resolver::FileResolver;
use typst_as_lib::{TypstAsLibError, TypstEngine, TypstTemplateCollection};
use typst_layout::PagedDocument;
use typst_pdf::{PdfStandard, PdfStandards, Timestamp};

/// What happens to Typst's memoized work (its process-wide `comemo` cache) after a layout.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Cache {
    /// Dropped: every layout starts cold and memory stays flat (one-off renders, tests).
    #[default]
    Drop,
    /// Kept for as many layouts as there are worker threads: layouts running side by side (a
    /// batch) do not evict each other's work halfway, and memory stays bounded.
    Shared,
    /// Kept while the next layout uses it, so laying out an edited spec again redoes only what
    /// the edit touched (`vanban watch`). Only the last layout's work is kept, so that memory
    /// levels off however many times a spec is saved: results kept for four layouts piled up
    /// (a 1 000-Điều spec's live heap grew by 0.7 MB a save, and each re-render got slower).
    /// With several specs watched, a save after another spec's render starts cold.
    Keep,
}

/// A font family and Typst's engine for it: the engine is built on first use and shared by
/// clones, so a batch or a watch session builds it once per font set.
#[derive(Debug, Clone)]
pub struct FontSet {
    faces: Arc<FontFamily>,
    typesetter: Arc<OnceLock<Typesetter>>,
}

impl FontSet {
    /// The embedded Liberation Serif, parsed once per process.
    pub fn embedded() -> &'static FontSet {
        static SET: OnceLock<FontSet> = OnceLock::new();
        SET.get_or_init(|| FontSet::new(FontFamily::embedded()))
    }

    /// Reads `family` (Times New Roman when `None`) from the font files in `dir` and its
    /// subfolders; all four styles must be there (see `FontFamily::from_dir`).
    pub fn from_dir(dir: &Path, family: Option<&str>) -> Result<FontSet, Error> {
        FontFamily::from_dir(dir, family).map(FontSet::new)
    }

    fn new(family: FontFamily) -> FontSet {
        FontSet {
            faces: Arc::new(family),
            typesetter: Arc::default(),
        }
    }

    /// Typst's engine for these fonts (see [`Typesetter`]), built on first use.
    pub fn typesetter(&self) -> &Typesetter {
        self.typesetter
            .get_or_init(|| Typesetter::new(self.faces.fonts()))
    }

    /// The family name templates set the text in.
    pub fn family(&self) -> &str {
        self.faces.family()
    }

    /// The parsed faces.
    pub fn fonts(&self) -> &[Font] {
        self.faces.fonts()
    }
}

/// Lays out a Typst source. `file` names the spec in error messages and, with
/// [`Cache::Keep`], identifies it from one layout to the next.
pub fn compile(
    source: &str,
    file: &str,
    fonts: &FontSet,
    cache: Cache,
) -> Result<PagedDocument, Error> {
    fonts.typesetter().lay_out(source, file, cache)
}

/// Typst's engine for one font set, built once: the standard library and the font book are
/// made a single time, and every source it lays out sits in a numbered slot (a Typst file id).
/// A spec laid out again with [`Cache::Keep`] gets its old slot back and its source is edited
/// in place, so Typst reparses only the changed stretch and keeps the identity of everything
/// around it, which is what lets its memoized layout be reused.
pub struct Typesetter {
    engine: TypstEngine<TypstTemplateCollection>,
    slots: Arc<Slots>,
}

impl std::fmt::Debug for Typesetter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Typesetter").finish_non_exhaustive()
    }
}

impl Typesetter {
    /// An engine laying out with `fonts`.
    pub fn new(fonts: &[Font]) -> Typesetter {
        let slots = Arc::new(Slots::default());
        let engine = TypstEngine::builder()
            .fonts(fonts.iter().cloned())
            .add_file_resolver(SlotFiles(Arc::clone(&slots)))
            // Eviction is done here, after each layout, by the cache policy of that layout.
            .comemo_evict_max_age(None)
            .build();
        Typesetter { engine, slots }
    }

    /// Lays out `source` (see [`compile`]).
    pub fn lay_out(&self, source: &str, file: &str, cache: Cache) -> Result<PagedDocument, Error> {
        let id = self
            .slots
            .fill(source, file, cache)
            .map_err(|message| Error::Failed {
                file: file.to_owned(),
                message,
            })?;
        let output = self.engine.compile::<_, PagedDocument>(id).output;
        self.slots.release(id, cache);
        typst::comemo::evict(match cache {
            Cache::Drop => 0,
            Cache::Shared => rayon::current_num_threads(),
            Cache::Keep => 1,
        });
        output.map_err(|e| layout_error(file, e))
    }
}

/// The sources being laid out, by Typst file id. Ids are interned by Typst for the life of the
/// process (at most 65 535), so they are reused: a free list for one-off layouts, one id per
/// spec file for kept ones.
#[derive(Default)]
struct Slots(Mutex<SlotTable>);

#[derive(Default)]
struct SlotTable {
    sources: HashMap<FileId, Source>,
    kept: HashMap<String, FileId>,
    free: Vec<FileId>,
}

impl Slots {
    /// Puts `source` in a slot and returns its id: the spec's own slot with [`Cache::Keep`]
    /// (its old source edited in place), else a free one.
    fn fill(&self, source: &str, file: &str, cache: Cache) -> Result<FileId, String> {
        let mut table = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let reused = match cache {
            Cache::Keep => table.kept.get(file).copied(),
            Cache::Drop | Cache::Shared => table.free.pop(),
        };
        let id = match reused {
            Some(id) => id,
            None => {
                let path = VirtualPath::new("main.typ").map_err(|e| e.to_string())?;
                let id = FileId::unique(RootedPath::new(VirtualRoot::Project, path));
                if cache == Cache::Keep {
                    table.kept.insert(file.to_owned(), id);
                }
                id
            }
        };
        // A kept slot still holds its spec's last source, edited in place; a freed one is empty.
        match table.sources.get_mut(&id) {
            Some(old) => {
                old.replace(source);
            }
            None => {
                table.sources.insert(id, Source::new(id, source.to_owned()));
            }
        }
        Ok(id)
    }

    /// Frees the slot of a one-off layout; a kept one stays for the next layout of its spec.
    fn release(&self, id: FileId, cache: Cache) {
        if cache != Cache::Keep {
            let mut table = self.0.lock().unwrap_or_else(|e| e.into_inner());
            table.sources.remove(&id);
            table.free.push(id);
        }
    }
}

/// Typst reads the sources from the slots; nothing else (no file system, no packages).
struct SlotFiles(Arc<Slots>);

impl FileResolver for SlotFiles {
    fn resolve_binary(&self, id: FileId) -> FileResult<Cow<'_, Bytes>> {
        Err(FileError::NotFound(id.vpath().get_without_slash().into()))
    }

    fn resolve_source(&self, id: FileId) -> FileResult<Cow<'_, Source>> {
        let table = self.0.0.lock().unwrap_or_else(|e| e.into_inner());
        match table.sources.get(&id) {
            Some(source) => Ok(Cow::Owned(source.clone())),
            None => Err(FileError::NotFound(id.vpath().get_without_slash().into())),
        }
    }
}

/// Writes a laid-out document as PDF/A-3b. The bytes depend only on the document and on
/// `SOURCE_DATE_EPOCH`: no clock, no machine-specific data.
pub fn pdf(doc: &PagedDocument, meta: &Meta, file: &str) -> Result<Vec<u8>, Error> {
    let standards = PdfStandards::new(&[PdfStandard::A_3b]).map_err(|e| Error::Failed {
        file: file.to_owned(),
        message: e.message().to_string(),
    })?;
    let options = typst_pdf::PdfOptions {
        creator: Smart::Custom(Some(format!("vanban {}", env!("CARGO_PKG_VERSION")))),
        timestamp: timestamp(meta, file)?,
        standards,
        ..Default::default()
    };
    let mut pdf = typst_pdf::pdf(doc, &options).map_err(|diags| Error::Failed {
        file: file.to_owned(),
        message: describe(&diags),
    })?;
    drop_false_suspects(&mut pdf);
    Ok(pdf)
}

/// Typst marks its tagged PDF `/MarkInfo<</Marked true/Suspects false>>`. `/Suspects false`
/// is valid and is also what its absence means (ISO 32000, 14.7.1), but poppler up to 25.11
/// reports a false `/Suspects` as "Syntax Error: Suspects object is wrong type (boolean)" on
/// every file (`pdfinfo`, `pdfsig`), which makes a văn thư doubt a sound file. The entry is
/// blanked out with spaces of the same length, so no byte offset moves; a PDF written otherwise
/// is left as it is.
fn drop_false_suspects(pdf: &mut [u8]) {
    const MARK_INFO: &[u8] = b"/MarkInfo<</Marked true/Suspects false>>";
    const SUSPECTS: &[u8] = b"/Suspects false";
    if let Some(at) = pdf.windows(MARK_INFO.len()).position(|w| w == MARK_INFO) {
        let from = at + MARK_INFO.len() - 2 - SUSPECTS.len();
        pdf[from..from + SUSPECTS.len()].fill(b' ');
    }
}

/// The PDF's creation date: `SOURCE_DATE_EPOCH` (seconds since 1970, UTC) when set, as
/// reproducible builds do; else the document's own date (see [`Meta::date`]).
fn timestamp(meta: &Meta, file: &str) -> Result<Option<Timestamp>, Error> {
    if let Ok(epoch) = std::env::var("SOURCE_DATE_EPOCH") {
        let bad = || Error::Failed {
            file: file.to_owned(),
            message: format!(
                "biến môi trường SOURCE_DATE_EPOCH=`{epoch}` không hợp lệ: cần số giây kể từ \
                 1970-01-01 (UTC)"
            ),
        };
        let seconds: i64 = epoch.trim().parse().map_err(|_| bad())?;
        let at = chrono::DateTime::from_timestamp(seconds, 0).ok_or_else(bad)?;
        use chrono::{Datelike, Timelike};
        let datetime = Datetime::from_ymd_hms(
            at.year(),
            at.month() as u8,
            at.day() as u8,
            at.hour() as u8,
            at.minute() as u8,
            at.second() as u8,
        )
        .ok_or_else(bad)?;
        return Ok(Some(Timestamp::new_utc(datetime)));
    }
    Ok((|| {
        let date = chrono::NaiveDate::parse_from_str(&meta.date, "%Y-%m-%d").ok()?;
        use chrono::Datelike;
        let datetime =
            Datetime::from_ymd_hms(date.year(), date.month() as u8, date.day() as u8, 0, 0, 0)?;
        // Vietnam time (UTC+7), where the document is dated.
        Timestamp::new_local(datetime, 7 * 60)
    })())
}

fn layout_error(file: &str, e: TypstAsLibError) -> Error {
    let message = match e {
        TypstAsLibError::TypstSource(diags) => describe(&diags),
        other => other.to_string(),
    };
    Error::Failed {
        file: file.to_owned(),
        message,
    }
}

/// Typst's messages with their hints. User text never runs as Typst code, so these point at a
/// template problem, not at the spec.
fn describe(diags: &[SourceDiagnostic]) -> String {
    diags
        .iter()
        .map(|d| {
            let mut m = d.message.to_string();
            for hint in &d.hints {
                m.push_str(&format!(" (gợi ý: {})", hint.v));
            }
            m
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(doc: &PagedDocument) -> String {
        let pages = crate::pages::Pages::read(doc);
        let runs: Vec<&str> = pages.runs.iter().map(|r| r.text.as_str()).collect();
        runs.join(" ")
    }

    /// (sources held, kept specs, free slots)
    fn slots(typesetter: &Typesetter) -> (usize, usize, usize) {
        let table = typesetter.slots.0.lock().unwrap();
        (table.sources.len(), table.kept.len(), table.free.len())
    }

    #[test]
    fn clones_of_a_font_set_share_one_engine() {
        let set = FontSet::embedded();
        let clone = set.clone();
        assert!(std::ptr::eq(clone.typesetter(), set.typesetter()));
        assert_eq!(clone.family(), "Liberation Serif");
    }

    #[test]
    fn one_off_layouts_reuse_one_slot() {
        let typesetter = Typesetter::new(FontSet::embedded().fonts());
        for word in ["Một", "Hai", "Ba"] {
            let doc = typesetter.lay_out(word, "a.yaml", Cache::Drop).unwrap();
            assert_eq!(text(&doc), word);
        }
        assert_eq!(slots(&typesetter), (0, 0, 1));
    }

    #[test]
    fn a_kept_spec_is_edited_in_place_and_laid_out_anew() {
        let typesetter = Typesetter::new(FontSet::embedded().fonts());
        let before = "Điều 1. Câu một.\n\nĐiều 2. Câu hai.";
        let after = "Điều 1. Câu một.\n\nĐiều 2. Câu ba.";
        let first = typesetter.lay_out(before, "a.yaml", Cache::Keep).unwrap();
        assert!(text(&first).contains("Câu hai"), "{}", text(&first));
        let second = typesetter.lay_out(after, "a.yaml", Cache::Keep).unwrap();
        assert!(text(&second).contains("Câu ba"), "{}", text(&second));
        assert!(!text(&second).contains("Câu hai"), "{}", text(&second));
        // A second spec gets a slot of its own; the first keeps its one.
        let other = typesetter.lay_out("Khác", "b.yaml", Cache::Keep).unwrap();
        assert_eq!(text(&other), "Khác");
        assert_eq!(slots(&typesetter), (2, 2, 0));
        let again = typesetter.lay_out(before, "a.yaml", Cache::Keep).unwrap();
        assert!(text(&again).contains("Câu hai"), "{}", text(&again));
        assert_eq!(slots(&typesetter), (2, 2, 0));
    }

    #[test]
    fn a_failed_layout_names_the_spec_and_frees_its_slot() {
        let typesetter = Typesetter::new(FontSet::embedded().fonts());
        let err = typesetter
            .lay_out("#let x = (", "a.yaml", Cache::Drop)
            .unwrap_err();
        assert!(
            matches!(&err, Error::Failed { file, .. } if file == "a.yaml"),
            "{err:?}"
        );
        assert_eq!(slots(&typesetter), (0, 0, 1));
    }
}
