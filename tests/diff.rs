//! `vanban diff`, `textconv` and `git-setup` on real edits of the samples: each edit must be
//! reported as exactly that edit in the terminal summary, JSON, the Markdown bảng so sánh
//! (reviewed snapshots) and the PDF bảng so sánh (read back from its laid-out pages).

mod common;

use serde_json::Value as Json;
use serde_yaml::Value as Yaml;
use std::path::{Path, PathBuf};
use std::process::Command;
use vanban::commands::diff::{comparison, comparison_pdf};
use vanban::pages::Pages;
use vanban::render::FontSet;

const THANH_HOA: &str = "thanh-hoa-stttt-hhdn.yaml";

/// Runs git in `dir` (with `path` as PATH when given) and returns what it printed.
fn git_in(dir: &Path, path: Option<&str>, args: &[&str]) -> String {
    let mut command = Command::new("git");
    command.current_dir(dir).args(args);
    if let Some(path) = path {
        command.env("PATH", path);
    }
    let out = command.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A fresh git repository with an author.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    git_in(dir.path(), None, &["init", "-q"]);
    git_in(dir.path(), None, &["config", "user.email", "t@example.vn"]);
    git_in(dir.path(), None, &["config", "user.name", "T"]);
    dir
}

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_vanban")
}

fn sample_text(name: &str) -> String {
    std::fs::read_to_string(common::sample(name)).unwrap()
}

/// The sample as a YAML value, edited by `f`, written back as YAML.
fn edited(name: &str, f: impl FnOnce(&mut Yaml)) -> String {
    let mut value: Yaml = serde_yaml::from_str(&sample_text(name)).unwrap();
    f(&mut value);
    serde_yaml::to_string(&value).unwrap()
}

fn seq<'a>(value: &'a mut Yaml, path: &[&str]) -> &'a mut Vec<Yaml> {
    let mut at = value;
    for key in path {
        at = match key.parse::<usize>() {
            Ok(i) => &mut at[i],
            Err(_) => &mut at[*key],
        };
    }
    at.as_sequence_mut().expect("a list")
}

/// Two versions side by side in a fresh folder, named `truoc.yaml` and `sau.yaml`.
struct Versions {
    dir: tempfile::TempDir,
}

impl Versions {
    fn new(old: &str, new: &str) -> Versions {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("truoc.yaml"), old).unwrap();
        std::fs::write(dir.path().join("sau.yaml"), new).unwrap();
        Versions { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Runs `vanban diff truoc.yaml sau.yaml ARGS` in the folder: (exit code, stdout, stderr).
    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = Command::new(bin())
            .current_dir(self.dir.path())
            .env("NO_COLOR", "1")
            .args(["diff", "truoc.yaml", "sau.yaml"])
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code().unwrap(),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    }

    fn json(&self) -> Vec<Json> {
        let (code, out, err) = self.run(&["--format", "json"]);
        assert_eq!(code, 1, "{err}");
        let Json::Array(changes) = serde_json::from_str(&out).unwrap() else {
            panic!("a list")
        };
        changes
    }

    fn markdown(&self) -> String {
        let (code, out, err) = self.run(&["--format", "md"]);
        assert_eq!(code, 1, "{err}");
        out
    }

    fn terminal(&self) -> String {
        let (code, out, err) = self.run(&[]);
        assert_eq!(code, 1, "{err}");
        out
    }

    /// The bảng so sánh laid out, through the library; and `--format pdf` writes a PDF file.
    fn pages(&self) -> Pages {
        let (code, _, err) = self.run(&["--format", "pdf", "--out", "bang.pdf"]);
        assert_eq!(code, 1, "{err}");
        let pdf = std::fs::read(self.path("bang.pdf")).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        let old = self.path("truoc.yaml").display().to_string();
        let new = self.path("sau.yaml").display().to_string();
        let cmp = comparison(&old, &new, false).unwrap();
        let (paged, _) = comparison_pdf(&cmp, FontSet::embedded()).unwrap();
        Pages::read(&paged)
    }
}

/// `(kind, level, old number, new number)` of every change, in order.
fn summary(changes: &[Json]) -> Vec<(String, String, String, String)> {
    let s = |c: &Json, k: &str| c[k].as_str().unwrap_or("").to_owned();
    changes
        .iter()
        .map(|c| {
            (
                s(c, "kind"),
                s(c, "level"),
                s(c, "old_number"),
                s(c, "new_number"),
            )
        })
        .collect()
}

fn row(kind: &str, level: &str, old: &str, new: &str) -> (String, String, String, String) {
    (kind.into(), level.into(), old.into(), new.into())
}

/// Landscape A4 pages, the three column headings side by side left to right.
fn assert_table_layout(pages: &Pages) {
    let (w, h) = pages.sizes[0];
    assert!(
        (w - 841.89).abs() < 1.0 && (h - 595.28).abs() < 1.0,
        "landscape A4: {w}×{h}"
    );
    let lines = pages.lines();
    let header = lines
        .iter()
        .find(|l| l.text().contains("Dự thảo trước") && l.text().contains("Lý do"))
        .expect("a header row with the three columns");
    let x = |words: &str| {
        header
            .runs
            .iter()
            .find(|r| r.text.contains(words))
            .map(|r| r.x)
            .unwrap_or_else(|| panic!("{words} in {:?}", header.text()))
    };
    assert!(
        x("trước") < x("sau") && x("sau") < x("thuyết minh"),
        "{}",
        header.text()
    );
    assert!(pages.runs.iter().all(|r| r.family == "Liberation Serif"));
}

/// Runs of `words` that lie under a horizontal rule through their middle: struck through.
fn struck(pages: &Pages, words: &str) -> bool {
    pages
        .runs
        .iter()
        .filter(|r| r.text.contains(words))
        .any(|r| {
            pages.rules.iter().any(|rule| {
                let mid = r.y - r.size * 0.3;
                rule.page == r.page
                    && (rule.from.1 - rule.to.1).abs() < 0.1
                    && (rule.from.1 - mid).abs() < r.size * 0.25
                    && rule.from.0 < r.x + r.width
                    && rule.to.0 > r.x
                    && (rule.to.0 - rule.from.0) < 300.0
            })
        })
}

/// The text of one column of the bảng so sánh (0: Dự thảo trước, 1: sau, 2: lý do), read line
/// by line; the columns share the width as 1 : 1 : 0.55 between the margins.
fn column_text(pages: &Pages, column: usize) -> String {
    let bounds = [0.0, 1.0 / 2.55, 2.0 / 2.55, 1.0];
    let lines = pages.lines();
    let words: Vec<String> = lines
        .iter()
        .flat_map(|l| l.runs.iter())
        .filter(|r| {
            let (left, right) = (85.04, pages.sizes[r.page].0 - 42.52);
            let at = (r.x - left) / (right - left);
            at >= bounds[column] && at < bounds[column + 1]
        })
        .map(|r| r.text.clone())
        .collect();
    common::collapse(&words.join(" "))
}

fn bold(pages: &Pages, words: &str) -> bool {
    pages.runs.iter().any(|r| r.bold && r.text.contains(words))
}

fn insert_article() -> String {
    edited(THANH_HOA, |v| {
        let article: Yaml = serde_yaml::from_str(
            "id: toa-dam\ntitle: Phối hợp tổ chức tọa đàm\nreason: Bổ sung theo ý kiến của Hiệp hội.\n\
             clauses:\n  - Hằng năm, hai bên phối hợp tổ chức ít nhất một tọa đàm về chuyển đổi số.\n",
        )
        .unwrap();
        seq(v, &["chapters", "1", "articles"]).insert(1, article);
    })
}

#[test]
fn inserting_an_article_is_one_addition_and_the_following_are_renumbered() {
    let v = Versions::new(&sample_text(THANH_HOA), &insert_article());
    let changes = v.json();
    let mut expected = vec![row("added", "article", "", "Điều 5")];
    for n in 5..=9 {
        expected.push(row(
            "renumbered",
            "article",
            &format!("Điều {n}"),
            &format!("Điều {}", n + 1),
        ));
    }
    assert_eq!(summary(&changes), expected);
    assert_eq!(changes[0]["id"], "toa-dam");
    assert_eq!(changes[0]["reason"], "Bổ sung theo ý kiến của Hiệp hội.");
    let text = changes[0]["new_text"].as_str().unwrap();
    assert!(
        text.starts_with("Điều 5. Phối hợp tổ chức tọa đàm\n1. Hằng năm"),
        "{text}"
    );

    let summary_text = v.terminal();
    assert!(
        summary_text.contains("+ thêm Điều 5 (toa-dam)"),
        "{summary_text}"
    );
    assert!(summary_text.contains("Tổng cộng: 1 thêm, 0 bỏ, 0 sửa, 0 chuyển, 5 đánh số lại."));

    insta::assert_snapshot!("diff-insert-article.md", v.markdown());

    let pages = v.pages();
    assert_table_layout(&pages);
    assert!(bold(&pages, "tọa đàm"), "the inserted Điều is bold");
    assert!(column_text(&pages, 2).contains("Bổ sung theo ý kiến của Hiệp hội."));
    assert!(
        column_text(&pages, 1).contains("Điều 6 Hiệp Hội"),
        "renumbered Điều in the new column"
    );
    assert!(
        column_text(&pages, 0).contains("Điều 5 Hiệp Hội"),
        "its old number in the old column"
    );
}

#[test]
fn one_changed_word_is_shown_word_by_word() {
    let old = sample_text(THANH_HOA);
    let new = old.replace("đầu mỗi tiếp nhận", "đầu mối tiếp nhận");
    assert_ne!(old, new);
    let v = Versions::new(&old, &new);
    let changes = v.json();
    assert_eq!(
        summary(&changes),
        [row("changed", "clause", "khoản 4 Điều 3", "khoản 4 Điều 3")]
    );
    assert_eq!(changes[0]["id"], "dau-moi");
    assert!(
        changes[0]["old_text"]
            .as_str()
            .unwrap()
            .contains("đầu mỗi tiếp nhận")
    );
    assert!(
        changes[0]["new_text"]
            .as_str()
            .unwrap()
            .contains("đầu mối tiếp nhận")
    );

    let summary_text = v.terminal();
    assert!(
        summary_text.contains("đầu [-mỗi-] {+mối+} tiếp nhận"),
        "{summary_text}"
    );

    let md = v.markdown();
    assert!(
        md.contains("đầu ~~mỗi~~ tiếp nhận") && md.contains("đầu **mối** tiếp nhận"),
        "{md}"
    );
    insta::assert_snapshot!("diff-one-word.md", md);

    let pages = v.pages();
    assert_table_layout(&pages);
    assert!(struck(&pages, "mỗi"), "the deleted word is struck through");
    assert!(bold(&pages, "mối"), "the inserted word is bold");
    assert!(
        !struck(&pages, "tiếp nhận"),
        "unchanged words are not struck"
    );
}

#[test]
fn a_moved_clause_is_one_move_and_its_siblings_renumbered() {
    let new = edited(THANH_HOA, |v| {
        let clauses = seq(v, &["chapters", "0", "articles", "1", "clauses"]);
        let moved = clauses.remove(2);
        clauses.insert(0, moved);
    });
    let v = Versions::new(&sample_text(THANH_HOA), &new);
    let changes = v.json();
    assert_eq!(
        summary(&changes),
        [
            row("moved", "clause", "khoản 3 Điều 2", "khoản 1 Điều 2"),
            row("renumbered", "clause", "khoản 1 Điều 2", "khoản 2 Điều 2"),
            row("renumbered", "clause", "khoản 2 Điều 2", "khoản 3 Điều 2"),
        ]
    );
    assert_eq!(changes[0]["id"], "dung-chuc-nang");
    assert!(
        v.terminal()
            .contains("> chuyển khoản 3 Điều 2 → khoản 1 Điều 2 (dung-chuc-nang)")
    );
    insta::assert_snapshot!("diff-move-clause.md", v.markdown());
    let pages = v.pages();
    assert_table_layout(&pages);
    assert!(column_text(&pages, 2).contains("Chuyển vị trí."));
}

#[test]
fn swapped_signers_are_one_move() {
    let new = edited(THANH_HOA, |v| seq(v, &["signatures"]).swap(0, 1));
    let v = Versions::new(&sample_text(THANH_HOA), &new);
    let changes = v.json();
    assert_eq!(summary(&changes), [row("moved", "signature", "", "")]);
    assert!(["stttt", "hhdn"].contains(&changes[0]["id"].as_str().unwrap()));
    assert!(v.terminal().contains("> chuyển chữ ký của `"));
    insta::assert_snapshot!("diff-swap-signers.md", v.markdown());
    assert_table_layout(&v.pages());
}

#[test]
fn reordered_recipients_are_moves_not_changes() {
    let new = edited(THANH_HOA, |v| {
        let recipients = seq(v, &["recipients"]);
        let press = recipients.remove(9);
        recipients.insert(0, press);
    });
    let v = Versions::new(&sample_text(THANH_HOA), &new);
    let changes = v.json();
    assert_eq!(summary(&changes), [row("moved", "recipient", "", "")]);
    assert_eq!(changes[0]["new_text"], "Hội Nhà báo tỉnh;");
    insta::assert_snapshot!("diff-reorder-recipients.md", v.markdown());
    assert_table_layout(&v.pages());
}

#[test]
fn a_deleted_chapter_is_one_removal_and_the_rest_renumbered() {
    let new = edited(THANH_HOA, |v| {
        seq(v, &["chapters"]).remove(1);
    });
    let v = Versions::new(&sample_text(THANH_HOA), &new);
    let changes = v.json();
    assert_eq!(
        summary(&changes),
        [
            row("removed", "chapter", "Chương II", ""),
            row("renumbered", "chapter", "Chương III", "Chương II"),
            row("renumbered", "article", "Điều 7", "Điều 4"),
            row("renumbered", "article", "Điều 8", "Điều 5"),
            row("renumbered", "article", "Điều 9", "Điều 6"),
        ]
    );
    let removed = changes[0]["old_text"].as_str().unwrap();
    assert!(
        removed.starts_with("Chương II CÁC NỘI DUNG PHỐI HỢP\nĐiều 4."),
        "{removed}"
    );
    assert!(v.terminal().contains("- bỏ Chương II (noi-dung-phoi-hop)"));
    insta::assert_snapshot!("diff-delete-chapter.md", v.markdown());
    let pages = v.pages();
    assert_table_layout(&pages);
    assert!(
        struck(&pages, "CÁC NỘI DUNG PHỐI HỢP"),
        "the removed chương is struck through"
    );
}

/// Drops every provision id (issuers keep theirs: signatures name them).
fn without_ids(value: &mut Yaml) {
    match value {
        Yaml::Mapping(map) => {
            map.remove("id");
            for (key, child) in map.iter_mut() {
                if key.as_str() != Some("issuers") {
                    without_ids(child);
                }
            }
        }
        Yaml::Sequence(items) => items.iter_mut().for_each(without_ids),
        _ => {}
    }
}

#[test]
fn a_version_without_ids_matches_one_with_ids() {
    let no_ids = edited(THANH_HOA, without_ids);
    assert!(!no_ids.contains("id: muc-tieu-phoi-hop"));
    let same = Versions::new(&no_ids, &sample_text(THANH_HOA));
    let (code, out, err) = same.run(&[]);
    assert_eq!(
        (code, out.contains("Hai bản giống nhau.")),
        (0, true),
        "{out}{err}"
    );
    let (code, out, _) = same.run(&["--format", "json"]);
    assert_eq!((code, out.trim()), (0, "[]"));

    // The id-less draft against the next draft, which has ids and one more Điều.
    let v = Versions::new(&no_ids, &insert_article());
    let changes = v.json();
    let kinds: Vec<String> = summary(&changes).into_iter().map(|r| r.0).collect();
    assert_eq!(
        kinds,
        [
            "added",
            "renumbered",
            "renumbered",
            "renumbered",
            "renumbered",
            "renumbered"
        ]
    );
    assert_eq!(changes[0]["new_number"], "Điều 5");
    insta::assert_snapshot!("diff-without-ids.md", v.markdown());
    assert_table_layout(&v.pages());
}

#[test]
fn all_lists_unchanged_provisions_and_same_versions_exit_zero() {
    let text = sample_text(THANH_HOA);
    let v = Versions::new(&text, &text);
    let (code, out, _) = v.run(&["--format", "json", "--all"]);
    assert_eq!(code, 0);
    let changes: Vec<Json> = serde_json::from_str(&out).unwrap();
    assert!(changes.iter().all(|c| c["kind"] == "unchanged"));
    assert!(changes.iter().any(|c| c["new_number"] == "khoản 4 Điều 3"));
    let (code, out, _) = v.run(&["--format", "md"]);
    assert_eq!(code, 0);
    assert!(out.contains("Hai bản dự thảo giống nhau."));
}

#[test]
fn a_git_revision_is_read_without_checkout_and_trouble_exits_two() {
    let dir = repository();
    let git = |args: &[&str]| git_in(dir.path(), None, args);
    std::fs::create_dir(dir.path().join("du-thao")).unwrap();
    let file = dir.path().join("du-thao/chuong-trinh.yaml");
    std::fs::write(&file, sample_text(THANH_HOA)).unwrap();
    git(&["add", "."]);
    git(&["commit", "-qm", "v1"]);
    std::fs::write(&file, insert_article()).unwrap();

    let run = |args: &[&str]| {
        let out = Command::new(bin())
            .current_dir(dir.path())
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code().unwrap(),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let (code, out, err) = run(&[
        "diff",
        "HEAD:du-thao/chuong-trinh.yaml",
        "du-thao/chuong-trinh.yaml",
        "-f",
        "json",
    ]);
    assert_eq!(code, 1, "{err}");
    let changes: Vec<Json> = serde_json::from_str(&out).unwrap();
    assert_eq!(changes[0]["kind"], "added");

    let (code, _, err) = run(&[
        "diff",
        "v9:du-thao/chuong-trinh.yaml",
        "du-thao/chuong-trinh.yaml",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("không đọc được tệp `du-thao/chuong-trinh.yaml` ở phiên bản `v9`"),
        "{err}"
    );
    let (code, _, err) = run(&["diff", "khong-co.yaml", "du-thao/chuong-trinh.yaml"]);
    assert_eq!(code, 2);
    assert!(err.contains("khong-co.yaml: không đọc được"), "{err}");
    let (code, _, err) = run(&[
        "diff",
        "du-thao/chuong-trinh.yaml",
        "du-thao/chuong-trinh.yaml",
        "-f",
        "pdf",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("--out"), "{err}");
}

#[test]
fn git_diff_through_the_driver_works_with_vanban_off_the_path_and_only_for_specs() {
    let dir = repository();
    // A PATH without vanban: git must find it by the full path git-setup wrote.
    let path = std::env::var("PATH").unwrap_or_default();
    let bin_dir = Path::new(bin()).parent().unwrap().canonicalize().unwrap();
    let path: Vec<&str> = path
        .split(':')
        .filter(|d| Path::new(d).canonicalize().ok().as_deref() != Some(bin_dir.as_path()))
        .collect();
    let path = path.join(":");
    let git = |args: &[&str]| git_in(dir.path(), Some(&path), args);
    let setup = |args: &[&str]| {
        Command::new(bin())
            .current_dir(dir.path())
            .arg("git-setup")
            .args(args)
            .output()
            .unwrap()
    };
    // No spec yet: nothing to set up, and it says how to name the files to come.
    let out = setup(&[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("vanban git-setup 'van-ban/*.yaml'"));

    // A folder of specs, and a workflow YAML that is not one; an older all-YAML line.
    std::fs::create_dir_all(dir.path().join("du-thao")).unwrap();
    std::fs::create_dir_all(dir.path().join(".ci")).unwrap();
    let file = dir.path().join("du-thao/chuong-trinh.yaml");
    let old = sample_text(THANH_HOA);
    std::fs::write(&file, &old).unwrap();
    let other = dir.path().join(".ci/workflow.yaml");
    std::fs::write(&other, "name: ci\non: [push]\n").unwrap();
    std::fs::write(
        dir.path().join(".gitattributes"),
        "*.pdf binary\n*.yaml diff=vanban\n",
    )
    .unwrap();
    let out = setup(&[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(said.contains("đã bỏ dòng `*.yaml diff=vanban`"), "{said}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join(".gitattributes")).unwrap(),
        "*.pdf binary\n/du-thao/*.yaml diff=vanban\n"
    );
    // A second run changes nothing.
    assert!(
        String::from_utf8(setup(&[]).stdout)
            .unwrap()
            .contains("giữ nguyên")
    );
    let textconv = git(&["config", "diff.vanban.textconv"]);
    assert!(
        textconv.trim().ends_with("/vanban' textconv") && textconv.starts_with("'/"),
        "{textconv}"
    );

    git(&["add", "."]);
    git(&["commit", "-qm", "v1"]);
    std::fs::write(&file, old.replace("đầu mỗi tiếp nhận", "đầu mối tiếp nhận")).unwrap();
    std::fs::write(&other, "name: ci\non: [push, pull_request]\n").unwrap();
    git(&["commit", "-qam", "v2"]);

    let diff = git(&["log", "-p", "-1", "--format="]);
    let changed = |sign: char| -> Vec<&str> {
        diff.lines()
            .filter(|l| l.starts_with(sign) && !l.starts_with("---") && !l.starts_with("+++"))
            .collect()
    };
    let removed = changed('-');
    let added = changed('+');
    // The workflow file is shown as it is written, not through vanban.
    assert_eq!(removed, ["-on: [push]", removed[1]], "{diff}");
    assert_eq!(added, ["+on: [push, pull_request]", added[1]], "{diff}");
    assert!(
        removed[1].starts_with("-4\\. Mỗi bên phân công đầu mỗi"),
        "{diff}"
    );
    assert!(
        added[1].starts_with("+4\\. Mỗi bên phân công đầu mối"),
        "{diff}"
    );
    assert!(
        diff.contains("### Điều 3. Hình thức phối hợp"),
        "the hunk shows its Điều: {diff}"
    );

    // Patterns given on the command line are written as they are.
    let out = setup(&["van-ban/**/*.yaml"]);
    assert!(out.status.success());
    assert!(
        std::fs::read_to_string(dir.path().join(".gitattributes"))
            .unwrap()
            .ends_with("/du-thao/*.yaml diff=vanban\nvan-ban/**/*.yaml diff=vanban\n")
    );
}

#[test]
fn textconv_gives_a_yaml_file_that_is_no_spec_back_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ci.yaml");
    std::fs::write(&file, "name: ci\nkind: workflow\n").unwrap();
    let out = Command::new(bin())
        .args(["textconv", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "name: ci\nkind: workflow\n"
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn textconv_prints_the_render_markdown() {
    let out = Command::new(bin())
        .args(["textconv", common::sample(THANH_HOA).to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let rendered = common::render_file(&common::sample(THANH_HOA)).md;
    let body = |md: &str| md.lines().skip(1).collect::<Vec<_>>().join("\n");
    assert_eq!(body(&text), body(&rendered));
    assert!(text.starts_with("<!-- Generated by vanban: edit the YAML"));
}

#[test]
fn text_written_otherwise_but_printed_the_same_is_no_change() {
    // Names and signature lines print in capitals: their case as written is not a change.
    let new = edited(THANH_HOA, |v| {
        let issuer = &mut seq(v, &["issuers"])[1];
        let name = issuer["name"].as_str().unwrap().to_uppercase();
        issuer["name"] = Yaml::String(name);
        let signature = &mut seq(v, &["signatures"])[0];
        let title = signature["title"].as_str().unwrap().to_uppercase();
        signature["title"] = Yaml::String(title);
    });
    let v = Versions::new(&sample_text(THANH_HOA), &new);
    let (code, out, err) = v.run(&["--format", "json"]);
    assert_eq!((code, out.trim()), (0, "[]"), "{err}");
    // A word changed inside the same name is a change.
    let new = edited(THANH_HOA, |v| {
        seq(v, &["issuers"])[1]["name"] = Yaml::String("Hiệp hội Doanh nghiệp tỉnh".to_owned());
    });
    let changes = Versions::new(&sample_text(THANH_HOA), &new).json();
    assert_eq!(summary(&changes), [row("changed", "issuer", "", "")]);
}

#[test]
fn bold_added_to_a_clause_is_a_change() {
    let new = edited(THANH_HOA, |v| {
        let clause = &mut seq(v, &["chapters", "0", "articles", "1", "clauses"])[0];
        let text = match clause {
            Yaml::String(s) => s,
            other => match &mut other["text"] {
                Yaml::String(s) => s,
                _ => panic!("a clause with text"),
            },
        };
        *text = format!("**{text}**");
    });
    let changes = Versions::new(&sample_text(THANH_HOA), &new).json();
    assert_eq!(
        summary(&changes),
        [row("changed", "clause", "khoản 1 Điều 2", "khoản 1 Điều 2")]
    );
}
