//! Text → Markdown (CommonMark): the Markdown renderer of the text model ([`crate::markup`]).
//! Literal characters are escaped so that they read back as the same text and a paragraph can
//! never turn into a list, heading, quote, link or raw HTML. Templates ask for it with the Tera
//! filter `md` (`{{ x | md }}`).

use super::templates::Syntax;
use crate::markup::Text;

/// CommonMark's inline syntax: `**…**`, `*…*`, a backslash line break, escaped characters.
static MARKDOWN: Syntax = Syntax {
    escape: escape_into,
    strong: ["**", "**"],
    emph: ["*", "*"],
    line_break: "\\\n",
};

/// Registers the filter `md` (text as Markdown).
pub(super) fn register(tera: &mut tera::Tera) {
    tera.register_filter("md", MARKDOWN.filter("md"));
}

/// Markdown for a text: escaped characters, `**…**`, `*…*`, a backslash line break. It parses
/// back (with pulldown-cmark) to the same characters.
pub fn markup(text: &Text) -> String {
    MARKDOWN.write(text)
}

/// Escapes literal text for CommonMark so that it reads back as the same characters and a
/// paragraph can never turn into a list, heading, quote, link or HTML.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    escape_into(text, &mut out);
    out
}

fn escape_into(text: &str, out: &mut String) {
    // Every character that may need a backslash is ASCII, so the bytes are read and the text
    // between escapes is copied in slices.
    let bytes = text.as_bytes();
    let mut copied = 0;
    let mut digits_before = true;
    for (i, &b) in bytes.iter().enumerate() {
        let escape = match b {
            b'\\' | b'`' | b'*' | b'_' | b'[' | b']' | b'<' | b'>' | b'|' | b'~' => true,
            b'&' => starts_entity(&bytes[i + 1..]),
            b'#' | b'-' | b'+' | b'=' => i == 0,
            b'.' | b')' => i > 0 && digits_before,
            b'!' => bytes.get(i + 1) == Some(&b'['),
            _ => false,
        };
        if escape {
            out.push_str(&text[copied..i]);
            out.push('\\');
            copied = i;
        }
        digits_before &= b.is_ascii_digit();
    }
    out.push_str(&text[copied..]);
}

/// Whether the characters after a `&` would make CommonMark read an entity (`&amp;`, `&#38;`).
fn starts_entity(after: &[u8]) -> bool {
    let name = after
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'#')
        .count();
    name > 0 && after.get(name) == Some(&b';')
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Event, Parser};

    /// The characters CommonMark reads from `md`, without markup.
    fn read_back(md: &str) -> String {
        Parser::new(md)
            .filter_map(|e| match e {
                Event::Text(t) => Some(t.into_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn strong_emphasis_and_breaks_become_markdown() {
        let t = Text::inline("a **đậm** và *nghiêng*");
        assert_eq!(markup(&t), "a **đậm** và *nghiêng*");
        let lines = Text::lines(["Sở Thông tin", "và Truyền thông"]);
        assert_eq!(markup(&lines), "Sở Thông tin\\\nvà Truyền thông");
    }

    #[test]
    fn markdown_escape_round_trips() {
        for s in [
            "- a",
            "1. b",
            "12) c",
            "# d",
            "x * y _z_ [w]",
            "&amp; <b>",
            "a\\b",
            "+ e",
            "TT&TT &#38;",
        ] {
            let md = escape_markdown(s);
            assert_eq!(read_back(&md), s, "{md}");
        }
    }
}
