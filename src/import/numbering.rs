//! Word's automatic numbering: the label Word prints before a numbered paragraph ("1.", "a)",
//! "Điều 3.", "Chương II", a bullet), which is not in the paragraph's text. Worked out from the
//! numbering definitions the `docx-rs` reader gives (numbering.xml) and the paragraph styles
//! (styles.xml), counting as Word counts:
//!
//! - a paragraph is numbered by its own `w:numPr`, else by its paragraph style's (through
//!   `w:basedOn`); `w:numId` 0 switches numbering off; a level not given is the level whose
//!   `w:pStyle` is the paragraph's style, else 0;
//! - a `w:num` names an `w:abstractNum` (followed once through `w:numStyleLink`); all the
//!   `w:num` of one abstract numbering share its counters, as in Word, except that a `w:num`
//!   with a `w:startOverride` restarts the levels it overrides where it is first used;
//! - using a level restarts the levels below it, unless their `w:lvlRestart` says otherwise
//!   (0: never; n: only when level n or one above it is used);
//! - `w:lvlText` has `%1`..`%9` replaced by the counters of levels 1..9 in their `w:numFmt`
//!   (decimal, decimalZero, lowerLetter, upperLetter, lowerRoman, upperRoman, none; any other
//!   format as decimal; all decimal under `w:isLgl`); a bullet level prints "-" when its
//!   character is a dash or a round bullet, "+" for any other.

use super::styles::StyleSheet;
use docx_rs::{AbstractNumbering, Level, Numbering, Numberings, ParagraphProperty};
use std::collections::{HashMap, HashSet};

/// Levels Word numbers (`w:ilvl` 0..8).
const LEVELS: usize = 9;

/// The counters of a document's numbered paragraphs, met in reading order.
pub struct Counter<'a> {
    numberings: &'a Numberings,
    styles: &'a StyleSheet<'a>,
    /// The last value given at each level, by abstract numbering id (`None`: not used since it
    /// started or restarted).
    counts: HashMap<usize, [Option<u64>; LEVELS]>,
    /// The `w:num` ids already met (their start overrides are applied once, when first met).
    met: HashSet<usize>,
}

/// One level's definition, as this label needs it.
struct Def {
    start: u64,
    format: String,
    text: String,
    restart: Option<u64>,
    legal: bool,
}

impl<'a> Counter<'a> {
    /// A counter over the numbering definitions and styles of one document.
    pub fn new(numberings: &'a Numberings, styles: &'a StyleSheet<'a>) -> Counter<'a> {
        Counter {
            numberings,
            styles,
            counts: HashMap::new(),
            met: HashSet::new(),
        }
    }

    /// Counts the paragraph with properties `p` (the next in reading order) and gives the label
    /// Word prints before it, if it is numbered.
    pub fn label(&mut self, p: &ParagraphProperty) -> Option<String> {
        let (num_id, level) = self.numbered(p)?;
        let num = self.num(num_id)?;
        let abs = self.abstract_of(num)?;
        let key = abs.id;
        if self.met.insert(num_id) {
            let counts = self.counts.entry(key).or_insert([None; LEVELS]);
            for o in &num.level_overrides {
                if o.level < LEVELS && (o.override_start.is_some() || o.override_level.is_some()) {
                    counts[o.level] = None;
                }
            }
        }
        let defs: Vec<Option<Def>> = (0..LEVELS).map(|l| def(num, abs, l)).collect();
        let here = defs[level].as_ref()?;
        let counts = self.counts.entry(key).or_insert([None; LEVELS]);
        counts[level] = Some(counts[level].map_or(here.start, |v| v.saturating_add(1)));
        for (below, d) in defs.iter().enumerate().skip(level + 1) {
            let restarts = match d.as_ref().and_then(|d| d.restart) {
                None => true,
                Some(0) => false,
                Some(r) => (level as u64) < r,
            };
            if restarts {
                counts[below] = None;
            }
        }
        if here.format == "bullet" {
            // A bullet level with no character prints nothing.
            return (!here.text.trim().is_empty()).then(|| bullet(&here.text).to_owned());
        }
        let mut label = String::new();
        let mut chars = here.text.chars().peekable();
        while let Some(c) = chars.next() {
            let digit = chars.peek().and_then(|d| d.to_digit(10));
            match digit {
                Some(d @ 1..=9) if c == '%' => {
                    chars.next();
                    let at = d as usize - 1;
                    let Some(of) = defs[at].as_ref() else {
                        continue;
                    };
                    let value = counts[at].unwrap_or(of.start);
                    let format = if here.legal { "decimal" } else { &of.format };
                    label.push_str(&number(value, format));
                }
                _ => label.push(c),
            }
        }
        let label = label.trim();
        (!label.is_empty()).then(|| label.to_owned())
    }

    /// The `w:num` id and level numbering a paragraph: its own, else its style chain's.
    fn numbered(&self, p: &ParagraphProperty) -> Option<(usize, usize)> {
        let own = p.numbering_property.as_ref();
        let own_id = own.and_then(|n| n.id.as_ref()).map(|i| i.id);
        let own_level = own.and_then(|n| n.level.as_ref()).map(|l| l.val);
        let from_style = if own_id.is_none() || own_level.is_none() {
            self.styles
                .chain(p.style.as_ref().map(|s| s.val.as_str()))
                .find_map(|style| {
                    let n = style.paragraph_property.numbering_property.as_ref()?;
                    n.id.is_some().then_some((style.style_id.as_str(), n))
                })
        } else {
            None
        };
        let num_id =
            own_id.or_else(|| from_style.and_then(|(_, n)| n.id.as_ref()).map(|i| i.id))?;
        if num_id == 0 {
            return None;
        }
        let level = own_level
            .or_else(|| {
                from_style
                    .and_then(|(_, n)| n.level.as_ref())
                    .map(|l| l.val)
            })
            .or_else(|| {
                // A style's numbering without a level: the level that names the style.
                let (style, _) = from_style?;
                let abs = self.abstract_of(self.num(num_id)?)?;
                abs.levels
                    .iter()
                    .find(|l| l.pstyle.as_ref().is_some_and(|s| s.val == style))
                    .map(|l| l.level)
            })
            .unwrap_or(0);
        (level < LEVELS).then_some((num_id, level))
    }

    fn num(&self, id: usize) -> Option<&'a Numbering> {
        self.numberings.numberings.iter().find(|n| n.id == id)
    }

    /// The abstract numbering of a `w:num` (through a numbering style's link, once).
    fn abstract_of(&self, num: &Numbering) -> Option<&'a AbstractNumbering> {
        let find = |id: usize| self.numberings.abstract_nums.iter().find(|a| a.id == id);
        let abs = find(num.abstract_num_id)?;
        let linked = abs
            .num_style_link
            .as_deref()
            .and_then(|s| self.styles.get(s))
            .and_then(|s| s.paragraph_property.numbering_property.as_ref())
            .and_then(|n| n.id.as_ref())
            .and_then(|i| self.num(i.id))
            .and_then(|n| find(n.abstract_num_id));
        Some(linked.unwrap_or(abs))
    }
}

/// A level of a `w:num`: its override's level if it has one, else the abstract numbering's;
/// with the override's start value.
fn def(num: &Numbering, abs: &AbstractNumbering, level: usize) -> Option<Def> {
    let over = num.level_overrides.iter().find(|o| o.level == level);
    let lvl: &Level = over
        .and_then(|o| o.override_level.as_ref())
        .or_else(|| abs.levels.iter().find(|l| l.level == level))?;
    let json = |v: serde_json::Result<serde_json::Value>| v.ok();
    let start = over
        .and_then(|o| o.override_start)
        .map(|s| s as u64)
        .or_else(|| json(serde_json::to_value(&lvl.start)).and_then(|v| v.as_u64()))
        .unwrap_or(0);
    let text = json(serde_json::to_value(&lvl.text))
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    let restart = lvl
        .level_restart
        .as_ref()
        .and_then(|r| json(serde_json::to_value(r)))
        .and_then(|v| v.as_u64());
    Some(Def {
        start,
        format: lvl.format.val.clone(),
        text,
        restart,
        legal: lvl.is_lgl.is_some(),
    })
}

/// What a bullet level prints, as text: "-" for a dash or a round bullet (so the paragraph
/// reads as a dash item), "+" for any other bullet.
fn bullet(text: &str) -> &'static str {
    // U+F0B7 and U+F02D: the round bullet and the dash of the Symbol font, as Word stores them.
    const DASHES: [char; 8] = ['-', '–', '—', '−', '•', '\u{f0b7}', '\u{f02d}', '\u{2219}'];
    let text = text.trim();
    if text.chars().count() == 1 && text.chars().all(|c| DASHES.contains(&c)) {
        "-"
    } else {
        "+"
    }
}

/// `n` in a Word number format.
pub fn number(n: u64, format: &str) -> String {
    match format {
        "none" => String::new(),
        "decimalZero" if n < 10 => format!("0{n}"),
        "lowerLetter" | "upperLetter" if (1..=780).contains(&n) => {
            // Word goes a..z, then aa..zz, aaa..: the letter repeated (up to 30 times, 780;
            // beyond, and for 0, digits).
            let letter = char::from(b'a' + ((n - 1) % 26) as u8);
            let times = ((n - 1) / 26 + 1) as usize;
            let s: String = std::iter::repeat_n(letter, times).collect();
            if format == "upperLetter" {
                s.to_uppercase()
            } else {
                s
            }
        }
        "lowerRoman" | "upperRoman" if (1..4000).contains(&n) => {
            // Below 4 000 by the guard above.
            let s = crate::vietnamese::roman(n as u32);
            if format == "lowerRoman" {
                s.to_lowercase()
            } else {
                s
            }
        }
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_in_word_formats() {
        let cases = [
            (4, "decimal", "4"),
            (7, "decimalZero", "07"),
            (12, "decimalZero", "12"),
            (1, "lowerLetter", "a"),
            (26, "lowerLetter", "z"),
            (27, "lowerLetter", "aa"),
            (u64::MAX, "lowerLetter", "18446744073709551615"),
            (3, "upperLetter", "C"),
            (4, "lowerRoman", "iv"),
            (1994, "upperRoman", "MCMXCIV"),
            (5, "none", ""),
            (5, "ordinal", "5"),
        ];
        for (n, format, want) in cases {
            assert_eq!(number(n, format), want, "{n} {format}");
        }
    }

    #[test]
    fn bullets_read_as_dash_or_plus() {
        for dash in ["-", "–", "•", "\u{f0b7}"] {
            assert_eq!(bullet(dash), "-", "{dash:?}");
        }
        for other in ["o", "\u{f0a7}", "+", "✓"] {
            assert_eq!(bullet(other), "+", "{other:?}");
        }
    }
}
