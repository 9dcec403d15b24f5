//! Signature blocks: one per issuer, authority prefixes from the ND 30 list, a "KT." block
//! signed by a deputy, and a seal size a seal can have. (A block for an issuer that does not
//! exist is `issuer-unknown`.)

use super::Context;
use crate::finding::{Finding, Fix, Rule, Severity};
use crate::spec::Spec;
use crate::suggest::did_you_mean;

/// An issuer with no signature block.
pub static SIGNATURE_MISSING: Rule = Rule {
    id: "signature-missing",
    severity: Severity::Error,
    vi: "Cơ quan ban hành không có khối chữ ký (văn bản liên tịch: mỗi cơ quan đều ký).",
    en: "An issuer without a signature block (every issuer of a joint text signs).",
};
/// An authority prefix outside TM./KT./Q./TL./TUQ.
pub static AUTHORITY_PREFIX: Rule = Rule {
    id: "authority-prefix",
    severity: Severity::Error,
    vi: "Chữ viết tắt thẩm quyền ký không thuộc TM., KT., Q., TL., TUQ. (viết đúng hoa, có dấu chấm); thiếu dấu chấm (\"TM Ủy ban …\") thì `check --fix` thêm vào.",
    en: "An authority prefix other than TM., KT., Q., TL., TUQ. (capitals and a full stop).",
};
/// A "KT." block signed under the head's title.
pub static KT_HEAD_TITLE: Rule = Rule {
    id: "kt-head-title",
    severity: Severity::Error,
    vi: "Khối \"KT. …\" (ký thay) mà chức vụ người ký không phải cấp phó (\"Phó …\", \"Thứ trưởng\").",
    en: "A \"KT.\" (signing for the head) block whose signer's title is not a deputy's (\"Phó …\", \"Thứ trưởng\").",
};

/// A seal diameter no seal has (the organisation's signature field takes its size).
pub static SEAL_SIZE: Rule = Rule {
    id: "seal-size",
    severity: Severity::Error,
    vi: "Đường kính con dấu (`seal`, tính bằng mm) không phải cỡ của một con dấu (25–50 mm).",
    en: "A seal diameter (`seal`, in millimetres) no seal has (25–50 mm).",
};

/// The rules of this group.
pub const RULES: &[&Rule] = &[
    &SIGNATURE_MISSING,
    &AUTHORITY_PREFIX,
    &KT_HEAD_TITLE,
    &SEAL_SIZE,
];

/// The seal diameters `seal` may give, in millimetres: the round seals of state bodies measure
/// about 35–42 mm (Thông tư 05-TT/BNV, 1994: 42 for the President down to 37 for a provincial
/// People's Committee, smaller below), with a wide margin either side for unusual seals. A
/// value outside is a slip of unit (3.6 for cm, 360 for tenths) and would give a field no seal
/// image fits.
pub const SEAL_RANGE: std::ops::RangeInclusive<f64> = 25.0..=50.0;

/// The authority prefixes of ND 30: thay mặt, ký thay, quyền, thừa lệnh, thừa ủy quyền.
pub const PREFIXES: [&str; 5] = ["TM.", "KT.", "Q.", "TL.", "TUQ."];

/// Whether a title is a deputy's, who signs "KT." for the head: "Phó …" (Phó Giám đốc, Phó Chủ
/// tịch…), or "Thứ trưởng" for a Bộ trưởng.
fn is_deputy(title: &str) -> bool {
    let title = title.trim().to_lowercase();
    title.starts_with("phó") || title.starts_with("thứ trưởng")
}

/// Runs the signature rules.
pub fn check(cx: &Context, spec: &Spec) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, issuer) in spec.issuers.iter().enumerate() {
        if !spec.signatures.iter().any(|s| s.issuer == issuer.id) {
            out.push(Finding::at(
                &SIGNATURE_MISSING,
                cx.index,
                &format!("issuers[{i}]"),
                format!(
                    "cơ quan `{}` ({}) không có khối chữ ký trong `signatures`",
                    issuer.id,
                    one_line(&issuer.name)
                ),
            ));
        }
    }
    for (i, issuer) in spec.issuers.iter().enumerate() {
        if let Some(mm) = issuer.seal.filter(|mm| !SEAL_RANGE.contains(mm)) {
            out.push(
                Finding::at(
                    &SEAL_SIZE,
                    cx.index,
                    &format!("issuers[{i}].seal"),
                    format!(
                        "con dấu của `{}` ghi đường kính {mm} mm: con dấu thật có đường kính từ \
                         {} đến {} mm",
                        issuer.id,
                        SEAL_RANGE.start(),
                        SEAL_RANGE.end()
                    ),
                )
                .help(
                    "ghi đường kính con dấu bằng mm, đo trên dấu thật (ví dụ `seal: 36`); bỏ \
                     khóa này thì dùng 36 mm"
                        .to_owned(),
                ),
            );
        }
    }
    for (i, s) in spec.signatures.iter().enumerate() {
        let mut deputy_needed = None;
        for (k, line) in s.authority.iter().flat_map(|a| a.lines()).enumerate() {
            let path = authority_path(&s.authority, i, k);
            if let Some(bare) = without_dot(line) {
                let mut f = Finding::at(
                    &AUTHORITY_PREFIX,
                    cx.index,
                    &path,
                    format!("thiếu dấu chấm sau `{bare}`: viết `{bare}.`"),
                )
                .help(format!(
                    "chạy `vanban check --fix` để thêm dấu chấm: \"{bare}. {}\"",
                    line.trim_start()[bare.len()..].trim_start()
                ));
                f.span = cx.index.locate_text(cx.source, &path, line.trim());
                // The word itself, as written: the fix puts the full stop after it.
                let word = cx.index.locate_text(cx.source, &path, bare);
                f.fix = word
                    .filter(|w| cx.source.get(w.start.offset..w.end.offset) == Some(bare))
                    .map(|w| Fix {
                        span: w,
                        replacement: format!("{bare}."),
                    });
                out.push(f);
                continue;
            }
            let Some(prefix) = prefix_like(line) else {
                continue;
            };
            if !PREFIXES.contains(&prefix) {
                let bare = format!("{}.", prefix.to_uppercase().replace('.', ""));
                let hint = if PREFIXES.contains(&bare.as_str()) {
                    format!("; có phải ý bạn là `{bare}`?")
                } else {
                    did_you_mean(&bare, PREFIXES)
                };
                let mut f = Finding::at(
                    &AUTHORITY_PREFIX,
                    cx.index,
                    &path,
                    format!(
                        "`{prefix}` không phải chữ viết tắt thẩm quyền ký: chỉ dùng TM., KT., Q., TL., TUQ.{hint}"
                    ),
                );
                f.span = cx.index.locate_text(cx.source, &path, prefix);
                out.push(f);
            } else if prefix == "KT." {
                deputy_needed = Some(line.trim_start()[3..].trim().to_owned());
            }
        }
        if let Some(head) = deputy_needed {
            let title = one_line(&s.title);
            if !is_deputy(&title) {
                out.push(
                    Finding::at(
                        &KT_HEAD_TITLE,
                        cx.index,
                        &format!("signatures[{i}].title"),
                        format!(
                            "\"KT. {head}\" là cấp phó ký thay người đứng đầu, nhưng chức vụ người ký là \"{title}\""
                        ),
                    )
                    .help(format!(
                        "ghi chức vụ của cấp phó (ví dụ \"Phó {head}\"), hoặc bỏ \"KT.\" nếu người đứng đầu ký"
                    )),
                );
            }
        }
    }
    out
}

/// The path of the `k`-th authority line (the list may hold several lines per entry).
fn authority_path(authority: &[String], i: usize, k: usize) -> String {
    let mut seen = 0;
    for (n, entry) in authority.iter().enumerate() {
        seen += entry.lines().count();
        if k < seen {
            return format!("signatures[{i}].authority[{n}]");
        }
    }
    format!("signatures[{i}].authority")
}

/// The first word of an authority line when it is one of [`PREFIXES`] written without its full
/// stop and more words follow ("TM Ủy ban nhân dân tỉnh").
fn without_dot(line: &str) -> Option<&str> {
    let mut words = line.split_whitespace();
    let first = words.next()?;
    words.next()?;
    PREFIXES
        .iter()
        .any(|p| p.strip_suffix('.') == Some(first))
        .then_some(first)
}

/// The first word of an authority line when it looks like an abbreviation with a full stop:
/// at most four letters, or letters and dots ("T.M."), ending in ".".
fn prefix_like(line: &str) -> Option<&str> {
    let word = line.split_whitespace().next()?;
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let ok = word.ends_with('.')
        && (1..=4).contains(&letters)
        && word.chars().all(|c| c.is_alphabetic() || c == '.')
        && !word.chars().next()?.is_lowercase();
    ok.then_some(word)
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use crate::check::described;

    fn found(signatures: &str) -> Vec<String> {
        let yaml = format!(
            "kind: quy-che\ntitle: Phối hợp\nplace: Huế\nyear: 2024\n\
             issuers: [{{id: a, name: Sở A, abbr: SA}}, {{id: b, name: Hội B, abbr: HB}}]\n\
             articles: [{{title: A, clauses: [x]}}]\nrecipients: [\"Lưu: VT\"]\n{signatures}"
        );
        described(&yaml)
    }

    #[test]
    fn every_issuer_signs() {
        let f = found("signatures: [{issuer: a, title: Giám đốc, name: X}]\n");
        assert_eq!(f.len(), 1);
        assert!(
            f[0].starts_with("signature-missing 5:42 ") && f[0].contains("`b`"),
            "{f:?}"
        );
    }

    #[test]
    fn authority_prefixes_come_from_the_list() {
        let f = found(
            "signatures:\n- {issuer: a, authority: \"T.M. Ủy ban nhân dân\", title: Giám đốc, name: X}\n\
             - {issuer: b, authority: [TM. Hội B, \"Kt. Chủ tịch\"], title: Phó Chủ tịch, name: Y}\n",
        );
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(
            f[0].starts_with("authority-prefix 9:27 ") && f[0].contains("`TM.`?"),
            "{f:?}"
        );
        assert!(
            f[1].starts_with("authority-prefix 10:39 ") && f[1].contains("`KT.`?"),
            "{f:?}"
        );
        let ok = found(
            "signatures:\n- {issuer: a, authority: [TM. Ủy ban, KT. Giám đốc], title: Phó Giám đốc, name: X}\n\
             - {issuer: b, authority: Đại diện Hội B, title: Chủ tịch, name: Y}\n",
        );
        assert_eq!(ok, Vec::<String>::new());
    }

    #[test]
    fn a_prefix_without_its_full_stop_is_an_error_that_fix_repairs() {
        let signatures = "signatures:\n- {issuer: a, authority: TM Ủy ban nhân dân tỉnh, title: Chủ tịch, name: X}\n\
             - {issuer: b, authority: [TM. Hội B, KT Chủ tịch], title: Phó Chủ tịch, name: Y}\n";
        let f = found(signatures);
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(f[0].starts_with("authority-prefix 9:26 ") && f[0].contains("`TM.`"));
        assert!(f[1].starts_with("authority-prefix 10:38 ") && f[1].contains("`KT.`"));
        // `check --fix` puts the full stops in, and nothing else.
        let yaml = format!(
            "kind: quy-che\ntitle: Phối hợp\nplace: Huế\nyear: 2024\n\
             issuers: [{{id: a, name: Sở A, abbr: SA}}, {{id: b, name: Hội B, abbr: HB}}]\n\
             articles: [{{title: A, clauses: [x]}}]\nrecipients: [\"Lưu: VT\"]\n{signatures}"
        );
        let checked = crate::check::check_bytes("t.yaml", yaml.as_bytes());
        let (fixed, _) = crate::check::fix::fixed_text(&checked, &yaml).expect("a fix");
        assert_eq!(
            fixed,
            yaml.replace("TM Ủy", "TM. Ủy").replace("KT Chủ", "KT. Chủ")
        );
        // A word that only starts like one is not a prefix.
        assert_eq!(
            found(
                "signatures:\n- {issuer: a, authority: TMĐT Hội, title: Chủ tịch, name: X}\n\
                 - {issuer: b, authority: KT, title: Chủ tịch, name: Y}\n"
            ),
            Vec::<String>::new()
        );
    }

    #[test]
    fn kt_is_signed_by_a_deputy() {
        let f = found(
            "signatures:\n- {issuer: a, authority: KT. Giám đốc, title: Giám đốc, name: X}\n\
             - {issuer: b, title: Chủ tịch, name: Y}\n",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].starts_with("kt-head-title 9:47 "), "{f:?}");
        let minister = found(
            "signatures:\n- {issuer: a, authority: KT. BỘ TRƯỞNG, title: THỨ TRƯỞNG, name: X}\n\
             - {issuer: b, authority: KT. CHỦ TỊCH, title: PHÓ CHỦ TỊCH, name: Y}\n",
        );
        assert_eq!(minister, Vec::<String>::new(), "deputies sign KT.");
    }

    #[test]
    fn a_seal_has_the_size_of_a_seal() {
        let yaml = |seal: &str| {
            format!(
                "kind: quy-che\ntitle: Phối hợp\nplace: Huế\nyear: 2024\n\
                 issuers: [{{id: a, name: Sở A, abbr: SA, seal: {seal}}}]\n\
                 articles: [{{title: A, clauses: [x]}}]\nrecipients: [\"Lưu: VT\"]\n\
                 signatures: [{{issuer: a, title: Giám đốc, name: X}}]\n"
            )
        };
        assert_eq!(described(&yaml("38")), Vec::<String>::new());
        assert_eq!(described(&yaml("42.5")), Vec::<String>::new());
        for bad in ["3.6", "360", "0", "-36"] {
            let f = described(&yaml(bad));
            assert_eq!(f.len(), 1, "{bad}: {f:?}");
            assert!(f[0].starts_with("seal-size 5:"), "{f:?}");
            assert!(f[0].contains(&format!("{bad} mm")), "{f:?}");
        }
    }
}
