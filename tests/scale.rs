//! Scale: the limits that bound what a spec may ask Typst to lay out (provisions, Phụ lục, table
//! rows, word length), each refused before composing with a Vietnamese error naming the file
//! and the YAML path; `diff` on long lists; `watch` refusing specs that would overwrite each
//! other's outputs. Time and memory are measured in `benches/render.rs`, not asserted here.

mod common;

use common::scale;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};
use vanban::check::limits::{MAX_APPENDICES, MAX_PROVISIONS, MAX_ROMAN, MAX_ROWS, MAX_WORD};
use vanban::check::{Checked, check_bytes};

fn check(text: &str) -> Checked {
    check_bytes("lon.yaml", text.as_bytes())
}

/// The findings of `rule`, each as "line message".
fn found(checked: &Checked, rule: &str) -> Vec<String> {
    checked
        .report
        .findings
        .iter()
        .filter(|f| f.rule.id == rule)
        .map(|f| {
            let line = f.span.map_or(0, |s| s.start.line);
            format!("{line} {} @{}", f.message, f.path.as_deref().unwrap_or(""))
        })
        .collect()
}

/// Asserts `text` is refused by `rule` alone, at `path`, and not composed; returns the message.
fn refused(text: &str, rule: &str, path: &str) -> String {
    let checked = check(text);
    let hits = found(&checked, rule);
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert!(hits[0].ends_with(&format!("@{path}")), "{hits:?}");
    assert!(!hits[0].starts_with("0 "), "placed in the file: {hits:?}");
    assert!(
        checked.document.is_none(),
        "a spec over a limit is not composed"
    );
    assert!(checked.has_errors());
    hits[0].clone()
}

/// Asserts `text` passes every limit.
fn within(text: &str) {
    let checked = check(text);
    let limits = [
        "too-many-provisions",
        "too-many-appendices",
        "too-many-rows",
        "word-too-long",
    ];
    let over: Vec<_> = limits.iter().flat_map(|r| found(&checked, r)).collect();
    assert!(over.is_empty(), "{over:?}");
    assert!(checked.document.is_some(), "{:?}", checked.report.findings);
}

#[test]
fn too_many_appendices_are_refused_naming_the_first_one_over() {
    within(&scale::appendices(MAX_APPENDICES));
    let message = refused(
        &scale::appendices(MAX_APPENDICES + 1),
        "too-many-appendices",
        &format!("appendices[{MAX_APPENDICES}]"),
    );
    assert!(
        message.contains("501 Phụ lục, nhiều hơn mức tối đa 500"),
        "{message}"
    );
}

#[test]
fn too_many_provisions_are_refused() {
    // Each Điều of the made-up spec is three provisions: itself and two khoản.
    let articles = MAX_PROVISIONS / 3 + 1;
    let message = refused(
        &scale::articles(articles),
        "too-many-provisions",
        &format!("articles[{}].clauses[0]", MAX_PROVISIONS / 3),
    );
    assert!(message.contains("nhiều hơn mức tối đa 40.000"), "{message}");
}

#[test]
fn more_roman_numbered_parts_than_numerals_are_refused_not_a_panic() {
    // Roman numerals stop at 3 999: 4 000 Mục once panicked while numbering.
    for n in [MAX_ROMAN + 1, 4_000] {
        let message = refused(
            &scale::sections(n),
            "too-many-provisions",
            &format!("sections[{MAX_ROMAN}]"),
        );
        assert!(message.contains("nhiều hơn mức tối đa 1.000"), "{message}");
    }
    within(&scale::sections(MAX_ROMAN));
}

#[test]
fn too_many_table_rows_are_refused_at_the_table() {
    within(&scale::table(MAX_ROWS));
    let message = refused(
        &scale::table(MAX_ROWS + 1),
        "too-many-rows",
        "appendices[0].table.rows",
    );
    assert!(message.contains("3.001 hàng"), "{message}");
}

#[test]
fn a_word_too_long_is_refused_at_its_value() {
    within(&scale::long_word(MAX_WORD));
    let message = refused(
        &scale::long_word(MAX_WORD + 1),
        "word-too-long",
        "articles[0].clauses[0]",
    );
    assert!(
        message.contains("\"Nộiaaaa") || message.contains("\"aaaaaaaa"),
        "{message}"
    );
    assert!(message.contains("dài 1.001 ký tự"), "{message}");
}

#[test]
fn render_refuses_a_spec_over_a_limit_in_vietnamese_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("nhieu-phu-luc.yaml");
    std::fs::write(&spec, scale::appendices(MAX_APPENDICES + 1)).unwrap();
    let out = dir.path().join("out");
    let o = common::render_cli(&spec, &out, "pdf,md");
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("nhieu-phu-luc.yaml:"), "{err}");
    assert!(err.contains("too-many-appendices"), "{err}");
    assert!(err.contains("nhiều hơn mức tối đa 500"), "{err}");
    assert!(!out.exists() || std::fs::read_dir(&out).unwrap().next().is_none());
}

#[test]
fn diff_of_a_long_list_with_one_word_changed_reports_that_word_only() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (dir.path().join("cu.yaml"), dir.path().join("moi.yaml"));
    std::fs::write(&old, scale::clauses(3_000, false)).unwrap();
    std::fs::write(&new, scale::clauses(3_000, true)).unwrap();
    let comparison =
        vanban::commands::diff::comparison(old.to_str().unwrap(), new.to_str().unwrap(), false)
            .unwrap();
    let changes: Vec<_> = comparison
        .changes
        .iter()
        .map(|c| (c.kind, c.path.as_str()))
        .collect();
    assert_eq!(
        changes,
        [(vanban::diff::Kind::Changed, "articles[0].clauses[1500]")]
    );
}

/// Runs `vanban ARGS` in `dir`, killed after two minutes (a watch that does not refuse would
/// run until stopped).
fn run_bounded(dir: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary starts");
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn watch_refuses_specs_that_would_overwrite_each_others_outputs_as_render_does() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(common::sample("thanh-hoa-stttt-hhdn.yaml")).unwrap();
    for folder in ["A", "B"] {
        std::fs::create_dir(dir.path().join(folder)).unwrap();
        std::fs::write(dir.path().join(folder).join("x.yaml"), &text).unwrap();
    }
    let args = ["A/x.yaml", "B/x.yaml", "-o", "out", "-f", "md"];
    let render = run_bounded(dir.path(), &[&["render"], &args[..]].concat());
    let watch = run_bounded(dir.path(), &[&["watch"], &args[..]].concat());
    let (render_err, watch_err) = (
        String::from_utf8_lossy(&render.stderr),
        String::from_utf8_lossy(&watch.stderr),
    );
    assert_eq!(watch.status.code(), Some(2), "{watch_err}");
    assert!(watch_err.contains("Không theo dõi"), "{watch_err}");
    // The same refusal, word for word, for each of the two specs.
    for spec in ["A/x.yaml", "B/x.yaml"] {
        let line = render_err
            .lines()
            .find(|l| l.starts_with(spec) && l.contains("trùng tên tệp kết quả"))
            .unwrap_or_else(|| panic!("render names {spec}: {render_err}"));
        assert!(watch_err.contains(line), "{watch_err}\n---\n{line}");
    }
    assert!(!dir.path().join("out").exists(), "nothing written");
}
