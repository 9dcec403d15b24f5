//! Spec + [`Outline`] → [`Document`]: what is printed around the numbers. The header (issuers in
//! capitals, số and ký hiệu, place and date), the title, căn cứ with their punctuation
//! ([`crate::punctuation`]), the party block (`parties.rs`), the body views with their marks, the
//! signature blocks, Nơi nhận, Phụ lục and their tables (`appendix.rs`), and the PDF metadata.
//! Every user string is read into the neutral text model with its `[[id]]` references resolved
//! by the outline.

mod appendix;
mod attached;
mod enacting;
mod parties;
pub mod rules;

#[cfg(test)]
mod tests;

use crate::document::*;
use crate::finding::{Finding, Rule};
use crate::markup::{Text, fold_whitespace};
use crate::number::{Number, Outline, Part, Provision, labels};
use crate::punctuation;
use crate::spec::{self, Spec};
use crate::vietnamese::{date_or_blank, date_words, number_str};
use rules::*;

/// The printable document of a spec numbered by `outline`, and the problems met on the way
/// (references to no provision, signatures of no issuer, no year, tables that cannot be
/// built), each with its path, not yet placed in the file.
pub fn document(spec: &Spec, outline: &Outline) -> (Document, Vec<Finding>) {
    let mut composer = Composer {
        outline,
        findings: Vec::new(),
    };
    let doc = composer.document(spec);
    (doc, composer.findings)
}

/// What an appendix or an issued text points at in its "(Kèm theo …)" line: the number, date
/// and issuer of the document it belongs to.
struct Parent {
    number: Option<String>,
    symbol: String,
    date: Option<chrono::NaiveDate>,
    year: i32,
    /// The words that open a "(Kèm theo …)" line pointing at it: "Ban hành kèm theo" for a legal
    /// document's issued texts, as QĐ 26/2025/QĐ-UBND (Thái Nguyên) writes them; "Kèm theo" (ND 30,
    /// Phụ lục III) otherwise.
    opening: &'static str,
    of: Option<Text>,
}

impl Parent {
    /// "05/QĐ-UBND", or "…/QĐ-UBND" while the number is blank.
    fn number_line(&self) -> String {
        format!("{}/{}", self.number.as_deref().unwrap_or("…"), self.symbol)
    }
}

/// The names of a provision's blocks in the order they print: as its keys were written, the
/// others in their `usual` order.
fn print_order(order: &spec::Order, usual: &[spec::Block]) -> Vec<&'static str> {
    order
        .arrange(usual)
        .into_iter()
        .map(spec::Block::key)
        .collect()
}

/// Ends the body of `doc` with "./." and keeps its last paragraph with the signatures.
fn end_body(doc: &mut Document) {
    if let Some(last) = doc.last_body_text() {
        if let Some(mark) = punctuation::body_end(&last.plain) {
            last.push_literal(mark);
        }
        last.ends_body = true;
    }
}

/// The body in the form the spec uses (only one of these holds provisions).
#[derive(Default)]
struct Body {
    chapters: Vec<ChapterView>,
    articles: Vec<ArticleView>,
    sections: Vec<SectionView>,
    divisions: Vec<DivisionView>,
}

/// Composing one document: the outline it reads numbers from and the problems met so far.
struct Composer<'o, 's> {
    outline: &'o Outline<'s>,
    findings: Vec<Finding>,
}

impl Composer<'_, '_> {
    fn error(&mut self, rule: &'static Rule, path: &str, message: String) {
        self.findings.push(Finding::new(rule, message).path(path));
    }

    /// One user string: white space folded, references resolved, inline markup read.
    fn text(&mut self, raw: &str, path: &str) -> Text {
        let folded = fold_whitespace(raw);
        Text::inline(&self.outline.resolve(&folded, path, &mut self.findings))
    }

    /// A name-like field, where each line of the YAML text is a printed line.
    fn lines(&mut self, raw: &str, path: &str) -> Text {
        let lines: Vec<String> = raw
            .lines()
            .map(fold_whitespace)
            .filter(|l| !l.is_empty())
            .map(|l| self.outline.resolve(&l, path, &mut self.findings))
            .collect();
        Text::lines(lines.iter().map(String::as_str))
    }

    fn texts(&mut self, raws: &[String], path: &str) -> Vec<Text> {
        raws.iter()
            .enumerate()
            .map(|(i, r)| self.text(r, &format!("{path}[{i}]")))
            .collect()
    }

    fn document(&mut self, spec: &Spec) -> Document {
        let issuers = self.issuers(spec);
        let year = self.year(spec);
        let symbol = match &spec.symbol {
            Some(s) => fold_whitespace(s),
            None => spec.kind.symbol(
                spec.legal().then_some(year),
                spec.issuers.iter().map(|i| fold_whitespace(&i.abbr)),
            ),
        };
        let parent = Parent {
            number: spec.number.map(number_str),
            symbol: symbol.clone(),
            date: spec.issued(),
            year,
            opening: if spec.legal() {
                "Ban hành kèm theo"
            } else {
                "Kèm theo"
            },
            of: self.issued_by(spec),
        };
        let enacting = self.enacting(spec);
        let title_lines = self.title_lines(&spec.title, "title");
        let body = self.body(0);
        let follows_bases = spec.parties.is_some() || !spec.preamble.is_empty();
        let mut bases = self.bases(
            &spec.bases,
            "bases",
            follows_bases || matches!(enacting, enacting::Enacting::Sentence(_)),
        );
        let enacting = match enacting {
            enacting::Enacting::Lines(view) => Some(view),
            enacting::Enacting::Sentence(mut sentence) => {
                sentence.push_literal(".");
                bases.push(sentence);
                None
            }
            enacting::Enacting::None => None,
        };
        let parties = spec.parties.as_ref().map(|p| self.parties(p, spec, year));
        let signatures = self.signatures(spec, &spec.signatures, "signatures", true);
        let recipients = self.recipients(&spec.recipients);
        let drafter = spec.drafter.as_ref().map(|d| self.text(d, "drafter"));
        let appendices = self.appendices(0, spec.kind.label(), &parent);
        let place = self.text(&spec.place, "place");
        let meta = Meta {
            title: format!(
                "{} {}",
                spec.kind.type_name(),
                title_lines
                    .iter()
                    .map(|t| t.plain.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
            authors: metadata_authors(spec.issuers.iter().map(|i| fold_whitespace(&i.name))),
            date: match spec.issued() {
                Some(d) => d.format("%Y-%m-%d").to_string(),
                None => format!("{year:04}-01-01"),
            },
            source: None,
        };
        let mut doc = Document {
            kind_name: spec.kind.type_name().to_owned(),
            title_lines,
            title_path: "title".to_owned(),
            issuers,
            number: parent.number.clone(),
            symbol: Text::literal(&symbol),
            place,
            date: spec.issued().map(|d| Text::literal(&date_words(d))),
            year,
            number_line: Text::literal(&parent.number_line()),
            date_line: Text::literal(&date_or_blank(spec.issued(), year)),
            bases,
            parties,
            preamble: self.texts(&spec.preamble, "preamble"),
            chapters: body.chapters,
            articles: body.articles,
            sections: body.sections,
            divisions: body.divisions,
            closing: self.texts(&spec.closing, "closing"),
            signatures,
            lead_side: match spec.layout.lead_side {
                spec::Side::Left => "left",
                spec::Side::Right => "right",
            },
            recipients,
            drafter,
            appendices,
            kind_label: spec.kind.label().to_owned(),
            enacting,
            attached: None,
            attachments: Vec::new(),
            meta,
        };
        end_body(&mut doc);
        doc.attachments = spec
            .attachments
            .iter()
            .enumerate()
            .map(|(i, a)| self.attachment(spec, &doc, &parent, a, i))
            .collect();
        doc
    }

    /// A text the document issues: the document's heading block, no Số/date row, the line
    /// "(Kèm theo <type> số … ngày … của …)" under its title, its own body and Phụ lục.
    fn attachment(
        &mut self,
        spec: &Spec,
        issuer: &Document,
        parent: &Parent,
        a: &spec::Attachment,
        i: usize,
    ) -> Document {
        let path = format!("attachments[{i}]");
        let text = i + 1;
        let attached = self.attached(
            spec.kind.label(),
            parent,
            &a.attached,
            &format!("{path}.attached"),
        );
        let title_lines = self.title_lines(&a.title, &format!("{path}.title"));
        let body = self.body(text);
        let via = format!("{} ban hành kèm theo {}", a.kind.label(), spec.kind.label());
        let mut doc = Document {
            kind_name: a.kind.type_name().to_owned(),
            title_lines,
            title_path: format!("{path}.title"),
            bases: self.bases(&a.bases, &format!("{path}.bases"), !a.preamble.is_empty()),
            parties: None,
            preamble: self.texts(&a.preamble, &format!("{path}.preamble")),
            chapters: body.chapters,
            articles: body.articles,
            sections: body.sections,
            divisions: body.divisions,
            closing: self.texts(&a.closing, &format!("{path}.closing")),
            signatures: self.signatures(spec, &a.signatures, &format!("{path}.signatures"), false),
            recipients: Vec::new(),
            drafter: None,
            appendices: self.appendices(text, &via, parent),
            kind_label: a.kind.label().to_owned(),
            enacting: None,
            attached: Some(attached),
            attachments: Vec::new(),
            ..issuer.clone()
        };
        end_body(&mut doc);
        doc
    }

    /// The issuers' heading blocks: one per issuer, or the one block they share.
    fn issuers(&mut self, spec: &Spec) -> Vec<IssuerView> {
        if let Some(h) = &spec.heading {
            return vec![IssuerView {
                parent: h
                    .parent
                    .as_ref()
                    .map(|p| self.lines(p, "heading.parent").upper()),
                name: self.lines(&h.name, "heading.name").upper(),
                path: "heading".to_owned(),
            }];
        }
        spec.issuers
            .iter()
            .enumerate()
            .map(|(i, issuer)| {
                let path = format!("issuers[{i}]");
                IssuerView {
                    parent: issuer
                        .parent
                        .as_ref()
                        .map(|p| self.lines(p, &format!("{path}.parent")).upper()),
                    name: self.lines(&issuer.name, &format!("{path}.name")).upper(),
                    path,
                }
            })
            .collect()
    }

    /// Trích yếu, one printed line per line of the YAML text.
    fn title_lines(&mut self, title: &str, path: &str) -> Vec<Text> {
        title
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| self.text(l, path))
            .collect()
    }

    /// The year of the document: from its date, else `year`, else the first year of `period`.
    fn year(&mut self, spec: &Spec) -> i32 {
        use chrono::Datelike;
        match (spec.issued(), spec.year, spec.period) {
            (Some(d), _, _) => d.year(),
            (None, Some(y), _) => y,
            (None, None, Some(p)) => p.from,
            (None, None, None) => {
                // A date written but impossible is reported by `date-impossible` alone.
                if spec.date.is_none() {
                    self.error(
                        &YEAR_MISSING,
                        "year",
                        "thiếu năm ban hành: khi chưa có ngày (`date`), hãy khai báo `year`"
                            .to_owned(),
                    );
                }
                0
            }
        }
    }

    /// The body in its one form: Chương → Điều, Điều alone, or Mục I. → khoản.
    /// The body of text `text` (0: the document, then each text it issues).
    fn body(&mut self, text: usize) -> Body {
        let outline = self.outline;
        let mut body = Body::default();
        for p in outline.body(text) {
            match p.part {
                Part::Chapter(c) => body.chapters.push(self.chapter(p, c)),
                Part::Article(a) => body.articles.push(self.article(p, a)),
                Part::Section(s) => body.sections.push(self.section(p, s)),
                Part::Division(d) => body.divisions.push(self.division(p, d)),
                _ => {}
            }
        }
        body
    }

    fn chapter(&mut self, p: &Provision, c: &spec::Chapter) -> ChapterView {
        let outline = self.outline;
        let mut chapter = ChapterView {
            number: labels::local(&p.number).unwrap_or_default(),
            label: Text::literal(&labels::marker(&p.number)),
            title: self.text(&c.title, &format!("{}.title", p.path)).upper(),
            articles: Vec::new(),
            divisions: Vec::new(),
        };
        for q in outline.children(p) {
            match q.part {
                Part::Article(a) => chapter.articles.push(self.article(q, a)),
                Part::Division(d) => chapter.divisions.push(self.division(q, d)),
                _ => {}
            }
        }
        chapter
    }

    fn division(&mut self, p: &Provision, d: &spec::Division) -> DivisionView {
        let outline = self.outline;
        DivisionView {
            number: match p.number {
                Number::Division(n) => n,
                _ => 0,
            },
            label: Text::literal(&labels::marker(&p.number)),
            title: self.text(&d.title, &format!("{}.title", p.path)).upper(),
            articles: outline
                .children(p)
                .filter_map(|a| match a.part {
                    Part::Article(article) => Some(self.article(a, article)),
                    _ => None,
                })
                .collect(),
        }
    }

    fn article(&mut self, p: &Provision, a: &spec::Article) -> ArticleView {
        // Under a title, `text` is the first paragraph, before the blocks in the order written
        // (a lead-in before the khoản, whatever follows them); an untitled Điều runs it on.
        let text = a
            .text
            .as_ref()
            .map(|t| self.text(t, &format!("{}.text", p.path)));
        let paragraphs = self.texts(&a.paragraphs, &format!("{}.paragraphs", p.path));
        ArticleView {
            number: match p.number {
                Number::Article(n) => n,
                _ => 0,
            },
            label: Text::literal(&labels::marker(&p.number)),
            title: self.text(&a.title, &format!("{}.title", p.path)),
            text,
            paragraphs,
            clauses: self.clauses(p),
            order: print_order(&a.order, spec::Article::BLOCKS),
        }
    }

    fn section(&mut self, p: &Provision, s: &spec::Section) -> SectionView {
        SectionView {
            number: labels::local(&p.number).unwrap_or_default(),
            label: Text::literal(&labels::marker(&p.number)),
            title: self.text(&s.title, &format!("{}.title", p.path)).upper(),
            paragraphs: self.texts(&s.paragraphs, &format!("{}.paragraphs", p.path)),
            clauses: self.clauses(p),
            items: self.items(p),
            order: print_order(&s.order, spec::Section::BLOCKS),
        }
    }

    /// The khoản under `parent` (a Điều, a mục or a Phụ lục).
    fn clauses(&mut self, parent: &Provision) -> Vec<ClauseView> {
        let outline = self.outline;
        outline
            .children(parent)
            .filter_map(|p| match p.part {
                Part::Clause(c) => Some(self.clause(p, c)),
                _ => None,
            })
            .collect()
    }

    fn clause(&mut self, p: &Provision, c: &spec::Clause) -> ClauseView {
        let outline = self.outline;
        let path = &p.path;
        let points = outline
            .children(p)
            .filter_map(|q| match (q.part, q.number) {
                (Part::Point(point), Number::Point(letter)) => Some(PointView {
                    letter,
                    label: Text::literal(&labels::marker(&q.number)),
                    text: self.text(&point.text, &format!("{}.text", q.path)),
                    items: self.items(q),
                    paragraphs: self.texts(&point.paragraphs, &format!("{}.paragraphs", q.path)),
                    order: print_order(&point.order, spec::Point::BLOCKS),
                }),
                _ => None,
            })
            .collect();
        ClauseView {
            number: match p.number {
                Number::Clause(n) => n,
                _ => 0,
            },
            label: Text::literal(&labels::marker(&p.number)),
            title: c
                .title
                .as_ref()
                .map(|t| self.text(t, &format!("{path}.title"))),
            text: c
                .text
                .as_ref()
                .map(|t| self.text(t, &format!("{path}.text"))),
            points,
            items: self.items(p),
            paragraphs: self.texts(&c.paragraphs, &format!("{path}.paragraphs")),
            order: print_order(&c.order, spec::Clause::BLOCKS),
        }
    }

    /// The ý ("-", and "+" under them) directly under `parent`.
    fn items(&mut self, parent: &Provision) -> Vec<ItemView> {
        let outline = self.outline;
        outline
            .children(parent)
            .filter_map(|p| match p.part {
                Part::Item(item) => Some(ItemView {
                    label: Text::literal(&labels::marker(&p.number)),
                    text: self.text(&item.text, &format!("{}.text", p.path)),
                    items: self.items(p),
                }),
                _ => None,
            })
            .collect()
    }

    /// Căn cứ: "Căn cứ " before each unless it opens with its own word, ";" after each, "."
    /// after the last unless more introductory text follows.
    fn bases(&mut self, bases: &[String], path: &str, followed: bool) -> Vec<Text> {
        let count = bases.len();
        (0..count)
            .map(|i| {
                let raw = punctuation::without_typed_end(&bases[i]);
                let mut text = self.text(raw, &format!("{path}[{i}]"));
                let prefix = punctuation::basis_prefix(raw);
                if !prefix.is_empty() {
                    text.prepend_literal(prefix);
                }
                text.push_literal(punctuation::list_end(i, count, followed));
                text
            })
            .collect()
    }

    /// Nơi nhận: ";" after each recipient, "." after the last; a typed "- " or end mark is
    /// not doubled (the "- " itself is drawn by the templates).
    fn recipients(&mut self, recipients: &[String]) -> Vec<Text> {
        let count = recipients.len();
        (0..count)
            .map(|i| {
                let raw = punctuation::without_dash(punctuation::without_typed_end(&recipients[i]));
                let mut text = self.text(raw, &format!("recipients[{i}]"));
                text.push_literal(punctuation::list_end(i, count, false));
                text
            })
            .collect()
    }

    /// Signature blocks in the order written; which column each takes is the layout's
    /// decision (`lead_side`).
    fn signatures(
        &mut self,
        spec: &Spec,
        signatures: &[spec::Signature],
        at: &str,
        sealed: bool,
    ) -> Vec<SignatureView> {
        signatures
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let path = format!("{at}[{i}]");
                if !spec.issuers.iter().any(|x| x.id == s.issuer) {
                    self.error(
                        &ISSUER_UNKNOWN,
                        &format!("{path}.issuer"),
                        format!(
                            "không có cơ quan nào mang mã `{}` trong `issuers`",
                            s.issuer
                        ),
                    );
                }
                let issuer = spec.issuers.iter().find(|x| x.id == s.issuer);
                let title = self.lines(&s.title, &format!("{path}.title"));
                let name = self.lines(&s.name, &format!("{path}.name"));
                let signing = Signing {
                    agency: issuer.map_or_else(String::new, |x| {
                        Text::inline(&fold_whitespace(&x.name)).plain
                    }),
                    title: title.plain.clone(),
                    name: name.plain.clone(),
                    seal_mm: issuer.and_then(|x| x.seal),
                    sealed,
                };
                let (authority, authority_paths) = s
                    .authority
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| !a.trim().is_empty())
                    .map(|(k, a)| {
                        let at = format!("{path}.authority[{k}]");
                        (self.lines(a, &at).upper(), at)
                    })
                    .unzip();
                SignatureView {
                    issuer: s.issuer.clone(),
                    authority,
                    title: title.upper(),
                    name,
                    signing,
                    paths: SignaturePaths {
                        authority: authority_paths,
                        title: format!("{path}.title"),
                        name: format!("{path}.name"),
                    },
                }
            })
            .collect()
    }
}

/// The most characters of issuer names the PDF's author metadata takes: PDF/A holds the authors
/// in one string of at most 32 767 bytes (UTF-16, two a character), so a document of many
/// bodies names as many as fit in a quarter of it (each name is at most
/// [`crate::check::values::NAME_MAX`] characters, so at least seven always fit).
const AUTHORS_MAX: usize = 4_000;

/// The issuer names the PDF's metadata lists: in order, as many as fit in [`AUTHORS_MAX`].
fn metadata_authors(names: impl Iterator<Item = String>) -> Vec<String> {
    let mut total = 0;
    names
        .take_while(|name| {
            total += name.chars().count() + 2;
            total <= AUTHORS_MAX
        })
        .collect()
}
