//! Plain text as copied from a PDF or a web portal: decoded (UTF-8, UTF-16 with its mark, or
//! 8-bit text from the legacy fonts), then cleaned of what the copy adds — page numbers,
//! running headers repeated on every page, line-end hyphenation — and the lines a page broke
//! joined back into their paragraphs.

use super::{Block, Para};

/// Why a text file could not be decoded.
#[derive(Debug)]
pub struct Undecodable;

/// Decodes `bytes` as text: UTF-8 (with or without its mark), UTF-16 with its mark, or else
/// one byte a character (legacy 8-bit Vietnamese text reads as Latin-1 and is converted
/// later). Bytes that no text holds (NUL and the like) make it undecodable.
pub fn decode(bytes: &[u8]) -> Result<String, Undecodable> {
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        String::from_utf8(rest.to_vec()).map_err(|_| Undecodable)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, u16::from_be_bytes)?
    } else {
        match std::str::from_utf8(bytes) {
            Ok(text) => text.to_owned(),
            Err(_) => bytes.iter().map(|&b| char::from(b)).collect(),
        }
    };
    // NUL and the other ASCII control characters are in no text; bytes 0x80–0x9F of an 8-bit
    // text read as Latin-1 controls and stay (the legacy fonts use some of them).
    let binary = text
        .chars()
        .any(|c| c.is_ascii_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'));
    if binary {
        return Err(Undecodable);
    }
    Ok(text)
}

fn utf16(bytes: &[u8], word: fn([u8; 2]) -> u16) -> Result<String, Undecodable> {
    if !bytes.len().is_multiple_of(2) {
        return Err(Undecodable);
    }
    let units: Vec<u16> = bytes.chunks(2).map(|c| word([c[0], c[1]])).collect();
    String::from_utf16(&units).map_err(|_| Undecodable)
}

/// One source line, trimmed, with its 1-based line number.
struct Line<'t> {
    text: &'t str,
    at: usize,
}

/// The paragraphs of a copied text, each with the number of the source line it starts on.
pub fn read(text: &str) -> Vec<Block> {
    let lines: Vec<Line> = text
        .split('\n')
        .enumerate()
        .flat_map(|(i, line)| {
            // A form feed (a page break of a PDF copy) splits the line it is on.
            line.split('\u{c}').map(move |part| Line {
                text: part.trim_matches(|c: char| c.is_whitespace()),
                at: i + 1,
            })
        })
        .collect();
    // A copy from a web page separates its paragraphs by blank lines: every line of a block
    // then belongs to its paragraph, and it has no pages. A copy from a PDF has no blank lines:
    // a line continues the one before when that one was cut by the page width, and the lines
    // of each page's margins come along.
    let blank = lines.iter().filter(|l| l.text.is_empty()).count();
    let blocks = blank * 10 >= lines.len();
    let headers = if blocks {
        Vec::new()
    } else {
        running_headers(&lines)
    };
    let numbers = page_numbers(&lines);
    let kept: Vec<&Line> = lines
        .iter()
        .enumerate()
        .filter(|(i, l)| !numbers.contains(i) && !headers.contains(&l.text))
        .map(|(_, l)| l)
        .collect();
    let width = typical_width(&kept);
    let mut out: Vec<Para> = Vec::new();
    let mut open = false;
    for line in kept {
        if line.text.is_empty() {
            // A blank line ends a block of a web copy; in a PDF copy it is as often a page
            // break inside a sentence, so the next line decides.
            open &= !blocks;
            continue;
        }
        match out.last_mut() {
            Some(last) if open && continues(&last.text, line.text, width, blocks) => {
                join(&mut last.text, line.text);
            }
            _ => out.push(Para {
                text: line.text.to_owned(),
                at: line.at,
                bold: false,
                centred: false,
                role: None,
            }),
        }
        open = true;
    }
    out.into_iter().map(Block::Para).collect()
}

/// The indices of the lines that are page numbers: "Trang 2", "2/15", "- 2 -" always; a bare
/// number only when no other bare number stands within 15 lines of it (the numbers of a table's
/// rows, copied cell by cell, stand close together and stay).
fn page_numbers(lines: &[Line]) -> Vec<usize> {
    let bare = |t: &str| !t.is_empty() && t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit());
    let bares: Vec<usize> = (0..lines.len()).filter(|&i| bare(lines[i].text)).collect();
    (0..lines.len())
        .filter(|&i| {
            let t = lines[i].text;
            if bare(t) {
                bares.iter().all(|&j| j == i || j.abs_diff(i) >= 15)
            } else {
                is_page_number(t)
            }
        })
        .collect()
}

/// A page number as a PDF copy shows it: "2", "- 2 -", "Trang 2", "2/15", "Trang 2/15".
fn is_page_number(line: &str) -> bool {
    let core = line
        .trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace())
        .trim_start_matches("Trang")
        .trim();
    let digits = |s: &str| !s.is_empty() && s.len() <= 3 && s.chars().all(|c| c.is_ascii_digit());
    match core.split_once('/') {
        Some((a, b)) => digits(a.trim()) && digits(b.trim()),
        None => digits(core),
    }
}

/// Lines repeated three times or more, each time at least 15 lines (about a page) after the
/// last, that are not provisions: a running header or footer ("Kế hoạch số 12/KH-UBND", a
/// portal's name). Repeated table cells stand closer together and stay.
fn running_headers<'t>(lines: &[Line<'t>]) -> Vec<&'t str> {
    let mut places: std::collections::BTreeMap<&str, Vec<usize>> =
        std::collections::BTreeMap::new();
    for (i, line) in lines.iter().enumerate() {
        if !line.text.is_empty() && line.text.chars().count() <= 100 {
            places.entry(line.text).or_default().push(i);
        }
    }
    places
        .into_iter()
        .filter(|(text, at)| {
            at.len() >= 3
                && at.windows(2).all(|w| w[1] - w[0] >= 15)
                && !super::lines::is_marker(text)
        })
        .map(|(text, _)| text)
        .collect()
}

/// The length of a full line of the copied page: the 90th percentile of the line lengths.
fn typical_width(lines: &[&Line]) -> usize {
    let mut lengths: Vec<usize> = lines
        .iter()
        .map(|l| l.text.chars().count())
        .filter(|&n| n > 0)
        .collect();
    lengths.sort_unstable();
    lengths.get(lengths.len() * 9 / 10).copied().unwrap_or(0)
}

/// Whether `next` continues the paragraph that ends with `prev`. Never when `next` opens a
/// provision, a căn cứ, a signature block or Nơi nhận, is a drawn rule, a signer's name, a
/// "Số: …/…" or a date line, or a line in capitals after one that is not (a heading: "PHỤ
/// LỤC", a title), nor after a "Số: …/…" line, nor when both
/// are in capitals and `next` has more than one word (the lines of a heading or of a signature
/// block); "Số:" always takes its number. Otherwise, in a text of blank-separated blocks,
/// always; in a PDF copy, when `prev` ends without a full stop and `next` starts in lower
/// case, or `prev` filled the line or ends cut at a hyphen.
fn continues(prev: &str, next: &str, width: usize, blocks: bool) -> bool {
    use super::closing::{is_authority, is_name, is_recipients};
    use super::heading::is_rule;
    if prev == "Số:" || prev == "SỐ:" {
        return true;
    }
    let capitals =
        |s: &str| s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase);
    let last_line = prev.rsplit('\n').next().unwrap_or(prev);
    let number_line = |s: &str| (s.starts_with("Số") || s.starts_with("SỐ")) && s.contains('/');
    let lower = |s: &str| s.chars().any(char::is_lowercase);
    if super::lines::is_marker(next)
        || next.starts_with("Căn cứ")
        || (capitals(next) && lower(last_line))
        || (capitals(last_line) && lower(next) && !next.starts_with(|c: char| c.is_lowercase()))
        || number_line(next)
        || number_line(prev)
        || super::heading::date_line(next).is_some()
        || is_authority(next)
        || is_recipients(next)
        || is_rule(next)
        || is_rule(prev)
        || is_name(next)
        || (capitals(last_line) && capitals(next) && next.contains(' '))
    {
        return false;
    }
    if blocks {
        return true;
    }
    let ends = prev
        .chars()
        .last()
        .is_some_and(|c| matches!(c, '.' | ';' | ':' | '!' | '?' | '…'));
    let lower = next.chars().next().is_some_and(char::is_lowercase);
    let full = width >= 40 && prev.chars().count() * 4 >= width * 3;
    let cut = prev.ends_with('-') && !prev.ends_with(" -");
    !ends && (lower || full || cut)
}

/// Appends `next` to a paragraph: a word cut by a hyphen at the line end ("truy-" + "ền") is
/// joined without it, a symbol cut at its hyphen ("57-" + "NQ/TW") with it; otherwise one
/// space.
fn join(text: &mut String, next: &str) {
    let mut tail = text.chars().rev();
    let dash = tail.next() == Some('-');
    let before = tail.next();
    let first = next.chars().next();
    if dash && before.is_some_and(char::is_lowercase) && first.is_some_and(char::is_lowercase) {
        // A word the line end cut: "truy-" + "ền".
        text.pop();
    } else if !(dash
        && before.is_some_and(char::is_alphanumeric)
        && first.is_some_and(char::is_alphanumeric))
    {
        text.push(' ');
    }
    // Otherwise a number or symbol cut at its own hyphen joins whole: "57-" + "NQ/TW".
    text.push_str(next);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<String> {
        read(text)
            .into_iter()
            .map(|b| match b {
                Block::Para(p) => p.text,
                Block::Table(_) => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn page_numbers_headers_and_hyphens_go_broken_lines_join() {
        let mut text = String::from(
            "KẾ HOẠCH\nPhối hợp tuyên truyền\ngiữa hai cơ quan\n\n1. Mục đích\n\
             Tăng cường công tác tuyên truyền, phổ biến giáo dục pháp luật cho\n\
             cán bộ và nhân dân trên địa bàn tỉnh trong năm 2025 để nâng cao nhận thức.\n\
             - Tuyên truy-\nền về pháp luật;\nCăn cứ Nghị quyết số 57-\nNQ/TW của Bộ Chính trị;\n",
        );
        let mut want = vec![
            "KẾ HOẠCH".to_owned(),
            "Phối hợp tuyên truyền giữa hai cơ quan".to_owned(),
            "1. Mục đích".to_owned(),
            "Tăng cường công tác tuyên truyền, phổ biến giáo dục pháp luật cho cán bộ và nhân \
             dân trên địa bàn tỉnh trong năm 2025 để nâng cao nhận thức."
                .to_owned(),
            "- Tuyên truyền về pháp luật;".to_owned(),
            "Căn cứ Nghị quyết số 57-NQ/TW của Bộ Chính trị;".to_owned(),
        ];
        // Three pages, each closed by its number and opened by the running header.
        for (page, number) in ["2", "- 3 -", "Trang 4/5"].iter().enumerate() {
            for item in 0..16 {
                text.push_str(&format!("- Ý {item} của trang {page};\n"));
                want.push(format!("- Ý {item} của trang {page};"));
            }
            text.push_str(&format!("{number}\nKế hoạch số 12/KH-UBND\n"));
        }
        assert_eq!(paras(&text), want);
    }

    #[test]
    fn table_rows_and_repeated_cells_of_a_web_copy_stay() {
        let text = "STT\n\nChủ trì\n\n1\n\nSở Tài chính\n\n2\n\nSở Tài chính\n\n\
                    3\n\nSở Tài chính\n";
        assert_eq!(
            paras(text),
            [
                "STT",
                "Chủ trì",
                "1",
                "Sở Tài chính",
                "2",
                "Sở Tài chính",
                "3",
                "Sở Tài chính"
            ]
        );
    }

    #[test]
    fn decoding_refuses_binary_and_reads_utf16() {
        assert!(decode(b"\x00\x01PK").is_err());
        assert_eq!(decode(b"\xFF\xFEa\x00b\x00").unwrap(), "ab");
        assert_eq!(decode("Sở".as_bytes()).unwrap(), "Sở");
        // 8-bit legacy text reads one byte a character.
        assert_eq!(decode(b"S\xeb").unwrap(), "S\u{eb}");
    }
}
