//! What follows the body: the signature blocks (authority lines opening with TM., KT., Q.,
//! TL., TUQ. or naming the body, the signer's title, the name) and the Nơi nhận list.

use super::lines::{Line, Mark, mark};

/// One signature block as read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SignatureText {
    /// Thẩm quyền ký lines.
    pub authority: Vec<String>,
    /// The signer's title.
    pub title: String,
    /// The signer's name.
    pub name: String,
    /// Where the block starts.
    pub at: usize,
}

/// What the closing part holds.
#[derive(Debug, Default)]
pub struct Closing {
    /// The signature blocks, in reading order.
    pub signatures: Vec<SignatureText>,
    /// The Nơi nhận items, without their dash and final punctuation.
    pub recipients: Vec<String>,
    /// The drafter's line under the "Lưu" item ("MinhHồng/QĐ/20.11.2025").
    pub drafter: Option<String>,
    /// Lines that are neither.
    pub other: Vec<Line>,
}

/// Whether a line opens a signature block: TM./KT./Q./TL./TUQ. or "ĐẠI DIỆN".
pub fn is_authority(text: &str) -> bool {
    [
        "TM.",
        "KT.",
        "Q.",
        "TL.",
        "TUQ.",
        "ĐẠI DIỆN",
        "ĐD.",
        "T/M",
        "K/T",
    ]
    .iter()
    .any(|p| text.starts_with(p))
}

/// Whether a line is the Nơi nhận heading.
pub fn is_recipients(text: &str) -> bool {
    let t = text.trim_start_matches(['*', '_']);
    t.starts_with("Nơi nhận") || t.starts_with("NƠI NHẬN")
}

/// A line standing for the hand signature and the seal: "(Đã ký)", "(Ký, đóng dấu)", "[daky]".
pub fn is_signed_mark(text: &str) -> bool {
    let lower = text.to_lowercase();
    (text.starts_with('(') || text.starts_with('['))
        && (lower.contains("ký") || lower.contains("daky") || lower.contains("dấu"))
}

/// Military and police ranks written before a signer's name ("Đại tá Trần Quốc Bảo").
const RANKS: [&str; 12] = [
    "Đại tướng ",
    "Thượng tướng ",
    "Trung tướng ",
    "Thiếu tướng ",
    "Đại tá ",
    "Thượng tá ",
    "Trung tá ",
    "Thiếu tá ",
    "Đại úy ",
    "Thượng úy ",
    "Trung úy ",
    "Thiếu úy ",
];

/// Whether a line is a person's name: two to six words, each a capital and then small letters,
/// possibly after a rank.
pub fn is_name(text: &str) -> bool {
    let text = RANKS
        .iter()
        .find_map(|r| text.strip_prefix(r))
        .unwrap_or(text);
    let words: Vec<&str> = text.split(' ').collect();
    (2..=6).contains(&words.len())
        && words.iter().all(|w| {
            let mut chars = w.chars();
            chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
        })
}

/// Whether a line is in capitals (a title line of a signature block).
fn is_upper(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && letters.iter().all(|c| !c.is_lowercase())
}

/// Whether the closing part may start at `lines[0]`: Nơi nhận, an authority line, or a line
/// in capitals followed within three lines (or within its table, whose rows hold signatures
/// side by side) by a name or a signature mark.
pub fn starts_here(lines: &[Line]) -> bool {
    let Some(first) = lines.first() else {
        return false;
    };
    if is_recipients(&first.text) || is_authority(&first.text) {
        return true;
    }
    let table = first.cell.map(|c| c.table);
    let near = lines[1..]
        .iter()
        .enumerate()
        .take_while(|(i, l)| *i < 3 || (table.is_some() && l.cell.map(|c| c.table) == table));
    is_upper(&first.text)
        && first.text.chars().count() <= 60
        && mark(&first.text).is_none()
        && near
            .map(|(_, l)| l)
            .any(|l| is_name(&l.text) || is_signed_mark(&l.text))
}

/// The closing lines in the order a reader takes them: a table of signatures side by side
/// (a row for the authority lines, one for the titles, one for the names, as the Word writer
/// sets them) column by column, so that each block's lines follow each other.
fn by_columns(lines: &[Line]) -> Vec<&Line> {
    let mut out: Vec<&Line> = Vec::with_capacity(lines.len());
    let mut start = 0;
    while start < lines.len() {
        let table = lines[start].cell.map(|c| c.table);
        let end = lines[start..]
            .iter()
            .position(|l| table.is_none() || l.cell.map(|c| c.table) != table)
            .map_or(lines.len(), |n| start + n.max(1));
        let mut run: Vec<&Line> = lines[start..end].iter().collect();
        // A stable sort: the lines of one cell keep their order.
        run.sort_by_key(|l| l.cell.map(|c| (c.column, c.row)));
        out.extend(run);
        start = end;
    }
    out
}

/// Reads the closing lines.
pub fn read(lines: &[Line]) -> Closing {
    let lines = by_columns(lines);
    let mut closing = Closing::default();
    let mut in_recipients = false;
    let mut recipients_cell = None;
    let mut block: Vec<&Line> = Vec::new();
    let mut blocks: Vec<Vec<&Line>> = Vec::new();
    for line in lines {
        let text = line.text.as_str();
        if is_recipients(text) {
            in_recipients = true;
            recipients_cell = line.cell.map(|c| (c.table, c.row, c.column));
            // "Nơi nhận: - Như trên;" on one line.
            let rest = text.split_once(':').map_or("", |(_, r)| r.trim());
            if !rest.is_empty() {
                closing.recipients.push(recipient(rest));
            }
            continue;
        }
        let same_cell = line.cell.map(|c| (c.table, c.row, c.column)) == recipients_cell;
        let is_item = matches!(mark(text), Some(Mark::Dash(_)) | Some(Mark::Plus(_)));
        let after_archive = closing
            .recipients
            .last()
            .is_some_and(|r| r.starts_with("Lưu"));
        if in_recipients && !is_item && after_archive && is_drafter(text) {
            closing.drafter = Some(text.to_owned());
            continue;
        }
        // A dash line after the list has been met is one of its items, also where a copy from
        // a PDF put it after the signature block beside it ("- Lưu: VT.").
        let late_item = is_item && !closing.recipients.is_empty();
        if (in_recipients && (is_item || (line.cell.is_some() && same_cell))) || late_item {
            closing.recipients.push(recipient(text));
            continue;
        }
        in_recipients = false;
        // A new block starts at an authority line once the current one has its name, and at
        // every new table column.
        let column = |l: &Line| l.cell.map(|c| (c.table, c.column));
        let new_cell = block
            .last()
            .is_some_and(|prev| prev.cell.is_some() && column(prev) != column(line));
        let named = block.iter().any(|l| is_name(&l.text));
        if (is_authority(text) && named) || new_cell {
            blocks.push(std::mem::take(&mut block));
        }
        block.push(line);
        if is_name(text) && line.cell.is_none() {
            blocks.push(std::mem::take(&mut block));
        }
    }
    blocks.push(block);
    for block in blocks.into_iter().filter(|b| !b.is_empty()) {
        match signature(&block) {
            Some(s) => closing.signatures.push(s),
            None => closing.other.extend(block.into_iter().cloned()),
        }
    }
    closing
}

/// The drafter's line of ND 30 (Điều 8 khoản 3 điểm c): one word of letters, digits and "/",
/// "." ("MinhHồng/QĐ/20.11.2025", "NVA.20").
fn is_drafter(text: &str) -> bool {
    !text.contains(' ') && text.contains(['/', '.']) && text.chars().any(char::is_alphabetic)
}

/// A Nơi nhận item without its dash and final ";" or ".".
fn recipient(text: &str) -> String {
    let text = match mark(text) {
        Some(Mark::Dash(rest)) | Some(Mark::Plus(rest)) => rest,
        _ => text.to_owned(),
    };
    crate::punctuation::without_typed_end(&text).to_owned()
}

/// A signature block from its lines: the name is the last name line, the title the last line
/// in capitals before it that is not an authority line, the authority the lines before the
/// title. `None` when there is no name or no title.
fn signature(lines: &[&Line]) -> Option<SignatureText> {
    let name_at = lines.iter().rposition(|l| is_name(&l.text))?;
    let before: Vec<&&Line> = lines[..name_at]
        .iter()
        .filter(|l| !is_signed_mark(&l.text))
        .collect();
    let title_at = before
        .iter()
        .rposition(|l| is_upper(&l.text) && !is_authority(&l.text))
        .or_else(|| before.len().checked_sub(1))?;
    // An authority line a copy broke ("TM. ỦY BAN" / "NHÂN DÂN") is one line again; the lines
    // of one Word paragraph are one line broken where its author broke it, and each paragraph
    // of a Word table cell is a line of its own.
    let mut authority: Vec<String> = Vec::new();
    let mut last_at = None;
    for line in &before[..title_at] {
        let same_paragraph = line.cell.is_some() && last_at == Some(line.at);
        match authority.last_mut() {
            Some(last) if same_paragraph => {
                last.push('\n');
                last.push_str(&line.text);
            }
            Some(last) if !is_authority(&line.text) && line.cell.is_none() => {
                last.push(' ');
                last.push_str(&line.text);
            }
            _ => authority.push(line.text.clone()),
        }
        last_at = Some(line.at);
    }
    Some(SignatureText {
        authority,
        title: before[title_at].text.clone(),
        name: lines[name_at].text.clone(),
        at: lines[0].at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(texts: &[&str]) -> Vec<Line> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Line {
                text: (*t).to_owned(),
                at: i + 1,
                cell: None,
                bold: false,
                centred: false,
                role: None,
            })
            .collect()
    }

    #[test]
    fn two_blocks_and_recipients() {
        let c = read(&lines(&[
            "TM. ỦY BAN NHÂN DÂN",
            "KT. CHỦ TỊCH",
            "PHÓ CHỦ TỊCH",
            "(Đã ký)",
            "Nguyễn Văn An",
            "ĐẠI DIỆN SỞ TƯ PHÁP",
            "GIÁM ĐỐC",
            "Lê Thị Bình",
            "Nơi nhận:",
            "- Như trên;",
            "- Lưu: VT.",
        ]));
        assert_eq!(c.signatures.len(), 2);
        assert_eq!(
            c.signatures[0].authority,
            ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]
        );
        assert_eq!(c.signatures[0].title, "PHÓ CHỦ TỊCH");
        assert_eq!(c.signatures[1].name, "Lê Thị Bình");
        assert_eq!(c.recipients, ["Như trên", "Lưu: VT"]);
        assert!(c.other.is_empty());
    }
}
