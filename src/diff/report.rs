//! The comparison printed: a terminal summary (coloured or with `[-…-]`/`{+…+}` marks), JSON,
//! and the bảng so sánh — rows of old text, new text and reason — as Markdown or as the
//! Typst source of the landscape PDF.

use super::words::{self, Op, Span};
use super::{Change, Comparison, Kind};
use crate::markup::{escape_markdown, escape_typst};
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

/// How one target marks up a cell of the bảng so sánh; `escape` makes user text literal and
/// the wrappers are added around what it returns.
struct Markup {
    escape: fn(&str) -> String,
    deleted: (&'static str, &'static str),
    inserted: (&'static str, &'static str),
    emphasis: (&'static str, &'static str),
    line_break: &'static str,
}

const MARKDOWN: Markup = Markup {
    escape: escape_markdown,
    deleted: ("~~", "~~"),
    inserted: ("**", "**"),
    emphasis: ("*", "*"),
    line_break: "<br>",
};

const TYPST: Markup = Markup {
    escape: escape_typst,
    deleted: ("#strike[", "]"),
    inserted: ("#strong[", "]"),
    emphasis: ("#emph[", "]"),
    line_break: "#linebreak()",
};

impl Markup {
    fn wrap(&self, (open, close): (&str, &str), text: &str) -> String {
        format!("{open}{}{close}", (self.escape)(text))
    }

    /// A text cell: the provision's number (or place) in italics, then its words.
    fn cell(&self, place: &Option<String>, spans: &[Span]) -> String {
        let Some(place) = place else {
            return String::new();
        };
        let text = marked_spans(spans, |op, text| match op {
            Op::Same => (self.escape)(text),
            Op::Deleted => self.wrap(self.deleted, text),
            Op::Inserted => self.wrap(self.inserted, text),
        });
        format!(
            "{}{}{}",
            self.wrap(self.emphasis, place),
            self.line_break,
            text.replace('\n', self.line_break)
        )
    }

    /// The reason cell: the program's notes in italics.
    fn reason(&self, row: &Row) -> String {
        match (&row.reason, row.note) {
            (Some(r), true) => self.wrap(self.emphasis, r),
            (Some(r), false) => (self.escape)(r),
            (None, _) => String::new(),
        }
    }
}

/// The bảng so sánh as Markdown: title, both versions named, one table row per changed
/// provision; deleted words ~~struck through~~, inserted words **bold**.
pub fn markdown(cmp: &Comparison) -> String {
    let mut out = String::from("# BẢNG SO SÁNH\n\n");
    out.push_str(&format!("**{}**\n\n", escape_markdown(&cmp.meta.title)));
    out.push_str(&format!(
        "{}: {}\\\n{}: {}\n\n",
        COLUMNS[0],
        escape_markdown(&cmp.old_name),
        COLUMNS[1],
        escape_markdown(&cmp.new_name)
    ));
    let rows = rows(cmp);
    if rows.is_empty() {
        out.push_str("*Hai bản dự thảo giống nhau.*\n");
        return out;
    }
    out.push_str(&format!(
        "| {} |\n| --- | --- | --- |\n",
        COLUMNS.join(" | ")
    ));
    for row in &rows {
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            MARKDOWN.cell(&row.old_place, &row.old),
            MARKDOWN.cell(&row.new_place, &row.new),
            MARKDOWN.reason(row)
        ));
    }
    out
}

/// What the Typst template of the bảng so sánh receives: every string already Typst markup
/// made from escaped text.
#[derive(Debug, Clone, Serialize)]
pub struct TableContext {
    /// Tên loại and trích yếu of the new version.
    pub title: String,
    /// The old version's name.
    pub old_name: String,
    /// The new version's name.
    pub new_name: String,
    /// Column headings.
    pub columns: [String; 3],
    /// Cells of each row: old, new, reason.
    pub rows: Vec<[String; 3]>,
    /// Plain title for the PDF metadata.
    pub meta_title: String,
    /// Plain authors for the PDF metadata.
    pub authors: Vec<String>,
}

/// The Typst cells of the bảng so sánh: deleted words in `#strike[…]`, inserted words in
/// `#strong[…]`, each around text that went through the escaper.
pub fn typst_context(cmp: &Comparison) -> TableContext {
    let rows = rows(cmp)
        .iter()
        .map(|row| {
            [
                TYPST.cell(&row.old_place, &row.old),
                TYPST.cell(&row.new_place, &row.new),
                TYPST.reason(row),
            ]
        })
        .collect();
    TableContext {
        title: escape_typst(&cmp.meta.title),
        old_name: escape_typst(&cmp.old_name),
        new_name: escape_typst(&cmp.new_name),
        columns: COLUMNS.map(escape_typst),
        rows,
        meta_title: format!("Bảng so sánh: {}", cmp.meta.title),
        authors: cmp.meta.authors.clone(),
    }
}
