//! `vanban check` as a user runs it: the report (snapshot), JSON, exit codes, `--strict`,
//! `--fix`, and `render` refusing a spec with errors.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the binary in the crate root, so that file names print as relative paths.
fn vanban(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const FIXTURE: &str = "tests/fixtures/check/nhieu-loi.yaml";

#[test]
fn samples_have_no_errors() {
    let mut samples: Vec<String> = std::fs::read_dir(root().join("samples"))
        .unwrap()
        .map(|e| format!("samples/{}", e.unwrap().file_name().to_string_lossy()))
        .filter(|name| name.ends_with(".yaml"))
        .collect();
    samples.sort();
    assert!(samples.len() >= 3, "{samples:?}");
    let mut args = vec!["check"];
    args.extend(samples.iter().map(String::as_str));
    let o = vanban(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let out = stdout(&o);
    assert!(!out.contains("lỗi["), "{out}");
    for sample in &samples {
        assert!(
            out.contains(&format!("{sample}: không có lỗi")),
            "{sample}: {out}"
        );
    }
    assert!(
        out.contains("soc-trang-sggp-2023-2025.yaml: không có lỗi, 2 cảnh báo"),
        "{out}"
    );
    assert!(out.contains("cảnh báo[title-caps]"), "{out}");
    // Warnings fail only under --strict.
    let o = vanban(&["check", "--strict", "samples/soc-trang-sggp-2023-2025.yaml"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn every_finding_of_a_bad_spec_is_reported_at_once() {
    let o = vanban(&["check", FIXTURE]);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!("nhieu-loi", stdout(&o));
}

#[test]
fn ten_mistakes_of_every_stage_give_ten_findings_in_one_run() {
    // An unknown kind, an impossible date, a wrong type, an unknown key, an unknown value and
    // the rules that need the whole spec: nothing hides the others.
    let fixture = "tests/fixtures/check/muoi-loi.yaml";
    let o = vanban(&["check", "--format", "json", fixture]);
    assert_eq!(o.status.code(), Some(1));
    let findings: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("valid JSON");
    let placed: Vec<(String, u64)> = findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_owned(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected = [
        ("unknown-value", 3),
        ("date-impossible", 6),
        ("wrong-type", 7),
        ("unknown-key", 9),
        ("signature-missing", 10),
        ("ref-unknown", 13),
        ("authority-prefix", 15),
        ("issuer-unknown", 16),
        ("recipients-luu", 17),
        ("unknown-value", 18),
    ];
    let expected: Vec<(String, u64)> = expected.iter().map(|(r, l)| (r.to_string(), *l)).collect();
    assert_eq!(placed, expected, "each finding on its own value's line");
    insta::assert_snapshot!("muoi-loi", stdout(&vanban(&["check", fixture])));
}

#[test]
fn json_lists_every_finding_with_its_place() {
    let o = vanban(&["check", "--format", "json", FIXTURE]);
    assert_eq!(o.status.code(), Some(1));
    let findings: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("valid JSON");
    let findings = findings.as_array().unwrap();
    let rules: Vec<&str> = findings
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    for rule in [
        "title-caps",
        "symbol-kind",
        "date-period",
        "year-mismatch",
        "basis-date",
        "basis-type",
        "typed-punctuation",
        "ref-unknown",
        "tcvn3",
        "id-duplicate",
        "title-empty",
        "article-empty",
        "signature-missing",
        "kt-head-title",
        "recipients-luu",
    ] {
        assert!(rules.contains(&rule), "{rule} missing from {rules:?}");
    }
    let tcvn3 = findings.iter().find(|f| f["rule"] == "tcvn3").unwrap();
    assert_eq!(tcvn3["file"], FIXTURE);
    assert_eq!(
        (tcvn3["line"].as_u64(), tcvn3["column"].as_u64()),
        (Some(23), Some(44))
    );
    assert_eq!(tcvn3["severity"], "error");
    let fix = &tcvn3["fix"];
    assert_eq!(
        (fix["line"].as_u64(), fix["column"].as_u64()),
        (Some(23), Some(9))
    );
    assert_eq!(
        fix["replacement"],
        "Tuyên truyền theo [[muc-tieuu]] về Cộng hoà xã hội chủ nghĩa Việt Nam"
    );
    let caps = findings.iter().find(|f| f["rule"] == "title-caps").unwrap();
    assert_eq!(caps["severity"], "warning");
    assert_eq!(caps["path"], "title");
}

#[test]
fn all_misspelt_keys_are_reported_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("khoa.yaml");
    let yaml = std::fs::read_to_string(root().join("samples/thanh-hoa-stttt-hhdn.yaml"))
        .unwrap()
        .replace("recipients:", "recipient:")
        .replace("    abbr: HHDN", "    abr: HHDN")
        .replace("preamble:", "preambel:");
    std::fs::write(&spec, yaml).unwrap();
    let o = vanban(&["check", spec.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    for key in ["`preambel`", "`abr`", "`recipient`"] {
        assert!(out.contains(key), "{key}: {out}");
    }
    assert_eq!(out.matches("lỗi[unknown-key]").count(), 3, "{out}");
    assert!(
        !out.contains("missing-field"),
        "a misspelt key is not also a missing one: {out}"
    );
}

#[test]
fn fix_converts_legacy_text_in_place_keeping_the_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("cu.yaml");
    let yaml = "kind: ban-ghi-nho\n# Ghi chú: Céng hoµ giữ nguyên trong chú thích\ntitle: \"Hîp t¸c truyÒn th«ng\"\nplace: Huế\nyear: 2024\n\
        issuers: [{id: a, name: Sở A, abbr: SA}]\n\
        articles: [{title: Phạm vi, clauses: [\"Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\"]}]\n\
        signatures: [{issuer: a, title: Giám đốc, name: Nguyễn Văn A}]\n\
        recipients: [\"Lưu: VT\"]\n";
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(yaml.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&spec, &utf16).unwrap();
    let o = vanban(&["check", spec.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("lỗi[tcvn3]") && stdout(&o).contains("lỗi[vni]"));
    let o = vanban(&["check", "--fix", spec.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(
        stderr(&o).contains("đã sửa") && stderr(&o).contains("chuyển 2 đoạn chữ"),
        "{}",
        stderr(&o)
    );
    let bytes = std::fs::read(&spec).unwrap();
    assert_eq!(&bytes[..2], &[0xFF, 0xFE], "still UTF-16 LE");
    let units: Vec<u16> = bytes[2..]
        .chunks(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .collect();
    let text = String::from_utf16(&units).unwrap();
    assert!(text.contains("title: \"Hợp tác truyền thông\""), "{text}");
    assert!(
        text.contains("\"Cộng hòa xã hội chủ nghĩa Việt Nam\""),
        "{text}"
    );
    assert!(
        text.contains("# Ghi chú: Céng hoµ"),
        "comments are left alone: {text}"
    );
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["cu.yaml"], "no temporary file left");
}

#[test]
fn fix_normalises_decomposed_text() {
    use unicode_normalization::UnicodeNormalization;
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("nfd.yaml");
    let yaml = std::fs::read_to_string(root().join("samples/thanh-hoa-stttt-hhdn.yaml")).unwrap();
    std::fs::write(&spec, yaml.nfd().collect::<String>()).unwrap();
    let o = vanban(&["check", "--strict", spec.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "NFD is a warning");
    assert!(stdout(&o).contains("cảnh báo[nfc]"), "{}", stdout(&o));
    let o = vanban(&["check", "--fix", spec.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("chuẩn hóa sang NFC"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(&spec).unwrap(),
        yaml,
        "the file is the NFC original"
    );
}

#[test]
fn render_refuses_a_spec_with_errors_and_prints_warnings_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    let o = vanban(&["render", FIXTURE, "-o", out, "-f", "md"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("lỗi[ref-unknown]") && stderr(&o).contains(FIXTURE),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing written"
    );
    let o = vanban(&[
        "render",
        "samples/soc-trang-sggp-2023-2025.yaml",
        "-o",
        out,
        "-f",
        "md",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("cảnh báo[title-caps]"),
        "{}",
        stderr(&o)
    );
    assert!(Path::new(out).join("soc-trang-sggp-2023-2025.md").exists());
}

#[test]
fn misuse_of_check_exits_2() {
    let o = vanban(&["check", "--format", "xml", FIXTURE]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("`xml`"), "{}", stderr(&o));
    let o = vanban(&["check"]);
    assert_eq!(o.status.code(), Some(2));
}

/// The rule tables of docs/kiem-tra.md, as they must read: Vietnamese (id, mức độ, giải thích)
/// and English (one line per rule).
fn manual_rule_tables() -> (String, String) {
    let mut vi = String::from("| Mã quy tắc | Mức độ | Giải thích |\n| --- | --- | --- |\n");
    let mut en = String::new();
    for rule in vanban::check::rules() {
        vi.push_str(&format!(
            "| `{}` | {} | {} |\n",
            rule.id,
            rule.severity.label(),
            rule.vi.replace('|', "\\|")
        ));
        en.push_str(&format!(
            "- `{}` ({}): {}\n",
            rule.id,
            rule.severity.code(),
            rule.en
        ));
    }
    (vi, en)
}

#[test]
fn manual_lists_every_rule() {
    let page = std::fs::read_to_string(root().join("docs/kiem-tra.md")).unwrap();
    let (vi, en) = manual_rule_tables();
    assert!(
        page.contains(&vi),
        "docs/kiem-tra.md must contain this table:\n{vi}"
    );
    assert!(
        page.contains(&en),
        "docs/kiem-tra.md's English summary must contain:\n{en}"
    );
}
