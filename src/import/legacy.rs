//! Text typed in the legacy TCVN3 or VNI fonts, converted to Unicode with the converters of
//! [`crate::vietnamese::encoding`]. The encoding is the one most paragraphs are recognised in;
//! every paragraph's legacy passages are then converted (Unicode words stay as they are).

use super::{Block, Para};
use crate::vietnamese::encoding::{self, Legacy};

/// The encoding most of `texts` are recognised in, if any is.
fn majority<'t>(texts: impl Iterator<Item = &'t str>) -> Option<Legacy> {
    let mut counts = [0usize; 2];
    for text in texts {
        if let Some(found) = encoding::detect(text) {
            counts[usize::from(found.encoding == Legacy::Vni)] += 1;
        }
    }
    match counts {
        [0, 0] => None,
        [tcvn3, vni] if vni > tcvn3 => Some(Legacy::Vni),
        _ => Some(Legacy::Tcvn3),
    }
}

/// A copied text with its legacy lines converted (before its lines are joined: the joining
/// reads capitals, which legacy bytes hide), and the encoding found.
pub fn convert_text(text: &str) -> (String, Option<Legacy>) {
    let Some(found) = majority(text.lines()) else {
        return (text.to_owned(), None);
    };
    // A text with no character past Latin-1 was typed in the legacy font throughout (it was
    // read one byte a character): every word converts, also those whose bytes look like
    // Unicode letters ("Sè" is TCVN3 for "Số"), a line at a time. Otherwise only the legacy
    // passages do.
    let whole = text.chars().all(|c| u32::from(c) <= 0xFF);
    let lines: Vec<String> = text
        .split('\n')
        .map(|line| {
            if whole {
                found.to_unicode(line)
            } else {
                encoding::convert_passages(found, line)
            }
        })
        .collect();
    (lines.join("\n"), Some(found))
}

/// The blocks of a Word document with their legacy text converted, and the encoding found.
pub fn convert(blocks: Vec<Block>) -> (Vec<Block>, Option<Legacy>) {
    let Some(found) = majority(blocks.iter().flat_map(paras).map(|p| p.text.as_str())) else {
        return (blocks, None);
    };
    let convert = |p: Para| Para {
        text: encoding::convert_passages(found, &p.text),
        ..p
    };
    let blocks = blocks
        .into_iter()
        .map(|b| match b {
            Block::Para(p) => Block::Para(convert(p)),
            Block::Table(mut t) => {
                for row in &mut t.rows {
                    for cell in row {
                        *cell = std::mem::take(cell).into_iter().map(convert).collect();
                    }
                }
                Block::Table(t)
            }
        })
        .collect();
    (blocks, Some(found))
}

/// Every paragraph of a block.
fn paras(block: &Block) -> Box<dyn Iterator<Item = &Para> + '_> {
    match block {
        Block::Para(p) => Box::new(std::iter::once(p)),
        Block::Table(t) => Box::new(t.rows.iter().flatten().flatten()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tcvn3_paragraphs_are_converted_unicode_ones_kept() {
        let para = |text: &str| {
            Block::Para(Para {
                text: text.to_owned(),
                at: 1,
                bold: false,
                centred: false,
                role: None,
            })
        };
        let (blocks, found) = convert(vec![
            para("KÕ HO¹CH"),
            para("Tuyªn truyÒn ph¸p luËt n¨m 2026"),
            para("Sở Tư pháp"),
        ]);
        assert_eq!(found, Some(Legacy::Tcvn3));
        let texts: Vec<&str> = blocks
            .iter()
            .map(|b| match b {
                Block::Para(p) => p.text.as_str(),
                Block::Table(_) => "",
            })
            .collect();
        assert_eq!(
            texts,
            ["KẾ HOẠCH", "Tuyên truyền pháp luật năm 2026", "Sở Tư pháp"]
        );
    }
}

#[cfg(test)]
mod whole {
    #[test]
    fn eight_bit_text_converts_whole() {
        let (text, found) = super::convert_text("Së T¦ PH¸P\nSè: 05/KH-STP\nKÕ HO¹CH\n");
        assert_eq!(found, Some(super::Legacy::Tcvn3));
        // "Sè" holds only a capital besides its legacy byte: the H-font reading makes it "SỐ".
        assert_eq!(text, "SỞ TƯ PHÁP\nSỐ: 05/KH-STP\nKẾ HOẠCH\n");
    }
}
