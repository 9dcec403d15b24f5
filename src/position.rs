//! Where each value of a spec stands in its file: an index from YAML paths
//! (`chapters[1].articles[3].title`, the same form [`crate::number`] and serde report) to
//! line, column and byte range, built from the YAML parser's events. Every finding that is not
//! a YAML syntax error gets its place from here.
//!
//! The walk over the events keeps its own stack, so nesting depth cannot overflow the thread's
//! stack, and aliases are recorded as written, never expanded.

use saphyr_parser::{Event, Parser, Span as YamlSpan};
use std::collections::HashMap;

/// A place in the source: 1-based line and column (in characters) and the byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Place {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// Byte offset into the source text.
    pub offset: usize,
}

/// A range of the source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    /// First character.
    pub start: Place,
    /// One past the last character.
    pub end: Place,
}

/// One node of the YAML tree: where its key (for a map entry) and its value are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Node {
    /// The key of a map entry, `None` for list items and the root.
    pub key: Option<Span>,
    /// The value: a scalar's text, or a map or list from its first to its last character.
    pub value: Span,
}

/// A text value (scalar) with its path, as written after YAML unquoting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scalar {
    /// YAML path of the value.
    pub path: String,
    /// The value as the YAML parser reads it.
    pub value: String,
    /// Where it is written (quotes included).
    pub span: Span,
}

/// Paths → places for one source text.
#[derive(Debug, Clone, Default)]
pub struct PositionIndex {
    nodes: HashMap<String, Node>,
    scalars: Vec<Scalar>,
}

/// Converts the parser's character positions to byte offsets in O(1) per lookup: byte offsets
/// of every 256th character, then a short walk.
struct Offsets<'a> {
    text: &'a str,
    checkpoints: Vec<usize>,
}

const STRIDE: usize = 256;

impl<'a> Offsets<'a> {
    fn new(text: &'a str) -> Self {
        let checkpoints = text
            .char_indices()
            .step_by(STRIDE)
            .map(|(b, _)| b)
            .collect();
        Offsets { text, checkpoints }
    }

    fn byte(&self, char_index: usize) -> usize {
        let Some(&base) = self.checkpoints.get(char_index / STRIDE) else {
            return self.text.len();
        };
        self.text[base..]
            .char_indices()
            .nth(char_index % STRIDE)
            .map_or(self.text.len(), |(b, _)| base + b)
    }

    fn span(&self, s: &YamlSpan) -> Span {
        let place = |m: &saphyr_parser::Marker| Place {
            line: m.line(),
            column: m.col() + 1,
            offset: self.byte(m.index()),
        };
        Span {
            start: place(&s.start),
            end: place(&s.end),
        }
    }
}

/// A map or list being read.
struct Frame {
    path: String,
    start: Span,
    /// True for a map or list written as a key (`? [a, b]: x`), which is not indexed.
    is_key: bool,
    kind: Kind,
}

enum Kind {
    /// A map, with the key just read waiting for its value.
    Map(Option<(String, Span)>),
    /// A list, with the index of its next item.
    Seq(usize),
}

/// The key slot of the map on top of the stack, when that map waits for a key.
fn waiting_key(stack: &mut [Frame]) -> Option<&mut Option<(String, Span)>> {
    match stack.last_mut() {
        Some(Frame {
            kind: Kind::Map(slot @ None),
            ..
        }) => Some(slot),
        _ => None,
    }
}

/// Nesting deeper than this is not indexed: a spec is at most about a dozen levels deep, and
/// every indexed node holds its full path, so indexing 20 000 levels would cost quadratic
/// time and memory. Deeper values are placed at their nearest indexed ancestor.
const MAX_DEPTH: usize = 64;

impl PositionIndex {
    /// Indexes the first YAML document of `source`. Parsing stops quietly at the first syntax
    /// error: what was read before it stays indexed (syntax errors are reported by the loader).
    /// Maps and lists deeper than [`MAX_DEPTH`] are skipped.
    pub fn build(source: &str) -> PositionIndex {
        let offsets = Offsets::new(source);
        let mut index = PositionIndex::default();
        let mut stack: Vec<Frame> = Vec::new();
        let mut root_done = false;
        // Collections opened below MAX_DEPTH and not yet closed.
        let mut too_deep = 0usize;
        for event in Parser::new_from_str(source) {
            let Ok((event, span)) = event else { break };
            let span = offsets.span(&span);
            if too_deep > 0 {
                match event {
                    Event::MappingStart(..) | Event::SequenceStart(..) => too_deep += 1,
                    Event::MappingEnd | Event::SequenceEnd => too_deep -= 1,
                    Event::DocumentEnd | Event::StreamEnd => break,
                    _ => {}
                }
                continue;
            }
            if stack.len() >= MAX_DEPTH
                && matches!(event, Event::MappingStart(..) | Event::SequenceStart(..))
            {
                // The skipped value still takes its key (or list index) from its parent.
                if waiting_key(&mut stack).is_none() {
                    index.enter(&mut stack, &mut root_done);
                }
                too_deep = 1;
                continue;
            }
            match event {
                Event::Scalar(..) | Event::Alias(_) => {
                    let text = match event {
                        Event::Scalar(value, ..) => Some(value.into_owned()),
                        _ => None,
                    };
                    if let Some(slot) = waiting_key(&mut stack) {
                        *slot = Some((text.unwrap_or_else(|| "*".to_owned()), span));
                        continue;
                    }
                    let Some((path, key)) = index.enter(&mut stack, &mut root_done) else {
                        break;
                    };
                    index.nodes.insert(path.clone(), Node { key, value: span });
                    if let Some(value) = text {
                        index.scalars.push(Scalar { path, value, span });
                    }
                }
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    // A map or list used as a key is walked but not indexed.
                    let (path, is_key) = if waiting_key(&mut stack).is_some() {
                        ("?".to_owned(), true)
                    } else {
                        let Some((path, key)) = index.enter(&mut stack, &mut root_done) else {
                            break;
                        };
                        index.nodes.insert(path.clone(), Node { key, value: span });
                        (path, false)
                    };
                    let kind = if matches!(event, Event::MappingStart(..)) {
                        Kind::Map(None)
                    } else {
                        Kind::Seq(0)
                    };
                    stack.push(Frame {
                        path,
                        start: span,
                        is_key,
                        kind,
                    });
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    let Some(frame) = stack.pop() else { break };
                    if frame.is_key {
                        if let Some(slot) = waiting_key(&mut stack) {
                            *slot = Some(("?".to_owned(), frame.start));
                        }
                        continue;
                    }
                    if let Some(node) = index.nodes.get_mut(&frame.path) {
                        node.value = Span {
                            start: frame.start.start,
                            end: span.end.max_by_offset(frame.start.end),
                        };
                    }
                }
                Event::DocumentEnd | Event::StreamEnd => break,
                _ => {}
            }
        }
        index
    }

    /// The path of the next value under the top of the stack, and its key's span; `None`
    /// after the root value is complete (a second document).
    fn enter(&self, stack: &mut [Frame], root_done: &mut bool) -> Option<(String, Option<Span>)> {
        let Some(frame) = stack.last_mut() else {
            if *root_done {
                return None;
            }
            *root_done = true;
            return Some((String::new(), None));
        };
        let path = &frame.path;
        match &mut frame.kind {
            Kind::Map(key) => {
                let (name, span) = key.take()?;
                let child = if path.is_empty() {
                    name
                } else {
                    format!("{path}.{name}")
                };
                Some((child, Some(span)))
            }
            Kind::Seq(next) => {
                let child = format!("{path}[{next}]");
                *next += 1;
                Some((child, None))
            }
        }
    }

    /// The node at `path`, if the file has it.
    pub fn node(&self, path: &str) -> Option<Node> {
        self.nodes.get(path).copied()
    }

    /// The best place to show for `path`: the value itself, else the nearest enclosing value
    /// the file has (a missing `title` points at its chapter).
    pub fn locate(&self, path: &str) -> Option<Span> {
        let mut path = path;
        loop {
            if let Some(node) = self.nodes.get(path) {
                return Some(node.value);
            }
            if path.is_empty() {
                return None;
            }
            path = parent(path);
        }
    }

    /// Where `needle` is written inside the value at `path` (first occurrence), else the
    /// value's place. Used to point at a word inside a long text.
    pub fn locate_text(&self, source: &str, path: &str, needle: &str) -> Option<Span> {
        let span = self.locate(path)?;
        let range = span.start.offset..span.end.offset.max(span.start.offset);
        let found = source
            .get(range)
            .and_then(|written| written.find(needle))
            .map(|at| span.start.offset + at);
        Some(match found {
            Some(at) if !needle.is_empty() => span_of(source, at, at + needle.len()),
            _ => span,
        })
    }

    /// The span of the key or value that starts at byte `offset`, if one does.
    pub fn starting_at(&self, offset: usize) -> Option<Span> {
        self.nodes.values().find_map(|n| match n.key {
            Some(k) if k.start.offset == offset => Some(k),
            _ if n.value.start.offset == offset => Some(n.value),
            _ => None,
        })
    }

    /// The map entry (its path and node) whose key starts at byte `offset`.
    pub fn entry_with_key_at(&self, offset: usize) -> Option<(String, Node)> {
        self.nodes
            .iter()
            .find(|(_, n)| n.key.is_some_and(|k| k.start.offset == offset))
            .map(|(p, n)| (p.clone(), *n))
    }

    /// Every text value of the file, in file order.
    pub fn scalars(&self) -> &[Scalar] {
        &self.scalars
    }
}

impl Place {
    fn max_by_offset(self, other: Place) -> Place {
        if self.offset >= other.offset {
            self
        } else {
            other
        }
    }
}

/// The path one level up: `a.b[2]` → `a.b`, `a.b` → `a`, `a` → the root (`""`).
pub fn parent(path: &str) -> &str {
    match path.rfind(['.', '[']) {
        Some(i) => &path[..i],
        None => "",
    }
}

/// The span of bytes `start..end` of `source`, with lines and columns counted.
pub fn span_of(source: &str, start: usize, end: usize) -> Span {
    Span {
        start: place_of(source, start),
        end: place_of(source, end),
    }
}

/// The place of 1-based `line` and `column` (in characters), clamped to the text.
pub fn place_at(source: &str, line: usize, column: usize) -> Place {
    let mut start = 0;
    for _ in 1..line {
        match source[start..].find('\n') {
            Some(i) => start += i + 1,
            None => break,
        }
    }
    let text_line = &source[start..];
    let text_line = &text_line[..text_line.find('\n').unwrap_or(text_line.len())];
    let within = text_line
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(text_line.len(), |(b, _)| b);
    place_of(source, start + within)
}

/// The line and column of byte `offset` (clamped to the text and to a character boundary).
pub fn place_of(source: &str, offset: usize) -> Place {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Place {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
        offset,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const YAML: &str = "kind: quy-che\ntitle: \"Tiêu đề\"\nchapters:\n  - title: Một\n    articles:\n      - {id: a1, title: Hai}\n      - title: Ba\n        clauses: [x, \"y [[a1]]\"]\n";

    #[test]
    fn paths_point_at_their_values() {
        let index = PositionIndex::build(YAML);
        let at = |p: &str| {
            let s = index.locate(p).unwrap().start;
            (s.line, s.column)
        };
        assert_eq!(at("kind"), (1, 7));
        assert_eq!(at("title"), (2, 8));
        assert_eq!(at("chapters[0].title"), (4, 12));
        assert_eq!(at("chapters[0].articles[0].title"), (6, 25));
        assert_eq!(at("chapters[0].articles[1].clauses[1]"), (8, 22));
        // Missing values fall back to their parent.
        assert_eq!(at("chapters[0].articles[0].clauses"), (6, 9));
        let key = index
            .node("chapters[0].articles[1].title")
            .unwrap()
            .key
            .unwrap();
        assert_eq!((key.start.line, key.start.column), (7, 9));
    }

    #[test]
    fn text_inside_a_value_and_byte_offsets_agree() {
        let index = PositionIndex::build(YAML);
        let s = index
            .locate_text(YAML, "chapters[0].articles[1].clauses[1]", "[[a1]]")
            .unwrap();
        assert_eq!(&YAML[s.start.offset..s.end.offset], "[[a1]]");
        assert_eq!((s.start.line, s.start.column), (8, 25));
        let title = index.locate("title").unwrap();
        assert_eq!(&YAML[title.start.offset..title.end.offset], "\"Tiêu đề\"");
        let values: Vec<&str> = index.scalars().iter().map(|s| s.value.as_str()).collect();
        let complex = PositionIndex::build("? [a, b]\n: x\nc: y\n");
        // Values after a subtree too deep to index keep their own paths.
        let deep = format!(
            "a: {}{}\nb: x\n",
            "[".repeat(MAX_DEPTH + 5),
            "]".repeat(MAX_DEPTH + 5)
        );
        let after = PositionIndex::build(&deep);
        assert_eq!(after.locate("b").unwrap().start.line, 2);
        assert!(complex.node("?").is_some() && complex.node("c").is_some());
        assert_eq!(
            values,
            [
                "quy-che",
                "Tiêu đề",
                "Một",
                "a1",
                "Hai",
                "Ba",
                "x",
                "y [[a1]]"
            ]
        );
    }

    #[test]
    fn deep_nesting_and_alias_bombs_are_indexed_without_recursion_or_expansion() {
        // Block lists 20 000 deep on one line: indexed down to the depth limit, quickly.
        let deep = format!("{}x\n", "- ".repeat(20_000));
        let start = std::time::Instant::now();
        let index = std::thread::spawn(move || PositionIndex::build(&deep))
            .join()
            .expect("no stack overflow");
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
        // Indexed down to MAX_DEPTH; deeper values are placed at that ancestor.
        assert!(index.node(&"[0]".repeat(MAX_DEPTH - 1)).is_some());
        assert!(index.node(&"[0]".repeat(MAX_DEPTH)).is_none());
        let deepest = "[0]".repeat(20_000);
        assert_eq!(
            index.locate(&deepest),
            index.locate(&"[0]".repeat(MAX_DEPTH - 1))
        );
        // Flow lists stop at the parser's own limit.
        let flow = format!("a: {}{}\n", "[".repeat(20_000), "]".repeat(20_000));
        std::thread::spawn(move || PositionIndex::build(&flow))
            .join()
            .expect("no stack overflow");
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (prev, name) in ["a", "b", "c", "d", "e", "f", "g", "h"]
            .iter()
            .zip(["b", "c", "d", "e", "f", "g", "h", "i"])
        {
            bomb.push_str(&format!(
                "{name}: &{name} [{}]\n",
                vec![format!("*{prev}"); 9].join(", ")
            ));
        }
        let index = PositionIndex::build(&bomb);
        assert!(index.scalars().len() < 20);
    }
}
