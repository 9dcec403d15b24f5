//! The signature fields of a PDF, read back with lopdf in the order of the AcroForm's field
//! tree (the order they are to be signed in).

use lopdf::{Dictionary, Document, Object, ObjectId};

/// One signature field as a signing tool sees it.
#[derive(Debug, Clone)]
pub struct SigField {
    /// The full name, parents first: `stp.ky`.
    pub name: String,
    /// The object of the field (merged with its widget).
    pub id: ObjectId,
    /// 0-based page index of its widget.
    pub page: usize,
    /// Left, top, right, bottom in points from the page's top-left corner.
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
    /// The tooltip (`/TU`).
    pub tooltip: String,
    /// Whether it holds a signature (`/V`).
    pub signed: bool,
}

impl SigField {
    pub fn width(&self) -> f64 {
        self.right - self.left
    }
    pub fn height(&self) -> f64 {
        self.bottom - self.top
    }
}

/// A PDF text string (UTF-16BE with BOM, or PDFDocEncoding for ASCII).
pub fn text_of(object: &Object) -> String {
    let bytes = object.as_str().unwrap();
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => String::from_utf16(
            &utf16
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect::<Vec<_>>(),
        )
        .unwrap(),
        None => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// A dictionary given directly or by reference.
pub fn dict<'a>(pdf: &'a Document, object: &'a Object) -> &'a Dictionary {
    match object {
        Object::Reference(id) => pdf.get_dictionary(*id).unwrap(),
        Object::Dictionary(d) => d,
        other => panic!("not a dictionary: {other:?}"),
    }
}

/// The AcroForm dictionary.
pub fn acroform(pdf: &Document) -> &Dictionary {
    dict(pdf, pdf.catalog().unwrap().get(b"AcroForm").unwrap())
}

/// Every signature field, depth first in field-tree order.
pub fn sig_fields(pdf: &Document) -> Vec<SigField> {
    let pages: Vec<ObjectId> = pdf.get_pages().into_values().collect();
    let mut out = Vec::new();
    let fields = acroform(pdf).get(b"Fields").unwrap().as_array().unwrap();
    for f in fields {
        walk(pdf, f.as_reference().unwrap(), "", &pages, &mut out);
    }
    out
}

fn walk(pdf: &Document, id: ObjectId, parent: &str, pages: &[ObjectId], out: &mut Vec<SigField>) {
    let d = pdf.get_dictionary(id).unwrap();
    let part = d.get(b"T").map(text_of).unwrap_or_default();
    let name = if parent.is_empty() {
        part
    } else {
        format!("{parent}.{part}")
    };
    if let Ok(kids) = d.get(b"Kids") {
        for kid in kids.as_array().unwrap() {
            walk(pdf, kid.as_reference().unwrap(), &name, pages, out);
        }
        return;
    }
    if d.get(b"FT").and_then(Object::as_name).ok() != Some(&b"Sig"[..]) {
        return;
    }
    let page_id = d.get(b"P").unwrap().as_reference().unwrap();
    let page = pages.iter().position(|p| *p == page_id).unwrap();
    let mediabox = pdf
        .get_dictionary(page_id)
        .unwrap()
        .get(b"MediaBox")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_float().unwrap() as f64)
        .collect::<Vec<_>>();
    let height = mediabox[3] - mediabox[1];
    let rect: Vec<f64> = d
        .get(b"Rect")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_float().unwrap() as f64)
        .collect();
    out.push(SigField {
        name,
        id,
        page,
        left: rect[0].min(rect[2]),
        right: rect[0].max(rect[2]),
        top: height - rect[1].max(rect[3]),
        bottom: height - rect[1].min(rect[3]),
        tooltip: d.get(b"TU").map(text_of).unwrap_or_default(),
        signed: d.get(b"V").is_ok(),
    });
}
