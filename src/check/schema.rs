//! Rules about the file itself and its YAML: size, encoding, syntax, keys and types. The
//! messages come from [`crate::load`] (the one place YAML errors are put into Vietnamese);
//! this module gives each its rule and keeps reading after an unknown key, so that every
//! misspelt key is reported in one run.

use super::{Context, Finding, Rule, Severity};
use crate::error::{Diagnostic, Error};
use crate::load::TextEncoding;
use crate::position::{Span, place_at, place_of};
use crate::spec::Spec;
use unicode_normalization::UnicodeNormalization;

/// The file cannot be read (exit code 2).
pub static FILE_UNREADABLE: Rule = Rule {
    id: "file-unreadable",
    severity: Severity::Error,
    vi: "Không đọc được tệp (không có, không có quyền, là thư mục); mã thoát 2.",
    en: "The file cannot be read (missing, no permission, a directory); exit code 2.",
};
/// The file is larger than [`crate::load::MAX_SPEC_BYTES`].
pub static FILE_TOO_LARGE: Rule = Rule {
    id: "file-too-large",
    severity: Severity::Error,
    vi: "Tệp lớn hơn 10 MB: không phải một văn bản, không đọc.",
    en: "The file is larger than 10 MB and is not read.",
};
/// Bytes that are not UTF-8 or UTF-16 text.
pub static ENCODING: Rule = Rule {
    id: "encoding",
    severity: Severity::Error,
    vi: "Tệp không phải văn bản UTF-8 hoặc UTF-16 (tệp nhị phân, bảng mã cũ, tệp hỏng).",
    en: "The bytes are not UTF-8 or UTF-16 text (binary, legacy code page, damaged file).",
};
/// Nothing in the file.
pub static EMPTY_FILE: Rule = Rule {
    id: "empty-file",
    severity: Severity::Error,
    vi: "Tệp trống.",
    en: "The file is empty.",
};
/// YAML that does not parse.
pub static YAML_SYNTAX: Rule = Rule {
    id: "yaml-syntax",
    severity: Severity::Error,
    vi: "Lỗi cú pháp YAML: thụt lề, dấu nháy, dấu `:`, tệp cắt cụt, lồng quá sâu, bí danh (alias) lặp quá nhiều, khóa trùng.",
    en: "YAML syntax: indentation, quotes, `:`, truncated file, nesting too deep, alias expansion too large, duplicate key.",
};
/// A key the spec does not have.
pub static UNKNOWN_KEY: Rule = Rule {
    id: "unknown-key",
    severity: Severity::Error,
    vi: "Khóa không có trong mẫu văn bản (gõ sai tên khóa), kèm gợi ý \"có phải ý bạn là …\".",
    en: "A key the spec does not have (a misspelt key), with a \"did you mean\" hint.",
};
/// A required key that is absent.
pub static MISSING_FIELD: Rule = Rule {
    id: "missing-field",
    severity: Severity::Error,
    vi: "Thiếu khóa bắt buộc (`kind`, `title`, `place`, `issuers`, tên điều …).",
    en: "A required key is missing.",
};
/// A value outside the allowed list.
pub static UNKNOWN_VALUE: Rule = Rule {
    id: "unknown-value",
    severity: Severity::Error,
    vi: "Giá trị không thuộc danh sách cho phép (ví dụ `kind`), kèm gợi ý.",
    en: "A value outside the allowed list (e.g. `kind`), with a hint.",
};
/// A value of the wrong type.
pub static WRONG_TYPE: Rule = Rule {
    id: "wrong-type",
    severity: Severity::Error,
    vi: "Sai kiểu giá trị: danh sách thay cho đoạn chữ, chữ thay cho số …",
    en: "A value of the wrong type: a list for a text, text for a number …",
};
/// A date that does not exist.
pub static DATE_IMPOSSIBLE: Rule = Rule {
    id: "date-impossible",
    severity: Severity::Error,
    vi: "Ngày không có thật (30/02) hoặc không viết dạng NĂM-THÁNG-NGÀY.",
    en: "A date that does not exist (30 February) or is not written YYYY-MM-DD.",
};

/// The rules of this group.
pub const RULES: &[&Rule] = &[
    &FILE_UNREADABLE,
    &FILE_TOO_LARGE,
    &ENCODING,
    &EMPTY_FILE,
    &YAML_SYNTAX,
    &UNKNOWN_KEY,
    &MISSING_FIELD,
    &UNKNOWN_VALUE,
    &WRONG_TYPE,
    &DATE_IMPOSSIBLE,
];

/// The rule a loader message belongs to, read from the start of the Vietnamese message
/// [`crate::load`] wrote.
pub fn rule_of(message: &str) -> &'static Rule {
    let starts = |p: &str| message.starts_with(p);
    if starts("tệp lớn hơn") {
        &FILE_TOO_LARGE
    } else if starts("tệp trống") {
        &EMPTY_FILE
    } else if message.contains("UTF-8") || message.contains("UTF-16") {
        &ENCODING
    } else if starts("thiếu trường bắt buộc") {
        &MISSING_FIELD
    } else if starts("trường `") && message.contains("không được dùng ở đây") {
        &UNKNOWN_KEY
    } else if starts("giá trị `") {
        &UNKNOWN_VALUE
    } else if starts("ngày `") {
        &DATE_IMPOSSIBLE
    } else if starts("sai kiểu") || starts("giá trị không hợp lệ") || starts("độ dài")
    {
        &WRONG_TYPE
    } else {
        &YAML_SYNTAX
    }
}

/// A decoded file: its text before NFC and how it was encoded.
pub struct Decoded {
    /// The text as written (not normalised).
    pub text: String,
    /// The encoding of the bytes.
    pub encoding: TextEncoding,
}

impl Decoded {
    /// The text in NFC, as the rest of the program sees it.
    pub fn nfc_text(&self) -> String {
        self.text.nfc().collect()
    }
}

/// Decodes the bytes, or the finding that says why they are not a spec.
pub fn decode(name: &str, bytes: &[u8]) -> Result<Decoded, Box<Finding>> {
    match crate::load::decode_raw(name, bytes) {
        Ok((text, _)) if text.trim().is_empty() => Err(Box::new(unplaced(
            &EMPTY_FILE,
            "tệp trống: chưa có nội dung nào".to_owned(),
        ))),
        Ok((text, encoding)) => Ok(Decoded { text, encoding }),
        Err(Error::Spec(diagnostics)) => {
            let d = &diagnostics[0];
            let mut finding = unplaced(rule_of(&d.message), d.message.clone());
            if let (Some(line), Some(column)) = (d.line, d.column) {
                // The bytes before the bad one are text: show the place, without a snippet.
                finding.help = Some(format!("byte hỏng đầu tiên ở dòng {line}, cột {column}"));
            }
            Err(Box::new(finding))
        }
        Err(other) => Err(Box::new(unplaced(&ENCODING, other.to_string()))),
    }
}

/// A finding about the whole file, with no place in it.
pub fn unplaced(rule: &'static Rule, message: String) -> Finding {
    Finding {
        rule,
        message,
        path: None,
        span: None,
        help: None,
        fix: None,
    }
}

/// What loading the YAML gave.
pub struct Loaded {
    /// Problems found, in the order met.
    pub findings: Vec<Finding>,
    /// The spec, when it loaded without error.
    pub spec: Option<Spec>,
    /// False when the YAML itself does not parse (so the position index is incomplete).
    pub syntax_ok: bool,
}

/// How many unknown keys are skipped to look for more before giving up.
const MAX_PASSES: usize = 32;

/// The text being loaded again and again, with the edits made to it so far: each unknown key
/// is renamed to the key suggested for it, or its entry blanked out, and loading starts again
/// to find the next problem. Edits are logged so that places reported in the edited text map
/// back to the source.
struct Edited {
    text: String,
    /// (source offset where the edit starts, bytes added (+) or removed (−)), in source order.
    edits: Vec<(usize, isize)>,
}

impl Edited {
    /// The offset in the edited text of source offset `at`.
    fn to_edited(&self, at: usize) -> usize {
        let shift: isize = self
            .edits
            .iter()
            .filter(|(o, _)| *o < at)
            .map(|(_, d)| d)
            .sum();
        at.saturating_add_signed(shift)
    }

    /// The source offset of edited-text offset `at`.
    fn to_source(&self, at: usize) -> usize {
        let mut shift = 0isize;
        for (o, d) in &self.edits {
            if o.saturating_add_signed(shift) < at {
                shift += d;
            }
        }
        at.saturating_add_signed(-shift)
    }

    /// Replaces source bytes `range` with `with`.
    fn replace(&mut self, range: std::ops::Range<usize>, with: &str) -> bool {
        let edited = self.to_edited(range.start)..self.to_edited(range.end);
        if self.text.get(edited.clone()).is_none() {
            return false;
        }
        self.text.replace_range(edited.clone(), with);
        let delta = with.len() as isize - (edited.end - edited.start) as isize;
        let at = self.edits.partition_point(|(o, _)| *o < range.start);
        self.edits.insert(at, (range.start, delta));
        true
    }
}

/// Deeper flow nesting than the loader accepts (serde_yaml stops at 128 levels).
const MAX_FLOW_DEPTH: usize = 128;

/// Where flow brackets (`[`, `{`) first nest deeper than [`MAX_FLOW_DEPTH`], skipping quoted
/// text and comments. The YAML parser takes seconds to refuse 20 000 nested brackets; this scan
/// refuses them at once.
fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut comment = false;
    let mut previous = '\n';
    for (at, c) in text.char_indices() {
        match (quote, c) {
            _ if comment => comment = c != '\n',
            (Some(q), _) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') if !previous.is_alphanumeric() => quote = Some(c),
            (None, '#') if previous.is_whitespace() => comment = true,
            (None, '[' | '{') => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    return Some(at);
                }
            }
            (None, ']' | '}') => depth = depth.saturating_sub(1),
            _ => {}
        }
        previous = c;
    }
    None
}

/// Loads the spec from the NFC text, reading on past unknown keys.
pub fn load(cx: &Context) -> Loaded {
    if let Some(at) = too_deep(cx.source) {
        let place = place_of(cx.source, at);
        return Loaded {
            findings: vec![Finding {
                rule: &YAML_SYNTAX,
                message: format!("cấu trúc lồng nhau quá sâu (hơn {MAX_FLOW_DEPTH} cấp dấu ngoặc)"),
                path: None,
                span: Some(Span {
                    start: place,
                    end: place,
                }),
                help: None,
                fix: None,
            }],
            spec: None,
            syntax_ok: false,
        };
    }
    let mut edited = Edited {
        text: cx.source.to_owned(),
        edits: Vec::new(),
    };
    let mut findings = Vec::new();
    for _ in 0..MAX_PASSES {
        let diagnostic = match crate::load::parse(cx.file, &edited.text) {
            Ok(spec) => {
                return Loaded {
                    spec: findings.is_empty().then_some(spec),
                    findings,
                    syntax_ok: true,
                };
            }
            Err(Error::Spec(mut diagnostics)) => diagnostics.remove(0),
            Err(other) => Diagnostic {
                file: cx.file.to_owned(),
                line: None,
                column: None,
                path: None,
                message: other.to_string(),
            },
        };
        let rule = rule_of(&diagnostic.message);
        let span = place_of_error(cx, &edited, &diagnostic);
        let suggestion = suggested(&diagnostic.message);
        findings.push(Finding {
            rule,
            message: diagnostic.message,
            path: diagnostic.path.clone(),
            span,
            help: None,
            fix: None,
        });
        let read_on = std::ptr::eq(rule, &UNKNOWN_KEY)
            && span.is_some_and(|s| skip_key(cx, &mut edited, s.start.offset, suggestion));
        if !read_on {
            return Loaded {
                findings,
                spec: None,
                syntax_ok: !std::ptr::eq(rule, &YAML_SYNTAX),
            };
        }
    }
    Loaded {
        findings,
        spec: None,
        syntax_ok: true,
    }
}

/// The key named in "có phải ý bạn là `…`?".
fn suggested(message: &str) -> Option<String> {
    let rest = message.split("có phải ý bạn là `").nth(1)?;
    rest.split('`').next().map(str::to_owned)
}

/// The span of a loader error: the line and column the YAML parser gave in the edited text,
/// mapped back to the source; else the value at its path.
fn place_of_error(cx: &Context, edited: &Edited, d: &Diagnostic) -> Option<Span> {
    match (d.line, d.column) {
        (Some(line), Some(column)) => {
            let at = edited.to_source(place_at(&edited.text, line, column).offset);
            let start = place_of(cx.source, at);
            // Point at the whole key or value that starts there.
            let end = cx.index.starting_at(start.offset).map_or(start, |s| s.end);
            Some(Span { start, end })
        }
        _ => d.path.as_deref().and_then(|p| cx.index.locate(p)),
    }
}

/// Gets the unknown key at source offset `at` out of the way: renamed to `suggestion` when the
/// map does not have that key yet, else its whole entry blanked with spaces (lines kept).
fn skip_key(cx: &Context, edited: &mut Edited, at: usize, suggestion: Option<String>) -> bool {
    let Some((path, node)) = cx.index.entry_with_key_at(at) else {
        return false;
    };
    let Some(key) = node.key else { return false };
    let sibling = |name: &str| {
        let parent = crate::position::parent(&path);
        let path = if parent.is_empty() {
            name.to_owned()
        } else {
            format!("{parent}.{name}")
        };
        cx.index.node(&path).is_some()
    };
    match suggestion {
        Some(name) if !sibling(&name) => edited.replace(key.start.offset..key.end.offset, &name),
        _ => {
            let range = key.start.offset..node.value.end.offset.max(key.end.offset);
            let blank: String = cx.source[range.clone()]
                .chars()
                .map(|c| if c == '\n' || c == '\r' { c } else { ' ' })
                .collect();
            edited.replace(range, &blank)
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::{check_bytes, placed};

    fn rules_of(yaml: &str) -> Vec<String> {
        placed(yaml)
    }

    const GOOD: &str = "kind: ban-ghi-nho\ntitle: Hợp tác\nplace: Huế\nyear: 2024\n\
        issuers: [{id: a, name: Sở A, abbr: SA}]\n\
        articles: [{title: Phạm vi, clauses: [Nội dung]}]\n\
        signatures: [{issuer: a, title: Giám đốc, name: Nguyễn Văn A}]\n\
        recipients: [\"Lưu: VT\"]\n";

    #[test]
    fn the_good_spec_is_clean() {
        assert_eq!(rules_of(GOOD), Vec::<String>::new());
    }

    #[test]
    fn every_unknown_key_is_reported_with_its_place() {
        let yaml = GOOD
            .replace("recipients:", "recipient:")
            .replace("abbr: SA", "abr: SA")
            .replace("place:", "plase:");
        assert_eq!(
            rules_of(&yaml),
            ["unknown-key 3:1", "unknown-key 5:31", "unknown-key 8:1"]
        );
        // A key that is not a typo of any other is blanked out; the required key it does not
        // stand for is then missing.
        let yaml = GOOD
            .replace("title: Hợp tác", "tiêu đề: Hợp tác")
            .replace("abbr: SA", "abbr: SA, xyz: 1");
        assert_eq!(
            rules_of(&yaml),
            ["missing-field 1:1", "unknown-key 2:1", "unknown-key 5:41"]
        );
    }

    #[test]
    fn loader_messages_map_to_their_rules() {
        let cases = [
            (GOOD.replace("title: Hợp tác\n", ""), "missing-field"),
            (GOOD.replace("ban-ghi-nho", "ban-ghi-nhoo"), "unknown-value"),
            (
                GOOD.replace("year: 2024", "date: 2024-02-30"),
                "date-impossible",
            ),
            (GOOD.replace("year: 2024", "year: [2024]"), "wrong-type"),
            (
                GOOD.replace("title: Hợp tác", "title: \"Hợp tác"),
                "yaml-syntax",
            ),
            (
                GOOD.replace("place: Huế", "place: Huế\n  x: y"),
                "yaml-syntax",
            ),
            (format!("{GOOD}---\nkind: x\n"), "yaml-syntax"),
            (
                GOOD.replace("year: 2024", "year: 2024\nyear: 2025"),
                "yaml-syntax",
            ),
        ];
        for (yaml, rule) in cases {
            let found = rules_of(&yaml);
            assert!(found[0].starts_with(rule), "{yaml}\n{found:?}");
        }
    }

    #[test]
    fn bytes_that_are_not_a_spec() {
        let first = |bytes: &[u8]| check_bytes("t.yaml", bytes).findings[0].rule.id;
        assert_eq!(first(b""), "empty-file");
        assert_eq!(first(b"  \n\n"), "empty-file");
        assert_eq!(first(&[0x89, b'P', b'N', b'G', 0xff, 0x00]), "encoding");
        assert_eq!(first(&[0xFF, 0xFE, 0x41]), "encoding");
        assert_eq!(
            first(&vec![b'#'; crate::load::MAX_SPEC_BYTES + 1]),
            "file-too-large"
        );
    }
}
