//! `render --format docx`: the Word file of every sample read back — through docx-rs for its
//! paragraphs and tables, through its XML for the page setup — and, with LibreOffice, converted
//! to PDF and read on page 1 (heading in two columns, fonts and sizes of ND 30). Without
//! `soffice` that test says it is skipped and passes (fails under `VANBAN_REQUIRE_TOOLS=1`).

mod common;

use common::{render_cli, sample, tool_available};
use docx_rs::{DocumentChild, TableCellContent, TableChild, TableRowChild};
use std::io::Read;
use std::path::Path;
use vanban::document::{ClauseView, Document, ItemView};
use vanban::pipeline::{self, Options};
use vanban::render::Format;

/// A block of the file's body as read back: a paragraph's text, or a table (rows of cells of
/// paragraph texts).
#[derive(Debug, Clone)]
enum Piece {
    Par(String),
    Table(Vec<Vec<Vec<String>>>),
}

/// The document and its .docx, through the library as `render` makes them.
fn docx_of(path: &Path) -> (Document, Vec<u8>) {
    let text = std::fs::read_to_string(path).unwrap();
    let composed = pipeline::compose_text(&path.display().to_string(), &text).unwrap();
    let made = pipeline::outputs(composed, &[Format::Docx], &Options::default()).unwrap();
    (made.doc, made.docx.expect("docx made"))
}

/// The body of a .docx as docx-rs reads it.
fn blocks(bytes: &[u8]) -> Vec<Piece> {
    let docx = docx_rs::read_docx(bytes).expect("docx-rs reads the file back");
    let mut out = Vec::new();
    for child in &docx.document.children {
        match child {
            DocumentChild::Paragraph(p) => out.push(Piece::Par(p.raw_text())),
            DocumentChild::Table(t) => out.push(Piece::Table(table(t))),
            _ => {}
        }
    }
    out
}

fn table(t: &docx_rs::Table) -> Vec<Vec<Vec<String>>> {
    t.rows
        .iter()
        .map(|TableChild::TableRow(row)| {
            row.cells
                .iter()
                .map(|TableRowChild::TableCell(cell)| {
                    cell.children
                        .iter()
                        .filter_map(|c| match c {
                            TableCellContent::Paragraph(p) => Some(p.raw_text()),
                            _ => None,
                        })
                        .collect()
                })
                .collect()
        })
        .collect()
}

/// A part of the package, as text.
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} in the package"))
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// Text with its author's line breaks read as spaces.
fn flat(s: &str) -> String {
    common::collapse(&s.replace('\n', " "))
}

/// The body paragraphs (outside tables), flattened.
fn paragraphs(blocks: &[Piece]) -> Vec<String> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Piece::Par(t) => Some(flat(t)),
            Piece::Table(_) => None,
        })
        .collect()
}

/// The provision lines of `doc` as the PDF prints them, in order: "Điều 1. Tên", "1. text",
/// "a) text", "- text".
fn provision_lines(doc: &Document) -> Vec<String> {
    fn items(list: &[ItemView], out: &mut Vec<String>) {
        for it in list {
            out.push(format!("{} {}", it.label.plain, it.text.plain));
            items(&it.items, out);
        }
    }
    fn clauses(list: &[ClauseView], out: &mut Vec<String>) {
        for c in list {
            match (&c.title, &c.text) {
                (Some(t), _) => out.push(format!("{} {}", c.label.plain, t.plain)),
                (None, Some(t)) => out.push(format!("{} {}", c.label.plain, t.plain)),
                (None, None) => out.push(c.label.plain.clone()),
            }
            for p in &c.points {
                out.push(format!("{} {}", p.label.plain, p.text.plain));
                items(&p.items, out);
            }
            items(&c.items, out);
        }
    }
    let mut out = Vec::new();
    let articles = doc
        .chapters
        .iter()
        .flat_map(|c| {
            c.articles
                .iter()
                .chain(c.divisions.iter().flat_map(|d| &d.articles))
        })
        .chain(doc.divisions.iter().flat_map(|d| &d.articles))
        .chain(&doc.articles);
    for a in articles {
        let head = match (&a.title.plain, &a.text) {
            (t, _) if !t.is_empty() => format!("{} {t}", a.label.plain),
            (_, Some(text)) => format!("{} {}", a.label.plain, text.plain),
            _ => a.label.plain.clone(),
        };
        out.push(head);
        clauses(&a.clauses, &mut out);
    }
    for s in &doc.sections {
        out.push(format!("{} {}", s.label.plain, s.title.plain));
        clauses(&s.clauses, &mut out);
        items(&s.items, &mut out);
    }
    out.into_iter().map(|l| flat(&l)).collect()
}

/// Whether `wanted` appears in `seen` in the same order (other paragraphs between).
fn in_order(seen: &[String], wanted: &[String]) -> Result<(), String> {
    let mut at = 0;
    for w in wanted {
        match seen[at..].iter().position(|s| s == w) {
            Some(i) => at += i + 1,
            None => return Err(w.clone()),
        }
    }
    Ok(())
}

/// The document and each text it issues, in page order.
fn documents(doc: &Document) -> Vec<&Document> {
    std::iter::once(doc).chain(&doc.attachments).collect()
}

#[test]
fn every_sample_reads_back_with_the_pdfs_structure() {
    for path in common::sample_files() {
        let name = path.display().to_string();
        let (doc, bytes) = docx_of(&path);
        let blocks = blocks(&bytes);
        let pars = paragraphs(&blocks);
        let tables: Vec<&Vec<Vec<Vec<String>>>> = blocks
            .iter()
            .filter_map(|b| match b {
                Piece::Table(t) => Some(t),
                Piece::Par(_) => None,
            })
            .collect();

        // The heading block is the first thing, a table: issuers and Số on the left; Quốc hiệu,
        // Tiêu ngữ, place and date on the right.
        let Some(Piece::Table(heading)) = blocks.first() else {
            panic!("{name}: the file opens with the heading table")
        };
        let left: Vec<String> = heading[0][0].iter().map(|t| flat(t)).collect();
        let right: Vec<String> = heading[0][1].iter().map(|t| flat(t)).collect();
        for issuer in &doc.issuers {
            assert!(left.contains(&flat(&issuer.name.plain)), "{name}: {left:?}");
            if let Some(parent) = &issuer.parent {
                assert!(left.contains(&flat(&parent.plain)), "{name}: {left:?}");
            }
        }
        assert_eq!(
            right[..2],
            [
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc"
            ],
            "{name}"
        );
        assert_eq!(
            heading[1][0],
            [format!("Số: {}", doc.number_line.plain)],
            "{name}"
        );
        assert_eq!(
            heading[1][1],
            [format!("{}, {}", doc.place.plain, doc.date_line.plain)],
            "{name}"
        );

        for d in documents(&doc) {
            // Title: tên loại, then each line of the trích yếu, each a paragraph.
            let at = pars
                .iter()
                .position(|p| *p == d.kind_name)
                .unwrap_or_else(|| panic!("{name}: {} printed", d.kind_name));
            for (i, line) in d.title_lines.iter().enumerate() {
                assert_eq!(pars[at + 1 + i], flat(&line.plain), "{name}");
            }
            if let Some(a) = &d.attached {
                let line = format!("({})", flat(&a.line.plain));
                assert_eq!(pars[at + 1 + d.title_lines.len()], line, "{name}");
            }
            // Căn cứ, then every provision with its number as text, in the PDF's order.
            let bases: Vec<String> = d.bases.iter().map(|b| flat(&b.plain)).collect();
            in_order(&pars, &bases).unwrap_or_else(|b| panic!("{name}: căn cứ {b}"));
            let lines = provision_lines(d);
            assert!(!lines.is_empty(), "{name}: has provisions");
            in_order(&pars, &lines).unwrap_or_else(|l| panic!("{name}: `{l}` not in order"));

            // Signatures: each block's authority lines, title, the room and name down one column
            // of a borderless table (four rows for two blocks side by side, so that their titles
            // and names line up; one row for a lone block, the room an empty paragraph).
            let column = |t: &Vec<Vec<Vec<String>>>, c: usize| -> Vec<String> {
                t.iter()
                    .filter_map(|row| row.get(c))
                    .flatten()
                    .map(|x| flat(x))
                    .collect()
            };
            let block = |s: &vanban::document::SignatureView| -> Vec<String> {
                let mut lines: Vec<String> = s.authority.iter().map(|a| flat(&a.plain)).collect();
                if lines.is_empty() {
                    lines.push(String::new());
                }
                lines.extend([flat(&s.title.plain), String::new(), flat(&s.name.plain)]);
                lines
            };
            for s in &d.signatures {
                let found = tables
                    .iter()
                    .any(|t| (0..t[0].len()).any(|c| column(t, c) == block(s)));
                assert!(found, "{name}: signature block of {}", s.name.plain);
            }
            let rows_of_two = tables
                .iter()
                .filter(|t| {
                    t.len() == 4
                        && (0..2).all(|c| d.signatures.iter().any(|s| column(t, c) == block(s)))
                })
                .count();
            assert_eq!(
                rows_of_two,
                d.signatures.len() / 2,
                "{name}: pairs side by side"
            );

            // Nơi nhận: its heading, then "- " and each recipient, beside the lone last block
            // or under the signatures.
            if !d.recipients.is_empty() {
                let mut expected = vec!["Nơi nhận:".to_owned()];
                expected.extend(d.recipients.iter().map(|r| format!("- {}", flat(&r.plain))));
                let beside = tables.iter().any(|t| {
                    t.len() == 1
                        && t[0][0]
                            .iter()
                            .take(expected.len())
                            .map(|x| flat(x))
                            .eq(expected.clone())
                });
                let below = in_order(&pars, &expected).is_ok();
                assert!(beside || below, "{name}: Nơi nhận");
                assert_eq!(
                    beside,
                    d.signatures.len() % 2 == 1,
                    "{name}: Nơi nhận placed as the PDF"
                );
            }
        }

        // Numbers are text: no Word list numbering anywhere.
        let xml = part(&bytes, "word/document.xml");
        assert!(!xml.contains("<w:numPr>"), "{name}: automatic numbering");
        // One section per part, each after the first numbered on its own; landscape where asked.
        let parts = 1
            + doc.appendices.len()
            + doc
                .attachments
                .iter()
                .map(|a| 1 + a.appendices.len())
                .sum::<usize>();
        assert_eq!(xml.matches("<w:sectPr>").count(), parts, "{name}: sections");
        assert_eq!(
            xml.matches("<w:titlePg").count(),
            parts,
            "{name}: first pages unnumbered"
        );
        assert_eq!(
            xml.matches("w:start=\"1\"").count(),
            parts - 1,
            "{name}: own numbering"
        );
        let landscape = documents(&doc)
            .iter()
            .flat_map(|d| &d.appendices)
            .filter(|a| a.landscape)
            .count();
        assert_eq!(
            xml.matches("w:orient=\"landscape\"").count(),
            landscape,
            "{name}"
        );
    }
}

#[test]
fn the_page_is_a4_with_the_margins_and_sizes_of_the_style_file() {
    let (_, bytes) = docx_of(&sample("thanh-hoa-stttt-hhdn.yaml"));
    let xml = part(&bytes, "word/document.xml");
    // A4 in twips; margins 20, 20, 30, 15 mm (nd30.typ, I.3).
    assert!(xml.contains(r#"<w:pgSz w:w="11906" w:h="16838" />"#), "A4");
    assert!(
        xml.contains(r#"<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701""#),
        "margins"
    );
    // Body 14 pt, header 13 pt, Nơi nhận 12 and 11 pt (half-points).
    for size in ["28", "26", "24", "22"] {
        assert!(
            xml.contains(&format!(r#"<w:sz w:val="{size}" />"#)),
            "{size}"
        );
    }
    // First-line indent 1.27 cm; 6 pt after body paragraphs; lines 1.27 × the size apart.
    assert!(xml.contains(r#"w:firstLine="720""#));
    assert!(
        xml.contains(r#"w:after="120" w:line="265""#),
        "body spacing"
    );
    let styles = part(&bytes, "word/styles.xml");
    assert!(styles.contains(r#"w:ascii="Times New Roman""#), "font");
    // The page number header exists and holds a PAGE field; the first page's header is empty.
    let header: String = (1..=2)
        .map(|i| part(&bytes, &format!("word/header{i}.xml")))
        .collect();
    assert!(header.contains("PAGE"), "{header}");
}

#[test]
fn the_same_document_gives_the_same_bytes() {
    let path = sample("quyet-dinh-thai-nguyen-26-2025.yaml");
    let (_, first) = docx_of(&path);
    // Another thread, after other documents were made on this one.
    let _ = docx_of(&sample("thanh-hoa-stttt-hhdn.yaml"));
    let second = std::thread::spawn(move || docx_of(&path).1).join().unwrap();
    assert!(first == second, "byte-identical");
    // The package is dated from the spec, not the clock.
    let core = part(&first, "docProps/core.xml");
    assert!(core.contains("2025-"), "{core}");
}

#[test]
fn render_writes_docx_beside_the_other_formats() {
    let out = tempfile::tempdir().unwrap();
    let spec = sample("soc-trang-sggp-2023-2025.yaml");
    let run = render_cli(&spec, out.path(), "md,DOCX");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let written = out.path().join("soc-trang-sggp-2023-2025.docx");
    let bytes = std::fs::read(&written).unwrap();
    assert!(bytes.starts_with(b"PK"), "a zip package");
    assert!(out.path().join("soc-trang-sggp-2023-2025.md").exists());
    assert!(!out.path().join("soc-trang-sggp-2023-2025.pdf").exists());
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(stdout.contains("soc-trang-sggp-2023-2025.docx"), "{stdout}");
    // What the library makes, byte for byte.
    assert!(bytes == docx_of(&spec).1);
}

fn run(program: &str, args: &[&str]) -> String {
    let out = std::process::Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(
        out.status.success(),
        "{program}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn libreoffice_lays_the_heading_out_as_the_pdf() {
    let (soffice, install) = common::SOFFICE;
    if !tool_available(Path::new(soffice), "--version", install)
        || !tool_available(Path::new("pdftotext"), "-v", "Debian: poppler-utils")
    {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let spec = sample("thanh-hoa-stttt-hhdn.yaml");
    let (doc, bytes) = docx_of(&spec);
    let docx = dir.path().join("thanh-hoa.docx");
    std::fs::write(&docx, &bytes).unwrap();
    let pdf = common::libreoffice(&docx, dir.path(), "pdf");
    let pdf = pdf.to_str().unwrap();

    // Page 1: the issuers on the left and the Quốc hiệu on the right of the same lines; Số on
    // the left and the date on the right of one line.
    let text = run("pdftotext", &["-layout", "-f", "1", "-l", "1", pdf, "-"]);
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let nation = lines
        .iter()
        .find(|l| l.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
        .unwrap_or_else(|| panic!("Quốc hiệu on page 1:\n{text}"));
    let first_issuer = doc.issuers[0]
        .parent
        .as_ref()
        .unwrap_or(&doc.issuers[0].name)
        .plain
        .split('\n')
        .next()
        .unwrap()
        .to_owned();
    let left_first = nation.split("CỘNG HÒA").next().unwrap().trim();
    assert!(
        first_issuer.starts_with(left_first) && !left_first.is_empty(),
        "the first issuer line beside the Quốc hiệu: {nation:?}"
    );
    let dated = lines
        .iter()
        .find(|l| l.contains("Số:"))
        .unwrap_or_else(|| panic!("Số on page 1:\n{text}"));
    assert!(
        dated.contains(&doc.place.plain),
        "Số and date on one line: {dated:?}"
    );
    assert!(
        dated.find("Số:").unwrap() < dated.find(&doc.place.plain).unwrap(),
        "{dated:?}"
    );
    // The title centred under the heading, the text after it.
    assert!(lines.iter().any(|l| l.trim() == doc.kind_name), "{text}");

    // Fonts: Times New Roman, or LibreOffice's metric-compatible Liberation Serif, regular,
    // bold and italic; nothing else.
    let fonts = run("pdffonts", &["-f", "1", "-l", "1", pdf]);
    let names: Vec<&str> = fonts
        .lines()
        .skip(2)
        .filter_map(|l| l.split_whitespace().next())
        .map(|n| n.split('+').next_back().unwrap())
        .collect();
    assert!(!names.is_empty(), "{fonts}");
    for n in &names {
        assert!(
            n.starts_with("TimesNewRoman") || n.starts_with("LiberationSerif"),
            "font {n} on page 1:\n{fonts}"
        );
    }
    assert!(names.iter().any(|n| n.contains("Bold")), "{fonts}");
    assert!(names.iter().any(|n| n.contains("Italic")), "{fonts}");

    // Sizes, as poppler reads the text's fonts (`pdftohtml -xml` at zoom 1 gives points):
    // Quốc hiệu, issuers and Số 13 pt; Tiêu ngữ, date, title and body 14 pt.
    let xml = run(
        "pdftohtml",
        &[
            "-xml", "-i", "-zoom", "1", "-f", "1", "-l", "1", "-stdout", pdf,
        ],
    );
    let attr = |line: &str, name: &str| -> String {
        let at = line.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        line[at..].split('"').next().unwrap().to_owned()
    };
    let sizes: std::collections::HashMap<String, String> = xml
        .lines()
        .filter(|l| l.trim_start().starts_with("<fontspec"))
        .map(|l| (attr(l, "id"), attr(l, "size")))
        .collect();
    let size_of = |text: &str| -> String {
        let line = xml
            .lines()
            .find(|l| l.starts_with("<text") && l.contains(text))
            .unwrap_or_else(|| panic!("`{text}` on page 1:\n{xml}"));
        sizes[&attr(line, "font")].clone()
    };
    assert_eq!(size_of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), "13");
    assert_eq!(size_of("Độc lập - Tự do - Hạnh phúc"), "14");
    assert_eq!(size_of("Số:"), "13");
    assert_eq!(size_of(&doc.place.plain), "14");
    assert_eq!(size_of(&doc.kind_name), "14");
    assert_eq!(size_of("UBND TỈNH THANH HÓA"), "13");
    assert_eq!(size_of("Căn cứ"), "14");
}

#[test]
fn a_house_style_file_sets_the_word_layout_too() {
    // A house folder's nd30.typ with a 35 mm left margin and 13 pt body text: the .docx takes
    // both from it, as the PDF does.
    let dir = tempfile::tempdir().unwrap();
    let style = std::fs::read_to_string(common::root().join("templates/typst/nd30.typ")).unwrap();
    let style = style
        .replace("left: 30mm", "left: 35mm")
        .replace("body-size: 14pt", "body-size: 13pt");
    std::fs::create_dir_all(dir.path().join("typst")).unwrap();
    std::fs::write(dir.path().join("typst/nd30.typ"), style).unwrap();
    let templates = vanban::render::Templates::load(dir.path()).unwrap();
    let path = sample("thanh-hoa-stttt-hhdn.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let composed = pipeline::compose_text("thanh-hoa.yaml", &text).unwrap();
    let options = Options {
        templates: Some(&templates),
        ..Options::default()
    };
    let made = pipeline::outputs(composed, &[Format::Docx], &options).unwrap();
    let bytes = made.docx.unwrap();
    let xml = part(&bytes, "word/document.xml");
    assert!(xml.contains(r#"w:left="1984""#), "35 mm left margin");
    let styles = part(&bytes, "word/styles.xml");
    assert!(styles.contains(r#"<w:sz w:val="26" />"#), "13 pt body");

    // A style file without the table is refused, naming the file.
    std::fs::write(dir.path().join("typst/nd30.typ"), "#let x = 1\n").unwrap();
    let templates = vanban::render::Templates::load(dir.path()).unwrap();
    let composed = pipeline::compose_text("thanh-hoa.yaml", &text).unwrap();
    let options = Options {
        templates: Some(&templates),
        ..Options::default()
    };
    let err = pipeline::outputs(composed, &[Format::Docx], &options)
        .err()
        .expect("refused")
        .to_string();
    assert!(
        err.contains("nd30.typ") && err.contains("#let nd30"),
        "{err}"
    );
}

/// An appendix table's header row repeats at the top of every page, as in the PDF: the row is
/// marked `w:tblHeader` (and nothing else is), and LibreOffice prints the column titles again
/// on each page the table runs over.
#[test]
fn an_appendix_tables_header_row_repeats_on_every_page() {
    let yaml = common::scale::table(120);
    let composed = pipeline::compose_text("bang.yaml", &yaml).unwrap();
    let made = pipeline::outputs(composed, &[Format::Docx], &Options::default()).unwrap();
    let bytes = made.docx.expect("docx made");
    let xml = part(&bytes, "word/document.xml");
    assert_eq!(xml.matches("<w:tblHeader/>").count(), 1, "one header row");
    assert!(!xml.contains("w:trHeight"), "the writer's mark is gone");
    // The header row is the appendix table's first, with its column titles.
    let row = xml
        .split("<w:tr>")
        .find(|r| r.contains("<w:tblHeader/>"))
        .unwrap();
    for title in ["STT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian"] {
        assert!(
            row.contains(&format!(">{title}<")),
            "{title} in the header row"
        );
    }
    let (soffice, install) = common::SOFFICE;
    if !tool_available(Path::new(soffice), "--version", install)
        || !tool_available(Path::new("pdftotext"), "-v", "Debian: poppler-utils")
    {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("bang.docx");
    std::fs::write(&docx, &bytes).unwrap();
    let pdf = common::libreoffice(&docx, dir.path(), "pdf");
    let text = run("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
    // Pages that hold rows of the table ("Nhiệm vụ số …") each show the column titles.
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| p.contains("Nhiệm vụ số"))
        .collect();
    assert!(
        pages.len() >= 3,
        "120 rows run over several pages: {}",
        pages.len()
    );
    for (n, page) in pages.iter().enumerate() {
        assert!(
            page.contains("Chủ trì") && page.contains("Phối hợp") && page.contains("Thời gian"),
            "page {} of the table has no header row:\n{page}",
            n + 1
        );
    }
}
