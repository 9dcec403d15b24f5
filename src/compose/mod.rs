//! Spec + [`Outline`] → [`Document`]: what is printed around the numbers. The header (issuers in
//! capitals, số and ký hiệu, place and date), the title, căn cứ with their punctuation
//! ([`crate::punctuation`]), the party block (`parties.rs`), the body views with their marks, the
//! signature blocks, Nơi nhận, Phụ lục and their tables (`appendix.rs`), and the PDF metadata.
//! Every user string is read into the neutral text model with its `[[id]]` references resolved
//! by the outline.

mod appendix;
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
        let issuers = spec
            .issuers
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
                }
            })
            .collect();
        let symbol = match &spec.symbol {
            Some(s) => fold_whitespace(s),
            None => spec
                .kind
                .symbol(spec.issuers.iter().map(|i| fold_whitespace(&i.abbr))),
        };
        let year = self.year(spec);
        let (chapters, articles, sections) = self.body();
        let follows_bases = spec.parties.is_some() || !spec.preamble.is_empty();
        let bases = self.bases(&spec.bases, follows_bases);
        let parties = spec.parties.as_ref().map(|p| self.parties(p, spec, year));
        let title_lines: Vec<Text> = spec
            .title
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| self.text(l, "title"))
            .collect();
        let signatures = self.signatures(spec);
        let recipients = self.recipients(&spec.recipients);
        let appendices = self.appendices();
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
            authors: spec
                .issuers
                .iter()
                .map(|i| fold_whitespace(&i.name))
                .collect(),
            date: match spec.issued() {
                Some(d) => d.format("%Y-%m-%d").to_string(),
                None => format!("{year:04}-01-01"),
            },
            source: None,
        };
        let mut doc = Document {
            kind_name: spec.kind.type_name().to_owned(),
            title_lines,
            issuers,
            number: spec.number.map(number_str),
            symbol: Text::literal(&symbol),
            place,
            date: spec.issued().map(|d| Text::literal(&date_words(d))),
            year,
            number_line: Text::literal(&format!(
                "{}/{symbol}",
                spec.number.map_or_else(|| "…".to_owned(), number_str)
            )),
            date_line: Text::literal(&date_or_blank(spec.issued(), year)),
            bases,
            parties,
            preamble: self.texts(&spec.preamble, "preamble"),
            chapters,
            articles,
            sections,
            closing: self.texts(&spec.closing, "closing"),
            signatures,
            lead_side: match spec.layout.lead_side {
                spec::Side::Left => "left",
                spec::Side::Right => "right",
            },
            recipients,
            appendices,
            kind_label: spec.kind.label().to_owned(),
            attached_of: match spec.issuers.as_slice() {
                [only] => Some(self.text(&only.name, "issuers[0].name")),
                _ => None,
            },
            meta,
        };
        if let Some(last) = doc.last_body_text() {
            if let Some(mark) = punctuation::body_end(&last.plain) {
                last.push_literal(mark);
            }
            last.ends_body = true;
        }
        doc
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
    fn body(&mut self) -> (Vec<ChapterView>, Vec<ArticleView>, Vec<SectionView>) {
        let outline = self.outline;
        let (mut chapters, mut articles, mut sections) = (Vec::new(), Vec::new(), Vec::new());
        for p in outline.body() {
            match p.part {
                Part::Chapter(c) => chapters.push(self.chapter(p, c)),
                Part::Article(a) => articles.push(self.article(p, a)),
                Part::Section(s) => sections.push(self.section(p, s)),
                _ => {}
            }
        }
        (chapters, articles, sections)
    }

    fn chapter(&mut self, p: &Provision, c: &spec::Chapter) -> ChapterView {
        let outline = self.outline;
        ChapterView {
            number: labels::local(&p.number).unwrap_or_default(),
            label: Text::literal(&labels::marker(&p.number)),
            title: self.text(&c.title, &format!("{}.title", p.path)).upper(),
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
        ArticleView {
            number: match p.number {
                Number::Article(n) => n,
                _ => 0,
            },
            label: Text::literal(&labels::marker(&p.number)),
            title: self.text(&a.title, &format!("{}.title", p.path)),
            paragraphs: self.texts(&a.paragraphs, &format!("{}.paragraphs", p.path)),
            clauses: self.clauses(p),
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
        }
    }

    /// The khoản under `parent`.
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
    fn bases(&mut self, bases: &[String], followed: bool) -> Vec<Text> {
        let count = bases.len();
        (0..count)
            .map(|i| {
                let raw = punctuation::without_typed_end(&bases[i]);
                let mut text = self.text(raw, &format!("bases[{i}]"));
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
    fn signatures(&mut self, spec: &Spec) -> Vec<SignatureView> {
        spec.signatures
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let path = format!("signatures[{i}]");
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
                };
                SignatureView {
                    issuer: s.issuer.clone(),
                    authority: s
                        .authority
                        .iter()
                        .enumerate()
                        .filter(|(_, a)| !a.trim().is_empty())
                        .map(|(k, a)| self.lines(a, &format!("{path}.authority[{k}]")).upper())
                        .collect(),
                    title: title.upper(),
                    name,
                    signing,
                }
            })
            .collect()
    }
}
