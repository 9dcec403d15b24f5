//! House templates: a folder given with `--templates` (or `templates/` beside the spec) replaces
//! embedded templates by name, replaces the style file, or adds `typst/house.typ` after it; the
//! province example changes the signature layout, and read back from the pages it does.

mod common;
use common::*;
use std::process::Command;
use vanban::pipeline::{self, Options};
use vanban::render::{FontSet, Format, Templates};

fn vanban(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_province_example_signs_three_parties_on_one_row() {
    let house = Templates::load(&root().join("templates/house-examples/nghe-an")).unwrap();
    let path = sample("quy-che-phoi-hop-pbgdpl-ba-ben.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let options = Options {
        fonts: FontSet::embedded(),
        templates: Some(&house),
        ..Options::default()
    };
    let composed = pipeline::signable("ba-ben.yaml", &text).unwrap();
    let made = pipeline::outputs(composed, &[Format::Pdf], &options).unwrap();
    let pages = vanban::pages::Pages::read(made.paged.as_ref().unwrap());
    let names: Vec<&vanban::pages::Run> = made
        .doc
        .signatures
        .iter()
        .map(|s| {
            let name = s.name.plain.lines().last().unwrap().to_owned();
            pages
                .runs
                .iter()
                .rfind(|r| r.text == name || r.text.ends_with(&name))
                .unwrap()
        })
        .collect();
    assert!(
        names.iter().all(|n| (n.y - names[0].y).abs() < 0.5),
        "one row"
    );
    assert!(
        names[0].x < names[1].x && names[1].x < names[2].x,
        "three columns"
    );
    let width = pages.sizes[names[0].page].0;
    assert!(
        names[2].x > width / 2.0 + 40.0,
        "the third block in the right third"
    );
    assert_eq!(
        pages.signature_rooms.len(),
        6,
        "signature fields still placed: the signer's and the seal's of each body"
    );
    // Nơi nhận below the row at the left margin, not beside a block.
    let heading = pages
        .runs
        .iter()
        .find(|r| r.text.starts_with("Nơi nhận"))
        .unwrap();
    assert!(heading.y > names[0].y && (heading.x - 30.0 * 72.0 / 25.4).abs() < 1.0);
    // Without the house folder the same spec keeps two blocks to a row.
    let plain = render_file(&path);
    let last = plain.doc.signatures[2].name.plain.clone();
    let first = plain.doc.signatures[0].name.plain.clone();
    let y = |t: &str| {
        plain
            .pages
            .runs
            .iter()
            .rfind(|r| r.text.ends_with(t))
            .unwrap()
            .y
    };
    assert!(y(&last) > y(&first) + 20.0);
}

#[test]
fn a_templates_folder_beside_the_spec_overrides_by_name_and_unknown_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("vb.yaml");
    std::fs::copy(sample("thanh-hoa-stttt-hhdn.yaml"), &spec).unwrap();
    let house = dir.path().join("templates/markdown");
    std::fs::create_dir_all(&house).unwrap();
    let ending = std::fs::read_to_string(root().join("templates/markdown/ending.md.tera")).unwrap();
    std::fs::write(
        house.join("ending.md.tera"),
        ending.replace("***Nơi nhận:***", "***Nơi nhận (mẫu riêng):***"),
    )
    .unwrap();
    let out = dir.path().join("out");
    let o = common::render_cli(&spec, &out, "md");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let md = std::fs::read_to_string(out.join("vb.md")).unwrap();
    assert!(md.contains("***Nơi nhận (mẫu riêng):***"));
    // A misspelt file name is an error naming it and listing what can be replaced.
    std::fs::write(house.join("ending.md"), "x").unwrap();
    let o = vanban(&[
        "render",
        spec.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("markdown/ending.md") && err.contains("markdown/ending.md.tera"),
        "{err}"
    );
    assert!(
        err.contains("typst/house.typ") && err.contains("typst/nd30.typ"),
        "{err}"
    );
}

#[test]
fn a_broken_house_template_is_an_error_naming_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("typst")).unwrap();
    std::fs::write(
        dir.path().join("typst/ending.typ.tera"),
        "{% macro ending( %}",
    )
    .unwrap();
    let o = vanban(&[
        "render",
        sample("thanh-hoa-stttt-hhdn.yaml").to_str().unwrap(),
        "--templates",
        dir.path().to_str().unwrap(),
        "-o",
        dir.path().join("out").to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("lỗi mẫu trình bày") && err.contains(&dir.path().display().to_string()),
        "{err}"
    );
    assert!(!dir.path().join("out").exists(), "nothing written");
}

/// A house folder beside a copy of the Thanh Hóa sample whose Nơi nhận templates print each
/// recipient as `line` gives it (from the embedded templates, with `{{ r | typst }}` and
/// `{{ r | md }}` replaced); renders `-f typ,md` and returns the exit status, the Typst
/// source, the Markdown and the error output.
fn with_recipients_printed(typst: &str, md: &str) -> (Option<i32>, String, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("vb.yaml");
    std::fs::copy(sample("thanh-hoa-stttt-hhdn.yaml"), &spec).unwrap();
    for (file, filtered, replaced) in [
        ("typst/ending.typ.tera", "{{ r | typst }}", typst),
        ("markdown/ending.md.tera", "{{ r | md }}", md),
    ] {
        let embedded = std::fs::read_to_string(root().join("templates").join(file)).unwrap();
        assert!(embedded.contains(filtered), "{file} prints {filtered}");
        let house = dir.path().join("templates").join(file);
        std::fs::create_dir_all(house.parent().unwrap()).unwrap();
        std::fs::write(house, embedded.replace(filtered, replaced)).unwrap();
    }
    let out = dir.path().join("out");
    let o = common::render_cli(&spec, &out, "typ,md");
    let read = |name: &str| std::fs::read_to_string(out.join(name)).unwrap_or_default();
    (
        o.status.code(),
        read("vb.typ"),
        read("vb.md"),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn a_text_printed_without_a_filter_shows_no_user_character() {
    // Text reaches templates as an object: printed bare, Tera writes `[object]`, so a house
    // template that forgets the filter cannot let what a user typed run as Typst or HTML.
    let recipients = |out: &str, heading: &str| out[out.rfind(heading).unwrap()..].to_owned();
    let (code, typ, md, err) = with_recipients_printed("{{ r }}", "{{ r }}");
    assert_eq!(code, Some(0), "{err}");
    let (typ, md) = (
        recipients(&typ, "recipients: ("),
        recipients(&md, "Nơi nhận"),
    );
    assert!(typ.contains("[[object]],") && !typ.contains("để"), "{typ}");
    assert!(md.contains("\\- [object]") && !md.contains("để"), "{md}");
    // With the filters the same folder prints the recipients.
    let (code, typ, md, err) = with_recipients_printed("{{ r | typst }}", "{{ r | md }}");
    assert_eq!(code, Some(0), "{err}");
    assert!(recipients(&typ, "recipients: (").contains("để"));
    assert!(recipients(&md, "Nơi nhận").contains("để"));
}

#[test]
fn a_house_template_written_for_pre_rendered_text_is_an_error() {
    // Before the text model, templates printed `{{ r.typ }}` and `{{ r.md }}`: such a folder
    // now stops with a template error instead of printing something else.
    let (code, typ, md, err) = with_recipients_printed("{{ r.typ }}", "{{ r.md }}");
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("lỗi mẫu trình bày") && err.contains("r.typ"),
        "{err}"
    );
    assert!(typ.is_empty() && md.is_empty(), "nothing written");
}
