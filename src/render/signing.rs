//! Signature fields: for every issuing body two empty AcroForm `/Sig` fields, the signer's
//! (`<id>.ky`, ND 30 Phụ lục I, II.7.d, ô 7c) and the organisation's seal (`<id>.dau`, II.8.a,
//! ô 8), laid over the rooms the layout marked (see `nd30-signature-fields` in the style file),
//! so that signing software (VGCA, a CA's token app, pyHanko, Adobe…) puts each digital
//! signature exactly where ND 30 wants it. Typst has no form fields, so they are added to the
//! finished PDF with `lopdf`.
//!
//! Each body is one field named after its issuer id whose kids are the two signature fields, so
//! their full names read `stp.ky`, `stp.dau`. Bodies come in the order of the signature blocks
//! (lead body first) and, within a body, the signer before the seal: the order they are signed
//! in (docs/ky-so.md). The seal's widget follows the signer's on the page, so the seal's image
//! is drawn over the signature's, as on paper.

use crate::document::SignatureView;
use crate::error::Error;
use crate::pages::SignatureRoom;
use lopdf::{Dictionary, Object, ObjectId, Stream, StringFormat};

/// The role of the signer's field (ô 7c).
pub const SIGNER: &str = "ky";
/// The role of the organisation's field, its seal (ô 8).
pub const SEAL: &str = "dau";

/// Adds the empty signature fields of `rooms` to `pdf` and returns the new bytes. `signatures`
/// (every block of the file in page order: [`crate::document::Document::signature_blocks`]) give the order of the bodies and the words of each field's tooltip.
/// A body with two blocks gets `id-2` for its second. Page heights come from the PDF itself.
pub fn add_signature_fields(
    pdf: &[u8],
    rooms: &[SignatureRoom],
    signatures: &[&SignatureView],
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
    let mut parents = Vec::new();
    for body in bodies(rooms, signatures) {
        let parent = doc.new_object_id();
        let mut kids = Vec::new();
        for room in &body.rooms {
            let page_id = *pages
                .get(room.page)
                .ok_or_else(|| fail("trang", &room.page))?;
            let height = page_height(&doc, page_id).ok_or_else(|| fail("khổ trang", &room.page))?;
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
                ("Parent", Object::Reference(parent)),
                ("T", text_string(&room.role)),
                ("TU", text_string(&tooltip(&room.role, body.block))),
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
            kids.push(Object::Reference(field));
        }
        let agency = body.block.map_or(body.name.as_str(), |b| &b.signing.agency);
        doc.objects.insert(
            parent,
            Object::Dictionary(Dictionary::from_iter([
                ("T", text_string(&body.name)),
                ("TU", text_string(&format!("Các chữ ký số của {agency}"))),
                ("Kids", Object::Array(kids)),
            ])),
        );
        parents.push(Object::Reference(parent));
    }
    // SignaturesExist: the file holds signature fields (signing software adds AppendOnly).
    let form = doc.add_object(Dictionary::from_iter([
        ("Fields", Object::Array(parents)),
        ("SigFlags", Object::Integer(1)),
    ]));
    doc.catalog_mut()
        .map_err(|e| fail("mục lục PDF", &e))?
        .set("AcroForm", Object::Reference(form));
    let mut out = Vec::with_capacity(pdf.len() + 8192);
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

/// One body's fields: its name (`stp`, `stp-2` for a second block), its signature block and
/// its rooms, signer first.
struct Body<'a> {
    name: String,
    block: Option<&'a SignatureView>,
    rooms: Vec<&'a SignatureRoom>,
}

/// The rooms grouped by body: the n-th room of an issuer and role belongs to the issuer's n-th
/// block. Bodies in the order of the signature blocks (those a house template marks without a
/// block after them, in layout order); within a body, the signer before the seal.
fn bodies<'a>(rooms: &'a [SignatureRoom], signatures: &[&'a SignatureView]) -> Vec<Body<'a>> {
    let mut keyed: Vec<((&str, usize), Vec<&SignatureRoom>)> = Vec::new();
    for (i, room) in rooms.iter().enumerate() {
        let nth = rooms[..i]
            .iter()
            .filter(|r| r.issuer == room.issuer && r.role == room.role)
            .count();
        let key = (room.issuer.as_str(), nth);
        match keyed.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push(room),
            None => keyed.push((key, vec![room])),
        }
    }
    let block_of = |(issuer, nth): (&str, usize)| {
        signatures
            .iter()
            .enumerate()
            .filter(|(_, s)| s.issuer == issuer)
            .nth(nth)
    };
    keyed.sort_by_key(|(key, _)| block_of(*key).map_or(usize::MAX, |(i, _)| i));
    keyed
        .into_iter()
        .map(|((issuer, nth), mut rooms)| {
            rooms.sort_by_key(|r| match r.role.as_str() {
                SIGNER => 0,
                SEAL => 1,
                _ => 2,
            });
            let base = if issuer.is_empty() { "chu-ky" } else { issuer };
            Body {
                name: match nth {
                    0 => base.to_owned(),
                    n => format!("{base}-{}", n + 1),
                },
                block: block_of((issuer, nth)).map(|(_, s)| *s),
                rooms,
            }
        })
        .collect()
}

/// The tooltip of a field (`/TU`), what signing software shows when it lists the fields.
fn tooltip(role: &str, block: Option<&SignatureView>) -> String {
    let Some(b) = block else {
        return "Chữ ký số".to_owned();
    };
    let s = &b.signing;
    let signer = [s.title.as_str(), s.name.as_str()]
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    match role {
        SEAL => format!(
            "Chữ ký số của cơ quan, tổ chức (hình con dấu): {}; ký sau chữ ký của {signer}",
            s.agency
        ),
        _ => format!("Chữ ký số của người ký: {signer}, {}", s.agency),
    }
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
