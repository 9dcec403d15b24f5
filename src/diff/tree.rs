//! One version of a programme as a tree of comparable parts: the header facts, every provision
//! (Chương, Điều, mục, khoản, điểm, ý), the signatures, Nơi nhận and Phụ lục with their table
//! rows. The spec gives each part its text as written and its `reason`, the [`Outline`] its
//! number, label and id, the composed [`Document`] its printed text; nothing is numbered here.

use crate::document::{ArticleView, ClauseView, DivisionView, Document, ItemView};
use crate::markup::{Text, fold_whitespace};
use crate::number::{Outline, Part as NumberedPart, Provision, labels};
use crate::spec::{self, Spec};
use serde::Serialize;

/// What kind of part a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// The whole document (the root).
    Document,
    /// Tên loại.
    Kind,
    /// Trích yếu.
    Title,
    /// Số, ký hiệu.
    Number,
    /// Địa danh, ngày tháng.
    Date,
    /// A cơ quan ban hành.
    Issuer,
    /// A căn cứ.
    Basis,
    /// A party of the party block.
    Party,
    /// A paragraph of the lời mở đầu.
    Preamble,
    /// Chương.
    Chapter,
    /// Điều.
    Article,
    /// Mục I., II.
    Section,
    /// Khoản.
    Clause,
    /// Điểm.
    Point,
    /// A dash or plus item.
    Item,
    /// A closing paragraph.
    Closing,
    /// A signature block.
    Signature,
    /// A Nơi nhận line.
    Recipient,
    /// Phụ lục.
    Appendix,
    /// A row of an appendix table.
    Row,
    /// Mục of a legal document.
    Division,
    /// A text the document issues (a quy chế attached to a decision).
    Attachment,
}

impl Level {
    /// The Vietnamese name of the part, as reports print it.
    pub fn name(self) -> &'static str {
        match self {
            Level::Document => "văn bản",
            Level::Kind => "tên loại",
            Level::Title => "trích yếu",
            Level::Number => "số, ký hiệu",
            Level::Date => "địa danh, ngày tháng",
            Level::Issuer => "cơ quan ban hành",
            Level::Basis => "căn cứ",
            Level::Party => "thành phần ký kết",
            Level::Preamble => "đoạn mở đầu",
            Level::Chapter => "chương",
            Level::Article => "điều",
            Level::Section => "mục",
            Level::Clause => "khoản",
            Level::Point => "điểm",
            Level::Item => "ý",
            Level::Closing => "đoạn kết",
            Level::Signature => "chữ ký",
            Level::Recipient => "nơi nhận",
            Level::Appendix => "phụ lục",
            Level::Division => "mục",
            Level::Attachment => "văn bản kèm theo",
            Level::Row => "hàng của bảng",
        }
    }
}

/// One comparable part.
#[derive(Debug, Clone)]
pub struct Node {
    /// What it is.
    pub level: Level,
    /// The author's id, or the key that names a unique part (an issuer's id for its signature).
    pub id: Option<String>,
    /// YAML path in its spec (`chapters[1].articles[2]`).
    pub path: String,
    /// Its own number as printed within its parent ("5", "a", "II"), if it has one.
    pub local: Option<String>,
    /// How running text cites it ("khoản 2 Điều 5"), or where it stands when it has no number
    /// ("ý trong khoản 2 Điều 5", "chữ ký của stttt").
    pub place: String,
    /// Whether `place` is a number (a provision citation) rather than a description.
    pub numbered: bool,
    /// The mark printed before its text ("Điều 5.", "2.", "a)", "-"), possibly empty.
    pub marker: String,
    /// Its own text as the author wrote it, whitespace folded: a part is "changed" when this
    /// and its printed text both differ (a reference renumbered is not a change of its own;
    /// text written otherwise but printed the same is none either).
    pub raw: String,
    /// Its own text as printed (references resolved), one line per paragraph.
    pub shown: String,
    /// Lý do, thuyết minh given by the author.
    pub reason: Option<String>,
    /// Index of the parent node (none for the root).
    pub parent: Option<usize>,
    /// Indexes of the children, in order.
    pub children: Vec<usize>,
}

impl Node {
    /// The node's printed text with its marker in front.
    pub fn marked(&self) -> String {
        if self.marker.is_empty() {
            self.shown.clone()
        } else if self.shown.is_empty() {
            self.marker.clone()
        } else {
            format!("{} {}", self.marker, self.shown)
        }
    }
}

/// A version as a tree; node 0 is the root and nodes are stored in reading order.
#[derive(Debug, Clone, Default)]
pub struct Tree {
    /// All nodes, parents before children.
    pub nodes: Vec<Node>,
}

/// Text lines joined for comparison and display.
fn join<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn join_owned(parts: &[String]) -> String {
    join(parts.iter().map(String::as_str))
}

fn folded<'a>(parts: impl IntoIterator<Item = &'a String>) -> String {
    join_owned(
        &parts
            .into_iter()
            .map(|p| fold_whitespace(p))
            .collect::<Vec<_>>(),
    )
}

/// The text as written of a part printed in capitals (issuer names, signature authority and
/// title), whitespace folded and in capitals: its case as written is not a change.
fn capitals(text: &str) -> String {
    fold_whitespace(text).to_uppercase()
}

fn plain<'a>(texts: impl IntoIterator<Item = &'a Text>) -> String {
    join(texts.into_iter().map(|t| t.plain.as_str()))
}

/// The fields a new node starts from.
struct Part {
    level: Level,
    id: Option<String>,
    path: String,
    local: Option<String>,
    place: String,
    numbered: bool,
    marker: String,
    raw: String,
    shown: String,
    reason: Option<String>,
}

impl Part {
    /// A part with no number and no marker, whose printed text is `shown`.
    fn unnumbered(level: Level, path: String, place: String, raw: String, shown: String) -> Part {
        Part {
            level,
            id: None,
            path,
            local: None,
            place,
            numbered: false,
            marker: String::new(),
            raw,
            shown,
            reason: None,
        }
    }

    /// A numbered provision: its own number, how it is cited and the mark printed before it.
    fn numbered(level: Level, path: &str, local: String, place: String, marker: String) -> Part {
        Part {
            local: Some(local),
            numbered: true,
            marker,
            ..Part::unnumbered(level, path.to_owned(), place, String::new(), String::new())
        }
    }

    /// Its text as written and as printed.
    fn text(mut self, raw: String, shown: String) -> Part {
        self.raw = raw;
        self.shown = shown;
        self
    }

    fn id(mut self, id: &Option<String>) -> Part {
        self.id = id.as_ref().map(|i| i.trim().to_owned());
        self
    }

    fn reason(mut self, reason: &Option<String>) -> Part {
        self.reason = reason.as_ref().map(|r| fold_whitespace(r));
        self
    }
}

impl Tree {
    /// The tree of one version: `spec` as written, numbered by its [`Outline`], and `doc` as
    /// composed from them (the printed text).
    pub fn build(spec: &Spec, doc: &Document) -> Tree {
        let (outline, _) = Outline::build(spec);
        let mut tree = Tree::default();
        let root = tree.add(
            None,
            Part::unnumbered(
                Level::Document,
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ),
        );
        tree.header(root, spec, doc);
        tree.body(root, &outline, 0, doc);
        tree.ending(root, spec, doc);
        tree.appendices(root, &outline, 0, doc);
        for (i, (a, view)) in spec.attachments.iter().zip(&doc.attachments).enumerate() {
            let path = format!("attachments[{i}]");
            let title = fold_whitespace(&a.title);
            let shown = format!("{} {}", view.kind_name, plain(&view.title_lines));
            let part = Part::unnumbered(
                Level::Attachment,
                path,
                format!("văn bản kèm theo `{}`", a.kind.key()),
                format!("{} {title}", a.kind.key()),
                shown,
            );
            let node = tree.add(Some(root), part.id(&a.id));
            tree.body(node, &outline, i + 1, view);
            tree.appendices(node, &outline, i + 1, view);
        }
        tree
    }

    fn add(&mut self, parent: Option<usize>, part: Part) -> usize {
        let index = self.nodes.len();
        self.nodes.push(Node {
            level: part.level,
            id: part.id,
            path: part.path,
            local: part.local,
            place: part.place,
            numbered: part.numbered,
            marker: part.marker,
            raw: part.raw,
            shown: part.shown,
            reason: part.reason,
            parent,
            children: Vec::new(),
        });
        if let Some(p) = parent {
            self.nodes[p].children.push(index);
        }
        index
    }

    /// A header fact: one node with a fixed key, so that it always matches its counterpart.
    fn fact(&mut self, root: usize, level: Level, path: &str, shown: String) {
        let part = Part::unnumbered(
            level,
            path.to_owned(),
            level.name().to_owned(),
            shown.clone(),
            shown,
        );
        self.add(
            Some(root),
            Part {
                id: Some(path.to_owned()),
                ..part
            },
        );
    }

    /// A list of paragraphs with no number of their own (căn cứ, Nơi nhận, mở đầu, kết).
    fn paragraphs(
        &mut self,
        root: usize,
        level: Level,
        path: &str,
        raws: &[String],
        shown: &[Text],
    ) {
        for (i, (raw, text)) in raws.iter().zip(shown).enumerate() {
            let part = Part::unnumbered(
                level,
                format!("{path}[{i}]"),
                level.name().to_owned(),
                fold_whitespace(raw),
                text.plain.clone(),
            );
            self.add(Some(root), part);
        }
    }

    fn header(&mut self, root: usize, spec: &Spec, doc: &Document) {
        self.fact(root, Level::Kind, "kind", doc.kind_name.clone());
        self.fact(root, Level::Title, "title", plain(&doc.title_lines));
        let number = format!("Số: {}", doc.number_line.plain);
        self.fact(root, Level::Number, "number", number);
        let date = format!("{}, {}", doc.place.plain, doc.date_line.plain);
        self.fact(root, Level::Date, "date", date);
        for (i, issuer) in spec.issuers.iter().enumerate() {
            let shown = folded(issuer.parent.iter().chain([&issuer.name, &issuer.abbr]));
            let part = Part::unnumbered(
                Level::Issuer,
                format!("issuers[{i}]"),
                format!("cơ quan ban hành `{}`", issuer.id.trim()),
                capitals(&shown),
                shown,
            );
            self.add(Some(root), part.id(&Some(issuer.id.clone())));
        }
        self.paragraphs(root, Level::Basis, "bases", &spec.bases, &doc.bases);
        if let (Some(parties), Some(view)) = (&spec.parties, &doc.parties) {
            for (i, (member, shown)) in parties.members.iter().zip(&view.members).enumerate() {
                let raw = folded(
                    [&member.honorific, &member.name]
                        .into_iter()
                        .chain(member.heading.iter())
                        .chain(member.position.iter())
                        .chain(member.address.iter())
                        .chain(member.phone.iter())
                        .chain(member.fax.iter())
                        .chain(member.email.iter())
                        .chain(member.more.iter()),
                );
                let lines = shown.lines.iter().map(plain).collect::<Vec<_>>();
                let text = join(
                    [
                        shown.heading.plain.as_str(),
                        shown.representative.plain.as_str(),
                    ]
                    .into_iter()
                    .chain(lines.iter().map(String::as_str)),
                );
                let part = Part::unnumbered(
                    Level::Party,
                    format!("parties.members[{i}]"),
                    format!("thành phần ký kết `{}`", member.issuer.trim()),
                    raw,
                    text,
                );
                self.add(Some(root), part.id(&Some(member.issuer.clone())));
            }
        }
        self.paragraphs(
            root,
            Level::Preamble,
            "preamble",
            &spec.preamble,
            &doc.preamble,
        );
    }

    /// A numbered provision: its number, label and mark as the outline gives them.
    fn provision(level: Level, p: &Provision, outline: &Outline) -> Part {
        let marker = labels::marker(&p.number);
        let part = match (&p.label, labels::local(&p.number)) {
            (Some(label), Some(local)) => {
                Part::numbered(level, &p.path, local, label.clone(), marker)
            }
            _ => Part {
                marker,
                ..Part::unnumbered(
                    level,
                    p.path.clone(),
                    format!("ý trong {}", outline.within(p)),
                    String::new(),
                    String::new(),
                )
            },
        };
        part.id(&p.id)
    }

    fn body(&mut self, root: usize, outline: &Outline, text: usize, doc: &Document) {
        let mut chapters = doc.chapters.iter();
        let mut articles = doc.articles.iter();
        let mut sections = doc.sections.iter();
        let mut divisions = doc.divisions.iter();
        for p in outline.body(text) {
            match p.part {
                NumberedPart::Chapter(c) => {
                    let Some(view) = chapters.next() else {
                        continue;
                    };
                    let part = Tree::provision(Level::Chapter, p, outline)
                        .text(fold_whitespace(&c.title), view.title.plain.clone())
                        .reason(&c.reason);
                    let node = self.add(Some(root), part);
                    let articles = outline
                        .children(p)
                        .filter(|q| matches!(q.part, NumberedPart::Article(_)));
                    for (a, av) in articles.zip(&view.articles) {
                        self.article(node, a, av, outline);
                    }
                    let divisions = outline
                        .children(p)
                        .filter(|q| matches!(q.part, NumberedPart::Division(_)));
                    for (d, dv) in divisions.zip(&view.divisions) {
                        self.division(node, d, dv, outline);
                    }
                }
                NumberedPart::Division(_) => {
                    if let Some(view) = divisions.next() {
                        self.division(root, p, view, outline);
                    }
                }
                NumberedPart::Article(_) => {
                    if let Some(view) = articles.next() {
                        self.article(root, p, view, outline);
                    }
                }
                NumberedPart::Section(s) => {
                    let Some(view) = sections.next() else {
                        continue;
                    };
                    let part = Tree::provision(Level::Section, p, outline)
                        .text(
                            join_owned(&[fold_whitespace(&s.title), folded(&s.paragraphs)]),
                            join_owned(&[view.title.plain.clone(), plain(&view.paragraphs)]),
                        )
                        .reason(&s.reason);
                    let node = self.add(Some(root), part);
                    self.clauses(node, p, &view.clauses, outline);
                    self.items(node, p, &view.items, outline);
                }
                _ => {}
            }
        }
    }

    fn division(&mut self, parent: usize, p: &Provision, view: &DivisionView, outline: &Outline) {
        let NumberedPart::Division(d) = p.part else {
            return;
        };
        let part = Tree::provision(Level::Division, p, outline)
            .text(fold_whitespace(&d.title), view.title.plain.clone())
            .reason(&d.reason);
        let node = self.add(Some(parent), part);
        for (a, av) in outline.children(p).zip(&view.articles) {
            self.article(node, a, av, outline);
        }
    }

    fn article(&mut self, parent: usize, p: &Provision, view: &ArticleView, outline: &Outline) {
        let NumberedPart::Article(a) = p.part else {
            return;
        };
        let own = a.text.iter().chain(a.paragraphs.iter());
        let shown = view.text.iter().chain(view.paragraphs.iter());
        let part = Tree::provision(Level::Article, p, outline)
            .text(
                join_owned(&[fold_whitespace(&a.title), folded(own)]),
                join_owned(&[view.title.plain.clone(), plain(shown)]),
            )
            .reason(&a.reason);
        let node = self.add(Some(parent), part);
        self.clauses(node, p, &view.clauses, outline);
    }

    /// The khoản of `parent` (a Điều or Mục), each with its điểm and ý.
    fn clauses(
        &mut self,
        node: usize,
        parent: &Provision,
        views: &[ClauseView],
        outline: &Outline,
    ) {
        let clauses = outline
            .children(parent)
            .filter(|p| matches!(p.part, NumberedPart::Clause(_)));
        for (p, view) in clauses.zip(views) {
            let NumberedPart::Clause(c) = p.part else {
                continue;
            };
            let raw = folded(
                c.title
                    .iter()
                    .chain(c.text.iter())
                    .chain(c.paragraphs.iter()),
            );
            let shown = plain(
                view.title
                    .iter()
                    .chain(view.text.iter())
                    .chain(view.paragraphs.iter()),
            );
            let part = Tree::provision(Level::Clause, p, outline)
                .text(raw, shown)
                .reason(&c.reason);
            let clause = self.add(Some(node), part);
            let points = outline
                .children(p)
                .filter(|q| matches!(q.part, NumberedPart::Point(_)));
            for (q, pv) in points.zip(&view.points) {
                let NumberedPart::Point(point) = q.part else {
                    continue;
                };
                let part = Tree::provision(Level::Point, q, outline)
                    .text(
                        folded([&point.text].into_iter().chain(&point.paragraphs)),
                        plain([&pv.text].into_iter().chain(&pv.paragraphs)),
                    )
                    .reason(&point.reason);
                let at = self.add(Some(clause), part);
                self.items(at, q, &pv.items, outline);
            }
            self.items(clause, p, &view.items, outline);
        }
    }

    /// The ý directly under `parent`, each with its own.
    fn items(&mut self, node: usize, parent: &Provision, views: &[ItemView], outline: &Outline) {
        let items = outline
            .children(parent)
            .filter(|p| matches!(p.part, NumberedPart::Item(_)));
        for (p, view) in items.zip(views) {
            let NumberedPart::Item(item) = p.part else {
                continue;
            };
            let part = Tree::provision(Level::Item, p, outline)
                .text(fold_whitespace(&item.text), view.text.plain.clone())
                .reason(&item.reason);
            let at = self.add(Some(node), part);
            self.items(at, p, &view.items, outline);
        }
    }

    fn ending(&mut self, root: usize, spec: &Spec, doc: &Document) {
        self.paragraphs(root, Level::Closing, "closing", &spec.closing, &doc.closing);
        for (i, s) in spec.signatures.iter().enumerate() {
            let shown = folded(s.authority.iter().chain([&s.title, &s.name]));
            // Authority lines and title print in capitals; the name as written.
            let raw = join_owned(&[
                capitals(&folded(s.authority.iter().chain([&s.title]))),
                fold_whitespace(&s.name),
            ]);
            let part = Part::unnumbered(
                Level::Signature,
                format!("signatures[{i}]"),
                format!("chữ ký của `{}`", s.issuer.trim()),
                raw,
                shown,
            );
            self.add(Some(root), part.id(&Some(s.issuer.clone())));
        }
        self.paragraphs(
            root,
            Level::Recipient,
            "recipients",
            &spec.recipients,
            &doc.recipients,
        );
    }

    fn appendices(&mut self, root: usize, outline: &Outline, text: usize, doc: &Document) {
        for (p, view) in outline.appendices(text).zip(&doc.appendices) {
            let NumberedPart::Appendix(a) = p.part else {
                continue;
            };
            let label = p.label.clone().unwrap_or_default();
            // Each table as written and as composed, in print order; their captions and notes
            // belong to the appendix's own text.
            let tables: Vec<_> = a
                .tables()
                .into_iter()
                .filter_map(|(at, t)| {
                    let shown = match at {
                        None => view.table.as_ref(),
                        Some(i) => view.tables.get(i),
                    }?;
                    let path = at.map_or_else(|| "table".to_owned(), |i| format!("tables[{i}]"));
                    Some((path, t, shown))
                })
                .collect();
            let raw = tables
                .iter()
                .flat_map(|(_, t, _)| t.caption.iter().chain(&t.notes));
            let shown = tables
                .iter()
                .flat_map(|(_, _, v)| v.caption.iter().chain(&v.notes));
            let part = Tree::provision(Level::Appendix, p, outline).text(
                join_owned(&[
                    fold_whitespace(&a.title),
                    folded(&a.paragraphs),
                    folded(raw),
                    folded(&a.notes),
                ]),
                join_owned(&[
                    view.title.plain.clone(),
                    plain(&view.paragraphs),
                    plain(shown),
                    plain(&view.notes),
                ]),
            );
            let node = self.add(Some(root), part);
            self.clauses(node, p, &view.clauses, outline);
            for (at, table, _) in &tables {
                let place = match &table.caption {
                    Some(c) => format!("hàng của bảng \"{}\" trong {label}", fold_whitespace(c)),
                    None => format!("hàng của bảng trong {label}"),
                };
                for (r, row) in table.rows.iter().enumerate() {
                    let text = match row {
                        spec::Row::Cells(cells) => cells
                            .iter()
                            .map(|c| fold_whitespace(c))
                            .collect::<Vec<_>>()
                            .join(" | "),
                        spec::Row::Group(g) => fold_whitespace(&g.title),
                    };
                    let part = Part::unnumbered(
                        Level::Row,
                        format!("{}.{at}.rows[{r}]", p.path),
                        place.clone(),
                        text.clone(),
                        text,
                    );
                    self.add(Some(node), part);
                }
            }
        }
    }

    /// The printed text of a node and everything under it, one line per part, each with its
    /// marker: what an added or removed provision shows.
    pub fn subtree_text(&self, index: usize) -> String {
        let mut lines = vec![self.nodes[index].marked()];
        for &child in &self.nodes[index].children {
            lines.push(self.subtree_text(child));
        }
        join_owned(&lines)
    }

    /// The text a node and its descendants hold as written: what similarity is measured on.
    pub fn content(&self, index: usize) -> String {
        let mut out = self.nodes[index].raw.clone();
        for &child in &self.nodes[index].children {
            out.push('\n');
            out.push_str(&self.content(child));
        }
        out
    }
}
