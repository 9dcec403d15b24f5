//! Values that load but cannot be meant: a required text left empty, a year outside any
//! plausible range, a text too long for one line of the header or the PDF's metadata. `check`
//! refuses them with the same bounds `render` needs, so that whatever `check` passes renders.

use super::Context;
use crate::finding::{Finding, Rule, Severity};
use crate::spec::{Signature, Spec};
use chrono::Datelike;
use std::ops::RangeInclusive;

/// A required text that is empty or only spaces.
pub static TEXT_EMPTY: Rule = Rule {
    id: "text-empty",
    severity: Severity::Error,
    vi: "Nội dung bắt buộc để trống: trích yếu (`title`), địa danh (`place`), tên cơ quan, chức vụ và họ tên người ký, tên khối chung (`heading.name`), danh xưng và họ tên đại diện.",
    en: "A required text is empty: title, place, an issuer's name, a signer's title or name, the shared heading's name, a representative's honorific or name.",
};
/// A year outside [`YEARS`].
pub static YEAR_RANGE: Rule = Rule {
    id: "year-range",
    severity: Severity::Error,
    vi: "Năm không hợp lý (`year`, `period`, năm của `date` hoặc `parties.date`): cần từ 1945 đến 2100.",
    en: "An implausible year (`year`, `period`, the year of `date` or `parties.date`): from 1945 to 2100.",
};
/// A text longer than its bound ([`TITLE_MAX`], [`NAME_MAX`]).
pub static TEXT_TOO_LONG: Rule = Rule {
    id: "text-too-long",
    severity: Severity::Error,
    vi: "Nội dung quá dài: trích yếu trên 2 000 ký tự, tên cơ quan, địa danh, chức vụ hoặc họ tên trên 500 ký tự (không phải một văn bản thật, và bản PDF/A không ghi được).",
    en: "A text too long: a title over 2,000 characters, a name, place, title or signer over 500 (no real document, and the PDF/A cannot hold it).",
};

/// The rules of this group.
pub const RULES: &[&Rule] = &[&TEXT_EMPTY, &YEAR_RANGE, &TEXT_TOO_LONG];

/// The years a document may carry: from the Declaration of Independence to the end of the
/// century. Also the range `vanban new --nam` takes.
pub const YEARS: RangeInclusive<i32> = 1945..=2100;

/// The longest trích yếu, in characters. Real ones are under 300; the PDF's title metadata is
/// a PDF/A string, which holds at most 32 767 bytes, and the title is written there with the
/// kind's name: measured, a Vietnamese title of 17 000 characters still exports and one of
/// 32 000 does not ("a PDF string is longer than 32767 characters").
pub const TITLE_MAX: usize = 2_000;

/// The longest name, place, chức vụ or họ tên, in characters. Issuer names are the PDF's
/// author metadata (one PDF/A string together).
pub const NAME_MAX: usize = 500;

/// Runs the rules of this group.
pub fn check(cx: &Context, spec: &Spec) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut text = |path: String, what: &str, value: &str, max: usize| {
        let length = value.chars().count();
        if value.trim().is_empty() {
            out.push(Finding::at(
                &TEXT_EMPTY,
                cx.index,
                &path,
                format!("{what} (`{path}`) để trống: cần ghi nội dung"),
            ));
        } else if length > max {
            out.push(Finding::at(
                &TEXT_TOO_LONG,
                cx.index,
                &path,
                format!("{what} (`{path}`) dài {length} ký tự, quá giới hạn {max} ký tự"),
            ));
        }
    };
    text("title".into(), "trích yếu", &spec.title, TITLE_MAX);
    text("place".into(), "địa danh", &spec.place, NAME_MAX);
    for (i, issuer) in spec.issuers.iter().enumerate() {
        text(
            format!("issuers[{i}].name"),
            "tên cơ quan",
            &issuer.name,
            NAME_MAX,
        );
    }
    if let Some(heading) = &spec.heading {
        text(
            "heading.name".into(),
            "tên khối chung",
            &heading.name,
            NAME_MAX,
        );
    }
    if let Some(parties) = &spec.parties {
        for (i, member) in parties.members.iter().enumerate() {
            let at = format!("parties.members[{i}]");
            text(
                format!("{at}.honorific"),
                "danh xưng",
                &member.honorific,
                NAME_MAX,
            );
            text(
                format!("{at}.name"),
                "họ tên đại diện",
                &member.name,
                NAME_MAX,
            );
        }
    }
    let mut signers = |at: &str, signatures: &[Signature]| {
        for (i, signature) in signatures.iter().enumerate() {
            let at = format!("{at}signatures[{i}]");
            text(
                format!("{at}.title"),
                "chức vụ người ký",
                &signature.title,
                NAME_MAX,
            );
            text(
                format!("{at}.name"),
                "họ tên người ký",
                &signature.name,
                NAME_MAX,
            );
        }
    };
    signers("", &spec.signatures);
    for (i, attachment) in spec.attachments.iter().enumerate() {
        signers(&format!("attachments[{i}]."), &attachment.signatures);
    }
    for (i, attachment) in spec.attachments.iter().enumerate() {
        text(
            format!("attachments[{i}].title"),
            "trích yếu văn bản kèm theo",
            &attachment.title,
            TITLE_MAX,
        );
    }
    out.extend(years(cx, spec));
    out
}

/// The `year-range` findings: every year the spec gives, outside [`YEARS`].
fn years(cx: &Context, spec: &Spec) -> Vec<Finding> {
    let date_year = |d: Option<crate::spec::SpecDate>| d.and_then(|d| d.0).map(|d| d.year());
    let given = [
        ("year", "năm", spec.year),
        (
            "period.from",
            "năm bắt đầu giai đoạn",
            spec.period.map(|p| p.from),
        ),
        (
            "period.to",
            "năm kết thúc giai đoạn",
            spec.period.map(|p| p.to),
        ),
        ("date", "năm ban hành", date_year(spec.date)),
        (
            "parties.date",
            "năm ký kết",
            date_year(spec.parties.as_ref().and_then(|p| p.date)),
        ),
    ];
    given
        .into_iter()
        .filter_map(|(path, what, year)| {
            let year = year.filter(|y| !YEARS.contains(y))?;
            Some(Finding::at(
                &YEAR_RANGE,
                cx.index,
                path,
                format!(
                    "{what} {year} không hợp lý: cần từ {} đến {}",
                    YEARS.start(),
                    YEARS.end()
                ),
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::check::described;

    fn spec(header: &str, signer: &str) -> String {
        format!(
            "kind: quy-che\n{header}\nissuers: [{{id: a, name: Sở A, abbr: SA}}]\n\
             articles: [{{title: A, clauses: [x]}}]\n\
             signatures: [{{issuer: a, title: Giám đốc, name: {signer}}}]\n"
        )
    }

    fn rules(yaml: &str) -> Vec<String> {
        described(yaml)
            .into_iter()
            .filter(|d| {
                ["text-empty", "year-range", "text-too-long"].contains(&&d[..d.find(' ').unwrap()])
            })
            .collect()
    }

    #[test]
    fn empty_required_texts_are_errors() {
        let found = rules(&spec("title: \"\"\nplace: \" \"\nyear: 2024", "\"\""));
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found[0].starts_with("text-empty 2:"), "{found:?}");
        assert!(found[2].contains("signatures[0].name"), "{found:?}");
    }

    #[test]
    fn years_outside_the_range_are_errors() {
        let found = rules(&spec(
            "title: T\nplace: Huế\nyear: 10000\nperiod: {from: -5, to: 2025}",
            "X",
        ));
        let ids: Vec<&str> = found.iter().map(|f| &f[..f.find(' ').unwrap()]).collect();
        assert_eq!(ids, ["year-range", "year-range"], "{found:?}");
        assert!(
            rules(&spec(
                "title: T\nplace: Huế\nyear: 1945\nperiod: {from: 1945, to: 2100}",
                "X"
            ))
            .is_empty()
        );
    }

    #[test]
    fn overlong_titles_are_errors() {
        let long = "a".repeat(super::TITLE_MAX + 1);
        let found = rules(&spec(
            &format!("title: {long}\nplace: Huế\nyear: 2024"),
            "X",
        ));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("text-too-long"), "{found:?}");
    }
}
