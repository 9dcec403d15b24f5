//! What a problem in a spec is: a [`Finding`] of a [`Rule`], made where the problem is found —
//! by the loader (bytes, YAML, keys, types), by numbering (ids, references), by the check
//! rules, or by the PDF step (a character the font lacks) — and printed the same way by every
//! command ([`report`]). A finding's rule is always set by the code that finds it; nothing
//! reads a message to learn what it is about.

pub mod report;

use crate::position::{PositionIndex, Span};

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

/// A rule: its id, its severity and what it checks (for the manual and `--help`).
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
    /// Text inside the value at `path` that the finding is about (a `[[reference]]` in a
    /// long provision): [`Finding::place`] points at it rather than at the whole value.
    pub quote: Option<String>,
    /// A hint shown under the snippet ("sửa: …").
    pub help: Option<String>,
    /// An automatic repair, applied by `check --fix`.
    pub fix: Option<Fix>,
}

impl Finding {
    /// A finding of `rule` with no place yet.
    pub fn new(rule: &'static Rule, message: impl Into<String>) -> Self {
        Finding {
            rule,
            message: message.into(),
            path: None,
            span: None,
            quote: None,
            help: None,
            fix: None,
        }
    }

    /// A finding of `rule` about the value at `path`, placed with `index`.
    pub fn at(rule: &'static Rule, index: &PositionIndex, path: &str, message: String) -> Self {
        let mut finding = Finding::new(rule, message).path(path);
        finding.span = index.locate(path);
        finding
    }

    /// Sets the YAML path (the root, `""`, is no path).
    pub fn path(mut self, path: &str) -> Self {
        self.path = (!path.is_empty()).then(|| path.to_owned());
        self
    }

    /// Sets the place in the file.
    pub fn span(mut self, span: Option<Span>) -> Self {
        self.span = span;
        self
    }

    /// Points at `text` inside the value at the finding's path once placed.
    pub fn quoting(mut self, text: impl Into<String>) -> Self {
        self.quote = Some(text.into());
        self
    }

    /// Adds a hint.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Gives a finding made away from the file (numbering, layout) its place: the quoted text
    /// inside the value at its path, else that value, else its nearest enclosing value.
    pub fn place(&mut self, index: &PositionIndex, source: &str) {
        if self.span.is_some() {
            return;
        }
        let Some(path) = &self.path else { return };
        self.span = match &self.quote {
            Some(quote) => index.locate_text(source, path, quote),
            None => index.locate(path),
        };
    }

    /// The severity of the rule.
    pub fn severity(&self) -> Severity {
        self.rule.severity
    }
}

/// The findings of one spec file, with the text they point into: what every command prints
/// when a spec has problems.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// The file name as the user gave it.
    pub file: String,
    /// The decoded, NFC text (empty when the file could not be decoded).
    pub source: String,
    /// The findings, in file order.
    pub findings: Vec<Finding>,
}

impl Report {
    /// Number of findings of `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity() == severity)
            .count()
    }

    /// True when a finding is an error (nothing may be rendered).
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// Sorts the findings in file order (unplaced first), then by rule.
    pub fn sort(&mut self) {
        self.findings.sort_by_key(|f| {
            let start = f.span.map(|s| s.start.offset).unwrap_or(0);
            (start, f.rule.id)
        });
    }
}
