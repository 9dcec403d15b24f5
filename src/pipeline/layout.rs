//! Findings only the laid-out pages show, read back from them ([`crate::pages`]): a name, a line
//! of the trích yếu or a signature line that still ends on a single word after the style file
//! balanced it (`line-orphan`). The style file marks every such text that wraps with the YAML
//! path of its value (`nd30-balanced`), so a finding points at the line the author wrote.

use crate::finding::{Finding, Rule, Severity};
use crate::pages::Pages;
use crate::position::PositionIndex;

/// A heading text that wraps and leaves one word alone on its last line.
pub static LINE_ORPHAN: Rule = Rule {
    id: "line-orphan",
    severity: Severity::Warning,
    vi: "Tên cơ quan, trích yếu hoặc dòng chữ ký xuống dòng mà dòng cuối chỉ còn một chữ, dù \
         chương trình đã cân lại các dòng; tìm thấy khi dàn trang PDF.",
    en: "A name, trích yếu or signature line wraps with a single word on its last line, even \
         after the program balanced its lines; found while laying out the PDF.",
};

/// The rules read off the laid-out pages.
pub const RULES: &[&Rule] = &[&LINE_ORPHAN];

/// The `line-orphan` findings of laid-out pages, placed in `source` (the spec's text): one per
/// wrapped text whose last line is a single word.
pub fn orphans(pages: &Pages, source: &str) -> Vec<Finding> {
    let index = PositionIndex::build(source);
    let mut findings = Vec::new();
    for wrapped in &pages.wrapped {
        let lines: Vec<String> = pages.lines_of(wrapped).iter().map(|l| l.text()).collect();
        let Some(last) = lines.last() else { continue };
        if lines.len() < 2 || last.split_whitespace().count() != 1 {
            continue;
        }
        let message = format!(
            "{} xuống dòng mà dòng cuối chỉ còn một chữ “{last}” ({}): nên viết tắt hay rút gọn \
             cho vừa, hoặc tự xuống dòng ở chỗ hợp nghĩa",
            what(&wrapped.key),
            lines.join(" / ")
        );
        findings.push(
            Finding::at(&LINE_ORPHAN, &index, &wrapped.key, message).help(
                "xuống dòng trong YAML bằng cách viết giá trị thành nhiều dòng sau dấu `|`; \
                 chương trình giữ nguyên chỗ xuống dòng của người soạn",
            ),
        );
    }
    findings
}

/// What the text at `key` is, as the message names it.
fn what(key: &str) -> &'static str {
    let last = key.rsplit('.').next().unwrap_or(key);
    if last == "parent" {
        "tên cơ quan chủ quản"
    } else if key.contains("signatures[") {
        "dòng chữ ký"
    } else if last == "name" {
        "tên cơ quan"
    } else {
        "trích yếu"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_what_wraps() {
        assert_eq!(what("issuers[1].name"), "tên cơ quan");
        assert_eq!(what("heading.parent"), "tên cơ quan chủ quản");
        assert_eq!(what("title"), "trích yếu");
        assert_eq!(what("attachments[0].title"), "trích yếu");
        assert_eq!(what("signatures[0].authority[1]"), "dòng chữ ký");
        assert_eq!(what("attachments[0].signatures[0].name"), "dòng chữ ký");
    }
}
