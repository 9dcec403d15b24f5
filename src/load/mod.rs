//! Reading a spec file: bytes → Unicode text (BOM, UTF-16, NFC) → [`Spec`]. Every problem of
//! the file itself — its size, its encoding, its YAML, its keys and the types of its values —
//! is found here, as a [`Finding`] of one of this module's rules, placed on its node.
//!
//! Every key of the file is judged before it is read ([`keys`]), so every misspelt key is found
//! in one run; the spec is then read from the file's YAML tree ([`crate::yaml`]), whose errors
//! are data, each given its rule here. The YAML syntax is judged by serde_yaml (libyaml), whose
//! messages [`messages`] puts into Vietnamese.

pub mod keys;
pub mod messages;

use crate::finding::{Finding, Rule, Severity};
use crate::position::{PositionIndex, Span, place_at, place_of};
use crate::spec::Spec;
use crate::yaml::de::{Changes, DeError, Problem, Reader};
use crate::yaml::tree::NodeId;
use std::io::Read;
use unicode_normalization::UnicodeNormalization;

/// The largest spec file read, in bytes (10 MiB). A real programme is well under 1 MB; a larger
/// file is refused before parsing, so a huge or endless file cannot take the time and memory.
pub const MAX_SPEC_BYTES: usize = 10 * 1024 * 1024;

/// The file cannot be read (exit code 2).
pub static FILE_UNREADABLE: Rule = Rule {
    id: "file-unreadable",
    severity: Severity::Error,
    vi: "Không đọc được tệp (không có, không có quyền, là thư mục); mã thoát 2.",
    en: "The file cannot be read (missing, no permission, a directory); exit code 2.",
};
/// The file is larger than [`MAX_SPEC_BYTES`].
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
];

/// Reads at most [`MAX_SPEC_BYTES`] + 1 bytes of `path` (one more than allowed, so that
/// [`decode`] can tell a file that is too large). The error says why, in Vietnamese.
pub fn read_limited(path: &std::path::Path) -> Result<Vec<u8>, String> {
    let reason = |e: std::io::Error| format!("không đọc được: {}", crate::error::io_reason(&e));
    let file = std::fs::File::open(path).map_err(reason)?;
    let mut bytes = Vec::new();
    file.take(MAX_SPEC_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(reason)?;
    Ok(bytes)
}

/// How the bytes of a spec file encode its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8 without a byte order mark.
    Utf8,
    /// UTF-8 with a byte order mark.
    Utf8Bom,
    /// UTF-16, little-endian, with a byte order mark.
    Utf16Le,
    /// UTF-16, big-endian, with a byte order mark.
    Utf16Be,
}

impl TextEncoding {
    /// Encodes `text` the same way, byte order mark included (for `check --fix`).
    pub fn encode(self, text: &str) -> Vec<u8> {
        match self {
            TextEncoding::Utf8 => text.as_bytes().to_vec(),
            TextEncoding::Utf8Bom => [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat(),
            TextEncoding::Utf16Le => [0xFF, 0xFE]
                .into_iter()
                .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
                .collect(),
            TextEncoding::Utf16Be => [0xFE, 0xFF]
                .into_iter()
                .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
                .collect(),
        }
    }
}

/// A decoded file: its text as written (not normalised) and how it was encoded.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text as written.
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

/// Turns the bytes of a spec file into text. Accepts UTF-8 with or without a BOM and UTF-16
/// with a BOM (as Windows editors save it); anything else, an empty file or one larger than
/// [`MAX_SPEC_BYTES`] is a finding that says why (and where the first bad byte is).
pub fn decode(bytes: &[u8]) -> Result<Decoded, Box<Finding>> {
    if bytes.len() > MAX_SPEC_BYTES {
        return Err(Box::new(Finding::new(
            &FILE_TOO_LARGE,
            format!(
                "tệp lớn hơn {} MB, không phải một văn bản: không đọc",
                MAX_SPEC_BYTES / (1024 * 1024)
            ),
        )));
    }
    let decoded = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Decoded {
            text: utf8(rest)?,
            encoding: TextEncoding::Utf8Bom,
        }
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        Decoded {
            text: utf16(rest, u16::from_le_bytes)?,
            encoding: TextEncoding::Utf16Le,
        }
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        Decoded {
            text: utf16(rest, u16::from_be_bytes)?,
            encoding: TextEncoding::Utf16Be,
        }
    } else {
        Decoded {
            text: utf8(bytes)?,
            encoding: TextEncoding::Utf8,
        }
    };
    if decoded.text.trim().is_empty() {
        return Err(Box::new(Finding::new(
            &EMPTY_FILE,
            "tệp trống: chưa có nội dung nào",
        )));
    }
    Ok(decoded)
}

fn utf8(bytes: &[u8]) -> Result<String, Box<Finding>> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
            let column =
                String::from_utf8_lossy(good.rsplit(|&b| b == b'\n').next().unwrap_or(&[]))
                    .chars()
                    .count()
                    + 1;
            // The bytes before the bad one are text: show the place, without a snippet.
            Err(Box::new(
                Finding::new(
                    &ENCODING,
                    "tệp không phải văn bản UTF-8 (có thể là tệp nhị phân hoặc dùng bảng mã cũ); \
                 hãy lưu lại với bảng mã UTF-8",
                )
                .help(format!("byte hỏng đầu tiên ở dòng {line}, cột {column}")),
            ))
        }
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, Box<Finding>> {
    if !bytes.len().is_multiple_of(2) {
        return Err(Box::new(Finding::new(
            &ENCODING,
            "tệp UTF-16 bị cắt cụt (số byte lẻ)",
        )));
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|_| Box::new(Finding::new(&ENCODING, "tệp UTF-16 chứa ký tự hỏng")))
}

/// What reading the YAML gave.
pub struct Loaded {
    /// Problems found, in the order met.
    pub findings: Vec<Finding>,
    /// The spec, when every value has the type its field takes (misspelt keys are read as
    /// the key they stand for, or left out, and reported).
    pub spec: Option<Spec>,
    /// False when the YAML itself does not parse (so the position index is incomplete).
    pub syntax_ok: bool,
    /// The paths of the values the reader left out to read past them: what other rules find
    /// about them (a year missing because the year written was a list) is not reported.
    pub left_out: Vec<String>,
}

impl Loaded {
    /// Whether a finding at `path` is about a value the reader left out (or inside one).
    pub fn about_left_out(&self, path: Option<&str>) -> bool {
        let Some(path) = path else { return false };
        self.left_out.iter().any(|root| {
            path.strip_prefix(root.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
        })
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

/// Reads the spec from the NFC `source` whose nodes `index` holds.
pub fn load(source: &str, index: &PositionIndex) -> Loaded {
    let refused = |finding: Finding| Loaded {
        findings: vec![finding],
        spec: None,
        syntax_ok: false,
        left_out: Vec::new(),
    };
    if let Some(at) = too_deep(source) {
        let place = place_of(source, at);
        return refused(
            Finding::new(
                &YAML_SYNTAX,
                format!("cấu trúc lồng nhau quá sâu (hơn {MAX_FLOW_DEPTH} cấp dấu ngoặc)"),
            )
            .span(Some(Span {
                start: place,
                end: place,
            })),
        );
    }
    if let Err(e) = serde_yaml::from_str::<serde::de::IgnoredAny>(source) {
        let span = e.location().map(|l| {
            let start = place_at(source, l.line(), l.column());
            // Point at the whole key or value that starts there.
            let end = index.starting_at(start.offset).map_or(start, |s| s.end);
            Span { start, end }
        });
        return refused(Finding::new(&YAML_SYNTAX, messages::syntax(&e)).span(span));
    }
    let tree = index.tree();
    if !tree.complete {
        return refused(Finding::new(&YAML_SYNTAX, messages::syntax_unreadable()));
    }
    let judged = keys::judge(tree);
    let mut findings: Vec<Finding> = judged
        .unknown
        .iter()
        .map(|u| {
            Finding::new(&UNKNOWN_KEY, messages::unknown_key(u))
                .path(&u.path)
                .span(Some(tree.node(u.node).span))
        })
        .collect();
    let mut changes = Changes {
        keys: judged.changes,
        values: Default::default(),
    };
    let mut left_out = Vec::new();
    let spec = read_past_errors(tree, &mut changes, &mut findings, &mut left_out);
    let syntax_ok = !findings.iter().any(|f| std::ptr::eq(f.rule, &YAML_SYNTAX));
    Loaded {
        findings,
        spec,
        syntax_ok,
        left_out,
    }
}

/// How many values the reader reads past in one file before it stops: far more mistakes than
/// a person fixes in one go, and a bound on the re-reads (each is linear in the file).
const MAX_REPAIRS: usize = 64;

/// Reads the spec, and past each value it cannot read: the value's finding is kept, the value
/// is left out (a key whose value has the wrong type, as if it were not written) or read as the
/// allowed value it is closest to (an unknown `kind`), and the file is read again, so that one
/// run reports every such mistake and the rules that need the spec still run. It stops — the
/// spec `None` — at a mistake it cannot read past: a list item, a required key, a broken YAML
/// construct. A required key it left out itself is not reported missing. The paths of the
/// values left out are added to `left_out`.
fn read_past_errors(
    tree: &crate::yaml::Tree,
    changes: &mut Changes,
    findings: &mut Vec<Finding>,
    left_out_paths: &mut Vec<String>,
) -> Option<Spec> {
    // The keys left out here: (map, key as read).
    let mut left_out: Vec<(NodeId, String)> = Vec::new();
    for _ in 0..=MAX_REPAIRS {
        let e = match Reader::new(tree, changes).read::<Spec>() {
            Ok(spec) => return Some(spec),
            Err(e) => e,
        };
        if let (Problem::MissingField(field), Some(map)) = (&e.problem, e.node)
            && left_out.iter().any(|(m, k)| *m == map && k == field)
        {
            return None;
        }
        let mut finding = finding_of(&e, tree);
        let Some(node) = e.node else {
            findings.push(finding);
            return None;
        };
        let repaired = match &e.problem {
            Problem::UnknownVariant { value, expected } => {
                match crate::suggest::closest(value, expected.iter().copied()) {
                    Some(closest) if !changes.values.contains_key(&node) => {
                        finding = finding.help(format!(
                            "phần còn lại của tệp được kiểm tra như thể ghi `{closest}`"
                        ));
                        changes.values.insert(node, closest.to_owned());
                        true
                    }
                    _ => leave_out(tree, node, changes, &mut left_out),
                }
            }
            Problem::WrongType { .. }
            | Problem::InvalidValue { .. }
            | Problem::InvalidLength { .. }
            | Problem::Custom(_) => leave_out(tree, node, changes, &mut left_out),
            _ => false,
        };
        if repaired && !changes.values.contains_key(&node) {
            left_out_paths.extend(finding.path.clone());
        }
        findings.push(finding);
        if !repaired {
            return None;
        }
    }
    None
}

/// Leaves out the map entry whose value is `node`; false when `node` is not a map's value (a
/// list item, the root) or its entry is left out already.
fn leave_out(
    tree: &crate::yaml::Tree,
    node: NodeId,
    changes: &mut Changes,
    left_out: &mut Vec<(NodeId, String)>,
) -> bool {
    let Some((map, entry)) = tree.entry_of(node) else {
        return false;
    };
    let read_as = match changes.keys.get(&entry.key) {
        Some(None) => return false,
        Some(Some(name)) => name.clone(),
        None => tree.scalar(entry.key).unwrap_or_default().to_owned(),
    };
    changes.keys.insert(entry.key, None);
    left_out.push((map, read_as));
    true
}

/// The rule of a reading error, by what went wrong.
fn rule_of(problem: &Problem) -> &'static Rule {
    match problem {
        Problem::MissingField(_) => &MISSING_FIELD,
        Problem::UnknownField { .. } => &UNKNOWN_KEY,
        Problem::UnknownVariant { .. } => &UNKNOWN_VALUE,
        Problem::WrongType { .. }
        | Problem::InvalidValue { .. }
        | Problem::InvalidLength { .. }
        | Problem::Custom(_) => &WRONG_TYPE,
        Problem::DuplicateField(_)
        | Problem::TooManyAliases
        | Problem::TooDeep
        | Problem::UnknownAnchor => &YAML_SYNTAX,
    }
}

/// A reading error as a finding on its node.
fn finding_of(e: &DeError, tree: &crate::yaml::Tree) -> Finding {
    Finding::new(rule_of(&e.problem), messages::problem(&e.problem))
        .path(e.path.as_deref().unwrap_or(""))
        .span(e.node.map(|n| tree.node(n).span))
}

/// Whether the NFC text `source` looks like a vanban spec, without reading it as one: a YAML map
/// whose `kind` is a kind vanban knows. (`git-setup` and `textconv` tell specs from the other
/// YAML files of a repository by it.)
pub fn names_a_kind(source: &str) -> bool {
    let tree = crate::yaml::Tree::parse(source);
    tree.root
        .and_then(|root| tree.get(root, "kind"))
        .and_then(|entry| tree.scalar(entry.value))
        .is_some_and(|kind| crate::kind::KEYS.contains(&kind.trim()))
}

/// Reads the NFC text `source` as a spec: the spec, or every problem of its YAML, keys and
/// types (placed in `source`).
pub fn parse(source: &str) -> Result<Spec, Vec<Finding>> {
    let index = PositionIndex::build(source);
    let loaded = load(source, &index);
    match loaded.spec {
        Some(spec) if loaded.findings.is_empty() => Ok(spec),
        _ => Err(loaded.findings),
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
        let first = |bytes: &[u8]| check_bytes("t.yaml", bytes).report.findings[0].rule.id;
        assert_eq!(first(b""), "empty-file");
        assert_eq!(first(b"  \n\n"), "empty-file");
        assert_eq!(first(&[0x89, b'P', b'N', b'G', 0xff, 0x00]), "encoding");
        assert_eq!(first(&[0xFF, 0xFE, 0x41]), "encoding");
        assert_eq!(
            first(&vec![b'#'; super::MAX_SPEC_BYTES + 1]),
            "file-too-large"
        );
    }

    #[test]
    fn the_rule_follows_what_went_wrong_never_the_words() {
        use crate::yaml::de::{Found, Problem, Want};
        // A type's own message worded like another rule's message keeps the type's rule, and
        // each kind of problem keeps its rule whatever its message says.
        let cases = [
            (
                Problem::Custom("thiếu trường bắt buộc `title`".into()),
                "wrong-type",
            ),
            (Problem::MissingField("title"), "missing-field"),
            (
                Problem::UnknownVariant {
                    value: "x".into(),
                    expected: &["a"],
                },
                "unknown-value",
            ),
            (
                Problem::WrongType {
                    found: Found::Seq,
                    want: Want::Described("ngày `x` không hợp lệ".into()),
                },
                "wrong-type",
            ),
            (Problem::DuplicateField("year"), "yaml-syntax"),
            (Problem::TooManyAliases, "yaml-syntax"),
        ];
        for (problem, rule) in cases {
            assert_eq!(super::rule_of(&problem).id, rule, "{problem:?}");
        }
    }

    #[test]
    fn the_reader_reads_past_wrong_values_and_stops_where_it_cannot() {
        // A wrong type and an unknown value, each left out: the rules that need the spec run,
        // but say nothing of the value left out (no "year missing" for the year written wrong).
        let yaml = GOOD.replace("year: 2024", "year: [2024]").replace(
            "recipients: [\"Lưu: VT\"]",
            "recipients: [VT]\nlayout: {lead_side: x}",
        );
        assert_eq!(
            rules_of(&yaml),
            [
                "wrong-type 4:7",
                "recipients-luu 8:14",
                "unknown-value 9:21"
            ]
        );
        // A required value left out is not reported missing as well: an unknown `kind` with
        // no close value, and a list for the required `abbr`, are both found, then the reading
        // stops (the rules need them).
        let yaml = GOOD
            .replace("ban-ghi-nho", "xyz")
            .replace("abbr: SA", "abbr: [SA]");
        assert_eq!(rules_of(&yaml), ["unknown-value 1:7", "wrong-type 5:37"]);
        // A wrong list item stops it too: leaving it out would renumber what follows.
        let yaml = GOOD.replace("clauses: [Nội dung]", "clauses: [Nội dung, [x]]");
        assert_eq!(rules_of(&yaml), ["wrong-type 6:49"]);
    }

    #[test]
    fn every_misspelt_key_is_found_even_when_a_value_is_wrong() {
        let yaml = GOOD
            .replace("ban-ghi-nho", "ban-ghi-nhoo")
            .replace("abbr: SA", "abr: SA")
            .replace("title: Phạm vi", "tittle: Phạm vi");
        assert_eq!(
            rules_of(&yaml),
            ["unknown-value 1:7", "unknown-key 5:31", "unknown-key 6:13"]
        );
    }
}
