//! The problems numbering finds: ids, references and the shape of the body. Each is made with
//! its rule where the [`outline`](super::outline) walk or reference resolution meets it.

use crate::finding::{Rule, Severity};

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

/// The rules of this group.
pub const RULES: &[&Rule] = &[
    &ID_INVALID,
    &ID_DUPLICATE,
    &REF_UNKNOWN,
    &REF_ITEM,
    &BODY_MIXED,
    &CLAUSE_EMPTY,
    &POINTS_MAX,
    &ITEM_DEPTH,
];

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
        assert_eq!(r.report.findings[0].rule.id, "year-missing");
        let stray = HEAD.replace("issuer: a,", "issuer: b,");
        let r = check_bytes(
            "t.yaml",
            format!("{stray}articles: [{{title: A, clauses: [x]}}]\n").as_bytes(),
        );
        assert!(
            r.report
                .findings
                .iter()
                .any(|f| f.rule.id == "issuer-unknown")
        );
    }
}
