//! Typst in-process: lays out a Typst source with the chosen fonts and writes the PDF as
//! PDF/A-3b, dated from the spec (or `SOURCE_DATE_EPOCH`), never from the clock.

use super::fonts::FontSet;
use crate::document::Meta;
use crate::error::Error;
use typst::diag::SourceDiagnostic;
use typst::foundations::{Datetime, Smart};
use typst_as_lib::{TypstAsLibError, TypstEngine};
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
    /// Kept while the next [`KEPT_RENDERS`] layouts still use it, so laying out an edited
    /// spec again redoes only what the edit touched (`vanban watch`).
    Keep,
}

/// How many layouts an unused memoized result survives with [`Cache::Keep`].
pub const KEPT_RENDERS: usize = 4;

/// Lays out a Typst source. `file` names the spec in error messages.
pub fn compile(
    source: &str,
    file: &str,
    fonts: &FontSet,
    cache: Cache,
) -> Result<PagedDocument, Error> {
    let max_age = match cache {
        Cache::Drop => 0,
        Cache::Shared => rayon::current_num_threads(),
        Cache::Keep => KEPT_RENDERS,
    };
    let engine = TypstEngine::builder()
        .main_file(("main.typ", source.to_owned()))
        .fonts(fonts.fonts().iter().cloned())
        .comemo_evict_max_age(Some(max_age))
        .build();
    engine.compile().output.map_err(|e| layout_error(file, e))
}

/// Writes a laid-out document as PDF/A-3b. The bytes depend only on the document and on
/// `SOURCE_DATE_EPOCH`: no clock, no machine-specific data.
pub fn pdf(doc: &PagedDocument, meta: &Meta, file: &str) -> Result<Vec<u8>, Error> {
    let standards = PdfStandards::new(&[PdfStandard::A_3b]).map_err(|e| Error::Layout {
        file: file.to_owned(),
        message: e.message().to_string(),
    })?;
    let options = typst_pdf::PdfOptions {
        creator: Smart::Custom(Some(format!("vanban {}", env!("CARGO_PKG_VERSION")))),
        timestamp: timestamp(meta, file)?,
        standards,
        ..Default::default()
    };
    typst_pdf::pdf(doc, &options).map_err(|diags| Error::Layout {
        file: file.to_owned(),
        message: describe(&diags),
    })
}

/// The PDF's creation date: `SOURCE_DATE_EPOCH` (seconds since 1970, UTC) when set, as
/// reproducible builds do; else the document's own date (see [`Meta::date`]).
fn timestamp(meta: &Meta, file: &str) -> Result<Option<Timestamp>, Error> {
    if let Ok(epoch) = std::env::var("SOURCE_DATE_EPOCH") {
        let bad = || Error::Layout {
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
    Error::Layout {
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
