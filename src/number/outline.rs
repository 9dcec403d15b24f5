//! The outline: one walk over the spec's body and appendices, in reading order, gives every
//! provision its number and the label running text cites it by. This is where a Điều gets its
//! number: Chương and mục I., II. in Roman numerals, a legal document's Mục 1, 2 from 1 in each
//! Chương, Điều running on across Chương and Mục, khoản from 1 in each Điều or mục, điểm in the
//! Vietnamese letter order, ý as "-" and "+", Phụ lục I, II… and the khoản of a Phụ lục
//! ("khoản 2 Phụ lục II").

use super::labels;
use super::rules::*;
use crate::finding::Finding;
use crate::spec::{self, Spec};
use crate::vietnamese::{POINT_LETTERS, point_letter};
use std::collections::HashMap;

/// The spec node a provision stands for.
#[derive(Debug, Clone, Copy)]
pub enum Part<'s> {
    /// Chương.
    Chapter(&'s spec::Chapter),
    /// Điều.
    Article(&'s spec::Article),
    /// Mục I., II.
    Section(&'s spec::Section),
    /// Mục 1, 2 of a legal document.
    Division(&'s spec::Division),
    /// Khoản.
    Clause(&'s spec::Clause),
    /// Điểm.
    Point(&'s spec::Point),
    /// A dash or plus item.
    Item(&'s spec::Item),
    /// Phụ lục.
    Appendix(&'s spec::Appendix),
}

/// A provision's number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Number {
    /// Chương, written in Roman numerals.
    Chapter(u32),
    /// Điều, counted across the whole document.
    Article(u32),
    /// Mục, written in Roman numerals.
    Section(u32),
    /// Mục of a legal document, from 1 in each Chương.
    Division(u32),
    /// Khoản, from 1 in each Điều or Mục.
    Clause(u32),
    /// Điểm: its letter.
    Point(&'static str),
    /// An ý: "-", or "+" under a "-".
    Item {
        /// A "+" item.
        plus: bool,
    },
    /// Phụ lục: its number, `None` when the document has only one.
    Appendix(Option<u32>),
}

/// One numbered part of the document.
#[derive(Debug, Clone)]
pub struct Provision<'s> {
    /// The spec node.
    pub part: Part<'s>,
    /// Its number.
    pub number: Number,
    /// YAML path of the spec node (`chapters[1].articles[0]`).
    pub path: String,
    /// The author's id, trimmed.
    pub id: Option<String>,
    /// How running text cites it ("khoản 2 Điều 4"); `None` for an ý.
    pub label: Option<String>,
    /// The text it belongs to: 0 for the document, then 1, 2 … for the texts it issues.
    pub text: usize,
    /// The provision it belongs to.
    pub parent: Option<usize>,
    /// Its own provisions, in reading order.
    pub children: Vec<usize>,
}

/// Every provision of a spec, in reading order, and the ids that name them.
#[derive(Debug, Clone, Default)]
pub struct Outline<'s> {
    provisions: Vec<Provision<'s>>,
    /// For each text (the document, then each text it issues), its top-level provisions: the
    /// body's (Chương, Điều, Mục I. or Mục 1), then the Phụ lục.
    texts: Vec<Vec<usize>>,
    ids: HashMap<String, usize>,
}

impl<'s> Outline<'s> {
    /// Numbers the body and the appendices of `spec`, then those of each text it issues
    /// (each numbered on its own: its first Điều is Điều 1 again); the problems found on the
    /// way (ids, shape of the body) come with it.
    pub fn build(spec: &'s Spec) -> (Outline<'s>, Vec<Finding>) {
        let mut walk = Walk {
            outline: Outline::default(),
            findings: Vec::new(),
            articles: 0,
            prefix: String::new(),
        };
        walk.text(spec.body(), &spec.appendices);
        for (i, attachment) in spec.attachments.iter().enumerate() {
            walk.prefix = format!("attachments[{i}].");
            walk.articles = 0;
            walk.text(attachment.body(), &attachment.appendices);
        }
        (walk.outline, walk.findings)
    }

    /// How many texts the outline numbers: the document itself, then each text it issues.
    pub fn texts(&self) -> usize {
        self.texts.len()
    }

    /// Every provision, in reading order.
    pub fn provisions(&self) -> &[Provision<'s>] {
        &self.provisions
    }

    /// The provision at `index`.
    pub fn get(&self, index: usize) -> &Provision<'s> {
        &self.provisions[index]
    }

    /// The top-level provisions of the body of text `text` (0: the document, then each text
    /// it issues) — its Chương, Điều, Mục I. or Mục 1 — in order.
    pub fn body(&self, text: usize) -> impl Iterator<Item = &Provision<'s>> {
        self.roots(text)
            .filter(|p| !matches!(p.part, Part::Appendix(_)))
    }

    /// The Phụ lục of text `text`, in order.
    pub fn appendices(&self, text: usize) -> impl Iterator<Item = &Provision<'s>> {
        self.roots(text)
            .filter(|p| matches!(p.part, Part::Appendix(_)))
    }

    fn roots(&self, text: usize) -> impl Iterator<Item = &Provision<'s>> {
        self.texts
            .get(text)
            .into_iter()
            .flatten()
            .map(|&i| &self.provisions[i])
    }

    /// The own provisions of `provision`, in order.
    pub fn children<'a>(
        &'a self,
        provision: &'a Provision<'s>,
    ) -> impl Iterator<Item = &'a Provision<'s>> + 'a {
        provision.children.iter().map(|&i| &self.provisions[i])
    }

    /// The label of `provision`, or of the nearest provision it belongs to that has one: where
    /// an ý stands ("khoản 2 Điều 4").
    pub fn within(&self, provision: &Provision<'s>) -> String {
        let mut at = provision;
        loop {
            if let Some(label) = &at.label {
                return label.clone();
            }
            match at.parent {
                Some(p) => at = &self.provisions[p],
                None => return String::new(),
            }
        }
    }

    /// `text` with every `[[id]]` replaced by the label of the provision it names; an id that
    /// names no provision, or an ý, is left as written and reported at `path`, pointing at the
    /// reference.
    pub fn resolve(&self, text: &str, path: &str, findings: &mut Vec<Finding>) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(start) = rest.find("[[") {
            let after = &rest[start + 2..];
            let Some(end) = after.find("]]") else { break };
            let id = after[..end].trim();
            if !is_id(id) {
                out.push_str(&rest[..start + 2]);
                rest = after;
                continue;
            }
            out.push_str(&rest[..start]);
            let reference = format!("[[{id}]]");
            match self.ids.get(id).map(|&i| &self.provisions[i].label) {
                Some(Some(label)) => out.push_str(label),
                Some(None) => {
                    findings.push(
                        Finding::new(
                            &REF_ITEM,
                            format!(
                                "tham chiếu `{reference}` trỏ tới một gạch đầu dòng, không có số \
                                 để dẫn chiếu"
                            ),
                        )
                        .path(path)
                        .quoting(reference),
                    );
                    out.push_str(id);
                }
                None => {
                    let hint =
                        crate::suggest::did_you_mean(id, self.ids.keys().map(String::as_str));
                    findings.push(
                        Finding::new(
                            &REF_UNKNOWN,
                            format!("tham chiếu `{reference}` tới mã không tồn tại{hint}"),
                        )
                        .path(path)
                        .quoting(reference),
                    );
                    out.push_str(id);
                }
            }
            rest = &after[end + 2..];
        }
        out.push_str(rest);
        out
    }
}

/// Author ids: ASCII letters, digits, `-`, `_`, `.`.
fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// The walk that builds an outline.
struct Walk<'s> {
    outline: Outline<'s>,
    findings: Vec<Finding>,
    /// Điều numbered so far in this text (they run on across Chương).
    articles: u32,
    /// What the paths of this text start with ("" or "attachments[0].").
    prefix: String,
}

impl<'s> Walk<'s> {
    /// Adds a provision under `parent` (at the top when `None`) and records its id.
    fn add(
        &mut self,
        parent: Option<usize>,
        part: Part<'s>,
        number: Number,
        path: String,
        id: &Option<String>,
    ) -> usize {
        let index = self.outline.provisions.len();
        let of = parent.and_then(|p| self.outline.provisions[p].label.as_deref());
        let label = labels::cited(&number, of);
        let id = id.as_ref().map(|i| i.trim().to_owned());
        if let Some(id) = &id {
            if !is_id(id) {
                self.findings.push(
                    Finding::new(
                        &ID_INVALID,
                        format!(
                            "mã `{id}` không hợp lệ: chỉ dùng chữ không dấu, chữ số, `-`, `_`, `.`"
                        ),
                    )
                    .path(&format!("{path}.id")),
                );
            } else if self.outline.ids.insert(id.clone(), index).is_some() {
                self.findings.push(
                    Finding::new(
                        &ID_DUPLICATE,
                        format!("mã `{id}` đã được dùng cho một phần khác"),
                    )
                    .path(&format!("{path}.id")),
                );
            }
        }
        let text = self.outline.texts.len().saturating_sub(1);
        self.outline.provisions.push(Provision {
            part,
            number,
            path,
            id,
            label,
            text,
            parent,
            children: Vec::new(),
        });
        match parent {
            Some(p) => self.outline.provisions[p].children.push(index),
            None => match self.outline.texts.last_mut() {
                Some(roots) => roots.push(index),
                None => self.outline.texts.push(vec![index]),
            },
        }
        index
    }

    /// One text: its body in whichever form, then its Phụ lục.
    fn text(&mut self, body: spec::Body<'s>, appendices: &'s [spec::Appendix]) {
        self.outline.texts.push(Vec::new());
        let forms = [
            !body.chapters.is_empty(),
            !body.articles.is_empty(),
            !body.sections.is_empty(),
            !body.divisions.is_empty(),
        ];
        if forms.iter().filter(|f| **f).count() > 1 {
            self.findings.push(
                Finding::new(
                    &BODY_MIXED,
                    "chỉ dùng một cách chia nội dung: `chapters` (Chương/Điều), `articles` (Điều), \
                     `sections` (I./1.) hoặc `divisions` (Mục/Điều)",
                )
                .path(&format!("{}chapters", self.prefix)),
            );
        }
        for (i, chapter) in body.chapters.iter().enumerate() {
            self.chapter(chapter, i);
        }
        for (i, article) in body.articles.iter().enumerate() {
            let path = format!("{}articles[{i}]", self.prefix);
            self.article(None, article, &path);
        }
        for (i, section) in body.sections.iter().enumerate() {
            self.section(section, i);
        }
        for (i, division) in body.divisions.iter().enumerate() {
            let path = format!("{}divisions[{i}]", self.prefix);
            self.division(None, division, i, &path);
        }
        let single = appendices.len() == 1;
        for (i, appendix) in appendices.iter().enumerate() {
            let number = Number::Appendix((!single).then_some(i as u32 + 1));
            let path = format!("{}appendices[{i}]", self.prefix);
            let part = Part::Appendix(appendix);
            let me = self.add(None, part, number, path.clone(), &appendix.id);
            self.clauses(me, &appendix.clauses, &path);
        }
    }

    fn chapter(&mut self, chapter: &'s spec::Chapter, i: usize) {
        let path = format!("{}chapters[{i}]", self.prefix);
        let number = Number::Chapter(i as u32 + 1);
        let me = self.add(
            None,
            Part::Chapter(chapter),
            number,
            path.clone(),
            &chapter.id,
        );
        for (j, article) in chapter.articles.iter().enumerate() {
            self.article(Some(me), article, &format!("{path}.articles[{j}]"));
        }
        for (j, division) in chapter.divisions.iter().enumerate() {
            self.division(Some(me), division, j, &format!("{path}.divisions[{j}]"));
        }
    }

    fn division(
        &mut self,
        parent: Option<usize>,
        division: &'s spec::Division,
        i: usize,
        path: &str,
    ) {
        let number = Number::Division(i as u32 + 1);
        let part = Part::Division(division);
        let me = self.add(parent, part, number, path.to_owned(), &division.id);
        for (j, article) in division.articles.iter().enumerate() {
            self.article(Some(me), article, &format!("{path}.articles[{j}]"));
        }
    }

    fn article(&mut self, parent: Option<usize>, article: &'s spec::Article, path: &str) {
        self.articles += 1;
        let number = Number::Article(self.articles);
        let part = Part::Article(article);
        let me = self.add(parent, part, number, path.to_owned(), &article.id);
        self.clauses(me, &article.clauses, path);
    }

    fn section(&mut self, section: &'s spec::Section, i: usize) {
        let path = format!("{}sections[{i}]", self.prefix);
        let number = Number::Section(i as u32 + 1);
        let me = self.add(
            None,
            Part::Section(section),
            number,
            path.clone(),
            &section.id,
        );
        self.clauses(me, &section.clauses, &path);
        self.items(me, &section.items, false, &format!("{path}.items"));
    }

    fn clauses(&mut self, parent: usize, clauses: &'s [spec::Clause], path: &str) {
        for (k, clause) in clauses.iter().enumerate() {
            let path = format!("{path}.clauses[{k}]");
            if clause.title.is_none() && clause.text.is_none() {
                self.findings.push(
                    Finding::new(
                        &CLAUSE_EMPTY,
                        "khoản cần có `text` (nội dung) hoặc `title` (tiêu đề)",
                    )
                    .path(&path),
                );
            }
            if clause.points.len() > POINT_LETTERS.len() {
                self.findings.push(
                    Finding::new(
                        &POINTS_MAX,
                        format!(
                            "khoản có {} điểm, nhiều hơn {} chữ cái đánh số điểm (a … y); hãy tách \
                             khoản",
                            clause.points.len(),
                            POINT_LETTERS.len()
                        ),
                    )
                    .path(&format!("{path}.points")),
                );
            }
            let number = Number::Clause(k as u32 + 1);
            let me = self.add(
                Some(parent),
                Part::Clause(clause),
                number,
                path.clone(),
                &clause.id,
            );
            for (p, point) in clause.points.iter().enumerate() {
                let letter = point_letter(p).unwrap_or("?");
                let point_path = format!("{path}.points[{p}]");
                let part = Part::Point(point);
                let at = self.add(
                    Some(me),
                    part,
                    Number::Point(letter),
                    point_path.clone(),
                    &point.id,
                );
                self.items(at, &point.items, false, &format!("{point_path}.items"));
            }
            self.items(me, &clause.items, false, &format!("{path}.items"));
        }
    }

    /// Dash items (`plus` false) and the plus items under them; nothing deeper is allowed.
    fn items(&mut self, parent: usize, items: &'s [spec::Item], plus: bool, path: &str) {
        for (n, item) in items.iter().enumerate() {
            let path = format!("{path}[{n}]");
            if plus && !item.items.is_empty() {
                self.findings.push(
                    Finding::new(
                        &ITEM_DEPTH,
                        "ý \"+\" không được có ý con: chỉ có hai cấp \"-\" và \"+\"",
                    )
                    .path(&format!("{path}.items")),
                );
            }
            let number = Number::Item { plus };
            let me = self.add(
                Some(parent),
                Part::Item(item),
                number,
                path.clone(),
                &item.id,
            );
            self.items(me, &item.items, true, &format!("{path}.items"));
        }
    }
}
