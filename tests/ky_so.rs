//! Signing as a văn thư does, with a real signing tool: every field of every sample is signed by
//! pyHanko in the documented order (each body's signer, then its seal) with the documented
//! settings (docs/ky-so/ky-so.py: an image stamp, the signer's blue signature or the red seal),
//! using a throwaway CA and keys made for the run. Then every signature is validated by
//! pyHanko and by poppler's `pdfsig`, each stamp is found on the page inside its field (blue
//! ink in the signer's field, red ink spanning the seal's, read off the rasterised page), and
//! the signed file is still PDF/A-3b with every font embedded.
//!
//! Needs pyHanko (`VANBAN_PYHANKO`, or `pyhanko` on the PATH, with the `python3` of its
//! virtual environment beside it) and poppler-utils; `.ci/run` installs both. Without them the
//! test says it is skipped and passes (fails under `VANBAN_REQUIRE_TOOLS=1`). With
//! `VANBAN_KY_SO_PICTURE=1` it also redraws the manual's picture of a signed signature page
//! (docs/ky-so/trang-ky.png).

mod common;
use common::fields::{SigField, dict, sig_fields};
use common::*;
use lopdf::{Document, Object};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The pyHanko program and the Python beside it (its virtual environment's).
fn pyhanko() -> (PathBuf, PathBuf) {
    let program = std::env::var_os("VANBAN_PYHANKO")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::split_paths(&std::env::var_os("PATH")?)
                .map(|dir| dir.join("pyhanko"))
                .find(|p| p.is_file())
        })
        .unwrap_or_else(|| PathBuf::from("pyhanko"));
    let python = program
        .parent()
        .map(|dir| dir.join("python3"))
        .filter(|p| p.is_file())
        .unwrap_or_else(|| PathBuf::from("python3"));
    (program, python)
}

fn run(command: &mut Command) -> String {
    let out = command
        .output()
        .unwrap_or_else(|e| panic!("{command:?}: {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{command:?} failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// The role of a field from its name: `stp.ky` → `ky`.
fn role(field: &SigField) -> &str {
    field.name.rsplit('.').next().unwrap()
}

#[test]
fn every_field_of_every_sample_signs_validates_and_stays_pdf_a() {
    let (pyhanko, python) = pyhanko();
    let install = "python3 -m venv DIR && DIR/bin/pip install 'pyhanko[image-support]' \
                   pyhanko-cli; .ci/run installs it";
    let poppler = "apt-get install poppler-utils; .ci/run installs it";
    if !tool_available(&pyhanko, "--version", install)
        || !tool_available(Path::new("pdfsig"), "-v", poppler)
        || !tool_available(Path::new("pdftoppm"), "-v", poppler)
        || !tool_available(Path::new("pdffonts"), "-v", poppler)
    {
        return;
    }
    let config = root().join("docs/ky-so");
    let dir = tempfile::tempdir().unwrap();
    let keys = dir.path().join("keys");
    run(Command::new(&python)
        .arg(root().join("tests/ky-so/make-certs.py"))
        .arg(&keys));
    for spec in common::sample_files() {
        let out = render_cli(&spec, dir.path(), "pdf");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stem = spec.file_stem().unwrap().to_string_lossy().into_owned();
        let unsigned = dir.path().join(format!("{stem}.pdf"));
        let fields = sig_fields(&Document::load(&unsigned).unwrap());
        let bodies = render_file(&spec).doc.signatures.len();
        assert_eq!(fields.len(), 2 * bodies, "{stem}: two fields per body");
        let mut file = unsigned.clone();
        for (k, field) in fields.iter().enumerate() {
            let (image, who) = match role(field) {
                "ky" => ("chu-ky.png", "nguoi-ky"),
                "dau" => ("dau.png", "co-quan"),
                other => panic!("{stem}: field {} of unknown role {other}", field.name),
            };
            let next = dir.path().join(format!("{stem}-{k}.pdf"));
            run(Command::new(&python)
                .arg(config.join("ky-so.py"))
                .args(["--field", &field.name, "--image"])
                .arg(config.join(image))
                .arg("--key")
                .arg(keys.join(format!("{who}.key.pem")))
                .arg("--cert")
                .arg(keys.join(format!("{who}.cert.pem")))
                .arg(&file)
                .arg(&next));
            file = next;
        }
        let signed = file;
        let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
        validated_by_pyhanko(&pyhanko, &keys.join("ca.pem"), &signed, &names);
        validated_by_pdfsig(&signed, &names);
        stamps_lie_in_their_fields(&signed, &fields, dir.path());
        still_pdf_a(&signed);
        if stem.starts_with("thanh-hoa") && std::env::var("VANBAN_KY_SO_PICTURE").is_ok() {
            picture(&signed, &fields);
        }
    }
}

/// pyHanko's validator: every field, in order, VALID (intact, trusted against the test CA, and
/// every later revision only signing and form filling).
fn validated_by_pyhanko(pyhanko: &Path, ca: &Path, signed: &Path, names: &[&str]) {
    let out = run(Command::new(pyhanko)
        .args(["sign", "validate", "--trust"])
        .arg(ca)
        .args(["--trust-replace", "--executive-summary"])
        .arg(signed));
    let lines: Vec<(&str, &str)> = out
        .lines()
        .map(|l| {
            let (name, rest) = l.split_once(':').unwrap();
            (name, rest.rsplit(':').next().unwrap())
        })
        .collect();
    assert_eq!(
        lines.iter().map(|l| l.0).collect::<Vec<_>>(),
        names,
        "{out}"
    );
    assert!(lines.iter().all(|l| l.1 == "VALID"), "{out}");
}

/// poppler's `pdfsig`: every signature valid, listed under its field's full name, the last one
/// covering the whole file.
fn validated_by_pdfsig(signed: &Path, names: &[&str]) {
    let out = Command::new("pdfsig").arg(signed).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.trim().is_empty(), "pdfsig complains: {stderr}");
    let listed: Vec<&str> = stdout
        .lines()
        .filter_map(|l| l.trim().strip_prefix("- Signature Field Name: "))
        .collect();
    assert_eq!(listed, names, "{stdout}");
    assert_eq!(
        stdout
            .matches("Signature Validation: Signature is Valid.")
            .count(),
        names.len(),
        "{stdout}"
    );
    assert!(!stdout.contains("not signed"), "{stdout}");
    assert_eq!(
        stdout.matches("Total document signed").count(),
        1,
        "{stdout}"
    );
}

/// A page rasterised at 72 dpi (one pixel a point), as RGB rows.
struct Raster {
    width: usize,
    height: usize,
    rgb: Vec<u8>,
}

impl Raster {
    fn read(pdf: &Path, page: usize, dir: &Path) -> Raster {
        let prefix = dir.join(format!("page-{page}"));
        let n = (page + 1).to_string();
        run(Command::new("pdftoppm")
            .args(["-r", "72", "-f", &n, "-l", &n, "-singlefile"])
            .arg(pdf)
            .arg(&prefix));
        let bytes = std::fs::read(prefix.with_extension("ppm")).unwrap();
        // "P6\n<w> <h>\n255\n" then the pixels.
        let mut fields = Vec::new();
        let mut at = 0;
        while fields.len() < 4 {
            while bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            let start = at;
            while !bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            fields.push(String::from_utf8_lossy(&bytes[start..at]).into_owned());
        }
        assert_eq!(fields[0], "P6");
        Raster {
            width: fields[1].parse().unwrap(),
            height: fields[2].parse().unwrap(),
            rgb: bytes[at + 1..].to_vec(),
        }
    }

    /// The pixels of one ink: the signature's blue or the seal's red (anti-aliased edges, which
    /// blend with the paper, are left out).
    fn ink(&self, blue: bool) -> Vec<(f64, f64)> {
        let mut out = Vec::new();
        for y in 0..self.height {
            for x in 0..self.width {
                let p = &self.rgb[3 * (y * self.width + x)..][..3];
                let (r, g, b) = (p[0] as i32, p[1] as i32, p[2] as i32);
                let hit = if blue {
                    b > 140 && r < 90 && g < 110
                } else {
                    r > 170 && g < 90 && b < 90
                };
                if hit {
                    out.push((x as f64 + 0.5, y as f64 + 0.5));
                }
            }
        }
        out
    }
}

/// Every stamp where its field is: each page with fields rasterised, the blue signature ink
/// lies only inside signers' fields and fills a good part of each, the red seal ink only
/// inside seals' fields and spans each one (the seal drawn at its real size).
fn stamps_lie_in_their_fields(signed: &Path, fields: &[SigField], dir: &Path) {
    let mut pages: Vec<usize> = fields.iter().map(|f| f.page).collect();
    pages.dedup();
    for page in pages {
        let raster = Raster::read(signed, page, dir);
        for (blue, role_name) in [(true, "ky"), (false, "dau")] {
            let mine: Vec<&SigField> = fields
                .iter()
                .filter(|f| f.page == page && role(f) == role_name)
                .collect();
            let ink = raster.ink(blue);
            let inside = |f: &SigField, (x, y): (f64, f64)| {
                x >= f.left - 1.0 && x <= f.right + 1.0 && y >= f.top - 1.0 && y <= f.bottom + 1.0
            };
            let stray: Vec<_> = ink
                .iter()
                .filter(|p| !mine.iter().any(|f| inside(f, **p)))
                .take(5)
                .collect();
            assert!(
                stray.is_empty(),
                "page {}: {role_name} ink outside its fields at {stray:?}",
                page + 1
            );
            for f in mine {
                let own: Vec<_> = ink.iter().filter(|p| inside(f, **p)).collect();
                assert!(
                    own.len() > 100,
                    "{}: no stamp drawn ({} px)",
                    f.name,
                    own.len()
                );
                let (min, max) = own.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| {
                    (lo.min(p.0), hi.max(p.0))
                });
                let (top, bottom) = own.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| {
                    (lo.min(p.1), hi.max(p.1))
                });
                if blue {
                    // The signature image fills the field's width (2:1 like the field).
                    assert!(max - min > 0.6 * f.width(), "{}: {min}–{max}", f.name);
                } else {
                    // The seal's outer ring touches the field's four sides.
                    for (got, want) in [
                        (min, f.left),
                        (max, f.right),
                        (top, f.top),
                        (bottom, f.bottom),
                    ] {
                        assert!(
                            (got - want).abs() < 3.0,
                            "{}: seal edge {got}, field {want}",
                            f.name
                        );
                    }
                }
            }
        }
    }
}

/// PDF/A-3b after signing: the declaration is still in the metadata of the signed revision,
/// every font any page or stamp uses is embedded (checked in the objects and by `pdffonts`),
/// every annotation is printable and has an appearance.
fn still_pdf_a(signed: &Path) {
    let pdf = Document::load(signed).unwrap();
    let catalog = pdf.catalog().unwrap();
    let id = catalog.get(b"Metadata").unwrap().as_reference().unwrap();
    let stream = pdf.get_object(id).unwrap().as_stream().unwrap();
    let xmp = String::from_utf8(
        stream
            .decompressed_content()
            .unwrap_or(stream.content.clone()),
    )
    .unwrap();
    assert!(
        xmp.contains("<pdfaid:part>3</pdfaid:part>") || xmp.contains("pdfaid:part=\"3\""),
        "{xmp}"
    );
    let mut fonts = 0;
    for object in pdf.objects.values() {
        let Ok(d) = object
            .as_dict()
            .or_else(|_| object.as_stream().map(|s| &s.dict))
        else {
            continue;
        };
        let name = |key: &[u8]| d.get(key).and_then(Object::as_name).ok();
        if name(b"Type") != Some(&b"Font"[..]) {
            continue;
        }
        fonts += 1;
        let subtype = name(b"Subtype").unwrap();
        if subtype == b"Type3" || subtype == b"Type0" {
            continue; // Type0 fonts are checked through their descendant, a font object too
        }
        let descriptor = dict(
            &pdf,
            d.get(b"FontDescriptor").unwrap_or_else(|_| {
                panic!(
                    "font {:?} without a descriptor: not embedded",
                    d.get(b"BaseFont")
                )
            }),
        );
        assert!(
            [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
                .iter()
                .any(|k| descriptor.get(k).is_ok()),
            "font {:?} not embedded",
            d.get(b"BaseFont")
        );
        if subtype == b"CIDFontType2" {
            assert!(d.get(b"CIDToGIDMap").is_ok(), "PDF/A wants a CIDToGIDMap");
        }
    }
    assert!(fonts >= 4, "the text's fonts were found");
    let out = run(Command::new("pdffonts").arg(signed));
    for line in out.lines().skip(2) {
        let columns: Vec<&str> = line.split_whitespace().collect();
        let emb = columns[columns.len() - 5];
        assert_eq!(emb, "yes", "pdffonts: font not embedded: {line}");
    }
    for (_, page) in pdf.get_pages() {
        let page = pdf.get_dictionary(page).unwrap();
        let Ok(annots) = page.get(b"Annots") else {
            continue;
        };
        for a in annots.as_array().unwrap() {
            let a = dict(&pdf, a);
            let flags = a.get(b"F").unwrap().as_i64().unwrap();
            assert_eq!(flags & 4, 4, "printable");
            assert_eq!(flags & (1 | 2 | 32), 0, "not hidden");
            assert!(dict(&pdf, a.get(b"AP").unwrap()).get(b"N").is_ok());
        }
    }
}

/// The manual's picture: the signed signature page, cropped to the blocks, at 110 dpi.
fn picture(signed: &Path, fields: &[SigField]) {
    let page = fields[0].page;
    let top = fields.iter().map(|f| f.top).fold(f64::MAX, f64::min) - 42.0;
    let bottom = fields.iter().map(|f| f.bottom).fold(f64::MIN, f64::max) + 22.0;
    let scale = 110.0 / 72.0;
    let n = (page + 1).to_string();
    let out = root().join("docs/ky-so/trang-ky");
    run(Command::new("pdftoppm")
        .args(["-png", "-r", "110", "-f", &n, "-l", &n, "-singlefile"])
        .args(["-x", "0", "-y", &((top * scale) as i64).to_string()])
        .args(["-W", &((595.0 * scale) as i64).to_string()])
        .args(["-H", &(((bottom - top) * scale) as i64).to_string()])
        .arg(signed)
        .arg(&out));
}
