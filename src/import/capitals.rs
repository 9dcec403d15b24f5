//! A name printed in capitals, written back in the case of running text: the enacting
//! authority of a decision prints as "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NGHỆ AN" over its căn
//! cứ, but the spec's `enacting` is "Chủ tịch Ủy ban nhân dân tỉnh Nghệ An", the words the
//! "(Kèm theo Quyết định … của …)" line uses.
//!
//! The rules, after the capitals of ND 30/2020 (Phụ lục II) for titles, bodies and places:
//!
//! - every word is lower-cased, then
//! - the first letter of the name is a capital;
//! - the phrases of `PHRASES` are written with its capitals: titles ("Chủ tịch", "Giám
//!   đốc", "Tổ trưởng", "Bộ trưởng", "Trưởng ban", "Phó"), the words that open a body's name
//!   ("Ủy ban", "Hội đồng", "Tổ", "Văn phòng", "Đoàn") and a few proper names ("Mặt trận Tổ
//!   quốc", "Việt Nam");
//! - a body named by its field ("Ban", "Cục", "Hội") has the first word after it in capitals
//!   ("Ban Chỉ đạo", "Cục Thuế"); after "Sở" and "Bộ" so has each field the name joins with
//!   "và", "," or "-" ("Sở Tư pháp", "Bộ Lao động - Thương binh và Xã hội");
//! - every word of a place name after "tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã",
//!   "phường", "thị trấn", "đặc khu" is in capitals ("tỉnh Nghệ An"), up to "và", a
//!   punctuation mark, or a title or body of more than one word; a place name broken over two
//!   lines goes on over the break;
//! - abbreviations keep their capitals: a word without a vowel ("HĐND", "MTTQ", "KHCN",
//!   "CĐS", "ĐMST", "VN") or one of `ABBREVIATIONS` ("UBND"); a word with a digit is kept
//!   as written.
//!
//! A name with any lower-case letter is left as written. Proper names the rules do not know
//! ("Hội đồng Thi đua - Khen thưởng", "Đoàn Thanh niên Cộng sản Hồ Chí Minh") come out in
//! lower case: the importer notes that the capitals of proper names are to be checked.

/// What a phrase of `PHRASES` does to the words after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A title or a body: written as listed; ends a place name or a body's field.
    Name,
    /// A body named by its field: the next word in capitals.
    Field,
    /// "Sở", "Bộ": the first word of each field of the name in capitals.
    Fields,
    /// The kind of a place: the words of its name in capitals.
    Place,
    /// A proper name or a phrase that is none of these ("xã hội" is not a commune): written as
    /// listed, ending nothing.
    Word,
}

/// The phrases the rules know, written with their capitals in running text. The longest
/// phrase that starts at a word wins ("Tổ trưởng" over "Tổ", "Hội đồng" over "Hội", "xã hội"
/// over "xã").
const PHRASES: &[(&str, Role)] = &[
    // Titles.
    ("Chủ tịch", Role::Name),
    ("Phó", Role::Name),
    ("Giám đốc", Role::Name),
    ("Tổng Giám đốc", Role::Name),
    ("Tổ trưởng", Role::Name),
    ("Tổ phó", Role::Name),
    ("Bộ trưởng", Role::Name),
    ("Thứ trưởng", Role::Name),
    ("Thủ tướng", Role::Name),
    ("Trưởng ban", Role::Name),
    ("Trưởng đoàn", Role::Name),
    ("Trưởng phòng", Role::Name),
    ("Cục trưởng", Role::Name),
    ("Chi cục trưởng", Role::Name),
    ("Tổng cục trưởng", Role::Name),
    ("Chánh Văn phòng", Role::Name),
    ("Chủ nhiệm", Role::Name),
    ("Viện trưởng", Role::Name),
    ("Hiệu trưởng", Role::Name),
    ("Chánh án", Role::Name),
    // Bodies.
    ("Ủy ban", Role::Name),
    ("UBND", Role::Name),
    ("HĐND", Role::Name),
    ("Hội đồng", Role::Name),
    ("Tổ", Role::Name),
    ("Văn phòng", Role::Name),
    ("Đoàn", Role::Name),
    ("Chính phủ", Role::Name),
    ("Quốc hội", Role::Name),
    ("Tỉnh ủy", Role::Name),
    ("Thành ủy", Role::Name),
    ("Huyện ủy", Role::Name),
    ("Đảng ủy", Role::Name),
    ("Công an", Role::Name),
    ("Ban", Role::Field),
    ("Cục", Role::Field),
    ("Chi cục", Role::Field),
    ("Tổng cục", Role::Field),
    ("Hội", Role::Field),
    ("Viện", Role::Field),
    ("Bệnh viện", Role::Field),
    ("Sở", Role::Fields),
    ("Bộ", Role::Fields),
    // Places.
    ("tỉnh", Role::Place),
    ("thành phố", Role::Place),
    ("TP", Role::Place),
    ("huyện", Role::Place),
    ("quận", Role::Place),
    ("thị xã", Role::Place),
    ("xã", Role::Place),
    ("phường", Role::Place),
    ("thị trấn", Role::Place),
    ("đặc khu", Role::Place),
    // Proper names, and words that only look like the above.
    ("Mặt trận Tổ quốc", Role::Word),
    ("Việt Nam", Role::Word),
    ("Hồ Chí Minh", Role::Word),
    ("xã hội", Role::Word),
];

/// Abbreviations with a vowel, kept in capitals (one without a vowel always is).
const ABBREVIATIONS: &[&str] = &["UBND", "UB"];

/// The letters that make a Vietnamese syllable's vowel, in lower case.
const VOWELS: &str = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ";

/// One word of the name: what stands before its letters, its letters, what stands after, and
/// whether a line break comes before it.
#[derive(Debug)]
struct Word<'a> {
    before: &'a str,
    core: &'a str,
    after: String,
    new_line: bool,
}

/// `text` in the case of running text, when it is written in capitals (see the module's
/// rules); `None` when it has a lower-case letter, or no letter at all.
pub fn running_text(text: &str) -> Option<String> {
    if text.chars().any(char::is_lowercase) || !text.chars().any(char::is_alphabetic) {
        return None;
    }
    let lines: Vec<Vec<Word>> = text.lines().map(words).collect();
    let all: Vec<&Word> = lines.iter().flatten().collect();
    let keys: Vec<String> = all.iter().map(|w| key(w.core)).collect();
    let mut capital = vec![false; all.len()];
    // The phrase of PHRASES at each word, and how many words it takes.
    let phrase_at = |i: usize| {
        PHRASES
            .iter()
            .filter_map(|&(written, role)| {
                let parts: Vec<&str> = written.split(' ').collect();
                let fits = i + parts.len() <= keys.len()
                    && parts
                        .iter()
                        .enumerate()
                        .all(|(j, p)| keys[i + j] == key(p) && (j == 0 || !all[i + j].new_line));
                fits.then_some((parts, role))
            })
            .max_by_key(|(parts, _)| parts.len())
    };
    #[derive(Clone, Copy, PartialEq)]
    enum Run {
        None,
        Place,
        Fields,
    }
    let mut run = Run::None;
    let mut capital_next = true;
    let mut i = 0;
    while i < all.len() {
        let word = all[i];
        if word.new_line && run == Run::Fields {
            run = Run::None;
        }
        let phrase = phrase_at(i);
        // Inside a place name, only a place or a phrase of more words ends it ("xã Tân Hội").
        let in_place = run == Run::Place
            && phrase
                .as_ref()
                .is_none_or(|(p, r)| p.len() == 1 && *r != Role::Place)
            && keys[i] != "và";
        let (len, role) = match phrase {
            Some((parts, role)) if !in_place => {
                for (j, p) in parts.iter().enumerate() {
                    capital[i + j] = p.starts_with(char::is_uppercase);
                }
                (parts.len(), Some(role))
            }
            _ => (1, None),
        };
        if capital_next || in_place {
            capital[i] = true;
        }
        if keys[i] == "và" {
            capital[i] = false;
        }
        run = match role {
            Some(Role::Place) => Run::Place,
            Some(Role::Fields) => Run::Fields,
            Some(Role::Name | Role::Field) => Run::None,
            None if in_place => Run::Place,
            None if keys[i] == "và" && run == Run::Place => Run::None,
            Some(Role::Word) | None => run,
        };
        capital_next = matches!(role, Some(Role::Field | Role::Fields));
        let last = &all[i + len - 1];
        if run == Run::Fields && (keys[i] == "và" || last.after.contains([',', '-'])) {
            capital_next = true;
        }
        // A mark after a word of the place name ends it ("tỉnh Nghệ An,"), not the dot of
        // "TP." or the dash inside "Bà Rịa - Vũng Tàu".
        if run == Run::Place
            && role != Some(Role::Place)
            && !last.after.is_empty()
            && !last.after.ends_with('-')
        {
            run = Run::None;
        }
        i += len;
    }
    let mut text = String::new();
    for (at, word) in all.iter().enumerate() {
        if at > 0 {
            text.push(if word.new_line { '\n' } else { ' ' });
        }
        text.push_str(word.before);
        let kept = word.core.chars().any(|c| c.is_ascii_digit()) || abbreviation(word.core);
        if kept {
            text.push_str(word.core);
        } else if capital[at] {
            text.push_str(&capitalised(&word.core.to_lowercase()));
        } else {
            text.push_str(&word.core.to_lowercase());
        }
        text.push_str(&word.after);
    }
    Some(text)
}

/// The words of a line, a mark standing alone ("-") kept with the word before it.
fn words(line: &str) -> Vec<Word<'_>> {
    let mut words: Vec<Word> = Vec::new();
    for (n, token) in line.split_whitespace().enumerate() {
        let start = token.find(char::is_alphanumeric);
        let Some(start) = start else {
            // A mark alone: after the word before it, with its space.
            match words.last_mut() {
                Some(last) => {
                    last.after.push(' ');
                    last.after.push_str(token);
                }
                None => words.push(Word {
                    before: token,
                    core: "",
                    after: String::new(),
                    new_line: n == 0,
                }),
            }
            continue;
        };
        let end = token
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_alphanumeric())
            .map_or(token.len(), |(i, c)| i + c.len_utf8());
        words.push(Word {
            before: &token[..start],
            core: &token[start..end],
            after: token[end..].to_owned(),
            new_line: n == 0,
        });
    }
    words
}

/// A word as `PHRASES` are compared: in lower case, "uỷ" as "ủy".
fn key(word: &str) -> String {
    word.to_lowercase().replace("uỷ", "ủy")
}

/// Whether a word in capitals is an abbreviation.
fn abbreviation(word: &str) -> bool {
    !word.is_empty()
        && (ABBREVIATIONS.contains(&word)
            || !word.to_lowercase().chars().any(|c| VOWELS.contains(c)))
}

/// A word with its first letter in capitals.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::running_text;

    fn case(text: &str) -> String {
        running_text(text).unwrap()
    }

    #[test]
    fn titles_bodies_and_places() {
        for (capitals, running) in [
            (
                "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NGHỆ AN",
                "Chủ tịch Ủy ban nhân dân tỉnh Nghệ An",
            ),
            (
                "TỔ TRƯỞNG TỔ GIÚP VIỆC VỀ CẢI CÁCH HÀNH CHÍNH",
                "Tổ trưởng Tổ giúp việc về cải cách hành chính",
            ),
            ("GIÁM ĐỐC SỞ TƯ PHÁP", "Giám đốc Sở Tư pháp"),
            (
                "CHỦ TỊCH UBND THÀNH PHỐ CẦN THƠ",
                "Chủ tịch UBND thành phố Cần Thơ",
            ),
            (
                "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN",
                "Ủy ban nhân dân tỉnh Thái Nguyên",
            ),
            ("BỘ TRƯỞNG BỘ TƯ PHÁP", "Bộ trưởng Bộ Tư pháp"),
            (
                "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ",
                "Chủ tịch Ủy ban nhân dân thành phố Cần Thơ",
            ),
            ("ỦY BAN NHÂN DÂN", "Ủy ban nhân dân"),
            ("THỦ TƯỚNG CHÍNH PHỦ", "Thủ tướng Chính phủ"),
            (
                "PHÓ CHỦ TỊCH HĐND THÀNH PHỐ HỒ CHÍ MINH",
                "Phó Chủ tịch HĐND thành phố Hồ Chí Minh",
            ),
            (
                "BỘ TRƯỞNG BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
                "Bộ trưởng Bộ Lao động - Thương binh và Xã hội",
            ),
            (
                "GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH NGHỆ AN",
                "Giám đốc Sở Giáo dục và Đào tạo tỉnh Nghệ An",
            ),
            (
                "TRƯỞNG BAN BAN CHỈ ĐẠO CĐS TỈNH",
                "Trưởng ban Ban Chỉ đạo CĐS tỉnh",
            ),
            (
                "CHỦ TỊCH UỶ BAN MẶT TRẬN TỔ QUỐC VIỆT NAM XÃ TÂN HỘI",
                "Chủ tịch Uỷ ban Mặt trận Tổ quốc Việt Nam xã Tân Hội",
            ),
            (
                "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NGHỆ AN VÀ GIÁM ĐỐC SỞ NỘI VỤ",
                "Chủ tịch Ủy ban nhân dân tỉnh Nghệ An và Giám đốc Sở Nội vụ",
            ),
            ("TỔ CÔNG TÁC SỐ 2", "Tổ công tác số 2"),
            (
                "CHỦ TỊCH UBND TỈNH BÀ RỊA - VŨNG TÀU",
                "Chủ tịch UBND tỉnh Bà Rịa - Vũng Tàu",
            ),
            (
                "GIÁM ĐỐC SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
                "Giám đốc Sở Văn hóa, Thể thao và Du lịch",
            ),
            ("CHỦ TỊCH UBND TP. CẦN THƠ", "Chủ tịch UBND TP. Cần Thơ"),
            (
                "GIÁM ĐỐC BỆNH VIỆN ĐA KHOA TỈNH",
                "Giám đốc Bệnh viện Đa khoa tỉnh",
            ),
        ] {
            assert_eq!(case(capitals), running, "{capitals}");
        }
    }

    #[test]
    fn a_name_broken_over_lines_keeps_its_lines() {
        assert_eq!(
            case("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\nNGHỆ AN"),
            "Chủ tịch Ủy ban nhân dân tỉnh\nNghệ An"
        );
        // One authority a line (a joint decision).
        assert_eq!(
            case("CHỦ TỊCH UBND TỈNH NGHỆ AN\nGIÁM ĐỐC CÔNG AN TỈNH NGHỆ AN"),
            "Chủ tịch UBND tỉnh Nghệ An\nGiám đốc Công an tỉnh Nghệ An"
        );
    }

    #[test]
    fn mixed_case_is_left_as_written() {
        assert_eq!(running_text("Chủ tịch UBND tỉnh"), None);
        assert_eq!(running_text("2025"), None);
    }
}
