//! The comparison printed: a terminal summary (coloured or with `[-…-]`/`{+…+}` marks), JSON,
//! and the bảng so sánh — rows of old text, new text and reason — as Markdown or as the
//! Typst source of the landscape PDF.

use super::words::{self, Op, Span};
use super::{Change, Comparison, Kind};
use crate::error::Error;
use crate::markup::Text;
use serde::Serialize;

impl Kind {
    /// The Vietnamese verb a report prints for this kind.
    pub fn verb(self) -> &'static str {
        match self {
            Kind::Added => "thêm",
            Kind::Removed => "bỏ",
            Kind::Changed => "sửa",
            Kind::Moved => "chuyển",
            Kind::Renumbered => "đánh số lại",
            Kind::Unchanged => "giữ nguyên",
        }
    }

    fn sign(self) -> char {
        match self {
            Kind::Added => '+',
            Kind::Removed => '-',
            Kind::Changed => '~',
            Kind::Moved => '>',
            Kind::Renumbered => '#',
            Kind::Unchanged => '=',
        }
    }
}

/// Where a change is: "Điều 5 → Điều 6", "khoản 2 Điều 4" (with the author's id when there is
/// one), or the place of an unnumbered part with its first line ("nơi nhận “Hội Nhà báo tỉnh;”").
fn whereabouts(c: &Change) -> String {
    let at = match (&c.old_number, &c.new_number) {
        (Some(a), Some(b)) if a != b => format!("{a} → {b}"),
        (_, Some(b)) => b.clone(),
        (Some(a), None) => a.clone(),
        (None, None) => {
            let text = c
                .new_text
                .as_deref()
                .or(c.old_text.as_deref())
                .unwrap_or("");
            match text.lines().next() {
                Some(first) if !first.is_empty() => format!("{} “{first}”", c.place),
                _ => c.place.clone(),
            }
        }
    };
    match &c.id {
        Some(id) if c.old_number.is_some() || c.new_number.is_some() => format!("{at} ({id})"),
        _ => at,
    }
}

const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const YELLOW: &str = "\x1b[33m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// The terminal summary: one line per change, the changed words inside changed text, and a
/// count at the end. With `color`, ANSI colours; without, `[-deleted-]` and `{+inserted+}`.
pub fn terminal(cmp: &Comparison, color: bool) -> String {
    let paint = |code: &str, text: &str| {
        if color {
            format!("{code}{text}{RESET}")
        } else {
            text.to_owned()
        }
    };
    let mut out = paint(
        BOLD,
        &format!("So sánh {} → {}", cmp.old_name, cmp.new_name),
    );
    out.push('\n');
    for c in cmp.changes.iter().filter(|c| c.kind != Kind::Unchanged) {
        let code = match c.kind {
            Kind::Added => GREEN,
            Kind::Removed => RED,
            _ => YELLOW,
        };
        let head = format!("{} {} {}", c.kind.sign(), c.kind.verb(), whereabouts(c));
        out.push_str(&paint(code, &head));
        out.push('\n');
        let body = match c.kind {
            Kind::Added => paint(GREEN, c.new_text.as_deref().unwrap_or("")),
            Kind::Removed => paint(RED, c.old_text.as_deref().unwrap_or("")),
            Kind::Changed => {
                let spans = words::diff(
                    c.old_text.as_deref().unwrap_or(""),
                    c.new_text.as_deref().unwrap_or(""),
                );
                marked_spans(&spans, |op, text| match (op, color) {
                    (Op::Same, _) => text.to_owned(),
                    (Op::Deleted, true) => format!("{RED}\x1b[9m{text}{RESET}"),
                    (Op::Inserted, true) => format!("{GREEN}{BOLD}{text}{RESET}"),
                    (Op::Deleted, false) => format!("[-{text}-]"),
                    (Op::Inserted, false) => format!("{{+{text}+}}"),
                })
            }
            _ => String::new(),
        };
        for line in body.lines().filter(|l| !l.trim().is_empty()) {
            out.push_str("    ");
            out.push_str(line);
            out.push('\n');
        }
        if let Some(reason) = &c.reason
            && c.kind != Kind::Renumbered
        {
            out.push_str(&format!("    Lý do: {reason}\n"));
        }
    }
    if cmp.same() {
        out.push_str("Hai bản giống nhau.\n");
    } else {
        let counts: Vec<String> = [
            Kind::Added,
            Kind::Removed,
            Kind::Changed,
            Kind::Moved,
            Kind::Renumbered,
        ]
        .iter()
        .map(|&k| format!("{} {}", cmp.count(k), k.verb()))
        .collect();
        out.push_str(&format!("Tổng cộng: {}.\n", counts.join(", ")));
    }
    out
}

/// Joins spans with spaces, each drawn by `draw`; line breaks stay line breaks.
fn marked_spans(spans: &[Span], mut draw: impl FnMut(Op, &str) -> String) -> String {
    let mut out = String::new();
    for span in spans {
        if span.text == "\n" {
            out.push('\n');
            continue;
        }
        if !out.is_empty() && !out.ends_with('\n') {
            out.push(' ');
        }
        out.push_str(&draw(span.op, &span.text));
    }
    out
}

/// The changes as a JSON list (pretty-printed, one field per line).
pub fn json(cmp: &Comparison) -> String {
    let mut out = serde_json::to_string_pretty(&cmp.changes).expect("changes serialise");
    out.push('\n');
    out
}

/// One row of the bảng so sánh: a provision's old and new text and the reason for the change.
#[derive(Debug, Clone)]
pub struct Row {
    /// Number (or place) in the old version, when it is there.
    pub old_place: Option<String>,
    /// Number (or place) in the new version, when it is there.
    pub new_place: Option<String>,
    /// Old text: same and deleted words.
    pub old: Vec<Span>,
    /// New text: same and inserted words.
    pub new: Vec<Span>,
    /// Lý do, thuyết minh: the author's reason, else a note for a provision that only moved
    /// or got a new number.
    pub reason: Option<String>,
    /// Whether `reason` is the program's note rather than the author's.
    pub note: bool,
}

/// The rows of the bảng so sánh, one per provision: a move or renumbering and a change of the
/// same provision share a row.
pub fn rows(cmp: &Comparison) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    let mut last: Option<&Change> = None;
    for c in &cmp.changes {
        let same_part =
            last.is_some_and(|l| l.path == c.path && l.level == c.level && c.kind == Kind::Changed);
        let old = c.old_text.as_deref().unwrap_or("");
        let new = c.new_text.as_deref().unwrap_or("");
        let spans = match c.kind {
            Kind::Added => whole(Op::Inserted, new),
            Kind::Removed => whole(Op::Deleted, old),
            _ => words::diff(old, new),
        };
        let old_place =
            (c.kind != Kind::Added).then(|| c.old_number.clone().unwrap_or(c.place.clone()));
        let new_place =
            (c.kind != Kind::Removed).then(|| c.new_number.clone().unwrap_or(c.place.clone()));
        let note = match c.kind {
            Kind::Moved => Some("Chuyển vị trí."),
            Kind::Renumbered => Some("Đánh số lại."),
            _ => None,
        };
        let row = Row {
            old_place,
            new_place,
            old: spans
                .iter()
                .filter(|s| s.op != Op::Inserted)
                .cloned()
                .collect(),
            new: spans
                .iter()
                .filter(|s| s.op != Op::Deleted)
                .cloned()
                .collect(),
            reason: c.reason.clone().or(note.map(str::to_owned)),
            note: c.reason.is_none() && note.is_some(),
        };
        match rows.last_mut() {
            Some(prev) if same_part => {
                prev.old = row.old;
                prev.new = row.new;
                if c.reason.is_some() {
                    prev.reason = row.reason;
                    prev.note = false;
                }
            }
            _ => rows.push(row),
        }
        last = Some(c);
    }
    rows
}

fn whole(op: Op, text: &str) -> Vec<Span> {
    words::diff("", text)
        .into_iter()
        .map(|s| Span { op, text: s.text })
        .collect()
}

const COLUMNS: [&str; 3] = ["Dự thảo trước", "Dự thảo sau", "Lý do, thuyết minh"];

/// What the templates of the bảng so sánh (`typst/comparison.typ`, `markdown/comparison.md`)
/// receive: the same neutral table for both, every user string a [`Text`] that a template
/// prints through its target's filter, so each target draws the marks its own way.
#[derive(Debug, Clone, Serialize)]
pub struct TableContext {
    /// Tên loại and trích yếu of the new version.
    pub title: Text,
    /// The old version's name.
    pub old_name: Text,
    /// The new version's name.
    pub new_name: Text,
    /// Column headings: old text, new text, reason.
    pub columns: [&'static str; 3],
    /// One row per changed provision.
    pub rows: Vec<RowView>,
    /// Plain title for the PDF metadata.
    pub meta_title: String,
    /// Plain authors for the PDF metadata.
    pub authors: Vec<String>,
}

/// One row of the bảng so sánh as templates see it.
#[derive(Debug, Clone, Serialize)]
pub struct RowView {
    /// The old text, when the provision was in the old version.
    pub old: Option<CellView>,
    /// The new text, when the provision is in the new version.
    pub new: Option<CellView>,
    /// Lý do, thuyết minh: the author's reason or the program's note.
    pub reason: Option<Text>,
    /// Whether `reason` is the program's note (printed in italics).
    pub note: bool,
}

/// A text cell: the provision's number (or place), printed in italics on a line of its own,
/// then its text line by line.
#[derive(Debug, Clone, Serialize)]
pub struct CellView {
    /// Number or place ("khoản 2 Điều 4").
    pub place: Text,
    /// The lines of the text; on each line, runs of words printed one space apart.
    pub lines: Vec<Vec<WordsView>>,
}

/// A run of words with the same fate.
#[derive(Debug, Clone, Serialize)]
pub struct WordsView {
    /// `same`, `deleted` (struck through) or `inserted` (bold).
    pub op: Op,
    /// The words.
    pub text: Text,
}

fn cell(place: &Option<String>, spans: &[Span]) -> Option<CellView> {
    let place = Text::literal(place.as_deref()?);
    let mut lines = vec![Vec::new()];
    for span in spans {
        if span.text == "\n" {
            lines.push(Vec::new());
        } else if let Some(line) = lines.last_mut() {
            line.push(WordsView {
                op: span.op,
                text: Text::literal(&span.text),
            });
        }
    }
    Some(CellView { place, lines })
}

/// The bảng so sánh as the templates receive it.
pub fn context(cmp: &Comparison) -> TableContext {
    let rows = rows(cmp)
        .iter()
        .map(|row| RowView {
            old: cell(&row.old_place, &row.old),
            new: cell(&row.new_place, &row.new),
            reason: row.reason.as_deref().map(Text::literal),
            note: row.note,
        })
        .collect();
    TableContext {
        title: Text::literal(&cmp.meta.title),
        old_name: Text::literal(&cmp.old_name),
        new_name: Text::literal(&cmp.new_name),
        columns: COLUMNS,
        rows,
        meta_title: format!("Bảng so sánh: {}", cmp.meta.title),
        authors: cmp.meta.authors.clone(),
    }
}

/// The bảng so sánh as Markdown: title, both versions named, one table row per changed
/// provision; deleted words ~~struck through~~, inserted words **bold**.
pub fn markdown(cmp: &Comparison) -> Result<String, Error> {
    crate::render::comparison_markdown(&context(cmp), &cmp.new_name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::tree::Level;
    use pulldown_cmark::{Event, Options, Parser};

    const HOSTILE: &str = "#set page(width: 1cm) <b>x</b> [a](b) **đậm** - 1. | ~~y~~";

    fn hostile_comparison() -> Comparison {
        Comparison {
            old_name: format!("cũ {HOSTILE}"),
            new_name: format!("mới {HOSTILE}"),
            meta: crate::document::Meta {
                title: format!("CHƯƠNG TRÌNH {HOSTILE}"),
                authors: vec![HOSTILE.to_owned()],
                date: "2024-01-01".to_owned(),
                source: None,
            },
            changes: vec![Change {
                kind: Kind::Changed,
                level: Level::Clause,
                id: None,
                path: "chapters[0]".to_owned(),
                old_number: Some(format!("khoản 1 {HOSTILE}")),
                new_number: Some("khoản 1".to_owned()),
                place: String::new(),
                old_text: Some(format!("một {HOSTILE}\nhai")),
                new_text: Some(format!("một <i>chen</i> {HOSTILE}\nba")),
                reason: Some(HOSTILE.to_owned()),
            }],
        }
    }

    #[test]
    fn user_text_in_the_table_stays_text_in_both_outputs() {
        let cmp = hostile_comparison();
        let md = markdown(&cmp).unwrap();
        let mut read = String::new();
        for event in Parser::new_ext(&md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
            match event {
                Event::InlineHtml(h) if &*h == "<br>" => {}
                Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML {h:?} in {md}"),
                Event::Text(t) => read.push_str(&t),
                _ => {}
            }
        }
        assert!(read.contains(HOSTILE), "read back as typed: {read}");
        assert!(
            md.contains("~~") && md.contains("<br>"),
            "marks drawn: {md}"
        );
        let typ = crate::render::comparison_typst(&context(&cmp), "mới.yaml", "Liberation Serif")
            .unwrap();
        let markup: String = typ
            .lines()
            .filter(|l| !l.starts_with("#set document"))
            .collect();
        assert!(!markup.contains("#set page(width"), "{typ}");
        assert!(
            typ.contains("#strike[") && typ.contains("#strong["),
            "{typ}"
        );
    }
}
