//! Where the tone mark sits in the open syllables "oa", "oe" and "uy": the older habit puts it
//! on the first vowel ("hòa", "khỏe", "thủy"), the newer rule on the second ("hoà", "khoẻ",
//! "thuỷ"). Both are correct; one document should use one.

use super::encoding::TONED;

/// The two placements of the tone mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ToneStyle {
    /// On the first vowel: "hòa", "thủy".
    Old,
    /// On the second vowel: "hoà", "thuỷ".
    New,
}

impl ToneStyle {
    /// How the style is described to users, with an example.
    pub fn describe(self) -> &'static str {
        match self {
            ToneStyle::Old => "kiểu cũ (dấu trên nguyên âm đầu: hòa, thủy)",
            ToneStyle::New => "kiểu mới (dấu trên nguyên âm sau: hoà, thuỷ)",
        }
    }
}

/// The plain vowel and the tone index of a lower-case vowel with a tone mark.
fn untone(c: char) -> Option<char> {
    TONED
        .iter()
        .find(|(_, forms)| forms.contains(&c))
        .map(|(base, _)| *base)
}

/// The placement a word shows, if it is an open syllable ending in "oa", "oe" or "uy" with a
/// tone mark ("hòa", "thuỷ"); `None` for every other word (including "quý", "hoàng").
pub fn tone_style(word: &str) -> Option<ToneStyle> {
    let lower: Vec<char> = word.to_lowercase().chars().collect();
    let [.., before, first, second] = lower[..] else {
        if let [first, second] = lower[..] {
            return style(None, first, second);
        }
        return None;
    };
    style(Some(before), first, second)
}

fn style(before: Option<char>, first: char, second: char) -> Option<ToneStyle> {
    let plain = |c: char| untone(c).unwrap_or(c);
    // "qu" is a consonant, and a third vowel ("ngoài") makes another syllable shape.
    if before.is_some_and(|b| b == 'q' || "aăâeêioôơuưy".contains(plain(b))) {
        return None;
    }
    if !matches!((plain(first), plain(second)), ('o', 'a' | 'e') | ('u', 'y')) {
        return None;
    }
    match (untone(first).is_some(), untone(second).is_some()) {
        (true, false) => Some(ToneStyle::Old),
        (false, true) => Some(ToneStyle::New),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_oa_oe_uy_syllables_show_their_style() {
        for w in ["hòa", "Hóa", "khỏe", "thủy", "Ủy", "tùy", "lũy"] {
            assert_eq!(tone_style(w), Some(ToneStyle::Old), "{w}");
        }
        for w in ["hoà", "hoá", "khoẻ", "thuỷ", "Uỷ", "tuỳ", "luỹ"] {
            assert_eq!(tone_style(w), Some(ToneStyle::New), "{w}");
        }
    }

    #[test]
    fn other_words_have_no_style() {
        for w in [
            "hoa", "hoàng", "quý", "quỳnh", "ngoài", "của", "Việt", "a", "", "oa", "thuyền",
        ] {
            assert_eq!(tone_style(w), None, "{w}");
        }
    }
}
