//! Batches of any size (issue 14): several hundred specs in one `vanban render`, every output
//! checked, and the closing line that sums the run up.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Specs in the large batch: more than twice the size that overflowed a thread's stack when
/// renders nested (about 160).
const SPECS: usize = 400;

/// A short memorandum whose title and signer carry `i`, so every output can be told apart.
fn spec(i: usize) -> String {
    format!(
        "kind: ban-ghi-nho\ntitle: Hợp tác số {i}\nplace: Huế\nyear: 2024\n\
         issuers: [{{id: a, name: Sở A, abbr: SA}}, {{id: b, name: Sở B, abbr: SB}}]\n\
         articles:\n  - {{title: Phạm vi, clauses: [Nội dung thứ {i}, Nội dung khác]}}\n  \
         - {{title: Trách nhiệm, clauses: [Hai bên cùng thực hiện]}}\n\
         signatures:\n  - {{issuer: a, title: Giám đốc, name: Nguyễn Văn {i}}}\n  \
         - {{issuer: b, title: Giám đốc, name: Trần Thị B}}\n\
         recipients: [\"Lưu: VT\"]\n"
    )
}

fn write_specs(dir: &Path, count: usize) -> Vec<PathBuf> {
    (0..count)
        .map(|i| {
            let path = dir.join(format!("ghi-nho-{i:03}.yaml"));
            std::fs::write(&path, spec(i)).unwrap();
            path
        })
        .collect()
}

fn render(specs: &[PathBuf], out: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
        .arg("render")
        .args(specs)
        .arg("-o")
        .arg(out)
        .output()
        .expect("vanban runs")
}

#[test]
fn several_hundred_specs_render_in_one_run_and_are_summed_up() {
    let dir = tempfile::tempdir().unwrap();
    let specs = write_specs(dir.path(), SPECS);
    let out = dir.path().join("out");
    let o = render(&specs, &out);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{stderr}");
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert_eq!(
        stdout.lines().count(),
        2 * SPECS,
        "one line per file written"
    );
    for (i, spec) in specs.iter().enumerate() {
        let stem = spec.file_stem().unwrap().to_str().unwrap();
        let md = std::fs::read_to_string(out.join(format!("{stem}.md"))).unwrap();
        assert!(md.contains(&format!("Hợp tác số {i}")), "{stem}.md: {md}");
        assert!(md.contains(&format!("Nguyễn Văn {i}")), "{stem}.md: {md}");
        let pdf = std::fs::read(out.join(format!("{stem}.pdf"))).unwrap();
        assert!(pdf.starts_with(b"%PDF-"), "{stem}.pdf");
        assert!(pdf.trim_ascii_end().ends_with(b"%%EOF"), "{stem}.pdf whole");
    }
    let last = stderr.lines().last().unwrap_or_default();
    assert!(
        last.starts_with(&format!(
            "Đã trình bày {SPECS}/{SPECS} tệp: {SPECS} tệp PDF, "
        )),
        "closing line: {stderr}"
    );
    assert!(last.contains(" trang; 0 tệp lỗi; "), "{last}");
    assert!(last.ends_with(" giây."), "{last}");
}

#[test]
fn the_closing_line_counts_pages_and_failures() {
    let dir = tempfile::tempdir().unwrap();
    let mut specs = write_specs(dir.path(), 3);
    let bad = dir.path().join("hong.yaml");
    std::fs::write(&bad, "kind: 3").unwrap();
    specs.insert(1, bad);
    let out = dir.path().join("out");
    let o = render(&specs, &out);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    let last = stderr.lines().last().unwrap_or_default();
    // Every memorandum here is one page.
    assert!(
        last.starts_with("Đã trình bày 3/4 tệp: 3 tệp PDF, 3 trang; 1 tệp lỗi; "),
        "{stderr}"
    );
    assert!(!out.join("hong.pdf").exists());
}
