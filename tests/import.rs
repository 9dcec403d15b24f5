//! `vanban import`: real documents — Word files as offices saved them, texts copied from a web
//! portal or a PDF, and Word files made from those — import into specs that `vanban check`
//! accepts and that render with every sentence of the source and the structure counted from the
//! source (tests/fixtures/import/README.md names each source and how its counts were read); Word
//! files laid out the plain way (numbers as text, heading and signatures in borderless tables)
//! import too, and so do Word lists (automatic numbering); an office's Word 97 file converted by
//! LibreOffice imports as the committed conversion does; legacy TCVN3 text is converted; bad
//! input gets a Vietnamese error naming the file, with exit 2 for a file that cannot be read and
//! 1 for content that is not a document; an existing output is never overwritten silently; the
//! same source gives the same spec, byte for byte, every run.

mod common;
use common::seeds::sentences;
use common::{md_text, root};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use vanban::pipeline::{self, Options, Source};
use vanban::render::Format;

/// One real document and the structure counted from it.
struct Fixture {
    file: &'static str,
    /// The kind the title line names (the attached text's kind second, if any).
    kinds: &'static [&'static str],
    /// Units counted in the source, by spec key (attached texts included).
    counts: &'static [(&'static str, usize)],
    /// Two columns of the source that its copy ran into one line, and the place they part
    /// (the line break put back before comparing sentences).
    columns: &'static [(&'static str, &'static str)],
    /// Lines of the source the spec keeps in a comment only, and lists: a Đoàn heading's
    /// system name where ND 30 prints the Quốc hiệu, a ký hiệu of another kind.
    noted: &'static [&'static str],
}

/// Counts read from the sources (tests/fixtures/import/README.md says how).
const NGHE_AN: &[(&str, usize)] = &[
    ("chapters", 2),
    ("divisions", 5),
    ("articles", 27),
    ("clauses", 83),
    ("points", 24),
    ("items", 0),
    ("signatures", 1),
    ("recipients", 11),
];

const DONG_THAP: &[(&str, usize)] = &[
    ("chapters", 0),
    ("articles", 0),
    ("sections", 7),
    ("clauses", 20),
    ("points", 0),
    ("items", 86),
    ("signatures", 1),
    ("recipients", 6),
    ("appendices", 1),
];

const THAI_NGUYEN: &[(&str, usize)] = &[
    ("chapters", 3),
    ("divisions", 0),
    ("articles", 18),
    ("clauses", 38),
    ("points", 2),
    ("items", 0),
    ("signatures", 1),
    ("recipients", 17),
];

/// The first part of the Nghệ An text as a Word file whose khoản and Nơi nhận are Word lists
/// (automatic numbering): the decision and Chương I of the Quy chế.
const NGHE_AN_LISTS: &[(&str, usize)] = &[
    ("chapters", 1),
    ("divisions", 0),
    ("articles", 9),
    ("clauses", 24),
    ("points", 5),
    ("items", 0),
    ("signatures", 1),
    ("recipients", 11),
];

/// Kế hoạch của BCH Đoàn xã Phúc Thịnh, đêm nhạc "Xuân yêu thương" (the office's .docx).
const DEM_NHAC: &[(&str, usize)] = &[
    ("sections", 4),
    ("clauses", 10),
    ("points", 0),
    ("items", 23),
    ("signatures", 1),
    ("recipients", 4),
];

/// Kế hoạch của BCH Đoàn xã Phúc Thịnh, 5 điểm nghẽn (the office's .doc, converted).
const NAM_DIEM_NGHEN: &[(&str, usize)] = &[
    ("sections", 3),
    ("clauses", 12),
    ("points", 0),
    ("items", 78),
    ("signatures", 1),
    ("recipients", 5),
];

/// Dự thảo Quyết định của Tổ giúp việc CCHC tỉnh Lâm Đồng and its Quy chế hoạt động (the
/// office's .doc, converted; the Quy chế's Điều and khoản are Word lists).
const LAM_DONG: &[(&str, usize)] = &[
    ("chapters", 3),
    ("articles", 11),
    ("clauses", 28),
    ("points", 28),
    ("items", 4),
    ("signatures", 1),
    ("recipients", 2),
];

/// The Word files of the offices: the original .docx, and each Word 97 file as LibreOffice
/// converts it (the `.doc` beside it is the original).
const OFFICE_FILES: &[&str] = &[
    "doan-xa-phuc-thinh-kh-2026-dem-nhac.docx",
    "doan-xa-phuc-thinh-kh-2026-5-diem-nghen.docx",
    "lam-dong-qd-2025-to-giup-viec-cchc.docx",
];

const FIXTURES: &[Fixture] = &[
    Fixture {
        file: OFFICE_FILES[0],
        kinds: &["ke-hoach"],
        counts: DEM_NHAC,
        columns: &[],
        noted: &["ĐOÀN TNCS HỒ CHÍ MINH"],
    },
    Fixture {
        file: OFFICE_FILES[1],
        kinds: &["ke-hoach"],
        counts: NAM_DIEM_NGHEN,
        columns: &[],
        noted: &["ĐOÀN TNCS HỒ CHÍ MINH", "CV-ĐTN"],
    },
    Fixture {
        file: OFFICE_FILES[2],
        kinds: &["quyet-dinh", "quy-che"],
        counts: LAM_DONG,
        columns: &[],
        noted: &["Lâm Đồng, ngày tháng 8 năm 2025"],
    },
    Fixture {
        file: "nghe-an-qd95-2025-quy-che-phoi-hop-dat-dai.txt",
        kinds: &["quyet-dinh", "quy-che"],
        counts: NGHE_AN,
        columns: &[],
        noted: &[],
    },
    Fixture {
        file: "nghe-an-qd95-2025-quy-che-phoi-hop-dat-dai.docx",
        kinds: &["quyet-dinh", "quy-che"],
        counts: NGHE_AN,
        columns: &[],
        noted: &[],
    },
    Fixture {
        file: "dong-thap-kh552-2025-doi-moi-cong-nghe.txt",
        kinds: &["ke-hoach"],
        counts: DONG_THAP,
        columns: &[],
        noted: &[],
    },
    Fixture {
        file: "dong-thap-kh552-2025-ban-pdf.txt",
        kinds: &["ke-hoach"],
        counts: DONG_THAP,
        // The PDF copy runs "Số: …" and the date line of the heading's two columns together.
        columns: &[("552/KH-UBND Đồng Tháp", "552/KH-UBND\nĐồng Tháp")],
        noted: &[],
    },
    Fixture {
        file: "dong-thap-kh552-2025-doi-moi-cong-nghe.docx",
        kinds: &["ke-hoach"],
        counts: DONG_THAP,
        columns: &[],
        noted: &[],
    },
    Fixture {
        file: "nghe-an-qd95-2025-danh-so-tu-dong.docx",
        kinds: &["quyet-dinh", "quy-che"],
        counts: NGHE_AN_LISTS,
        columns: &[],
        noted: &[],
    },
    Fixture {
        file: "thai-nguyen-qd26-2025-quy-che-phoi-hop-tin-nguong.docx",
        kinds: &["quyet-dinh", "quy-che"],
        counts: THAI_NGUYEN,
        columns: &[],
        noted: &[],
    },
];

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/import").join(name)
}

fn vanban(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .output()
        .expect("binary runs")
}

/// Imports `path` through the command into a fresh folder; the YAML and what stderr listed.
fn import(path: &Path) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("spec.yaml");
    let run = vanban(&[
        "import",
        path.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
    assert!(run.status.success(), "{}: {stderr}", path.display());
    (std::fs::read_to_string(&out).unwrap(), stderr)
}

/// How many elements the lists under `key` hold, anywhere in the spec.
fn count(value: &serde_yaml::Value, key: &str) -> usize {
    match value {
        serde_yaml::Value::Mapping(map) => map
            .iter()
            .map(|(k, v)| {
                let here = match (k.as_str(), v) {
                    (Some(k), serde_yaml::Value::Sequence(items)) if k == key => items.len(),
                    _ => 0,
                };
                here + count(v, key)
            })
            .sum(),
        serde_yaml::Value::Sequence(items) => items.iter().map(|v| count(v, key)).sum(),
        _ => 0,
    }
}

/// The Markdown of a spec, after `vanban check`'s rules found no error in it.
fn checked_markdown(name: &str, yaml: &str) -> String {
    let checked = pipeline::check(&Source::text(name, yaml));
    assert!(
        !checked.report.has_errors(),
        "{name}: vanban check finds errors:\n{}",
        vanban::finding::report::human(&checked.report, false)
    );
    let composed = pipeline::compose(checked).unwrap_or_else(|e| panic!("{name}: {e}"));
    let made = pipeline::outputs(composed, &[Format::Md], &Options::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    made.md.expect("markdown")
}

/// The text of a source as its reader gives it, one paragraph a line.
fn source_text(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    let blocks = match vanban::import::Format::of(path) {
        vanban::import::Format::Docx => vanban::import::docx::read(&bytes).unwrap(),
        vanban::import::Format::Text => {
            vanban::import::text::read(&vanban::import::text::decode(&bytes).unwrap())
        }
    };
    vanban::import::lines::flatten(blocks)
        .into_iter()
        .map(|l| l.text)
        .collect::<Vec<_>>()
        .join("\n")
}

/// A text compared by its words: lower case (titles print in capitals), the marks the program
/// writes itself at the start of a provision dropped, spaces collapsed.
fn words(text: &str) -> String {
    let lower = text.to_lowercase();
    let mut t = lower.trim();
    if let Some(mark) = vanban::import::lines::mark(t) {
        use vanban::import::lines::Mark;
        t = match mark {
            Mark::Chapter(..) | Mark::Division(..) | Mark::Article(..) => {
                t.split_once(['.', ':']).map_or("", |(_, r)| r)
            }
            _ => t.split_once(' ').map_or("", |(_, r)| r),
        };
    }
    let t = t.strip_prefix("căn cứ").unwrap_or(t);
    common::collapse(t.trim_end_matches(['.', ';', ',', ':', '/']).trim())
}

/// A date line as ND 30 writes it, which the program prints: a day below 10 and the months 1
/// and 2 with a leading zero ("ngày 7 tháng 1 năm 2025" → "ngày 07 tháng 01 năm 2025").
fn nd30_date(sentence: &str) -> String {
    let Some((before, rest)) = sentence.split_once("ngày ") else {
        return sentence.to_owned();
    };
    let Some((day, rest)) = rest.split_once(" tháng ") else {
        return sentence.to_owned();
    };
    let Some((month, rest)) = rest.split_once(" năm ") else {
        return sentence.to_owned();
    };
    let pad = |n: &str, below: u32| match n.parse::<u32>() {
        Ok(v) if v < below && n.len() == 1 => format!("0{n}"),
        _ => n.to_owned(),
    };
    format!(
        "{before}ngày {} tháng {} năm {rest}",
        pad(day, 10),
        pad(month, 3)
    )
}

/// The sentences of the source missing from the Markdown (heading labels and the program's own
/// punctuation aside).
fn missing(source: &str, md: &str) -> Vec<String> {
    let md = words(&md_text(md).replace("./.", "."));
    sentences(source)
        .into_iter()
        .map(|s| words(&nd30_date(&s).replace("./.", ".")))
        .filter(|s| s.chars().any(char::is_alphanumeric) && !md.contains(s.as_str()))
        .collect()
}

#[test]
fn real_documents_import_check_render_and_keep_every_sentence_and_count() {
    for f in FIXTURES {
        let path = fixture(f.file);
        let (yaml, stderr) = import(&path);
        assert_eq!(
            import(&path),
            (yaml.clone(), stderr.clone()),
            "{}: same every run",
            f.file
        );
        let value: serde_yaml::Value = serde_yaml::from_str(&yaml).unwrap();
        let kinds: Vec<&str> = std::iter::once(&value["kind"])
            .chain(
                value["attachments"]
                    .as_sequence()
                    .into_iter()
                    .flatten()
                    .map(|a| &a["kind"]),
            )
            .filter_map(|k| k.as_str())
            .collect();
        assert_eq!(kinds, f.kinds, "{}", f.file);
        for (key, want) in f.counts {
            assert_eq!(count(&value, key), *want, "{}: {key}\n{stderr}", f.file);
        }
        let md = checked_markdown(f.file, &yaml);
        let mut source = source_text(&path);
        for (joined, parted) in f.columns {
            assert!(
                source.contains(joined),
                "{}: {joined:?} not in the copy",
                f.file
            );
            source = source.replace(joined, parted);
        }
        for line in f.noted {
            assert!(
                yaml.lines().any(|l| l.starts_with('#') && l.contains(line))
                    && stderr.contains(line),
                "{}: {line:?} neither noted in the spec nor listed\n{stderr}",
                f.file
            );
        }
        let missing: Vec<String> = missing(&source, &md)
            .into_iter()
            .filter(|m| {
                // Compared without spaces and slashes: "Số: /CV - ĐTN" is noted as "CV-ĐTN".
                let bare = |t: &str| t.replace([' ', '/'], "");
                !f.noted.iter().any(|n| bare(m).contains(&bare(&words(n))))
            })
            .collect();
        assert!(
            missing.is_empty(),
            "{}: {} sentences missing from the Markdown:\n{}",
            f.file,
            missing.len(),
            missing.join("\n")
        );
    }
}

/// Word lists made by LibreOffice from HTML `<ol>` and `<ul>`: each khoản list its own
/// numbering (one starting at 2, one at 3, as `<ol start>` makes them), the Nơi nhận a list of
/// Symbol-font bullets in a table cell. Their numbers are not in the text; the reader puts back
/// the ones Word prints.
#[test]
fn word_lists_read_with_the_numbers_word_prints() {
    let text = source_text(&fixture("nghe-an-qd95-2025-danh-so-tu-dong.docx"));
    let lines: Vec<&str> = text.lines().collect();
    for want in [
        "1. Quy chế này quy định cụ thể",
        "2. Những nội dung không quy định",
        "8. Các tổ chức, cá nhân khác có liên quan.",
        "1. Phải tuân thủ theo các quy định",
        "1. Lấy ý kiến bằng văn bản.",
        "2. Lấy ý kiến trực tiếp tại cuộc họp",
        "3. Các phương thức phối hợp khác.",
        "- Như Điều 3;",
        "- Lưu: VT,NN.",
    ] {
        assert!(
            lines.iter().any(|l| l.starts_with(want)),
            "no line opens with {want:?}:\n{text}"
        );
    }
    // A paragraph that is not in a list gets no number.
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Việc lấy ý kiến bằng văn bản"))
    );
}

#[test]
fn imported_spec_of_the_nghe_an_decision() {
    let (yaml, _) = import(&fixture("nghe-an-qd95-2025-quy-che-phoi-hop-dat-dai.txt"));
    insta::assert_snapshot!(yaml);
}

/// A Word file laid out the plain way a writer of ND 30 documents produces one: the heading in
/// a two-cell table, one paragraph per provision with its number as text, the signatures side
/// by side in a table, Nơi nhận under them.
fn plain_word() -> Vec<u8> {
    use docx_rs::{Docx, Paragraph, Run, Table, TableCell, TableRow};
    let para = |text: &str| Paragraph::new().add_run(Run::new().add_text(text));
    let cell = |lines: &[&str]| {
        lines
            .iter()
            .fold(TableCell::new(), |c, l| c.add_paragraph(para(l)))
    };
    let mut docx = Docx::new().add_table(Table::new(vec![TableRow::new(vec![
        cell(&["SỞ TƯ PHÁP", "CÔNG AN TỈNH", "Số: 12/KH-STP-CAT"]),
        cell(&[
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Nghệ An, ngày 05 tháng 3 năm 2026",
        ]),
    ])]));
    for line in [
        "KẾ HOẠCH PHỐI HỢP",
        "Tuyên truyền, phổ biến pháp luật năm 2026",
        "Căn cứ Luật Phổ biến, giáo dục pháp luật năm 2012;",
        "Căn cứ chức năng, nhiệm vụ của hai cơ quan.",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "a) Nâng cao nhận thức pháp luật của người dân.",
        "- Tổ chức hội nghị tại các xã.",
        "II. NỘI DUNG PHỐI HỢP",
        "1. Hai bên trao đổi thông tin hằng quý.",
    ] {
        docx = docx.add_paragraph(para(line));
    }
    docx = docx.add_table(Table::new(vec![TableRow::new(vec![
        cell(&["ĐẠI DIỆN SỞ TƯ PHÁP", "GIÁM ĐỐC", "Nguyễn Văn An"]),
        cell(&["ĐẠI DIỆN CÔNG AN TỈNH", "GIÁM ĐỐC", "Lê Văn Bình"]),
    ])]));
    for line in ["Nơi nhận:", "- UBND tỉnh;", "- Lưu: VT."] {
        docx = docx.add_paragraph(para(line));
    }
    let mut out = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut out).expect("docx builds");
    out.into_inner()
}

#[test]
fn plain_word_output_imports_with_its_structure() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ke-hoach.docx");
    std::fs::write(&path, plain_word()).unwrap();
    let (yaml, stderr) = import(&path);
    assert!(stderr.is_empty(), "nothing left unplaced: {stderr}");
    let value: serde_yaml::Value = serde_yaml::from_str(&yaml).unwrap();
    assert_eq!(value["kind"].as_str(), Some("ke-hoach-phoi-hop"));
    assert_eq!(value["number"].as_u64(), Some(12));
    assert_eq!(value["date"].as_str(), Some("2026-03-05"));
    let issuers: Vec<(&str, &str)> = value["issuers"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|i| (i["id"].as_str().unwrap(), i["name"].as_str().unwrap()))
        .collect();
    assert_eq!(issuers, [("stp", "SỞ TƯ PHÁP"), ("cat", "CÔNG AN TỈNH")]);
    let signers: Vec<&str> = value["signatures"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|s| s["issuer"].as_str().unwrap())
        .collect();
    assert_eq!(signers, ["stp", "cat"]);
    for (key, want) in [
        ("sections", 2),
        ("clauses", 2),
        ("points", 1),
        ("items", 1),
        ("bases", 2),
        ("recipients", 2),
    ] {
        assert_eq!(count(&value, key), want, "{key}\n{yaml}");
    }
    assert_eq!(
        value["sections"][0]["id"].as_str(),
        Some("muc-dich-yeu-cau")
    );
    let md = checked_markdown("ke-hoach.docx", &yaml);
    let source = source_text(&path);
    assert_eq!(missing(&source, &md), Vec::<String>::new());
}

/// Unicode text as the TCVN3 ("ABC") fonts store it, read as Latin-1: each lower-case letter
/// with a mark as its byte (capitals in an all-capitals word take the same bytes, as the H
/// fonts draw them).
fn tcvn3(text: &str) -> String {
    use vanban::vietnamese::encoding::TCVN3;
    text.chars()
        .map(|c| {
            let lower = c.to_lowercase().next().unwrap_or(c);
            TCVN3
                .iter()
                .find(|(_, u)| *u == c)
                .or_else(|| TCVN3.iter().find(|(_, u)| *u == lower))
                .map_or(c, |(b, _)| *b)
        })
        .collect()
}

#[test]
fn legacy_tcvn3_text_is_converted() {
    let text = "SỞ TƯ PHÁP\nSố: 05/KH-STP\nNghệ An, ngày 10 tháng 3 năm 2026\n\nKẾ HOẠCH\n\
                Tuyên truyền pháp luật năm 2026\n\nI. MỤC ĐÍCH\n\n1. Nâng cao nhận thức pháp luật.\n\n\
                GIÁM ĐỐC\nNguyễn Văn An\n";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tcvn3.txt");
    let bytes: Vec<u8> = tcvn3(text).chars().map(|c| c as u8).collect();
    std::fs::write(&path, bytes).unwrap();
    let (yaml, stderr) = import(&path);
    assert!(stderr.contains("TCVN3"), "{stderr}");
    let value: serde_yaml::Value = serde_yaml::from_str(&yaml).unwrap();
    assert_eq!(value["kind"].as_str(), Some("ke-hoach"));
    assert_eq!(
        value["title"].as_str(),
        Some("Tuyên truyền pháp luật năm 2026")
    );
    assert_eq!(value["issuers"][0]["name"].as_str(), Some("SỞ TƯ PHÁP"));
    assert_eq!(
        value["signatures"][0]["name"].as_str(),
        Some("Nguyễn Văn An")
    );
    checked_markdown("tcvn3.txt", &yaml);
}

/// Runs `vanban import` with `args`; its exit code and stderr.
fn failing(args: &[&str]) -> (i32, String) {
    let run = vanban(args);
    (
        run.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&run.stderr).into_owned(),
    )
}

#[test]
fn bad_input_gets_a_vietnamese_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let at = |name: &str| dir.path().join(name).to_str().unwrap().to_owned();
    let odt = b"PK\x03\x04\x14\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x08\x00\x00\x00mimetypeapplication/vnd.oasis.opendocument.text";
    let cases: [(&str, &[u8], i32, &str); 9] = [
        ("chu.docx", b"Ke hoach", 1, "không phải tệp Word .docx"),
        // Other formats, known by their first bytes whatever their name: what to do instead.
        (
            "cu.doc",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            1,
            "lưu lại dạng .docx",
        ),
        ("ban-chup.pdf", b"%PDF-1.7\n%", 1, "pdftotext -raw"),
        ("du-thao.odt", odt, 1, "OpenDocument (.odt)"),
        ("thu.rtf", b"{\\rtf1\\ansi", 1, "tệp RTF"),
        (
            "hong.docx",
            b"PK\x03\x04 hong hoan toan",
            1,
            "không phải tệp Word .docx",
        ),
        (
            "cu.docx",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            1,
            "tệp Word cũ (Word 97–2003, .doc)",
        ),
        (
            "nhi-phan.txt",
            b"\x00\x01\x02\x03",
            1,
            "không đọc được thành văn bản",
        ),
        (
            "khong-loai.txt",
            "Một đoạn văn.\n".as_bytes(),
            1,
            "không nhận ra tên loại",
        ),
    ];
    for (name, bytes, code, message) in cases {
        std::fs::write(at(name), bytes).unwrap();
        let (got, stderr) = failing(&["import", &at(name)]);
        assert_eq!(got, code, "{name}: {stderr}");
        assert!(
            stderr.contains(name) && stderr.contains(message),
            "{name}: {stderr}"
        );
    }
    let (got, stderr) = failing(&["import", &at("khong-co.docx")]);
    assert_eq!(got, 2, "{stderr}");
    assert!(stderr.contains("khong-co.docx") && stderr.contains("không tìm thấy"));
    let (got, stderr) = failing(&["import", dir.path().to_str().unwrap()]);
    assert_eq!(got, 2, "{stderr}");
}

#[test]
fn an_existing_output_or_the_source_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let source = fixture("dong-thap-kh552-2025-doi-moi-cong-nghe.txt");
    let out = dir.path().join("da-co.yaml");
    std::fs::write(&out, "kind: ke-hoach\n").unwrap();
    let args = |extra: &[&str]| {
        let mut a = vec![
            "import".to_owned(),
            source.to_str().unwrap().to_owned(),
            "-o".to_owned(),
            out.to_str().unwrap().to_owned(),
        ];
        a.extend(extra.iter().map(|s| s.to_string()));
        a
    };
    let refused = vanban(&args(&[]).iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--force"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "kind: ke-hoach\n");
    let forced = vanban(
        &args(&["--force"])
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert!(forced.status.success());
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("kind: ke-hoach")
    );

    let copy = dir.path().join("ban-sao.txt");
    std::fs::copy(&source, &copy).unwrap();
    let before = std::fs::read(&copy).unwrap();
    let (got, stderr) = failing(&[
        "import",
        copy.to_str().unwrap(),
        "-o",
        copy.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(got, 2, "{stderr}");
    assert!(stderr.contains("chính tệp cần nhập"));
    assert_eq!(std::fs::read(&copy).unwrap(), before);
}

/// A Word file is known by its content, not its name: saved without ".docx" (as a download
/// or a mail attachment may be), it imports as the Word file it is.
#[test]
fn a_word_file_under_another_name_is_read_as_word() {
    let dir = tempfile::tempdir().unwrap();
    let source = fixture("thai-nguyen-qd26-2025-quy-che-phoi-hop-tin-nguong.docx");
    let renamed = dir.path().join("van-ban-tai-ve");
    std::fs::copy(&source, &renamed).unwrap();
    let (yaml, _) = import(&renamed);
    let (original, _) = import(&source);
    let body = |y: &str| y.lines().skip(1).collect::<Vec<_>>().join("\n");
    assert_eq!(body(&yaml), body(&original));
}

/// What a user does with an office's Word 97 file, as `vanban import` tells them: LibreOffice
/// converts it to .docx, and that imports as the committed conversion does.
#[test]
fn an_offices_word_97_file_converted_by_libreoffice_imports() {
    let (soffice, install) = common::SOFFICE;
    if !common::tool_available(Path::new(soffice), "--version", install) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut converted = 0;
    for docx in OFFICE_FILES {
        let doc = fixture(docx).with_extension("doc");
        if !doc.exists() {
            continue;
        }
        let (got, stderr) = failing(&["import", doc.to_str().unwrap()]);
        assert_eq!(got, 1, "{stderr}");
        assert!(
            stderr.contains("soffice --headless --convert-to docx"),
            "{stderr}"
        );
        let made = common::libreoffice(&doc, dir.path(), "docx");
        let body = |y: &str| y.lines().skip(1).collect::<Vec<_>>().join("\n");
        assert_eq!(
            body(&import(&made).0),
            body(&import(&fixture(docx)).0),
            "{docx}"
        );
        converted += 1;
    }
    assert_eq!(converted, 2);
}

/// A decision's enacting authority, printed in capitals over its căn cứ, comes into the spec
/// as running text (the words of its "(Kèm theo … của …)" line), with a note to check it.
#[test]
fn a_decisions_enacting_authority_in_capitals_becomes_running_text() {
    let text = "SỞ TƯ PHÁP\nSố: 12/QĐ-STP\nNghệ An, ngày 10 tháng 3 năm 2026\n\nQUYẾT ĐỊNH\n\
                Về việc ban hành Quy chế phối hợp\n\nGIÁM ĐỐC SỞ TƯ PHÁP\n\n\
                Căn cứ Luật Tổ chức chính quyền địa phương;\n\nQUYẾT ĐỊNH:\n\n\
                Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp.\n\n\
                Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\n\
                GIÁM ĐỐC\nNguyễn Văn An\n";
    let imported = vanban::import::import_bytes(
        "giam-doc.txt",
        text.as_bytes(),
        vanban::import::Format::Text,
    )
    .unwrap();
    let value: serde_yaml::Value = serde_yaml::from_str(&imported.yaml).unwrap();
    assert_eq!(value["enacting"].as_str(), Some("Giám đốc Sở Tư pháp"));
    assert!(
        imported.yaml.contains(
            "# Viết lại từ dòng in hoa của văn bản gốc (\"GIÁM ĐỐC SỞ TƯ PHÁP\"): kiểm tra chữ hoa \
             của tên riêng.\nenacting: Giám đốc Sở Tư pháp\n"
        ),
        "{}",
        imported.yaml
    );
}

/// A Word file whose `document.xml` has `body` in place of its body, the rest of a real
/// fixture's package kept.
fn word_file_with_body(body: &dyn Fn(&mut dyn std::io::Write)) -> Vec<u8> {
    use std::io::{Read, Write};
    let source = std::fs::read(fixture(
        "thai-nguyen-qd26-2025-quy-che-phoi-hop-tin-nguong.docx",
    ))
    .unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(source)).unwrap();
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().to_owned();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        zip.start_file(name.as_str(), options).unwrap();
        if name == "word/document.xml" {
            let xml = String::from_utf8(data).unwrap();
            let (head, tail) = xml.split_at(xml.find("<w:body>").unwrap() + "<w:body>".len());
            zip.write_all(head.as_bytes()).unwrap();
            body(&mut zip);
            zip.write_all(tail.as_bytes()).unwrap();
        } else {
            zip.write_all(&data).unwrap();
        }
    }
    zip.finish().unwrap();
    out.into_inner()
}

/// Hostile Word files — a part that unpacks to hundreds of megabytes from a few hundred KB,
/// tables nested thousands deep — are refused before they are read whole: a Vietnamese error
/// naming the file, exit 1, nothing written; never unbounded memory or a stack overflow.
#[test]
fn a_hostile_word_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let bomb = word_file_with_body(&|w| {
        w.write_all(b"<w:p><w:r><w:t>").unwrap();
        let chunk = vec![b'a'; 1 << 20];
        for _ in 0..100 {
            w.write_all(&chunk).unwrap();
        }
        w.write_all(b"</w:t></w:r></w:p>").unwrap();
    });
    // A paragraph in `n` tables, each in the cell of the one before.
    let nested_tables = |n: usize| {
        word_file_with_body(&|w| {
            w.write_all("<w:tbl><w:tr><w:tc>".repeat(n).as_bytes())
                .unwrap();
            w.write_all(b"<w:p><w:r><w:t>x</w:t></w:r></w:p>").unwrap();
            w.write_all("</w:tc></w:tr></w:tbl>".repeat(n).as_bytes())
                .unwrap();
        })
    };
    let deep = nested_tables(20_000);
    assert!(
        bomb.len() < 1024 * 1024,
        "the bomb is small: {}",
        bomb.len()
    );
    for (name, bytes, message) in [
        ("bom.docx", &bomb, "giải nén ra hơn 32 MB"),
        ("long-nhau.docx", &deep, "lồng nhau quá 200 cấp"),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = dir.path().join(format!("{name}.yaml"));
        let (code, stderr) = failing(&[
            "import",
            path.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, 1, "{name}: {stderr}");
        assert!(
            stderr.contains(name) && stderr.contains(message),
            "{name}: {stderr}"
        );
        assert!(!out.exists(), "{name}: nothing is written");
    }
    // A document nested as deep as real ones go (tables in tables, 60 levels) still imports.
    let nested = nested_tables(60);
    let path = dir.path().join("bang-long-bang.docx");
    std::fs::write(&path, nested).unwrap();
    import(&path);
    // A text longer than any spec `check` reads is refused at once.
    let path = dir.path().join("rat-dai.txt");
    let line = "Điều 1. Phạm vi điều chỉnh của văn bản này rất dài.\n";
    std::fs::write(&path, line.repeat(11 * 1024 * 1024 / line.len() + 1)).unwrap();
    let (code, stderr) = failing(&["import", path.to_str().unwrap()]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("rat-dai.txt") && stderr.contains("quá giới hạn 10 MB"),
        "{stderr}"
    );
}
