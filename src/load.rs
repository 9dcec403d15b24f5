//! Reading a spec file: bytes → Unicode text (BOM, UTF-16, NFC) → [`Spec`], and the one place
//! where YAML and type errors are put into Vietnamese with their line, column and path.

use crate::error::{Diagnostic, Error};
use crate::spec::Spec;
use crate::suggest::did_you_mean;
use std::io::Read;
use unicode_normalization::UnicodeNormalization;

/// The largest spec file read, in bytes (10 MiB). A real programme is well under 1 MB; a larger
/// file is refused before parsing, so a huge or endless file cannot take the time and memory.
pub const MAX_SPEC_BYTES: usize = 10 * 1024 * 1024;

/// Reads and parses the spec at `path`. Unreadable files give an [`Error::Io`] (exit 2),
/// bad content an [`Error::Spec`] (exit 1).
pub fn load_file(path: &std::path::Path) -> Result<Spec, Error> {
    let name = path.display().to_string();
    let bytes = read_limited(path)?;
    let text = decode(&name, &bytes)?;
    parse(&name, &text)
}

/// Reads at most [`MAX_SPEC_BYTES`] + 1 bytes of `path` (one more than allowed, so that
/// [`decode_raw`] can tell a file that is too large).
pub fn read_limited(path: &std::path::Path) -> Result<Vec<u8>, Error> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| Error::io(&name, "đọc", &e))?;
    let mut bytes = Vec::new();
    file.take(MAX_SPEC_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(&name, "đọc", &e))?;
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

/// Turns the bytes of a spec file into NFC text. Accepts UTF-8 with or without a BOM and
/// UTF-16 with a BOM (as Windows editors save it); anything else that is not UTF-8 is an error
/// that says where the first bad byte is.
pub fn decode(name: &str, bytes: &[u8]) -> Result<String, Error> {
    Ok(decode_raw(name, bytes)?.0.nfc().collect())
}

/// [`decode`] without the NFC step, with the encoding found: `check` reports text that was
/// not NFC and `check --fix` writes the file back in its encoding.
pub fn decode_raw(name: &str, bytes: &[u8]) -> Result<(String, TextEncoding), Error> {
    if bytes.len() > MAX_SPEC_BYTES {
        return Err(Error::spec(
            name,
            format!(
                "tệp lớn hơn {} MB, không phải một văn bản: không đọc",
                MAX_SPEC_BYTES / (1024 * 1024)
            ),
        ));
    }
    Ok(
        if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
            (utf8(name, rest)?, TextEncoding::Utf8Bom)
        } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
            (
                utf16(name, rest, u16::from_le_bytes)?,
                TextEncoding::Utf16Le,
            )
        } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
            (
                utf16(name, rest, u16::from_be_bytes)?,
                TextEncoding::Utf16Be,
            )
        } else {
            (utf8(name, bytes)?, TextEncoding::Utf8)
        },
    )
}

fn utf8(name: &str, bytes: &[u8]) -> Result<String, Error> {
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
            Err(Error::Spec(vec![Diagnostic {
                file: name.to_owned(),
                line: Some(line),
                column: Some(column),
                path: None,
                message:
                    "tệp không phải văn bản UTF-8 (có thể là tệp nhị phân hoặc dùng bảng mã cũ); \
                          hãy lưu lại với bảng mã UTF-8"
                        .to_owned(),
            }]))
        }
    }
}

fn utf16(name: &str, bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, Error> {
    if !bytes.len().is_multiple_of(2) {
        return Err(Error::spec(name, "tệp UTF-16 bị cắt cụt (số byte lẻ)"));
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|_| Error::spec(name, "tệp UTF-16 chứa ký tự hỏng"))
}

/// Parses NFC text into a [`Spec`], reporting the first YAML or type error with its place.
pub fn parse(name: &str, text: &str) -> Result<Spec, Error> {
    if text.trim().is_empty() {
        return Err(Error::spec(name, "tệp trống: chưa có nội dung nào"));
    }
    let de = serde_yaml::Deserializer::from_str(text);
    serde_path_to_error::deserialize::<_, Spec>(de).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        let (line, column) = match inner.location() {
            Some(l) => (Some(l.line()), Some(l.column())),
            None => (None, None),
        };
        Error::Spec(vec![Diagnostic {
            file: name.to_owned(),
            line,
            column,
            path: (!matches!(path.as_str(), "." | "?" | "")).then_some(path),
            message: vietnamese_message(&inner.to_string()),
        }])
    })
}

/// Puts a serde or libyaml message into Vietnamese. Location and serde_yaml's own path prefix
/// are dropped: the diagnostic carries them separately.
fn vietnamese_message(raw: &str) -> String {
    let mut msg = raw;
    if let Some(i) = msg.rfind(" at line ") {
        msg = &msg[..i];
    }
    if let Some((head, rest)) = msg.split_once(": ")
        && !head.contains(' ')
        && !head.is_empty()
    {
        msg = rest;
    }
    let msg = msg.trim();
    if let Some(field) = between(msg, "missing field `", "`") {
        return format!("thiếu trường bắt buộc `{field}`");
    }
    if let Some(rest) = msg.strip_prefix("unknown field `") {
        let (field, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let names = backticked(expected);
        let hint = did_you_mean(field, names.iter().copied());
        return if names.is_empty() {
            format!("trường `{field}` không được dùng ở đây{hint}")
        } else {
            format!(
                "trường `{field}` không được dùng ở đây{hint} (các trường hợp lệ: {})",
                names.join(", ")
            )
        };
    }
    if let Some(rest) = msg.strip_prefix("unknown variant `") {
        let (value, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let names = backticked(expected);
        let hint = did_you_mean(value, names.iter().copied());
        return format!(
            "giá trị `{value}` không hợp lệ{hint} (chọn một trong: {})",
            names.join(", ")
        );
    }
    if let Some(field) = between(msg, "duplicate field `", "`") {
        return format!("trường `{field}` được khai báo hai lần");
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!(
            "sai kiểu: gặp {}, cần {}",
            kind_vi(found),
            kind_vi(expected)
        );
    }
    if let Some(rest) = msg.strip_prefix("invalid value: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!(
            "giá trị không hợp lệ: gặp {}, cần {}",
            kind_vi(found),
            kind_vi(expected)
        );
    }
    if let Some(rest) = msg.strip_prefix("invalid length ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!("độ dài không hợp lệ: {found}, cần {}", kind_vi(expected));
    }
    let translated = [
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
        ("failed to parse YAML number", "số không hợp lệ"),
    ];
    for (needle, vi) in translated {
        if msg.contains(needle) {
            return vi.to_owned();
        }
    }
    if !msg.is_ascii() {
        // Our own messages (from custom deserializers) are already Vietnamese.
        return msg.to_owned();
    }
    format!("lỗi cú pháp YAML ({msg})")
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = s.strip_prefix(start)?;
    rest.split_once(end).map(|(x, _)| x)
}

fn backticked(s: &str) -> Vec<&str> {
    s.split('`').skip(1).step_by(2).collect()
}

fn kind_vi(s: &str) -> String {
    let s = s.trim();
    let simple = [
        ("a string", "một đoạn văn bản"),
        ("string", "một đoạn văn bản"),
        ("a sequence", "một danh sách `- …`"),
        ("sequence", "một danh sách `- …`"),
        ("a map", "một bảng `khóa: giá trị`"),
        ("map", "một bảng `khóa: giá trị`"),
        ("unit value", "giá trị rỗng"),
        ("a boolean", "đúng/sai"),
        ("u32", "một số nguyên dương"),
        ("i32", "một số nguyên"),
        ("an integer", "một số nguyên"),
    ];
    for (en, vi) in simple {
        if s == en {
            return vi.to_owned();
        }
    }
    if s.starts_with("struct ") {
        return "một bảng `khóa: giá trị`".to_owned();
    }
    if s.starts_with("enum ") {
        return "một trong các giá trị cho phép".to_owned();
    }
    for (en, vi) in [
        ("integer ", "số nguyên "),
        ("floating point ", "số thập phân "),
        ("boolean ", "giá trị đúng/sai "),
        ("string ", "văn bản "),
    ] {
        if let Some(rest) = s.strip_prefix(en) {
            return format!("{vi}{rest}");
        }
    }
    s.to_owned()
}
