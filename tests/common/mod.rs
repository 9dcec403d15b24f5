//! Helpers shared by the integration tests: rendering specs, reading laid-out text back.
#![allow(dead_code)]

pub mod fields;
pub mod scale;
pub mod seeds;

use std::path::{Path, PathBuf};
use vanban::document::Document;
use vanban::pages::Pages;
use vanban::pipeline::{self, Options};
use vanban::render::Format;

/// Everything one render produces, kept for the assertions.
pub struct Rendered {
    pub doc: Document,
    pub typ: String,
    pub md: String,
    pub pages: Pages,
    pub pdf: Vec<u8>,
}

/// Runs `vanban render SPEC -o OUT -f FORMATS` and returns what it did.
pub fn render_cli(spec: &Path, out: &Path, formats: &str) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args([
            "render",
            spec.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "-f",
            formats,
        ])
        .output()
        .expect("binary runs")
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every sample spec (`samples/*.yaml`), sorted by name.
pub fn sample_files() -> Vec<PathBuf> {
    let mut all: Vec<PathBuf> = std::fs::read_dir(root().join("samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    all.sort();
    assert!(all.len() >= 6, "the samples are there");
    all
}

pub fn sample(name: &str) -> PathBuf {
    root().join("samples").join(name)
}

/// Loads, numbers and renders a spec file through the library, as `vanban render` does.
pub fn render_file(path: &Path) -> Rendered {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{name}: {e}"));
    render_text(&name, &text)
}

/// Renders a spec given as YAML text.
pub fn render_yaml(yaml: &str) -> Rendered {
    render_text("test.yaml", yaml)
}

/// Renders a spec given as YAML text, or returns the error that stopped it: a spec that does
/// not load or number. Findings of the other rules do not stop it, so that layouts can be
/// tested with text `vanban check` would refuse (`vanban render` refuses it; tests/cli.rs).
pub fn try_render_yaml(yaml: &str) -> Result<Rendered, vanban::error::Error> {
    try_render("test.yaml", yaml)
}

fn render_text(name: &str, text: &str) -> Rendered {
    try_render(name, text).unwrap_or_else(|e| panic!("{e}"))
}

fn try_render(name: &str, text: &str) -> Result<Rendered, vanban::error::Error> {
    let formats = [Format::Pdf, Format::Md, Format::Typ];
    let composed = pipeline::compose_text(name, text)?;
    let made = pipeline::outputs(composed, &formats, &Options::default())?;
    Ok(Rendered {
        pages: Pages::read(made.paged.as_ref().expect("laid out")),
        doc: made.doc,
        typ: made.typ,
        md: made.md.expect("markdown"),
        pdf: made.pdf.expect("pdf"),
    })
}

/// Collapses every run of white space to one space.
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of the laid-out pages in reading order, page numbers (in the top margin) left out.
pub fn pdf_text(pages: &Pages) -> String {
    const TOP_MARGIN: f64 = 20.0 * 72.0 / 25.4;
    let lines: Vec<String> = pages
        .lines()
        .iter()
        .filter(|l| l.y > TOP_MARGIN)
        .map(|l| l.text())
        .collect();
    collapse(&lines.join(" "))
}

/// The text of the laid-out pages read column by column: where runs stand apart on the left
/// and right (header, signature blocks), each column is read down before the other.
pub fn pdf_text_by_columns(pages: &Pages) -> String {
    const TOP_MARGIN: f64 = 20.0 * 72.0 / 25.4;
    let mut out: Vec<String> = Vec::new();
    let (mut left, mut right): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    for line in pages.lines().iter().filter(|l| l.y > TOP_MARGIN) {
        let width = pages.sizes[line.page].0;
        let mid = (85.0 + width - 42.5) / 2.0;
        let mut clusters: Vec<vanban::pages::Line> = Vec::new();
        for run in &line.runs {
            match clusters.last_mut() {
                Some(c) if run.x - c.right() < run.size => c.runs.push(run.clone()),
                _ => clusters.push(vanban::pages::Line {
                    page: line.page,
                    y: line.y,
                    runs: vec![run.clone()],
                }),
            }
        }
        // Two blocks side by side on a line are the two columns, even where the right one
        // reaches past the middle (the Quốc hiệu); one block across the middle is full width.
        let beside = clusters.len() > 1;
        for (k, c) in clusters.into_iter().enumerate() {
            if beside {
                if k == 0 {
                    left.push(c.text())
                } else {
                    right.push(c.text())
                }
            } else if c.left() < mid && c.right() > mid {
                out.append(&mut left);
                out.append(&mut right);
                out.push(c.text());
            } else if c.right() <= mid {
                left.push(c.text());
            } else {
                right.push(c.text());
            }
        }
    }
    out.append(&mut left);
    out.append(&mut right);
    collapse(&out.join(" "))
}

/// The text a Markdown reader sees: what pulldown-cmark reads back, block by block.
pub fn md_text(md: &str) -> String {
    use pulldown_cmark::{Event, Parser};
    let mut out = String::new();
    for event in Parser::new(md) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => out.push(' '),
            _ => {}
        }
    }
    collapse(&out)
}

/// Whether an outside program the tests use (poppler's `pdfinfo`, pyHanko…) runs here. When it
/// does not, the test prints why it is skipped and passes, unless `VANBAN_REQUIRE_TOOLS=1`
/// (set by `.ci/run`, which installs them): then a missing tool fails the test.
pub fn tool_available(program: &Path, probe: &str, install: &str) -> bool {
    let runs = std::process::Command::new(program)
        .arg(probe)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok();
    if !runs {
        let message = format!("`{}` not found ({install})", program.display());
        if std::env::var("VANBAN_REQUIRE_TOOLS").is_ok_and(|v| v == "1") {
            panic!("{message}, and VANBAN_REQUIRE_TOOLS=1 requires it");
        }
        eprintln!("skipped: {message}");
    }
    runs
}

/// The command that runs LibreOffice headless (Debian's libreoffice-writer-nogui), and how to
/// install it, for [`tool_available`].
pub const SOFFICE: (&str, &str) = ("soffice", "Debian: libreoffice-writer-nogui");

/// LibreOffice converts `input` to `filter` ("pdf", "docx") in `out`, as a user's "Save as"
/// does; the new file's path. Its profile and font cache live in `out`/../, and fontconfig is
/// pointed at the repository's `fonts/` too, so Times New Roman is replaced by the
/// metric-compatible Liberation Serif (fontconfig's own alias) even where no such font is
/// installed.
pub fn libreoffice(input: &Path, out: &Path, filter: &str) -> PathBuf {
    let work = tempfile::tempdir().unwrap();
    let conf = work.path().join("fonts.conf");
    std::fs::write(
        &conf,
        format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\n\
             <include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>\n\
             <dir>{}</dir>\n<cachedir>{}</cachedir>\n</fontconfig>\n",
            root().join("fonts").display(),
            work.path().join("fontcache").display()
        ),
    )
    .unwrap();
    let run = std::process::Command::new(SOFFICE.0)
        .env("FONTCONFIG_FILE", &conf)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            work.path().join("profile").display()
        ))
        .args(["--headless", "--convert-to", filter, "--outdir"])
        .arg(out)
        .arg(input)
        .output()
        .expect("soffice runs");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let made = out.join(input.with_extension(filter).file_name().unwrap());
    assert!(
        made.exists(),
        "LibreOffice made no {}: {}",
        made.display(),
        String::from_utf8_lossy(&run.stderr)
    );
    made
}
