//! A PDF ready for signing and archiving, read back from its bytes: PDF/A-3b declared, the
//! spec attached as the source, metadata, one empty signature field per signer placed over the
//! room between title and name, the same bytes on every run, dates from the spec only.

mod common;
use common::*;
use lopdf::{Dictionary, Document, Object};

fn dict<'a>(pdf: &'a Document, object: &'a Object) -> &'a Dictionary {
    match object {
        Object::Reference(id) => pdf.get_dictionary(*id).unwrap(),
        Object::Dictionary(d) => d,
        other => panic!("not a dictionary: {other:?}"),
    }
}

fn name_of(d: &Dictionary, key: &[u8]) -> String {
    String::from_utf8_lossy(d.get(key).unwrap().as_name().unwrap()).into_owned()
}

/// A PDF text string (UTF-16BE with BOM, or PDFDocEncoding for ASCII).
fn text_of(object: &Object) -> String {
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

fn xmp(pdf: &Document) -> String {
    let catalog = pdf.catalog().unwrap();
    let id = catalog.get(b"Metadata").unwrap().as_reference().unwrap();
    let stream = pdf.get_object(id).unwrap().as_stream().unwrap();
    String::from_utf8(
        stream
            .decompressed_content()
            .unwrap_or(stream.content.clone()),
    )
    .unwrap()
}

#[test]
fn pdf_declares_pdf_a_3b_and_carries_its_metadata() {
    let r = render_file(&sample("thanh-hoa-stttt-hhdn.yaml"));
    let pdf = Document::load_mem(&r.pdf).unwrap();
    let xmp = xmp(&pdf);
    assert!(
        xmp.contains("<pdfaid:part>3</pdfaid:part>") || xmp.contains("pdfaid:part=\"3\""),
        "{xmp}"
    );
    assert!(
        xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>")
            || xmp.contains("pdfaid:conformance=\"B\""),
        "{xmp}"
    );
    assert!(
        xmp.contains("Sở Thông tin và Truyền thông"),
        "issuer as author"
    );
    assert!(xmp.contains("Hiệp hội Doanh nghiệp tỉnh Thanh Hóa"));
    assert!(xmp.contains("CHƯƠNG TRÌNH PHỐI HỢP"), "title");
    let catalog = pdf.catalog().unwrap();
    assert_eq!(text_of(catalog.get(b"Lang").unwrap()), "vi");
    let intents = match catalog.get(b"OutputIntents").unwrap() {
        Object::Reference(id) => pdf.get_object(*id).unwrap().as_array().unwrap(),
        other => other.as_array().unwrap(),
    };
    assert!(!intents.is_empty(), "PDF/A needs an output intent");
}

#[test]
fn the_spec_is_attached_as_the_source_of_the_pdf() {
    let path = sample("soc-trang-sggp-2023-2025.yaml");
    let r = render_file(&path);
    let pdf = Document::load_mem(&r.pdf).unwrap();
    let catalog = pdf.catalog().unwrap();
    let files = catalog.get(b"AF").unwrap().as_array().unwrap();
    assert_eq!(files.len(), 1, "one associated file");
    let spec = dict(&pdf, &files[0]);
    assert_eq!(name_of(spec, b"AFRelationship"), "Source");
    assert_eq!(
        text_of(spec.get(b"UF").unwrap()),
        "soc-trang-sggp-2023-2025.yaml"
    );
    let ef = dict(&pdf, spec.get(b"EF").unwrap());
    let id = ef.get(b"F").unwrap().as_reference().unwrap();
    let stream = pdf.get_object(id).unwrap().as_stream().unwrap();
    assert_eq!(name_of(&stream.dict, b"Subtype"), "application/yaml");
    let content = stream
        .decompressed_content()
        .unwrap_or(stream.content.clone());
    let original = std::fs::read_to_string(&path).unwrap();
    assert_eq!(String::from_utf8(content).unwrap(), original);
}

#[test]
fn one_empty_signature_field_per_signer_over_the_room_to_sign() {
    let r = render_file(&sample("quy-che-phoi-hop-pbgdpl-ba-ben.yaml"));
    let pdf = Document::load_mem(&r.pdf).unwrap();
    let form = dict(&pdf, pdf.catalog().unwrap().get(b"AcroForm").unwrap());
    let fields = form.get(b"Fields").unwrap().as_array().unwrap();
    let pages: Vec<_> = pdf.get_pages().into_values().collect();
    let mut names = Vec::new();
    for field in fields {
        let id = field.as_reference().unwrap();
        let f = pdf.get_dictionary(id).unwrap();
        assert_eq!(name_of(f, b"FT"), "Sig");
        assert_eq!(name_of(f, b"Subtype"), "Widget");
        assert!(f.get(b"V").is_err(), "the field must be empty");
        assert_eq!(f.get(b"F").unwrap().as_i64().unwrap() & 4, 4, "printable");
        assert!(f.get(b"AP").is_ok(), "PDF/A wants an appearance");
        let name = text_of(f.get(b"T").unwrap());
        // The field lies on its page's /Annots, between the signer's title and name.
        let page_id = f.get(b"P").unwrap().as_reference().unwrap();
        let page = pages.iter().position(|p| *p == page_id).unwrap();
        let annots = pdf.get_dictionary(page_id).unwrap().get(b"Annots").unwrap();
        assert!(annots.as_array().unwrap().contains(&Object::Reference(id)));
        let rect: Vec<f64> = f
            .get(b"Rect")
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_float().unwrap() as f64)
            .collect();
        let height = r.pages.sizes[page].1;
        let (top, bottom) = (height - rect[3], height - rect[1]);
        let block = r.doc.signatures.iter().find(|s| s.issuer == name).unwrap();
        let title = block.title.plain.lines().last().unwrap();
        let signer = block.name.plain.lines().last().unwrap();
        let find = |t: &str| {
            r.pages
                .runs
                .iter()
                .filter(|x| x.page == page && collapse(&x.text) == collapse(t))
                .find(|x| x.x + x.width > rect[0] && x.x < rect[2])
                .unwrap_or_else(|| panic!("{t:?} not over field {name}"))
        };
        let (t, n) = (find(title), find(signer));
        assert!(
            top >= t.y && bottom <= n.y - 0.7 * n.size,
            "field {name} between title and name"
        );
        assert!(bottom - top >= 25.0 * 72.0 / 25.4, "room to sign");
        let centre = (rect[0] + rect[2]) / 2.0;
        assert!(
            (centre - (n.x + n.width / 2.0)).abs() < 3.0,
            "centred on the block"
        );
        names.push(name);
    }
    let mut ids: Vec<String> = r.doc.signatures.iter().map(|s| s.issuer.clone()).collect();
    names.sort();
    ids.sort();
    assert_eq!(
        names, ids,
        "one field per signer, named after the issuer id"
    );
}

#[test]
fn the_same_spec_gives_the_same_bytes_and_dates_come_from_the_spec() {
    let path = sample("quy-che-phoi-hop-pbgdpl-ba-ben.yaml");
    let a = render_file(&path).pdf;
    let b = render_file(&path).pdf;
    assert!(a == b, "two renders differ");
    let info = |bytes: &[u8]| {
        let pdf = Document::load_mem(bytes).unwrap();
        let id = pdf.trailer.get(b"Info").unwrap().as_reference().unwrap();
        text_of(
            pdf.get_dictionary(id)
                .unwrap()
                .get(b"CreationDate")
                .unwrap(),
        )
    };
    // No date yet: 1 January of the document's year, Vietnam time.
    assert_eq!(info(&a), "D:20260101000000+07'00");
    let dated = std::fs::read_to_string(&path)
        .unwrap()
        .replace("year: 2026", "date: 2026-03-05");
    let r = try_render_yaml(&dated).unwrap();
    assert_eq!(info(&r.pdf), "D:20260305000000+07'00");
}

#[test]
fn without_number_and_date_the_pdf_leaves_room_to_write_them() {
    let r = render_file(&sample("quy-che-phoi-hop-pbgdpl-ba-ben.yaml"));
    assert!(r.doc.number.is_none() && r.doc.date.is_none());
    let line = r
        .pages
        .lines()
        .into_iter()
        .find(|l| l.text().starts_with("Số:"))
        .unwrap();
    let text = line.text();
    assert!(text.contains("/QC-STP-CAT-UBMTTQ"), "{text}");
    assert!(text.contains("ngày") && text.contains("tháng") && text.contains("năm 2026"));
    // The appendix repeats the blanks in its "(Kèm theo …)" line.
    let attached = r
        .pages
        .lines()
        .into_iter()
        .find(|l| l.text().starts_with("(Kèm theo Quy chế phối hợp số"))
        .expect("Kèm theo line");
    let runs = &attached.runs;
    let gaps = runs
        .windows(2)
        .filter(|w| w[1].x - (w[0].x + w[0].width) > 8.0 * 72.0 / 25.4)
        .count();
    assert!(
        gaps >= 3,
        "room for number, day and month: {}",
        attached.text()
    );
    assert!(runs.iter().all(|x| x.italic));
}
