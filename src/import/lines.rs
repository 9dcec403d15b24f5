//! The document as one list of lines, whatever it was read from: each paragraph of the text or
//! of a table cell, with where it came from. And what opens a line: the marks of Chương, Mục,
//! Điều, mục I., khoản 1., điểm a) and dash items.

use super::Block;
use crate::render::Role;

/// One paragraph of the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Its text, trimmed, spaces collapsed, NFC.
    pub text: String,
    /// Where it starts in the source: the line number of a text file, the paragraph number of
    /// a Word document.
    pub at: usize,
    /// The table cell holding it, if any.
    pub cell: Option<Cell>,
    /// Whether its paragraph is all in bold (Word documents only).
    pub bold: bool,
    /// Whether its paragraph is centred (Word documents only).
    pub centred: bool,
    /// What it is, by its Word style (Word documents only).
    pub role: Option<Role>,
}

/// A cell of a table: which table of the document, which row and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    /// The table's index among the document's tables.
    pub table: usize,
    /// Its row.
    pub row: usize,
    /// Its column.
    pub column: usize,
}

/// The lines of the blocks, in reading order (a table row by row, each cell's paragraphs in
/// turn); empty paragraphs left out.
pub fn flatten(blocks: Vec<Block>) -> Vec<Line> {
    let mut out = Vec::new();
    let mut tables = 0;
    for block in blocks {
        match block {
            Block::Para(p) => push(&mut out, &p, None),
            Block::Table(t) => {
                for (row, cells) in t.rows.into_iter().enumerate() {
                    for (column, paras) in cells.into_iter().enumerate() {
                        for p in paras {
                            let cell = Cell {
                                table: tables,
                                row,
                                column,
                            };
                            push(&mut out, &p, Some(cell));
                        }
                    }
                }
                tables += 1;
            }
        }
    }
    out
}

/// Adds the lines of one paragraph (a line break inside it makes two lines, with the same
/// `at`).
fn push(out: &mut Vec<Line>, p: &super::Para, cell: Option<Cell>) {
    for part in p.text.split('\n') {
        let text = clean(part);
        if !text.is_empty() {
            out.push(Line {
                text,
                at: p.at,
                cell,
                bold: p.bold,
                centred: p.centred,
                role: p.role,
            });
        }
    }
}

/// Spaces of every kind collapsed to one, trimmed, NFC.
pub fn clean(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}')
        .filter(|w| !w.is_empty())
        .collect();
    words.join(" ").nfc().collect()
}

/// What opens a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mark {
    /// "Chương I", "CHƯƠNG 2." with what follows on the line.
    Chapter(String, String),
    /// "Mục 1", "MỤC I." (a legal document's Mục).
    Division(String, String),
    /// "Điều 3." with what follows.
    Article(String, String),
    /// "II." — a mục of the I./1. form.
    Section(String, String),
    /// "2." — a khoản.
    Clause(String, String),
    /// "b)" — a điểm.
    Point(String, String),
    /// "- " — a dash item.
    Dash(String),
    /// "+ " — an item under a dash item.
    Plus(String),
}

/// The mark that opens `line`, if any.
pub fn mark(line: &str) -> Option<Mark> {
    let word_number = |rest: &str, words: &[&str]| -> Option<(String, String)> {
        let rest = words.iter().find_map(|w| rest.strip_prefix(w))?;
        let rest = rest.strip_prefix(' ')?;
        let end = rest
            .find(|c: char| !(c.is_ascii_digit() || is_roman_digit(c)))
            .unwrap_or(rest.len());
        let number = &rest[..end];
        if number.is_empty() || !(number.chars().all(|c| c.is_ascii_digit()) || is_roman(number)) {
            return None;
        }
        let after = &rest[end..];
        // "Mục 1. TÊN", "Mục 1", "MỤC I TÊN": a word after the number only when the rest is in
        // capitals ("Mục 2 Phần XI của …" is a line of running text that a copy broke there).
        let titled = after.starts_with([' ', '-', '–']) && !after.chars().any(char::is_lowercase);
        if !(after.is_empty() || after.starts_with(['.', ':']) || titled) {
            return None;
        }
        let after = after.trim_start_matches(['.', ':', '-', '–']).trim();
        Some((number.to_owned(), after.to_owned()))
    };
    if let Some((n, rest)) = word_number(line, &["Chương", "CHƯƠNG"]) {
        return Some(Mark::Chapter(n, rest));
    }
    if let Some((n, rest)) = word_number(line, &["Mục", "MỤC"]) {
        return Some(Mark::Division(n, rest));
    }
    if let Some((n, rest)) = word_number(line, &["Điều", "ĐIỀU"])
        && n.chars().all(|c| c.is_ascii_digit())
    {
        return Some(Mark::Article(n, rest));
    }
    if let Some(rest) = line.strip_prefix(['-', '–', '—', '•', '\u{f0b7}', '\u{f02d}']) {
        return Some(Mark::Dash(rest.trim().to_owned()));
    }
    if let Some(rest) = line.strip_prefix('+') {
        return Some(Mark::Plus(rest.trim().to_owned()));
    }
    let (head, rest) = split_number(line)?;
    if let Some(n) = head.strip_suffix('.') {
        if n.chars().all(|c| c.is_ascii_digit()) && n.len() <= 3 {
            return Some(Mark::Clause(n.to_owned(), rest.to_owned()));
        }
        if is_roman(n) {
            return Some(Mark::Section(n.to_owned(), rest.to_owned()));
        }
    }
    if let Some(letter) = head.strip_suffix(')')
        && crate::vietnamese::POINT_LETTERS.contains(&letter)
    {
        return Some(Mark::Point(letter.to_owned(), rest.to_owned()));
    }
    None
}

/// The first word of a line and the rest ("1." and "Mục đích"); `None` for a one-word line
/// whose word is not a number.
fn split_number(line: &str) -> Option<(&str, &str)> {
    match line.split_once(' ') {
        Some((head, rest)) => Some((head, rest.trim())),
        None if line.ends_with(['.', ')']) && line.len() <= 6 => Some((line, "")),
        None => None,
    }
}

fn is_roman_digit(c: char) -> bool {
    matches!(c, 'I' | 'V' | 'X' | 'L' | 'C')
}

/// "IV", "XII": upper-case Roman numerals (as numbered mục use them).
pub fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.len() <= 6 && s.chars().all(is_roman_digit)
}

/// The value of a Roman numeral or of decimal digits.
pub fn number_value(s: &str) -> Option<u32> {
    if let Ok(n) = s.parse() {
        return Some(n);
    }
    let digit = |c| match c {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        'C' => 100,
        _ => 0,
    };
    let values: Vec<u32> = s.chars().map(digit).collect();
    if values.contains(&0) || values.is_empty() {
        return None;
    }
    let mut total = 0;
    for (i, v) in values.iter().enumerate() {
        if values.get(i + 1).is_some_and(|next| next > v) {
            total -= *v as i64;
        } else {
            total += *v as i64;
        }
    }
    u32::try_from(total).ok()
}

/// Whether a line opens a provision (the text reader never joins it to the line before).
pub fn is_marker(line: &str) -> bool {
    mark(line).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_of_every_level() {
        let m = |line| mark(line);
        assert_eq!(
            m("Chương I. QUY ĐỊNH CHUNG"),
            Some(Mark::Chapter("I".into(), "QUY ĐỊNH CHUNG".into()))
        );
        assert_eq!(m("CHƯƠNG II"), Some(Mark::Chapter("II".into(), "".into())));
        assert_eq!(m("Mục đích"), None);
        assert_eq!(
            m("Mục 1. CHUNG"),
            Some(Mark::Division("1".into(), "CHUNG".into()))
        );
        assert_eq!(
            m("Điều 12. Trách nhiệm"),
            Some(Mark::Article("12".into(), "Trách nhiệm".into()))
        );
        assert_eq!(m("Điều chỉnh kế hoạch"), None);
        assert_eq!(m("Mục 2 Phần XI của “Phần C. TRÌNH TỰ"), None);
        assert_eq!(m("Điều 5 của Quy chế này"), None);
        assert_eq!(
            m("MỤC II NỘI DUNG"),
            Some(Mark::Division("II".into(), "NỘI DUNG".into()))
        );
        assert_eq!(
            m("IV. KINH PHÍ"),
            Some(Mark::Section("IV".into(), "KINH PHÍ".into()))
        );
        assert_eq!(
            m("2. Yêu cầu"),
            Some(Mark::Clause("2".into(), "Yêu cầu".into()))
        );
        assert_eq!(
            m("đ) Tập huấn"),
            Some(Mark::Point("đ".into(), "Tập huấn".into()))
        );
        assert_eq!(m("- Lưu: VT."), Some(Mark::Dash("Lưu: VT.".into())));
        assert_eq!(m("+ Ý nhỏ"), Some(Mark::Plus("Ý nhỏ".into())));
        assert_eq!(m("2025. Năm"), None);
        assert_eq!(m("Ủy ban nhân dân"), None);
        assert_eq!(number_value("XIV"), Some(14));
        assert_eq!(number_value("7"), Some(7));
    }

    #[test]
    fn cleaning_collapses_spaces_and_composes() {
        assert_eq!(clean("  Sở\u{a0}\u{a0}Tư   pha\u{301}p "), "Sở Tư pháp");
    }
}
