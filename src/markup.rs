//! The neutral text model: user text read into inline runs — plain characters, strong,
//! emphasis, forced line breaks — and its plain characters, with no output format in it.
//! A user string is read as inline Markdown where only `**strong**` and `*emphasis*` (or
//! `_emphasis_`) mean anything; every other character prints as typed. Output formats are
//! renderers of the model: Typst and Markdown in [`crate::render`], each escaping the
//! characters its syntax would read, so nothing a user types can run as code there.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde::Serialize;

/// A piece of inline text. Adjacent plain runs are always merged into one. Templates get plain
/// text as a string and the others as `{"strong": […]}`, `{"emph": […]}`, `{"break": true}`.
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

impl Serialize for Inline {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let (key, children) = match self {
            Inline::Plain(text) => return serializer.serialize_str(text),
            Inline::Strong(children) => ("strong", Some(children)),
            Inline::Emph(children) => ("emph", Some(children)),
            Inline::Break => ("break", None),
        };
        let mut map = serializer.serialize_map(Some(1))?;
        match children {
            Some(children) => map.serialize_entry(key, children)?,
            None => map.serialize_entry(key, &true)?,
        }
        map.end()
    }
}

/// A style an inline run can carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Strong emphasis (bold).
    Strong,
    /// Emphasis (italic).
    Emph,
}

/// What a renderer implements to receive inline text in reading order: literal characters to
/// escape for its format, styles opened and closed around runs (always properly nested), and
/// forced line breaks. [`Text::write`] drives it from the model.
pub trait InlineSink {
    /// Literal characters (never markup, whatever they contain).
    fn text(&mut self, text: &str);
    /// A styled span starts.
    fn open(&mut self, style: Style);
    /// The styled span opened last ends.
    fn close(&mut self, style: Style);
    /// A forced line break.
    fn line_break(&mut self);
}

/// User (or program-made) text, as every output format reads it. Templates receive it as an
/// object — `plain`, `inlines`, and `ends_body` when set — and print it through a renderer's
/// filter (`{{ x | typst }}`, `{{ x | md }}`); printed without one, Tera shows `[object]`,
/// never the user's characters, so a forgotten filter cannot let user text run as markup.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Text {
    /// The characters a reader sees, without markup (a line break reads as a space). Derived
    /// from the runs: read it, do not set it.
    pub plain: String,
    /// Set on the last paragraph of the body, which the PDF keeps on the page of the
    /// signatures (a signature block never opens a page alone).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub ends_body: bool,
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
            plain: to_plain(&inlines),
            ends_body: false,
            inlines,
        }
    }

    /// The inline runs, in reading order, for a renderer that walks the tree itself.
    pub fn inlines(&self) -> &[Inline] {
        &self.inlines
    }

    /// Sends the runs to a renderer, in reading order.
    pub fn write(&self, sink: &mut impl InlineSink) {
        write_inlines(&self.inlines, sink);
    }

    /// Appends program-made characters (punctuation, marks) as literal text.
    pub fn push_literal(&mut self, suffix: &str) {
        push_node(&mut self.inlines, Inline::Plain(suffix.to_owned()));
        self.plain.push_str(suffix);
    }

    /// Prepends program-made characters as literal text.
    pub fn prepend_literal(&mut self, prefix: &str) {
        let mut inlines = vec![Inline::Plain(prefix.to_owned())];
        for i in std::mem::take(&mut self.inlines) {
            push_node(&mut inlines, i);
        }
        self.inlines = inlines;
        self.plain.insert_str(0, prefix);
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

fn write_inlines(inlines: &[Inline], sink: &mut impl InlineSink) {
    for i in inlines {
        match i {
            Inline::Plain(s) => sink.text(s),
            Inline::Strong(c) => styled(Style::Strong, c, sink),
            Inline::Emph(c) => styled(Style::Emph, c, sink),
            Inline::Break => sink.line_break(),
        }
    }
}

fn styled(style: Style, children: &[Inline], sink: &mut impl InlineSink) {
    sink.open(style);
    write_inlines(children, sink);
    sink.close(style);
}

/// Sends text as templates hold it (see [`Text`]) to a renderer: a serialized [`Text`] by its
/// runs, a string as literal characters, a number or a truth value as printed, nothing for
/// null. Anything else is refused with a message for the template's author.
pub fn write_value(value: &serde_json::Value, sink: &mut impl InlineSink) -> Result<(), String> {
    use serde_json::Value;
    match value {
        Value::String(s) => sink.text(s),
        Value::Null => {}
        Value::Bool(_) | Value::Number(_) => sink.text(&value.to_string()),
        Value::Object(map) => match map.get("inlines") {
            Some(Value::Array(runs)) => write_runs(runs, sink)?,
            _ => return Err(not_text(value)),
        },
        Value::Array(_) => return Err(not_text(value)),
    }
    Ok(())
}

/// Serialized [`Inline`]s (see [`Inline`]'s serialization).
fn write_runs(runs: &[serde_json::Value], sink: &mut impl InlineSink) -> Result<(), String> {
    use serde_json::Value;
    for run in runs {
        match run {
            Value::String(s) => sink.text(s),
            Value::Object(map) if map.len() == 1 => match map.iter().next() {
                Some((key, Value::Bool(true))) if key == "break" => sink.line_break(),
                Some((key, Value::Array(children))) if key == "strong" => {
                    write_styled(Style::Strong, children, sink)?
                }
                Some((key, Value::Array(children))) if key == "emph" => {
                    write_styled(Style::Emph, children, sink)?
                }
                _ => return Err(not_text(run)),
            },
            _ => return Err(not_text(run)),
        }
    }
    Ok(())
}

fn write_styled(
    style: Style,
    children: &[serde_json::Value],
    sink: &mut impl InlineSink,
) -> Result<(), String> {
    sink.open(style);
    write_runs(children, sink)?;
    sink.close(style);
    Ok(())
}

fn not_text(value: &serde_json::Value) -> String {
    let mut shown = value.to_string();
    if shown.len() > 60 {
        let cut = (0..=60)
            .rev()
            .find(|&i| shown.is_char_boundary(i))
            .unwrap_or(0);
        shown.truncate(cut);
        shown.push('…');
    }
    format!("giá trị {shown} không phải một đoạn văn bản (cần một chuỗi hoặc một trường văn bản)")
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Records what a renderer receives, as a readable string.
    #[derive(Default)]
    struct Trace(String);

    impl InlineSink for Trace {
        fn text(&mut self, text: &str) {
            self.0.push_str(&format!("<{text}>"));
        }
        fn open(&mut self, style: Style) {
            self.0.push_str(&format!("{style:?}("));
        }
        fn close(&mut self, _: Style) {
            self.0.push(')');
        }
        fn line_break(&mut self) {
            self.0.push('/');
        }
    }

    fn trace(t: &Text) -> String {
        let mut sink = Trace::default();
        t.write(&mut sink);
        sink.0
    }

    #[test]
    fn strong_and_emphasis_are_markup() {
        let t = Text::inline("a **đậm** và *nghiêng*");
        assert_eq!(t.plain, "a đậm và nghiêng");
        assert_eq!(trace(&t), "<a >Strong(<đậm>)< và >Emph(<nghiêng>)");
        let nested = Text::inline("**a _b_ c**");
        assert_eq!(trace(&nested), "Strong(<a >Emph(<b>)< c>)");
    }

    #[test]
    fn everything_else_prints_as_typed() {
        let typed = r#"# $x$ @ref <lab> ] [a](b) \n // c ... -- "q" 'q' ~ &amp; `code` 5 * 3"#;
        assert_eq!(Text::inline(typed).plain, typed);
        assert_eq!(trace(&Text::inline(typed)), format!("<{typed}>"));
        for start in ["= h", "- x", "+ y", "1. z", "* w", "***", "> q", "/ t: d"] {
            assert_eq!(Text::inline(start).plain, start, "{start}");
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
        assert_eq!(trace(&t), "<QUY ĐỊNH >Strong(<CHUNG>)");
    }

    #[test]
    fn lines_break_in_the_runs_and_read_as_a_space() {
        let t = Text::lines(["Sở Thông tin", "và Truyền thông"]);
        assert_eq!(trace(&t), "<Sở Thông tin>/<và Truyền thông>");
        assert_eq!(t.plain, "Sở Thông tin và Truyền thông");
    }

    #[test]
    fn literals_join_the_plain_runs_next_to_them() {
        let mut t = Text::inline("a *b* c");
        t.push_literal(";");
        t.prepend_literal("Căn cứ ");
        assert_eq!(trace(&t), "<Căn cứ a >Emph(<b>)< c;>");
        assert_eq!(t.plain, "Căn cứ a b c;");
        assert_eq!(t, Text::inline("Căn cứ a *b* c;"));
    }

    #[test]
    fn templates_read_the_serialized_runs_as_the_model_writes_them() {
        let mut t = Text::lines(["**Sở** _Thông_ tin", "và **Truyền _thông_**"]);
        t.ends_body = true;
        let value = serde_json::to_value(&t).unwrap();
        assert!(value.is_object(), "printed bare, Tera shows [object]");
        let mut sink = Trace::default();
        write_value(&value, &mut sink).unwrap();
        assert_eq!(sink.0, trace(&t));
        let mut sink = Trace::default();
        write_value(&serde_json::json!("*a* #b"), &mut sink).unwrap();
        assert_eq!(sink.0, "<*a* #b>", "a string is literal text");
        for wrong in [serde_json::json!([1]), serde_json::json!({"typ": "x"})] {
            assert!(write_value(&wrong, &mut Trace::default()).is_err());
        }
    }

    #[test]
    fn whitespace_folds_and_controls_go() {
        assert_eq!(fold_whitespace("  a\t\tb\n c\u{0}d "), "a b cd");
    }
}
