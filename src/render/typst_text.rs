//! Text → Typst markup: the Typst renderer of the text model ([`crate::markup`]). Every ASCII
//! punctuation mark Typst could read as syntax is escaped, so nothing a user types can run as
//! Typst code. Templates ask for it with the Tera filter `typst` (`{{ x | typst }}`); a value
//! Typst wants as a string (metadata, the ký hiệu) goes through `typst_str` instead.

use super::templates::Syntax;
use crate::markup::Text;
use std::collections::HashMap;

/// Typst's inline syntax: `#strong[…]`, `#emph[…]`, `#linebreak()`, escaped characters.
static TYPST: Syntax = Syntax {
    escape: escape_into,
    strong: ["#strong[", "]"],
    emph: ["#emph[", "]"],
    line_break: "#linebreak()",
};

/// Registers the filters `typst` (text as Typst markup) and `typst_str` (a value as a Typst
/// string literal).
pub(super) fn register(tera: &mut tera::Tera) {
    tera.register_filter("typst", TYPST.filter("typst"));
    tera.register_filter("typst_str", typst_str_filter);
}

/// Typst markup for a text: escaped characters, `#strong[…]`, `#emph[…]`, `#linebreak()`.
pub fn markup(text: &Text) -> String {
    TYPST.write(text)
}

/// Tera filter `typst_str`: a value as a Typst string literal (for metadata, which Typst wants
/// as strings).
fn typst_str_filter(
    value: &tera::Value,
    _: &HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let text = match value {
        tera::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    Ok(tera::Value::String(typst_string(&text)))
}

/// Words longer than this may break at their slashes and hyphens rather than overflow a line.
const UNBREAKABLE_MAX: usize = 40;

/// Escapes literal text for Typst markup: every ASCII punctuation mark that Typst could read
/// as syntax (`#`, `*`, `_`, `$`, `@`, `<`, `[`, `\`, `//`, `...`, `--`, quotes, `~`, a leading
/// `=`/`-`/`+`/`1.` …) gets a backslash, and line breaks become spaces. Typography: citations
/// and dates ("45/2010/NĐ-CP", "21/4/2010") are never broken across lines, and a lone dash
/// ("kinh tế - xã hội", "2023 - 2025") stays with the word before it.
pub fn escape_typst(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    escape_into(text, &mut out);
    out
}

/// Characters Typst reads as a line break (or that would end a `//` comment): each becomes a
/// space, so no text can start a new line of markup.
const BREAKS: [char; 8] = [
    '\n', '\r', '\t', '\u{000B}', '\u{000C}', '\u{0085}', '\u{2028}', '\u{2029}',
];

fn escape_into(text: &str, out: &mut String) {
    let breaks = BREAKS;
    let text = if text.contains(breaks) {
        std::borrow::Cow::Owned(text.replace(breaks, " "))
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            let lone_dash = matches!(word, "-" | "–" | "—");
            out.push(if lone_dash { '~' } else { ' ' });
        }
        let marks = ['/', '-', '–'];
        let breakable = word.contains(marks)
            && word
                .trim_matches(|c: char| !c.is_alphanumeric())
                .contains(marks);
        let short = word.len() <= UNBREAKABLE_MAX || word.chars().count() <= UNBREAKABLE_MAX;
        if breakable && short {
            out.push_str("#box[");
            escape_chars(word, out);
            out.push(']');
        } else {
            escape_chars(word, out);
        }
    }
}

/// Backslashes before the ASCII punctuation Typst could read; the text between them is copied
/// in slices (every escaped character is ASCII).
fn escape_chars(text: &str, out: &mut String) {
    let mut copied = 0;
    for (i, b) in text.bytes().enumerate() {
        let literal = matches!(b, b',' | b'!' | b'?' | b'%' | b'&' | b'|' | b')' | b'^');
        if b.is_ascii_punctuation() && !literal {
            out.push_str(&text[copied..i]);
            out.push('\\');
            copied = i;
        }
    }
    out.push_str(&text[copied..]);
}

/// A Typst string literal holding `text` exactly (used where Typst wants a string, not markup).
pub fn typst_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || BREAKS.contains(&c) => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strong_emphasis_and_breaks_become_typst_functions() {
        let t = Text::inline("a **đậm** và *nghiêng*");
        assert_eq!(markup(&t), "a #strong[đậm] và #emph[nghiêng]");
        assert_eq!(
            markup(&Text::inline("Quy định **chung**").upper()),
            "QUY ĐỊNH #strong[CHUNG]"
        );
        let lines = Text::lines(["Sở Thông tin", "và Truyền thông"]);
        assert_eq!(markup(&lines), "Sở Thông tin#linebreak()và Truyền thông");
    }

    #[test]
    fn typst_escapes_every_syntax_character() {
        let e = escape_typst(r#"#a $b$ *c* _d_ @e <f> [g] \h //i ...--"'~`=+:;."#);
        assert_eq!(
            e,
            r#"\#a \$b\$ \*c\* \_d\_ \@e \<f\> \[g\] \\h \/\/i \.\.\.\-\-\"\'\~\`\=\+\:\;\."#
        );
    }

    #[test]
    fn no_line_separator_survives_escaping() {
        let e = escape_typst("a\u{2028}#b\u{2029}c\u{85}d\u{B}e\u{C}f\r\ng");
        assert_eq!(e, "a \\#b c d e f  g");
        assert_eq!(
            typst_string("x\u{2028}\u{0}y\"\\"),
            "\"x\\u{2028}\\u{0}y\\\"\\\\\""
        );
    }

    #[test]
    fn a_lone_dash_stays_with_the_word_before_it() {
        assert_eq!(escape_typst("2023 - 2025"), "2023~\\- 2025");
        assert_eq!(escape_typst("kinh tế – xã hội"), "kinh tế~– xã hội");
        assert_eq!(escape_typst("a -b"), "a \\-b");
    }

    #[test]
    fn citations_and_dates_are_kept_on_one_line() {
        assert_eq!(
            escape_typst("số 58-NQ/TW ngày 05/8/2020,"),
            "số #box[58\\-NQ\\/TW] ngày #box[05\\/8\\/2020,]"
        );
        let long = "a/".repeat(30);
        assert!(
            !escape_typst(&long).contains("#box"),
            "an overlong word may still break"
        );
    }
}
