//! The round trip of issue 16: every sample rendered as .docx (`render --format docx`, through
//! the library), the .docx read back by `vanban import`, and the imported spec compared with
//! the original by the machinery of `vanban diff` — no change — and by its Markdown.
//!
//! The same holds after LibreOffice has opened the file and saved it again as .docx (a
//! reviewer's round): the paragraph styles that tell whose paragraph a free paragraph is keep
//! their names.

mod common;

use std::path::{Path, PathBuf};
use vanban::diff::Kind;
use vanban::import::{Format as ImportFormat, import_bytes};
use vanban::pipeline::{self, Options};
use vanban::render::Format;

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

/// The differences between the sample and its round trip, the .docx passed `through` a
/// step (an editor saving it again) before it is read back, as `kind path` lines of `vanban
/// diff`, then [`MARKDOWN`] when their Markdown differs: empty when the sample comes back whole.
fn round_trip(path: &Path, dir: &Path, through: &dyn Fn(&str, Vec<u8>) -> Vec<u8>) -> Vec<String> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).unwrap();
    let (docx, md) = render(&name, &text);
    let stem = path.file_stem().unwrap().to_string_lossy();
    let docx = through(&stem, docx);
    let imported = import_bytes("round-trip.docx", &docx, ImportFormat::Docx)
        .unwrap_or_else(|e| panic!("{name}: import: {e}"));
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

/// Every sample's round trip through `through`: the samples that do not come back whole, with
/// their differences.
fn every_sample(through: &dyn Fn(&str, Vec<u8>) -> Vec<u8>) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    // ROUND_TRIP_KEEP=DIR keeps the imported specs there, to look at them.
    let keep = std::env::var_os("ROUND_TRIP_KEEP").map(PathBuf::from);
    let dir = keep.as_deref().unwrap_or(dir.path());
    let mut failures = Vec::new();
    for path in common::sample_files() {
        let changes = round_trip(&path, dir, through);
        if !changes.is_empty() {
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            failures.push(format!("{stem}: differences {changes:#?}"));
        }
    }
    failures
}

#[test]
fn every_sample_comes_back_from_word() {
    let failures = every_sample(&|_, docx| docx);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A reviewer opens the .docx in LibreOffice and saves it as .docx again: it still reads back
/// as the sample (LibreOffice renames nothing the importer needs: the provisions' numbers are
/// text, and the styles of free paragraphs keep their names).
#[test]
fn every_sample_comes_back_after_libreoffice_saves_it() {
    let (soffice, install) = common::SOFFICE;
    if !common::tool_available(Path::new(soffice), "--version", install) {
        return;
    }
    let work = tempfile::tempdir().unwrap();
    let failures = every_sample(&|stem, docx| {
        let dir = work.path().join(stem);
        let saved = dir.join("saved");
        std::fs::create_dir_all(&saved).unwrap();
        let file = dir.join(format!("{stem}.docx"));
        std::fs::write(&file, docx).unwrap();
        let again = common::libreoffice(&file, &saved, "docx");
        std::fs::read(again).unwrap()
    });
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
