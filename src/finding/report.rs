//! Printing findings, the same way for every command: for people, each with its rule, place
//! and the source line under a caret (annotate-snippets, the renderer rustc uses); for
//! machines, JSON.

use super::{Finding, Report, Severity};
use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use serde::Serialize;

/// The findings of one file as people read them, ending with a one-line count; empty when
/// there is nothing to say. `color` adds terminal colours.
pub fn human(checked: &Report, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .decor_style(DecorStyle::Ascii);
    let mut out = String::new();
    for finding in checked.findings.iter().take(MAX_DETAILED) {
        out.push_str(&renderer.render(&[group(checked, finding)]));
        out.push_str("\n\n");
    }
    let rest = checked.findings.len().saturating_sub(MAX_DETAILED);
    if rest > 0 {
        out.push_str(&format!(
            "… và {rest} mục nữa không in chi tiết (xem hết: --format json)\n\n"
        ));
    }
    out
}

/// How many findings of one file are printed with their source line; the rest are counted.
/// Each one shows a whole source line, so a hostile file (one 10 MB line, thousands of
/// findings on it) would otherwise take quadratic time.
pub const MAX_DETAILED: usize = 100;

/// "tệp.yaml: 2 lỗi, 1 cảnh báo", or "tệp.yaml: không có lỗi".
pub fn summary(checked: &Report) -> String {
    let (errors, warnings) = (
        checked.count(Severity::Error),
        checked.count(Severity::Warning),
    );
    match (errors, warnings) {
        (0, 0) => format!("{}: không có lỗi", checked.file),
        (e, 0) => format!("{}: {e} lỗi", checked.file),
        (0, w) => format!("{}: không có lỗi, {w} cảnh báo", checked.file),
        (e, w) => format!("{}: {e} lỗi, {w} cảnh báo", checked.file),
    }
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR.with_name(severity.label()),
        Severity::Warning => Level::WARNING.with_name(severity.label()),
    }
}

fn group<'a>(checked: &'a Report, f: &'a Finding) -> Group<'a> {
    let title = level(f.severity()).primary_title(&f.message).id(f.rule.id);
    let mut group = Group::with_title(title);
    match f.span {
        Some(span) => {
            let source = &checked.source;
            // Only the first line of the span is shown, from its start to the end of that line.
            let line_start = source[..span.start.offset].rfind('\n').map_or(0, |i| i + 1);
            let line_end = source[span.start.offset..]
                .find('\n')
                .map_or(source.len(), |i| span.start.offset + i);
            let line = source[line_start..line_end].trim_end_matches('\r');
            let start = (span.start.offset - line_start).min(line.len());
            let end = (span.end.offset.min(line_end) - line_start).clamp(start, line.len());
            // An empty span marks the character at its start (if the line has one there).
            let end = match line[start..].chars().next() {
                Some(c) if end == start => start + c.len_utf8(),
                _ => end,
            };
            group = group.element(
                Snippet::source(line)
                    .line_start(span.start.line)
                    .path(checked.file.as_str())
                    .annotation(AnnotationKind::Primary.span(start..end)),
            );
        }
        None => group = group.element(Origin::path(checked.file.as_str())),
    }
    if let Some(path) = &f.path {
        group = group.element(Level::NOTE.with_name("tại").message(format!("`{path}`")));
    }
    if let Some(help) = &f.help {
        group = group.element(Level::HELP.with_name("gợi ý").message(help.as_str()));
    }
    group
}

/// A finding as JSON.
#[derive(Debug, Serialize)]
pub struct JsonFinding<'a> {
    /// The spec file.
    pub file: &'a str,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column in characters, when known.
    pub column: Option<usize>,
    /// Line where the span ends.
    pub end_line: Option<usize>,
    /// Column where the span ends (exclusive).
    pub end_column: Option<usize>,
    /// `error` or `warning`.
    pub severity: &'static str,
    /// The rule id.
    pub rule: &'static str,
    /// The message, in Vietnamese.
    pub message: &'a str,
    /// YAML path, when there is one.
    pub path: Option<&'a str>,
    /// A hint, when there is one.
    pub help: Option<&'a str>,
    /// What `--fix` would write, and where, when there is a fix.
    pub fix: Option<JsonFix<'a>>,
}

/// A fix as JSON: the range of the file it replaces and the new text.
#[derive(Debug, Serialize)]
pub struct JsonFix<'a> {
    /// 1-based line where the replaced text starts.
    pub line: usize,
    /// 1-based column (characters) where it starts.
    pub column: usize,
    /// Line where it ends.
    pub end_line: usize,
    /// Column where it ends (exclusive).
    pub end_column: usize,
    /// The new text.
    pub replacement: &'a str,
}

/// Every finding of `files` as JSON objects (one array for all files).
pub fn json<'a>(files: impl IntoIterator<Item = &'a Report>) -> Vec<JsonFinding<'a>> {
    files
        .into_iter()
        .flat_map(|c| {
            c.findings.iter().map(move |f| JsonFinding {
                file: &c.file,
                line: f.span.map(|s| s.start.line),
                column: f.span.map(|s| s.start.column),
                end_line: f.span.map(|s| s.end.line),
                end_column: f.span.map(|s| s.end.column),
                severity: f.severity().code(),
                rule: f.rule.id,
                message: &f.message,
                path: f.path.as_deref(),
                help: f.help.as_deref(),
                fix: f.fix.as_ref().map(|x| JsonFix {
                    line: x.span.start.line,
                    column: x.span.start.column,
                    end_line: x.span.end.line,
                    end_column: x.span.end.column,
                    replacement: &x.replacement,
                }),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_the_cap_findings_are_counted_not_printed() {
        let clause = "Quyết định số 1/NQ-X; ".repeat(MAX_DETAILED + 50);
        let yaml = crate::check::spec_with_clause(&clause);
        let checked = crate::check::check_bytes("t.yaml", yaml.as_bytes());
        assert_eq!(checked.report.findings.len(), MAX_DETAILED + 50);
        let out = human(&checked.report, false);
        assert_eq!(out.matches("[cite-type]").count(), MAX_DETAILED, "{out}");
        assert!(
            out.ends_with("… và 50 mục nữa không in chi tiết (xem hết: --format json)\n\n"),
            "{out}"
        );
        assert!(summary(&checked.report).ends_with("150 cảnh báo"));
    }
}
