//! Dates and years: every date must exist, and the issue date, the signing date of the
//! parties, `year` and `period` must tell one story.

use super::Context;
use crate::finding::{Finding, Rule, Severity};
use crate::spec::Spec;
use chrono::Datelike;

/// A date that does not exist.
pub static DATE_IMPOSSIBLE: Rule = Rule {
    id: "date-impossible",
    severity: Severity::Error,
    vi: "Ngày không có thật (30/02) hoặc không viết dạng NĂM-THÁNG-NGÀY.",
    en: "A date that does not exist (30 February) or is not written YYYY-MM-DD.",
};
/// `period.from` after `period.to`.
pub static PERIOD_ORDER: Rule = Rule {
    id: "period-order",
    severity: Severity::Error,
    vi: "Giai đoạn (`period`) có năm bắt đầu sau năm kết thúc.",
    en: "`period` starts after it ends.",
};
/// A date after the period it belongs to.
pub static DATE_PERIOD: Rule = Rule {
    id: "date-period",
    severity: Severity::Error,
    vi: "Ngày ban hành, ngày ký hoặc năm (`date`, `parties.date`, `year`) sau khi giai đoạn (`period`) đã kết thúc.",
    en: "The issue date, signing date or year falls after the `period` has ended.",
};
/// `year` that contradicts a date.
pub static YEAR_MISMATCH: Rule = Rule {
    id: "year-mismatch",
    severity: Severity::Error,
    vi: "Năm (`year`) khác năm của ngày ban hành, hoặc ngày ký (`parties.date`) khác năm ban hành.",
    en: "`year` differs from the year of `date`, or `parties.date` is in another year.",
};

/// The rules of this group.
pub const RULES: &[&Rule] = &[
    &DATE_IMPOSSIBLE,
    &PERIOD_ORDER,
    &DATE_PERIOD,
    &YEAR_MISMATCH,
];

/// Runs the date rules.
pub fn check(cx: &Context, spec: &Spec) -> Vec<Finding> {
    let mut out = Vec::new();
    let f = |rule, path: &str, message: String| Finding::at(rule, cx.index, path, message);
    let dates = [
        ("date", spec.date),
        ("parties.date", spec.parties.as_ref().and_then(|p| p.date)),
    ];
    for (path, date) in dates {
        if let Some(crate::spec::SpecDate(None)) = date {
            let scalars = cx.index.scalars();
            let written = scalars
                .iter()
                .find(|s| s.path == path)
                .map_or("", |s| s.value.as_str());
            out.push(f(
                &DATE_IMPOSSIBLE,
                path,
                format!(
                    "ngày `{written}` không hợp lệ: cần dạng NĂM-THÁNG-NGÀY có thật, ví dụ \
                     2023-06-15"
                ),
            ));
        }
    }
    let date_year = spec.issued().map(|d| d.year());
    if let (Some(year), Some(date)) = (spec.year, date_year)
        && year != date
    {
        out.push(f(
            &YEAR_MISMATCH,
            "year",
            format!("năm `{year}` khác năm của ngày ban hành (`date`, năm {date})"),
        ));
    }
    let year = date_year.or(spec.year);
    if let Some(signed) = spec.parties.as_ref().and_then(|p| p.signed())
        && let Some(year) = year
        && signed.year() != year
    {
        out.push(f(
            &YEAR_MISMATCH,
            "parties.date",
            format!(
                "ngày ký {} ở năm {}, còn văn bản ban hành năm {year}",
                signed.format("%d/%m/%Y"),
                signed.year()
            ),
        ));
    }
    let Some(period) = spec.period else {
        return out;
    };
    if period.from > period.to {
        out.push(f(
            &PERIOD_ORDER,
            "period",
            format!(
                "giai đoạn bắt đầu năm {} nhưng kết thúc năm {}",
                period.from, period.to
            ),
        ));
        return out;
    }
    let mut after = |path: &str, what: &str, y: i32| {
        if y > period.to {
            out.push(f(
                &DATE_PERIOD,
                path,
                format!(
                    "{what} năm {y}, sau khi giai đoạn {}–{} đã kết thúc",
                    period.from, period.to
                ),
            ));
        }
    };
    match (spec.issued(), spec.year) {
        (Some(d), _) => after("date", "ngày ban hành", d.year()),
        (None, Some(y)) => after("year", "văn bản ban hành", y),
        _ => {}
    }
    if let Some(d) = spec.parties.as_ref().and_then(|p| p.signed()) {
        after("parties.date", "ngày ký", d.year());
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::placed;

    const HEAD: &str = "kind: ban-ghi-nho\ntitle: Hợp tác\nplace: Huế\n\
        issuers: [{id: a, name: Sở A, abbr: SA}]\n\
        articles: [{title: Phạm vi, clauses: [Nội dung]}]\n\
        signatures: [{issuer: a, title: Giám đốc, name: Nguyễn Văn A}]\n\
        recipients: [\"Lưu: VT\"]\n";

    fn ids(extra: &str) -> Vec<String> {
        placed(&format!("{HEAD}{extra}"))
    }

    #[test]
    fn year_contradicting_the_date() {
        assert_eq!(ids("date: 2024-03-05\nyear: 2023\n"), ["year-mismatch 9:7"]);
        assert_eq!(ids("date: 2024-03-05\nyear: 2024\n"), Vec::<String>::new());
        assert_eq!(
            ids(
                "year: 2024\nparties: {date: 2023-12-30, members: [{issuer: a, honorific: Ông, name: A}]}\n"
            ),
            ["year-mismatch 9:17"]
        );
    }

    #[test]
    fn dates_that_do_not_exist_are_found_with_the_others() {
        assert_eq!(
            ids("date: 2024-02-30
year: 2023
period: {from: 2025, to: 2023}
"),
            ["date-impossible 8:7", "period-order 10:9"]
        );
        assert_eq!(
            ids("year: 2024
parties: {date: \"15/6/2024\", members: [{issuer: a, honorific: Ông, name: A}]}
"),
            ["date-impossible 9:17"]
        );
    }

    #[test]
    fn dates_after_the_period_and_reversed_periods() {
        assert_eq!(
            ids("date: 2026-01-02\nperiod: {from: 2023, to: 2025}\n"),
            ["date-period 8:7"]
        );
        assert_eq!(
            ids("year: 2026\nperiod: {from: 2023, to: 2025}\n"),
            ["date-period 8:7"]
        );
        // Signed before the period starts: normal.
        assert_eq!(
            ids("date: 2022-12-20\nperiod: {from: 2023, to: 2025}\n"),
            Vec::<String>::new()
        );
        assert_eq!(
            ids("year: 2024\nperiod: {from: 2025, to: 2023}\n"),
            ["period-order 9:9"]
        );
    }
}
