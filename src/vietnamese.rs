//! Vietnamese administrative conventions: Roman numerals, the letters of điểm, dates in words
//! and registry numbers. Submodules: [`encoding`] (legacy TCVN3/VNI text) and [`tones`]
//! (where the tone mark sits: "hoà" or "hòa").

pub mod encoding;
pub mod tones;

/// The letters used for điểm, in order: the Vietnamese alphabet without ă, â, ê, ô, ơ, ư
/// (and without f, j, w, z, which it does not have).
pub const POINT_LETTERS: [&str; 23] = [
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
    "u", "v", "x", "y",
];

/// The letter of the điểm at 0-based `index`, or `None` past "y".
pub fn point_letter(index: usize) -> Option<&'static str> {
    POINT_LETTERS.get(index).copied()
}

/// `n` in upper-case Roman numerals (1 → "I", 14 → "XIV"). Past 3 999 the thousands repeat
/// ("MMMM"), which no document shows: `check` refuses more than
/// [`crate::check::limits::MAX_ROMAN`] parts numbered so.
pub fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// A day or month as ND 30 prints it: days below 10 and months 1 and 2 take a leading zero.
pub fn day_str(day: u32) -> String {
    format!("{day:02}")
}

/// A month as ND 30 prints it: "01", "02", then "3" … "12".
pub fn month_str(month: u32) -> String {
    if month <= 2 {
        format!("{month:02}")
    } else {
        month.to_string()
    }
}

/// A registry number as printed after "Số:": below 10 with a leading zero.
pub fn number_str(number: u32) -> String {
    format!("{number:02}")
}

/// "ngày 05 tháng 3 năm 2020".
pub fn date_words(date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!(
        "ngày {} tháng {} năm {}",
        day_str(date.day()),
        month_str(date.month()),
        date.year()
    )
}

/// The date in words, or the blank the văn thư fills in by hand: "ngày … tháng … năm 2023".
pub fn date_or_blank(date: Option<chrono::NaiveDate>, year: i32) -> String {
    match date {
        Some(d) => date_words(d),
        None => format!("ngày … tháng … năm {year}"),
    }
}

/// Names in running text: "A", "A và B", "A, B và C".
pub fn and_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} và {last}", rest.join(", ")),
    }
}

/// A letter without its Vietnamese marks, for ASCII names and ids: "ộ" → 'o', "Đ" → 'D'
/// (NFD, first code point; đ has no decomposition).
pub fn ascii_letter(c: char) -> char {
    use unicode_normalization::UnicodeNormalization;
    match c {
        'đ' => 'd',
        'Đ' => 'D',
        c => std::iter::once(c).nfd().next().unwrap_or(c),
    }
}

/// "Sở Tư pháp" → "STP": the first letter of each word, in capitals, marks dropped but Đ kept.
pub fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .map(|c| match c {
            'đ' | 'Đ' => 'Đ',
            c => ascii_letter(c).to_ascii_uppercase(),
        })
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// An ASCII id made from a Vietnamese text: its words without marks, lower case, joined by
/// "-", at most `words` of them ("Trách nhiệm của các bên" → "trach-nhiem-cua-cac-ben").
pub fn slug(text: &str, words: usize) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(words)
        .map(|w| {
            w.chars()
                .map(ascii_letter)
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase())
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn point_letters_skip_marked_vowels_and_keep_d_stroke() {
        let letters: Vec<_> = (0..23).map(|i| point_letter(i).unwrap()).collect();
        assert_eq!(letters[..7], ["a", "b", "c", "d", "đ", "e", "g"]);
        assert_eq!(letters[17], "s");
        assert_eq!(letters[22], "y");
        for skipped in ["ă", "â", "ê", "ô", "ơ", "ư", "f", "j", "w", "z"] {
            assert!(
                !letters.contains(&skipped),
                "{skipped} must not be a điểm letter"
            );
        }
        assert_eq!(point_letter(23), None);
    }

    #[test]
    fn ascii_names_initials_and_slugs() {
        assert_eq!(initials("Sở Tư pháp"), "STP");
        assert_eq!(initials("Đài Phát thanh và Truyền hình"), "ĐPTVTH");
        assert_eq!(
            slug("Trách nhiệm của các bên", 8),
            "trach-nhiem-cua-cac-ben"
        );
        assert_eq!(slug("ĐIỀU KHOẢN THI HÀNH", 2), "dieu-khoan");
        assert_eq!(slug("“Ngày Pháp luật” 2025", 8), "ngay-phap-luat-2025");
    }

    #[test]
    fn roman_numerals() {
        let cases = [
            (1, "I"),
            (4, "IV"),
            (9, "IX"),
            (14, "XIV"),
            (40, "XL"),
            (1999, "MCMXCIX"),
        ];
        for (n, want) in cases {
            assert_eq!(roman(n), want);
        }
    }

    #[test]
    fn dates_pad_days_and_only_january_february() {
        let d = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(date_words(d(2020, 1, 5)), "ngày 05 tháng 01 năm 2020");
        assert_eq!(date_words(d(2010, 2, 8)), "ngày 08 tháng 02 năm 2010");
        assert_eq!(date_words(d(2020, 3, 5)), "ngày 05 tháng 3 năm 2020");
        assert_eq!(date_words(d(2019, 6, 29)), "ngày 29 tháng 6 năm 2019");
        assert_eq!(date_words(d(2023, 12, 31)), "ngày 31 tháng 12 năm 2023");
    }

    #[test]
    fn names_are_joined_with_và() {
        let names = |n: &[&str]| and_list(&n.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(names(&[]), "");
        assert_eq!(names(&["A"]), "A");
        assert_eq!(names(&["A", "B"]), "A và B");
        assert_eq!(names(&["A", "B", "C"]), "A, B và C");
    }
}
