//! `vanban check`: every problem of a spec found at once, each a
//! [`Finding`] of a rule, placed in the file.
//!
//! The file's own problems (bytes, YAML, keys, types) are found by [`crate::load`], the
//! numbering problems (ids, references, body shape) by [`crate::number`]; the other rules live
//! in one module per group: [`text`] (text hygiene), [`dates`], [`values`] (empty or
//! implausible values), [`signatures`], [`symbol`]
//! (số and ký hiệu), [`bases`] (căn cứ citations), [`structure`], [`recipients`] (Nơi nhận).
//! [`crate::finding::report`] prints findings; [`fix`] rewrites legacy-encoded text.

pub mod bases;
pub mod dates;
pub mod decision;
pub mod fix;
pub mod limits;
pub mod recipients;
pub mod signatures;
pub mod structure;
pub mod symbol;
pub mod text;
pub mod values;

use crate::finding::{Finding, Report, Rule, Severity};
use crate::number::Outline;
use crate::position::PositionIndex;
use crate::spec::Spec;

/// Every rule, in the order the manual lists them.
pub fn rules() -> Vec<&'static Rule> {
    [
        crate::load::RULES,
        limits::RULES,
        text::RULES,
        dates::RULES,
        values::RULES,
        crate::number::rules::RULES,
        crate::compose::rules::RULES,
        signatures::RULES,
        symbol::RULES,
        decision::RULES,
        bases::RULES,
        structure::RULES,
        recipients::RULES,
        crate::pipeline::outputs::RULES,
        crate::pipeline::layout::RULES,
    ]
    .concat()
}

/// The spec as the rules see it: text, place index and (when it loads) the model.
pub struct Context<'a> {
    /// The file name as the user gave it.
    pub file: &'a str,
    /// The decoded, NFC text of the file (what positions refer to).
    pub source: &'a str,
    /// Paths → places.
    pub index: &'a PositionIndex,
}

/// Everything `check` learnt about one file.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The file's name, text and findings (in file order).
    pub report: Report,
    /// How the file was encoded, for `--fix` to write it back the same way.
    pub encoding: crate::load::TextEncoding,
    /// The spec, when it loaded.
    pub spec: Option<Spec>,
    /// The numbered document, when the spec numbered without error: what `render` lays out,
    /// so that it does not parse and number the spec a second time.
    pub document: Option<crate::document::Document>,
    /// True when the file could not be read at all (exit code 2).
    pub unreadable: bool,
}

impl Checked {
    fn empty(name: &str) -> Checked {
        Checked {
            report: Report {
                file: name.to_owned(),
                ..Report::default()
            },
            encoding: crate::load::TextEncoding::Utf8,
            spec: None,
            document: None,
            unreadable: false,
        }
    }

    /// A file that could not be read at all: one `file-unreadable` finding saying why (exit
    /// code 2).
    pub fn unreadable(name: &str, why: String) -> Checked {
        let mut checked = Checked::empty(name);
        checked.report.findings = vec![Finding::new(&crate::load::FILE_UNREADABLE, why)];
        checked.unreadable = true;
        checked
    }

    /// Number of findings of `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.report.count(severity)
    }

    /// True when a finding is an error (render must not run).
    pub fn has_errors(&self) -> bool {
        self.report.has_errors()
    }
}

/// Checks the bytes of a spec file named `name`.
pub fn check_bytes(name: &str, bytes: &[u8]) -> Checked {
    let mut checked = Checked::empty(name);
    let decoded = match crate::load::decode(bytes) {
        Ok(d) => d,
        Err(finding) => {
            checked.report.findings.push(*finding);
            return checked;
        }
    };
    checked.encoding = decoded.encoding;
    let source = decoded.nfc_text();
    let index = PositionIndex::build(&source);
    let cx = Context {
        file: name,
        source: &source,
        index: &index,
    };
    let mut loaded = crate::load::load(&source, &index);
    let mut findings = std::mem::take(&mut loaded.findings);
    let own = findings.len();
    let outline = loaded.spec.as_ref().map(Outline::build);
    // A spec over a limit is not composed: that is what would take unbounded memory.
    let over = match (&loaded.spec, &outline) {
        (Some(spec), Some((outline, _))) => limits::check(&cx, spec, outline),
        _ => Vec::new(),
    };
    let within = over.is_empty();
    findings.extend(over);
    // Composing (the longest step) runs beside the rules; findings are sorted below.
    let (composed, others) = rayon::join(
        || {
            let (spec, (outline, _)) = loaded.spec.as_ref().zip(outline.as_ref())?;
            if !within {
                return None;
            }
            Some(crate::compose::document(spec, outline))
        },
        || {
            let mut findings = Vec::new();
            if loaded.syntax_ok {
                findings.extend(text::check(&cx, &decoded.text));
            }
            if let Some(spec) = &loaded.spec {
                findings.extend(dates::check(&cx, spec));
                findings.extend(values::check(&cx, spec));
                findings.extend(signatures::check(&cx, spec));
                findings.extend(symbol::check(&cx, spec));
                findings.extend(decision::check(&cx, spec));
                findings.extend(bases::check(&cx, spec));
                if let Some((outline, _)) = &outline {
                    findings.extend(structure::check(&cx, spec, outline));
                }
                findings.extend(recipients::check(&cx, spec));
            }
            findings
        },
    );
    let numbering = outline.map(|(_, problems)| problems).unwrap_or_default();
    if let Some((document, problems)) = composed {
        if problems.is_empty() && numbering.is_empty() {
            checked.document = Some(document);
        }
        findings.extend(problems);
    }
    findings.extend(numbering);
    findings.extend(others);
    // Nothing is reported about a value the reader left out but its own finding.
    let mut k = 0;
    findings.retain(|f| {
        k += 1;
        k <= own || !loaded.about_left_out(f.path.as_deref())
    });
    for finding in &mut findings {
        finding.place(&index, &source);
    }
    checked.report.findings = findings;
    checked.report.sort();
    checked.spec = loaded.spec;
    checked.report.source = source;
    checked
}

/// Test helper: a valid one-issuer spec whose single clause reads `clause` (line 6).
#[cfg(test)]
pub(crate) fn spec_with_clause(clause: &str) -> String {
    format!(
        "kind: quy-che\ntitle: Phối hợp\nplace: Huế\ndate: 2023-06-15\n\
         issuers: [{{id: a, name: Sở A, abbr: SA}}]\n\
         articles: [{{title: A, clauses: [\"{clause}\"]}}]\n\
         signatures: [{{issuer: a, title: Giám đốc, name: X}}]\n"
    )
}

/// Test helper: the findings for a YAML text, each as "rule line:col message".
#[cfg(test)]
pub(crate) fn described(yaml: &str) -> Vec<String> {
    check_bytes("t.yaml", yaml.as_bytes())
        .report
        .findings
        .iter()
        .map(|f| {
            let s = f.span.unwrap_or_default().start;
            format!("{} {}:{} {}", f.rule.id, s.line, s.column, f.message)
        })
        .collect()
}

/// Test helper: the findings for a YAML text, each as "rule line:col".
#[cfg(test)]
pub(crate) fn placed(yaml: &str) -> Vec<String> {
    described(yaml)
        .into_iter()
        .map(|d| d.splitn(3, ' ').take(2).collect::<Vec<_>>().join(" "))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_are_unique_and_kebab_case() {
        let rules = rules();
        let mut ids: Vec<&str> = rules.iter().map(|r| r.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), rules.len(), "duplicate rule id");
        for r in rules {
            assert!(
                r.id.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{}",
                r.id
            );
            assert!(!r.vi.is_empty() && !r.en.is_empty());
        }
    }
}
