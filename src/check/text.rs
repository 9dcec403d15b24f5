//! Text hygiene over every text value of the file: Unicode normalisation, legacy TCVN3 and VNI
//! text, control characters, tone-mark placement and a trích yếu typed in capitals.

use super::Context;
use crate::finding::{Finding, Fix, Rule, Severity};
use crate::position::{Span, span_of};
use crate::vietnamese::encoding::{self, Legacy};
use crate::vietnamese::tones::{ToneStyle, tone_style};
use unicode_normalization::UnicodeNormalization;

/// Text not in Unicode NFC.
pub static NFC: Rule = Rule {
    id: "nfc",
    severity: Severity::Warning,
    vi: "Chữ có dấu ở dạng tổ hợp (NFD, dấu gõ rời): vẫn đọc được vì chương trình chuẩn hóa sang NFC; `--fix` sửa trong tệp.",
    en: "Decomposed (NFD) text: accepted and normalised to NFC; `--fix` rewrites it.",
};
/// Text in the TCVN3 (ABC) encoding.
pub static TCVN3: Rule = Rule {
    id: "tcvn3",
    severity: Severity::Error,
    vi: "Chữ gõ bằng bảng mã cũ TCVN3 (ABC, phông .VnTime): \"Céng hoµ\"; in kèm bản Unicode, `--fix` chuyển đổi.",
    en: "Text typed in the legacy TCVN3 (ABC) encoding; shown converted, `--fix` converts it.",
};
/// Text in the VNI encoding.
pub static VNI: Rule = Rule {
    id: "vni",
    severity: Severity::Error,
    vi: "Chữ gõ bằng bảng mã cũ VNI (phông VNI-Times): \"Coäng hoøa\"; in kèm bản Unicode, `--fix` chuyển đổi.",
    en: "Text typed in the legacy VNI encoding; shown converted, `--fix` converts it.",
};
/// Control characters in a text.
pub static CONTROL_CHAR: Rule = Rule {
    id: "control-char",
    severity: Severity::Error,
    vi: "Ký tự điều khiển hoặc ký tự vô hình (\\u0007, \\u200B, dấu điều khiển chiều chữ …) trong đoạn chữ.",
    en: "Control or invisible characters (\\u0007, zero-width space, bidi controls …) in a text.",
};
/// Both tone-mark placements in one document.
pub static TONE_MARKS: Rule = Rule {
    id: "tone-marks",
    severity: Severity::Warning,
    vi: "Một văn bản dùng cả hai cách bỏ dấu (\"hoà\" và \"hòa\", \"thuỷ\" và \"thủy\"); báo một lần.",
    en: "Both tone-mark placements in one document (\"hoà\" and \"hòa\"); reported once.",
};
/// A trích yếu typed in capitals, the document's or an attached text's.
pub static TITLE_CAPS: Rule = Rule {
    id: "title-caps",
    severity: Severity::Warning,
    vi: "Trích yếu (của văn bản hay của văn bản ban hành kèm theo) gõ toàn chữ in hoa: ND 30 trình bày trích yếu bằng chữ thường.",
    en: "The trích yếu (of the document or of a text it issues) is typed in capitals; ND 30 sets it in normal case.",
};

/// A «…» placeholder of a starter spec, still unfilled.
pub static PLACEHOLDER: Rule = Rule {
    id: "placeholder",
    severity: Severity::Warning,
    vi: "Chỗ «…» của tệp khởi đầu (`vanban new`) chưa được điền.",
    en: "A «…» placeholder of a starter spec (`vanban new`) is still unfilled.",
};

/// The rules of this group.
pub const RULES: &[&Rule] = &[
    &NFC,
    &TCVN3,
    &VNI,
    &CONTROL_CHAR,
    &TONE_MARKS,
    &TITLE_CAPS,
    &PLACEHOLDER,
];

/// Runs the text rules. `raw` is the decoded text before NFC.
pub fn check(cx: &Context, raw: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    out.extend(nfc(cx, raw));
    for scalar in cx.index.scalars() {
        out.extend(legacy(cx, &scalar.path, &scalar.value, scalar.span));
        out.extend(control(cx, &scalar.path, &scalar.value, scalar.span));
        out.extend(placeholder(cx, &scalar.path, &scalar.value));
    }
    out.extend(tone_marks(cx));
    out.extend(title_caps(cx));
    out
}

/// One finding for the whole file, on the first line that NFC changes.
fn nfc(cx: &Context, raw: &str) -> Option<Finding> {
    if unicode_normalization::is_nfc(raw) {
        return None;
    }
    let (n, line) = raw
        .lines()
        .enumerate()
        .find(|(_, l)| !unicode_normalization::is_nfc(l))?;
    let lines = raw
        .lines()
        .filter(|l| !unicode_normalization::is_nfc(l))
        .count();
    let start: usize = cx.source.split_inclusive('\n').take(n).map(str::len).sum();
    let len = line.nfc().collect::<String>().len();
    Some(Finding {
        rule: &NFC,
        message: format!(
            "{lines} dòng có chữ ở dạng tổ hợp (NFD, dấu gõ rời khỏi chữ); chương trình đã chuẩn hóa sang NFC"
        ),
        path: None,
        span: Some(span_of(cx.source, start, start + len)),
        quote: None,
        help: Some("chạy `vanban check --fix` để lưu tệp ở dạng NFC".to_owned()),
        fix: None,
    })
}

fn legacy(cx: &Context, path: &str, value: &str, span: Span) -> Option<Finding> {
    let found = encoding::detect(value)?;
    let rule = match found.encoding {
        Legacy::Tcvn3 => &TCVN3,
        Legacy::Vni => &VNI,
    };
    let written = &cx.source[span.start.offset..span.end.offset];
    Some(Finding {
        rule,
        message: format!(
            "chữ gõ bằng bảng mã {}: «{}» là «{}»",
            found.encoding.name(),
            shorten(&found.passage),
            shorten(&found.passage_converted)
        ),
        path: Some(path.to_owned()),
        span: cx
            .index
            .locate_text(cx.source, path, &found.passage)
            .or(Some(span)),
        quote: None,
        help: Some("chạy `vanban check --fix` để chuyển sang Unicode".to_owned()),
        fix: Some(Fix {
            span,
            replacement: encoding::convert_passages(found.encoding, written),
        }),
    })
}

/// The first 60 characters of a text, with "…" when cut.
fn shorten(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &one_line[..i]),
        None => one_line,
    }
}

/// Characters no document text should hold: C0/C1 controls other than line break and tab,
/// zero-width characters and bidirectional controls.
fn is_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

fn control(cx: &Context, path: &str, value: &str, span: Span) -> Option<Finding> {
    let c = value.chars().find(|&c| is_control(c))?;
    let count = value.chars().filter(|&c| is_control(c)).count();
    let mut f = Finding::at(
        &CONTROL_CHAR,
        cx.index,
        path,
        format!(
            "đoạn chữ chứa {count} ký tự điều khiển hoặc vô hình (đầu tiên: U+{:04X}); hãy xóa",
            c as u32
        ),
    );
    f.span = Some(span);
    Some(f)
}

/// The first «…» of a text, pointed at where it is written.
fn placeholder(cx: &Context, path: &str, value: &str) -> Option<Finding> {
    let start = value.find('«')?;
    let end = start + value[start..].find('»')? + '»'.len_utf8();
    let blank = &value[start..end];
    let mut f = Finding::at(&PLACEHOLDER, cx.index, path, format!("chưa điền {blank}"));
    f.span = cx.index.locate_text(cx.source, path, blank).or(f.span);
    Some(f)
}

/// Both placements in the document: one finding, at the first word of the less used style.
fn tone_marks(cx: &Context) -> Option<Finding> {
    let mut seen: Vec<(ToneStyle, &str, String)> = Vec::new();
    for scalar in cx.index.scalars() {
        for word in scalar.value.split(|c: char| !c.is_alphabetic()) {
            if let Some(style) = tone_style(word) {
                seen.push((style, scalar.path.as_str(), word.to_owned()));
            }
        }
    }
    let count = |s: ToneStyle| seen.iter().filter(|w| w.0 == s).count();
    let (old, new) = (count(ToneStyle::Old), count(ToneStyle::New));
    if old == 0 || new == 0 {
        return None;
    }
    let rare = if old < new {
        ToneStyle::Old
    } else {
        ToneStyle::New
    };
    let common = if rare == ToneStyle::Old {
        ToneStyle::New
    } else {
        ToneStyle::Old
    };
    let example = |s: ToneStyle| {
        let mut words: Vec<&str> = Vec::new();
        for (_, _, word) in seen.iter().filter(|w| w.0 == s) {
            if !words.contains(&word.as_str()) && words.len() < 3 {
                words.push(word);
            }
        }
        words.join("\", \"")
    };
    let (_, path, word) = seen.iter().find(|w| w.0 == rare)?;
    let mut f = Finding::at(
        &TONE_MARKS,
        cx.index,
        path,
        format!(
            "văn bản dùng cả hai cách bỏ dấu: {} chữ {} (\"{}\") và {} chữ {} (\"{}\")",
            count(common),
            common.describe(),
            example(common),
            count(rare),
            rare.describe(),
            example(rare)
        ),
    );
    f.span = cx.index.locate_text(cx.source, path, word);
    Some(f.help("chọn một cách và sửa các chữ còn lại cho thống nhất"))
}

/// The trích yếu of the document and of each text it issues (`attachments[i].title`).
fn title_caps(cx: &Context) -> Vec<Finding> {
    let is_title = |path: &str| {
        path == "title"
            || path
                .strip_prefix("attachments[")
                .and_then(|rest| rest.split_once("].title"))
                .is_some_and(|(index, tail)| {
                    tail.is_empty() && index.bytes().all(|b| b.is_ascii_digit())
                })
    };
    cx.index
        .scalars()
        .iter()
        .filter(|s| is_title(&s.path))
        .filter(|title| {
            let words = title.value.split_whitespace().count();
            words >= 2 && !title.value.chars().any(|c| c.is_alphabetic() && c.is_lowercase())
        })
        .map(|title| {
            Finding::at(
                &TITLE_CAPS,
                cx.index,
                &title.path,
                "trích yếu gõ toàn chữ in hoa; Nghị định 30/2020/NĐ-CP trình bày trích yếu bằng chữ thường, in đậm".to_owned(),
            )
            .help("chỉ viết hoa chữ đầu và tên riêng; tên loại văn bản (`kind`) vẫn in hoa")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::check::described;

    fn findings(yaml: &str, rule: &str) -> Vec<String> {
        let prefix = format!("{rule} ");
        described(yaml)
            .into_iter()
            .filter_map(|d| d.strip_prefix(&prefix).map(str::to_owned))
            .collect()
    }

    const HEAD: &str = "kind: ban-ghi-nho\nplace: Huế\nyear: 2024\n\
        issuers: [{id: a, name: Sở A, abbr: SA}]\n\
        signatures: [{issuer: a, title: Giám đốc, name: Nguyễn Văn A}]\n\
        recipients: [\"Lưu: VT\"]\n";

    fn spec(title: &str, clauses: &[&str]) -> String {
        let clauses: Vec<String> = clauses.iter().map(|c| format!("\"{c}\"")).collect();
        format!(
            "{HEAD}title: {title}\narticles: [{{title: Phạm vi, clauses: [{}]}}]\n",
            clauses.join(", ")
        )
    }

    #[test]
    fn tcvn3_and_vni_are_found_and_converted() {
        let yaml = spec(
            "Hợp tác",
            &["Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Coäng hoøa xaõ hoäi"],
        );
        let t = findings(&yaml, "tcvn3");
        assert_eq!(t.len(), 1, "{t:?}");
        assert!(
            t[0].contains("«Cộng hoà xã hội chủ nghĩa Việt Nam»"),
            "{t:?}"
        );
        assert!(t[0].starts_with("8:40 "), "{t:?}");
        let mixed = spec("Hợp tác", &["Tuyên truyền về Céng hoµ x· héi"]);
        let t = findings(&mixed, "tcvn3");
        assert!(
            t[0].starts_with("8:56 ") && t[0].contains("«Cộng hoà xã hội»"),
            "{t:?}"
        );
        let v = findings(&yaml, "vni");
        assert!(v[0].contains("«Cộng hòa xã hội»"), "{v:?}");
        assert!(findings(&spec("Hợp tác", &["Cộng hoà"]), "tcvn3").is_empty());
    }

    #[test]
    fn placeholders_are_pointed_at() {
        let yaml = spec("Hợp tác", &["Điều «số» và «tên»", "đã điền"]);
        let f = findings(&yaml, "placeholder");
        assert_eq!(f.len(), 1, "one finding per text: {f:?}");
        assert!(f[0].contains("chưa điền «số»"), "{f:?}");
    }

    #[test]
    fn control_characters_in_escaped_text() {
        let yaml = spec("Hợp tác", &["Chuông\\a reo\\u200B"]);
        let f = findings(&yaml, "control-char");
        assert_eq!(f.len(), 1);
        assert!(f[0].contains("2 ký tự") && f[0].contains("U+0007"), "{f:?}");
    }

    #[test]
    fn mixed_tone_marks_are_reported_once_at_the_rarer_style() {
        let yaml = spec("Hòa bình", &["Ủy ban và thủy lợi", "Uỷ ban"]);
        let f = findings(&yaml, "tone-marks");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(
            f[0].starts_with("8:62 ") && f[0].contains("\"Uỷ\""),
            "{f:?}"
        );
        assert!(findings(&spec("Hòa bình", &["Ủy ban"]), "tone-marks").is_empty());
    }

    #[test]
    fn title_in_capitals_is_a_warning() {
        assert_eq!(
            findings(&spec("HỢP TÁC TRUYỀN THÔNG", &["x"]), "title-caps").len(),
            1
        );
        assert!(findings(&spec("Hợp tác UBND", &["x"]), "title-caps").is_empty());
    }

    #[test]
    fn the_title_of_an_issued_text_in_capitals_is_a_warning_at_its_line() {
        let yaml = "kind: quyet-dinh\ntitle: Ban hành Quy chế phối hợp\nplace: Huế\nyear: 2026\n\
                    issuers: [{id: a, name: Ủy ban nhân dân tỉnh, abbr: UBND}]\n\
                    articles: [Ban hành kèm theo Quyết định này Quy chế phối hợp.]\n\
                    signatures: [{issuer: a, title: Chủ tịch, name: X}]\n\
                    attachments:\n  - kind: quy-che-phoi-hop\n    title: PHỐI HỢP CÔNG TÁC\n\
                    \x20   articles: [{title: A, clauses: [x]}]\n";
        let f = findings(yaml, "title-caps");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].starts_with("10:12 "), "{f:?}");
    }

    #[test]
    fn decomposed_text_is_a_warning_on_its_first_line() {
        use unicode_normalization::UnicodeNormalization;
        let yaml: String = spec("Hợp tác", &["x"]).nfd().collect();
        let f = findings(&yaml, "nfc");
        assert_eq!(f.len(), 1);
        assert!(f[0].starts_with("2:1 "), "{f:?}");
    }
}
