//! `vanban import`: a Word document (.docx) or a text copied from a PDF or a web portal, read
//! back into a commented spec. Reading: [`package`] (the bounds a Word file keeps before its
//! XML is read), [`docx`] (paragraphs, tables and runs of a .docx, with the labels of Word's
//! automatic [`numbering`] and the [`styles`] they follow), [`text`] (decoding and cleaning a copied
//! text), [`legacy`] (TCVN3/VNI text converted); then one list of [`lines`]; recognising:
//! [`recognise`] finds the parts and hands each to its reader ([`heading`], [`parties`],
//! [`body`], [`closing`], [`appendix`]; [`capitals`] writes a decision's enacting authority, printed in
//! capitals, as running text); writing: [`yaml`].
//!
//! What cannot be placed is never dropped: it stays in the spec as text under a comment, and
//! is listed in [`Imported::unplaced`] with its place in the source.

pub mod appendix;
pub mod body;
pub mod capitals;
pub mod closing;
pub mod docx;
pub mod heading;
pub mod legacy;
pub mod lines;
pub mod numbering;
pub mod package;
pub mod parties;
pub mod recognise;
pub mod styles;
pub mod text;
pub mod yaml;

use crate::error::Error;
use crate::render::Role;
use std::path::Path;

/// One paragraph of the source, with where it is: its line (text) or paragraph (Word) number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Para {
    /// Its text as read (line breaks inside it kept).
    pub text: String,
    /// Its 1-based line or paragraph number.
    pub at: usize,
    /// Whether all its text is bold (a Word paragraph; never for plain text).
    pub bold: bool,
    /// Whether it is centred (a Word paragraph; never for plain text).
    pub centred: bool,
    /// What it is, when its Word style says so (the styles `render --format docx` writes:
    /// a lead-in, a free paragraph of a Điều, khoản…; never for plain text).
    pub role: Option<Role>,
}

/// A paragraph or a table of the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A paragraph.
    Para(Para),
    /// A table.
    Table(Table),
}

/// A table: rows of cells, each cell its paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The rows.
    pub rows: Vec<Vec<Vec<Para>>>,
    /// The number of its first paragraph.
    pub at: usize,
}

/// What the source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A Word document (.docx).
    Docx,
    /// Plain text.
    Text,
}

impl Format {
    /// The source's format by its name (.docx is Word; anything else is text).
    pub fn of(path: &Path) -> Format {
        let docx = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("docx"));
        if docx { Format::Docx } else { Format::Text }
    }

    /// What a place in the source is called: "đoạn" (paragraph) or "dòng" (line).
    pub fn unit(self) -> &'static str {
        match self {
            Format::Docx => "đoạn",
            Format::Text => "dòng",
        }
    }
}

/// A line that could not be placed in the spec's tree (kept there as text, under a comment).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unplaced {
    /// Its line or paragraph number in the source.
    pub at: usize,
    /// Its text.
    pub text: String,
    /// Why, and where it was kept (Vietnamese).
    pub why: String,
}

/// The result of an import.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The spec's YAML text.
    pub yaml: String,
    /// The lines kept as text because they had no place.
    pub unplaced: Vec<Unplaced>,
    /// The legacy encoding the text was converted from, if any.
    pub legacy: Option<crate::vietnamese::encoding::Legacy>,
    /// The source's format.
    pub format: Format,
}

/// The largest file `import` reads: a Word file's pictures make it larger than its text, and
/// an office's file with photographs seldom passes 20 MB.
pub const MAX_FILE_BYTES: u64 = 100 * 1024 * 1024;

/// Imports the file at `path`: exit-2 errors when it cannot be read, exit-1 errors when its
/// content is not a document that can be read.
pub fn import_file(path: &Path) -> Result<Imported, Error> {
    let shown = path.display().to_string();
    let size = std::fs::metadata(path)
        .map_err(|e| Error::io(&shown, "đọc", &e))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(Error::Failed {
            file: shown,
            message: format!(
                "tệp lớn {} MB, quá giới hạn {} MB của lệnh import (một tệp Word có ảnh cũng hiếm \
                 khi quá 20 MB)",
                size / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        });
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(&shown, "đọc", &e))?;
    // A zip archive is never a text: a Word file saved without its .docx name is read as one.
    let format = if bytes.starts_with(b"PK") {
        Format::Docx
    } else {
        Format::of(path)
    };
    import_bytes(&shown, &bytes, format)
}

/// The message for a Word file beyond the bounds of [`package`].
fn bounds_message(refused: &package::Refused) -> String {
    use package::Refused;
    let why = match refused {
        Refused::NotZip => "tệp nén hỏng".to_owned(),
        Refused::Entries(n) => format!(
            "tệp nén có {n} phần, quá giới hạn {} phần",
            package::MAX_ENTRIES
        ),
        Refused::Size(part) => format!(
            "phần {part} giải nén ra hơn {} MB",
            package::MAX_PART_BYTES / (1024 * 1024)
        ),
        Refused::Depth(part) => format!(
            "phần {part} lồng nhau quá {} cấp (ví dụ bảng trong bảng nhiều lần)",
            package::MAX_DEPTH
        ),
        Refused::Paragraphs(part) => {
            format!("phần {part} có hơn {} đoạn văn", package::MAX_PARAGRAPHS)
        }
        Refused::Xml(part) => format!("phần {part} không phải XML đọc được"),
    };
    format!(
        "{why}: không phải một văn bản Word thường (một quy chế dài cũng chỉ khoảng 1 MB); tệp có \
         thể bị hỏng hoặc cố ý làm lớn, không nhập"
    )
}

/// What to do with a file of another format that `import` does not read (a Word 97 file, a
/// PDF, an OpenDocument or RTF file), known by its first bytes whatever its name.
fn other_format(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        Some(
            "đây là tệp Word cũ (Word 97–2003, .doc), không phải .docx: mở bằng Word hoặc \
             LibreOffice và lưu lại dạng .docx (hoặc chạy `soffice --headless --convert-to docx \
             TỆP.doc`), rồi nhập tệp .docx",
        )
    } else if bytes.starts_with(b"%PDF") {
        Some(
            "đây là tệp PDF: `vanban import` đọc tệp Word .docx hoặc văn bản thuần; chép chữ của \
             PDF ra tệp .txt (chọn hết, chép, dán vào tệp; hoặc `pdftotext -raw TỆP.pdf TỆP.txt`) \
             rồi nhập tệp .txt — số trang, đầu trang và chữ ngắt dòng được bỏ khi nhập",
        )
    } else if bytes.starts_with(b"{\\rtf") {
        Some("đây là tệp RTF: mở bằng Word hoặc LibreOffice và lưu lại dạng .docx")
    } else if bytes.starts_with(b"PK")
        && bytes
            .get(30..bytes.len().min(100))
            .is_some_and(|b| b.windows(24).any(|w| w == b"application/vnd.oasis.op"))
    {
        Some("đây là tệp OpenDocument (.odt): mở bằng LibreOffice và lưu lại dạng .docx")
    } else {
        None
    }
}

/// Imports `bytes` read from a file named `name`.
pub fn import_bytes(name: &str, bytes: &[u8], format: Format) -> Result<Imported, Error> {
    let failed = |message: &str| Error::Failed {
        file: name.to_owned(),
        message: message.to_owned(),
    };
    if let Some(why) = other_format(bytes) {
        return Err(failed(why));
    }
    let (blocks, legacy) = match format {
        Format::Docx => docx::read(bytes).map_err(|p| match p {
            docx::Problem::NotZip => failed(
                "không phải tệp Word .docx (tệp .docx là một tệp nén zip; tệp này không mở được \
                 như vậy, có thể đã hỏng hoặc sai đuôi)",
            ),
            docx::Problem::NotWord => failed(
                "tệp nén này không chứa văn bản Word đọc được (thiếu hoặc hỏng word/document.xml)",
            ),
            docx::Problem::Bounds(refused) => failed(&bounds_message(&refused)),
        })
        .map(legacy::convert)?,
        Format::Text if bytes.len() > crate::load::MAX_SPEC_BYTES => {
            return Err(failed(&format!(
                "văn bản dài {} MB, quá giới hạn {} MB của một tệp YAML: một văn bản hành chính \
                 dài nhất cũng chỉ vài trăm KB; hãy tách văn bản, hoặc kiểm tra lại tệp",
                format!("{:.1}", bytes.len() as f64 / (1024.0 * 1024.0)).replace('.', ","),
                crate::load::MAX_SPEC_BYTES / (1024 * 1024)
            )));
        }
        Format::Text => {
            let decoded = text::decode(bytes).map_err(|_| {
                failed("không đọc được thành văn bản (tệp nhị phân hoặc mã hóa không rõ)")
            })?;
            let (unicode, legacy) = legacy::convert_text(&decoded);
            (text::read(&unicode), legacy)
        }
    };
    let lines = lines::flatten(blocks);
    let mut unplaced = Vec::new();
    let map = recognise::spec(&lines, format, &mut unplaced).ok_or_else(|| {
        failed(
            "không nhận ra tên loại văn bản (một dòng in hoa như KẾ HOẠCH, QUY CHẾ PHỐI HỢP, \
             CHƯƠNG TRÌNH PHỐI HỢP, QUYẾT ĐỊNH… trước trích yếu)",
        )
    })?;
    unplaced.sort_by_key(|u| u.at);
    let yaml = yaml::write(&header(name, format, legacy, &unplaced), &map);
    Ok(Imported {
        yaml,
        unplaced,
        legacy,
        format,
    })
}

/// The comment lines that open an imported spec.
fn header(
    name: &str,
    format: Format,
    legacy: Option<crate::vietnamese::encoding::Legacy>,
    unplaced: &[Unplaced],
) -> Vec<String> {
    let file = Path::new(name)
        .file_name()
        .map_or_else(|| name.to_owned(), |f| f.to_string_lossy().into_owned());
    let mut out = vec![
        format!("Nhập từ {file} bằng `vanban import`."),
        "Chương trình tự đánh số (Chương, Điều, mục I., khoản 1., điểm a)), tự thêm \"Căn cứ \", \
         dấu \";\" cuối căn cứ và nơi nhận: các chữ đó đã được bỏ khỏi văn bản gốc."
            .to_owned(),
        "Xem lại tệp này, rồi chạy `vanban check` trước khi trình bày.".to_owned(),
    ];
    if let Some(encoding) = legacy {
        out.push(format!(
            "Văn bản gốc gõ bằng bảng mã {}: đã chuyển sang Unicode.",
            encoding.name()
        ));
    }
    if !unplaced.is_empty() {
        out.push(format!(
            "{} {} chưa xếp được vào đúng chỗ: giữ nguyên văn, có chú thích ngay trên.",
            unplaced.len(),
            format.unit()
        ));
    }
    out
}
