//! The heading of a document, up to its title: the issuing bodies, "Số: …", the place and date
//! line, and the title line that names the kind (read from the table of kinds,
//! [`crate::kind::KINDS`]).

use super::lines::{Cell, Line};
use crate::kind::Kind;

/// What the heading says.
#[derive(Debug, Default)]
pub struct Heading {
    /// The issuing bodies, lead body first.
    pub issuers: Vec<IssuerText>,
    /// The registry number, when it is filled in.
    pub number: Option<u32>,
    /// The year a legal document's number carries ("26/2025/QĐ-UBND").
    pub number_year: Option<i32>,
    /// The ký hiệu after the number ("KH-UBND-MTTQ").
    pub symbol: Option<String>,
    /// Where the "Số: …" line is (0 when there is none).
    pub number_at: usize,
    /// The place of the date line.
    pub place: Option<String>,
    /// The date, when day and month are filled in.
    pub date: Option<chrono::NaiveDate>,
    /// The year of the date line.
    pub year: Option<i32>,
    /// The date line as written when it has blanks but is not blank throughout ("ngày
    /// tháng 8 năm 2025"): the spec holds the year only.
    pub partial_date: Option<Line>,
    /// The name of the political system that a Party or Đoàn document's heading prints where
    /// ND 30 prints the Quốc hiệu ("ĐOÀN TNCS HỒ CHÍ MINH", "ĐẢNG CỘNG SẢN VIỆT NAM"): not
    /// an issuer.
    pub system: Option<Line>,
    /// Lines the heading holds that are none of these, with where they are.
    pub other: Vec<Line>,
}

/// The names a Party or Đoàn heading prints in the Quốc hiệu's place, letters only.
const SYSTEM_NAMES: &[&str] = &[
    "ĐẢNGCỘNGSẢNVIỆTNAM",
    "ĐOÀNTNCSHỒCHÍMINH",
    "ĐOÀNTHANHNIÊNCỘNGSẢNHỒCHÍMINH",
];

/// Whether a heading line is one of [`SYSTEM_NAMES`].
fn is_system_name(text: &str) -> bool {
    let letters: String = text
        .to_uppercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    SYSTEM_NAMES.contains(&letters.as_str())
}

/// One issuing body as the heading prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuerText {
    /// Cơ quan chủ quản lines, if any.
    pub parent: Option<String>,
    /// Its name (one line per printed line).
    pub name: String,
}

/// The kind a title line names and what follows the type name on the same line: the longest
/// type name of the table of kinds that the line is or starts with (in capitals, as a title
/// prints it).
pub fn kind_line(text: &str) -> Option<(Kind, String)> {
    Kind::all()
        .filter(|k| {
            let name = k.type_name();
            text == name || text.starts_with(&format!("{name} "))
        })
        .max_by_key(|k| k.type_name().len())
        .map(|k| {
            let rest = text
                .char_indices()
                .nth(k.type_name().chars().count())
                .map_or("", |(i, _)| &text[i..]);
            (k, rest.trim().to_owned())
        })
}

/// Whether a line is the Quốc hiệu and Tiêu ngữ of the heading, or a piece of them as a copy
/// breaks and joins them ("CỘNG HÒA XÃ", "CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc"), or a
/// drawn rule under them.
pub fn is_motto(text: &str) -> bool {
    let letters: String = text
        .to_uppercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    let piece = |motto: &str| letters.chars().count() >= 6 && motto.contains(&letters);
    piece("CỘNGHÒAXÃHỘICHỦNGHĨAVIỆTNAMĐỘCLẬPTỰDOHẠNHPHÚC")
        || piece("CỘNGHOÀXÃHỘICHỦNGHĨAVIỆTNAMĐỘCLẬPTỰDOHẠNHPHÚC")
        || is_rule(text)
}

/// A line of dashes, underscores or stars (a drawn rule).
pub fn is_rule(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| "-–—_*=.…".contains(c) || c.is_whitespace())
}

/// Reads the heading lines (everything before the title line).
pub fn read(lines: &[Line]) -> Heading {
    let mut heading = Heading::default();
    // Issuer lines grouped by the table cell holding them (one group outside tables).
    let mut groups: Vec<(Option<Cell>, Vec<&Line>)> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        // A copy from a PDF may run the two columns of the heading into one line: "ỦY BAN
        // NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".
        let text = [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        ]
        .iter()
        .find_map(|motto| line.text.split_once(motto))
        .map_or(line.text.as_str(), |(before, _)| before.trim());
        if text.is_empty() || is_motto(text) {
            continue;
        }
        if let Some(rest) = number_line(text) {
            heading.number_at = line.at;
            // "Số: 552/KH-UBND Đồng Tháp, ngày 19 …": a PDF copy may run the number and the
            // date of the two columns into one line.
            let slash = rest.find('/').unwrap_or(0);
            let (number, after) = match rest[slash..].find(char::is_whitespace) {
                Some(i) if date_line(rest[slash + i..].trim()).is_some() => {
                    rest.split_at(slash + i)
                }
                _ => (rest, ""),
            };
            read_number(number, &mut heading);
            if let Some((place, date, year)) = date_line(after.trim()) {
                heading.place = Some(place);
                heading.date = date;
                heading.year = year;
            }
            continue;
        }
        if let Some((place, date, year)) = date_line(text) {
            // A day or a month written beside a blank ("ngày    tháng 8"): kept to be noted.
            let written = text
                .split_once(", ngày")
                .map(|(_, r)| r.split("năm").next().unwrap_or(""))
                .is_some_and(|r| r.chars().any(|c| c.is_ascii_digit()));
            if date.is_none() && written {
                heading.partial_date = Some(line.clone());
            }
            heading.place = Some(place);
            heading.date = date;
            heading.year = year;
            continue;
        }
        // The system's name in the right-hand column of a heading table, or on a line of its
        // own that no issuer line follows (else it is an issuer's cơ quan chủ quản).
        let next_is_issuer = lines
            .get(i + 1)
            .is_some_and(|l| l.cell == line.cell && is_issuer_text(&l.text));
        if heading.system.is_none()
            && is_system_name(text)
            && line.cell.map_or(!next_is_issuer, |c| c.column > 0)
        {
            heading.system = Some(line.clone());
            continue;
        }
        if is_issuer_text(text) {
            let key = line.cell;
            match groups.last_mut() {
                Some((k, names)) if *k == key => names.push(line),
                _ => groups.push((key, vec![line])),
            }
            continue;
        }
        heading.other.push(line.clone());
    }
    let count = symbol_issuers(heading.symbol.as_deref()).len();
    for (_, names) in groups {
        if names.iter().any(|l| l.bold) {
            heading.issuers.extend(bold_issuers(&names));
        } else {
            let texts = names.iter().map(|l| l.text.clone()).collect();
            heading.issuers.extend(issuers(texts, count));
        }
    }
    heading
}

/// The text after "Số:" ("Số: 12/KH-UBND", "Số 12/KH-UBND").
fn number_line(text: &str) -> Option<&str> {
    let rest = text
        .strip_prefix("Số")
        .or_else(|| text.strip_prefix("SỐ"))?;
    let rest = rest.trim_start();
    let rest = rest.strip_prefix(':').unwrap_or(rest).trim();
    rest.contains('/').then_some(rest)
}

/// "12/KH-UBND", "   /KH-UBND", "26/2025/QĐ-UBND"; and the Party and Đoàn form, number and
/// ký hiệu joined by a hyphen: "01-KH/ĐTN", "  - KH/ĐTN".
fn read_number(rest: &str, heading: &mut Heading) {
    // A ký hiệu has no spaces: "CV - ĐTN" is "CV-ĐTN".
    let rest: String = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    let rest = rest
        .replace(" -", "-")
        .replace("- ", "-")
        .replace(" /", "/")
        .replace("/ ", "/");
    let mut parts: Vec<&str> = rest.split('/').map(str::trim).collect();
    if let Some((number, symbol)) = parts[0].split_once('-')
        && number.trim().chars().all(|c| c.is_ascii_digit())
    {
        heading.number = number.trim().parse().ok();
        parts[0] = symbol.trim();
        let symbol = parts.join("/");
        heading.symbol = (!symbol.is_empty()).then_some(symbol);
        return;
    }
    heading.number = parts.first().and_then(|n| n.parse().ok());
    let mut tail = &parts[1..];
    if let Some(year) = tail
        .first()
        .filter(|_| tail.len() > 1)
        .and_then(|y| y.parse::<i32>().ok())
    {
        heading.number_year = Some(year);
        tail = &tail[1..];
    }
    let symbol = tail.join("/");
    if !symbol.is_empty() {
        heading.symbol = Some(symbol);
    }
}

/// The issuers' abbreviations a ký hiệu names after the kind's ("KH-UBND-MTTQ" → UBND, MTTQ).
pub fn symbol_issuers(symbol: Option<&str>) -> Vec<String> {
    symbol
        .map(|s| s.split('-').skip(1).map(str::to_owned).collect())
        .unwrap_or_default()
}

/// "Thanh Hóa, ngày 05 tháng 3 năm 2025" → place, date (when day and month are given) and
/// year.
pub fn date_line(text: &str) -> Option<(String, Option<chrono::NaiveDate>, Option<i32>)> {
    let (place, rest) = text.split_once(", ngày")?;
    let number = |s: &str| -> Option<u32> {
        s.split_whitespace()
            .next()
            .and_then(|w| w.trim_matches(|c: char| !c.is_ascii_digit()).parse().ok())
    };
    let (day, rest) = rest.split_once("tháng")?;
    let (month, year) = rest.split_once("năm")?;
    let year = number(year).and_then(|y| i32::try_from(y).ok());
    let date = match (number(day), number(month), year) {
        (Some(d), Some(m), Some(y)) => chrono::NaiveDate::from_ymd_opt(y, m, d),
        _ => None,
    };
    Some((place.trim().to_owned(), date, year))
}

/// Whether a heading line names a body: in capitals, without the marks of other lines.
fn is_issuer_text(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| !c.is_lowercase())
}

/// The bodies of one group of heading lines of a Word document that sets names in bold (as
/// ND 30 asks): each bold paragraph is a body's name (its lines as broken there), the lines
/// not in bold before it its cơ quan chủ quản; a bold paragraph opening with TỈNH, HUYỆN…
/// continues the name before it.
fn bold_issuers(lines: &[&Line]) -> Vec<IssuerText> {
    let mut out = Vec::new();
    let mut parent: Vec<&str> = Vec::new();
    let mut name: Vec<&str> = Vec::new();
    let mut name_at = None;
    for line in lines {
        let continues = name_at == Some(line.at)
            || continues_name(&line.text)
            || name.last().is_some_and(|last| ends_open(last));
        if line.bold && (name.is_empty() || continues) {
            name.push(&line.text);
            name_at = Some(line.at);
            continue;
        }
        if !name.is_empty() {
            out.push(IssuerText {
                parent: (!parent.is_empty()).then(|| parent.join("\n")),
                name: name.join("\n"),
            });
            parent.clear();
            name.clear();
        }
        if line.bold {
            name.push(&line.text);
            name_at = Some(line.at);
        } else {
            parent.push(&line.text);
        }
    }
    if !name.is_empty() {
        out.push(IssuerText {
            parent: (!parent.is_empty()).then(|| parent.join("\n")),
            name: name.join("\n"),
        });
    }
    out
}

/// Whether a heading line ends where a name cannot end, so the next line goes on with it:
/// after a linking word or a dash ("TỔ GIÚP VIỆC VỀ" / "CẢI CÁCH HÀNH CHÍNH").
fn ends_open(line: &str) -> bool {
    let last = line.split_whitespace().last().unwrap_or("");
    [
        "VỀ", "VÀ", "CỦA", "CHO", "VỚI", "TẠI", "THUỘC", "TRONG", "-", "–", "&",
    ]
    .contains(&last)
        || line.ends_with(',')
}

/// Whether a heading line continues the name on the line before ("TỈNH THANH HÓA" under
/// "ỦY BAN NHÂN DÂN").
fn continues_name(line: &str) -> bool {
    [
        "TỈNH ",
        "THÀNH PHỐ ",
        "HUYỆN ",
        "QUẬN ",
        "XÃ ",
        "PHƯỜNG ",
        "THỊ XÃ ",
    ]
    .iter()
    .any(|w| line.starts_with(w))
}

/// The bodies of one group of heading lines. When the ký hiệu names as many bodies as there
/// are lines, each line is a body; a line joining names with a dash ("SỞ TƯ PHÁP – CÔNG AN
/// TỈNH") is as many bodies; otherwise the group is one body, its last name line under the
/// parent lines (a line opening with TỈNH, HUYỆN… continues the line before it).
fn issuers(lines: Vec<String>, count: usize) -> Vec<IssuerText> {
    let single = |name: &str| IssuerText {
        parent: None,
        name: name.to_owned(),
    };
    if count > 1 && lines.len() == count {
        return lines.iter().map(|l| single(l)).collect();
    }
    if lines.len() == 1 {
        let parts: Vec<&str> = lines[0]
            .split(" – ")
            .flat_map(|p| p.split(" - "))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if parts.len() > 1 {
            return parts.into_iter().map(single).collect();
        }
    }
    let mut merged: Vec<String> = Vec::new();
    for line in lines {
        let continues = continues_name(&line) || merged.last().is_some_and(|last| ends_open(last));
        match merged.last_mut() {
            Some(last) if continues => {
                last.push('\n');
                last.push_str(&line);
            }
            _ => merged.push(line),
        }
    }
    let name = merged.pop().unwrap_or_default();
    let parent = (!merged.is_empty()).then(|| merged.join("\n"));
    vec![IssuerText { parent, name }]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, column: Option<usize>) -> Line {
        Line {
            text: text.to_owned(),
            at: 1,
            bold: false,
            centred: false,
            role: None,
            cell: column.map(|column| super::super::lines::Cell {
                table: 0,
                row: 0,
                column,
            }),
        }
    }

    /// The Party and Đoàn form joins number and ký hiệu with a hyphen ("01-KH/ĐTN"), and its
    /// heading puts the system's name where the Quốc hiệu stands.
    #[test]
    fn heading_of_a_doan_document() {
        for (text, number, symbol) in [
            ("Số: 01-KH/ĐTN", Some(1), "KH/ĐTN"),
            ("Số: - KH/ĐTN", None, "KH/ĐTN"),
            ("Số: 12 - KH/TĐTN-VP", Some(12), "KH/TĐTN-VP"),
            ("Số: 12/KH-UBND", Some(12), "KH-UBND"),
            ("Số: /KH-UBND", None, "KH-UBND"),
            ("Số: /CV - ĐTN", None, "CV-ĐTN"),
        ] {
            let h = read(&[
                line("BCH ĐOÀN XÃ PHÚC THỊNH", Some(0)),
                line(text, Some(0)),
                line("ĐOÀN TNCS HỒ CHÍ MINH", Some(1)),
            ]);
            assert_eq!(h.number, number, "{text}");
            assert_eq!(h.symbol.as_deref(), Some(symbol), "{text}");
            assert_eq!(h.issuers.len(), 1);
            assert_eq!(
                h.system.map(|l| l.text).as_deref(),
                Some("ĐOÀN TNCS HỒ CHÍ MINH")
            );
        }
        // In the left-hand column, over the body's name, it is the cơ quan chủ quản.
        let h = read(&[
            line("ĐOÀN TNCS HỒ CHÍ MINH", Some(0)),
            line("BCH TỈNH ĐOÀN NGHỆ AN", Some(0)),
        ]);
        assert!(h.system.is_none());
        assert_eq!(h.issuers.len(), 1);
    }

    /// A name broken after a linking word goes on on the next line, in bold or not.
    #[test]
    fn a_name_broken_after_a_linking_word_is_one_name() {
        let bold = |text: &str, bold: bool| Line {
            bold,
            ..line(text, Some(0))
        };
        for b in [true, false] {
            let h = read(&[
                bold("BAN CHỈ ĐẠO", false),
                bold("VỀ PHÁT TRIỂN KHCN, ĐMST, CĐS VÀ ĐỀ ÁN 06", false),
                bold("TỔ GIÚP VIỆC VỀ", b),
                bold("CẢI CÁCH HÀNH CHÍNH", b),
            ]);
            assert_eq!(h.issuers.len(), 1, "bold {b}: {:?}", h.issuers);
            assert_eq!(h.issuers[0].name, "TỔ GIÚP VIỆC VỀ\nCẢI CÁCH HÀNH CHÍNH");
            assert_eq!(
                h.issuers[0].parent.as_deref(),
                Some("BAN CHỈ ĐẠO\nVỀ PHÁT TRIỂN KHCN, ĐMST, CĐS VÀ ĐỀ ÁN 06")
            );
        }
    }

    #[test]
    fn heading_of_one_body_and_of_two() {
        let h = read(&[
            line("ỦY BAN NHÂN DÂN", Some(0)),
            line("TỈNH THANH HÓA", Some(0)),
            line("Số: 12/KH-UBND", Some(0)),
            line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Some(1)),
            line("Độc lập - Tự do - Hạnh phúc", Some(1)),
            line("Thanh Hóa, ngày 05 tháng 3 năm 2025", Some(1)),
        ]);
        assert_eq!(h.issuers.len(), 1);
        assert_eq!(h.issuers[0].name, "ỦY BAN NHÂN DÂN\nTỈNH THANH HÓA");
        assert_eq!(h.number, Some(12));
        assert_eq!(h.symbol.as_deref(), Some("KH-UBND"));
        assert_eq!(h.place.as_deref(), Some("Thanh Hóa"));
        assert_eq!(h.date, chrono::NaiveDate::from_ymd_opt(2025, 3, 5));
        let h = read(&[
            line("SỞ TƯ PHÁP", None),
            line("CÔNG AN TỈNH", None),
            line("Số: /CTr-STP-CAT", None),
            line("Nghệ An, ngày tháng năm 2026", None),
        ]);
        let names: Vec<&str> = h.issuers.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["SỞ TƯ PHÁP", "CÔNG AN TỈNH"]);
        assert_eq!((h.number, h.year, h.date), (None, Some(2026), None));
        assert_eq!(
            kind_line("KẾ HOẠCH PHỐI HỢP").map(|(k, r)| (k.key(), r)),
            Some(("ke-hoach-phoi-hop", String::new()))
        );
        assert_eq!(
            kind_line("KẾ HOẠCH Phối hợp tuyên truyền").map(|(k, r)| (k.key(), r)),
            Some(("ke-hoach", "Phối hợp tuyên truyền".to_owned()))
        );
        assert_eq!(kind_line("Kế hoạch này được"), None);
    }
}
