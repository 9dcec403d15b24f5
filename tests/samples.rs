//! The two reference programmes: every sentence reaches the laid-out PDF and the Markdown, the
//! Markdown matches its reviewed snapshot, and a render is byte-for-byte repeatable.

mod common;
use common::seeds::Seed;
use common::*;
use std::sync::OnceLock;

const SAMPLES: [(&str, &str); 2] = [
    ("thanh-hoa-stttt-hhdn.yaml", "thanh-hoa-stttt-hhdn.md"),
    (
        "soc-trang-sggp-2023-2025.yaml",
        "soc-trang-sggp-2023-2025.txt",
    ),
];

fn rendered(index: usize) -> &'static Rendered {
    static CACHE: [OnceLock<Rendered>; 2] = [OnceLock::new(), OnceLock::new()];
    CACHE[index].get_or_init(|| render_file(&sample(SAMPLES[index].0)))
}

fn assert_all_sentences(index: usize, text: &str, what: &str) {
    let (missing, _) = Seed::read(SAMPLES[index].1).missing(&[], text);
    assert!(
        missing.is_empty(),
        "{} sentences of {} missing from the {what}:\n{}",
        missing.len(),
        SAMPLES[index].1,
        missing.join("\n")
    );
}

/// Both readings of the pages: line by line, and column by column where blocks stand side by side.
fn pdf_readings(index: usize) -> String {
    let pages = &rendered(index).pages;
    format!("{}\n{}", pdf_text(pages), pdf_text_by_columns(pages))
}

#[test]
fn thanh_hoa_every_sentence_is_in_the_pdf() {
    assert_all_sentences(0, &pdf_readings(0), "PDF");
}

#[test]
fn soc_trang_every_sentence_is_in_the_pdf() {
    assert_all_sentences(1, &pdf_readings(1), "PDF");
}

#[test]
fn thanh_hoa_every_sentence_is_in_the_markdown() {
    assert_all_sentences(0, &md_text(&rendered(0).md), "Markdown");
}

#[test]
fn soc_trang_every_sentence_is_in_the_markdown() {
    assert_all_sentences(1, &md_text(&rendered(1).md), "Markdown");
}

#[test]
fn thanh_hoa_markdown_snapshot() {
    insta::assert_snapshot!("thanh-hoa.md", rendered(0).md);
}

#[test]
fn soc_trang_markdown_snapshot() {
    insta::assert_snapshot!("soc-trang.md", rendered(1).md);
}

#[test]
fn thanh_hoa_numbers_articles_across_chapters() {
    let doc = &rendered(0).doc;
    let numbers: Vec<u32> = doc
        .chapters
        .iter()
        .flat_map(|c| c.articles.iter().map(|a| a.number))
        .collect();
    assert_eq!(numbers, (1..=9).collect::<Vec<_>>());
    let chapters: Vec<&str> = doc
        .chapters
        .iter()
        .map(|c| c.label.plain.as_str())
        .collect();
    assert_eq!(chapters, ["Chương I", "Chương II", "Chương III"]);
    assert_eq!(doc.symbol.plain, "CTr-STTTT-HHDN");
}

#[test]
fn soc_trang_numbers_sections_in_roman() {
    let doc = &rendered(1).doc;
    let labels: Vec<&str> = doc
        .sections
        .iter()
        .map(|s| s.label.plain.as_str())
        .collect();
    assert_eq!(labels, ["I.", "II.", "III.", "IV.", "V.", "VI."]);
}

#[test]
fn rendering_twice_gives_identical_bytes() {
    let again = render_file(&sample(SAMPLES[0].0));
    assert!(
        again.pdf == rendered(0).pdf,
        "PDF bytes differ between two renders"
    );
    assert_eq!(again.typ, rendered(0).typ);
    assert_eq!(again.md, rendered(0).md);
}

#[test]
fn markdown_reads_back_as_paragraphs_and_headings_only() {
    use pulldown_cmark::{Event, Parser, Tag};
    for (index, (spec, _)) in SAMPLES.iter().enumerate() {
        // The first block is the generated-file comment; everything after it is text.
        let md = rendered(index)
            .md
            .split_once("-->")
            .expect("header comment")
            .1;
        for event in Parser::new(md) {
            if let Event::Start(tag) = event {
                assert!(
                    matches!(
                        tag,
                        Tag::Paragraph | Tag::Heading { .. } | Tag::Strong | Tag::Emphasis
                    ),
                    "{spec}: unexpected Markdown block {tag:?}"
                );
            }
        }
    }
}

/// The three-party quy chế written for this project (no reference text: its content is ours).
fn three_parties() -> &'static Rendered {
    static CACHE: OnceLock<Rendered> = OnceLock::new();
    CACHE.get_or_init(|| render_file(&sample("quy-che-phoi-hop-pbgdpl-ba-ben.yaml")))
}

#[test]
fn three_party_markdown_snapshot() {
    insta::assert_snapshot!("quy-che-ba-ben.md", three_parties().md);
}

#[test]
fn appendix_table_reads_back_as_a_table_with_numbered_rows() {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let r = three_parties();
    let table = r.doc.appendices[0].table.as_ref().unwrap();
    let columns = table.columns.len();
    let (mut rows, mut cells, mut widths) = (0, 0, Vec::new());
    let mut first_cells = Vec::new();
    let mut in_first = false;
    let mut text = String::new();
    for event in Parser::new_ext(&r.md, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::TableRow) => cells = 0,
            Event::End(TagEnd::TableRow) => {
                rows += 1;
                widths.push(cells);
            }
            Event::Start(Tag::TableCell) => {
                cells += 1;
                in_first = cells == 1;
                text.clear();
            }
            Event::Text(t) if in_first => text.push_str(&t),
            Event::End(TagEnd::TableCell) if in_first => {
                first_cells.push(text.clone());
                in_first = false;
            }
            _ => {}
        }
    }
    assert_eq!(rows, table.rows.len(), "every body row");
    assert!(
        widths.iter().all(|w| *w == columns),
        "rows as wide as the header"
    );
    // Group rows are numbered I, II, …; the rows under each restart at 1.
    let groups: Vec<&str> = first_cells
        .iter()
        .map(String::as_str)
        .filter(|c| !c.is_empty() && c.chars().all(|ch| "IVX".contains(ch)))
        .collect();
    assert_eq!(groups, ["I", "II", "III"]);
    assert_eq!(
        first_cells[..3],
        ["STT", "I", "1"],
        "header, group, first row"
    );
    assert!(r.md.contains("## Phụ lục\n"), "one appendix: no numeral");
    assert!(
        r.md.contains(
            "*(Kèm theo Quy chế phối hợp số …/QC-STP-CAT-UBMTTQ ngày … tháng … năm 2026)*"
        )
    );
}
