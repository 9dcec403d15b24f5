//! The spec an import writes: a tree of maps, lists and text with the comments that explain
//! it, written as block YAML. Every scalar is written by `serde_yaml` (quoted where YAML needs
//! it); a text with line breaks becomes a literal block, or a JSON-style quoted string inside
//! a list.

/// A value of the spec.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// A text.
    Text(String),
    /// A whole number.
    Int(i64),
    /// A truth value.
    Bool(bool),
    /// A map.
    Map(Map),
    /// A list.
    List(Vec<Noted>),
}

/// A list element with the comment lines written above it.
#[derive(Debug, Clone, PartialEq)]
pub struct Noted {
    /// The comment lines (without `#`).
    pub notes: Vec<String>,
    /// The value.
    pub value: Node,
}

impl Noted {
    /// A value without comments.
    pub fn plain(value: Node) -> Noted {
        Noted {
            notes: Vec::new(),
            value,
        }
    }
}

/// A map whose keys keep the order they were put in.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Map(Vec<(String, Noted)>);

impl Map {
    /// An empty map.
    pub fn new() -> Map {
        Map::default()
    }

    /// Adds `key: value`.
    pub fn put(&mut self, key: &str, value: Node) {
        self.0.push((key.to_owned(), Noted::plain(value)));
    }

    /// Adds `key: value` under comment lines.
    pub fn put_noted(&mut self, key: &str, value: Node, notes: Vec<String>) {
        self.0.push((key.to_owned(), Noted { notes, value }));
    }

    /// Adds `key: text`.
    pub fn text(&mut self, key: &str, text: &str) {
        self.put(key, Node::Text(text.to_owned()));
    }

    /// Adds `key:` with its list when the list has elements.
    pub fn list(&mut self, key: &str, items: Vec<Noted>) {
        if !items.is_empty() {
            self.put(key, Node::List(items));
        }
    }

    /// Whether it has no keys.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Adds a comment line above the entry `key`.
    pub fn note(&mut self, key: &str, note: &str) {
        if let Some((_, noted)) = self.0.iter_mut().find(|(k, _)| k == key) {
            noted.notes.push(note.to_owned());
        }
    }

    /// Drops the comment lines above the entry `key`.
    pub fn unnote(&mut self, key: &str) {
        if let Some((_, noted)) = self.0.iter_mut().find(|(k, _)| k == key) {
            noted.notes.clear();
        }
    }

    /// Takes the entry `key` out.
    pub fn remove(&mut self, key: &str) -> Option<Noted> {
        let at = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.remove(at).1)
    }

    /// Its entries, in order.
    pub fn entries(&self) -> impl Iterator<Item = &(String, Noted)> {
        self.0.iter()
    }

    /// Adds `key: value` as the first entry.
    pub fn put_first(&mut self, key: &str, value: Node) {
        self.0.insert(0, (key.to_owned(), Noted::plain(value)));
    }

    /// Appends an element to the list under `key`, making the list when there is none.
    pub fn push_to(&mut self, key: &str, item: Noted) {
        match self.0.iter_mut().find(|(k, _)| k == key) {
            Some((
                _,
                Noted {
                    value: Node::List(items),
                    ..
                },
            )) => items.push(item),
            _ => self.put(key, Node::List(vec![item])),
        }
    }

    /// Moves the entry `key` before the first of `later` that the map has (the spec reads in
    /// page order).
    pub fn move_before(&mut self, key: &str, later: &[&str]) {
        let Some(from) = self.0.iter().position(|(k, _)| k == key) else {
            return;
        };
        let entry = self.0.remove(from);
        let to = self
            .0
            .iter()
            .position(|(k, _)| later.contains(&k.as_str()))
            .unwrap_or(self.0.len());
        self.0.insert(to, entry);
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| &v.value)
    }

    /// Replaces the value of `key` where it stands (its comments kept); nothing when absent.
    pub fn set(&mut self, key: &str, value: Node) {
        if let Some((_, noted)) = self.0.iter_mut().find(|(k, _)| k == key) {
            noted.value = value;
        }
    }
}

/// The YAML text of `map`, after the comment lines of `header`.
pub fn write(header: &[String], map: &Map) -> String {
    let mut out = String::new();
    for line in header {
        comment(&mut out, 0, line);
    }
    write_map(&mut out, map, 0);
    out
}

fn comment(out: &mut String, indent: usize, text: &str) {
    for line in text.lines() {
        out.push_str(&" ".repeat(indent));
        out.push('#');
        if !line.is_empty() {
            out.push(' ');
            out.push_str(line);
        }
        out.push('\n');
    }
}

fn write_map(out: &mut String, map: &Map, indent: usize) {
    let pad = " ".repeat(indent);
    for (key, noted) in &map.0 {
        for note in &noted.notes {
            comment(out, indent, note);
        }
        match &noted.value {
            Node::Text(text) if text.contains('\n') && literal_fits(text) => {
                out.push_str(&format!("{pad}{key}: |-\n"));
                for line in text.lines() {
                    out.push_str(&format!("{pad}  {line}\n"));
                }
            }
            Node::Text(text) => out.push_str(&format!("{pad}{key}: {}\n", scalar(text))),
            Node::Int(n) => out.push_str(&format!("{pad}{key}: {n}\n")),
            Node::Bool(b) => out.push_str(&format!("{pad}{key}: {b}\n")),
            Node::Map(inner) => {
                out.push_str(&format!("{pad}{key}:\n"));
                write_map(out, inner, indent + 2);
            }
            Node::List(items) => {
                out.push_str(&format!("{pad}{key}:\n"));
                write_list(out, items, indent + 2);
            }
        }
    }
}

fn write_list(out: &mut String, items: &[Noted], indent: usize) {
    let pad = " ".repeat(indent);
    for item in items {
        for note in &item.notes {
            comment(out, indent, note);
        }
        match &item.value {
            Node::Text(text) => out.push_str(&format!("{pad}- {}\n", scalar(text))),
            Node::Int(n) => out.push_str(&format!("{pad}- {n}\n")),
            Node::Bool(b) => out.push_str(&format!("{pad}- {b}\n")),
            Node::Map(map) => {
                // The map written two columns in, its first key line then opened by the dash.
                let mut inner = String::new();
                write_map(&mut inner, map, indent + 2);
                let inner_pad = " ".repeat(indent + 2);
                let mut opened = false;
                for line in inner.lines() {
                    let is_comment = line.trim_start().starts_with('#');
                    if !opened && !is_comment {
                        out.push_str(&format!("{pad}- {}\n", &line[inner_pad.len()..]));
                        opened = true;
                    } else {
                        out.push_str(line);
                        out.push('\n');
                    }
                }
            }
            Node::List(inner) => {
                out.push_str(&format!("{pad}-\n"));
                write_list(out, inner, indent + 2);
            }
        }
    }
}

/// Whether a text with line breaks can be a literal block: no line empty or with spaces at
/// its ends, no tab (a literal block keeps every character as it is).
fn literal_fits(text: &str) -> bool {
    text.lines()
        .all(|l| !l.is_empty() && l.trim() == l && !l.contains('\t'))
        && !text.ends_with('\n')
}

/// One text as a YAML scalar on one line: as `serde_yaml` writes it (plain when that reads
/// back as the same text, quoted otherwise), or JSON-quoted (valid YAML) when that would take
/// more than one line.
pub fn scalar(text: &str) -> String {
    if !text.contains('\n')
        && let Ok(yaml) = serde_yaml::to_string(text)
    {
        let yaml = yaml.strip_suffix('\n').unwrap_or(&yaml);
        if !yaml.contains('\n') {
            return yaml.to_owned();
        }
    }
    serde_json::to_string(text).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_lists_comments_and_quoting() {
        let mut point = Map::new();
        point.text("text", "true");
        point.list(
            "items",
            vec![Noted::plain(Node::Text("- dấu: gạch #1".into()))],
        );
        let mut root = Map::new();
        root.text("title", "KẾ HOẠCH\nPhối hợp");
        root.put_noted("year", Node::Int(2025), vec!["năm ban hành".into()]);
        root.list(
            "points",
            vec![Noted {
                notes: vec!["ghi chú".into()],
                value: Node::Map(point),
            }],
        );
        let text = write(&["tệp nhập".into()], &root);
        assert_eq!(
            text,
            "# tệp nhập\ntitle: |-\n  KẾ HOẠCH\n  Phối hợp\n# năm ban hành\nyear: 2025\n\
             points:\n  # ghi chú\n  - text: 'true'\n    items:\n      - '- dấu: gạch #1'\n"
        );
        let back: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
        assert_eq!(back["points"][0]["text"].as_str(), Some("true"));
        assert_eq!(back["title"].as_str(), Some("KẾ HOẠCH\nPhối hợp"));
    }
}
