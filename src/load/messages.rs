//! The loader's findings in Vietnamese: a message for each kind of reading error, made from
//! what the error holds; and libyaml's syntax errors, whose only form is an English sentence,
//! put into Vietnamese (the rule of a syntax error is always `yaml-syntax`; the sentence only
//! decides the words shown).

use super::keys::UnknownKey;
use crate::suggest::hint;
use crate::yaml::de::{Found, Problem, Want};

/// The message for a reading error.
pub fn problem(problem: &Problem) -> String {
    match problem {
        Problem::MissingField(field) => format!("thiếu trường bắt buộc `{field}`"),
        Problem::UnknownField { field, expected } => unknown_field(
            field,
            crate::suggest::closest(field, expected.iter().copied()),
            expected,
        ),
        Problem::UnknownVariant { value, expected } => format!(
            "giá trị `{value}` không hợp lệ{} (chọn một trong: {})",
            hint(crate::suggest::closest(value, expected.iter().copied())),
            expected.join(", ")
        ),
        Problem::WrongType { found, want } => {
            format!("sai kiểu: gặp {}, cần {}", found_vi(found), want_vi(want))
        }
        Problem::InvalidValue { found, want } => format!(
            "giá trị không hợp lệ: gặp {}, cần {}",
            found_vi(found),
            want_vi(want)
        ),
        Problem::InvalidLength { len, want } => {
            format!("độ dài không hợp lệ: {len}, cần {}", want_vi(want))
        }
        Problem::DuplicateField(field) => format!("trường `{field}` được khai báo hai lần"),
        Problem::TooManyAliases => "bí danh (alias) YAML được lặp lại quá nhiều lần".to_owned(),
        Problem::TooDeep => "cấu trúc lồng nhau quá sâu".to_owned(),
        Problem::UnknownAnchor => {
            "bí danh (alias) YAML trỏ tới một neo (anchor) chưa khai báo".to_owned()
        }
        Problem::Custom(message) => message.clone(),
    }
}

/// The message for a key its map may not have.
pub fn unknown_key(key: &UnknownKey) -> String {
    let allowed: Vec<&str> = key.allowed.iter().map(String::as_str).collect();
    unknown_field(&key.key, key.suggestion.as_deref(), &allowed)
}

fn unknown_field(field: &str, suggestion: Option<&str>, allowed: &[&str]) -> String {
    let hint = hint(suggestion);
    if allowed.is_empty() {
        format!("trường `{field}` không được dùng ở đây{hint}")
    } else {
        format!(
            "trường `{field}` không được dùng ở đây{hint} (các trường hợp lệ: {})",
            allowed.join(", ")
        )
    }
}

/// What the file has, as a message names it.
fn found_vi(found: &Found) -> String {
    match found {
        Found::Map => "một bảng `khóa: giá trị`".to_owned(),
        Found::Seq => "một danh sách `- …`".to_owned(),
        Found::Null => "giá trị rỗng".to_owned(),
        Found::Bool(b) => format!("giá trị đúng/sai `{b}`"),
        Found::Integer(n) => format!("số nguyên `{n}`"),
        Found::Float(x) => format!("số thập phân `{x}`"),
        Found::Text(t) => {
            let shown: String = t.chars().take(60).collect();
            let more = if t.chars().count() > 60 { "…" } else { "" };
            format!("văn bản \"{shown}{more}\"")
        }
        Found::Other(what) => what.clone(),
    }
}

/// What the field takes, as a message names it.
fn want_vi(want: &Want) -> String {
    match want {
        Want::Text => "một đoạn văn bản".to_owned(),
        Want::Integer => "một số nguyên".to_owned(),
        Want::Unsigned => "một số nguyên dương".to_owned(),
        Want::Number => "một số".to_owned(),
        Want::Bool => "đúng/sai".to_owned(),
        Want::Map => "một bảng `khóa: giá trị`".to_owned(),
        Want::List => "một danh sách `- …`".to_owned(),
        Want::OneOf(values) => format!("một trong các giá trị: {}", values.join(", ")),
        Want::Null => "giá trị rỗng".to_owned(),
        Want::Described(what) => what.clone(),
    }
}

/// libyaml's sentences, by the words that tell them apart, and what to say instead.
const SYNTAX: &[(&str, &str)] = &[
    (
        "EOF while parsing",
        "tệp kết thúc giữa chừng (tệp bị cắt cụt?)",
    ),
    ("recursion limit exceeded", "cấu trúc lồng nhau quá sâu"),
    (
        "repetition limit exceeded",
        "bí danh (alias) YAML được lặp lại quá nhiều lần",
    ),
    (
        "more than one document",
        "tệp chứa nhiều tài liệu YAML (dấu `---`); mỗi tệp chỉ một chương trình",
    ),
    (
        "unknown anchor",
        "bí danh (alias) YAML trỏ tới một neo (anchor) chưa khai báo",
    ),
    (
        "mapping values are not allowed",
        "dấu `:` không hợp lệ ở đây (văn bản có dấu `: ` cần đặt trong dấu nháy \"…\")",
    ),
    (
        "did not find expected key",
        "thụt lề không khớp: không tìm thấy khóa mong đợi",
    ),
    (
        "did not find expected '-' indicator",
        "thụt lề không khớp trong danh sách `- …`",
    ),
    ("could not find expected ':'", "thiếu dấu `:` sau khóa"),
    (
        "did not find expected ',' or ']'",
        "danh sách `[…]` thiếu dấu `,` hoặc `]` (văn bản có dấu `[`, `]` hoặc `,` cần đặt trong \
         dấu nháy \"…\")",
    ),
    (
        "did not find expected ',' or '}'",
        "bảng `{…}` thiếu dấu `,` hoặc `}` (văn bản có dấu `{`, `}` hoặc `,` cần đặt trong dấu \
         nháy \"…\")",
    ),
    (
        "found character that cannot start any token",
        "ký tự không thể mở đầu một giá trị (ví dụ `@`, `` ` ``, tab); hãy đặt văn bản trong dấu nháy",
    ),
    (
        "found unexpected end of stream",
        "tệp kết thúc giữa chừng (thiếu dấu nháy đóng?)",
    ),
    (
        "found unknown escape character",
        "chuỗi thoát `\\` không hợp lệ trong dấu nháy kép",
    ),
    (
        "found a tab character",
        "không được dùng phím tab để thụt lề; hãy dùng dấu cách",
    ),
    (
        "block sequence entries are not allowed",
        "không được mở danh sách `- …` ở vị trí này",
    ),
    (
        "found undefined tag handle",
        "thẻ YAML (`!…`) không được hỗ trợ",
    ),
    (
        "control characters are not allowed",
        "tệp chứa ký tự điều khiển không hợp lệ",
    ),
    (
        "invalid trailing UTF-8 octet",
        "tệp không phải văn bản UTF-8",
    ),
    (
        "invalid leading UTF-8 octet",
        "tệp không phải văn bản UTF-8",
    ),
];

/// A libyaml syntax error in Vietnamese; a sentence not in the table is shown as libyaml wrote
/// it, after a Vietnamese lead.
pub fn syntax(e: &serde_yaml::Error) -> String {
    let raw = e.to_string();
    let mut said = raw.as_str();
    if let Some(i) = said.rfind(" at line ") {
        said = &said[..i];
    }
    SYNTAX
        .iter()
        .find(|(words, _)| said.contains(words))
        .map(|(_, vi)| (*vi).to_owned())
        .unwrap_or_else(|| format!("lỗi cú pháp YAML ({})", said.trim()))
}

/// The message when the YAML parses for libyaml but not for the reader of its places.
pub fn syntax_unreadable() -> String {
    "lỗi cú pháp YAML: không đọc hết được tệp; hãy kiểm tra thụt lề và dấu nháy".to_owned()
}
