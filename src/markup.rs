//! User text → safe markup. A user string is read as inline Markdown where only `**strong**`
//! and `*emphasis*` (or `_emphasis_`) mean anything; every other character prints as typed.
//! The result is emitted for Typst (every ASCII punctuation mark escaped, so nothing a user
//! types can run as Typst code) and for Markdown (escaped so it parses back to the same text).

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde::Serialize;

/// A piece of inline text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Literal characters.
    Plain(String),
    /// `**…**`
    Strong(Vec<Inline>),
    /// `*…*`
    Emph(Vec<Inline>),
    /// A forced line break (a newline in a name or title field).
    Break,
}

/// User text ready for every target: what templates print.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Text {
    /// Typst markup.
    pub typ: String,
    /// Markdown (CommonMark).
    pub md: String,
    /// The characters a reader sees, without markup.
    pub plain: String,
    /// Set on the last paragraph of the body, which the PDF keeps on the page of the
    /// signatures (a signature block never opens a page alone).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub ends_body: bool,
    #[serde(skip)]
    inlines: Vec<Inline>,
}

impl Text {
    /// Converts one line of user text (whitespace already folded).
    pub fn inline(source: &str) -> Text {
        Text::from_inlines(parse(source))
    }

    /// Converts several lines of user text, printed with a forced break between them.
    pub fn lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> Text {
        let mut inlines = Vec::new();
        for (i, line) in lines.into_iter().enumerate() {
            if i > 0 {
                inlines.push(Inline::Break);
            }
            inlines.extend(parse(line));
        }
        Text::from_inlines(inlines)
    }

    /// Text that is printed exactly as given, with no Markdown meaning (program-made text).
    pub fn literal(text: &str) -> Text {
        Text::from_inlines(vec![Inline::Plain(text.to_owned())])
    }

    fn from_inlines(inlines: Vec<Inline>) -> Text {
        Text {
            typ: to_typst(&inlines),
            md: to_markdown(&inlines),
            plain: to_plain(&inlines),
            ends_body: false,
            inlines,
        }
    }

    /// Appends program-made characters (punctuation, marks) as literal text.
    pub fn push_literal(&mut self, suffix: &str) {
        let mut inlines = std::mem::take(&mut self.inlines);
        push_node(&mut inlines, Inline::Plain(suffix.to_owned()));
        *self = Text::from_inlines(inlines);
    }

    /// Prepends program-made characters as literal text.
    pub fn prepend_literal(&mut self, prefix: &str) {
        let mut inlines = vec![Inline::Plain(prefix.to_owned())];
        for i in std::mem::take(&mut self.inlines) {
            push_node(&mut inlines, i);
        }
        *self = Text::from_inlines(inlines);
    }

    /// Upper-case version, for headings that ND 30 prints in capitals.
    pub fn upper(&self) -> Text {
        fn up(i: &Inline) -> Inline {
            match i {
                Inline::Plain(s) => Inline::Plain(s.to_uppercase()),
                Inline::Strong(c) => Inline::Strong(c.iter().map(up).collect()),
                Inline::Emph(c) => Inline::Emph(c.iter().map(up).collect()),
                Inline::Break => Inline::Break,
            }
        }
        Text::from_inlines(self.inlines.iter().map(up).collect())
    }
}

/// Folds every run of white space (tabs, newlines) to one space, trims the ends and drops
/// control characters, which have no place in a printed document.
pub fn fold_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().filter(|c| !c.is_control()));
    }
    out
}

/// Parses one line of user text. Only emphasis and strong emphasis are recognised.
pub fn parse(source: &str) -> Vec<Inline> {
    parse_commonmark(&protect(source))
}

/// Escapes everything CommonMark could read as markup except `*` and `_`, so that links,
/// HTML, code, entities and block markers all print as typed.
fn protect(source: &str) -> String {
    let mut out = String::with_capacity(source.len() + 8);
    for c in source.chars() {
        if c.is_ascii_punctuation() && c != '*' && c != '_' {
            out.push('\\');
        }
        out.push(c);
    }
    // A leading "* " would open a list, and a line of only * and _ would be a thematic break.
    let only_rules = !out.is_empty() && out.chars().all(|c| matches!(c, '*' | '_' | ' '));
    if out.starts_with("* ") || out == "*" || only_rules {
        out.insert(0, '\\');
    }
    out
}

/// Reads CommonMark inline events back into [`Inline`]s.
fn parse_commonmark(md: &str) -> Vec<Inline> {
    let mut stack: Vec<Vec<Inline>> = vec![Vec::new()];
    for event in Parser::new(md) {
        match event {
            Event::Start(Tag::Emphasis | Tag::Strong) => stack.push(Vec::new()),
            Event::End(end @ (TagEnd::Emphasis | TagEnd::Strong)) => {
                let children = stack.pop().unwrap_or_default();
                let node = if end == TagEnd::Strong {
                    Inline::Strong(children)
                } else {
                    Inline::Emph(children)
                };
                push_node(stack.last_mut().expect("root stays"), node);
            }
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => push_node(
                stack.last_mut().expect("root stays"),
                Inline::Plain(t.into_string()),
            ),
            Event::SoftBreak | Event::HardBreak => push_node(
                stack.last_mut().expect("root stays"),
                Inline::Plain(" ".into()),
            ),
            _ => {}
        }
    }
    stack.into_iter().next().unwrap_or_default()
}

fn push_node(into: &mut Vec<Inline>, node: Inline) {
    if let (Some(Inline::Plain(last)), Inline::Plain(next)) = (into.last_mut(), &node) {
        last.push_str(next);
    } else {
        into.push(node);
    }
}

/// Typst markup for inline text.
pub fn to_typst(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for i in inlines {
        match i {
            Inline::Plain(s) => out.push_str(&escape_typst(s)),
            Inline::Strong(c) => {
                out.push_str("#strong[");
                out.push_str(&to_typst(c));
                out.push(']');
            }
            Inline::Emph(c) => {
                out.push_str("#emph[");
                out.push_str(&to_typst(c));
                out.push(']');
            }
            Inline::Break => out.push_str("#linebreak()"),
        }
    }
    out
}

/// Markdown for inline text; it parses back (with pulldown-cmark) to the same characters.
pub fn to_markdown(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for i in inlines {
        match i {
            Inline::Plain(s) => out.push_str(&escape_markdown(s)),
            Inline::Strong(c) => {
                out.push_str("**");
                out.push_str(&to_markdown(c));
                out.push_str("**");
            }
            Inline::Emph(c) => {
                out.push('*');
                out.push_str(&to_markdown(c));
                out.push('*');
            }
            Inline::Break => out.push_str("\\\n"),
        }
    }
    out
}

/// The characters of inline text without markup.
pub fn to_plain(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for i in inlines {
        match i {
            Inline::Plain(s) => out.push_str(s),
            Inline::Strong(c) | Inline::Emph(c) => out.push_str(&to_plain(c)),
            Inline::Break => out.push(' '),
        }
    }
    out
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
    let text = text.replace(['\n', '\r', '\t'], " ");
    let words: Vec<&str> = text.split(' ').collect();
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            let lone_dash = matches!(*word, "-" | "–" | "—");
            out.push(if lone_dash { '~' } else { ' ' });
        }
        let inner = word.trim_matches(|c: char| !c.is_alphanumeric());
        let breakable = inner.contains(['/', '-', '–']);
        if breakable && word.chars().count() <= UNBREAKABLE_MAX {
            out.push_str("#box[");
            escape_typst_chars(word, &mut out);
            out.push(']');
        } else {
            escape_typst_chars(word, &mut out);
        }
    }
    out
}

fn escape_typst_chars(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            ',' | '!' | '?' | '%' | '&' | '|' | ')' | '^' => out.push(c),
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
}

/// Escapes literal text for CommonMark so that it reads back as the same characters and a
/// paragraph can never turn into a list, heading, quote, link or HTML.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let escape = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => true,
            '&' => starts_entity(&chars[i + 1..]),
            '#' | '-' | '+' | '=' => i == 0,
            '.' | ')' => chars[..i].iter().all(|d| d.is_ascii_digit()) && i > 0,
            '!' => chars.get(i + 1) == Some(&'['),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
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
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether the characters after a `&` would make CommonMark read an entity (`&amp;`, `&#38;`).
fn starts_entity(after: &[char]) -> bool {
    let name = after
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .count();
    name > 0 && after.get(name) == Some(&';')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strong_and_emphasis_are_markup() {
        let t = Text::inline("a **đậm** và *nghiêng*");
        assert_eq!(t.plain, "a đậm và nghiêng");
        assert_eq!(t.typ, "a #strong[đậm] và #emph[nghiêng]");
        assert_eq!(t.md, "a **đậm** và *nghiêng*");
    }

    #[test]
    fn everything_else_prints_as_typed() {
        let typed = r#"# $x$ @ref <lab> ] [a](b) \n // c ... -- "q" 'q' ~ &amp; `code` 5 * 3"#;
        assert_eq!(Text::inline(typed).plain, typed);
        for start in ["= h", "- x", "+ y", "1. z", "* w", "***", "> q", "/ t: d"] {
            assert_eq!(Text::inline(start).plain, start, "{start}");
        }
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
            assert_eq!(to_plain(&parse_commonmark(&md)), s, "{md}");
        }
    }

    #[test]
    fn upper_keeps_markup() {
        let t = Text::inline("Quy định **chung**").upper();
        assert_eq!(t.plain, "QUY ĐỊNH CHUNG");
        assert_eq!(
            Text::inline("Sở Thông tin, đặng ưng ơi").upper().plain,
            "SỞ THÔNG TIN, ĐẶNG ƯNG ƠI"
        );
        assert_eq!(t.typ, "QUY ĐỊNH #strong[CHUNG]");
    }

    #[test]
    fn lines_break_in_every_target() {
        let t = Text::lines(["Sở Thông tin", "và Truyền thông"]);
        assert_eq!(t.typ, "Sở Thông tin#linebreak()và Truyền thông");
        assert_eq!(t.md, "Sở Thông tin\\\nvà Truyền thông");
        assert_eq!(t.plain, "Sở Thông tin và Truyền thông");
    }

    #[test]
    fn whitespace_folds_and_controls_go() {
        assert_eq!(fold_whitespace("  a\t\tb\n c\u{0}d "), "a b cd");
    }
}
