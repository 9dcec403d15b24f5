//! The round trip of issue 16: every sample rendered as .docx (`render --format docx`, through
//! the library), the .docx read back by `vanban import`, and the imported spec compared with
//! the original by the machinery of `vanban diff` — no change — and by its Markdown.
//!
//! A sample that does not yet come back whole lists its known differences in [`KNOWN`]; the
//! test then asserts exactly that list, so it fails when the round trip gets worse and when it
//! gets better (the entry must then be removed).

mod common;

use std::path::{Path, PathBuf};
use vanban::diff::Kind;
use vanban::import::{Format as ImportFormat, import_bytes};
use vanban::pipeline::{self, Options};
use vanban::render::Format;

/// Known differences of a sample's round trip, as `kind path` lines of the diff (and
/// [`MARKDOWN`]); none for a sample that comes back whole.
///
/// Thông tư liên tịch 47/2009: an Điều's paragraphs after its khoản (`paragraphs` beside
/// `clauses`) print just as the last khoản's own paragraphs, and are read into that khoản; the
/// Markdown is the same.
const KNOWN: &[(&str, &[&str])] = &[(
    "thong-tu-lien-tich-47-2009",
    &[
        "Changed divisions[1].articles[2]",
        "Changed divisions[1].articles[2].clauses[4]",
        "Changed divisions[2].articles[6].clauses[3]",
        "Changed divisions[2].articles[6].clauses[3].points[3]",
    ],
)];

/// The .docx and the Markdown of a spec, as `render` makes them.
fn render(name: &str, text: &str) -> (Vec<u8>, String) {
    let composed = pipeline::compose_text(name, text).unwrap();
    let made = pipeline::outputs(composed, &[Format::Docx, Format::Md], &Options::default())
        .unwrap_or_else(|e| panic!("{name}: render: {e}"));
    (
        made.docx.expect("docx made"),
        made.md.expect("markdown made"),
    )
}

/// The differences between the sample and its round trip, as `kind path` lines of `vanban
/// diff`, then [`MARKDOWN`] when their Markdown differs: empty when the sample comes back whole.
fn round_trip(path: &Path, dir: &Path) -> Vec<String> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).unwrap();
    let (docx, md) = render(&name, &text);
    let imported = import_bytes("round-trip.docx", &docx, ImportFormat::Docx)
        .unwrap_or_else(|e| panic!("{name}: import: {e}"));
    let stem = path.file_stem().unwrap().to_string_lossy();
    let back = dir.join(format!("{stem}.yaml"));
    std::fs::write(&back, &imported.yaml).unwrap();
    let back_name = back.display().to_string();
    let cmp = vanban::commands::diff::comparison(&name, &back_name, false).unwrap_or_else(|e| {
        panic!(
            "{name}: the imported spec cannot be compared: {e}\n{}",
            imported.yaml
        )
    });
    let changes: Vec<String> = cmp
        .changes
        .iter()
        .filter(|c| c.kind != Kind::Unchanged)
        .map(|c| format!("{:?} {}", c.kind, c.path))
        .collect();
    let mut changes = changes;
    let (_, md_back) = render(&back_name, &imported.yaml);
    if md != md_back {
        changes.push(MARKDOWN.to_owned());
        std::fs::write(dir.join(format!("{stem}.md")), &md).unwrap();
        std::fs::write(dir.join(format!("{stem}.back.md")), &md_back).unwrap();
    }
    changes
}

/// The difference listed when `vanban diff` finds none but the Markdown of the two specs
/// differs (bold, line breaks, text the diff does not compare).
const MARKDOWN: &str = "Markdown";

#[test]
fn every_sample_comes_back_from_word() {
    let dir = tempfile::tempdir().unwrap();
    // ROUND_TRIP_KEEP=DIR keeps the imported specs there, to look at them.
    let keep = std::env::var_os("ROUND_TRIP_KEEP").map(PathBuf::from);
    let dir = keep.as_deref().unwrap_or(dir.path());
    let mut failures = Vec::new();
    for path in common::sample_files() {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let changes = round_trip(&path, dir);
        let known: Vec<String> = KNOWN
            .iter()
            .find(|(s, _)| *s == stem)
            .map(|(_, k)| k.iter().map(|s| (*s).to_owned()).collect())
            .unwrap_or_default();
        if changes != known {
            failures.push(format!(
                "{stem}: differences {changes:#?}\n  expected {known:#?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
