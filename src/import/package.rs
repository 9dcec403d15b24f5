//! The bounds a Word file must keep before its XML is read: the `docx-rs` reader unpacks
//! every part whole into memory and walks nested elements by recursion, so a small hostile
//! file (a part that unpacks to gigabytes, tables nested thousands deep) would take unbounded
//! memory or overflow the stack. Each part is unpacked once here, as a stream, to count its
//! bytes and the depth of its elements; nothing is kept.

use std::io::{BufReader, Read};

/// The most entries a package may hold: a Word file of a long quy chế has about 20 parts, and
/// each picture adds one.
pub const MAX_ENTRIES: usize = 10_000;

/// The most bytes one XML part may unpack to: the document part of a 40 000-character quy chế
/// is about 1 MiB; a text beyond this could not be checked anyway (a spec is read up to
/// [`crate::load::MAX_SPEC_BYTES`]).
pub const MAX_PART_BYTES: u64 = 32 * 1024 * 1024;

/// The most paragraphs a part may hold: a spec holds at most
/// [`crate::check::limits::MAX_PROVISIONS`] provisions, and the reader keeps about 3 KB a
/// paragraph (1.5 million paragraphs took 4.8 GB).
pub const MAX_PARAGRAPHS: usize = 100_000;

/// The deepest nesting of elements in an XML part: a paragraph in a table in a table is about
/// 12 deep, and Word's own files stay well under 100; the reader recurses once per level.
pub const MAX_DEPTH: usize = 200;

/// Why a package is refused.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    /// Not a zip archive.
    NotZip,
    /// More entries than [`MAX_ENTRIES`].
    Entries(usize),
    /// A part that unpacks to more than [`MAX_PART_BYTES`].
    Size(String),
    /// A part nested deeper than [`MAX_DEPTH`].
    Depth(String),
    /// A part with more paragraphs than [`MAX_PARAGRAPHS`].
    Paragraphs(String),
    /// A part whose XML cannot be read.
    Xml(String),
}

/// Checks the package in `bytes` against the bounds above.
pub fn check(bytes: &[u8]) -> Result<(), Refused> {
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| Refused::NotZip)?;
    if archive.len() > MAX_ENTRIES {
        return Err(Refused::Entries(archive.len()));
    }
    for i in 0..archive.len() {
        let entry = archive.by_index(i).map_err(|_| Refused::NotZip)?;
        let name = entry.name().to_owned();
        if !(name.ends_with(".xml") || name.ends_with(".rels")) {
            continue;
        }
        part(entry, &name)?;
    }
    Ok(())
}

/// Streams one XML part, counting its bytes and the depth of its elements.
fn part(entry: impl Read, name: &str) -> Result<(), Refused> {
    let limited = entry.take(MAX_PART_BYTES + 1);
    let mut reader = quick_xml::Reader::from_reader(BufReader::new(limited));
    let mut buf = Vec::new();
    let mut depth = 0usize;
    let mut paragraphs = 0usize;
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|_| Refused::Xml(name.to_owned()))?;
        let paragraph = |e: &quick_xml::events::BytesStart| e.name().as_ref() == b"w:p";
        match event {
            quick_xml::events::Event::Start(e) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(Refused::Depth(name.to_owned()));
                }
                paragraphs += usize::from(paragraph(&e));
            }
            quick_xml::events::Event::Empty(e) => paragraphs += usize::from(paragraph(&e)),
            quick_xml::events::Event::End(_) => depth = depth.saturating_sub(1),
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
        if paragraphs > MAX_PARAGRAPHS {
            return Err(Refused::Paragraphs(name.to_owned()));
        }
        buf.clear();
    }
    if reader.buffer_position() > MAX_PART_BYTES {
        return Err(Refused::Size(name.to_owned()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A package of one part `name` holding `xml`.
    fn package(name: &str, xml: &[u8]) -> Vec<u8> {
        let mut out = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        zip.start_file(name, options).unwrap();
        zip.write_all(xml).unwrap();
        zip.finish().unwrap();
        out.into_inner()
    }

    #[test]
    fn a_part_too_deep_or_too_large_is_refused() {
        let deep = format!(
            "{}{}",
            "<a>".repeat(MAX_DEPTH + 1),
            "</a>".repeat(MAX_DEPTH + 1)
        );
        assert_eq!(
            check(&package("word/document.xml", deep.as_bytes())),
            Err(Refused::Depth("word/document.xml".to_owned()))
        );
        let fine = format!("{}{}", "<a>".repeat(MAX_DEPTH), "</a>".repeat(MAX_DEPTH));
        assert_eq!(
            check(&package("word/document.xml", fine.as_bytes())),
            Ok(())
        );
        let mut large = b"<a>".to_vec();
        large.resize(MAX_PART_BYTES as usize + 10, b'x');
        assert_eq!(
            check(&package("word/document.xml", &large)),
            Err(Refused::Size("word/document.xml".to_owned()))
        );
        let many = format!("<a>{}</a>", "<w:p/>".repeat(MAX_PARAGRAPHS + 1));
        assert_eq!(
            check(&package("word/document.xml", many.as_bytes())),
            Err(Refused::Paragraphs("word/document.xml".to_owned()))
        );
        // A picture is not XML: its size is its own.
        assert_eq!(check(&package("word/media/a.png", &large)), Ok(()));
        assert_eq!(check(b"not a zip"), Err(Refused::NotZip));
    }
}
