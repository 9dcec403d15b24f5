//! A decision and the texts it issues: its enacting authority is given (and only a decision or a
//! legal document has one), it matches a signer, only a decision may choose to be a legal
//! document, and only a decision issues attached texts, of the kinds a decision can issue.

use super::Context;
use crate::finding::{Finding, Rule, Severity};
use crate::kind::Legal;
use crate::spec::Spec;

/// A decision without its enacting authority, or an enacting authority on an administrative
/// text that is not a decision.
pub static ENACTING: Rule = Rule {
    id: "enacting",
    severity: Severity::Error,
    vi: "Quyết định thiếu thẩm quyền ban hành (`enacting`, ví dụ \"Chủ tịch Ủy ban nhân dân tỉnh …\"), hoặc văn bản hành chính không phải quyết định lại ghi `enacting`.",
    en: "A decision without its enacting authority (`enacting`), or `enacting` on an administrative text that is not a decision.",
};
/// `legal` on a kind whose documents are always, or never, legal documents, saying otherwise.
pub static LEGAL_KIND: Rule = Rule {
    id: "legal-kind",
    severity: Severity::Error,
    vi: "`legal` chỉ chọn được ở quyết định: nghị quyết liên tịch, thông tư liên tịch luôn là văn bản quy phạm pháp luật; chương trình, quy chế, kế hoạch … luôn là văn bản hành chính.",
    en: "`legal` is a decision's choice: joint resolutions and circulars are always legal documents, the other kinds never.",
};
/// An enacting authority no signature block holds.
pub static ENACTING_SIGNER: Rule = Rule {
    id: "enacting-signer",
    severity: Severity::Warning,
    vi: "Thẩm quyền ban hành (`enacting`) không khớp khối chữ ký nào: chức danh (\"Chủ tịch\", \"Giám đốc\" …) phải có trong thẩm quyền ký hoặc chức vụ người ký.",
    en: "The enacting authority matches no signature block: its office should appear in a block's authority lines or title.",
};
/// Attached texts on a kind that cannot issue them, or of a kind that cannot be attached.
pub static ATTACHMENT_KIND: Rule = Rule {
    id: "attachment-kind",
    severity: Severity::Error,
    vi: "Văn bản kèm theo (`attachments`) chỉ có ở quyết định, và là quy chế, chương trình, kế hoạch … (không phải quyết định hay văn bản quy phạm pháp luật).",
    en: "Attached texts (`attachments`) only on a decision, and only of the kinds a decision issues.",
};

/// The rules of this group.
pub const RULES: &[&Rule] = &[&ENACTING, &ENACTING_SIGNER, &LEGAL_KIND, &ATTACHMENT_KIND];

/// Words that name a place after an office, dropped when an enacting line is compared with the
/// signature blocks ("Ủy ban nhân dân tỉnh Nghệ An" is signed "TM. Ủy ban nhân dân").
const PLACE_WORDS: [&str; 7] = [
    "tỉnh",
    "thành phố",
    "huyện",
    "quận",
    "thị xã",
    "xã",
    "phường",
];

/// Runs the decision rules.
pub fn check(cx: &Context, spec: &Spec) -> Vec<Finding> {
    let mut out = Vec::new();
    let f = |rule, path: &str, message: String| Finding::at(rule, cx.index, path, message);
    let kind = spec.kind;
    let settled = match kind.legal() {
        Legal::Always => Some(true),
        Legal::Never => Some(false),
        Legal::Either => None,
    };
    if let (Some(settled), Some(written)) = (settled, spec.legal)
        && settled != written
    {
        out.push(f(
            &LEGAL_KIND,
            "legal",
            format!(
                "{} {} là văn bản quy phạm pháp luật: bỏ `legal`",
                kind.label(),
                if settled { "luôn" } else { "không" }
            ),
        ));
    }
    match (&spec.enacting, kind.enacting() || spec.legal()) {
        (None, true) if kind.enacting() => out.push(f(
            &ENACTING,
            "",
            format!(
                "{} cần thẩm quyền ban hành: thêm `enacting`, ví dụ \"Chủ tịch Ủy ban nhân dân \
                 tỉnh …\"",
                kind.label().to_lowercase()
            ),
        )),
        (Some(_), false) => out.push(f(
            &ENACTING,
            "enacting",
            format!(
                "`enacting` (thẩm quyền ban hành) chỉ dùng cho quyết định và văn bản quy phạm pháp \
                 luật, không cho {}",
                kind.label().to_lowercase()
            ),
        )),
        (Some(enacting), true) => {
            let blocks: Vec<String> = spec
                .signatures
                .iter()
                .map(|s| {
                    let mut words = s.authority.join(" ");
                    words.push(' ');
                    words.push_str(&s.title);
                    words.to_lowercase()
                })
                .collect();
            // An unfilled «…» is the placeholder rule's to report.
            let filled = |l: &&str| !l.trim().is_empty() && !l.contains('«');
            for line in enacting.lines().filter(filled) {
                let office = office(line);
                if !office.is_empty() && !blocks.iter().any(|b| b.contains(&office)) {
                    out.push(f(
                        &ENACTING_SIGNER,
                        "enacting",
                        format!(
                            "thẩm quyền ban hành \"{}\": không khối chữ ký nào có \"{office}\" \
                             trong thẩm quyền ký hay chức vụ",
                            line.trim()
                        ),
                    ));
                }
            }
        }
        (None, _) => {}
    }
    if !spec.attachments.is_empty() && !kind.enacting() {
        out.push(f(
            &ATTACHMENT_KIND,
            "attachments",
            format!(
                "chỉ quyết định mới ban hành văn bản kèm theo, không phải {}",
                kind.label().to_lowercase()
            ),
        ));
    }
    for (i, a) in spec.attachments.iter().enumerate() {
        if a.kind.enacting() || a.kind.legal() == Legal::Always {
            out.push(f(
                &ATTACHMENT_KIND,
                &format!("attachments[{i}].kind"),
                format!(
                    "{} không ban hành kèm theo quyết định; văn bản kèm theo là quy chế, chương \
                     trình, kế hoạch …",
                    a.kind.label()
                ),
            ));
        }
    }
    out
}

/// The office an enacting line names, in lower case: its words up to the first that opens a
/// name (a capital after the first word), without place words at the end ("Chủ tịch Ủy ban
/// nhân dân tỉnh …" → "chủ tịch"; "Ủy ban nhân dân tỉnh Huế" → "ủy ban nhân dân").
fn office(line: &str) -> String {
    let mut words: Vec<&str> = Vec::new();
    for (i, word) in line.split_whitespace().enumerate() {
        if i > 0 && word.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        words.push(word);
    }
    let mut office = words.join(" ").to_lowercase();
    loop {
        let before = office.len();
        for place in PLACE_WORDS {
            if let Some(rest) = office.strip_suffix(place) {
                office = rest.trim_end().to_owned();
            }
        }
        if office.len() == before {
            return office;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::placed;

    fn found(extra: &str, signature: &str) -> Vec<String> {
        placed(&format!(
            "kind: quyet-dinh\ntitle: Ban hành Quy chế\nplace: Huế\nyear: 2025\n\
             issuers: [{{id: a, name: Ủy ban nhân dân tỉnh Huế, abbr: UBND}}]\n\
             articles: [\"Ban hành kèm theo Quyết định này Quy chế.\"]\n\
             signatures: [{signature}]\nrecipients: [\"Lưu: VT\"]\n{extra}"
        ))
    }

    const CHAIR: &str = "{issuer: a, authority: TM. Ủy ban nhân dân, title: Chủ tịch, name: X}";

    #[test]
    fn a_decision_names_its_enacting_authority() {
        assert_eq!(found("", CHAIR), ["enacting 1:1"]);
        assert_eq!(
            found("enacting: Chủ tịch Ủy ban nhân dân tỉnh Huế\n", CHAIR),
            Vec::<String>::new()
        );
        let deputy = "{issuer: a, authority: KT. Chủ tịch, title: Phó Chủ tịch, name: X}";
        assert_eq!(
            found("enacting: Chủ tịch Ủy ban nhân dân tỉnh Huế\n", deputy),
            Vec::<String>::new()
        );
        assert_eq!(
            found("enacting: Ủy ban nhân dân tỉnh Huế\n", CHAIR),
            Vec::<String>::new()
        );
        assert_eq!(
            found("enacting: Giám đốc Sở Tư pháp\n", CHAIR),
            ["enacting-signer 9:11"]
        );
    }

    #[test]
    fn only_a_decision_chooses_to_be_a_legal_document() {
        let legal = "enacting: Ủy ban nhân dân\nlegal: true\nsymbol: 2025/QĐ-UBND\n";
        assert_eq!(found(legal, CHAIR), Vec::<String>::new());
        // Without `legal`, a year in the number is an administrative decision's error.
        assert_eq!(
            found("enacting: Ủy ban nhân dân\nsymbol: 2025/QĐ-UBND\n", CHAIR),
            ["number-year 10:9"]
        );
        let circular = |extra: &str| {
            placed(&format!(
                "kind: thong-tu-lien-tich\ntitle: Hướng dẫn\nplace: Hà Nội\nyear: 2025\n\
                 issuers: [{{id: a, name: Bộ Tài chính, abbr: BTC}}]\n\
                 articles: [{{title: Phạm vi, text: x}}]\n\
                 signatures: [{{issuer: a, authority: KT. Bộ trưởng, title: Thứ trưởng, name: X}}]\n\
                 recipients: [\"Lưu: VT\"]\n{extra}"
            ))
        };
        assert_eq!(circular(""), Vec::<String>::new());
        assert_eq!(
            circular("enacting: Bộ trưởng Bộ Tài chính\n"),
            Vec::<String>::new()
        );
        assert_eq!(circular("legal: false\n"), ["legal-kind 9:8"]);
        let programme = "kind: chuong-trinh\ntitle: P\nplace: Huế\nyear: 2025\n\
            issuers: [{id: a, name: Sở A, abbr: SA}, {id: b, name: Sở B, abbr: SB}]\n\
            articles: [{title: T, text: x}]\nrecipients: [\"Lưu: VT\"]\n\
            legal: true\nenacting: Sở A\n\
            signatures: [{issuer: a, title: Giám đốc, name: X}, {issuer: b, title: Giám đốc, name: Y}]\n";
        assert_eq!(placed(programme), ["legal-kind 8:8", "enacting 9:11"]);
    }

    #[test]
    fn only_a_decision_issues_texts() {
        let attached = "enacting: Chủ tịch Ủy ban nhân dân tỉnh Huế\n\
            attachments: [{kind: quyet-dinh, title: Q, articles: [\"x\"]}]\n";
        assert_eq!(found(attached, CHAIR), ["attachment-kind 10:22"]);
    }
}
