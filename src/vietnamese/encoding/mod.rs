//! Legacy 8-bit Vietnamese encodings, TCVN3 (ABC, fonts `.VnTime`) and VNI (VNI-Windows, fonts
//! `VNI-Times`): text typed in those fonts and pasted into a UTF-8 file arrives as Latin-1
//! letters ("Céng hoµ x· héi", "Coäng hoøa xaõ hoäi"). This module recognises such text and
//! converts it to Unicode.
//!
//! TCVN3 gives one byte to each of the 67 lower-case letters with diacritics and to the seven
//! capitals Ă Â Ê Ô Ơ Ư Đ; other capitals with a tone come from a separate "H" font
//! (`.VnTimeH`) that draws the lower-case bytes as capitals, so they are indistinguishable in
//! plain text. A word whose plain letters are all capitals is therefore taken as typed in the H
//! font and converted to capitals. VNI writes a base letter followed by one byte for the marks
//! ("o" + "ä" = "ộ"), except ơ, ư, đ and the vowels i/y with a tone, which are single bytes.

/// The legacy encodings this module knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    /// TCVN 5712:1993 VN3, the "ABC" encoding of the `.Vn…` fonts.
    Tcvn3,
    /// VNI-Windows, the encoding of the `VNI-…` fonts.
    Vni,
}

impl Legacy {
    /// The name users know the encoding by.
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => "TCVN3 (ABC)",
            Legacy::Vni => "VNI",
        }
    }

    /// Converts `text` from this encoding (read as Latin-1) to Unicode NFC. Characters that are
    /// not part of the encoding stay as they are.
    pub fn to_unicode(self, text: &str) -> String {
        match self {
            Legacy::Tcvn3 => tcvn3_to_unicode(text),
            Legacy::Vni => vni_to_unicode(text),
        }
    }
}

/// TCVN3 bytes (as the Latin-1 characters a pasted text shows) and the letters they stand for:
/// the 67 lower-case letters with diacritics and the 7 capitals the encoding has.
pub const TCVN3: [(char, char); 74] = [
    ('\u{A1}', 'Ă'),
    ('\u{A2}', 'Â'),
    ('\u{A3}', 'Ê'),
    ('\u{A4}', 'Ô'),
    ('\u{A5}', 'Ơ'),
    ('\u{A6}', 'Ư'),
    ('\u{A7}', 'Đ'),
    ('\u{A8}', 'ă'),
    ('\u{A9}', 'â'),
    ('\u{AA}', 'ê'),
    ('\u{AB}', 'ô'),
    ('\u{AC}', 'ơ'),
    ('\u{AD}', 'ư'),
    ('\u{AE}', 'đ'),
    ('\u{B5}', 'à'),
    ('\u{B6}', 'ả'),
    ('\u{B7}', 'ã'),
    ('\u{B8}', 'á'),
    ('\u{B9}', 'ạ'),
    ('\u{BB}', 'ằ'),
    ('\u{BC}', 'ẳ'),
    ('\u{BD}', 'ẵ'),
    ('\u{BE}', 'ắ'),
    ('\u{C6}', 'ặ'),
    ('\u{C7}', 'ầ'),
    ('\u{C8}', 'ẩ'),
    ('\u{C9}', 'ẫ'),
    ('\u{CA}', 'ấ'),
    ('\u{CB}', 'ậ'),
    ('\u{CC}', 'è'),
    ('\u{CE}', 'ẻ'),
    ('\u{CF}', 'ẽ'),
    ('\u{D0}', 'é'),
    ('\u{D1}', 'ẹ'),
    ('\u{D2}', 'ề'),
    ('\u{D3}', 'ể'),
    ('\u{D4}', 'ễ'),
    ('\u{D5}', 'ế'),
    ('\u{D6}', 'ệ'),
    ('\u{D7}', 'ì'),
    ('\u{D8}', 'ỉ'),
    ('\u{DC}', 'ĩ'),
    ('\u{DD}', 'í'),
    ('\u{DE}', 'ị'),
    ('\u{DF}', 'ò'),
    ('\u{E1}', 'ỏ'),
    ('\u{E2}', 'õ'),
    ('\u{E3}', 'ó'),
    ('\u{E4}', 'ọ'),
    ('\u{E5}', 'ồ'),
    ('\u{E6}', 'ổ'),
    ('\u{E7}', 'ỗ'),
    ('\u{E8}', 'ố'),
    ('\u{E9}', 'ộ'),
    ('\u{EA}', 'ờ'),
    ('\u{EB}', 'ở'),
    ('\u{EC}', 'ỡ'),
    ('\u{ED}', 'ớ'),
    ('\u{EE}', 'ợ'),
    ('\u{EF}', 'ù'),
    ('\u{F1}', 'ủ'),
    ('\u{F2}', 'ũ'),
    ('\u{F3}', 'ú'),
    ('\u{F4}', 'ụ'),
    ('\u{F5}', 'ừ'),
    ('\u{F6}', 'ử'),
    ('\u{F7}', 'ữ'),
    ('\u{F8}', 'ứ'),
    ('\u{F9}', 'ự'),
    ('\u{FA}', 'ỳ'),
    ('\u{FB}', 'ỷ'),
    ('\u{FC}', 'ỹ'),
    ('\u{FD}', 'ý'),
    ('\u{FE}', 'ỵ'),
];

/// The five tones in VNI's order of mark bytes: huyền, sắc, hỏi, ngã, nặng.
const TONES: usize = 5;

/// VNI mark bytes (lower case; the capital forms are their Latin-1 upper case) after a vowel,
/// in tone order: plain vowel, then vowel with circumflex (â ê ô), then a with breve (ă).
const VNI_TONE: [char; TONES] = ['ø', 'ù', 'û', 'õ', 'ï'];
const VNI_CIRCUMFLEX_TONE: [char; TONES] = ['à', 'á', 'å', 'ã', 'ä'];
const VNI_BREVE_TONE: [char; TONES] = ['è', 'é', 'ú', 'ü', 'ë'];
/// Single VNI bytes for i and y with a tone (ỳ … are written y + tone mark instead, except ỵ).
const VNI_I: [char; TONES] = ['ì', 'í', 'æ', 'ó', 'ò'];

/// Every Vietnamese vowel with each tone, in [`TONES`] order.
pub(super) const TONED: [(char, [char; TONES]); 12] = [
    ('a', ['à', 'á', 'ả', 'ã', 'ạ']),
    ('ă', ['ằ', 'ắ', 'ẳ', 'ẵ', 'ặ']),
    ('â', ['ầ', 'ấ', 'ẩ', 'ẫ', 'ậ']),
    ('e', ['è', 'é', 'ẻ', 'ẽ', 'ẹ']),
    ('ê', ['ề', 'ế', 'ể', 'ễ', 'ệ']),
    ('i', ['ì', 'í', 'ỉ', 'ĩ', 'ị']),
    ('o', ['ò', 'ó', 'ỏ', 'õ', 'ọ']),
    ('ô', ['ồ', 'ố', 'ổ', 'ỗ', 'ộ']),
    ('ơ', ['ờ', 'ớ', 'ở', 'ỡ', 'ợ']),
    ('u', ['ù', 'ú', 'ủ', 'ũ', 'ụ']),
    ('ư', ['ừ', 'ứ', 'ử', 'ữ', 'ự']),
    ('y', ['ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ']),
];

fn toned(base: char, tone: usize) -> Option<char> {
    TONED
        .iter()
        .find(|(b, _)| *b == base)
        .map(|(_, forms)| forms[tone])
}

fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

fn upper(c: char) -> char {
    c.to_uppercase().next().unwrap_or(c)
}

fn with_case(c: char, capital: bool) -> char {
    if capital { upper(c) } else { c }
}

/// One VNI letter starting at `chars[0]`: the Unicode letter and how many characters it used.
fn vni_letter(chars: &[char]) -> Option<(char, usize)> {
    let first = *chars.first()?;
    let capital = first.is_uppercase();
    let base = lower(first);
    // Single bytes: ơ, ư, đ, i with a tone, ỵ.
    let single = match base {
        'ô' => Some('ơ'),
        'ö' => Some('ư'),
        'ñ' => Some('đ'),
        'î' => Some('ỵ'),
        _ => VNI_I.iter().position(|&m| m == base).map(|t| TONED[5].1[t]),
    };
    // ơ and ư take a tone mark after them like plain vowels.
    if let Some(letter) = single {
        if matches!(letter, 'ơ' | 'ư')
            && let Some(tone) = chars
                .get(1)
                .and_then(|&m| VNI_TONE.iter().position(|&t| t == lower(m)))
        {
            return Some((with_case(toned(letter, tone)?, capital), 2));
        }
        return Some((with_case(letter, capital), 1));
    }
    if !matches!(base, 'a' | 'e' | 'o' | 'u' | 'y' | 'i') {
        return None;
    }
    let mark = lower(*chars.get(1)?);
    let letter = if let Some(t) = VNI_TONE.iter().position(|&m| m == mark) {
        toned(base, t)?
    } else if mark == 'â' && matches!(base, 'a' | 'e' | 'o') {
        match base {
            'a' => 'â',
            'e' => 'ê',
            _ => 'ô',
        }
    } else if let Some(t) = VNI_CIRCUMFLEX_TONE.iter().position(|&m| m == mark) {
        let hat = match base {
            'a' => 'â',
            'e' => 'ê',
            'o' => 'ô',
            _ => return None,
        };
        toned(hat, t)?
    } else if mark == 'ê' && base == 'a' {
        'ă'
    } else if let Some(t) = VNI_BREVE_TONE.iter().position(|&m| m == mark) {
        if base != 'a' {
            return None;
        }
        toned('ă', t)?
    } else {
        return None;
    };
    Some((with_case(letter, capital), 2))
}

fn vni_to_unicode(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        match vni_letter(&chars[i..]) {
            Some((letter, used)) => {
                out.push(letter);
                i += used;
            }
            None => {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    out
}

fn tcvn3_char(c: char) -> Option<char> {
    TCVN3.iter().find(|(b, _)| *b == c).map(|(_, u)| *u)
}

fn tcvn3_to_unicode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let capitals = |s: &str| s.chars().filter(char::is_ascii_uppercase).count();
    let lower = |s: &str| s.chars().any(|c| c.is_ascii_lowercase());
    // Typed in the capitals-only H font: the whole text's plain letters are capitals, or a
    // word has two plain capitals and no plain small letter ("CéNG"; "Tù" is "Tự").
    let h_text = capitals(text) >= 2 && !lower(text);
    let flush = |word: &mut String, out: &mut String| {
        let h_font = !word.is_ascii() && !lower(word) && (h_text || capitals(word) >= 2);
        if h_font {
            out.extend(word.chars().map(upper));
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in text.chars() {
        let converted = tcvn3_char(c).unwrap_or(c);
        if converted.is_alphanumeric() {
            word.push(converted);
        } else {
            flush(&mut word, &mut out);
            out.push(converted);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// True for a Latin-1 letter or sign that correct Vietnamese text never contains, but that
/// legacy-encoded text shows: everything from U+00A1 to U+00FF except the Vietnamese letters
/// à á â ã è é ê ì í ò ó ô õ ù ú ý (and their capitals), × and ÷.
pub fn is_legacy_sign(c: char) -> bool {
    ('\u{A1}'..='\u{FF}').contains(&c) && !"àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ×÷".contains(c)
}

/// True for letters only Unicode Vietnamese has (ă đ ĩ ũ ơ ư and the letters of the Latin
/// Extended Additional block): a word containing them is already Unicode.
fn is_unicode_vietnamese(c: char) -> bool {
    matches!(
        c,
        'ă' | 'Ă' | 'đ' | 'Đ' | 'ĩ' | 'Ĩ' | 'ũ' | 'Ũ' | 'ơ' | 'Ơ' | 'ư' | 'Ư'
    ) || ('\u{1EA0}'..='\u{1EF9}').contains(&c)
}

/// What [`detect`] found: the encoding, the first legacy passage and the text converted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detected {
    /// The legacy encoding the text was typed in.
    pub encoding: Legacy,
    /// The first passage typed in it, as it reads now ("Céng hoµ x· héi").
    pub passage: String,
    /// That passage in Unicode.
    pub passage_converted: String,
    /// The whole text with every legacy passage converted.
    pub converted: String,
}

/// The byte ranges of the legacy passages of `text`: runs of words holding no letter that
/// only Unicode has, among which at least one holds a legacy sign. A Unicode sentence with a
/// pasted legacy phrase ("Tuyên truyền về Céng hoµ") has one passage: the phrase.
fn passages(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut run: Option<(usize, usize, bool)> = None;
    for word in text.split_whitespace() {
        let start = word.as_ptr() as usize - text.as_ptr() as usize;
        let end = start + word.len();
        if word.chars().any(is_unicode_vietnamese) {
            out.extend(run.take().filter(|r| r.2).map(|r| r.0..r.1));
            continue;
        }
        let signed = word.chars().any(is_legacy_sign);
        run = Some(match run {
            Some((s, _, any)) => (s, end, any || signed),
            None => (start, end, signed),
        });
    }
    out.extend(run.filter(|r| r.2).map(|r| r.0..r.1));
    out
}

/// Converts every legacy passage of `text` from `encoding`, leaving Unicode words alone (the
/// TCVN3 table would turn a Unicode "ê" into "ờ").
pub fn convert_passages(encoding: Legacy, text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for range in passages(text) {
        out.push_str(&text[last..range.start]);
        out.push_str(&encoding.to_unicode(&text[range.clone()]));
        last = range.end;
    }
    out.push_str(&text[last..]);
    out
}

/// Recognises text typed in TCVN3 or VNI, also as a phrase inside Unicode text. The legacy
/// passages must hold legacy signs ([`is_legacy_sign`]) inside words, and their conversion must
/// leave no legacy sign and make every word it changes a Vietnamese syllable. When both
/// encodings qualify, the one giving more syllables wins, then the shorter text (VNI joins
/// letter pairs). Returns `None` for ordinary Unicode text and for foreign words ("café",
/// "Muñoz").
pub fn detect(text: &str) -> Option<Detected> {
    let ranges = passages(text);
    let legacy: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
    let joined = legacy.join(" ");
    if !signs_inside_words(&joined) {
        return None;
    }
    let encoding = [Legacy::Tcvn3, Legacy::Vni]
        .into_iter()
        .filter_map(|encoding| {
            let converted = encoding.to_unicode(&joined);
            if converted.chars().any(is_legacy_sign) {
                return None;
            }
            let words: Vec<&str> = converted
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_ascii())
                .collect();
            if !words.iter().all(|w| is_syllable(w)) {
                return None;
            }
            Some((words.len(), converted.chars().count(), encoding))
        })
        .min_by_key(|(syllables, len, _)| (std::cmp::Reverse(*syllables), *len))?
        .2;
    Some(Detected {
        encoding,
        passage: legacy[0].to_owned(),
        passage_converted: encoding.to_unicode(legacy[0]),
        converted: convert_passages(encoding, text),
    })
}

/// Vietnamese vowels, plain and with marks (lower case).
fn is_vowel(c: char) -> bool {
    "aăâeêioôơuưy".contains(c) || TONED.iter().any(|(_, f)| f.contains(&c))
}

/// Does `word` have the shape of a Vietnamese syllable: initial consonant(s), one to three
/// vowels with at most one tone mark, and a permitted final consonant?
pub fn is_syllable(word: &str) -> bool {
    const INITIALS: [&str; 27] = [
        "ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g",
        "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
    ];
    const FINALS: [&str; 9] = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];
    let word = word.to_lowercase();
    let starts: Vec<&str> = INITIALS
        .iter()
        .filter(|i| word.starts_with(**i))
        .copied()
        .chain(std::iter::once(""))
        .collect();
    starts.iter().any(|initial| {
        let rest = &word[initial.len()..];
        let vowels: String = rest.chars().take_while(|&c| is_vowel(c)).collect();
        let tones = vowels
            .chars()
            .filter(|&c| TONED.iter().any(|(_, f)| f.contains(&c)))
            .count();
        let count = vowels.chars().count();
        let last = vowels.chars().last();
        let base = |b: char| {
            last == Some(b)
                || TONED
                    .iter()
                    .any(|(v, forms)| *v == b && last.is_some_and(|l| forms.contains(&l)))
        };
        // ă and â never end a syllable: "bằng", "cần", never "bằ" (so "hai»", a closing
        // guillemet after a word, is not TCVN3 for "haiằ").
        let open_short = (base('ă') || base('â')) && rest.len() == vowels.len();
        (1..=3).contains(&count)
            && tones <= 1
            && !open_short
            && FINALS.contains(&&rest[vowels.len()..])
    })
}

/// The text has legacy signs, all inside words ("hoµ", not "« x »"): two or more, or one in
/// a word of three letters or more ("ViÖt", not "5 µm").
fn signs_inside_words(text: &str) -> bool {
    let mut signs = Vec::new();
    for word in text.split(|c: char| c.is_whitespace() || c.is_ascii_punctuation()) {
        let count = word.chars().filter(|&c| is_legacy_sign(c)).count();
        signs.extend(std::iter::repeat_n(word.chars().count(), count));
    }
    match signs.as_slice() {
        [] => false,
        [one] => *one >= 3,
        many => many.iter().all(|&letters| letters >= 2),
    }
}

#[cfg(test)]
mod tests;
