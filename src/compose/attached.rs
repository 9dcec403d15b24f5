//! The "(Kèm theo … số … ngày … của …)" line under the title of an appendix or of a text a
//! decision issues: who the document is "of" (a decision's enacting authority, or its one
//! issuer), the usual line built from its number and date (blank while blank), the same with
//! the author's words, or the line the author wrote.

use super::{Composer, Parent};
use crate::document::AttachedLine;
use crate::markup::{Text, fold_whitespace};
use crate::spec::{self, Spec};
use crate::vietnamese::{and_list, date_or_blank, date_words};

impl Composer<'_, '_> {
    /// Who a "(Kèm theo …)" line says the document is of: a decision's enacting authority
    /// ("của Chủ tịch Ủy ban nhân dân tỉnh …", the authorities of a joint decision joined by
    /// "và"), else the one issuer; `None` for a joint document (its line names nobody). A legal
    /// document's `enacting` is the subject of its enacting sentence, often the body's short
    /// name ("Ủy ban nhân dân"): its line names the issuer.
    pub(super) fn issued_by(&mut self, spec: &Spec) -> Option<Text> {
        if let Some(enacting) = spec.enacting.as_ref().filter(|_| !spec.legal()) {
            let lines: Vec<String> = enacting
                .lines()
                .map(fold_whitespace)
                .filter(|l| !l.is_empty())
                .collect();
            // Written in capitals, it cannot stand in running text.
            let capitals = !enacting.chars().any(char::is_lowercase);
            let joined = match (spec.issuers.len(), lines.len()) {
                // One authority, its name broken over lines.
                (1, _) => Some(lines.join(" ")),
                // One line per authority.
                (n, m) if n == m => Some(and_list(&lines)),
                _ => None,
            };
            if let Some(joined) = joined.filter(|j| !capitals && !j.is_empty()) {
                return Some(self.text(&joined, "enacting"));
            }
        }
        match spec.issuers.as_slice() {
            [only] => Some(self.text(&only.name, "issuers[0].name")),
            _ => None,
        }
    }

    /// "(Kèm theo `to` số … ngày … của …)" pointing at `parent`, the same with the author's
    /// words, or the line the author wrote.
    pub(super) fn attached(
        &mut self,
        to: &str,
        parent: &Parent,
        written: &Option<spec::Attached>,
        path: &str,
    ) -> AttachedLine {
        let (written, words) = match written {
            Some(spec::Attached::Line(w)) => {
                let w = w.trim().trim_start_matches('(').trim_end_matches(')');
                (Some(self.text(w, path)), spec::AttachedWords::default())
            }
            Some(spec::Attached::Words(words)) => (None, words.clone()),
            None => (None, spec::AttachedWords::default()),
        };
        let opening = match &words.opening {
            Some(o) => self.text(o, &format!("{path}.opening")),
            None => Text::literal(parent.opening),
        };
        // `of: ""` names nobody.
        let of = match &words.of {
            Some(o) if o.trim().is_empty() => None,
            Some(o) => Some(self.text(o, &format!("{path}.of"))),
            None => parent.of.clone(),
        };
        let line = match &written {
            Some(w) => w.clone(),
            None => {
                let of = of
                    .as_ref()
                    .map_or_else(String::new, |o| format!(" của {}", o.plain));
                Text::literal(&format!(
                    "{} {to} số {} {}{of}",
                    opening.plain,
                    parent.number_line(),
                    date_or_blank(parent.date, parent.year)
                ))
            }
        };
        AttachedLine {
            opening,
            to: Text::literal(to),
            number: parent.number.clone(),
            symbol: Text::literal(&parent.symbol),
            date: parent.date.map(|d| Text::literal(&date_words(d))),
            year: parent.year,
            of,
            written,
            line,
        }
    }
}
