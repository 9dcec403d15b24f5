//! Where each value of a spec stands in its file: YAML paths (`chapters[1].articles[3].title`,
//! the form the loader, numbering and check report) → line, column and byte range, read off
//! the file's YAML [`Tree`]. Every finding that is not a YAML syntax error gets its place
//! from here.

use crate::yaml::tree::{NodeId, NodeKind, Tree};

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

/// One value of the file: where its key (for a map entry) and the value itself are.
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

/// The file's tree with its text values listed by path.
#[derive(Debug, Clone, Default)]
pub struct PositionIndex {
    tree: Tree,
    scalars: Vec<Scalar>,
}

/// Paths are followed at most this deep, and text values listed down to it: a spec is at
/// most about a dozen levels deep, and every listed value holds its full path, so listing
/// 20 000 levels would cost quadratic time and memory. Deeper values are placed at their
/// nearest ancestor within the limit.
const MAX_DEPTH: usize = 64;

/// One step of a path as written: a key, or a list index.
enum Step<'p> {
    Key(&'p str),
    Index(usize),
}

/// The steps of a path (`a.b[2]` → `a`, `b`, `[2]`); a key of a map or list used as a key is
/// written `?`.
fn steps(path: &str) -> Vec<Step<'_>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, mut rest) = part.split_at(part.find('[').unwrap_or(part.len()));
        if !key.is_empty() {
            out.push(Step::Key(key));
        }
        while let Some(close) = rest.find(']') {
            if let Ok(i) = rest[1..close].parse() {
                out.push(Step::Index(i));
            }
            rest = &rest[close + 1..];
        }
    }
    out
}

impl PositionIndex {
    /// Reads the first YAML document of `source` (up to its first syntax error, if any:
    /// syntax errors are reported by the loader).
    pub fn build(source: &str) -> PositionIndex {
        let tree = Tree::parse(source);
        let scalars = scalars(&tree);
        PositionIndex { tree, scalars }
    }

    /// The file's tree.
    pub fn tree(&self) -> &Tree {
        &self.tree
    }

    /// The nodes along `path` from the root, as far as the file has them: (key node, value
    /// node) for each step taken, the root first (with no key).
    fn walk(&self, path: &str) -> (Vec<(Option<NodeId>, NodeId)>, bool) {
        let Some(root) = self.tree.root else {
            return (Vec::new(), false);
        };
        let steps = steps(path);
        let mut found = vec![(None, root)];
        for (depth, step) in steps.iter().enumerate() {
            let here = found.last().expect("root").1;
            let next = match (&self.tree.node(here).kind, step) {
                _ if depth + 1 >= MAX_DEPTH => None,
                (NodeKind::Map(entries), Step::Key(k)) => entries
                    .iter()
                    .find(|e| match self.tree.scalar(e.key) {
                        Some(text) => text == *k,
                        None => *k == "?",
                    })
                    .map(|e| (Some(e.key), e.value)),
                (NodeKind::Seq(items), Step::Index(i)) => items.get(*i).map(|&v| (None, v)),
                _ => None,
            };
            match next {
                Some(n) => found.push(n),
                None => return (found, false),
            }
        }
        (found, true)
    }

    /// The node at `path`, if the file has it.
    pub fn node(&self, path: &str) -> Option<Node> {
        match self.walk(path) {
            (found, true) => found.last().map(|&(key, value)| Node {
                key: key.map(|k| self.tree.node(k).span),
                value: self.tree.node(value).span,
            }),
            _ => None,
        }
    }

    /// The best place to show for `path`: the value itself, else the nearest enclosing value
    /// the file has (a missing `title` points at its chapter).
    pub fn locate(&self, path: &str) -> Option<Span> {
        let (found, _) = self.walk(path);
        found.last().map(|&(_, value)| self.tree.node(value).span)
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
        self.tree
            .nodes
            .iter()
            .find(|n| n.span.start.offset == offset)
            .map(|n| n.span)
    }

    /// Every text value of the file, in file order.
    pub fn scalars(&self) -> &[Scalar] {
        &self.scalars
    }
}

/// The text values of `tree` (not keys, not aliases) with their paths, in file order, down
/// to [`MAX_DEPTH`]. The walk keeps its own stack, so depth cannot overflow the thread's.
fn scalars(tree: &Tree) -> Vec<Scalar> {
    let mut out = Vec::new();
    let Some(root) = tree.root else { return out };
    let mut pending: Vec<(NodeId, String, usize)> = vec![(root, String::new(), 0)];
    while let Some((id, path, depth)) = pending.pop() {
        let node = tree.node(id);
        match &node.kind {
            NodeKind::Scalar { text, .. } => out.push(Scalar {
                path,
                value: text.clone(),
                span: node.span,
            }),
            _ if depth + 1 >= MAX_DEPTH => {}
            NodeKind::Seq(items) => {
                for (i, &item) in items.iter().enumerate().rev() {
                    pending.push((item, format!("{path}[{i}]"), depth + 1));
                }
            }
            NodeKind::Map(entries) => {
                for e in entries.iter().rev() {
                    let key = tree.scalar(e.key).unwrap_or("?");
                    let child = if path.is_empty() {
                        key.to_owned()
                    } else {
                        format!("{path}.{key}")
                    };
                    pending.push((e.value, child, depth + 1));
                }
            }
            NodeKind::Alias(_) => {}
        }
    }
    out
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
