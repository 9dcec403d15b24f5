//! The spec: a programme exactly as the author wrote it in YAML (serde types, no numbering).
//!
//! Every key is documented in docs/viet-tep-yaml.md with its Vietnamese term. Text fields hold inline
//! Markdown (`**đậm**`, `*nghiêng*`) and references to ids (`[[nguyen-tac]]`); nothing else in
//! them is interpreted. Loading (decoding, NFC, error reporting) lives in [`crate::load`].

mod appendix;
mod forms;
mod order;

pub use appendix::{Align, Appendix, Attached, AttachedWords, Column, Group, Row, Table, Width};
pub use order::{Block, Order, Ordered};

use schemars::JsonSchema;
use serde::Deserialize;
use serde::de::Deserializer;

pub use crate::kind::Kind;
use crate::kind::Legal;

/// The whole programme: header facts, body, signatures and Nơi nhận.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    /// Loại văn bản: decides the printed type name and its Phụ lục III abbreviation.
    pub kind: Kind,
    /// Trích yếu. A line break in the YAML text forces a line break in the printed title.
    pub title: String,
    /// Số: the registry number, unknown (absent) until the văn thư registers the document.
    #[serde(default)]
    pub number: Option<u32>,
    /// Ký hiệu written in full, replacing the computed `CTr-ABC-XYZ` (for local variants).
    #[serde(default)]
    pub symbol: Option<String>,
    /// Địa danh of the place/date line ("Thanh Hóa").
    pub place: String,
    /// Ngày ban hành (`YYYY-MM-DD`); absent leaves the date blank for the văn thư.
    #[serde(default)]
    pub date: Option<SpecDate>,
    /// Năm: the year printed when the date is left blank.
    #[serde(default)]
    pub year: Option<i32>,
    /// Giai đoạn the programme covers, e.g. `{ from: 2023, to: 2025 }`; its first year stands in
    /// for `year` when neither `date` nor `year` is given.
    #[serde(default)]
    pub period: Option<Period>,
    /// Cơ quan ban hành, lead body first; each one has a signature block.
    pub issuers: Vec<Issuer>,
    /// One heading block shared by the issuers, printed in place of one block per issuer
    /// ("ỦY BAN NHÂN DÂN – ỦY BAN MTTQ VIỆT NAM / TỈNH …", "BỘ TÀI CHÍNH – BỘ NỘI VỤ").
    #[serde(default)]
    pub heading: Option<Heading>,
    /// Văn bản quy phạm pháp luật: `true` makes a decision a legal document (its number carries
    /// the year, its căn cứ end with the enacting sentence). Kinds that are always or never
    /// legal documents take their kind's answer.
    #[serde(default)]
    pub legal: Option<bool>,
    /// Thẩm quyền ban hành. In an administrative decision (ND 30, Phụ lục III, Mẫu 1.3) it is
    /// printed in capitals under the title, and "QUYẾT ĐỊNH:" follows the căn cứ; in a legal
    /// document it opens the enacting sentence that ends the căn cứ ("Ủy ban nhân dân tỉnh …
    /// ban hành Quyết định …"). One line per authority of a joint document.
    #[serde(default)]
    pub enacting: Option<String>,
    /// Căn cứ: "Căn cứ " before each, ";" after each and "." after the last are added.
    #[serde(default, deserialize_with = "forms::one_or_many")]
    #[schemars(schema_with = "crate::schema::one_or_many")]
    pub bases: Vec<String>,
    /// Thành phần tham gia ký kết: "Hôm nay, ngày … tại …, chúng tôi gồm:" and one entry per party.
    #[serde(default)]
    pub parties: Option<Parties>,
    /// Lời mở đầu: paragraphs between the căn cứ (or parties) and the body.
    #[serde(default, deserialize_with = "forms::one_or_many")]
    #[schemars(schema_with = "crate::schema::one_or_many")]
    pub preamble: Vec<String>,
    /// Body in Chương → Điều form.
    #[serde(default)]
    pub chapters: Vec<Chapter>,
    /// Body in Điều form without chương.
    #[serde(default, deserialize_with = "forms::many_text_or_struct")]
    #[schemars(schema_with = "crate::schema::text_or::<Article>")]
    pub articles: Vec<Article>,
    /// Body in I. → 1. form (mục La Mã → khoản).
    #[serde(default, deserialize_with = "order::many")]
    pub sections: Vec<Section>,
    /// Body in Mục → Điều form (a legal document without Chương).
    #[serde(default)]
    pub divisions: Vec<Division>,
    /// Closing paragraphs after the body, before the signatures.
    #[serde(default, deserialize_with = "forms::one_or_many")]
    #[schemars(schema_with = "crate::schema::one_or_many")]
    pub closing: Vec<String>,
    /// One signature block per signing issuer.
    #[serde(default)]
    pub signatures: Vec<Signature>,
    /// Nơi nhận: "- " before each, ";" after each and "." after the last are added.
    #[serde(default, deserialize_with = "forms::one_or_many")]
    #[schemars(schema_with = "crate::schema::one_or_many")]
    pub recipients: Vec<String>,
    /// Ký hiệu người soạn thảo văn bản và số lượng bản phát hành (ND 30, Điều 8 khoản 3 điểm c):
    /// one line printed as written under the Nơi nhận ("MinhHồng/QĐ/20.11.2025", "NVA.20").
    #[serde(default)]
    pub drafter: Option<String>,
    /// Phụ lục, each on new pages after the signatures.
    #[serde(default, deserialize_with = "order::many")]
    pub appendices: Vec<Appendix>,
    /// Văn bản kèm theo: the texts a decision issues (a quy chế, a chương trình…), each
    /// printed after the decision with its own heading and numbering.
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    /// Choices of arrangement that ND 30 leaves open (joint documents).
    #[serde(default)]
    pub layout: Layout,
}

impl Spec {
    /// Whether this document is a legal document: its kind's answer, or the spec's `legal`
    /// for a kind that may be either.
    pub fn legal(&self) -> bool {
        match self.kind.legal() {
            Legal::Never => false,
            Legal::Always => true,
            Legal::Either => self.legal == Some(true),
        }
    }

    /// Ngày ban hành, when one is given and exists.
    pub fn issued(&self) -> Option<chrono::NaiveDate> {
        self.date.and_then(|d| d.0)
    }

    /// The body, in whichever form it is written.
    pub fn body(&self) -> Body<'_> {
        Body {
            chapters: &self.chapters,
            articles: &self.articles,
            sections: &self.sections,
            divisions: &self.divisions,
        }
    }
}

/// A body in its forms (a text uses one of them): borrowed from a spec or an attachment.
#[derive(Debug, Clone, Copy)]
pub struct Body<'s> {
    /// Chương → Điều (or Chương → Mục → Điều).
    pub chapters: &'s [Chapter],
    /// Điều without chương.
    pub articles: &'s [Article],
    /// Mục I. → khoản.
    pub sections: &'s [Section],
    /// Mục 1 → Điều.
    pub divisions: &'s [Division],
}

/// A heading block printed for the issuers together (the same look as one issuer's block:
/// regular parent lines, bold name lines).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Heading {
    /// Cơ quan chủ quản lines, regular weight (optional).
    #[serde(default)]
    pub parent: Option<String>,
    /// The issuers' names as one block, bold; a line break in the YAML text is a printed line.
    pub name: String,
}

/// A text issued by the decision it is attached to (ND 30, Phụ lục III, the "quy định gián
/// tiếp" form): printed after the decision, with the issuers' heading block but no Số/date row,
/// the line "(Kèm theo Quyết định số … ngày … của …)" under its title, and its own numbering
/// of Điều and pages.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    /// Author-chosen id (never printed).
    #[serde(default)]
    pub id: Option<String>,
    /// Its kind (quy chế, chương trình…).
    pub kind: Kind,
    /// Trích yếu.
    pub title: String,
    /// The line under the title when it is not the usual "Kèm theo Quyết định số … ngày … của
    /// …": written out, or the usual line with other words ("Ban hành kèm theo").
    #[serde(default)]
    pub attached: Option<Attached>,
    /// Căn cứ of the attached text, if it has its own.
    #[serde(default, deserialize_with = "forms::one_or_many")]
    #[schemars(schema_with = "crate::schema::one_or_many")]
    pub bases: Vec<String>,
    /// Paragraphs before the body.
    #[serde(default, deserialize_with = "forms::one_or_many")]
    #[schemars(schema_with = "crate::schema::one_or_many")]
    pub preamble: Vec<String>,
    /// Body in Chương → Điều form.
    #[serde(default)]
    pub chapters: Vec<Chapter>,
    /// Body in Điều form without chương.
    #[serde(default, deserialize_with = "forms::many_text_or_struct")]
    #[schemars(schema_with = "crate::schema::text_or::<Article>")]
    pub articles: Vec<Article>,
    /// Body in I. → 1. form.
    #[serde(default, deserialize_with = "order::many")]
    pub sections: Vec<Section>,
    /// Body in Mục → Điều form.
    #[serde(default)]
    pub divisions: Vec<Division>,
    /// Paragraphs after the body.
    #[serde(default, deserialize_with = "forms::one_or_many")]
    #[schemars(schema_with = "crate::schema::one_or_many")]
    pub closing: Vec<String>,
    /// Signature blocks at its end, when the office signs the attached text too.
    #[serde(default)]
    pub signatures: Vec<Signature>,
    /// Its Phụ lục.
    #[serde(default, deserialize_with = "order::many")]
    pub appendices: Vec<Appendix>,
}

impl Attachment {
    /// The body, in whichever form it is written.
    pub fn body(&self) -> Body<'_> {
        Body {
            chapters: &self.chapters,
            articles: &self.articles,
            sections: &self.sections,
            divisions: &self.divisions,
        }
    }
}

/// A date written `YYYY-MM-DD`: the calendar date, or `None` when the text names no date that
/// exists (30 February) or is written otherwise; the check rule `date-impossible` reports
/// those with their text, so that a bad date never hides the file's other problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpecDate(pub Option<chrono::NaiveDate>);

impl<'de> Deserialize<'de> for SpecDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Ok(SpecDate(
            chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok(),
        ))
    }
}

/// The years a programme covers (giai đoạn).
#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// First year.
    pub from: i32,
    /// Last year.
    pub to: i32,
}

/// A body that issues the document jointly.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Issuer {
    /// Author-chosen id, used by signatures and parties.
    pub id: String,
    /// Cơ quan chủ quản, printed above the name (regular weight).
    #[serde(default)]
    pub parent: Option<String>,
    /// Tên cơ quan, tổ chức (bold in the header).
    pub name: String,
    /// Chữ viết tắt used in the ký hiệu (`STTTT`).
    pub abbr: String,
    /// Tên gọi tắt, used in the party block heading ("ĐẠI DIỆN UBND TỈNH SÓC TRĂNG").
    #[serde(default)]
    pub short: Option<String>,
    /// Đường kính con dấu, in millimetres: the size of the organisation's signature field (ND 30
    /// Phụ lục I, II.8.a: the seal image at its real size). Absent: the `seal-size` of the
    /// `nd30` table; the check rule `seal-size` refuses a size no seal has.
    #[serde(default)]
    pub seal: Option<f64>,
}

/// The party-representative block of an agreement.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Parties {
    /// Ngày ký kết; absent prints "ngày … tháng … năm YYYY".
    #[serde(default)]
    pub date: Option<SpecDate>,
    /// Địa điểm ký kết; absent prints a dotted blank.
    #[serde(default)]
    pub place: Option<String>,
    /// The sentence after the representatives, e.g. "Hai bên cùng thống nhất …:".
    #[serde(default, deserialize_with = "forms::one_or_many")]
    #[schemars(schema_with = "crate::schema::one_or_many")]
    pub agreement: Vec<String>,
    /// One entry per party, in the order printed.
    pub members: Vec<Party>,
}

impl Parties {
    /// Ngày ký kết, when one is given and exists.
    pub fn signed(&self) -> Option<chrono::NaiveDate> {
        self.date.and_then(|d| d.0)
    }
}

/// One party's representative and contact details.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// The issuer this party is.
    pub issuer: String,
    /// Heading replacing "ĐẠI DIỆN <tên gọi tắt>".
    #[serde(default)]
    pub heading: Option<String>,
    /// Danh xưng: "Ông" or "Bà".
    pub honorific: String,
    /// Họ và tên (printed in capitals here, as written in the signature).
    pub name: String,
    /// Chức vụ.
    #[serde(default)]
    pub position: Option<String>,
    /// Địa chỉ.
    #[serde(default)]
    pub address: Option<String>,
    /// Điện thoại.
    #[serde(default)]
    pub phone: Option<String>,
    /// Fax (printed on the telephone line).
    #[serde(default)]
    pub fax: Option<String>,
    /// Email; an empty string prints the label with nothing after it.
    #[serde(default)]
    pub email: Option<String>,
    /// Further lines printed as written ("Mã số thuế: …", "Tài khoản: …").
    #[serde(default, deserialize_with = "forms::one_or_many")]
    #[schemars(schema_with = "crate::schema::one_or_many")]
    pub more: Vec<String>,
}

/// Chương: a titled group of Điều.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Chapter {
    /// Author-chosen id (never printed).
    #[serde(default)]
    pub id: Option<String>,
    /// Lý do, thuyết minh: why this provision was added or changed in this draft. Printed only
    /// in the bảng so sánh of `vanban diff`, never in the document itself.
    #[serde(default)]
    pub reason: Option<String>,
    /// Tên chương (printed in capitals).
    pub title: String,
    /// The Điều of this chương.
    #[serde(default, deserialize_with = "forms::many_text_or_struct")]
    #[schemars(schema_with = "crate::schema::text_or::<Article>")]
    pub articles: Vec<Article>,
    /// The Mục of this chương (a legal document), each holding its Điều.
    #[serde(default)]
    pub divisions: Vec<Division>,
}

/// Mục of a legal document: "Mục 1", "Mục 2" … (from 1 in each Chương), a titled group of Điều.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Division {
    /// Author-chosen id (never printed).
    #[serde(default)]
    pub id: Option<String>,
    /// Lý do, thuyết minh: why this provision was added or changed in this draft. Printed only
    /// in the bảng so sánh of `vanban diff`, never in the document itself.
    #[serde(default)]
    pub reason: Option<String>,
    /// Tên mục (printed in capitals).
    pub title: String,
    /// The Điều of this mục.
    #[serde(default, deserialize_with = "forms::many_text_or_struct")]
    #[schemars(schema_with = "crate::schema::text_or::<Article>")]
    pub articles: Vec<Article>,
}

/// Điều: numbered continuously through the document. Written as a plain string when it has no
/// title and only text (a decision's "Điều 1. Ban hành kèm theo …").
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// Author-chosen id (never printed).
    #[serde(default)]
    pub id: Option<String>,
    /// Lý do, thuyết minh: why this provision was added or changed in this draft. Printed only
    /// in the bảng so sánh of `vanban diff`, never in the document itself.
    #[serde(default)]
    pub reason: Option<String>,
    /// Tên điều; a decision's Điều may have none (then `text` follows "Điều 1." on its line).
    #[serde(default)]
    pub title: String,
    /// Running text after "Điều 1." on the same line, for a Điều without a title.
    #[serde(default)]
    pub text: Option<String>,
    /// Free paragraphs, printed where they are written among the keys (usually before the
    /// khoản).
    #[serde(default, deserialize_with = "forms::one_or_many")]
    #[schemars(schema_with = "crate::schema::one_or_many")]
    pub paragraphs: Vec<String>,
    /// Khoản.
    #[serde(default, deserialize_with = "forms::many_text_or_struct")]
    #[schemars(schema_with = "crate::schema::text_or::<Clause>")]
    pub clauses: Vec<Clause>,
    /// The order its keys were written in.
    #[serde(skip)]
    pub order: Order,
}

impl Article {
    /// What a Điều prints after its title or text, in the usual order.
    pub const BLOCKS: &'static [Block] = &[Block::Paragraphs, Block::Clauses];
}

/// Mục in I./II. form: a titled section holding khoản.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Author-chosen id (never printed).
    #[serde(default)]
    pub id: Option<String>,
    /// Lý do, thuyết minh: why this provision was added or changed in this draft. Printed only
    /// in the bảng so sánh of `vanban diff`, never in the document itself.
    #[serde(default)]
    pub reason: Option<String>,
    /// Tên mục (printed in capitals).
    pub title: String,
    /// Free paragraphs, printed where they are written among the keys (usually before the
    /// khoản).
    #[serde(default, deserialize_with = "forms::one_or_many")]
    #[schemars(schema_with = "crate::schema::one_or_many")]
    pub paragraphs: Vec<String>,
    /// Khoản "1.", "2." of this mục.
    #[serde(default, deserialize_with = "forms::many_text_or_struct")]
    #[schemars(schema_with = "crate::schema::text_or::<Clause>")]
    pub clauses: Vec<Clause>,
    /// Dash items directly under the mục.
    #[serde(default, deserialize_with = "forms::many_text_or_struct")]
    #[schemars(schema_with = "crate::schema::text_or::<Item>")]
    pub items: Vec<Item>,
    /// The order its keys were written in.
    #[serde(skip)]
    pub order: Order,
}

impl Section {
    /// What a mục prints after its title, in the usual order.
    pub const BLOCKS: &'static [Block] = &[Block::Paragraphs, Block::Clauses, Block::Items];
}

/// Khoản: "1.", either running text or a bold title of its own, with điểm and dash items.
/// Written as a plain string when it is only text.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    /// Author-chosen id (never printed).
    #[serde(default)]
    pub id: Option<String>,
    /// Lý do, thuyết minh: why this provision was added or changed in this draft. Printed only
    /// in the bảng so sánh of `vanban diff`, never in the document itself.
    #[serde(default)]
    pub reason: Option<String>,
    /// A title printed in bold on its own line ("1. Mục đích").
    #[serde(default)]
    pub title: Option<String>,
    /// Running text after the number.
    #[serde(default)]
    pub text: Option<String>,
    /// Điểm a), b), …
    #[serde(default, deserialize_with = "forms::many_text_or_struct")]
    #[schemars(schema_with = "crate::schema::text_or::<Point>")]
    pub points: Vec<Point>,
    /// Dash items.
    #[serde(default, deserialize_with = "forms::many_text_or_struct")]
    #[schemars(schema_with = "crate::schema::text_or::<Item>")]
    pub items: Vec<Item>,
    /// Paragraphs, printed where they are written among the keys (usually after the điểm and
    /// items).
    #[serde(default, deserialize_with = "forms::one_or_many")]
    #[schemars(schema_with = "crate::schema::one_or_many")]
    pub paragraphs: Vec<String>,
    /// The order its keys were written in.
    #[serde(skip)]
    pub order: Order,
}

impl Clause {
    /// What a khoản prints after its title and text, in the usual order.
    pub const BLOCKS: &'static [Block] = &[Block::Points, Block::Items, Block::Paragraphs];
}

/// Điểm: "a)", lettered in the Vietnamese order. Written as a plain string when it is only text.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Point {
    /// Author-chosen id (never printed).
    #[serde(default)]
    pub id: Option<String>,
    /// Lý do, thuyết minh: why this provision was added or changed in this draft. Printed only
    /// in the bảng so sánh of `vanban diff`, never in the document itself.
    #[serde(default)]
    pub reason: Option<String>,
    /// The text after the letter.
    pub text: String,
    /// Dash items under the điểm.
    #[serde(default, deserialize_with = "forms::many_text_or_struct")]
    #[schemars(schema_with = "crate::schema::text_or::<Item>")]
    pub items: Vec<Item>,
    /// Further paragraphs of the điểm, printed after its text, before or after its items as
    /// the keys are written.
    #[serde(default, deserialize_with = "forms::one_or_many")]
    #[schemars(schema_with = "crate::schema::one_or_many")]
    pub paragraphs: Vec<String>,
    /// The order its keys were written in.
    #[serde(skip)]
    pub order: Order,
}

impl Point {
    /// What a điểm prints after its text, in the usual order.
    pub const BLOCKS: &'static [Block] = &[Block::Items, Block::Paragraphs];
}

/// A dash item ("- "), whose own items are plus items ("+ ").
/// Written as a plain string when it is only text.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Author-chosen id (never printed).
    #[serde(default)]
    pub id: Option<String>,
    /// Lý do, thuyết minh: why this provision was added or changed in this draft. Printed only
    /// in the bảng so sánh of `vanban diff`, never in the document itself.
    #[serde(default)]
    pub reason: Option<String>,
    /// The text after the dash.
    pub text: String,
    /// Plus items under a dash item.
    #[serde(default, deserialize_with = "forms::many_text_or_struct")]
    #[schemars(schema_with = "crate::schema::text_or::<Item>")]
    pub items: Vec<Item>,
}

/// One signing party's block: authority lines, title, the signer's name.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// The issuer that signs.
    pub issuer: String,
    /// Thẩm quyền ký: lines above the title, each may open with TM./KT./Q./TL./TUQ.
    /// ("TM. Ủy ban nhân dân", "KT. Chủ tịch", or the body's name).
    #[serde(default, deserialize_with = "forms::one_or_many")]
    #[schemars(schema_with = "crate::schema::one_or_many")]
    pub authority: Vec<String>,
    /// Chức vụ of the signer.
    pub title: String,
    /// Họ và tên of the signer.
    pub name: String,
}

/// Arrangement choices for joint documents, where ND 30 is silent.
#[derive(Debug, Clone, Copy, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Layout {
    /// The column of each row of signatures that takes the first block of the row: with
    /// `right`, the lead issuer (the first signature) signs on the right, as many provinces do.
    #[serde(default)]
    pub lead_side: Side,
}

/// Left or right column.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Side {
    /// Left column (the default: blocks read left to right in the order written).
    #[default]
    Left,
    /// Right column.
    Right,
}
