//! Header rows that repeat at the top of every page, as the PDF's appendix tables do
//! (`table.header(repeat: true)` in nd30.typ). The `docx-rs` crate cannot mark a row so
//! (`w:tblHeader`); the writer marks it with a row height of [`MARK_HEIGHT`] twips set to
//! "auto" (`w:trHeight w:val="1" w:hRule="auto"`: the height follows the content, as without
//! it), which no other row has, and this step, on the packed file, turns each such mark into
//! `w:tblHeader` through an XML reader and writer. Every other part is copied as packed.

use crate::error::Error;
use quick_xml::events::{BytesStart, Event};
use std::io::{Cursor, Write};

/// The mark the writer sets on a header row: this height, with the "auto" rule.
pub const MARK_HEIGHT: f32 = 1.0;

/// The part that holds the body.
const DOCUMENT: &str = "word/document.xml";

/// The package `packed` with each marked row made a header row.
pub fn repeat_header_rows(packed: Vec<u8>, file: &str) -> Result<Vec<u8>, Error> {
    let failed = |what: &str| Error::Failed {
        file: file.to_owned(),
        message: format!("không ghi được tệp Word ({what})"),
    };
    let mut archive =
        zip::ZipArchive::new(Cursor::new(&packed)).map_err(|_| failed("gói zip hỏng"))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(packed.len())));
    for i in 0..archive.len() {
        let entry = archive.by_index(i).map_err(|_| failed("gói zip hỏng"))?;
        if entry.name() != DOCUMENT {
            out.raw_copy_file(entry)
                .map_err(|_| failed("chép một phần của gói"))?;
            continue;
        }
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(entry.compression())
            .last_modified_time(entry.last_modified().unwrap_or_default());
        let xml = marked_rows(entry).map_err(|_| failed("đọc word/document.xml"))?;
        out.start_file(DOCUMENT, options)
            .and_then(|()| out.write_all(&xml).map_err(Into::into))
            .map_err(|_| failed("ghi word/document.xml"))?;
    }
    out.finish()
        .map(Cursor::into_inner)
        .map_err(|_| failed("đóng gói"))
}

/// The XML read from `part`, each row-height mark replaced by `tblHeader`.
fn marked_rows(part: impl std::io::Read) -> Result<Vec<u8>, quick_xml::Error> {
    let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(part));
    let mut writer = quick_xml::Writer::new(Vec::new());
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf)? {
            Event::Eof => break,
            Event::Empty(e) if is_mark(&e) => {
                writer.write_event(Event::Empty(BytesStart::new("w:tblHeader")))?;
            }
            event => writer.write_event(event)?,
        }
        buf.clear();
    }
    Ok(writer.into_inner())
}

/// Whether an empty element is the writer's mark.
fn is_mark(e: &BytesStart) -> bool {
    let attribute = |name: &str, value: &str| {
        e.try_get_attribute(name)
            .ok()
            .flatten()
            .is_some_and(|a| a.value.as_ref() == value.as_bytes())
    };
    e.name().as_ref() == b"w:trHeight"
        && attribute("w:val", &format!("{MARK_HEIGHT}"))
        && attribute("w:hRule", "auto")
}
