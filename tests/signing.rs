//! A PDF ready for signing and archiving, read back from its bytes: PDF/A-3b declared, the
//! spec attached as the source, metadata, one empty signature field per signer placed over the
//! room between title and name, the same bytes on every run, dates from the spec only.

mod common;
use common::*;
use lopdf::{Dictionary, Document, Object};
use std::path::Path;

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

const MM: f64 = 72.0 / 25.4;

/// The run of `text` on `page` that lies over the field's columns.
fn run_over<'a>(
    r: &'a Rendered,
    page: usize,
    text: &str,
    f: &fields::SigField,
) -> &'a vanban::pages::Run {
    r.pages
        .runs
        .iter()
        .filter(|x| x.page == page && collapse(&x.text) == collapse(text))
        .find(|x| x.x + x.width > f.left && x.x < f.right)
        .unwrap_or_else(|| panic!("{text:?} not over field {}", f.name))
}

#[test]
fn two_empty_signature_fields_per_body_the_signer_then_the_seal() {
    let r = render_file(&sample("quy-che-phoi-hop-pbgdpl-ba-ben.yaml"));
    let pdf = Document::load_mem(&r.pdf).unwrap();
    let form = fields::acroform(&pdf);
    assert_eq!(
        form.get(b"SigFlags").unwrap().as_i64().unwrap(),
        1,
        "SignaturesExist"
    );
    let all = fields::sig_fields(&pdf);
    // The signing order: bodies in the order of their blocks, the signer before the seal.
    let names: Vec<&str> = all.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "stp.ky", "stp.dau", "cat.ky", "cat.dau", "mttq.ky", "mttq.dau"
        ]
    );
    for pair in all.chunks(2) {
        let (signer, seal) = (&pair[0], &pair[1]);
        let id = signer.name.split('.').next().unwrap();
        let block = r.doc.signatures.iter().find(|s| s.issuer == id).unwrap();
        let spec_issuer = block.signing.agency.clone();
        for f in pair {
            let d = pdf.get_dictionary(f.id).unwrap();
            assert_eq!(name_of(d, b"FT"), "Sig");
            assert_eq!(name_of(d, b"Subtype"), "Widget");
            assert!(!f.signed, "the field must be empty");
            assert_eq!(d.get(b"F").unwrap().as_i64().unwrap() & 4, 4, "printable");
            assert!(d.get(b"AP").is_ok(), "PDF/A wants an appearance");
            assert!(
                f.tooltip.contains(&spec_issuer),
                "{}: {}",
                f.name,
                f.tooltip
            );
            assert!(
                f.tooltip.contains(&block.signing.name) && f.tooltip.contains(&block.signing.title),
                "{}: {}",
                f.name,
                f.tooltip
            );
        }
        assert!(
            signer.tooltip.starts_with("Chữ ký số của người ký"),
            "{}",
            signer.tooltip
        );
        assert!(seal.tooltip.contains("con dấu"), "{}", seal.tooltip);
        // The signer's field lies between the title and the name, centred on the name.
        let page = signer.page;
        let title = run_over(&r, page, block.title.plain.lines().last().unwrap(), signer);
        let name = run_over(&r, page, block.name.plain.lines().last().unwrap(), signer);
        assert!(
            signer.top >= title.y && signer.bottom <= name.y - 0.7 * name.size,
            "{} between title and name",
            signer.name
        );
        assert!(signer.height() >= 25.0 * MM, "room to sign");
        assert!(
            (signer.width() - 60.0 * MM).abs() < 0.1,
            "{}",
            signer.width()
        );
        let centre = (signer.left + signer.right) / 2.0;
        assert!(
            (centre - (name.x + name.width / 2.0)).abs() < 3.0,
            "centred on the block"
        );
        // The seal: a square at the seal's real size (36 mm by default), on the same page,
        // centred on the signer's field's height, over its left part (about a third; a little
        // more where the column leaves no room for the rest of the seal).
        assert_eq!(seal.page, page);
        assert!((seal.width() - 36.0 * MM).abs() < 0.1, "{}", seal.width());
        assert!(
            (seal.height() - seal.width()).abs() < 0.1,
            "round seal, square field"
        );
        let middle = |f: &fields::SigField| (f.top + f.bottom) / 2.0;
        assert!((middle(seal) - middle(signer)).abs() < 0.1);
        assert!(seal.left < signer.left && seal.right > signer.left);
        let covered = (seal.right - signer.left) / signer.width();
        assert!(
            (0.32..=0.45).contains(&covered),
            "{}: covers {covered}",
            seal.name
        );
        // Drawn over the signature: the seal's widget comes after the signer's on the page.
        let annots = pdf
            .get_dictionary(pdf.get_pages()[&(page as u32 + 1)])
            .unwrap();
        let annots = annots.get(b"Annots").unwrap().as_array().unwrap();
        let at = |f: &fields::SigField| {
            annots
                .iter()
                .position(|a| a.as_reference().unwrap() == f.id)
                .unwrap()
        };
        assert!(
            at(signer) < at(seal),
            "the seal is drawn over the signature"
        );
    }
}

#[test]
fn a_seal_takes_the_size_the_spec_gives_and_the_order_stays_that_of_the_blocks() {
    let text = std::fs::read_to_string(sample("thanh-hoa-stttt-hhdn.yaml"))
        .unwrap()
        .replace("    abbr: HHDN\n", "    abbr: HHDN\n    seal: 42\n");
    assert!(text.contains("seal: 42"));
    // The lead body signs on the right: the fields keep the order of the blocks.
    let r = render_yaml(&format!("{text}\nlayout: {{ lead_side: right }}\n"));
    let pdf = Document::load_mem(&r.pdf).unwrap();
    let all = fields::sig_fields(&pdf);
    let names: Vec<&str> = all.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["stttt.ky", "stttt.dau", "hhdn.ky", "hhdn.dau"]);
    assert!(
        all[0].left > all[2].left,
        "the lead body signs on the right"
    );
    assert!((all[1].width() - 36.0 * MM).abs() < 0.1, "default size");
    assert!(
        (all[3].width() - 42.0 * MM).abs() < 0.1,
        "the size the spec gives"
    );
    assert!((all[3].height() - 42.0 * MM).abs() < 0.1);
    assert!(
        all[1].left >= all[2].right,
        "a seal stays in its block's column"
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

/// poppler (`pdfinfo`, `pdfsig`) reads every PDF vanban writes without a complaint: the
/// samples and a bảng so sánh. Typst's `/MarkInfo << /Suspects false >>` made poppler up to
/// 25.11 print "Syntax Error: Suspects object is wrong type (boolean)" on every file.
#[test]
fn poppler_reads_every_output_without_a_complaint() {
    let install = "apt-get install poppler-utils; .ci/run installs it";
    if !tool_available(Path::new("pdfinfo"), "-v", install)
        || !tool_available(Path::new("pdfsig"), "-v", install)
    {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for entry in std::fs::read_dir(root().join("samples")).unwrap() {
        let spec = entry.unwrap().path();
        let out = render_cli(&spec, dir.path(), "pdf");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let pdf = dir
            .path()
            .join(spec.with_extension("pdf").file_name().unwrap());
        let bodies = render_file(&spec).doc.signatures.len();
        files.push((pdf, bodies));
    }
    let compared = dir.path().join("so-sanh.pdf");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["diff", "-f", "pdf", "-o"])
        .arg(&compared)
        .arg(sample("thanh-hoa-stttt-hhdn.yaml"))
        .arg(sample("soc-trang-sggp-2023-2025.yaml"))
        .output()
        .unwrap();
    assert!(
        compared.exists(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    files.push((compared, 0));
    for (pdf, bodies) in &files {
        for tool in ["pdfinfo", "pdfsig"] {
            let out = std::process::Command::new(tool).arg(pdf).output().unwrap();
            let stdout = String::from_utf8_lossy(&out.stdout);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(
                stderr.trim().is_empty(),
                "{tool} {}: {stderr}",
                pdf.display()
            );
            if tool == "pdfinfo" {
                assert!(out.status.success(), "{stdout}");
                assert!(stdout.contains("Tagged:          yes"), "{stdout}");
            } else if *bodies > 0 {
                // Two empty fields per body, each one listed by its full name.
                let empty = stdout
                    .matches("The signature form field is not signed.")
                    .count();
                assert_eq!(empty, 2 * bodies, "{stdout}");
                assert!(
                    stdout.contains(".ky\n") && stdout.contains(".dau\n"),
                    "{stdout}"
                );
            }
        }
    }
}
