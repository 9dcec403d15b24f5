//! Limits on what a spec holds, so that laying it out takes bounded memory and time: the bytes
//! of the file are capped when it is read ([`crate::load::MAX_SPEC_BYTES`]), but a few bytes
//! of YAML can ask for a provision, an appendix or a table row, each of which costs Typst far
//! more than its bytes. Each limit is about ten times what the largest real documents need
//! (figures in `docs/kiem-tra.md`), and checked before the document is composed: a spec over
//! a limit is neither composed nor laid out.

use super::Context;
use crate::finding::{Finding, Rule, Severity};
use crate::number::{Outline, Part};
use crate::spec::{Row, Spec};

/// Most provisions (Chương, Mục, Điều, khoản, điểm, ý) in a spec, the texts it issues included.
pub const MAX_PROVISIONS: usize = 40_000;
/// Most Chương, or Mục I, II…, in one text: they are numbered in Roman numerals.
pub const MAX_ROMAN: usize = 1_000;
/// Most Phụ lục in a spec, the texts it issues included.
pub const MAX_APPENDICES: usize = 500;
/// Most rows in all the tables of a spec.
pub const MAX_ROWS: usize = 3_000;
/// Most cells (rows times columns) in all the tables of a spec.
pub const MAX_CELLS: usize = 15_000;
/// Most characters in one word (a run of characters without a space), which a line can only
/// break by cutting it.
pub const MAX_WORD: usize = 1_000;

/// Too many provisions.
pub static TOO_MANY_PROVISIONS: Rule = Rule {
    id: "too-many-provisions",
    severity: Severity::Error,
    vi: "Văn bản có quá nhiều Chương, Mục, Điều, khoản, điểm, ý (nhiều hơn 40.000), hoặc một văn bản có nhiều hơn 1.000 Chương hay Mục I, II.",
    en: "More than 40,000 provisions (chapters, sections, articles, clauses, points, items), or more than 1,000 chapters or Roman-numbered sections in one text.",
};
/// Too many appendices.
pub static TOO_MANY_APPENDICES: Rule = Rule {
    id: "too-many-appendices",
    severity: Severity::Error,
    vi: "Văn bản có quá nhiều Phụ lục (nhiều hơn 500).",
    en: "More than 500 appendices.",
};
/// Too many table rows or cells.
pub static TOO_MANY_ROWS: Rule = Rule {
    id: "too-many-rows",
    severity: Severity::Error,
    vi: "Các bảng của văn bản có quá nhiều hàng (nhiều hơn 3.000) hoặc ô (nhiều hơn 15.000, tính số hàng nhân số cột).",
    en: "The tables have more than 3,000 rows or 15,000 cells (rows times columns) in all.",
};
/// A word too long to lay out.
pub static WORD_TOO_LONG: Rule = Rule {
    id: "word-too-long",
    severity: Severity::Error,
    vi: "Một từ (chuỗi ký tự liền nhau, không có dấu cách) dài hơn 1.000 ký tự.",
    en: "A word (a run of characters without a space) longer than 1,000 characters.",
};

/// The rules of this group.
pub const RULES: &[&Rule] = &[
    &TOO_MANY_PROVISIONS,
    &TOO_MANY_APPENDICES,
    &TOO_MANY_ROWS,
    &WORD_TOO_LONG,
];

/// Checks the limits; any finding means the spec must not be composed.
pub fn check(cx: &Context, spec: &Spec, outline: &Outline) -> Vec<Finding> {
    let mut out = Vec::new();
    let at = |rule, path: &str, message: String| Finding::at(rule, cx.index, path, message);
    let provisions = outline.provisions();
    let appendices = provisions
        .iter()
        .filter(|p| matches!(p.part, Part::Appendix(_)));
    if let Some(p) = appendices.clone().nth(MAX_APPENDICES) {
        out.push(at(
            &TOO_MANY_APPENDICES,
            &p.path,
            format!(
                "văn bản có {} Phụ lục, nhiều hơn mức tối đa {}: hãy gộp các Phụ lục nhỏ hoặc \
                 ban hành thành văn bản riêng",
                appendices.count(),
                thousands(MAX_APPENDICES)
            ),
        ));
    }
    let mut others = provisions
        .iter()
        .filter(|p| !matches!(p.part, Part::Appendix(_)));
    if let Some(p) = others.clone().nth(MAX_PROVISIONS) {
        out.push(at(
            &TOO_MANY_PROVISIONS,
            &p.path,
            format!(
                "văn bản có {} Chương, Mục, Điều, khoản, điểm và ý, nhiều hơn mức tối đa {}: \
                 hãy tách thành nhiều văn bản",
                thousands(others.by_ref().count()),
                thousands(MAX_PROVISIONS)
            ),
        ));
    }
    let roman = provisions
        .iter()
        .filter(|p| matches!(p.part, Part::Chapter(_) | Part::Section(_)));
    for text in 0..outline.texts() {
        let mut in_text = roman.clone().filter(|p| p.text == text);
        if let Some(p) = in_text.clone().nth(MAX_ROMAN) {
            out.push(at(
                &TOO_MANY_PROVISIONS,
                &p.path,
                format!(
                    "văn bản có {} Chương hoặc Mục đánh số La Mã (I, II…), nhiều hơn mức tối đa {}: \
                     hãy tách thành nhiều văn bản",
                    thousands(in_text.by_ref().count()),
                    thousands(MAX_ROMAN)
                ),
            ));
        }
    }
    out.extend(tables(cx, spec));
    out.extend(words(cx));
    out
}

/// Rows and cells of every table, counted in reading order: the table that goes over a limit
/// is the one reported.
fn tables(cx: &Context, spec: &Spec) -> Option<Finding> {
    let texts = std::iter::once((String::new(), &spec.appendices)).chain(
        spec.attachments
            .iter()
            .enumerate()
            .map(|(i, a)| (format!("attachments[{i}]."), &a.appendices)),
    );
    let (mut rows, mut cells) = (0usize, 0usize);
    for (prefix, appendices) in texts {
        for (i, appendix) in appendices.iter().enumerate() {
            for (at, table) in appendix.tables() {
                rows += table.rows.len();
                cells += table
                    .rows
                    .iter()
                    .map(|r| match r {
                        Row::Cells(_) => table.columns.len().max(1),
                        Row::Group(_) => 1,
                    })
                    .sum::<usize>();
                if rows > MAX_ROWS || cells > MAX_CELLS {
                    let table = at.map_or_else(|| "table".to_owned(), |t| format!("tables[{t}]"));
                    let path = format!("{prefix}appendices[{i}].{table}.rows");
                    return Some(Finding::at(
                        &TOO_MANY_ROWS,
                        cx.index,
                        &path,
                        format!(
                            "các bảng đến đây đã có {} hàng, {} ô, nhiều hơn mức tối đa {} hàng, \
                             {} ô: hãy tách bảng thành tài liệu riêng gửi kèm",
                            thousands(rows),
                            thousands(cells),
                            thousands(MAX_ROWS),
                            thousands(MAX_CELLS)
                        ),
                    ));
                }
            }
        }
    }
    None
}

/// Every value with a word longer than [`MAX_WORD`], pointing at the word.
fn words<'a>(cx: &'a Context) -> impl Iterator<Item = Finding> + 'a {
    cx.index.scalars().iter().filter_map(|scalar| {
        let word = scalar
            .value
            .split_whitespace()
            .find(|w| w.chars().nth(MAX_WORD).is_some())?;
        let length = word.chars().count();
        let start: String = word.chars().take(20).collect();
        let mut finding = Finding::new(
            &WORD_TOO_LONG,
            format!(
                "từ bắt đầu bằng \"{start}…\" dài {} ký tự, nhiều hơn mức tối đa {}: hãy thêm dấu \
                 cách hoặc bỏ bớt",
                thousands(length),
                thousands(MAX_WORD)
            ),
        )
        .path(&scalar.path);
        finding.span = Some(scalar.span);
        Some(finding)
    })
}

/// A count written the Vietnamese way, thousands apart by dots ("50.000").
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}
