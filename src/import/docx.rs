//! The text of a Word document (.docx): its paragraphs and tables in reading order, through
//! the reader of the `docx-rs` crate. Runs are joined as they print (tabs and line breaks as
//! spaces or new lines); deleted text of tracked changes is left out, inserted text kept. A
//! paragraph that Word numbers automatically gets the label Word prints ("1.", "a)", "-")
//! before its text ([`super::numbering`]); bold is followed through the styles.

use super::numbering::Counter;
use super::styles::{self, StyleSheet};
use super::{Block, Para};
use crate::render::Role;
use docx_rs::{
    DocumentChild, InsertChild, ParagraphChild, RunChild, StructuredDataTagChild, TableCellContent,
    TableChild, TableRowChild,
};
use std::collections::HashMap;

/// Why a .docx could not be read, for the command's message.
#[derive(Debug)]
pub enum Problem {
    /// Not a zip archive, or a damaged one.
    NotZip,
    /// A zip archive without a Word document inside, or one whose XML cannot be read.
    NotWord,
    /// A package beyond the bounds a document keeps ([`super::package`]).
    Bounds(super::package::Refused),
}

/// Reads the blocks of a .docx held in `bytes`.
pub fn read(bytes: &[u8]) -> Result<Vec<Block>, Problem> {
    if !bytes.starts_with(b"PK") {
        return Err(Problem::NotZip);
    }
    match super::package::check(bytes) {
        Ok(()) => {}
        Err(super::package::Refused::NotZip) => return Err(Problem::NotZip),
        Err(refused) => return Err(Problem::Bounds(refused)),
    }
    // The reader is third-party code fed arbitrary bytes: a panic inside it is a document it
    // cannot read, never a crash of the command.
    let read = std::panic::catch_unwind(|| docx_rs::read_docx(bytes));
    let docx = match read {
        Ok(Ok(docx)) => docx,
        Ok(Err(docx_rs::ReaderError::ZipError(_))) => return Err(Problem::NotZip),
        _ => return Err(Problem::NotWord),
    };
    let sheet = StyleSheet::new(&docx.styles);
    let mut reader = Reader {
        blocks: Vec::new(),
        count: 0,
        roles: role_styles(&sheet),
        numbering: Counter::new(&docx.numberings, &sheet),
        looks: Looks::new(&docx.styles, &sheet),
    };
    for child in &docx.document.children {
        reader.document_child(child);
    }
    Ok(reader.blocks)
}

/// Walks the document, numbering paragraphs in reading order (cells included).
struct Reader<'a> {
    blocks: Vec<Block>,
    count: usize,
    /// The document's styles that give a paragraph its role, by style id.
    roles: HashMap<String, Role>,
    /// The counters of Word's automatic numbering.
    numbering: Counter<'a>,
    /// The document's styles, for bold.
    looks: Looks<'a>,
}

/// The styles of the document that give a paragraph its role, by their id.
fn role_styles(sheet: &StyleSheet) -> HashMap<String, Role> {
    sheet
        .all()
        .filter_map(|s| {
            let name = styles::name(s);
            Role::of_style(&s.style_id, name.as_deref()).map(|r| (s.style_id.clone(), r))
        })
        .collect()
}

impl Reader<'_> {
    fn document_child(&mut self, child: &DocumentChild) {
        match child {
            DocumentChild::Paragraph(p) => self.push_paragraph(p),
            DocumentChild::Table(t) => self.push_table(t),
            // A content control around paragraphs or tables: what it holds.
            DocumentChild::StructuredDataTag(tag) => {
                for child in &tag.children {
                    match child {
                        StructuredDataTagChild::Paragraph(p) => self.push_paragraph(p),
                        StructuredDataTagChild::Table(t) => self.push_table(t),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }

    fn push_paragraph(&mut self, p: &docx_rs::Paragraph) {
        let para = self.paragraph(p);
        self.blocks.push(Block::Para(para));
    }

    fn push_table(&mut self, t: &docx_rs::Table) {
        let table = self.table(t);
        self.blocks.push(Block::Table(table));
    }

    fn paragraph(&mut self, p: &docx_rs::Paragraph) -> Para {
        self.count += 1;
        let mut text = String::new();
        let mut bold = Bold::default();
        let runs = Runs {
            looks: &self.looks,
            style: p.property.style.as_ref().map(|s| s.val.as_str()),
        };
        paragraph_text(&p.children, &runs, &mut text, &mut bold);
        // Word counts a numbered paragraph even when it is empty; its label only goes before
        // text.
        if let Some(label) = self.numbering.label(&p.property)
            && !text.trim().is_empty()
        {
            text = format!("{label} {}", text.trim_start());
        }
        Para {
            text,
            at: self.count,
            bold: bold.plain == 0 && bold.bold > 0,
            centred: p
                .property
                .alignment
                .as_ref()
                .is_some_and(|j| j.val == "center"),
            role: p
                .property
                .style
                .as_ref()
                .and_then(|s| self.roles.get(&s.val).copied()),
        }
    }

    /// A table as rows of cells, each cell its paragraphs (a nested table's paragraphs join
    /// the cell that holds it).
    fn table(&mut self, t: &docx_rs::Table) -> super::Table {
        let at = self.count + 1;
        let mut rows = Vec::new();
        for TableChild::TableRow(row) in &t.rows {
            let mut cells = Vec::new();
            for TableRowChild::TableCell(cell) in &row.cells {
                let mut paras = Vec::new();
                self.cell(&cell.children, &mut paras);
                cells.push(paras);
            }
            rows.push(cells);
        }
        super::Table { rows, at }
    }

    fn cell(&mut self, children: &[TableCellContent], out: &mut Vec<Para>) {
        for content in children {
            match content {
                TableCellContent::Paragraph(p) => out.push(self.paragraph(p)),
                TableCellContent::Table(t) => {
                    let inner = self.table(t);
                    out.extend(inner.rows.into_iter().flatten().flatten());
                }
                TableCellContent::StructuredDataTag(tag) => {
                    for child in &tag.children {
                        if let StructuredDataTagChild::Paragraph(p) = child {
                            out.push(self.paragraph(p));
                        }
                    }
                }
                TableCellContent::TableOfContents(_) => {}
            }
        }
    }
}

/// How many runs with text a paragraph has in bold and not in bold (a paragraph all in bold
/// is a title: of a Chương, a khoản, an issuer's name).
#[derive(Default)]
struct Bold {
    bold: usize,
    plain: usize,
}

/// Appends the text of a paragraph's children, counting its bold runs.
fn paragraph_text(children: &[ParagraphChild], runs: &Runs, out: &mut String, bold: &mut Bold) {
    for child in children {
        match child {
            ParagraphChild::Run(run) => run_text(run, runs, out, bold),
            ParagraphChild::Insert(insert) => {
                for child in &insert.children {
                    if let InsertChild::Run(run) = child {
                        run_text(run, runs, out, bold);
                    }
                }
            }
            ParagraphChild::Hyperlink(link) => paragraph_text(&link.children, runs, out, bold),
            ParagraphChild::StructuredDataTag(tag) => {
                for child in &tag.children {
                    if let StructuredDataTagChild::Run(run) = child {
                        run_text(run, runs, out, bold);
                    }
                }
            }
            ParagraphChild::MoveTo(_)
            | ParagraphChild::MoveFrom(_)
            | ParagraphChild::Delete(_)
            | ParagraphChild::BookmarkStart(_)
            | ParagraphChild::BookmarkEnd(_)
            | ParagraphChild::CommentStart(_)
            | ParagraphChild::CommentEnd(_)
            | ParagraphChild::PageNum(_)
            | ParagraphChild::NumPages(_) => {}
        }
    }
}

/// Appends the text of a run: its texts and symbols, a tab as a space, a line break as a new
/// line; counts it as bold or not when it has text.
fn run_text(run: &docx_rs::Run, runs: &Runs, out: &mut String, bold: &mut Bold) {
    let has_text = run
        .children
        .iter()
        .any(|c| matches!(c, RunChild::Text(t) if !t.text.trim().is_empty()));
    if has_text {
        if runs.bold(&run.run_property) {
            bold.bold += 1;
        } else {
            bold.plain += 1;
        }
    }
    for child in &run.children {
        match child {
            RunChild::Text(t) => out.push_str(&t.text),
            RunChild::Tab(_) | RunChild::PTab(_) => out.push(' '),
            RunChild::Break(_) | RunChild::CarriageReturn(_) => out.push('\n'),
            _ => {}
        }
    }
}

/// What the runs of one paragraph are read with: the document's styles and the paragraph's
/// style.
struct Runs<'r> {
    looks: &'r Looks<'r>,
    style: Option<&'r str>,
}

impl Runs<'_> {
    /// Whether a run is bold: its own `w:b`, else its character style's (through `w:basedOn`),
    /// else its paragraph style's (the default paragraph style when it names none), else the
    /// document defaults'; `w:b w:val="0"` is not bold.
    fn bold(&self, run: &docx_rs::RunProperty) -> bool {
        let looks = self.looks;
        let own = run.bold.as_ref().map(is_on);
        own.or_else(|| looks.chain(run.style.as_ref().map(|s| s.val.as_str())))
            .or_else(|| looks.chain(self.style.or(looks.normal)))
            .or(looks.default)
            .unwrap_or(false)
    }
}

/// `w:b`: on unless its value is false or 0.
fn is_on(bold: &docx_rs::Bold) -> bool {
    *bold == docx_rs::Bold::new()
}

/// The bold of a document's styles.
struct Looks<'a> {
    styles: &'a StyleSheet<'a>,
    /// The document defaults' bold (`w:docDefaults`), if they set it.
    default: Option<bool>,
    /// The paragraph style of a paragraph that names none. The crate does not read
    /// `w:default`, so it is the style with the id Word and LibreOffice give it, "Normal".
    normal: Option<&'a str>,
}

impl<'a> Looks<'a> {
    fn new(all: &'a docx_rs::Styles, styles: &'a StyleSheet<'a>) -> Looks<'a> {
        // The crate keeps the defaults private; their serialised form has them.
        let default = serde_json::to_value(&all.doc_defaults)
            .ok()
            .and_then(|d| d["runPropertyDefault"]["runProperty"]["bold"].as_bool());
        let normal = styles.get("Normal").map(|s| s.style_id.as_str());
        Looks {
            styles,
            default,
            normal,
        }
    }

    /// The bold a style sets, itself or through the styles it is based on.
    fn chain(&self, id: Option<&str>) -> Option<bool> {
        self.styles
            .chain(id)
            .find_map(|s| s.run_property.bold.as_ref().map(is_on))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use docx_rs::{
        AbstractNumbering, Docx, IndentLevel, Level, LevelJc, LevelOverride, LevelText,
        NumberFormat, Numbering, NumberingId, Paragraph, ParagraphProperty, Run, Start, Style,
        StyleType, Table, TableCell, TableRow,
    };

    /// A level of an abstract numbering.
    fn level(at: usize, start: usize, format: &str, text: &str) -> Level {
        Level::new(
            at,
            Start::new(start),
            NumberFormat::new(format),
            LevelText::new(text),
            LevelJc::new("left"),
        )
    }

    /// A paragraph numbered by `w:num` `num` at level `at`, its text in one run.
    fn numbered(num: usize, at: usize, text: &str) -> Paragraph {
        Paragraph::new()
            .add_run(Run::new().add_text(text))
            .numbering(NumberingId::new(num), IndentLevel::new(at))
    }

    fn plain(text: &str) -> Paragraph {
        Paragraph::new().add_run(Run::new().add_text(text))
    }

    fn styled(style: &str, text: &str) -> Paragraph {
        plain(text).style(style)
    }

    fn pack(docx: Docx) -> Vec<u8> {
        let mut out = std::io::Cursor::new(Vec::new());
        docx.build().pack(&mut out).expect("docx builds");
        out.into_inner()
    }

    /// The numbering of a legal text as an office sets it up in Word: one multi-level list
    /// (abstract 10, `w:num` 10) for Chương (Roman), Điều (counted through the chapters:
    /// `w:lvlRestart` 0), khoản "1.", điểm "a)", a dash bullet and a "o" bullet; the Điều
    /// level set on the paragraph style "Dieu" (bold, through "DieuCon" based on it); a plain
    /// list (abstract 12) used by three `w:num`: 11 starting at 5 by a `w:startOverride`, 12
    /// going on from it, 13 starting again at 1.
    fn numbered_docx(body: Vec<Paragraph>) -> Docx {
        let legal = AbstractNumbering::new(10)
            .add_level(level(0, 1, "upperRoman", "Chương %1"))
            .add_level(level(1, 1, "decimal", "Điều %2.").level_restart(0))
            .add_level(level(2, 1, "decimal", "%3."))
            .add_level(level(3, 1, "lowerLetter", "%4)"))
            .add_level(level(4, 1, "bullet", "–"))
            .add_level(level(5, 1, "bullet", "o"));
        let list = AbstractNumbering::new(12).add_level(level(0, 1, "decimal", "%1."));
        let mut dieu = Style::new("Dieu", StyleType::Paragraph).name("Dieu").bold();
        dieu.paragraph_property =
            ParagraphProperty::new().numbering(NumberingId::new(10), IndentLevel::new(1));
        let mut docx = Docx::new()
            .add_abstract_numbering(legal)
            .add_abstract_numbering(list)
            .add_numbering(Numbering::new(10, 10))
            .add_numbering(Numbering::new(11, 12).add_override(LevelOverride::new(0).start(5)))
            .add_numbering(Numbering::new(12, 12))
            .add_numbering(Numbering::new(13, 12).add_override(LevelOverride::new(0).start(1)))
            .add_style(dieu)
            .add_style(
                Style::new("DieuCon", StyleType::Paragraph)
                    .name("Dieu con")
                    .based_on("Dieu"),
            )
            .add_style(Style::new("Manh", StyleType::Character).name("Manh").bold());
        for p in body {
            docx = docx.add_paragraph(p);
        }
        docx
    }

    /// The paragraphs of a .docx as read (text, bold), tables aside.
    fn read_paras(bytes: &[u8]) -> Vec<(String, bool)> {
        read(bytes)
            .unwrap()
            .into_iter()
            .filter_map(|b| match b {
                Block::Para(p) => Some((p.text, p.bold)),
                Block::Table(_) => None,
            })
            .collect()
    }

    #[test]
    fn automatic_numbers_get_the_labels_word_prints() {
        let bytes = pack(numbered_docx(vec![
            numbered(10, 0, "QUY ĐỊNH CHUNG"),
            styled("DieuCon", "Phạm vi điều chỉnh"),
            numbered(10, 2, "Khoản một."),
            numbered(10, 2, "Khoản hai:"),
            numbered(10, 3, "điểm một;"),
            numbered(10, 3, "điểm hai."),
            numbered(10, 4, "gạch đầu dòng."),
            numbered(10, 5, "ý nhỏ."),
            styled("Dieu", "Đối tượng áp dụng"),
            numbered(10, 2, "Khoản một của Điều 2."),
            numbered(10, 0, "QUY ĐỊNH CỤ THỂ"),
            styled("Dieu", "Trách nhiệm"),
            numbered(10, 2, "Khoản một của Điều 3."),
            // Numbering switched off on a paragraph of a numbered style.
            styled("Dieu", "Không đánh số").numbering(NumberingId::new(0), IndentLevel::new(0)),
            numbered(11, 0, "Bắt đầu từ năm."),
            numbered(12, 0, "Danh sách khác, cùng mẫu: tiếp theo."),
            numbered(13, 0, "Bắt đầu lại."),
            numbered(13, 0, "Tiếp."),
            // A numbered empty paragraph is counted (Word prints its number) but gets no text.
            Paragraph::new().numbering(NumberingId::new(13), IndentLevel::new(0)),
            numbered(13, 0, "Sau đoạn trống."),
        ]));
        let texts: Vec<String> = read_paras(&bytes).into_iter().map(|(t, _)| t).collect();
        assert_eq!(
            texts,
            [
                "Chương I QUY ĐỊNH CHUNG",
                "Điều 1. Phạm vi điều chỉnh",
                "1. Khoản một.",
                "2. Khoản hai:",
                "a) điểm một;",
                "b) điểm hai.",
                "- gạch đầu dòng.",
                "+ ý nhỏ.",
                "Điều 2. Đối tượng áp dụng",
                "1. Khoản một của Điều 2.",
                "Chương II QUY ĐỊNH CỤ THỂ",
                "Điều 3. Trách nhiệm",
                "1. Khoản một của Điều 3.",
                "Không đánh số",
                "5. Bắt đầu từ năm.",
                "6. Danh sách khác, cùng mẫu: tiếp theo.",
                "1. Bắt đầu lại.",
                "2. Tiếp.",
                "",
                "4. Sau đoạn trống.",
            ]
        );
    }

    #[test]
    fn bold_is_followed_through_the_styles() {
        let bytes = pack(numbered_docx(vec![
            // Bold from the paragraph style, and from the style it is based on.
            styled("Dieu", "Đậm theo kiểu đoạn"),
            styled("DieuCon", "Đậm theo kiểu gốc"),
            // Bold from a character style.
            Paragraph::new().add_run(Run::new().add_text("Đậm theo kiểu chữ").style("Manh")),
            // `w:b w:val="0"` on the run wins over the paragraph style.
            Paragraph::new()
                .add_run(Run::new().add_text("Không đậm").disable_bold())
                .style("Dieu"),
            plain("Thường"),
            Paragraph::new().add_run(Run::new().add_text("Đậm trực tiếp").bold()),
        ]));
        let bold: Vec<bool> = read_paras(&bytes).into_iter().map(|(_, b)| b).collect();
        assert_eq!(bold, [true, true, true, false, false, true]);
    }

    /// `bytes` with `from` replaced by `to` in its part `name` (what the writer cannot set).
    fn patched(bytes: &[u8], name: &str, from: &str, to: &str) -> Vec<u8> {
        use std::io::{Read, Write};
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for i in 0..archive.len() {
            let mut file = archive.by_index(i).unwrap();
            let mut data = Vec::new();
            file.read_to_end(&mut data).unwrap();
            if file.name() == name {
                let text = String::from_utf8(data).unwrap();
                assert!(text.contains(from), "{name}: {text}");
                data = text.replacen(from, to, 1).into_bytes();
            }
            out.start_file(file.name(), zip::write::SimpleFileOptions::default())
                .unwrap();
            out.write_all(&data).unwrap();
        }
        out.finish().unwrap().into_inner()
    }

    #[test]
    fn bold_of_the_document_defaults() {
        let bytes = pack(numbered_docx(vec![
            plain("Đậm theo mặc định của tài liệu"),
            Paragraph::new().add_run(Run::new().add_text("Tắt đậm").disable_bold()),
        ]));
        let bytes = patched(
            &bytes,
            "word/styles.xml",
            "<w:rPrDefault><w:rPr />",
            "<w:rPrDefault><w:rPr><w:b /></w:rPr>",
        );
        let bold: Vec<bool> = read_paras(&bytes).into_iter().map(|(_, b)| b).collect();
        assert_eq!(bold, [true, false]);
    }

    /// Odd definitions read without a panic: the largest start value (the crate keeps `w:start`
    /// in 32 bits), a placeholder of a level not defined (prints nothing), a level beyond 8, a
    /// missing abstract numbering, styles based on each other in a loop.
    #[test]
    fn odd_numbering_reads_without_panic() {
        let huge = AbstractNumbering::new(20)
            .add_level(level(0, u32::MAX as usize, "decimal", "%1."))
            .add_level(level(1, 1, "lowerLetter", "%2%9)"));
        let docx = Docx::new()
            .add_abstract_numbering(huge)
            .add_numbering(Numbering::new(20, 20))
            // A `w:num` whose abstract numbering is missing.
            .add_numbering(Numbering::new(21, 99))
            // Styles based on each other in a loop.
            .add_style(Style::new("A", StyleType::Paragraph).based_on("B"))
            .add_style(Style::new("B", StyleType::Paragraph).based_on("A"))
            .add_paragraph(numbered(20, 0, "một"))
            .add_paragraph(numbered(20, 0, "hai"))
            .add_paragraph(numbered(20, 1, "cấp dưới"))
            .add_paragraph(numbered(20, 12, "cấp không có"))
            .add_paragraph(numbered(21, 0, "không có mẫu"))
            .add_paragraph(styled("A", "kiểu vòng"));
        let read = read_paras(&pack(docx));
        let texts: Vec<&str> = read.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "4294967295. một",
                "4294967296. hai",
                "a) cấp dưới",
                "cấp không có",
                "không có mẫu",
                "kiểu vòng",
            ]
        );
        assert!(read.iter().all(|(_, bold)| !bold));
    }

    /// How many elements the lists under `key` hold, anywhere in the spec.
    fn count(value: &serde_yaml::Value, key: &str) -> usize {
        match value {
            serde_yaml::Value::Mapping(map) => map
                .iter()
                .map(|(k, v)| {
                    let here = match (k.as_str(), v) {
                        (Some(k), serde_yaml::Value::Sequence(items)) if k == key => items.len(),
                        _ => 0,
                    };
                    here + count(v, key)
                })
                .sum(),
            serde_yaml::Value::Sequence(items) => items.iter().map(|v| count(v, key)).sum(),
            _ => 0,
        }
    }

    #[test]
    fn automatically_numbered_provisions_are_imported() {
        let cell = |lines: &[&str]| {
            lines
                .iter()
                .fold(TableCell::new(), |c, l| c.add_paragraph(plain(l)))
        };
        let body = vec![
            plain("QUY CHẾ PHỐI HỢP"),
            plain("trong công tác phổ biến, giáo dục pháp luật"),
            numbered(10, 0, "QUY ĐỊNH CHUNG"),
            styled("Dieu", "Phạm vi điều chỉnh"),
            numbered(
                10,
                2,
                "Quy chế này quy định việc phối hợp giữa hai cơ quan.",
            ),
            numbered(10, 2, "Nội dung phối hợp gồm:"),
            numbered(10, 3, "Trao đổi thông tin;"),
            numbered(10, 3, "Tổ chức hội nghị."),
            styled("Dieu", "Nguyên tắc phối hợp"),
            numbered(10, 2, "Bảo đảm thống nhất, kịp thời."),
            numbered(10, 0, "TỔ CHỨC THỰC HIỆN"),
            styled("Dieu", "Trách nhiệm thi hành"),
            numbered(10, 2, "Các cơ quan:"),
            numbered(10, 4, "Sở Tư pháp chủ trì theo dõi."),
            numbered(10, 4, "Công an tỉnh phối hợp."),
        ];
        let docx = numbered_docx(vec![]).add_table(Table::new(vec![TableRow::new(vec![
            cell(&["SỞ TƯ PHÁP", "CÔNG AN TỈNH", "Số: 12/QC-STP-CAT"]),
            cell(&[
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "Nghệ An, ngày 05 tháng 3 năm 2026",
            ]),
        ])]));
        let docx = body
            .into_iter()
            .fold(docx, |d, p| d.add_paragraph(p))
            .add_table(Table::new(vec![TableRow::new(vec![
                cell(&["ĐẠI DIỆN SỞ TƯ PHÁP", "GIÁM ĐỐC", "Nguyễn Văn An"]),
                cell(&["ĐẠI DIỆN CÔNG AN TỈNH", "GIÁM ĐỐC", "Lê Văn Bình"]),
            ])]))
            .add_paragraph(plain("Nơi nhận:"))
            .add_paragraph(numbered(10, 4, "UBND tỉnh;"))
            .add_paragraph(numbered(10, 4, "Lưu: VT."));
        let imported =
            crate::import::import_bytes("quy-che.docx", &pack(docx), crate::import::Format::Docx)
                .expect("imports");
        let value: serde_yaml::Value = serde_yaml::from_str(&imported.yaml).unwrap();
        for (key, want) in [
            ("chapters", 2),
            ("articles", 3),
            ("clauses", 4),
            ("points", 2),
            ("items", 2),
            ("recipients", 2),
        ] {
            assert_eq!(count(&value, key), want, "{key}\n{}", imported.yaml);
        }
    }
}
