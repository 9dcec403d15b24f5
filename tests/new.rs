//! `vanban new`: every starter renders as it is, `check` finds nothing in it but the «…»
//! placeholders, it carries the schema line, and it never overwrites a file unasked.

use std::process::{Command, Output};

fn vanban(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("binary runs")
}

const KINDS: [&str; 6] = [
    "chuong-trinh",
    "chuong-trinh-muc",
    "quy-che",
    "ke-hoach",
    "ban-thoa-thuan",
    "ban-ghi-nho",
];

#[test]
fn every_starter_renders_and_checks_with_only_placeholder_warnings() {
    let dir = tempfile::tempdir().unwrap();
    for kind in KINDS {
        let file = format!("{kind}.yaml");
        let o = vanban(
            dir.path(),
            &[
                "new",
                kind,
                &file,
                "--ben",
                "Sở Tư pháp:STP",
                "--ben",
                "Công an tỉnh",
                "--dia-danh",
                "Nghệ An",
                "--nam",
                "2027",
            ],
        );
        assert!(
            o.status.success(),
            "{kind}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let text = std::fs::read_to_string(dir.path().join(&file)).unwrap();
        assert!(
            text.starts_with("# yaml-language-server: $schema=./vanban.schema.json\n"),
            "{kind}"
        );
        // The file that line names is written beside the starter, the same as `vanban schema`.
        let schema = std::fs::read_to_string(dir.path().join("vanban.schema.json")).unwrap();
        assert_eq!(schema, vanban::commands::schema::text(), "{kind}");
        assert!(
            text.contains("abbr: \"CAT\"") && text.contains("year: 2027"),
            "{kind}"
        );
        let o = vanban(dir.path(), &["check", "--format", "json", &file]);
        let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let rules: Vec<String> = report
            .as_array()
            .unwrap_or_else(|| panic!("{kind}: {report}"))
            .iter()
            .map(|f| f["rule"].as_str().unwrap().to_owned())
            .collect();
        assert!(!rules.is_empty(), "{kind}: placeholders are reported");
        assert!(
            rules.iter().all(|r| r == "placeholder"),
            "{kind}: {rules:?}"
        );
        assert_eq!(o.status.code(), Some(0), "{kind}: warnings only");
        let o = vanban(dir.path(), &["render", &file, "-o", "out"]);
        assert!(
            o.status.success(),
            "{kind}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(dir.path().join(format!("out/{kind}.pdf")).exists());
    }
}

#[test]
fn new_never_overwrites_unasked_and_names_the_kinds_it_knows() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("quy-che.yaml"), "giữ nguyên").unwrap();
    let o = vanban(dir.path(), &["new", "quy-che"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--force"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("quy-che.yaml")).unwrap(),
        "giữ nguyên"
    );
    let o = vanban(dir.path(), &["new", "quy-che", "--force"]);
    assert!(o.status.success());
    assert!(
        std::fs::read_to_string(dir.path().join("quy-che.yaml"))
            .unwrap()
            .contains("kind: quy-che-phoi-hop")
    );
    let o = vanban(dir.path(), &["new", "quy-chee"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err.contains("quy-che") && err.contains("ban-ghi-nho") && err.contains("ke-hoach"),
        "{err}"
    );
}
