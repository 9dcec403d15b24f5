//! Structure of the body: a body exists in a form its kind allows ([`crate::kind::KINDS`]),
//! every chương, điều, mục and phụ lục has a title, none is empty, and no running text is
//! written where it cannot print (after what follows it). (Khoản without text, too many điểm
//! and nested items come from numbering: [`crate::number::rules`].)

use super::Context;
use crate::finding::{Finding, Rule, Severity};
use crate::kind::Body;
use crate::number::{Outline, Part};
use crate::spec::{Block, Order, Spec};

/// No chương, điều or mục at all.
pub static BODY_MISSING: Rule = Rule {
    id: "body-missing",
    severity: Severity::Error,
    vi: "Văn bản không có nội dung: thiếu `chapters`, `articles` hoặc `sections`.",
    en: "No body: none of `chapters`, `articles`, `sections`.",
};
/// An empty title.
pub static TITLE_EMPTY: Rule = Rule {
    id: "title-empty",
    severity: Severity::Error,
    vi: "Chương, điều, mục, phụ lục (hoặc khoản có `title`) với tiêu đề để trống: ND 30 yêu cầu mỗi phần có tiêu đề.",
    en: "A chương, điều, mục, phụ lục (or a clause `title`) with an empty title.",
};
/// A chương, điều, mục or phụ lục with nothing in it.
pub static ARTICLE_EMPTY: Rule = Rule {
    id: "article-empty",
    severity: Severity::Error,
    vi: "Điều không có khoản hay đoạn nào; chương không có điều; mục hoặc phụ lục không có nội dung.",
    en: "An article with no clause or paragraph, a chapter with no article, a section or appendix with nothing.",
};

/// A provision's `text` written after keys whose content prints after it.
pub static ORDER_TEXT: Rule = Rule {
    id: "order-text",
    severity: Severity::Warning,
    vi: "`text` của điều, khoản, điểm được viết sau `paragraphs`, `points`, `items` hoặc `clauses`: các khóa này in theo thứ tự viết, riêng `text` luôn in ngay sau số (\"1.\", \"a)\"); đoạn cần in sau hãy ghi ở `paragraphs`.",
    en: "A provision's `text` written after `paragraphs`, `points`, `items` or `clauses`: those print in the order written, but `text` always follows the number; text meant to come after them belongs in `paragraphs`.",
};

/// The rules of this group.
pub const RULES: &[&Rule] = &[&BODY_MISSING, &TITLE_EMPTY, &ARTICLE_EMPTY, &ORDER_TEXT];

/// Runs the structure rules over the provisions `outline` numbered.
pub fn check(cx: &Context, spec: &Spec, outline: &Outline) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut push = |rule, path: String, message: String| {
        out.push(Finding::at(rule, cx.index, &path, message));
    };
    let kind = spec.kind;
    if let Some((path, message)) = body_problem(kind.bodies(), kind.label(), &used_bodies(spec)) {
        push(&BODY_MISSING, path, message);
    }
    let blank = |texts: &[String]| texts.iter().all(|p| p.trim().is_empty());
    for p in outline.provisions() {
        let (what, title, empty) = match p.part {
            Part::Chapter(c) => (
                "chương",
                &c.title,
                c.articles.is_empty() && c.divisions.is_empty(),
            ),
            Part::Division(d) => ("mục", &d.title, d.articles.is_empty()),
            Part::Article(a) => (
                "điều",
                &a.title,
                a.clauses.is_empty() && blank(&a.paragraphs) && a.text.is_none(),
            ),
            Part::Section(s) => (
                "mục",
                &s.title,
                s.clauses.is_empty() && s.items.is_empty() && blank(&s.paragraphs),
            ),
            Part::Appendix(a) => (
                "phụ lục",
                &a.title,
                a.table.is_none()
                    && a.tables.is_empty()
                    && a.clauses.is_empty()
                    && blank(&a.paragraphs)
                    && blank(&a.notes),
            ),
            Part::Clause(c) => {
                if c.title.as_deref().is_some_and(|t| t.trim().is_empty()) {
                    let message = "khoản có `title` để trống".to_owned();
                    push(&TITLE_EMPTY, format!("{}.title", p.path), message);
                }
                if let Some((key, message)) = text_after(&c.order, "khoản", "1.") {
                    push(&ORDER_TEXT, format!("{}.{key}", p.path), message);
                }
                continue;
            }
            Part::Point(point) => {
                if let Some((key, message)) = text_after(&point.order, "điểm", "a)") {
                    push(&ORDER_TEXT, format!("{}.{key}", p.path), message);
                }
                continue;
            }
            Part::Item(_) => continue,
        };
        if let Part::Article(a) = p.part
            && let Some((key, message)) = text_after(&a.order, "điều", "Điều 1.")
        {
            push(&ORDER_TEXT, format!("{}.{key}", p.path), message);
        }
        let kind = match p.text {
            0 => spec.kind,
            n => spec.attachments.get(n - 1).map_or(spec.kind, |a| a.kind),
        };
        let untitled_ok = matches!(p.part, Part::Article(_)) && kind.untitled_articles();
        if title.trim().is_empty() && !untitled_ok {
            let message = format!("{what} chưa có tiêu đề");
            push(&TITLE_EMPTY, format!("{}.title", p.path), message);
        }
        if empty {
            let message = match p.part {
                Part::Chapter(_) => "chương không có điều nào".to_owned(),
                Part::Division(_) => format!("{} không có điều nào", named(what, title)),
                Part::Article(_) => format!("{} không có khoản hay đoạn nào", named(what, title)),
                Part::Section(_) => format!("{} không có nội dung", named(what, title)),
                _ => format!(
                    "{} không có nội dung: thêm `paragraphs`, `clauses`, `table` hoặc `tables`",
                    named(what, title)
                ),
            };
            push(&ARTICLE_EMPTY, p.path.clone(), message);
        }
    }
    out
}

/// The body forms a spec uses, in [`Body`] order.
fn used_bodies(spec: &Spec) -> Vec<Body> {
    [
        (Body::Chapters, spec.chapters.is_empty()),
        (Body::Articles, spec.articles.is_empty()),
        (Body::Sections, spec.sections.is_empty()),
        (Body::Divisions, spec.divisions.is_empty()),
    ]
    .into_iter()
    .filter_map(|(body, empty)| (!empty).then_some(body))
    .collect()
}

/// Where and why a body (in the forms `used`) has none of the forms its kind (named `label`)
/// allows: there is no body at all, or only forms the kind does not take. (Two forms at once
/// are `body-mixed`, found by numbering.)
fn body_problem(allowed: &[Body], label: &str, used: &[Body]) -> Option<(String, String)> {
    if used.iter().any(|b| allowed.contains(b)) {
        return None;
    }
    let forms: Vec<String> = allowed
        .iter()
        .map(|b| format!("`{}` ({})", b.key(), b.shape()))
        .collect();
    let forms = match forms.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} hoặc {last}", rest.join(", ")),
        None => String::new(),
    };
    Some(match used.first() {
        None => (
            String::new(),
            format!("văn bản chưa có nội dung: thêm {forms}"),
        ),
        Some(b) => (
            b.key().to_owned(),
            format!(
                "{} không chia nội dung theo `{}` ({}): dùng {forms}",
                label.to_lowercase(),
                b.key(),
                b.shape()
            ),
        ),
    })
}

/// "điều \"Phạm vi\"", or just "điều" when the title is blank.
/// Where `text` stands after a key whose content prints after it, in a provision (`what`,
/// numbered like `number`) whose keys were written in `order`: the key of `text` and the
/// message.
fn text_after(order: &Order, what: &str, number: &str) -> Option<(&'static str, String)> {
    let after = [
        Block::Paragraphs,
        Block::Points,
        Block::Items,
        Block::Clauses,
    ];
    let before = order.before(Block::Text, &after)?;
    Some((
        Block::Text.key(),
        format!(
            "`text` của {what} được viết sau `{}` nhưng vẫn in ngay sau số \"{number}\", trước              nội dung của `{}`; nếu đoạn này cần in sau, hãy chuyển vào `paragraphs`",
            before.key(),
            before.key()
        ),
    ))
}

fn named(what: &str, title: &str) -> String {
    match title.trim() {
        "" => what.to_owned(),
        t => format!("{what} \"{t}\""),
    }
}

#[cfg(test)]
mod tests {
    use crate::check::placed;

    fn found(body: &str) -> Vec<String> {
        let yaml = format!(
            "kind: quy-che\ntitle: Phối hợp\nplace: Huế\nyear: 2024\n\
             issuers: [{{id: a, name: Sở A, abbr: SA}}]\n\
             signatures: [{{issuer: a, title: Giám đốc, name: X}}]\n{body}"
        );
        placed(&yaml)
    }

    #[test]
    fn a_body_is_required() {
        assert_eq!(found(""), ["body-missing 1:1"]);
    }

    #[test]
    fn the_body_forms_come_from_the_kinds_table() {
        use super::{Body, body_problem};
        let kind = crate::kind::Kind::from_key("quy-che").unwrap();
        let all = [Body::Chapters, Body::Articles, Body::Sections];
        assert_eq!(kind.bodies(), all);
        let (path, message) = body_problem(kind.bodies(), kind.label(), &[]).unwrap();
        assert_eq!(path, "");
        assert_eq!(
            message,
            "văn bản chưa có nội dung: thêm `chapters` (Chương/Điều), `articles` (Điều) hoặc \
             `sections` (I./1.)"
        );
        for used in all {
            assert_eq!(body_problem(kind.bodies(), kind.label(), &[used]), None);
        }
        // A kind that does not take every form (none does yet).
        let some = [Body::Chapters, Body::Articles];
        assert_eq!(body_problem(&some, "Quy chế", &[Body::Articles]), None);
        assert_eq!(
            body_problem(&some, "Quy chế", &[Body::Sections]),
            Some((
                "sections".to_owned(),
                "quy chế không chia nội dung theo `sections` (I./1.): dùng `chapters` \
                 (Chương/Điều) hoặc `articles` (Điều)"
                    .to_owned()
            ))
        );
        let (_, message) = body_problem(&some[..1], "Quy chế", &[]).unwrap();
        assert_eq!(
            message,
            "văn bản chưa có nội dung: thêm `chapters` (Chương/Điều)"
        );
    }

    #[test]
    fn titles_are_required_and_nothing_is_empty() {
        let f = found(
            "chapters:\n- title: \"\"\n  articles:\n  - {title: \" \", clauses: [x]}\n  - {title: Trống}\n- {title: Hai}\n",
        );
        assert_eq!(
            f,
            [
                "title-empty 8:10",
                "title-empty 10:13",
                "article-empty 11:5",
                "article-empty 12:3"
            ]
        );
        assert_eq!(
            found("sections:\n- {title: Mục}\n- {title: Hai, clauses: [{title: \"\", text: x}]}\n"),
            ["article-empty 8:3", "title-empty 9:34"]
        );
        assert_eq!(
            found(
                "articles: [{title: Một, clauses: [x]}]\nappendices:\n- {title: \"\", paragraphs: [x]}\n- {title: Trống}\n- {title: Đủ, notes: [Ghi chú]}\n"
            ),
            ["title-empty 9:11", "article-empty 10:3"]
        );
        // Khoản and tables fill an appendix too.
        assert_eq!(
            found(
                "articles: [{title: Một, clauses: [x]}]
appendices:
- {title: Khoản, clauses: [x]}
- {title: Bảng, tables: [{columns: [{title: A}]}]}
"
            ),
            Vec::<String>::new()
        );
    }

    #[test]
    fn text_written_after_what_prints_after_it_is_reported_where_it_is_written() {
        assert_eq!(
            found(
                "articles:
- title: Một
  clauses:
  - points: [a]
    text: Dẫn
  - {text: Dẫn, points: [a], paragraphs: [b]}
  - {points: [{items: [i], text: t}], text: x}
- {title: Hai, clauses: [x], text: y}
"
            ),
            [
                "order-text 11:11",
                "order-text 13:34",
                "order-text 13:45",
                "order-text 14:36"
            ]
        );
        let messages = crate::check::described(
            "kind: quy-che\ntitle: P\nplace: Huế\nyear: 2024\nissuers: [{id: a, name: A, abbr: SA}]\n\
             signatures: [{issuer: a, title: G, name: X}]\n\
             articles: [{title: M, clauses: [{paragraphs: [p], text: t}]}]\n",
        );
        assert!(
            messages[0].contains(
                "`text` của khoản được viết sau `paragraphs` nhưng vẫn in ngay sau số \"1.\""
            ),
            "{messages:?}"
        );
    }
}
