//! Citations such as "Nghị định số 45/2010/NĐ-CP ngày 21/4/2010": the date exists, is not after
//! the document's own, agrees with the year in the number, and the type word agrees with the
//! type abbreviation in the number. In căn cứ every citation is held to this, as errors; in the
//! rest of the text (provisions, trích yếu, tables…) only citations with a number ("… số …"), as
//! warnings, since there a type word followed by a date may name an event rather than a text.

use super::Context;
use crate::finding::{Finding, Rule, Severity};
use crate::kind::KINDS;
use crate::spec::Spec;
use chrono::{Datelike, NaiveDate};
use std::sync::LazyLock;

/// A cited date that is impossible or contradicts the number or the document.
pub static BASIS_DATE: Rule = Rule {
    id: "basis-date",
    severity: Severity::Error,
    vi: "Ngày của văn bản được dẫn trong căn cứ không có thật, khác năm ghi trong số hiệu (45/2010/NĐ-CP ↔ năm 2010), hoặc sau ngày ban hành.",
    en: "A cited date that does not exist, differs from the year in the number (45/2010/NĐ-CP ↔ 2010), or is after the document's own.",
};
/// A type word that does not match the abbreviation in the number.
pub static BASIS_TYPE: Rule = Rule {
    id: "basis-type",
    severity: Severity::Error,
    vi: "Tên loại văn bản được dẫn không khớp chữ viết tắt trong số hiệu (Nghị định ↔ NĐ-CP, Thông tư ↔ TT-…, Quyết định ↔ QĐ-…, Nghị quyết ↔ NQ-… hoặc QH…, Luật ↔ QH…).",
    en: "The cited type word does not match the abbreviation in its number (Nghị định ↔ NĐ-CP, Thông tư ↔ TT-…, Luật ↔ QH…).",
};

/// [`BASIS_DATE`] for a citation outside the căn cứ.
pub static CITE_DATE: Rule = Rule {
    id: "cite-date",
    severity: Severity::Warning,
    vi: "Văn bản được dẫn ngoài căn cứ (trong điều khoản, trích yếu, bảng…) có ngày không có thật, khác năm ghi trong số hiệu, hoặc sau ngày ban hành.",
    en: "A text cited outside the căn cứ (provisions, trích yếu, tables…) with a date that does not exist, differs from the year in its number, or is after the document's own.",
};
/// [`BASIS_TYPE`] for a citation outside the căn cứ.
pub static CITE_TYPE: Rule = Rule {
    id: "cite-type",
    severity: Severity::Warning,
    vi: "Văn bản được dẫn ngoài căn cứ có tên loại không khớp chữ viết tắt trong số hiệu (Nghị định ↔ NĐ-CP, Quyết định ↔ QĐ-…, Kế hoạch ↔ KH-…).",
    en: "A text cited outside the căn cứ whose type word does not match the abbreviation in its number (Nghị định ↔ NĐ-CP, Quyết định ↔ QĐ-…, Kế hoạch ↔ KH-…).",
};

/// The rules of this group.
pub const RULES: &[&Rule] = &[&BASIS_DATE, &BASIS_TYPE, &CITE_DATE, &CITE_TYPE];

/// How citations are held where they stand: in căn cứ, or in the rest of the text.
struct Standard {
    date: &'static Rule,
    kind: &'static Rule,
    /// Only citations with a number are read (outside căn cứ).
    numbered_only: bool,
}

const IN_BASES: Standard = Standard {
    date: &BASIS_DATE,
    kind: &BASIS_TYPE,
    numbered_only: false,
};

const IN_TEXT: Standard = Standard {
    date: &CITE_DATE,
    kind: &CITE_TYPE,
    numbered_only: true,
};

/// Type words of the texts a căn cứ cites that are not kinds vanban lays out, and the
/// abbreviations their numbers carry (Phụ lục III; "QH…" for laws and resolutions of the Quốc
/// hội, "202/2025/QH15"; "UBTVQH…" for resolutions and ordinances of its Standing Committee,
/// "76/2025/UBTVQH15", whose numbers carry no "NQ" or "PL").
const CITED_TYPES: [(&str, &[&str]); 10] = [
    ("Nghị định", &["NĐ"]),
    ("Nghị quyết", &["NQ", "QH", "UBTVQH"]),
    ("Thông tư", &["TT"]),
    ("Chỉ thị", &["CT"]),
    ("Bộ luật", &["QH"]),
    ("Luật", &["QH"]),
    ("Pháp lệnh", &["PL", "UBTVQH"]),
    ("Hướng dẫn", &["HD"]),
    ("Kết luận", &["KL"]),
    ("Quy định", &["QĐ", "QyĐ"]),
];

/// Every type word read as a citation and the abbreviations its number may carry:
/// [`CITED_TYPES`], then each document kind's citation word from [`crate::kind::KINDS`] (once
/// per word). Longest first (a stable sort), so that where two words start at the same place
/// (one is then the start of the other: "Thông tư liên tịch", "Thông tư") the longer one is
/// read, and an abbreviation two words carry is named after the longer ("QĐ": "Quyết định").
static TYPES: LazyLock<Vec<(&str, &[&str])>> = LazyLock::new(|| {
    let mut all = CITED_TYPES.to_vec();
    for cited in KINDS.iter().filter_map(|k| k.cited_as.as_ref()) {
        if all.iter().all(|(word, _)| *word != cited.word) {
            all.push((cited.word, cited.abbreviations));
        }
    }
    all.sort_by_key(|(word, _)| std::cmp::Reverse(word.len()));
    all
});

/// One citation found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation<'a> {
    /// The type word as written ("Nghị định").
    pub kind: &'a str,
    /// Index into [`TYPES`].
    kind_index: usize,
    /// The number and symbol ("45/2010/NĐ-CP"), if given.
    pub number: Option<&'a str>,
    /// The date as written ("21/4/2010"), if given.
    pub date_text: Option<&'a str>,
    /// Day, month and year read from the date.
    pub date: Option<(u32, u32, i32)>,
}

/// Finds the citations in one text.
pub fn citations(text: &str) -> Vec<Citation<'_>> {
    let mut out = Vec::new();
    let mut at = 0;
    // Where each type word next occurs at or after `at` (None: nowhere). A word is searched
    // again only once `at` has passed it, so every word is scanned over the text once: linear
    // time however many citations a (hostile) text holds.
    let mut next: Vec<Option<usize>> = TYPES.iter().map(|(word, _)| text.find(word)).collect();
    while at < text.len() {
        for (k, (word, _)) in TYPES.iter().enumerate() {
            if next[k].is_some_and(|p| p < at) {
                next[k] = text[at..].find(word).map(|i| at + i);
            }
        }
        let found = next
            .iter()
            .enumerate()
            .filter_map(|(k, p)| p.map(|p| (p, k)))
            .min();
        let Some((start, k)) = found else { break };
        let word = TYPES[k].0;
        let mut cursor = start + word.len();
        at = cursor;
        let boundary = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
            && text[cursor..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
        if !boundary {
            continue;
        }
        let mut citation = Citation {
            kind: &text[start..cursor],
            kind_index: k,
            number: None,
            date_text: None,
            date: None,
        };
        if let Some(after) = text[cursor..].trim_start().strip_prefix("số ") {
            let token_start = text.len() - after.trim_start().len();
            let token = token_at(text, token_start);
            if token.chars().next().is_some_and(|c| c.is_ascii_digit()) {
                citation.number = Some(token);
                cursor = token_start + token.len();
            }
        }
        // The date follows the number; a law cited without a number has its name first.
        let date_at = if citation.number.is_some() {
            text[cursor..]
                .trim_start()
                .starts_with("ngày ")
                .then(|| text.len() - text[cursor..].trim_start().len())
        } else {
            // A law's name runs to the next ";" or ",", and is never longer than this.
            let window = text.floor_char_boundary(cursor + 400);
            let clause_end = text[cursor..window]
                .find([';', ','])
                .map_or(window, |i| cursor + i);
            text[cursor..clause_end].find("ngày ").map(|i| cursor + i)
        };
        if let Some(after) = date_at.and_then(|at| text[at..].strip_prefix("ngày ")) {
            let date_start = text.len() - after.trim_start().len();
            if let Some((len, date)) = read_date(&text[date_start..]) {
                citation.date_text = Some(&text[date_start..date_start + len]);
                citation.date = Some(date);
                cursor = date_start + len;
            }
        }
        at = cursor;
        out.push(citation);
    }
    out
}

/// The number token at `start`: up to white space or `,;()`.
fn token_at(text: &str, start: usize) -> &str {
    let rest = &text[start..];
    let end = rest
        .find(|c: char| c.is_whitespace() || ",;()".contains(c))
        .unwrap_or(rest.len());
    &rest[..end]
}

/// A date "21/4/2010" (also with "-" or ".") or "21 tháng 4 năm 2010": its length and parts.
fn read_date(text: &str) -> Option<(usize, (u32, u32, i32))> {
    let digits = |s: &str| {
        let n = s.chars().take_while(char::is_ascii_digit).count();
        (n > 0).then(|| (s[..n].parse::<i64>().ok(), n))
    };
    let (day, n1) = digits(text)?;
    let rest = &text[n1..];
    if let Some(sep) = rest.chars().next().filter(|c| "/-.".contains(*c)) {
        let rest = &rest[1..];
        let (month, n2) = digits(rest)?;
        let rest = rest[n2..].strip_prefix(sep)?;
        let (year, n3) = digits(rest)?;
        let len = n1 + 1 + n2 + 1 + n3;
        return Some((len, (day? as u32, month? as u32, year? as i32)));
    }
    let rest = rest.strip_prefix(" tháng ")?;
    let (month, n2) = digits(rest)?;
    let rest = rest[n2..].strip_prefix(" năm ")?;
    let (year, n3) = digits(rest)?;
    let len = text.len() - rest[n3..].len();
    Some((len, (day? as u32, month? as u32, year? as i32)))
}

/// The year a number carries ("45/2010/NĐ-CP" → 2010) and its type abbreviation ("NĐ"; "NQ"
/// for a Party number "58-NQ/TW"; "QH" for "64/2025/QH15"; "NQLT" also when a joint number is
/// written with a slash, "01/2014/NQLT/CP-UBTƯMTTQVN").
fn read_number(number: &str) -> (Option<i32>, Option<&str>) {
    let parts: Vec<&str> = number.split('/').collect();
    let is_year = |y: &str| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [_, y, first, ..] if is_year(y) => (y.parse().ok(), first.split('-').next()),
        [first, _] if first.contains('-') => (None, first.split('-').nth(1)),
        [.., last] if parts.len() > 1 => (None, last.split('-').next()),
        _ => (None, None),
    }
}

/// Runs the citation rules: on every căn cứ, then on every other text of the spec.
pub fn check(cx: &Context, spec: &Spec) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, basis) in spec.bases.iter().enumerate() {
        check_text(cx, spec, &format!("bases[{i}]"), basis, &IN_BASES, &mut out);
    }
    let outside_bases = |path: &str| path != "bases" && !path.starts_with("bases[");
    for scalar in cx.index.scalars().iter().filter(|s| outside_bases(&s.path)) {
        check_text(cx, spec, &scalar.path, &scalar.value, &IN_TEXT, &mut out);
    }
    out
}

/// The citations of one text, at YAML path `path`.
fn check_text(
    cx: &Context,
    spec: &Spec,
    path: &str,
    text: &str,
    standard: &Standard,
    out: &mut Vec<Finding>,
) {
    let own_year = spec.issued().map(|d| d.year()).or(spec.year);
    for c in citations(text) {
        if standard.numbered_only && c.number.is_none() {
            continue;
        }
        let mut push = |rule, needle: &str, message: String| {
            let mut f = Finding::at(rule, cx.index, path, message);
            f.span = cx.index.locate_text(cx.source, path, needle);
            out.push(f);
        };
        let cited = format!("{} số {}", c.kind, c.number.unwrap_or("…"));
        if let (Some((d, m, y)), Some(text)) = (c.date, c.date_text) {
            let real = NaiveDate::from_ymd_opt(y, m, d);
            let (number_year, _) = c.number.map(read_number).unwrap_or((None, None));
            if real.is_none() {
                push(
                    standard.date,
                    text,
                    format!("{cited}: ngày {text} không có thật"),
                );
            } else if let Some(ny) = number_year.filter(|ny| *ny != y) {
                push(
                    standard.date,
                    text,
                    format!("{cited}: số hiệu ghi năm {ny} nhưng ngày ban hành {text} ở năm {y}"),
                );
            } else if let (Some(real), Some(own)) = (real, own_year) {
                let after_own = match spec.issued() {
                    Some(own_date) => real > own_date,
                    None => y > own,
                };
                if after_own {
                    push(
                        standard.date,
                        text,
                        format!("{cited}: ngày {text} sau ngày ban hành của chính văn bản này"),
                    );
                }
            }
        }
        let Some(number) = c.number else { continue };
        let (_, Some(abbreviation)) = read_number(number) else {
            continue;
        };
        let expected = TYPES[c.kind_index].1;
        let fold = |s: &str| s.replace('Đ', "D").replace('đ', "d");
        if !expected
            .iter()
            .any(|e| fold(abbreviation).starts_with(&fold(e)))
        {
            let actual = TYPES
                .iter()
                .find(|(_, abbrs)| abbrs.iter().any(|a| fold(a) == fold(abbreviation)))
                .map(|(word, _)| format!(" (là chữ viết tắt của {})", word.to_lowercase()))
                .unwrap_or_default();
            push(
                standard.kind,
                number,
                format!(
                    "{cited}: \"{}\" cần chữ viết tắt {} trong số hiệu, nhưng số hiệu ghi `{abbreviation}`{actual}",
                    c.kind,
                    expected.join(" hoặc ")
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::described;

    #[test]
    fn citations_are_read_in_both_number_forms_and_date_forms() {
        let c = citations(
            "Nghị định số 45/2010/NĐ-CP ngày 21/4/2010 của Chính phủ; Nghị quyết số 58-NQ/TW ngày 05 tháng 8 năm 2020; Luật Tổ chức chính quyền địa phương ngày 19/6/2015",
        );
        let got: Vec<_> = c.iter().map(|c| (c.kind, c.number, c.date)).collect();
        assert_eq!(
            got,
            [
                ("Nghị định", Some("45/2010/NĐ-CP"), Some((21, 4, 2010))),
                ("Nghị quyết", Some("58-NQ/TW"), Some((5, 8, 2020))),
                ("Luật", None, Some((19, 6, 2015))),
            ]
        );
        assert_eq!(read_number("45/2010/NĐ-CP"), (Some(2010), Some("NĐ")));
        assert_eq!(read_number("58-NQ/TW"), (None, Some("NQ")));
        assert_eq!(read_number("64/2025/QH15"), (Some(2025), Some("QH15")));
        assert_eq!(read_number("5632/QĐ-UBND"), (None, Some("QĐ")));
    }

    fn found(bases: &[&str]) -> Vec<String> {
        let bases: Vec<String> = bases.iter().map(|b| format!("\"{b}\"")).collect();
        let yaml = format!(
            "kind: quy-che\ntitle: Phối hợp\nplace: Huế\ndate: 2023-06-15\n\
             issuers: [{{id: a, name: Sở A, abbr: SA}}]\narticles: [{{title: A, clauses: [x]}}]\n\
             signatures: [{{issuer: a, title: Giám đốc, name: X}}]\nbases: [{}]\n",
            bases.join(", ")
        );
        described(&yaml)
    }

    #[test]
    fn good_citations_pass() {
        let f = found(&[
            "Nghị định số 45/2010/NĐ-CP ngày 21/4/2010 của Chính phủ",
            "Thông tư số 03/2013/TT-BNV ngày 16/4/2013",
            "Quyết định số 5632/QĐ-UBND ngày 31/12/2015",
            "Luật số 64/2025/QH15",
            "Nghị quyết số 58-NQ/TW ngày 05/8/2020",
            // An ordinance's number carries "PL", then its issuer's "UBTVQH11".
            "Pháp lệnh số 35/2007/PL-UBTVQH11 ngày 21/6/2007",
            // Resolutions of the Quốc hội and of its Standing Committee carry no "NQ".
            "Nghị quyết số 202/2025/QH15 của Quốc hội",
            "Nghị quyết số 76/2025/UBTVQH15",
        ]);
        // The law of 2025 is cited by a 2023 document only by number: no date to compare (so
        // too the resolutions).
        assert_eq!(f, Vec::<String>::new());
    }

    #[test]
    fn impossible_mismatched_and_future_dates() {
        let f = found(&[
            "Nghị định số 45/2010/NĐ-CP ngày 30/02/2010",
            "Nghị định số 45/2010/NĐ-CP ngày 21/4/2011",
            "Quyết định số 12/QĐ-UBND ngày 01/7/2023",
        ]);
        assert_eq!(f.len(), 3, "{f:?}");
        assert!(
            f[0].starts_with("basis-date 8:42 ") && f[0].contains("không có thật"),
            "{f:?}"
        );
        assert!(
            f[1].contains("năm 2010") && f[1].contains("năm 2011"),
            "{f:?}"
        );
        assert!(f[2].contains("sau ngày ban hành"), "{f:?}");
    }

    #[test]
    fn type_word_must_match_the_abbreviation() {
        let f = found(&[
            "Nghị định số 03/2013/TT-BNV ngày 16/4/2013",
            "Quyết định số 58-NQ/TW ngày 05/8/2020",
            "Luật số 12/2020/NĐ-CP ngày 01/01/2020",
        ]);
        assert_eq!(f.len(), 3, "{f:?}");
        assert!(
            f[0].starts_with("basis-type 8:23 ") && f[0].contains("thông tư"),
            "{f:?}"
        );
        assert!(f[1].contains("`NQ`"), "{f:?}");
        assert!(f[2].contains("QH"), "{f:?}");
    }

    fn found_in_clause(clause: &str) -> Vec<String> {
        described(&crate::check::spec_with_clause(clause))
    }

    #[test]
    fn numbered_citations_in_provisions_are_warnings() {
        let f = found_in_clause(
            "Thực hiện Quyết định số 12/2020/TT-UBND ngày 30/02/2020 và Kế hoạch số 05/KH-SA ngày 01/7/2023.",
        );
        assert_eq!(f.len(), 3, "{f:?}");
        assert!(
            f[0].starts_with("cite-type 6:"),
            "the type word against the abbreviation: {f:?}"
        );
        assert!(
            f[1].starts_with("cite-date 6:") && f[1].contains("không có thật"),
            "{f:?}"
        );
        assert!(
            f[2].starts_with("cite-date 6:") && f[2].contains("sau ngày ban hành"),
            "{f:?}"
        );
        let spec = crate::check::spec_with_clause("Theo Quyết định số 12/NQ-UBND");
        let checked = crate::check::check_bytes("t.yaml", spec.as_bytes());
        assert_eq!(
            checked.report.findings.len(),
            1,
            "{:?}",
            checked.report.findings
        );
        assert!(!checked.has_errors(), "warnings do not stop the render");
    }

    #[test]
    fn an_unnumbered_type_word_in_a_provision_is_not_a_citation() {
        // An event named like a text, with a date after the document's own.
        let f = found_in_clause(
            "Tổ chức Chương trình “Xuân yêu thương” ngày 20/01/2024; góp ý Luật sư ngày 31/02/2024.",
        );
        assert_eq!(f, Vec::<String>::new());
        let f = found_in_clause("Theo Nghị định số 45/2010/NĐ-CP ngày 21/4/2010 của Chính phủ.");
        assert_eq!(f, Vec::<String>::new());
    }

    #[test]
    fn a_text_full_of_type_words_is_read_in_one_pass() {
        // Quadratic reading (each type word searched again from every citation) would not
        // finish on this: 80 000 citations, 14 type words that never occur.
        let text = "Luật ".repeat(60_000) + &"Luật số 1/NĐ ".repeat(20_000);
        let found = citations(&text);
        assert_eq!(found.len(), 80_000);
        assert_eq!(found.iter().filter(|c| c.number.is_some()).count(), 20_000);
        // A law's name is read for its date only as far as a name can run.
        let long = format!("Luật {} ngày 19/6/2015", "x".repeat(1000));
        assert_eq!(citations(&long)[0].date, None);
        let short = "Luật Tổ chức chính quyền địa phương ngày 19/6/2015";
        assert_eq!(citations(short)[0].date, Some((19, 6, 2015)));
    }
}
