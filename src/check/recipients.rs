//! Nơi nhận and the punctuation the program adds: the last recipient is "Lưu: …", no item is
//! empty, and marks the program adds itself (to Nơi nhận and căn cứ) are not typed.

use super::Context;
use crate::finding::{Finding, Rule, Severity};
use crate::punctuation;
use crate::spec::Spec;

/// Nơi nhận that does not end with "Lưu: …".
pub static RECIPIENTS_LUU: Rule = Rule {
    id: "recipients-luu",
    severity: Severity::Error,
    vi: "Nơi nhận không kết thúc bằng \"Lưu: VT, …\" (nơi lưu bản gốc là dòng cuối).",
    en: "Nơi nhận does not end with \"Lưu: VT, …\" (the filing line comes last).",
};
/// An empty recipient or căn cứ.
pub static ITEM_EMPTY: Rule = Rule {
    id: "item-empty",
    severity: Severity::Error,
    vi: "Một dòng Nơi nhận hoặc căn cứ để trống (hoặc chỉ có dấu câu).",
    en: "An empty (or punctuation-only) recipient or căn cứ.",
};
/// Punctuation the program adds, typed by the user.
pub static TYPED_PUNCTUATION: Rule = Rule {
    id: "typed-punctuation",
    severity: Severity::Warning,
    vi: "Gõ sẵn dấu chương trình tự thêm: \"- \" đầu Nơi nhận, \";\" \".\" cuối Nơi nhận và căn cứ (được bỏ), hoặc dấu đầu dòng khác (•, +, *) sẽ in thành hai dấu.",
    en: "Typed marks the program adds: a leading \"- \" or a final \";\"/\".\" (dropped), or another bullet (•, +, *) that would print twice.",
};

/// The rules of this group.
pub const RULES: &[&Rule] = &[&RECIPIENTS_LUU, &ITEM_EMPTY, &TYPED_PUNCTUATION];

/// Runs the Nơi nhận and punctuation rules.
pub fn check(cx: &Context, spec: &Spec) -> Vec<Finding> {
    let mut out = Vec::new();
    let lists = [
        ("recipients", &spec.recipients, "nơi nhận"),
        ("bases", &spec.bases, "căn cứ"),
    ];
    for (key, list, what) in lists {
        for (i, item) in list.iter().enumerate() {
            let path = format!("{key}[{i}]");
            let text = item.trim();
            if text.chars().all(|c| !c.is_alphanumeric()) {
                out.push(Finding::at(
                    &ITEM_EMPTY,
                    cx.index,
                    &path,
                    format!("{what} thứ {} để trống", i + 1),
                ));
                continue;
            }
            if let Some(message) = typed(text, key == "recipients") {
                out.push(Finding::at(
                    &TYPED_PUNCTUATION,
                    cx.index,
                    &path,
                    format!("{what}: {message}"),
                ));
            }
        }
    }
    let is_luu = |r: &String| {
        let t = r.trim().trim_start_matches(['-', '–', ' ']);
        t.starts_with("Lưu") || t.starts_with("LƯU") || t.starts_with("lưu")
    };
    if let Some(last) = spec.recipients.len().checked_sub(1)
        && !is_luu(&spec.recipients[last])
    {
        let message = match spec.recipients.iter().position(is_luu) {
            Some(k) => format!(
                "dòng \"Lưu: …\" phải đứng cuối Nơi nhận, nhưng đang là dòng {}",
                k + 1
            ),
            None => "Nơi nhận thiếu dòng cuối \"Lưu: VT, …\" (nơi lưu bản gốc)".to_owned(),
        };
        out.push(Finding::at(
            &RECIPIENTS_LUU,
            cx.index,
            &format!("recipients[{last}]"),
            message,
        ));
    }
    out
}

/// What the user typed that the program adds (or would double), if anything.
fn typed(text: &str, recipient: bool) -> Option<String> {
    let first = text.chars().next()?;
    if "•+*·●◦▪".contains(first) {
        return Some(format!(
            "dấu đầu dòng \"{first}\" sẽ in thành hai dấu (chương trình tự thêm \"- \"); hãy xóa"
        ));
    }
    if recipient && punctuation::typed_dash(text) {
        return Some("không cần gõ \"- \" ở đầu dòng: chương trình tự thêm".to_owned());
    }
    punctuation::typed_end(text)
        .map(|last| format!("không cần gõ \"{last}\" ở cuối: chương trình tự thêm \";\" và \".\""))
}

#[cfg(test)]
mod tests {
    use crate::check::placed;

    fn found(extra: &str) -> Vec<String> {
        let yaml = format!(
            "kind: quy-che\ntitle: Phối hợp\nplace: Huế\nyear: 2024\n\
             issuers: [{{id: a, name: Sở A, abbr: SA}}]\narticles: [{{title: A, clauses: [x]}}]\n\
             signatures: [{{issuer: a, title: Giám đốc, name: X}}]\n{extra}"
        );
        placed(&yaml)
    }

    #[test]
    fn luu_comes_last() {
        assert_eq!(
            found("recipients: [Bộ X, \"Lưu: VT\"]\n"),
            Vec::<String>::new()
        );
        assert_eq!(found("recipients: [Bộ X, Sở Y]\n"), ["recipients-luu 8:20"]);
        assert_eq!(
            found("recipients: [\"Lưu: VT\", Sở Y]\n"),
            ["recipients-luu 8:25"]
        );
        assert_eq!(found(""), Vec::<String>::new());
    }

    #[test]
    fn empty_items_and_typed_punctuation() {
        assert_eq!(
            found(
                "recipients: [\"- Bộ X;\", \" \", \"• Sở Y\", \"Lưu: VT.\"]\nbases: [\"Luật A;\", \"Nghị định B...\"]\n"
            ),
            [
                "typed-punctuation 8:14",
                "item-empty 8:25",
                "typed-punctuation 8:30",
                "typed-punctuation 8:40",
                "typed-punctuation 9:9"
            ]
        );
    }
}
