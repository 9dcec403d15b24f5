//! The document as templates see it: every number computed, every reference resolved, every
//! punctuation mark the conventions require added, every user string read into the neutral
//! text model ([`Text`]), which each output's renderer escapes for its format.
//! Built from a [`crate::spec::Spec`] by [`crate::compose::document`].

use crate::markup::Text;
use serde::Serialize;

/// A programme ready to print.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// Tên loại in capitals ("CHƯƠNG TRÌNH PHỐI HỢP").
    pub kind_name: String,
    /// Trích yếu, one entry per printed line.
    pub title_lines: Vec<Text>,
    /// The YAML path of the trích yếu (`title`, `attachments[0].title`): where a warning about
    /// its laid-out lines points.
    pub title_path: String,
    /// Issuing bodies for the header, lead first.
    pub issuers: Vec<IssuerView>,
    /// Số ("05"), or `None` when the văn thư fills it in.
    pub number: Option<String>,
    /// Ký hiệu ("CTr-STTTT-HHDN").
    pub symbol: Text,
    /// Địa danh.
    pub place: Text,
    /// "ngày 05 tháng 3 năm 2023", or `None` when left blank.
    pub date: Option<Text>,
    /// The year, printed after a blank date.
    pub year: i32,
    /// Số and ký hiệu as one text, "05/QC-SA-HB", or "…/QC-SA-HB" before the văn thư gives
    /// the number (for outputs that do not draw the blank: Markdown, comparisons).
    pub number_line: Text,
    /// The date in words, or "ngày … tháng … năm 2023" when left blank (for outputs that do not
    /// draw the blank).
    pub date_line: Text,
    /// Căn cứ, each with "Căn cứ " and its final punctuation.
    pub bases: Vec<Text>,
    /// The party-representative block.
    pub parties: Option<PartiesView>,
    /// Paragraphs before the body.
    pub preamble: Vec<Text>,
    /// Body in Chương → Điều form.
    pub chapters: Vec<ChapterView>,
    /// Body in Điều form without chương.
    pub articles: Vec<ArticleView>,
    /// Body in I. → 1. form.
    pub sections: Vec<SectionView>,
    /// Body in Mục → Điều form (a legal document without Chương).
    pub divisions: Vec<DivisionView>,
    /// Paragraphs after the body.
    pub closing: Vec<Text>,
    /// Signature blocks in the order written (lead issuer first).
    pub signatures: Vec<SignatureView>,
    /// The column the first block of each row of signatures takes in the PDF: "left", or
    /// "right" where the lead issuer signs on the right (`layout.lead_side`).
    pub lead_side: &'static str,
    /// Nơi nhận, each with its final ";" or ".".
    pub recipients: Vec<Text>,
    /// Ký hiệu người soạn thảo and số lượng bản phát hành, one line under the Nơi nhận, as
    /// written.
    pub drafter: Option<Text>,
    /// Phụ lục, in order.
    pub appendices: Vec<AppendixView>,
    /// Tên loại in normal case, as cited in running text ("Quy chế phối hợp").
    pub kind_label: String,
    /// Thẩm quyền ban hành and the verb that opens a decision's provisions.
    pub enacting: Option<EnactingView>,
    /// For a text a decision issues: the "(Kèm theo Quyết định số … ngày … của …)" line under
    /// its title. Such a text has no Số/date row.
    pub attached: Option<AttachedLine>,
    /// The texts this document issues, each printed after it on new pages.
    pub attachments: Vec<Document>,
    /// Plain-text facts for PDF metadata.
    pub meta: Meta,
}

/// A decision's enacting words: its issuing authority under the title, and after the căn cứ the
/// type name as the verb that opens the provisions.
#[derive(Debug, Clone, Serialize)]
pub struct EnactingView {
    /// "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …", one line per authority.
    pub authority: Text,
    /// "QUYẾT ĐỊNH:".
    pub verb: Text,
}

/// "(Kèm theo Quy chế phối hợp số …/QC-… ngày … tháng … năm … của …)": what an appendix or an
/// issued text is attached to, in parts, so that a layout can leave room for a number and a
/// date not yet given.
#[derive(Debug, Clone, Serialize)]
pub struct AttachedLine {
    /// The words that open it: "Kèm theo", or the author's ("Ban hành kèm theo").
    pub opening: Text,
    /// What it is attached to, as running text names it ("Quy chế phối hợp", "Quyết định",
    /// "Quy chế phối hợp ban hành kèm theo Quyết định").
    pub to: Text,
    /// Số of that document ("05"), `None` while blank.
    pub number: Option<String>,
    /// Its ký hiệu ("QĐ-UBND").
    pub symbol: Text,
    /// Its date in words, `None` while blank.
    pub date: Option<Text>,
    /// Its year, printed after a blank date.
    pub year: i32,
    /// "của …": the issuing body, when it is one.
    pub of: Option<Text>,
    /// The line as the author wrote it (without parentheses), replacing the parts above.
    pub written: Option<Text>,
    /// The whole line without parentheses, for outputs that do not draw blanks: "Kèm theo
    /// Quyết định số …/QĐ-UBND ngày … tháng … năm 2025 của Ủy ban nhân dân tỉnh …".
    pub line: Text,
}

/// Plain-text facts about the document (PDF metadata, file headers).
#[derive(Debug, Clone, Serialize)]
pub struct Meta {
    /// Type name and trích yếu on one line.
    pub title: String,
    /// The issuers' names.
    pub authors: Vec<String>,
    /// The PDF's creation date as `YYYY-MM-DD` (unless `SOURCE_DATE_EPOCH` is set): the ngày
    /// ban hành, or 1 January of the document's year while the date is still blank. PDF/A
    /// requires a date; taking it from the spec keeps the bytes reproducible.
    pub date: String,
    /// The spec the document was made from, attached to the PDF.
    pub source: Option<SourceFile>,
}

/// A spec file as attached to the PDF: its file name and its text (UTF-8, NFC).
#[derive(Debug, Clone, Serialize)]
pub struct SourceFile {
    /// File name without folders ("thanh-hoa.yaml").
    pub name: String,
    /// The text the document was made from.
    pub text: String,
}

/// Phụ lục.
#[derive(Debug, Clone, Serialize)]
pub struct AppendixView {
    /// Roman numeral ("II"), empty when the document has one appendix.
    pub number: String,
    /// Printed label ("Phụ lục II", or "Phụ lục" alone).
    pub label: Text,
    /// Title in capitals.
    pub title: Text,
    /// Laid out on landscape pages.
    pub landscape: bool,
    /// The "(Kèm theo …)" line under its title.
    pub attached: AttachedLine,
    /// Paragraphs (usually before the tables).
    pub paragraphs: Vec<Text>,
    /// Khoản, numbered as in the body.
    pub clauses: Vec<ClauseView>,
    /// The table written as `table`.
    pub table: Option<TableView>,
    /// The tables written as `tables`.
    pub tables: Vec<TableView>,
    /// Paragraphs after the tables.
    pub notes: Vec<Text>,
    /// The order its parts print in: "paragraphs", "clauses", "table", "tables", "notes".
    pub order: Vec<&'static str>,
}

/// A table: column widths and alignments already checked, row numbers already filled in.
#[derive(Debug, Clone, Serialize)]
pub struct TableView {
    /// Its name, printed above it ("Mẫu I").
    pub caption: Option<Text>,
    /// Paragraphs printed under it.
    pub notes: Vec<Text>,
    /// The columns, left to right.
    pub columns: Vec<ColumnView>,
    /// The body rows.
    pub rows: Vec<Vec<CellView>>,
}

/// One column.
#[derive(Debug, Clone, Serialize)]
pub struct ColumnView {
    /// Header text.
    pub title: Text,
    /// Width as a Typst length ("12mm", "3fr", "20%").
    pub width: String,
    /// "left", "center" or "right".
    pub align: &'static str,
}

/// One cell of a body row.
#[derive(Debug, Clone, Serialize)]
pub struct CellView {
    /// The text.
    pub text: Text,
    /// Columns spanned (1 for an ordinary cell).
    pub colspan: usize,
    /// Bold (group rows).
    pub bold: bool,
    /// "left", "center" or "right".
    pub align: &'static str,
}

/// One issuer in the header.
#[derive(Debug, Clone, Serialize)]
pub struct IssuerView {
    /// Cơ quan chủ quản in capitals.
    pub parent: Option<Text>,
    /// Name in capitals.
    pub name: Text,
    /// The YAML path of the issuer (`issuers[1]`, or `heading` for a shared heading block):
    /// where a warning about the laid-out lines of its `parent` or `name` points.
    pub path: String,
}

/// The party-representative block.
#[derive(Debug, Clone, Serialize)]
pub struct PartiesView {
    /// "Hôm nay, ngày … tháng … năm …, tại …, chúng tôi gồm:"
    pub intro: Text,
    /// One entry per party.
    pub members: Vec<PartyView>,
    /// Paragraphs after the parties ("Hai bên cùng thống nhất …").
    pub agreement: Vec<Text>,
}

/// One party's representative.
#[derive(Debug, Clone, Serialize)]
pub struct PartyView {
    /// "ĐẠI DIỆN …".
    pub heading: Text,
    /// "Bà: HUỲNH THỊ DIỄM NGỌC".
    pub representative: Text,
    /// Detail lines; each line holds one or more cells printed side by side
    /// (telephone and fax share a line).
    pub lines: Vec<Vec<Text>>,
}

/// Chương.
#[derive(Debug, Clone, Serialize)]
pub struct ChapterView {
    /// Roman numeral ("II").
    pub number: String,
    /// Printed label ("Chương II").
    pub label: Text,
    /// Title in capitals.
    pub title: Text,
    /// Its Điều.
    pub articles: Vec<ArticleView>,
    /// Its Mục (a legal document), after its own Điều if it has both.
    pub divisions: Vec<DivisionView>,
}

/// Mục of a legal document.
#[derive(Debug, Clone, Serialize)]
pub struct DivisionView {
    /// Its number within its Chương (or the document).
    pub number: u32,
    /// Printed label ("Mục 2").
    pub label: Text,
    /// Title in capitals.
    pub title: Text,
    /// Its Điều.
    pub articles: Vec<ArticleView>,
}

/// Điều.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleView {
    /// Running number across the whole document.
    pub number: u32,
    /// Printed label ("Điều 4.").
    pub label: Text,
    /// Title as written; empty for a Điều without a title (a decision's).
    pub title: Text,
    /// Its text: run on after the label in a Điều without a title; under a title, its first
    /// paragraph (before the paragraphs and khoản, whatever their order).
    pub text: Option<Text>,
    /// Free paragraphs (usually before the khoản).
    pub paragraphs: Vec<Text>,
    /// Khoản.
    pub clauses: Vec<ClauseView>,
    /// The order its parts print in after its title: "paragraphs", "clauses".
    pub order: Vec<&'static str>,
}

/// Mục in I./II. form.
#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    /// Roman numeral ("III").
    pub number: String,
    /// Printed label ("III.").
    pub label: Text,
    /// Title in capitals.
    pub title: Text,
    /// Free paragraphs (usually before the khoản).
    pub paragraphs: Vec<Text>,
    /// Khoản "1.", "2.".
    pub clauses: Vec<ClauseView>,
    /// Dash items directly under the mục.
    pub items: Vec<ItemView>,
    /// The order its parts print in after its title: "paragraphs", "clauses", "items".
    pub order: Vec<&'static str>,
}

/// Khoản.
#[derive(Debug, Clone, Serialize)]
pub struct ClauseView {
    /// Number within its Điều or mục.
    pub number: u32,
    /// Printed label ("2.").
    pub label: Text,
    /// Bold title on its own line.
    pub title: Option<Text>,
    /// Running text after the number.
    pub text: Option<Text>,
    /// Điểm.
    pub points: Vec<PointView>,
    /// Dash items.
    pub items: Vec<ItemView>,
    /// Paragraphs (usually after the điểm and items).
    pub paragraphs: Vec<Text>,
    /// The order its parts print in after its text: "points", "items", "paragraphs".
    pub order: Vec<&'static str>,
}

/// Điểm.
#[derive(Debug, Clone, Serialize)]
pub struct PointView {
    /// "a", "b", … "đ" …
    pub letter: &'static str,
    /// Printed label ("đ)").
    pub label: Text,
    /// Text after "a) ".
    pub text: Text,
    /// Dash items.
    pub items: Vec<ItemView>,
    /// Further paragraphs.
    pub paragraphs: Vec<Text>,
    /// The order its parts print in after its text: "items", "paragraphs".
    pub order: Vec<&'static str>,
}

/// A dash or plus item.
#[derive(Debug, Clone, Serialize)]
pub struct ItemView {
    /// Printed marker: "-" or "+".
    pub label: Text,
    /// Text after the marker.
    pub text: Text,
    /// Plus items under a dash item.
    pub items: Vec<ItemView>,
}

/// One signature block.
#[derive(Debug, Clone, Serialize)]
pub struct SignatureView {
    /// The issuer's id (for signature fields).
    pub issuer: String,
    /// Authority lines in capitals ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH").
    pub authority: Vec<Text>,
    /// The signer's title in capitals.
    pub title: Text,
    /// The signer's name.
    pub name: Text,
    /// What the PDF's signature fields say of this block: the agency and the signer, as
    /// written.
    pub signing: Signing,
    /// The YAML paths of its lines: where a warning about how they are laid out points.
    pub paths: SignaturePaths,
}

/// The YAML paths of a signature block's lines (`signatures[0].authority[1]`, …).
#[derive(Debug, Clone, Default, Serialize)]
pub struct SignaturePaths {
    /// One per printed authority line.
    pub authority: Vec<String>,
    /// The signer's title.
    pub title: String,
    /// The signer's name.
    pub name: String,
}

/// The words and the seal size behind one body's signature fields (ND 30 Phụ lục I, II.7.d and
/// II.8.a): the tooltips the signing software shows and the size of the seal's field.
#[derive(Debug, Clone, Serialize)]
pub struct Signing {
    /// The issuing body's name on one line ("Sở Tư pháp").
    pub agency: String,
    /// The signer's title on one line, as written ("Phó Giám đốc").
    pub title: String,
    /// The signer's name on one line.
    pub name: String,
    /// The seal's diameter in millimetres when the spec gives one (`issuers[].seal`); `None`
    /// takes the `seal-size` of the style file's `nd30` table.
    pub seal_mm: Option<f64>,
    /// Whether the organisation's seal field is drawn: not under a text a decision issues in the
    /// same file, which the văn thư does not sign (ND 30, Phụ lục I, II.8.b).
    pub sealed: bool,
}

impl Document {
    /// Every signature block of the file in page order: this document's, then those of each
    /// text it issues.
    pub fn signature_blocks(&self) -> Vec<&SignatureView> {
        self.signatures
            .iter()
            .chain(self.attachments.iter().flat_map(|a| &a.signatures))
            .collect()
    }

    /// The last paragraph of the body (closing paragraphs included): where "./." goes.
    pub(crate) fn last_body_text(&mut self) -> Option<&mut Text> {
        if let Some(t) = self.closing.last_mut() {
            return Some(t);
        }
        if let Some(section) = self.sections.last_mut() {
            return section.last_text();
        }
        let article = match self.chapters.last_mut() {
            Some(chapter) if !chapter.divisions.is_empty() => chapter
                .divisions
                .last_mut()
                .and_then(|d| d.articles.last_mut()),
            Some(chapter) => chapter.articles.last_mut(),
            None if !self.divisions.is_empty() => self
                .divisions
                .last_mut()
                .and_then(|d| d.articles.last_mut()),
            None => self.articles.last_mut(),
        };
        if let Some(article) = article {
            return article.last_text();
        }
        self.preamble.last_mut()
    }
}

/// The last of `order`'s blocks that prints something (`filled` says which do).
fn last_block(order: &[&'static str], filled: impl Fn(&str) -> bool) -> Option<&'static str> {
    order.iter().rev().copied().find(|b| filled(b))
}

impl ArticleView {
    fn last_text(&mut self) -> Option<&mut Text> {
        let filled = |b: &str| match b {
            "paragraphs" => !self.paragraphs.is_empty(),
            "clauses" => !self.clauses.is_empty(),
            _ => false,
        };
        match last_block(&self.order, filled) {
            Some("paragraphs") => self.paragraphs.last_mut(),
            Some("clauses") => self.clauses.last_mut().and_then(ClauseView::last_text),
            _ => self.text.as_mut(),
        }
    }
}

impl SectionView {
    fn last_text(&mut self) -> Option<&mut Text> {
        let filled = |b: &str| match b {
            "paragraphs" => !self.paragraphs.is_empty(),
            "clauses" => !self.clauses.is_empty(),
            "items" => !self.items.is_empty(),
            _ => false,
        };
        match last_block(&self.order, filled) {
            Some("paragraphs") => self.paragraphs.last_mut(),
            Some("clauses") => self.clauses.last_mut().and_then(ClauseView::last_text),
            Some("items") => last_of_items(&mut self.items),
            _ => None,
        }
    }
}

impl ClauseView {
    fn last_text(&mut self) -> Option<&mut Text> {
        let filled = |b: &str| match b {
            "points" => !self.points.is_empty(),
            "items" => !self.items.is_empty(),
            "paragraphs" => !self.paragraphs.is_empty(),
            _ => false,
        };
        match last_block(&self.order, filled) {
            Some("points") => self.points.last_mut().and_then(PointView::last_text),
            Some("items") => last_of_items(&mut self.items),
            Some("paragraphs") => self.paragraphs.last_mut(),
            _ => self.text.as_mut().or(self.title.as_mut()),
        }
    }
}

impl PointView {
    fn last_text(&mut self) -> Option<&mut Text> {
        let filled = |b: &str| match b {
            "items" => !self.items.is_empty(),
            "paragraphs" => !self.paragraphs.is_empty(),
            _ => false,
        };
        match last_block(&self.order, filled) {
            Some("items") => last_of_items(&mut self.items),
            Some("paragraphs") => self.paragraphs.last_mut(),
            _ => Some(&mut self.text),
        }
    }
}

fn last_of_items(items: &mut [ItemView]) -> Option<&mut Text> {
    let item = items.last_mut()?;
    if item.items.is_empty() {
        Some(&mut item.text)
    } else {
        last_of_items(&mut item.items)
    }
}
