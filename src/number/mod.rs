//! Spec → [`Document`]: the one place where Chương, Điều, khoản, điểm and mục get their numbers,
//! where `[[id]]` references are resolved to those numbers, and where the punctuation the
//! conventions require (căn cứ, Nơi nhận, the final "./.") is added. Phụ lục and the rows of
//! their tables are numbered in [`appendix`].
//!
//! The walk runs twice over the spec: the first pass numbers everything and records each id's
//! label ("khoản 2 Điều 4"); the second converts text, resolving references with those labels.
//! Both passes use the same walk, so a number is computed in exactly one piece of code.

mod appendix;
pub mod rules;

use rules::*;

use crate::document::*;
use crate::finding::{Finding, Rule};
use crate::markup::{Text, fold_whitespace};
use crate::spec::{self, Spec};
use crate::suggest::did_you_mean;
use crate::vietnamese::{date_words, number_str, point_letter, roman};
use std::collections::HashMap;

/// Builds the printable document, or every problem found on the way (each with its rule and
/// YAML path, not yet placed in the file).
pub fn build(spec: &Spec) -> Result<Document, Vec<Finding>> {
    let mut walker = Walker {
        labels: HashMap::new(),
        findings: Vec::new(),
        resolve: false,
    };
    walker.document(spec);
    walker.resolve = true;
    let mut doc = walker.document(spec);
    if !walker.findings.is_empty() {
        return Err(walker.findings);
    }
    if let Some(last) = doc.last_body_text() {
        end_mark(last);
    }
    Ok(doc)
}

/// What an id refers to, as running text names it.
#[derive(Debug, Clone)]
enum Label {
    /// "Điều 4", "khoản 2 Điều 4", …
    Provision(String),
    /// Dash items have no number to cite.
    Item,
}

struct Walker {
    labels: HashMap<String, Label>,
    findings: Vec<Finding>,
    /// False in the first pass (numbering), true in the second (text).
    resolve: bool,
}

impl Walker {
    fn error(&mut self, rule: &'static Rule, path: &str, message: String) {
        self.findings.push(Finding::new(rule, message).path(path));
    }

    /// Records an author id with the label references to it print (first pass only).
    fn register(&mut self, id: &Option<String>, label: Label, path: &str) {
        let Some(id) = id else { return };
        if self.resolve {
            return;
        }
        let id = id.trim().to_owned();
        if !is_id(&id) {
            self.error(
                &ID_INVALID,
                &format!("{path}.id"),
                format!("mã `{id}` không hợp lệ: chỉ dùng chữ không dấu, chữ số, `-`, `_`, `.`"),
            );
        } else if self.labels.insert(id.clone(), label).is_some() {
            self.error(
                &ID_DUPLICATE,
                &format!("{path}.id"),
                format!("mã `{id}` đã được dùng cho một phần khác"),
            );
        }
    }

    /// Converts one user string: folds white space, resolves references, reads inline markup.
    fn text(&mut self, raw: &str, path: &str) -> Text {
        if !self.resolve {
            return Text::default();
        }
        let folded = fold_whitespace(raw);
        let resolved = self.references(&folded, path);
        Text::inline(&resolved)
    }

    /// Converts a name-like field, where each line of the YAML text is a printed line.
    fn lines(&mut self, raw: &str, path: &str) -> Text {
        if !self.resolve {
            return Text::default();
        }
        let lines: Vec<String> = raw
            .lines()
            .map(fold_whitespace)
            .filter(|l| !l.is_empty())
            .map(|l| self.references(&l, path))
            .collect();
        Text::lines(lines.iter().map(String::as_str))
    }

    fn texts(&mut self, raws: &[String], path: &str) -> Vec<Text> {
        raws.iter()
            .enumerate()
            .map(|(i, r)| self.text(r, &format!("{path}[{i}]")))
            .collect()
    }

    /// Replaces every `[[id]]` with the label of the provision it names.
    fn references(&mut self, text: &str, path: &str) -> String {
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
            match self.labels.get(id) {
                Some(Label::Provision(label)) => out.push_str(label),
                Some(Label::Item) => {
                    let msg = format!(
                        "tham chiếu `[[{id}]]` trỏ tới một gạch đầu dòng, không có số để dẫn chiếu"
                    );
                    let reference = format!("[[{id}]]");
                    self.findings
                        .push(Finding::new(&REF_ITEM, msg).path(path).quoting(reference));
                    out.push_str(id);
                }
                None => {
                    let hint = did_you_mean(id, self.labels.keys().map(String::as_str));
                    let message = format!("tham chiếu `[[{id}]]` tới mã không tồn tại{hint}");
                    let reference = format!("[[{id}]]");
                    self.findings.push(
                        Finding::new(&REF_UNKNOWN, message)
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
        let body_forms = [
            !spec.chapters.is_empty(),
            !spec.articles.is_empty(),
            !spec.sections.is_empty(),
        ];
        if body_forms.iter().filter(|b| **b).count() > 1 && self.resolve {
            self.error(
                &BODY_MIXED,
                "chapters",
                "chỉ dùng một cách chia nội dung: `chapters` (Chương/Điều), `articles` (Điều) hoặc \
                 `sections` (I./1.)"
                    .to_owned(),
            );
        }

        let mut article_number = 0;
        let chapters = spec
            .chapters
            .iter()
            .enumerate()
            .map(|(i, c)| self.chapter(c, i, &mut article_number))
            .collect();
        let articles = spec
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| {
                article_number += 1;
                self.article(a, article_number, &format!("articles[{i}]"))
            })
            .collect();
        let sections = spec
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| self.section(s, i))
            .collect();

        let follows_bases = spec.parties.is_some() || !spec.preamble.is_empty();
        let bases = self.bases(&spec.bases, follows_bases);
        let parties = spec.parties.as_ref().map(|p| self.parties(p, spec, year));
        let title_lines = spec
            .title
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(_, l)| self.text(l, "title"))
            .collect::<Vec<Text>>();
        let signatures = self.signatures(spec);
        let recipients = self.recipients(&spec.recipients);
        let appendices = self.appendices(&spec.appendices);
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
        Document {
            kind_name: spec.kind.type_name().to_owned(),
            title_lines,
            issuers,
            number: spec.number.map(number_str),
            symbol: Text::literal(&symbol),
            place,
            date: spec.issued().map(|d| Text::literal(&date_words(d))),
            year,
            bases,
            parties,
            preamble: self.texts(&spec.preamble, "preamble"),
            chapters,
            articles,
            sections,
            closing: self.texts(&spec.closing, "closing"),
            signatures,
            recipients,
            appendices,
            kind_label: spec.kind.label().to_owned(),
            attached_of: match spec.issuers.as_slice() {
                [only] => Some(self.text(&only.name, "issuers[0].name")),
                _ => None,
            },
            meta,
        }
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
                if self.resolve && spec.date.is_none() {
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

    fn chapter(&mut self, c: &spec::Chapter, i: usize, article_number: &mut u32) -> ChapterView {
        let path = format!("chapters[{i}]");
        let number = roman(i as u32 + 1);
        self.register(&c.id, Label::Provision(format!("Chương {number}")), &path);
        let articles = c
            .articles
            .iter()
            .enumerate()
            .map(|(j, a)| {
                *article_number += 1;
                self.article(a, *article_number, &format!("{path}.articles[{j}]"))
            })
            .collect();
        ChapterView {
            label: Text::literal(&format!("Chương {number}")),
            number,
            title: self.text(&c.title, &format!("{path}.title")).upper(),
            articles,
        }
    }

    fn article(&mut self, a: &spec::Article, number: u32, path: &str) -> ArticleView {
        let label = format!("Điều {number}");
        self.register(&a.id, Label::Provision(label.clone()), path);
        ArticleView {
            label: Text::literal(&format!("{label}.")),
            number,
            title: self.text(&a.title, &format!("{path}.title")),
            paragraphs: self.texts(&a.paragraphs, &format!("{path}.paragraphs")),
            clauses: self.clauses(&a.clauses, &label, path),
        }
    }

    fn section(&mut self, s: &spec::Section, i: usize) -> SectionView {
        let path = format!("sections[{i}]");
        let number = roman(i as u32 + 1);
        let label = format!("Mục {number}");
        self.register(&s.id, Label::Provision(label.clone()), &path);
        SectionView {
            title: self.text(&s.title, &format!("{path}.title")).upper(),
            paragraphs: self.texts(&s.paragraphs, &format!("{path}.paragraphs")),
            clauses: self.clauses(&s.clauses, &label, &path),
            items: self.items(&s.items, 0, &format!("{path}.items")),
            label: Text::literal(&format!("{number}.")),
            number,
        }
    }

    fn clauses(&mut self, clauses: &[spec::Clause], parent: &str, path: &str) -> Vec<ClauseView> {
        clauses
            .iter()
            .enumerate()
            .map(|(k, c)| {
                let path = format!("{path}.clauses[{k}]");
                let number = k as u32 + 1;
                let label = format!("khoản {number} {parent}");
                self.register(&c.id, Label::Provision(label.clone()), &path);
                if c.title.is_none() && c.text.is_none() && self.resolve {
                    self.error(&CLAUSE_EMPTY, &path, "khoản cần có `text` (nội dung) hoặc `title` (tiêu đề)".to_owned());
                }
                if self.resolve && c.points.len() > crate::vietnamese::POINT_LETTERS.len() {
                    self.error(
                        &POINTS_MAX,
                        &format!("{path}.points"),
                        format!(
                            "khoản có {} điểm, nhiều hơn 23 chữ cái đánh số điểm (a … y); hãy tách khoản",
                            c.points.len()
                        ),
                    );
                }
                let points = c
                    .points
                    .iter()
                    .enumerate()
                    .map(|(p, point)| {
                        let letter = point_letter(p).unwrap_or("?");
                        let path = format!("{path}.points[{p}]");
                        self.register(&point.id, Label::Provision(format!("điểm {letter} {label}")), &path);
                        PointView {
                            label: Text::literal(&format!("{letter})")),
                            letter,
                            text: self.text(&point.text, &format!("{path}.text")),
                            items: self.items(&point.items, 0, &format!("{path}.items")),
                        }
                    })
                    .collect();
                ClauseView {
                    label: Text::literal(&format!("{number}.")),
                    number,
                    title: c.title.as_ref().map(|t| self.text(t, &format!("{path}.title"))),
                    text: c.text.as_ref().map(|t| self.text(t, &format!("{path}.text"))),
                    points,
                    items: self.items(&c.items, 0, &format!("{path}.items")),
                    paragraphs: self.texts(&c.paragraphs, &format!("{path}.paragraphs")),
                }
            })
            .collect()
    }

    /// Dash items (depth 0) and their plus items (depth 1); nothing deeper is allowed.
    fn items(&mut self, items: &[spec::Item], depth: usize, path: &str) -> Vec<ItemView> {
        items
            .iter()
            .enumerate()
            .map(|(n, item)| {
                let path = format!("{path}[{n}]");
                self.register(&item.id, Label::Item, &path);
                if depth >= 1 && !item.items.is_empty() && self.resolve {
                    self.error(
                        &ITEM_DEPTH,
                        &format!("{path}.items"),
                        "ý \"+\" không được có ý con: chỉ có hai cấp \"-\" và \"+\"".to_owned(),
                    );
                }
                ItemView {
                    label: Text::literal(if depth == 0 { "-" } else { "+" }),
                    text: self.text(&item.text, &format!("{path}.text")),
                    items: self.items(&item.items, depth + 1, &format!("{path}.items")),
                }
            })
            .collect()
    }

    /// Căn cứ: "Căn cứ " is added unless the text opens with it (or with "Theo"/"Xét"); each
    /// ends with ";", the last with "." unless more introductory text follows it.
    fn bases(&mut self, bases: &[String], followed: bool) -> Vec<Text> {
        let count = bases.len();
        (0..count)
            .map(|i| {
                let raw = strip_end_punctuation(&bases[i]);
                let lower = raw.to_lowercase();
                let opens = ["căn cứ", "theo ", "xét "]
                    .iter()
                    .any(|w| lower.starts_with(w));
                let mut text = self.text(&raw, &format!("bases[{i}]"));
                if !opens {
                    text.prepend_literal("Căn cứ ");
                }
                text.push_literal(if i + 1 == count && !followed {
                    "."
                } else {
                    ";"
                });
                text
            })
            .collect()
    }

    /// Nơi nhận: ";" after each recipient, "." after the last; a typed "- " or final mark is
    /// not doubled.
    fn recipients(&mut self, recipients: &[String]) -> Vec<Text> {
        let count = recipients.len();
        (0..count)
            .map(|i| {
                let raw = strip_end_punctuation(&recipients[i]);
                let raw = raw.trim_start().trim_start_matches(['-', '–']).trim_start();
                let mut text = self.text(raw, &format!("recipients[{i}]"));
                text.push_literal(if i + 1 == count { "." } else { ";" });
                text
            })
            .collect()
    }

    fn parties(&mut self, p: &spec::Parties, spec: &Spec, year: i32) -> PartiesView {
        let date = match p.signed() {
            Some(d) => date_words(d),
            None => format!("ngày … tháng … năm {year}"),
        };
        let place = match &p.place {
            Some(place) => fold_whitespace(place),
            None => "………………".to_owned(),
        };
        let intro = Text::literal(&format!("Hôm nay, {date}, tại {place}, chúng tôi gồm:"));
        let members = p
            .members
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let path = format!("parties.members[{i}]");
                let issuer = spec.issuers.iter().find(|x| x.id == m.issuer);
                if issuer.is_none() && self.resolve {
                    self.error(
                        &ISSUER_UNKNOWN,
                        &format!("{path}.issuer"),
                        format!(
                            "không có cơ quan nào mang mã `{}` trong `issuers`",
                            m.issuer
                        ),
                    );
                }
                let heading = match (&m.heading, issuer) {
                    (Some(h), _) => self.lines(h, &format!("{path}.heading")).upper(),
                    (None, Some(issuer)) => {
                        let short = issuer.short.as_ref().unwrap_or(&issuer.name);
                        let mut t = self.text(short, &format!("{path}.issuer")).upper();
                        t.prepend_literal("ĐẠI DIỆN ");
                        t
                    }
                    (None, None) => Text::default(),
                };
                let mut representative = self.text(&m.name, &format!("{path}.name")).upper();
                representative.prepend_literal(&format!("{}: ", fold_whitespace(&m.honorific)));
                let mut field = |label: &str, value: &Option<String>, key: &str| {
                    value.as_ref().map(|v| {
                        let mut t = self.text(v, &format!("{path}.{key}"));
                        let prefix = if v.trim().is_empty() {
                            label.to_owned()
                        } else {
                            format!("{label} ")
                        };
                        t.prepend_literal(&prefix);
                        t
                    })
                };
                let mut lines: Vec<Vec<Text>> = Vec::new();
                lines.extend(field("Chức vụ:", &m.position, "position").map(|t| vec![t]));
                lines.extend(field("Địa chỉ:", &m.address, "address").map(|t| vec![t]));
                let contact: Vec<Text> = [
                    field("Điện thoại:", &m.phone, "phone"),
                    field("Fax:", &m.fax, "fax"),
                ]
                .into_iter()
                .flatten()
                .collect();
                if !contact.is_empty() {
                    lines.push(contact);
                }
                lines.extend(field("Email:", &m.email, "email").map(|t| vec![t]));
                for (k, more) in m.more.iter().enumerate() {
                    lines.push(vec![self.text(more, &format!("{path}.more[{k}]"))]);
                }
                PartyView {
                    heading,
                    representative,
                    lines,
                }
            })
            .collect();
        PartiesView {
            intro,
            members,
            agreement: self.texts(&p.agreement, "parties.agreement"),
        }
    }

    /// Signature blocks in print order: rows of two, left to right; with `lead_side: right`
    /// the first block of each full row goes to the right column.
    fn signatures(&mut self, spec: &Spec) -> Vec<SignatureView> {
        let mut blocks = self.signature_blocks(spec);
        if spec.layout.lead_side == spec::Side::Right {
            for pair in blocks.chunks_exact_mut(2) {
                pair.swap(0, 1);
            }
        }
        blocks
    }

    fn signature_blocks(&mut self, spec: &Spec) -> Vec<SignatureView> {
        spec.signatures
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let path = format!("signatures[{i}]");
                if self.resolve && !spec.issuers.iter().any(|x| x.id == s.issuer) {
                    self.error(
                        &ISSUER_UNKNOWN,
                        &format!("{path}.issuer"),
                        format!(
                            "không có cơ quan nào mang mã `{}` trong `issuers`",
                            s.issuer
                        ),
                    );
                }
                SignatureView {
                    issuer: s.issuer.clone(),
                    authority: s
                        .authority
                        .iter()
                        .enumerate()
                        .filter(|(_, a)| !a.trim().is_empty())
                        .map(|(k, a)| self.lines(a, &format!("{path}.authority[{k}]")).upper())
                        .collect(),
                    title: self.lines(&s.title, &format!("{path}.title")).upper(),
                    name: self.lines(&s.name, &format!("{path}.name")),
                }
            })
            .collect()
    }
}

/// Author ids: ASCII letters, digits, `-`, `_`, `.`.
fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// Drops the ";", "." or "," a user typed at the end, since the program adds its own; an
/// ellipsis ("…", "...") is part of the text and stays.
fn strip_end_punctuation(raw: &str) -> String {
    let t = raw.trim_end();
    if t.ends_with("...") || t.ends_with('…') {
        return t.to_owned();
    }
    t.trim_end_matches([';', '.', ',']).trim_end().to_owned()
}

/// Ends the body with "./." as the ND 30 templates do, without doubling a typed mark, and marks
/// the paragraph as the body's last.
fn end_mark(text: &mut Text) {
    let plain = text.plain.trim_end();
    if !plain.ends_with("./.") {
        text.push_literal(if plain.ends_with('.') { "/." } else { "./." });
    }
    text.ends_body = true;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(yaml: &str) -> Result<Document, Vec<Finding>> {
        let spec = crate::load::parse(yaml).expect("the spec loads");
        build(&spec)
    }

    /// Each finding as "message (path)".
    fn described(findings: &[Finding]) -> Vec<String> {
        findings
            .iter()
            .map(|f| format!("{} ({})", f.message, f.path.as_deref().unwrap_or("")))
            .collect()
    }

    const HEAD: &str = "kind: quy-che\ntitle: T\nplace: Hà Nội\nyear: 2024\n\
        issuers: [{id: a, name: Sở A, abbr: SA}, {id: b, name: Hội B, abbr: HB}]\n\
        signatures: [{issuer: a, title: Giám đốc, name: X}, {issuer: b, title: Chủ tịch, name: Y}]\n";

    #[test]
    fn articles_run_on_across_chapters_and_points_use_vietnamese_letters() {
        let points: Vec<String> = (0..7).map(|i| format!("\"p{i}\"")).collect();
        let yaml = format!(
            "{HEAD}chapters:\n- title: Một\n  articles:\n  - {{title: A}}\n  - {{title: B}}\n\
             - title: Hai\n  articles:\n  - title: C\n    clauses:\n    - x\n    - text: y\n      points: [{}]\n\
             - title: Ba\n  articles: [{{title: D}}]\n",
            points.join(", ")
        );
        let d = doc(&yaml).unwrap();
        let numbers: Vec<u32> = d
            .chapters
            .iter()
            .flat_map(|c| c.articles.iter().map(|a| a.number))
            .collect();
        assert_eq!(numbers, [1, 2, 3, 4]);
        let romans: Vec<&str> = d.chapters.iter().map(|c| c.number.as_str()).collect();
        assert_eq!(romans, ["I", "II", "III"]);
        let letters: Vec<&str> = d.chapters[1].articles[0].clauses[1]
            .points
            .iter()
            .map(|p| p.letter)
            .collect();
        assert_eq!(letters, ["a", "b", "c", "d", "đ", "e", "g"]);
    }

    #[test]
    fn references_resolve_to_final_numbers() {
        let yaml = format!(
            "{HEAD}chapters:\n- id: chung\n  title: Chung\n  articles:\n  - {{id: pv, title: Phạm vi}}\n\
             - title: Nội dung\n  articles:\n  - title: X\n    clauses:\n    - Theo [[pv]] và [[k2]], [[d]] thuộc [[chung]]\n\
             \x20   - id: k2\n      text: y\n      points: [a, b, {{id: d, text: c}}]\n"
        );
        let d = doc(&yaml).unwrap();
        let text = &d.chapters[1].articles[0].clauses[0]
            .text
            .as_ref()
            .unwrap()
            .plain;
        assert_eq!(
            text,
            "Theo Điều 1 và khoản 2 Điều 2, điểm c khoản 2 Điều 2 thuộc Chương I"
        );
    }

    #[test]
    fn unknown_and_duplicate_ids_are_errors_with_paths() {
        let yaml = format!(
            "{HEAD}articles:\n- {{id: a1, title: X, paragraphs: [\"xem [[a2]]\"]}}\n- {{id: a1, title: Y}}\n"
        );
        let Err(findings) = doc(&yaml) else {
            panic!("expected errors")
        };
        let text = described(&findings);
        assert!(
            text.iter()
                .any(|t| t.contains("`a1` đã được dùng") && t.contains("articles[1].id")),
            "{text:?}"
        );
        assert!(
            text.iter()
                .any(|t| t.contains("[[a2]]") && t.contains("articles[0].paragraphs[0]")),
            "{text:?}"
        );
    }

    #[test]
    fn recipients_and_bases_get_their_punctuation_once() {
        let yaml = format!(
            "{HEAD}bases: [\"Luật A;\", Nghị định B]\nrecipients: [\"- Bộ X;\", Sở Y, \"Lưu: VT.\"]\narticles: [{{title: A, paragraphs: [Hết.]}}]\n"
        );
        let d = doc(&yaml).unwrap();
        let r: Vec<&str> = d.recipients.iter().map(|t| t.plain.as_str()).collect();
        assert_eq!(r, ["Bộ X;", "Sở Y;", "Lưu: VT."]);
        let b: Vec<&str> = d.bases.iter().map(|t| t.plain.as_str()).collect();
        assert_eq!(b, ["Căn cứ Luật A;", "Căn cứ Nghị định B."]);
        assert_eq!(d.articles[0].paragraphs[0].plain, "Hết./.");
    }

    #[test]
    fn last_basis_keeps_semicolon_when_a_preamble_follows() {
        let yaml = format!("{HEAD}bases: [A, B]\npreamble: \"Hai bên thống nhất:\"\n");
        let d = doc(&yaml).unwrap();
        assert_eq!(d.bases[1].plain, "Căn cứ B;");
    }

    #[test]
    fn symbol_lists_type_then_every_issuer_lead_first() {
        let d = doc(HEAD).unwrap();
        assert_eq!(d.symbol.plain, "QC-SA-HB");
        assert_eq!(d.number, None);
        let d = doc(&format!("{HEAD}number: 7\n")).unwrap();
        assert_eq!(d.number.as_deref(), Some("07"));
    }

    const TABLE: &str = "    table:\n      columns: [{title: STT, number: true}, {title: Việc, width: 3}, \
        {title: Hạn, width: 20mm, align: center}]\n      rows:\n        - group: Nhóm một\n\
        \x20       - [Họp, Quý I]\n        - [Báo cáo, 2026]\n        - group: Nhóm hai\n\
        \x20       - [Tổng kết, Quý IV]\n";

    #[test]
    fn appendices_are_numbered_and_their_tables_filled_in() {
        let one = format!(
            "{HEAD}articles: [{{title: A, paragraphs: [\"xem [[pl]]\"]}}]\n\
             appendices:\n  - id: pl\n    title: Danh mục\n{TABLE}"
        );
        let d = doc(&one).unwrap();
        assert_eq!(d.appendices[0].label.plain, "Phụ lục");
        assert_eq!(d.articles[0].paragraphs[0].plain, "xem Phụ lục./.");
        assert_eq!(d.appendices[0].title.plain, "DANH MỤC");
        let table = d.appendices[0].table.as_ref().unwrap();
        let widths: Vec<&str> = table.columns.iter().map(|c| c.width.as_str()).collect();
        assert_eq!(widths, ["12mm", "3fr", "20mm"]);
        let first: Vec<(&str, usize)> = table
            .rows
            .iter()
            .map(|r| (r[0].text.plain.as_str(), r.len()))
            .collect();
        // Group rows: numeral + a cell spanning the rest; rows restart at 1 in each group.
        assert_eq!(first, [("I", 2), ("1", 3), ("2", 3), ("II", 2), ("1", 3)]);
        assert_eq!(table.rows[0][1].colspan, 2);
        assert_eq!(table.rows[2][2].text.plain, "2026");
        let two = format!(
            "{HEAD}articles: [{{title: A, paragraphs: [\"xem [[b]]\"]}}]\n\
             appendices:\n  - {{id: a, title: Một}}\n  - {{id: b, title: Hai}}\n"
        );
        let d = doc(&two).unwrap();
        let labels: Vec<&str> = d
            .appendices
            .iter()
            .map(|a| a.label.plain.as_str())
            .collect();
        assert_eq!(labels, ["Phụ lục I", "Phụ lục II"]);
        assert_eq!(d.articles[0].paragraphs[0].plain, "xem Phụ lục II./.");
    }

    #[test]
    fn bad_widths_and_short_rows_are_errors_with_their_paths() {
        let yaml = format!(
            "{HEAD}appendices:\n  - title: X\n    table:\n      columns: [{{title: A, width: 3px}}, \
             {{title: B, width: -1}}]\n      rows: [[một]]\n"
        );
        let Err(findings) = doc(&yaml) else {
            panic!("expected errors")
        };
        let text = described(&findings);
        let has =
            |path: &str, words: &str| text.iter().any(|t| t.contains(path) && t.contains(words));
        assert!(
            has("appendices[0].table.columns[0].width", "`3px`"),
            "{text:?}"
        );
        assert!(
            has("appendices[0].table.columns[1].width", "`-1`"),
            "{text:?}"
        );
        assert!(
            has("appendices[0].table.rows[0]", "hàng có 1 ô"),
            "{text:?}"
        );
    }

    #[test]
    fn lead_side_right_swaps_each_full_row_of_signatures() {
        let yaml = format!("{HEAD}layout: {{lead_side: right}}\n");
        let d = doc(&yaml).unwrap();
        let order: Vec<&str> = d.signatures.iter().map(|s| s.issuer.as_str()).collect();
        assert_eq!(order, ["b", "a"]);
    }
}
