//! Signature fields: one empty AcroForm `/Sig` field per signer, named after the issuer id and
//! laid over the room between the signer's title and name, so that signing software (VGCA,
//! Adobe, Foxit…) puts each digital signature exactly where ND 30 wants it (ô 7c). Typst has no
//! form fields, so they are added to the finished PDF with `lopdf`.

use crate::error::Error;
use crate::pages::SignatureRoom;
use lopdf::{Dictionary, Object, ObjectId, Stream, StringFormat};

/// Adds one empty signature field per room to `pdf` and returns the new bytes. Field names
/// repeat the issuer id; a second room for the same issuer gets a "-2" suffix (names must be
/// unique). Page heights come from the PDF itself.
pub fn add_signature_fields(
    pdf: &[u8],
    rooms: &[SignatureRoom],
    file: &str,
) -> Result<Vec<u8>, Error> {
    if rooms.is_empty() {
        return Ok(pdf.to_vec());
    }
    let fail = |what: &str, e: &dyn std::fmt::Display| Error::Failed {
        file: file.to_owned(),
        message: format!("không thêm được ô chữ ký vào PDF ({what}): {e}"),
    };
    let mut doc = lopdf::Document::load_mem(pdf).map_err(|e| fail("đọc PDF", &e))?;
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let mut fields = Vec::new();
    let mut used: Vec<String> = Vec::new();
    for room in rooms {
        let page_id = *pages
            .get(room.page)
            .ok_or_else(|| fail("trang", &room.page))?;
        let height = page_height(&doc, page_id).ok_or_else(|| fail("khổ trang", &room.page))?;
        let name = unique_name(&room.issuer, &mut used);
        // PDF space: origin at the bottom-left corner, y upwards.
        let rect = [
            room.x,
            height - room.y - room.height,
            room.x + room.width,
            height - room.y,
        ];
        let appearance = doc.add_object(empty_appearance(room.width, room.height));
        let field = doc.add_object(Dictionary::from_iter([
            ("Type", Object::Name(b"Annot".to_vec())),
            ("Subtype", Object::Name(b"Widget".to_vec())),
            ("FT", Object::Name(b"Sig".to_vec())),
            ("T", text_string(&name)),
            ("TU", text_string(&format!("Chữ ký số của {}", room.issuer))),
            (
                "Rect",
                Object::Array(rect.iter().map(|v| real(*v)).collect()),
            ),
            // Print flag: PDF/A wants every annotation printable.
            ("F", Object::Integer(4)),
            ("P", Object::Reference(page_id)),
            (
                "AP",
                Object::Dictionary(Dictionary::from_iter([(
                    "N",
                    Object::Reference(appearance),
                )])),
            ),
        ]));
        let page = doc
            .get_dictionary_mut(page_id)
            .map_err(|e| fail("trang", &e))?;
        match page.get_mut(b"Annots") {
            Ok(Object::Array(annots)) => annots.push(Object::Reference(field)),
            _ => page.set("Annots", Object::Array(vec![Object::Reference(field)])),
        }
        fields.push(Object::Reference(field));
    }
    let form = doc.add_object(Dictionary::from_iter([("Fields", Object::Array(fields))]));
    doc.catalog_mut()
        .map_err(|e| fail("mục lục PDF", &e))?
        .set("AcroForm", Object::Reference(form));
    let mut out = Vec::with_capacity(pdf.len() + 4096);
    // Object and cross-reference streams, as `save_modern`, but compressed at zlib's fastest
    // level: the file grows by 2–4 % and the signing step takes 10–25 % less time.
    let options = lopdf::SaveOptions::builder()
        .use_object_streams(true)
        .use_xref_streams(true)
        .compression_level(1)
        .build();
    doc.save_with_options(&mut out, options)
        .map_err(|e| fail("ghi PDF", &e))?;
    Ok(out)
}

/// The height of a page from its MediaBox (looked up through the page tree if inherited).
fn page_height(doc: &lopdf::Document, page: ObjectId) -> Option<f64> {
    let mut id = page;
    for _ in 0..32 {
        let dict = doc.get_dictionary(id).ok()?;
        if let Ok(Object::Array(b)) = dict.get(b"MediaBox") {
            let num = |o: &Object| o.as_float().map(f64::from).ok();
            return Some(num(b.get(3)?)? - num(b.get(1)?)?);
        }
        id = dict.get(b"Parent").ok()?.as_reference().ok()?;
    }
    None
}

/// `issuer`, or `issuer-2`, `issuer-3`… when already used.
fn unique_name(issuer: &str, used: &mut Vec<String>) -> String {
    let base = if issuer.is_empty() { "chu-ky" } else { issuer };
    let mut name = base.to_owned();
    let mut n = 1;
    while used.contains(&name) {
        n += 1;
        name = format!("{base}-{n}");
    }
    used.push(name.clone());
    name
}

/// An empty form XObject the size of the field: PDF/A wants an appearance for every widget.
fn empty_appearance(width: f64, height: f64) -> Stream {
    Stream::new(
        Dictionary::from_iter([
            ("Type", Object::Name(b"XObject".to_vec())),
            ("Subtype", Object::Name(b"Form".to_vec())),
            (
                "BBox",
                Object::Array(vec![real(0.0), real(0.0), real(width), real(height)]),
            ),
        ]),
        Vec::new(),
    )
}

/// A PDF text string in UTF-16BE with its byte-order mark (field names may hold Vietnamese).
fn text_string(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// A number rounded to 1/100 pt, so the bytes do not depend on float noise.
fn real(v: f64) -> Object {
    Object::Real(((v * 100.0).round() / 100.0) as f32)
}
