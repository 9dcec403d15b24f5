//! Số and ký hiệu: groups joined by "-" without spaces (ND 30, Phụ lục I, II.3), the first group
//! the abbreviation of the kind (Phụ lục III), issuer abbreviations that fit in it, the year in
//! the number of a legal document and in no other; a ký hiệu an office registered in another form
//! is printed as written, with a warning showing the ND 30 form.

use super::Context;
use crate::finding::{Finding, Rule, Severity};
use crate::kind::Legal;
use crate::spec::Spec;

/// A ký hiệu that is not groups joined by "-".
pub static SYMBOL_FORMAT: Rule = Rule {
    id: "symbol-format",
    severity: Severity::Error,
    vi: "Ký hiệu (`symbol`, `abbr`) sai dạng: các nhóm chữ nối bằng \"-\", không dấu cách, không ghi số hay \"/\"; số (`number`) từ 1 trở lên.",
    en: "A ký hiệu (`symbol`, `abbr`) not made of groups joined by \"-\" without spaces, number or \"/\"; `number` from 1.",
};
/// A ký hiệu whose first group is not the kind's abbreviation.
pub static SYMBOL_KIND: Rule = Rule {
    id: "symbol-kind",
    severity: Severity::Error,
    vi: "Ký hiệu không mở đầu bằng chữ viết tắt của loại văn bản (CTr, QC, KH, BTT, BGN, QĐ, NQLT, TTLT).",
    en: "The ký hiệu does not open with the kind's abbreviation (CTr, QC, KH, BTT, BGN, QĐ, NQLT, TTLT).",
};

/// A ký hiệu registered in a form ND 30 does not give.
pub static SYMBOL_REGISTERED: Rule = Rule {
    id: "symbol-registered",
    severity: Severity::Warning,
    vi: "Ký hiệu khác dạng của Nghị định 30 (ví dụ có \"/\" giữa các nhóm chữ: `QCPH/UBND-UBMTTQ`): được in đúng như cơ quan đã đăng ký; cảnh báo kèm dạng theo Nghị định 30 để đối chiếu.",
    en: "A ký hiệu in a form ND 30 does not give (e.g. \"/\" between letter groups): printed as the office registered it, with the ND 30 form shown.",
};
/// A year in the number where it does not belong, or none where it does.
pub static NUMBER_YEAR: Rule = Rule {
    id: "number-year",
    severity: Severity::Error,
    vi: "Năm trong số, ký hiệu: văn bản quy phạm pháp luật (nghị quyết liên tịch, thông tư liên tịch, quyết định ghi `legal: true`) ghi năm ban hành (`…/2015/TTLT-…`), đúng năm của văn bản; văn bản hành chính thì không ghi năm.",
    en: "The year in the number: a legal document's number carries its year (`…/2015/TTLT-…`), the document's own; an administrative document's does not.",
};

/// The rules of this group.
pub const RULES: &[&Rule] = &[
    &SYMBOL_FORMAT,
    &SYMBOL_KIND,
    &SYMBOL_REGISTERED,
    &NUMBER_YEAR,
];

/// Runs the number and ký hiệu rules.
pub fn check(cx: &Context, spec: &Spec) -> Vec<Finding> {
    let mut out = Vec::new();
    let f = |rule, path: &str, message: String| Finding::at(rule, cx.index, path, message);
    if spec.number == Some(0) {
        out.push(f(
            &SYMBOL_FORMAT,
            "number",
            "số văn bản bắt đầu từ 1, không có số 0".to_owned(),
        ));
    }
    for (i, issuer) in spec.issuers.iter().enumerate() {
        if let Some(why) = group_problem(issuer.abbr.trim()) {
            out.push(f(
                &SYMBOL_FORMAT,
                &format!("issuers[{i}].abbr"),
                format!("chữ viết tắt `{}` của cơ quan {why}", issuer.abbr.trim()),
            ));
        }
    }
    let Some(symbol) = &spec.symbol else {
        return out;
    };
    let symbol = symbol.trim();
    let year = document_year(spec);
    let (written_year, body) = match symbol.split_once('/') {
        Some((y, rest)) if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => (Some(y), rest),
        _ => (None, symbol),
    };
    let nd30 = spec.kind.symbol(
        spec.legal().then(|| year.unwrap_or_default()),
        spec.issuers.iter().map(|i| i.abbr.trim()),
    );
    match (spec.legal(), written_year) {
        (true, None) => out.push(f(
            &NUMBER_YEAR,
            "symbol",
            format!(
                "ký hiệu `{symbol}` thiếu năm: {} là văn bản quy phạm pháp luật, ghi năm ban hành \
                 trước ký hiệu, ví dụ `{nd30}`",
                spec.kind.label().to_lowercase()
            ),
        )),
        (true, Some(y)) if year.is_some_and(|year| year.to_string() != y) => out.push(f(
            &NUMBER_YEAR,
            "symbol",
            format!(
                "ký hiệu `{symbol}` ghi năm {y}, nhưng văn bản ban hành năm {}",
                year.unwrap_or_default()
            ),
        )),
        (false, Some(_)) => out.push(f(
            &NUMBER_YEAR,
            "symbol",
            format!(
                "ký hiệu `{symbol}` ghi năm: {} là văn bản hành chính, số và ký hiệu không ghi năm \
                 (dạng theo Nghị định 30: `{nd30}`){}",
                spec.kind.label().to_lowercase(),
                if spec.kind.legal() == Legal::Either {
                    "; nếu đây là văn bản quy phạm pháp luật, ghi `legal: true`"
                } else {
                    ""
                }
            ),
        )),
        _ => {}
    }
    let groups: Vec<&str> = body.split(['-', '/']).collect();
    let registered = body.contains('/');
    let problem = if body
        .split('/')
        .next()
        .is_some_and(|g| g.bytes().all(|b| b.is_ascii_digit()))
    {
        Some("chỉ ghi ký hiệu, không ghi số và dấu \"/\" (số ghi ở `number`)".to_owned())
    } else if groups.len() < 2 {
        Some("cần ít nhất hai nhóm: tên loại và cơ quan, ví dụ `CTr-UBND-SGGP`".to_owned())
    } else {
        groups.iter().find_map(|g| group_problem(g))
    };
    if let Some(why) = problem {
        out.push(f(
            &SYMBOL_FORMAT,
            "symbol",
            format!("ký hiệu `{symbol}` sai dạng: {why}"),
        ));
        return out;
    }
    let abbreviation = spec.kind.abbreviation();
    if !groups[0].starts_with(abbreviation) {
        out.push(f(
            &SYMBOL_KIND,
            "symbol",
            format!(
                "ký hiệu `{symbol}` mở đầu bằng `{}`, nhưng {} viết tắt là `{abbreviation}`",
                groups[0],
                spec.kind.type_name().to_lowercase()
            ),
        ));
    } else if registered {
        out.push(
            f(
                &SYMBOL_REGISTERED,
                "symbol",
                format!(
                    "ký hiệu `{symbol}` khác dạng của Nghị định 30 (`{nd30}`): được in đúng như \
                     đã đăng ký"
                ),
            )
            .help("nếu văn thư chưa đăng ký ký hiệu này, hãy bỏ `symbol` để chương trình tự lập"),
        );
    }
    out
}

/// The year the document is issued in: of its date, else `year`, else the first of `period`.
fn document_year(spec: &Spec) -> Option<i32> {
    use chrono::Datelike;
    spec.issued()
        .map(|d| d.year())
        .or(spec.year)
        .or(spec.period.map(|p| p.from))
}

/// Why one group of a ký hiệu is malformed, if it is.
fn group_problem(group: &str) -> Option<String> {
    if group.is_empty() {
        Some("có nhóm trống (hai dấu \"-\" liền nhau, hoặc \"-\" ở đầu hay cuối)".to_owned())
    } else if group.chars().any(char::is_whitespace) {
        Some("có dấu cách; các nhóm viết liền, nối bằng \"-\"".to_owned())
    } else {
        group
            .chars()
            .find(|c| !(c.is_alphanumeric() || *c == '&'))
            .map(|c| format!("có ký tự `{c}`; chỉ dùng chữ, số và \"-\" giữa các nhóm"))
    }
}

#[cfg(test)]
mod tests {
    use crate::check::{check_bytes, placed};

    fn found(extra: &str) -> Vec<String> {
        let yaml = format!(
            "kind: chuong-trinh\ntitle: Phối hợp\nplace: Huế\nyear: 2024\n\
             issuers: [{{id: a, name: Sở A, abbr: SA}}]\n\
             articles: [{{title: A, clauses: [x]}}]\nrecipients: [\"Lưu: VT\"]\n\
             signatures: [{{issuer: a, title: Giám đốc, name: X}}]\n{extra}"
        );
        placed(&yaml)
    }

    #[test]
    fn symbol_format() {
        assert_eq!(found("symbol: CTr-SA-HB\n"), Vec::<String>::new());
        assert_eq!(found("symbol: CTrPH-SA-HB\n"), Vec::<String>::new());
        for bad in ["05/CTr-SA", "CTr SA", "CTr--SA", "CTr", "CTr-S,A"] {
            assert_eq!(
                found(&format!("symbol: \"{bad}\"\n")),
                ["symbol-format 9:9"],
                "{bad}"
            );
        }
        assert_eq!(found("number: 0\n"), ["symbol-format 9:9"]);
        let abbr = found("").len();
        assert_eq!(abbr, 0);
    }

    #[test]
    fn a_registered_symbol_is_printed_with_a_warning() {
        assert_eq!(found("symbol: CTrPH/SA-HB\n"), ["symbol-registered 9:9"]);
        assert_eq!(found("symbol: KH/SA\n"), ["symbol-kind 9:9"]);
    }

    #[test]
    fn only_a_legal_document_carries_the_year() {
        assert_eq!(found("symbol: 2024/CTr-SA\n"), ["number-year 9:9"]);
        let legal = |extra: &str| {
            placed(&format!(
                "kind: thong-tu-lien-tich\ntitle: Hướng dẫn\nplace: Hà Nội\nyear: 2015\n\
                 issuers: [{{id: a, name: Bộ A, abbr: BA}}, {{id: b, name: Bộ B, abbr: BB}}]\n\
                 articles: [{{title: A, clauses: [x]}}]\nrecipients: [\"Lưu: VT\"]\n\
                 signatures: [{{issuer: a, title: Bộ trưởng, name: X}}, {{issuer: b, title: Bộ trưởng, name: Y}}]\n{extra}"
            ))
        };
        assert_eq!(legal(""), Vec::<String>::new());
        assert_eq!(legal("symbol: 2015/TTLT-BA-BB\n"), Vec::<String>::new());
        assert_eq!(legal("symbol: TTLT-BA-BB\n"), ["number-year 9:9"]);
        assert_eq!(legal("symbol: 2014/TTLT-BA-BB\n"), ["number-year 9:9"]);
    }

    #[test]
    fn symbol_opens_with_the_kind() {
        assert_eq!(found("symbol: KH-SA\n"), ["symbol-kind 9:9"]);
        assert_eq!(found("symbol: CTR-SA\n"), ["symbol-kind 9:9"]);
    }

    #[test]
    fn issuer_abbreviations_fit_in_the_symbol() {
        let yaml = "kind: chuong-trinh\ntitle: Phối hợp\nplace: Huế\nyear: 2024\n\
             issuers: [{id: a, name: Sở A, abbr: S A}]\narticles: [{title: A, clauses: [x]}]\n\
             signatures: [{issuer: a, title: Giám đốc, name: X}]\n";
        let r = check_bytes("t.yaml", yaml.as_bytes());
        assert_eq!(r.report.findings[0].rule.id, "symbol-format");
        assert_eq!(
            r.report.findings[0].path.as_deref(),
            Some("issuers[0].abbr")
        );
    }
}
