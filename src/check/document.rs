//! Ids, references and the other problems [`crate::number`] finds while numbering: they are
//! taken from the same code that renders (so `check` and `render` can never disagree), given
//! their rule and placed in the file with the position index. A reference is placed on the
//! `[[id]]` itself.

use super::{Context, Finding, Rule, Severity};
use crate::document::Document;
use crate::error::Error;
use crate::spec::Spec;

/// An id with characters other than ASCII letters, digits, `-`, `_`, `.`.
pub static ID_INVALID: Rule = Rule {
    id: "id-invalid",
    severity: Severity::Error,
    vi: "Mã (`id`) có ký tự không cho phép: chỉ dùng chữ không dấu, chữ số, `-`, `_`, `.`.",
    en: "An `id` with characters other than ASCII letters, digits, `-`, `_`, `.`.",
};
/// The same id twice.
pub static ID_DUPLICATE: Rule = Rule {
    id: "id-duplicate",
    severity: Severity::Error,
    vi: "Hai phần của văn bản dùng cùng một mã (`id`).",
    en: "Two provisions share an `id`.",
};
/// `[[id]]` naming no provision.
pub static REF_UNKNOWN: Rule = Rule {
    id: "ref-unknown",
    severity: Severity::Error,
    vi: "Dẫn chiếu `[[mã]]` tới mã không có trong văn bản, kèm gợi ý mã gần đúng.",
    en: "A reference `[[id]]` to an id that does not exist, with the nearest id suggested.",
};
/// `[[id]]` naming a dash item.
pub static REF_ITEM: Rule = Rule {
    id: "ref-item",
    severity: Severity::Error,
    vi: "Dẫn chiếu tới một gạch đầu dòng, là phần không có số để dẫn.",
    en: "A reference to a dash item, which has no number to cite.",
};
/// A signature or party for an issuer id that does not exist.
pub static ISSUER_UNKNOWN: Rule = Rule {
    id: "issuer-unknown",
    severity: Severity::Error,
    vi: "Khối chữ ký hoặc bên ký kết ghi mã cơ quan (`issuer`) không có trong `issuers`.",
    en: "A signature block or party names an issuer id that is not in `issuers`.",
};
/// More than one body form.
pub static BODY_MIXED: Rule = Rule {
    id: "body-mixed",
    severity: Severity::Error,
    vi: "Dùng cùng lúc hai cách chia nội dung (`chapters`, `articles`, `sections`).",
    en: "More than one of `chapters`, `articles`, `sections`.",
};
/// A khoản with neither text nor title.
pub static CLAUSE_EMPTY: Rule = Rule {
    id: "clause-empty",
    severity: Severity::Error,
    vi: "Khoản không có nội dung (`text`) lẫn tiêu đề (`title`).",
    en: "A clause with neither `text` nor `title`.",
};
/// More điểm than there are letters.
pub static POINTS_MAX: Rule = Rule {
    id: "points-max",
    severity: Severity::Error,
    vi: "Một khoản có hơn 23 điểm: thứ tự chữ cái đánh điểm (a … y) đã hết; cần tách khoản.",
    en: "More than 23 points in one clause: the point letters (a … y) run out.",
};
/// A plus item with items of its own.
pub static ITEM_DEPTH: Rule = Rule {
    id: "item-depth",
    severity: Severity::Error,
    vi: "Ý \"+\" có ý con: chỉ có hai cấp gạch đầu dòng \"-\" và \"+\".",
    en: "A \"+\" item with items of its own: only two levels, \"-\" and \"+\".",
};
/// No date, year or period.
pub static YEAR_MISSING: Rule = Rule {
    id: "year-missing",
    severity: Severity::Error,
    vi: "Không có ngày (`date`), năm (`year`) hay giai đoạn (`period`) để in năm ban hành.",
    en: "No `date`, `year` or `period` to print the year from.",
};
/// Any other numbering problem.
pub static DOCUMENT: Rule = Rule {
    id: "document",
    severity: Severity::Error,
    vi: "Lỗi khác khi đánh số và dựng văn bản.",
    en: "Any other problem met while numbering the document.",
};

/// The rules of this group.
pub const RULES: &[&Rule] = &[
    &ID_INVALID,
    &ID_DUPLICATE,
    &REF_UNKNOWN,
    &REF_ITEM,
    &ISSUER_UNKNOWN,
    &BODY_MIXED,
    &CLAUSE_EMPTY,
    &POINTS_MAX,
    &ITEM_DEPTH,
    &YEAR_MISSING,
    &DOCUMENT,
];

/// The rule of a message written by [`crate::number`], read from the words it always uses.
pub fn rule_of(message: &str) -> &'static Rule {
    let has = |s: &str| message.contains(s);
    if has("chỉ dùng chữ không dấu") {
        &ID_INVALID
    } else if has("đã được dùng") {
        &ID_DUPLICATE
    } else if has("tới mã không tồn tại") {
        &REF_UNKNOWN
    } else if has("trỏ tới một gạch đầu dòng") {
        &REF_ITEM
    } else if has("không có cơ quan nào mang mã") {
        &ISSUER_UNKNOWN
    } else if has("chỉ dùng một cách chia nội dung") {
        &BODY_MIXED
    } else if has("khoản cần có `text`") {
        &CLAUSE_EMPTY
    } else if has("chữ cái đánh số điểm") {
        &POINTS_MAX
    } else if has("không được có ý con") {
        &ITEM_DEPTH
    } else if has("thiếu năm ban hành") {
        &YEAR_MISSING
    } else {
        &DOCUMENT
    }
}

/// Numbers the document as `render` does and turns every problem into a finding; the numbered
/// document comes back when there was none, for `render` to lay out without numbering again.
pub fn check(cx: &Context, spec: &Spec) -> (Vec<Finding>, Option<Document>) {
    let diagnostics = match crate::number::build(spec, cx.file) {
        Ok(doc) => return (Vec::new(), Some(doc)),
        Err(Error::Spec(diagnostics)) => diagnostics,
        Err(other) => {
            let message = other.to_string();
            return (vec![Finding::at(&DOCUMENT, cx.index, "", message)], None);
        }
    };
    let findings = diagnostics
        .into_iter()
        .map(|d| {
            let path = d.path.unwrap_or_default();
            let mut f = Finding::at(rule_of(&d.message), cx.index, &path, d.message);
            // Point at the `[[id]]` the message quotes, inside the text.
            if let Some(reference) = quoted_reference(&f.message) {
                f.span = cx.index.locate_text(cx.source, &path, reference);
            }
            f
        })
        .collect();
    (findings, None)
}

/// The `[[id]]` quoted in a message, if any.
fn quoted_reference(message: &str) -> Option<&str> {
    let start = message.find("`[[")? + 1;
    let end = start + message[start..].find("]]`")? + 2;
    Some(&message[start..end])
}

#[cfg(test)]
mod tests {
    use crate::check::{check_bytes, placed};

    const HEAD: &str = "kind: quy-che\ntitle: Phối hợp\nplace: Huế\nyear: 2024\n\
        issuers: [{id: a, name: Sở A, abbr: SA}]\n\
        signatures: [{issuer: a, title: Giám đốc, name: Nguyễn Văn A}]\n\
        recipients: [\"Lưu: VT\"]\n";

    fn found(body: &str) -> Vec<String> {
        placed(&format!("{HEAD}{body}"))
    }

    #[test]
    fn ids_and_references_are_placed_exactly() {
        let body = "articles:\n- id: pham-vi\n  title: Phạm vi\n  clauses:\n  - \"Theo [[pham-vii]] và [[muc]]\"\n  - {id: pham-vi, text: x, items: [{id: muc, text: y}]}\n- {id: \"số 1\", title: Hai, clauses: [z]}\n";
        assert_eq!(
            found(body),
            [
                "ref-unknown 12:11",
                "ref-item 12:27",
                "id-duplicate 13:10",
                "id-invalid 14:8"
            ]
        );
    }

    #[test]
    fn a_numbering_message_no_rule_knows_is_still_reported() {
        assert_eq!(super::rule_of("một lỗi mới khi đánh số").id, "document");
    }

    #[test]
    fn numbering_problems_get_their_rules() {
        let points: Vec<String> = (0..24).map(|i| format!("p{i}")).collect();
        let body = format!(
            "sections:\n- title: Một\n  clauses:\n  - {{title: T, points: [{}]}}\n  - {{id: k}}\n  - {{text: t, items: [{{text: a, items: [{{text: b, items: [c]}}]}}]}}\n\
             articles: [{{title: A, clauses: [x]}}]\n",
            points.join(", ")
        );
        let f = found(&body);
        for rule in ["points-max", "clause-empty", "item-depth", "body-mixed"] {
            assert!(f.iter().any(|x| x.starts_with(rule)), "{rule}: {f:?}");
        }
        let f = found("articles: [{title: A, clauses: [x]}]\n").len();
        assert_eq!(f, 0);
        let no_year = HEAD.replace("year: 2024\n", "");
        let r = check_bytes(
            "t.yaml",
            format!("{no_year}articles: [{{title: A, clauses: [x]}}]\n").as_bytes(),
        );
        assert_eq!(r.findings[0].rule.id, "year-missing");
        let stray = HEAD.replace("issuer: a,", "issuer: b,");
        let r = check_bytes(
            "t.yaml",
            format!("{stray}articles: [{{title: A, clauses: [x]}}]\n").as_bytes(),
        );
        assert!(r.findings.iter().any(|f| f.rule.id == "issuer-unknown"));
    }
}
