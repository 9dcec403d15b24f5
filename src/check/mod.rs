//! `vanban check`: every problem of a spec found at once, each a [`Finding`] with a rule id,
//! a severity, a Vietnamese message and a place in the file.
//!
//! The rules live in one module per group: [`schema`] (bytes, YAML, keys and types),
//! [`text`] (text hygiene), [`dates`], [`document`] (ids, references and the numbering errors
//! of [`crate::number`]), [`signatures`], [`symbol`] (số and ký hiệu), [`bases`] (căn cứ
//! citations), [`structure`], [`recipients`] (Nơi nhận). [`report`] prints findings for people
//! (with a source snippet) and for machines (JSON); [`fix`] rewrites legacy-encoded text.

pub mod bases;
pub mod dates;
pub mod document;
pub mod fix;
pub mod recipients;
pub mod report;
pub mod schema;
pub mod signatures;
pub mod structure;
pub mod symbol;
pub mod text;

use crate::position::{PositionIndex, Span};
use crate::spec::Spec;
use std::path::Path;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Must be fixed: `check` exits 1 and `render` writes nothing.
    Error,
    /// Worth a look: printed, blocks only under `check --strict`.
    Warning,
}

impl Severity {
    /// The word printed before the message ("lỗi", "cảnh báo").
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "lỗi",
            Severity::Warning => "cảnh báo",
        }
    }

    /// The machine name used in JSON output ("error", "warning").
    pub fn code(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A rule: its id, its severity and what it checks (for docs/kiem-tra.md and `--help`).
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    /// Stable id printed with each finding (`ref-unknown`).
    pub id: &'static str,
    /// Severity of every finding of this rule.
    pub severity: Severity,
    /// One line in Vietnamese: what the rule catches.
    pub vi: &'static str,
    /// The same in English.
    pub en: &'static str,
}

/// Every rule, in the order docs/kiem-tra.md lists them.
pub fn rules() -> Vec<&'static Rule> {
    [
        schema::RULES,
        text::RULES,
        dates::RULES,
        document::RULES,
        signatures::RULES,
        symbol::RULES,
        bases::RULES,
        structure::RULES,
        recipients::RULES,
    ]
    .concat()
}

/// A replacement of source text that repairs a finding (`check --fix`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// Bytes of the (NFC) source to replace.
    pub span: Span,
    /// The text to put there.
    pub replacement: String,
}

/// One problem found in a spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule broken.
    pub rule: &'static Rule,
    /// What is wrong, in Vietnamese.
    pub message: String,
    /// YAML path of the value concerned, when there is one.
    pub path: Option<String>,
    /// Where in the file, when known.
    pub span: Option<Span>,
    /// A hint shown under the snippet ("sửa: …").
    pub help: Option<String>,
    /// An automatic repair, applied by `check --fix`.
    pub fix: Option<Fix>,
}

impl Finding {
    /// A finding of `rule` about the value at `path`, placed with `index`.
    pub fn at(rule: &'static Rule, index: &PositionIndex, path: &str, message: String) -> Self {
        Finding {
            rule,
            message,
            path: (!path.is_empty()).then(|| path.to_owned()),
            span: index.locate(path),
            help: None,
            fix: None,
        }
    }

    /// Adds a hint.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The severity of the rule.
    pub fn severity(&self) -> Severity {
        self.rule.severity
    }
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
    /// The file name as the user gave it.
    pub file: String,
    /// The decoded, NFC text (empty when the file could not be decoded).
    pub source: String,
    /// How the file was encoded, for `--fix` to write it back the same way.
    pub encoding: crate::load::TextEncoding,
    /// The findings, in file order.
    pub findings: Vec<Finding>,
    /// The spec, when it loaded.
    pub spec: Option<Spec>,
    /// The numbered document, when the spec numbered without error: what `render` lays out,
    /// so that it does not parse and number the spec a second time.
    pub document: Option<crate::document::Document>,
    /// True when the file could not be read at all (exit code 2).
    pub unreadable: bool,
}

impl Checked {
    /// Number of findings of `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity() == severity)
            .count()
    }

    /// True when a finding is an error (render must not run).
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }
}

/// Reads and checks the spec at `path`. A file that cannot be read gives a `Checked` with one
/// `file-unreadable` finding and [`Checked::unreadable`] set.
pub fn check_file(path: &Path) -> Checked {
    let name = path.display().to_string();
    match crate::load::read_limited(path) {
        Ok(bytes) => check_bytes(&name, &bytes),
        Err(err) => {
            let message = match err {
                crate::error::Error::Io { message, .. } => message,
                other => other.to_string(),
            };
            let mut checked = check_bytes(&name, b"");
            checked.findings = vec![schema::unplaced(&schema::FILE_UNREADABLE, message)];
            checked.unreadable = true;
            checked
        }
    }
}

/// Checks the bytes of a spec file named `name`.
pub fn check_bytes(name: &str, bytes: &[u8]) -> Checked {
    let mut checked = Checked {
        file: name.to_owned(),
        source: String::new(),
        encoding: crate::load::TextEncoding::Utf8,
        findings: Vec::new(),
        spec: None,
        document: None,
        unreadable: false,
    };
    let decoded = match schema::decode(name, bytes) {
        Ok(d) => d,
        Err(finding) => {
            checked.findings.push(*finding);
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
    let loaded = schema::load(&cx);
    checked.findings.extend(loaded.findings);
    // Numbering (the longest rule group) runs beside the others; findings are sorted below.
    let (numbered, others) = rayon::join(
        || loaded.spec.as_ref().map(|spec| document::check(&cx, spec)),
        || {
            let mut findings = Vec::new();
            if loaded.syntax_ok {
                findings.extend(text::check(&cx, &decoded.text));
            }
            if let Some(spec) = &loaded.spec {
                findings.extend(dates::check(&cx, spec));
                findings.extend(signatures::check(&cx, spec));
                findings.extend(symbol::check(&cx, spec));
                findings.extend(bases::check(&cx, spec));
                findings.extend(structure::check(&cx, spec));
                findings.extend(recipients::check(&cx, spec));
            }
            findings
        },
    );
    if let Some((findings, document)) = numbered {
        checked.findings.extend(findings);
        checked.document = document;
    }
    checked.findings.extend(others);
    checked.findings.sort_by_key(|f| {
        let start = f.span.map(|s| s.start.offset).unwrap_or(0);
        (start, f.rule.id)
    });
    checked.spec = loaded.spec;
    checked.source = source;
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
