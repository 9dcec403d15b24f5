//! The body of a document: its lines sorted into Chương, Mục, Điều, mục I., khoản, điểm and
//! dash items by the marks that open them, and written as the spec's keys. A line that has no
//! place in the spec's tree (a điểm outside any khoản, a dash item directly in a Điều) is kept
//! as a paragraph of the nearest provision that takes paragraphs, with a comment, and listed.

use super::Unplaced;
use super::lines::{Line, Mark, mark};
use super::yaml::{Map, Node, Noted};
use crate::kind::{Body as Form, Kind};
use crate::render::Role;

/// The level of a provision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Chương.
    Chapter,
    /// Mục of a legal document.
    Division,
    /// Điều.
    Article,
    /// Mục I., II.
    Section,
    /// Khoản.
    Clause,
    /// Điểm.
    Point,
    /// Dash item.
    Item,
    /// Plus item (under a dash item).
    Plus,
}

impl Level {
    /// The spec key that lists provisions of this level.
    fn key(self) -> &'static str {
        match self {
            Level::Chapter => "chapters",
            Level::Division => "divisions",
            Level::Article => "articles",
            Level::Section => "sections",
            Level::Clause => "clauses",
            Level::Point => "points",
            Level::Item | Level::Plus => "items",
        }
    }

    /// Whether a provision of this level may hold one of `child`'s.
    fn holds(self, child: Level) -> bool {
        use Level::*;
        matches!(
            (self, child),
            (Chapter, Division | Article)
                | (Division, Article)
                | (Article, Clause)
                | (Section, Clause | Item)
                | (Clause, Point | Item)
                | (Point, Item)
                | (Item, Plus)
        )
    }

    /// The level whose free paragraph a paragraph of `role` is.
    fn owning(role: Role) -> Option<Level> {
        match role {
            Role::Lead => None,
            Role::ArticleParagraph => Some(Level::Article),
            Role::SectionParagraph => Some(Level::Section),
            Role::ClauseParagraph => Some(Level::Clause),
            Role::PointParagraph => Some(Level::Point),
        }
    }

    /// Whether it takes free paragraphs.
    fn takes_paragraphs(self) -> bool {
        matches!(
            self,
            Level::Article | Level::Section | Level::Clause | Level::Point
        )
    }
}

/// One provision as read.
#[derive(Debug, Clone)]
pub struct Provision {
    /// Its level.
    pub level: Level,
    /// Its title (empty when it has none).
    pub title: String,
    /// Its running text.
    pub text: Option<String>,
    /// The provisions it holds.
    pub children: Vec<Provision>,
    /// Its free paragraphs, each with the comment lines above it.
    pub paragraphs: Vec<Noted>,
    /// Its keys in the order their first content came (the spec prints them in that order).
    order: Vec<&'static str>,
}

impl Provision {
    fn new(level: Level) -> Provision {
        Provision {
            level,
            title: String::new(),
            text: None,
            children: Vec::new(),
            paragraphs: Vec::new(),
            order: Vec::new(),
        }
    }

    fn note_key(&mut self, key: &'static str) {
        if !self.order.contains(&key) {
            self.order.push(key);
        }
    }

    fn is_bare(&self) -> bool {
        self.title.is_empty()
            && self.text.is_none()
            && self.children.is_empty()
            && self.paragraphs.is_empty()
    }

    /// How many provisions of `level` it holds, itself included.
    pub fn count(&self, level: Level) -> usize {
        usize::from(self.level == level)
            + self.children.iter().map(|c| c.count(level)).sum::<usize>()
    }
}

/// The body as read: the paragraphs before the first provision, the provisions, and the form
/// they take.
#[derive(Debug, Default)]
pub struct Body {
    /// Its form, when it has provisions.
    pub form: Option<Form>,
    /// Whether khoản "1." at the top were read as mục (a body with no mục I.).
    pub promoted: bool,
    /// The paragraphs before the first provision.
    pub preamble: Vec<Line>,
    /// The top-level provisions.
    pub top: Vec<Provision>,
}

/// Reads the body lines of a document of `kind`.
pub fn read(lines: &[Line], kind: Kind, unplaced: &mut Vec<Unplaced>) -> Body {
    let lines = tables_as_rows(lines, unplaced);
    let marks: Vec<Option<Mark>> = lines.iter().map(|l| mark(&l.text)).collect();
    let has = |f: fn(&Mark) -> bool| marks.iter().flatten().any(f);
    let (form, top_level, promoted) = if has(|m| matches!(m, Mark::Chapter(..))) {
        (Form::Chapters, Level::Chapter, false)
    } else if has(|m| matches!(m, Mark::Division(..))) && has(|m| matches!(m, Mark::Article(..))) {
        (Form::Divisions, Level::Division, false)
    } else if has(|m| matches!(m, Mark::Article(..))) {
        (Form::Articles, Level::Article, false)
    } else if has(|m| matches!(m, Mark::Section(..))) {
        (Form::Sections, Level::Section, false)
    } else if has(|m| matches!(m, Mark::Clause(..))) {
        (Form::Sections, Level::Section, true)
    } else {
        return Body {
            preamble: lines,
            ..Body::default()
        };
    };
    let mut reader = Reader {
        kind,
        form,
        top_level,
        stack: Vec::new(),
        top: Vec::new(),
        pending: Vec::new(),
        unplaced,
    };
    let mut preamble = Vec::new();
    for (line, m) in lines.iter().zip(marks) {
        let provision = m.map(|m| reader.provision(m, promoted, line.bold));
        match provision {
            Some(p) if reader.stack.is_empty() && reader.top.is_empty() && p.level != top_level => {
                // Before the first provision of the top level, lines are the preamble.
                preamble.push(line.clone());
            }
            Some(p) => reader.place(p, line),
            None if reader.stack.is_empty() && reader.top.is_empty() => preamble.push(line.clone()),
            None => reader.paragraph(line),
        }
    }
    reader.close_all();
    Body {
        form: Some(form),
        promoted,
        preamble,
        top: reader.top,
    }
}

/// A table inside the body (the spec has none there): each row kept as one paragraph, its
/// cells joined by " | ", and listed.
fn tables_as_rows(lines: &[Line], unplaced: &mut Vec<Unplaced>) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let mut last_row = None;
    for line in lines {
        match line.cell {
            None => {
                out.push(line.clone());
                last_row = None;
            }
            Some(cell) => {
                let row = (cell.table, cell.row);
                if last_row == Some(row)
                    && let Some(prev) = out.last_mut()
                {
                    prev.text.push_str(" | ");
                    prev.text.push_str(&line.text);
                    continue;
                }
                last_row = Some(row);
                out.push(Line {
                    text: line.text.clone(),
                    at: line.at,
                    cell: None,
                    bold: line.bold,
                    centred: line.centred,
                    role: None,
                });
                unplaced.push(Unplaced {
                    at: line.at,
                    text: line.text.clone(),
                    why: "dòng của một bảng trong thân văn bản (tệp YAML chỉ có bảng trong phụ lục): \
                          giữ làm đoạn văn, các ô cách nhau bằng \" | \""
                        .to_owned(),
                });
            }
        }
    }
    out
}

struct Reader<'u> {
    kind: Kind,
    form: Form,
    top_level: Level,
    stack: Vec<Provision>,
    top: Vec<Provision>,
    /// Paragraphs waiting for a provision that takes them (text directly under a Chương).
    pending: Vec<Noted>,
    unplaced: &'u mut Vec<Unplaced>,
}

impl Reader<'_> {
    /// The provision a mark opens, its words placed as title or text (a khoản whose line is
    /// all in bold, as the Word writer sets a khoản's title, has a title).
    fn provision(&self, m: Mark, promoted: bool, bold: bool) -> Provision {
        let ends = |s: &str| s.ends_with(['.', ';', ':', ',']);
        let (level, rest) = match m {
            Mark::Chapter(_, r) => (Level::Chapter, r),
            Mark::Division(_, r) => (Level::Division, r),
            Mark::Article(_, r) => (Level::Article, r),
            Mark::Section(_, r) => (Level::Section, r),
            Mark::Clause(_, r) if promoted => (Level::Section, r),
            Mark::Clause(_, r) => (Level::Clause, r),
            Mark::Point(_, r) if promoted => (Level::Clause, r),
            Mark::Point(_, r) => (Level::Point, r),
            Mark::Dash(r) => (Level::Item, r),
            Mark::Plus(r) => (Level::Plus, r),
        };
        let mut p = Provision::new(level);
        match level {
            Level::Chapter | Level::Division | Level::Section => p.title = rest,
            Level::Article
                if self.kind.untitled_articles() && (ends(&rest) || rest.chars().count() > 150) =>
            {
                p.text = Some(rest)
            }
            Level::Article => p.title = rest,
            Level::Clause if bold && !rest.is_empty() => p.title = rest,
            Level::Clause
                if self.form == Form::Sections
                    && !rest.is_empty()
                    && !ends(&rest)
                    && rest.chars().count() <= 100 =>
            {
                p.title = rest
            }
            _ if rest.is_empty() => {}
            _ => p.text = Some(rest),
        }
        p
    }

    /// Places a provision under the nearest open one that may hold it, or at the top.
    fn place(&mut self, p: Provision, line: &Line) {
        if let Some(at) = self
            .stack
            .iter()
            .rposition(|open| open.level.holds(p.level))
        {
            while self.stack.len() > at + 1 {
                self.close();
            }
            self.stack.push(p);
        } else if p.level == self.top_level {
            self.close_all();
            self.stack.push(p);
        } else {
            let what = match p.level {
                Level::Point => "điểm không nằm trong khoản nào",
                Level::Item | Level::Plus => "ý gạch đầu dòng không có chỗ ở cấp này",
                Level::Clause => "khoản không nằm trong điều hay mục nào",
                _ => "đề mục không đúng cấp của thân văn bản",
            };
            self.unplaced_paragraph(line, what);
        }
    }

    /// A line without a mark: the title of a bare Chương or Mục, the text of a bare khoản,
    /// or a paragraph of the nearest provision that takes paragraphs.
    fn paragraph(&mut self, line: &Line) {
        // A lead-in under a title line is the text of the provision just opened.
        if line.role == Some(Role::Lead)
            && let Some(open) = self.stack.last_mut()
            && open.text.is_none()
            && open.children.is_empty()
            && open.paragraphs.is_empty()
        {
            open.text = Some(line.text.clone());
            return;
        }
        // A paragraph whose style names its owner goes to the nearest open provision of that
        // level (an Điều's paragraph after its last khoản prints like the khoản's own).
        if let Some(level) = line.role.and_then(Level::owning)
            && let Some(at) = self.stack.iter().rposition(|open| open.level == level)
        {
            while self.stack.len() > at + 1 {
                self.close();
            }
            if let Some(open) = self.stack.last_mut() {
                open.note_key("paragraphs");
                open.paragraphs
                    .push(Noted::plain(Node::Text(line.text.clone())));
            }
            return;
        }
        // A title in capitals broken over two lines: "Mục 4. PHỐI HỢP TRONG CÔNG TÁC" /
        // "THỐNG KÊ, KIỂM KÊ ĐẤT ĐAI …".
        if let Some(open) = self.stack.last_mut()
            && matches!(
                open.level,
                Level::Chapter | Level::Division | Level::Section
            )
            && !open.title.is_empty()
            && open.children.is_empty()
            && open.paragraphs.is_empty()
            && !open.title.chars().any(char::is_lowercase)
            && !line.text.chars().any(char::is_lowercase)
        {
            open.title.push(' ');
            open.title.push_str(&line.text);
            return;
        }
        if let Some(open) = self.stack.last_mut()
            && open.is_bare()
        {
            if matches!(
                open.level,
                Level::Chapter | Level::Division | Level::Section | Level::Article
            ) {
                open.title = line.text.clone();
                return;
            }
            open.text = Some(line.text.clone());
            return;
        }
        while self
            .stack
            .last()
            .is_some_and(|open| !open.level.takes_paragraphs())
            && self.stack.len() > 1
            && self.stack.iter().any(|p| p.level.takes_paragraphs())
        {
            self.close();
        }
        match self.stack.last_mut() {
            Some(open) if open.level.takes_paragraphs() => {
                open.note_key("paragraphs");
                open.paragraphs
                    .push(Noted::plain(Node::Text(line.text.clone())));
            }
            _ => {
                self.unplaced.push(Unplaced {
                    at: line.at,
                    text: line.text.clone(),
                    why: "đoạn văn ngay dưới tên chương hoặc mục: chuyển vào điều kế tiếp"
                        .to_owned(),
                });
                self.pending.push(Noted {
                    notes: vec![format!(
                        "Đoạn này đứng ngay dưới tên chương/mục trong văn bản gốc (vị trí {}).",
                        line.at
                    )],
                    value: Node::Text(line.text.clone()),
                });
            }
        }
    }

    /// Keeps a line that has no place as a paragraph of the nearest provision that takes
    /// paragraphs, with a comment, and lists it.
    fn unplaced_paragraph(&mut self, line: &Line, what: &str) {
        self.unplaced.push(Unplaced {
            at: line.at,
            text: line.text.clone(),
            why: format!("{what}: giữ làm đoạn văn"),
        });
        let noted = Noted {
            notes: vec![format!(
                "Chưa xếp được ({what}); giữ nguyên văn làm đoạn văn (vị trí {})",
                line.at
            )],
            value: Node::Text(line.text.clone()),
        };
        while self
            .stack
            .last()
            .is_some_and(|open| !open.level.takes_paragraphs())
            && self.stack.iter().any(|p| p.level.takes_paragraphs())
        {
            self.close();
        }
        match self.stack.last_mut() {
            Some(open) if open.level.takes_paragraphs() => {
                open.note_key("paragraphs");
                open.paragraphs.push(noted);
            }
            _ => self.pending.push(noted),
        }
    }

    /// Closes the innermost open provision into its parent (or the top list).
    fn close(&mut self) {
        let Some(mut done) = self.stack.pop() else {
            return;
        };
        if done.level.takes_paragraphs() && !self.pending.is_empty() {
            done.note_key("paragraphs");
            let mut paragraphs = std::mem::take(&mut self.pending);
            paragraphs.append(&mut done.paragraphs);
            done.paragraphs = paragraphs;
        }
        match self.stack.last_mut() {
            Some(parent) => {
                parent.note_key(done.level.key());
                parent.children.push(done);
            }
            None => self.top.push(done),
        }
    }

    fn close_all(&mut self) {
        while !self.stack.is_empty() {
            self.close();
        }
    }
}

/// Unique ids made from titles.
#[derive(Default)]
pub struct Ids(std::collections::BTreeSet<String>);

impl Ids {
    /// An id for `title` not given before ("muc-dich", then "muc-dich-2").
    pub fn make(&mut self, title: &str, fallback: &str) -> String {
        let mut base = crate::vietnamese::slug(title, 6);
        if base.is_empty() || !base.starts_with(|c: char| c.is_ascii_alphabetic()) {
            base = if base.is_empty() {
                fallback.to_owned()
            } else {
                format!("{fallback}-{base}")
            };
        }
        let mut id = base.clone();
        let mut n = 2;
        while self.0.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.0.insert(id.clone());
        id
    }
}

/// A provision as the spec writes it.
pub fn node(p: &Provision, ids: &mut Ids) -> Node {
    let bare_text = p.title.is_empty()
        && p.children.is_empty()
        && p.paragraphs.is_empty()
        && matches!(
            p.level,
            Level::Clause | Level::Point | Level::Item | Level::Plus
        );
    if bare_text {
        return Node::Text(p.text.clone().unwrap_or_default());
    }
    let mut map = Map::new();
    let titled = matches!(
        p.level,
        Level::Chapter | Level::Division | Level::Article | Level::Section | Level::Clause
    );
    if titled && !p.title.is_empty() {
        let fallback = match p.level {
            Level::Chapter => "chuong",
            Level::Division => "muc",
            Level::Article => "dieu",
            Level::Section => "muc",
            _ => "khoan",
        };
        map.text("id", &ids.make(&p.title, fallback));
        map.text("title", &p.title);
    } else if matches!(p.level, Level::Chapter | Level::Division | Level::Section) {
        map.put_noted(
            "title",
            Node::Text(String::new()),
            vec!["Văn bản gốc không có tên ở đây: điền tên.".to_owned()],
        );
    }
    match (&p.text, p.level) {
        (Some(text), _) => map.text("text", text),
        (None, Level::Point | Level::Item | Level::Plus) => map.text("text", ""),
        _ => {}
    }
    // A heading with nothing under it (the source says "see the appendix"): the spec needs
    // content there, so a placeholder that `vanban check` points out.
    if p.text.is_none() && p.children.is_empty() && p.paragraphs.is_empty() {
        map.put_noted(
            "paragraphs",
            Node::List(vec![Noted::plain(Node::Text("«…»".to_owned()))]),
            vec!["Văn bản gốc không có nội dung dưới đề mục này: điền, hoặc bỏ đề mục.".to_owned()],
        );
    }
    for key in &p.order {
        if *key == "paragraphs" {
            map.list("paragraphs", p.paragraphs.clone());
            continue;
        }
        let children: Vec<Noted> = p
            .children
            .iter()
            .filter(|c| c.level.key() == *key)
            .map(|c| Noted::plain(node(c, ids)))
            .collect();
        map.list(key, children);
    }
    Node::Map(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, at: usize, role: Option<Role>) -> Line {
        Line {
            text: text.to_owned(),
            at,
            cell: None,
            bold: false,
            centred: false,
            role,
        }
    }

    /// An Điều's paragraph after its last khoản goes back to the Điều when its style says so,
    /// and to the last điểm when it does not (a typed document); a lead-in is the Điều's text.
    #[test]
    fn a_styled_paragraph_goes_to_its_owner() {
        let kind = Kind::from_key("quy-che").unwrap();
        let counts = |role| {
            let lines = [
                line("Điều 1. Phạm vi", 1, None),
                line("Điều này quy định:", 2, Some(Role::Lead)),
                line("1. Khoản một.", 3, None),
                line("a) Điểm a.", 4, None),
                line("Đoạn sau cùng.", 5, role),
            ];
            let mut unplaced = Vec::new();
            let body = read(&lines, kind, &mut unplaced);
            assert!(unplaced.is_empty());
            let article = &body.top[0];
            assert_eq!(article.text.as_deref(), Some("Điều này quy định:"));
            let clause = &article.children[0];
            let point = &clause.children[0];
            (
                article.paragraphs.len(),
                clause.paragraphs.len(),
                point.paragraphs.len(),
            )
        };
        assert_eq!(counts(Some(Role::ArticleParagraph)), (1, 0, 0));
        assert_eq!(counts(Some(Role::ClauseParagraph)), (0, 1, 0));
        assert_eq!(counts(Some(Role::PointParagraph)), (0, 0, 1));
        assert_eq!(counts(None), (0, 0, 1));
    }
}
