//! The ND 30 measurements of the Word output, read from the `nd30` table of the Typst style file
//! (`templates/typst/nd30.typ`, or the one a house style puts in its place) with Typst's own
//! parser: the PDF and the .docx take every figure from the same place.

use crate::error::Error;
use typst::syntax::ast::{self, BinOp, Expr, UnOp, Unit};

/// A value of the `nd30` table, lengths in points.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Value {
    /// An absolute length (`20mm`, `14pt`), in points.
    Length(f64),
    /// A length relative to the font size (`0.163em`).
    Em(f64),
    /// A share (`45%` as 0.45).
    Ratio(f64),
    /// A plain number (`0.4`, `1 / 3`).
    Number(f64),
}

/// The measurements of ND 30 (Phụ lục I) the Word output uses, as the style file sets them.
/// Lengths and sizes are in points; `*_em` values are relative to the font size; ratios are
/// shares of 1.
#[derive(Debug, Clone, PartialEq)]
pub struct Nd30 {
    /// Page margins: top, bottom, left, right (I.3).
    pub margin: [f64; 4],
    /// Body text (II.6.e).
    pub body_size: f64,
    /// Cơ quan chủ quản, cơ quan ban hành, Quốc hiệu (II.1.a, II.2.b).
    pub header_size: f64,
    /// Tiêu ngữ (II.1.b).
    pub motto_size: f64,
    /// "Số:" (II.3.c).
    pub number_size: f64,
    /// Place and date (II.4.c).
    pub date_size: f64,
    /// Tên loại and trích yếu (II.5.b).
    pub title_size: f64,
    /// Page numbers (I.7).
    pub page_number_size: f64,
    /// Where the page number's line ends: this share of the top margin above the text.
    pub page_number_ascent: f64,
    /// "Nơi nhận:" (II.9.d).
    pub recipients_heading_size: f64,
    /// The recipients (II.9.d).
    pub recipients_size: f64,
    /// How far a wrapped recipient hangs past its dash.
    pub recipients_hang_em: f64,
    /// The drafter's line under the Nơi nhận.
    pub drafter_size: f64,
    /// Signature lines (II.7.đ).
    pub signature_size: f64,
    /// First-line indent (II.6.e).
    pub indent: f64,
    /// Added between body lines, beyond the font's ascender and descender.
    pub leading_em: f64,
    /// Added between lines set single (header, title, signatures).
    pub single_em: f64,
    /// Between paragraphs (II.6.e).
    pub par_gap: f64,
    /// The issuer column of the heading.
    pub header_left: f64,
    /// At least this between the issuer column and the Quốc hiệu column.
    pub header_gutter: f64,
    /// Between the names and the Số / date row.
    pub header_row_gap: f64,
    /// A wrapped heading line whose last line is shorter than this share of the line above
    /// (or a single word) is set in balanced lines.
    pub short_line: f64,
    /// How many halvings find the balanced width.
    pub balance_steps: usize,
    /// Rules under the issuer and the trích yếu: this share of the text.
    pub rule_ratio: f64,
    /// The rule under the Tiêu ngữ: this share of it.
    pub motto_rule_ratio: f64,
    /// Thickness of those rules.
    pub rule_stroke: f64,
    /// Between a text and its rule.
    pub rule_gap: f64,
    /// Between issuers of a joint heading.
    pub issuer_gap: f64,
    /// Above the tên loại.
    pub title_before: f64,
    /// Under the rule of a title or an appendix head.
    pub title_after: f64,
    /// Above a Chương or Mục heading, beyond the paragraph gap.
    pub chapter_before: f64,
    /// Above the signatures.
    pub signatures_before: f64,
    /// Between signature blocks side by side.
    pub signature_gutter: f64,
    /// Between rows of signature blocks.
    pub signature_row_gap: f64,
    /// The room for the handwritten signature and the seal.
    pub signature_space: f64,
    /// Appendix tables.
    pub table_size: f64,
    /// Padding inside table cells.
    pub table_inset: f64,
    /// Table rules.
    pub table_stroke: f64,
    /// Above a table's caption.
    pub table_caption_before: f64,
    /// The Nơi nhận column beside a signature block: this share of the text width.
    pub recipients_width: f64,
    /// Above a Nơi nhận under the signatures.
    pub recipients_below_gap: f64,
    /// A Nơi nhận running on to the next page keeps its heading with this many recipients,
    /// and this many together at its end.
    pub recipients_keep: usize,
    /// The font's ascender, in em.
    pub ascender: f64,
    /// The font's descender, in em.
    pub descender: f64,
}

impl Nd30 {
    /// The measurements of the style file `text` (named `file` in messages).
    pub fn read(text: &str, file: &str) -> Result<Nd30, Error> {
        let root = typst::syntax::parse(text);
        let table = root
            .cast::<ast::Markup>()
            .into_iter()
            .flat_map(|markup| markup.exprs())
            .find_map(|expr| match expr {
                Expr::LetBinding(binding) => {
                    let named = binding
                        .kind()
                        .bindings()
                        .iter()
                        .any(|ident| ident.as_str() == "nd30");
                    match binding.init() {
                        Some(Expr::Dict(dict)) if named => Some(dict),
                        _ => None,
                    }
                }
                _ => None,
            })
            .ok_or_else(|| Error::Failed {
                file: file.to_owned(),
                message: "tệp kiểu ND 30 không có bảng số đo `#let nd30 = (…)`: bản Word lấy \
                          lề, cỡ chữ và khoảng cách từ bảng này"
                    .to_owned(),
            })?;
        let table = Table { dict: table, file };
        let margin = table.dict("margin")?;
        Ok(Nd30 {
            margin: [
                margin.length("top")?,
                margin.length("bottom")?,
                margin.length("left")?,
                margin.length("right")?,
            ],
            body_size: table.length("body-size")?,
            header_size: table.length("header-size")?,
            motto_size: table.length("motto-size")?,
            number_size: table.length("number-size")?,
            date_size: table.length("date-size")?,
            title_size: table.length("title-size")?,
            page_number_size: table.length("page-number-size")?,
            page_number_ascent: table.ratio("page-number-ascent")?,
            recipients_heading_size: table.length("recipients-heading-size")?,
            recipients_size: table.length("recipients-size")?,
            recipients_hang_em: table.em("recipients-hang")?,
            drafter_size: table.length("drafter-size")?,
            signature_size: table.length("signature-size")?,
            indent: table.length("indent")?,
            leading_em: table.em("leading")?,
            single_em: table.em("single")?,
            par_gap: table.length("par-gap")?,
            header_left: table.length("header-left")?,
            header_gutter: table.length("header-gutter")?,
            header_row_gap: table.length("header-row-gap")?,
            short_line: table.ratio("short-line")?,
            balance_steps: table.ratio("balance-steps")?.round().clamp(1.0, 30.0) as usize,
            rule_ratio: table.ratio("rule-ratio")?,
            motto_rule_ratio: table.ratio("motto-rule-ratio")?,
            rule_stroke: table.length("rule-stroke")?,
            rule_gap: table.length("rule-gap")?,
            issuer_gap: table.length("issuer-gap")?,
            title_before: table.length("title-before")?,
            title_after: table.length("title-after")?,
            chapter_before: table.length("chapter-before")?,
            signatures_before: table.length("signatures-before")?,
            signature_gutter: table.length("signature-gutter")?,
            signature_row_gap: table.length("signature-row-gap")?,
            signature_space: table.length("signature-space")?,
            table_size: table.length("table-size")?,
            table_inset: table.length("table-inset")?,
            table_stroke: table.length("table-stroke")?,
            table_caption_before: table.length("table-caption-before")?,
            recipients_width: table.ratio("recipients-width")?,
            recipients_below_gap: table.length("recipients-below-gap")?,
            recipients_keep: table.ratio("recipients-keep")?.round().max(1.0) as usize,
            ascender: table.ratio("ascender")?,
            descender: table.ratio("descender")?,
        })
    }

    /// The width of the text on a page, portrait or landscape (A4).
    pub fn text_width(&self, landscape: bool) -> f64 {
        let paper = if landscape { A4.1 } else { A4.0 };
        paper - self.margin[2] - self.margin[3]
    }

    /// Word's line spacing (in 240ths of its single line) that gives lines `extra_em` apart
    /// beyond the font's ascender and descender, as Typst sets them: Word's single line is the
    /// font's ascender, descender and the style file's `single` gap.
    pub fn line_240ths(&self, extra_em: f64) -> i32 {
        let glyphs = self.ascender + self.descender;
        (240.0 * (glyphs + extra_em) / (glyphs + self.single_em)).round() as i32
    }
}

/// A4 in points, portrait: width and height.
pub const A4: (f64, f64) = (210.0 * MM, 297.0 * MM);

/// One millimetre in points.
const MM: f64 = 72.0 / 25.4;

/// The `nd30` table, read entry by entry.
struct Table<'a> {
    dict: ast::Dict<'a>,
    file: &'a str,
}

impl<'a> Table<'a> {
    fn get(&self, key: &str) -> Option<Expr<'a>> {
        self.dict.items().find_map(|item| match item {
            ast::DictItem::Named(named) if named.name().as_str() == key => Some(named.expr()),
            _ => None,
        })
    }

    fn dict(&self, key: &str) -> Result<Table<'a>, Error> {
        match self.get(key) {
            Some(Expr::Dict(dict)) => Ok(Table {
                dict,
                file: self.file,
            }),
            _ => Err(self.missing(key, "một bảng (top: …, bottom: …, left: …, right: …)")),
        }
    }

    fn value(&self, key: &str) -> Option<Value> {
        self.get(key).and_then(eval)
    }

    fn length(&self, key: &str) -> Result<f64, Error> {
        match self.value(key) {
            Some(Value::Length(pt)) => Ok(pt),
            _ => Err(self.missing(key, "một độ dài (`14pt`, `20mm`)")),
        }
    }

    fn em(&self, key: &str) -> Result<f64, Error> {
        match self.value(key) {
            Some(Value::Em(em)) => Ok(em),
            _ => Err(self.missing(key, "một độ dài theo cỡ chữ (`0.6em`)")),
        }
    }

    fn ratio(&self, key: &str) -> Result<f64, Error> {
        match self.value(key) {
            Some(Value::Ratio(r) | Value::Number(r)) => Ok(r),
            _ => Err(self.missing(key, "một số hoặc tỉ lệ (`0.4`, `45%`)")),
        }
    }

    fn missing(&self, key: &str, what: &str) -> Error {
        Error::Failed {
            file: self.file.to_owned(),
            message: format!(
                "bảng `nd30` của tệp kiểu ND 30 thiếu `{key}` hoặc giá trị không phải {what}: \
                 bản Word lấy số đo này từ đó"
            ),
        }
    }
}

/// The value of a constant expression of the table: numbers with units, and the arithmetic
/// the style file writes (`1 / 3`, `-0.5em`).
fn eval(expr: Expr<'_>) -> Option<Value> {
    use Value::*;
    match expr {
        Expr::Int(n) => Some(Number(n.get() as f64)),
        Expr::Float(n) => Some(Number(n.get())),
        Expr::Numeric(n) => {
            let (v, unit) = n.get();
            match unit {
                Unit::Pt => Some(Length(v)),
                Unit::Mm => Some(Length(v * MM)),
                Unit::Cm => Some(Length(v * 10.0 * MM)),
                Unit::In => Some(Length(v * 72.0)),
                Unit::Em => Some(Em(v)),
                Unit::Percent => Some(Ratio(v / 100.0)),
                Unit::Rad | Unit::Deg | Unit::Fr => None,
            }
        }
        Expr::Parenthesized(p) => eval(p.expr()),
        Expr::Unary(u) => {
            let v = eval(u.expr())?;
            match u.op() {
                UnOp::Pos => Some(v),
                UnOp::Neg => Some(v.map(|x| -x)),
                UnOp::Not => None,
            }
        }
        Expr::Binary(b) => {
            let (l, r) = (eval(b.lhs())?, eval(b.rhs())?);
            match (b.op(), r) {
                (BinOp::Mul, Number(k)) => Some(l.map(|x| x * k)),
                (BinOp::Div, Number(k)) if k != 0.0 => Some(l.map(|x| x / k)),
                (BinOp::Mul, _) => match l {
                    Number(k) => Some(r.map(|x| x * k)),
                    _ => None,
                },
                (BinOp::Add, _) => l.combine(r, |a, b| a + b),
                (BinOp::Sub, _) => l.combine(r, |a, b| a - b),
                _ => None,
            }
        }
        _ => None,
    }
}

impl Value {
    fn map(self, f: impl Fn(f64) -> f64) -> Value {
        match self {
            Value::Length(v) => Value::Length(f(v)),
            Value::Em(v) => Value::Em(f(v)),
            Value::Ratio(v) => Value::Ratio(f(v)),
            Value::Number(v) => Value::Number(f(v)),
        }
    }

    fn combine(self, other: Value, f: impl Fn(f64, f64) -> f64) -> Option<Value> {
        use Value::*;
        match (self, other) {
            (Length(a), Length(b)) => Some(Length(f(a, b))),
            (Em(a), Em(b)) => Some(Em(f(a, b))),
            (Ratio(a), Ratio(b)) => Some(Ratio(f(a, b))),
            (Number(a), Number(b)) => Some(Number(f(a, b))),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_embedded_style_file() {
        let nd30 = Nd30::read(crate::render::Templates::embedded().style(), "nd30.typ").unwrap();
        assert!((nd30.margin[0] - 20.0 * MM).abs() < 1e-9);
        assert!((nd30.margin[2] - 30.0 * MM).abs() < 1e-9);
        assert_eq!(nd30.body_size, 14.0);
        assert_eq!(nd30.header_size, 13.0);
        assert_eq!(nd30.recipients_size, 11.0);
        assert!((nd30.indent - 12.7 * MM).abs() < 1e-9);
        assert!((nd30.recipients_width - 0.45).abs() < 1e-12);
        assert!((nd30.leading_em - 0.163).abs() < 1e-12);
        // Body lines 1.27 × the size apart, single lines 1.15 ×: Word's multiple 1.27 / 1.15.
        assert_eq!(nd30.line_240ths(nd30.leading_em), 265);
        assert_eq!(nd30.line_240ths(nd30.single_em), 240);
    }

    #[test]
    fn a_missing_figure_is_named() {
        let style = "#let nd30 = (margin: (top: 1mm, bottom: 1mm, left: 1mm, right: 1mm))";
        let err = Nd30::read(style, "house/nd30.typ").unwrap_err().to_string();
        assert!(
            err.contains("house/nd30.typ") && err.contains("body-size"),
            "{err}"
        );
        let err = Nd30::read("#let x = 1", "a.typ").unwrap_err().to_string();
        assert!(err.contains("#let nd30"), "{err}");
    }

    #[test]
    fn evaluates_the_arithmetic_the_style_file_writes() {
        let style = "#let nd30 = (a: 1 / 3, b: -2mm, c: 2 * 3pt, d: (1em + 0.5em))";
        let root = typst::syntax::parse(style);
        let markup = root.cast::<ast::Markup>().unwrap();
        let Some(Expr::LetBinding(b)) = markup.exprs().next() else {
            panic!()
        };
        let Some(Expr::Dict(dict)) = b.init() else {
            panic!()
        };
        let t = Table { dict, file: "" };
        assert!((t.ratio("a").unwrap() - 1.0 / 3.0).abs() < 1e-12);
        assert!((t.length("b").unwrap() + 2.0 * MM).abs() < 1e-9);
        assert_eq!(t.length("c").unwrap(), 6.0);
        assert_eq!(t.em("d").unwrap(), 1.5);
    }
}
