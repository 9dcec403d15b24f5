//! Số and ký hiệu: groups joined by "-" without spaces (ND 30, Phụ lục I, II.3), the first group
//! the abbreviation of the kind (Phụ lục III), and issuer abbreviations that fit in it.

use super::Context;
use crate::finding::{Finding, Rule, Severity};
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
    vi: "Ký hiệu không mở đầu bằng chữ viết tắt của loại văn bản (CTr, QC, KH, BTT, BGN).",
    en: "The ký hiệu does not open with the kind's abbreviation (CTr, QC, KH, BTT, BGN).",
};

/// The rules of this group.
pub const RULES: &[&Rule] = &[&SYMBOL_FORMAT, &SYMBOL_KIND];

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
    let groups: Vec<&str> = symbol.split('-').collect();
    let problem = if symbol.contains('/') {
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
    }
    out
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
