//! Hostile input: every kind of broken, strange or malicious file gets either correct handling
//! or a clear Vietnamese error naming the file, in bounded time, with no panic, no stack
//! overflow and no output file left behind — through `check` (library and binary) and `render`.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};
use vanban::check::{Checked, check_bytes};
use vanban::finding::Severity;

const GOOD: &str = "kind: ban-ghi-nho\ntitle: Hợp tác\nplace: Huế\nyear: 2024\n\
    issuers: [{id: a, name: Sở A, abbr: SA}]\n\
    articles: [{title: Phạm vi, clauses: [Nội dung]}]\n\
    signatures: [{issuer: a, title: Giám đốc, name: Nguyễn Văn A}]\n\
    recipients: [\"Lưu: VT\"]\n";

/// A hang guard, not a speed claim (speed is measured in the benchmark): far above what any
/// of these inputs takes even in a debug build on a loaded machine, far below "forever".
const BOUND: Duration = Duration::from_secs(120);

fn vanban(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .output()
        .expect("binary runs")
}

/// Checks `bytes` on a thread with the default 2 MiB stack, within [`BOUND`].
fn check_bounded(bytes: Vec<u8>) -> Checked {
    let start = Instant::now();
    let checked = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || check_bytes("sai.yaml", &bytes))
        .unwrap()
        .join()
        .expect("no panic, no stack overflow");
    assert!(start.elapsed() < BOUND, "took {:?}", start.elapsed());
    checked
}

fn rules(c: &Checked) -> Vec<&'static str> {
    c.report.findings.iter().map(|f| f.rule.id).collect()
}

/// Renders `bytes` as `sai.yaml` with the binary; asserts nothing but the spec is left.
fn render(bytes: &[u8]) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("sai.yaml");
    std::fs::write(&spec, bytes).unwrap();
    let o = vanban(&[
        "render",
        spec.to_str().unwrap(),
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["sai.yaml"], "no output may be left behind");
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn empty_truncated_binary_and_invalid_utf8_are_errors() {
    assert_eq!(rules(&check_bounded(Vec::new())), ["empty-file"]);
    assert_eq!(rules(&check_bounded(b" \n\t\n".to_vec())), ["empty-file"]);
    let truncated = check_bounded(GOOD.as_bytes()[..GOOD.len() / 2].to_vec());
    assert!(truncated.has_errors(), "{:?}", rules(&truncated));
    let truncated_in_quote = check_bounded(GOOD.as_bytes()[..GOOD.find("Lưu").unwrap()].to_vec());
    assert_eq!(rules(&truncated_in_quote), ["yaml-syntax"]);
    let binary: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    assert_eq!(rules(&check_bounded(binary)), ["encoding"]);
    let mut latin1 = GOOD.as_bytes().to_vec();
    latin1.extend(b"# caf\xe9\n");
    let c = check_bounded(latin1);
    assert_eq!(rules(&c), ["encoding"]);
    assert!(
        c.report.findings[0]
            .help
            .as_deref()
            .unwrap()
            .contains("dòng 9"),
        "{:?}",
        c.report.findings[0]
    );
    let (code, e) = render(b"\x00\x01\x02binary\xff");
    assert_eq!(code, Some(1));
    assert!(e.contains("sai.yaml") && e.contains("UTF-8"), "{e}");
}

#[test]
fn bom_utf16_crlf_and_nfd_are_accepted() {
    use unicode_normalization::UnicodeNormalization;
    let crlf = GOOD.replace('\n', "\r\n");
    let nfd: String = GOOD.nfd().collect();
    let mut inputs: Vec<(&str, Vec<u8>)> = vec![
        ("bom", [&[0xEF, 0xBB, 0xBF][..], GOOD.as_bytes()].concat()),
        ("crlf", crlf.clone().into_bytes()),
    ];
    let mut le = vec![0xFF, 0xFE];
    le.extend(crlf.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xFE, 0xFF];
    be.extend(GOOD.encode_utf16().flat_map(u16::to_be_bytes));
    inputs.push(("utf16le", le));
    inputs.push(("utf16be", be));
    for (name, bytes) in inputs {
        let c = check_bounded(bytes);
        assert_eq!(rules(&c), Vec::<&str>::new(), "{name}");
        assert!(c.spec.is_some(), "{name}");
    }
    let c = check_bounded(nfd.into_bytes());
    assert_eq!(rules(&c), ["nfc"], "NFD is reported, not refused");
    assert_eq!(c.report.findings[0].severity(), Severity::Warning);
    assert_eq!(
        c.spec.unwrap().title,
        "Hợp tác",
        "text is NFC inside the program"
    );
}

#[test]
fn alias_bombs_are_refused_quickly() {
    // A billion laughs where every value has the type the spec wants (clauses whose dash
    // items repeat the items of the clause before ten times), so that only the expansion limit
    // can stop it: expanded, the last clause would hold 10^8 items.
    let mut yaml = String::from(
        "kind: ban-ghi-nho\ntitle: T\nplace: P\nyear: 2024\n\
         issuers: [{id: a, name: A, abbr: A}]\n\
         signatures: [{issuer: a, title: T, name: N}]\n\
         articles:\n- title: A\n  clauses:\n  - {text: x, items: &i0 [l, l, l, l, l, l, l, l, l, l]}\n",
    );
    for k in 1..=8 {
        yaml.push_str(&format!(
            "  - {{text: x, items: &i{k} [{}]}}\n",
            vec![format!("{{text: t, items: *i{}}}", k - 1); 10].join(", ")
        ));
    }
    let c = check_bounded(yaml.clone().into_bytes());
    assert_eq!(rules(&c), ["yaml-syntax"]);
    assert!(
        c.report.findings[0].message.contains("bí danh"),
        "{}",
        c.report.findings[0].message
    );
    let (code, e) = render(yaml.as_bytes());
    assert_eq!(code, Some(1), "{e}");
    // The classic form, under a key the spec does not have.
    let mut classic = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (p, n) in ["a", "b", "c", "d", "e", "f", "g", "h"]
        .iter()
        .zip(["b", "c", "d", "e", "f", "g", "h", "i"])
    {
        classic.push_str(&format!(
            "{n}: &{n} [{}]\n",
            vec![format!("*{p}"); 9].join(",")
        ));
    }
    classic.push_str("kind: *i\n");
    assert!(check_bounded(classic.into_bytes()).has_errors());
}

#[test]
fn nesting_20000_deep_does_not_overflow_the_stack() {
    let flow_lists = format!("kind: {}{}\n", "[".repeat(20_000), "]".repeat(20_000));
    let flow_maps = format!("kind: {}{}\n", "{a: ".repeat(20_000), "}".repeat(20_000));
    // Block lists where the spec wants a map or text: refused before the depth matters.
    let block_root = format!("{}x\n", "- ".repeat(20_000));
    let block_closing = format!("{GOOD}closing:\n{}x\n", "- ".repeat(20_000));
    let cases = [
        (flow_lists, "yaml-syntax", true),
        (flow_maps, "yaml-syntax", true),
        (block_root, "wrong-type", false),
        (block_closing, "wrong-type", false),
    ];
    for (deep, rule, refused_for_depth) in cases {
        let c = check_bounded(deep.into_bytes());
        assert_eq!(rules(&c), [rule]);
        let message = &c.report.findings[0].message;
        assert_eq!(message.contains("quá sâu"), refused_for_depth, "{message}");
    }
}

#[test]
fn a_50_mb_file_is_refused_in_bounded_time_and_memory() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("lon.yaml");
    {
        use std::io::Write;
        let mut f = std::io::BufWriter::new(std::fs::File::create(&big).unwrap());
        f.write_all(GOOD.as_bytes()).unwrap();
        let line = format!("# {}\n", "x".repeat(1022));
        for _ in 0..50 * 1024 {
            f.write_all(line.as_bytes()).unwrap();
        }
    }
    assert!(std::fs::metadata(&big).unwrap().len() > 50_000_000);
    let start = Instant::now();
    let o = vanban(&["check", big.to_str().unwrap()]);
    assert!(start.elapsed() < BOUND);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("file-too-large") && out.contains("lon.yaml") && out.contains("10 MB"),
        "{out}"
    );
    let o = vanban(&[
        "render",
        big.to_str().unwrap(),
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("10 MB"));
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "nothing written"
    );
}

#[test]
fn typst_markup_in_every_text_field_is_checked_without_crashing() {
    let h = "'#set page(width: 1cm) #{panic()} $x^2$ @ref <lab> [a](b) \\ // c /* d */ = h - i + j 1. k {{ tera }} {% if x %} _ #'";
    let yaml = format!(
        "kind: chuong-trinh\ntitle: {h}\nplace: {h}\nyear: 2024\n\
         issuers: [{{id: a, parent: {h}, name: {h}, abbr: A}}]\n\
         bases: [{h}]\npreamble: [{h}]\n\
         chapters:\n- title: {h}\n  articles:\n  - title: {h}\n    paragraphs: [{h}]\n    clauses:\n\
         \x20   - {{title: {h}, text: {h}, points: [{h}], items: [{{text: {h}, items: [{h}]}}]}}\n\
         signatures: [{{issuer: a, authority: {h}, title: {h}, name: {h}}}]\n\
         recipients: [{h}, \"Lưu: VT\"]\n"
    );
    let c = check_bounded(yaml.into_bytes());
    assert_eq!(
        rules(&c),
        Vec::<&str>::new(),
        "Typst syntax is text, not a finding"
    );
}

#[test]
fn unreadable_files_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let o = vanban(&["check", "khong-co.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stdout).contains("khong-co.yaml"));
    let o = vanban(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(Path::new(dir.path()).exists());
}
