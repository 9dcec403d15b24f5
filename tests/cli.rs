//! The `vanban` binary as a user runs it: outputs, exit codes, Vietnamese messages that name
//! the file and the place, and no partial output on failure.

mod common;
use std::path::Path;
use std::process::{Command, Output};

fn vanban(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .output()
        .expect("binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

const GOOD: &str = "kind: ban-ghi-nho\ntitle: Hợp tác\nplace: Huế\nyear: 2024\n\
    issuers: [{id: a, name: Sở A, abbr: SA}]\n\
    articles: [{title: Phạm vi, clauses: [Nội dung]}]\n\
    signatures: [{issuer: a, title: Giám đốc, name: Nguyễn Văn A}]\n\
    recipients: [\"Lưu: VT\"]\n";

#[test]
fn render_writes_pdf_and_markdown_by_default_and_nothing_else() {
    let out = tempfile::tempdir().unwrap();
    let spec = common::sample("thanh-hoa-stttt-hhdn.yaml");
    let o = vanban(&[
        "render",
        spec.to_str().unwrap(),
        "--out",
        out.path().to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        files_in(out.path()),
        ["thanh-hoa-stttt-hhdn.md", "thanh-hoa-stttt-hhdn.pdf"]
    );
    let pdf = std::fs::read(out.path().join("thanh-hoa-stttt-hhdn.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
}

#[test]
fn format_typ_writes_the_typst_source() {
    let out = tempfile::tempdir().unwrap();
    let spec = out.path().join("ghi-nho.yaml");
    std::fs::write(&spec, GOOD).unwrap();
    let o = common::render_cli(&spec, out.path(), "typ");
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(files_in(out.path()), ["ghi-nho.typ", "ghi-nho.yaml"]);
    let typ = std::fs::read_to_string(out.path().join("ghi-nho.typ")).unwrap();
    assert!(
        typ.contains("#let nd30 ="),
        "the style file is inlined so the source compiles alone"
    );
}

/// `--format` takes names in any case and their long forms; a format named twice is written
/// once, in the order first given.
#[test]
fn format_list_reads_aliases_in_any_case_once_each_in_order() {
    let out = tempfile::tempdir().unwrap();
    let spec = out.path().join("ghi-nho.yaml");
    std::fs::write(&spec, GOOD).unwrap();
    let o = common::render_cli(&spec, out.path(), "Typst,MD,typ,markdown");
    assert!(o.status.success(), "{}", stderr(&o));
    let written: Vec<&str> = std::str::from_utf8(&o.stdout)
        .unwrap()
        .lines()
        .map(|l| l.rsplit('.').next().unwrap())
        .collect();
    assert_eq!(written, ["typ", "md"]);
}

#[test]
fn missing_file_exits_2_naming_it() {
    let o = vanban(&["render", "khong-co.yaml", "--out", "/tmp"]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("khong-co.yaml") && e.contains("không tìm thấy"),
        "{e}"
    );
}

#[test]
fn misuse_exits_2_in_vietnamese() {
    let o = vanban(&["render", "--bogus", "x.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("tham số lạ `--bogus`"),
        "{}",
        stderr(&o)
    );
    let o = vanban(&["render", "x.yaml", "--format", "odt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("định dạng `odt`"), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("chọn trong: pdf, md, typ, docx"),
        "{}",
        stderr(&o)
    );
    let o = vanban(&[]);
    assert_eq!(o.status.code(), Some(2));
}

/// Writes `yaml` as a spec, renders it, and returns the exit status and message; checks that
/// nothing but the spec is left in the folder.
fn render_bad(bytes: &[u8]) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("sai.yaml");
    std::fs::write(&spec, bytes).unwrap();
    let o = vanban(&[
        "render",
        spec.to_str().unwrap(),
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(
        files_in(dir.path()),
        ["sai.yaml"],
        "no output may be left behind"
    );
    (o.status.code(), stderr(&o))
}

#[test]
fn yaml_syntax_error_names_line_and_column() {
    let (code, e) = render_bad(b"kind: quy-che\ntitle: [unclosed\nplace: x\n");
    assert_eq!(code, Some(1));
    assert!(e.contains("sai.yaml:"), "{e}");
    assert!(e.contains("lỗi["), "{e}");
    let place = e.split("sai.yaml:").nth(1).unwrap();
    assert!(
        place.split(':').next().unwrap().parse::<usize>().is_ok(),
        "line number expected: {e}"
    );
}

#[test]
fn unknown_key_suggests_the_right_one() {
    let yaml = GOOD.replace("recipients:", "recipient:");
    let (code, e) = render_bad(yaml.as_bytes());
    assert_eq!(code, Some(1));
    assert!(
        e.contains("`recipient`") && e.contains("có phải ý bạn là `recipients`"),
        "{e}"
    );
    assert!(e.contains("sai.yaml:8:"), "{e}");
}

#[test]
fn missing_field_and_wrong_kind_are_reported_in_vietnamese() {
    let (code, e) = render_bad(GOOD.replace("title: Hợp tác\n", "").as_bytes());
    assert_eq!(code, Some(1));
    assert!(e.contains("thiếu trường bắt buộc `title`"), "{e}");
    let (_, e) = render_bad(GOOD.replace("ban-ghi-nho", "ban-ghi-nhoo").as_bytes());
    assert!(e.contains("có phải ý bạn là `ban-ghi-nho`"), "{e}");
    let (_, e) = render_bad(GOOD.replace("year: 2024", "date: 2024-02-30").as_bytes());
    assert!(
        e.contains("2024-02-30") && e.contains("không hợp lệ") && e.contains("`date`"),
        "{e}"
    );
}

#[test]
fn unknown_reference_is_an_error_with_its_path_and_writes_nothing() {
    let yaml = GOOD.replace("clauses: [Nội dung]", "clauses: [\"Xem [[khong-co]]\"]");
    let (code, e) = render_bad(yaml.as_bytes());
    assert_eq!(code, Some(1));
    assert!(
        e.contains("[[khong-co]]") && e.contains("articles[0].clauses[0]"),
        "{e}"
    );
}

#[test]
fn empty_binary_and_truncated_files_are_errors_not_crashes() {
    let (code, e) = render_bad(b"");
    assert_eq!(code, Some(1));
    assert!(e.contains("tệp trống"), "{e}");
    let (code, e) = render_bad(&[0x89, b'P', b'N', b'G', 0xff, 0x00, 0xfe, 0x12]);
    assert_eq!(code, Some(1));
    assert!(e.contains("UTF-8"), "{e}");
    let (code, _) = render_bad(&GOOD.as_bytes()[..GOOD.len() / 2]);
    assert_eq!(code, Some(1));
}

#[test]
fn windows_encodings_and_decomposed_text_are_accepted() {
    use unicode_normalization::UnicodeNormalization;
    let dir = tempfile::tempdir().unwrap();
    let crlf = GOOD.replace('\n', "\r\n");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(crlf.encode_utf16().flat_map(u16::to_le_bytes));
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend(GOOD.nfd().collect::<String>().into_bytes());
    for (name, bytes) in [("utf16.yaml", utf16), ("bom-nfd.yaml", bom)] {
        let spec = dir.path().join(name);
        std::fs::write(&spec, bytes).unwrap();
        let o = common::render_cli(&spec, dir.path(), "md");
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        let md = std::fs::read_to_string(spec.with_extension("md")).unwrap();
        assert!(
            md.contains("Nguyễn Văn A"),
            "{name}: text must come out in NFC:\n{md}"
        );
    }
}

#[test]
fn one_bad_spec_does_not_stop_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("tot.yaml");
    let bad = dir.path().join("hong.yaml");
    std::fs::write(&good, GOOD).unwrap();
    std::fs::write(&bad, "kind: 3").unwrap();
    let o = vanban(&[
        "render",
        bad.to_str().unwrap(),
        good.to_str().unwrap(),
        "-o",
        dir.path().to_str().unwrap(),
        "-f",
        "md",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("hong.yaml"), "{}", stderr(&o));
    assert!(dir.path().join("tot.md").exists());
    assert!(!dir.path().join("hong.md").exists());
}

/// Writes `yaml` to a temporary folder and renders it to PDF with `extra` arguments and
/// environment; returns the exit code, stderr and the PDF bytes if one was written.
fn render_pdf(
    yaml: &str,
    extra: &[&str],
    env: &[(&str, &str)],
) -> (Option<i32>, String, Option<Vec<u8>>) {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("vb.yaml");
    std::fs::write(&spec, yaml).unwrap();
    let out = dir.path().join("out");
    let mut args = vec![
        "render",
        spec.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "-f",
        "pdf",
    ];
    args.extend_from_slice(extra);
    let o = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(&args)
        .env_remove("SOURCE_DATE_EPOCH")
        .envs(env.iter().copied())
        .output()
        .unwrap();
    (
        o.status.code(),
        stderr(&o),
        std::fs::read(out.join("vb.pdf")).ok(),
    )
}

#[test]
fn a_character_missing_from_the_font_is_an_error_naming_it_and_its_line() {
    // U+0F00 TIBETAN SYLLABLE OM is not in Liberation Serif (nor in Times New Roman).
    let yaml = GOOD.replace("Nội dung", "Nội dung \u{0F00} lạ");
    let (code, err, pdf) = render_pdf(&yaml, &[], &[]);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("vb.yaml:6:48") && err.contains("U+0F00"),
        "{err}"
    );
    assert!(
        err.contains("không có trong phông chữ Liberation Serif"),
        "{err}"
    );
    assert!(pdf.is_none(), "no PDF with a hole in it");
}

#[test]
fn font_dir_takes_the_named_family_and_refuses_a_folder_without_it() {
    let fonts = common::root().join("fonts");
    let fonts = fonts.to_str().unwrap();
    let (code, err, pdf) = render_pdf(
        GOOD,
        &["--font-dir", fonts, "--font", "Liberation Serif"],
        &[],
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(pdf.is_some());
    // The folder has no Times New Roman: say so, name the folder, list what is there.
    let (code, err, pdf) = render_pdf(GOOD, &["--font-dir", fonts], &[]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("không tìm thấy phông chữ `Times New Roman`"),
        "{err}"
    );
    assert!(
        err.contains("Liberation Serif") && err.contains("fonts"),
        "{err}"
    );
    assert!(pdf.is_none());
    let empty = tempfile::tempdir().unwrap();
    let (code, err, _) = render_pdf(GOOD, &["--font-dir", empty.path().to_str().unwrap()], &[]);
    assert_eq!(code, Some(2));
    assert!(err.contains("không có tệp phông chữ nào"), "{err}");
    let (code, _, _) = render_pdf(GOOD, &["--font", "Times New Roman"], &[]);
    assert_eq!(code, Some(2), "--font needs --font-dir");
}

#[test]
fn source_date_epoch_sets_the_pdf_dates_and_nothing_else_changes() {
    let (_, _, plain) = render_pdf(GOOD, &[], &[]);
    let (_, _, again) = render_pdf(GOOD, &[], &[]);
    assert!(plain == again, "same bytes twice");
    let plain = String::from_utf8_lossy(&plain.unwrap()).into_owned();
    assert!(
        plain.contains("2024-01-01T00:00:00+07:00"),
        "the year of the spec"
    );
    let (code, err, dated) = render_pdf(GOOD, &[], &[("SOURCE_DATE_EPOCH", "1700000000")]);
    assert_eq!(code, Some(0), "{err}");
    let dated = String::from_utf8_lossy(&dated.unwrap()).into_owned();
    assert!(dated.contains("2023-11-14T22:13:20Z") || dated.contains("2023-11-14T22:13:20+00:00"));
    let (code, err, _) = render_pdf(GOOD, &[], &[("SOURCE_DATE_EPOCH", "hôm qua")]);
    assert_eq!(code, Some(1));
    assert!(err.contains("SOURCE_DATE_EPOCH"), "{err}");
}

#[test]
fn a_batch_renders_every_spec_reports_failures_at_the_end_and_refuses_clashing_names() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    std::fs::create_dir_all(&a).unwrap();
    std::fs::create_dir_all(&b).unwrap();
    let mut specs = Vec::new();
    for i in 0..6 {
        let p = a.join(format!("vb{i}.yaml"));
        std::fs::write(&p, GOOD.replace("Hợp tác", &format!("Hợp tác {i}"))).unwrap();
        specs.push(p);
    }
    let broken = a.join("hong.yaml");
    std::fs::write(&broken, "kind: [").unwrap();
    specs.insert(2, broken);
    // Same stem as a/vb0.yaml: both would write out/vb0.pdf.
    let twin = b.join("vb0.yaml");
    std::fs::write(&twin, GOOD).unwrap();
    specs.push(twin);
    let out = dir.path().join("out");
    let mut args = vec!["render", "-o", out.to_str().unwrap(), "-f", "pdf"];
    args.extend(specs.iter().map(|p| p.to_str().unwrap()));
    let o = vanban(&args);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    let written = String::from_utf8_lossy(&o.stdout);
    let order: Vec<&str> = written.lines().collect();
    let expected: Vec<String> = (1..6)
        .map(|i| format!("đã ghi {}", out.join(format!("vb{i}.pdf")).display()))
        .collect();
    assert_eq!(
        order, expected,
        "in the order given, clashing and broken ones left out"
    );
    assert!(err.contains("trùng tên tệp kết quả"), "{err}");
    assert!(err.contains("3 trên 8 tệp không trình bày được"), "{err}");
    // The summary names each failed file on its line.
    let summary = err
        .split("không trình bày được:")
        .nth(1)
        .unwrap_or_default();
    assert!(
        summary.lines().any(|l| l.contains("hong.yaml:1:")),
        "{summary}"
    );
    assert!(!out.join("vb0.pdf").exists() && !out.join("hong.pdf").exists());
}

/// A `vanban watch` running in the background, its output collected line by line; killed when
/// dropped.
struct Watching {
    child: std::process::Child,
    stdout: std::sync::Arc<std::sync::Mutex<String>>,
    stderr: std::sync::Arc<std::sync::Mutex<String>>,
    readers: Vec<std::thread::JoinHandle<()>>,
}

impl Watching {
    fn start(dir: &Path, args: &[&str]) -> Watching {
        use std::process::Stdio;
        let mut child = Command::new(env!("CARGO_BIN_EXE_vanban"))
            .arg("watch")
            .args(args)
            .current_dir(dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("binary starts");
        let mut readers = Vec::new();
        let mut collect = |stream: Box<dyn std::io::Read + Send>| {
            let text = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
            let sink = text.clone();
            readers.push(std::thread::spawn(move || {
                use std::io::BufRead;
                for line in std::io::BufReader::new(stream).lines() {
                    let Ok(line) = line else { break };
                    let mut all = sink.lock().unwrap();
                    all.push_str(&line);
                    all.push('\n');
                }
            }));
            text
        };
        let stdout = collect(Box::new(child.stdout.take().unwrap()));
        let stderr = collect(Box::new(child.stderr.take().unwrap()));
        Watching {
            child,
            stdout,
            stderr,
            readers,
        }
    }

    /// Sends Ctrl+C (SIGINT) and waits up to a minute for the watch to end with exit code 0.
    #[cfg(unix)]
    fn interrupt(&mut self) {
        use nix::sys::signal::{Signal, kill};
        let pid = nix::unistd::Pid::from_raw(self.child.id() as i32);
        kill(pid, Signal::SIGINT).expect("SIGINT sent");
        let start = std::time::Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            assert!(
                start.elapsed() < std::time::Duration::from_secs(60),
                "`vanban watch` did not stop on Ctrl+C"
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        };
        assert_eq!(status.code(), Some(0), "{}", self.stderr());
        for reader in self.readers.drain(..) {
            reader.join().expect("output reader");
        }
    }

    fn stdout(&self) -> String {
        self.stdout.lock().unwrap().clone()
    }

    fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Waits (up to two minutes: the first render of an unoptimised build is slow) until
    /// standard output contains `text`.
    fn wait_for(&self, text: &str) {
        let start = std::time::Instant::now();
        while !self.stdout().contains(text) {
            assert!(
                start.elapsed() < std::time::Duration::from_secs(120),
                "`vanban watch` never printed {text:?}\nstdout:\n{}\nstderr:\n{}",
                self.stdout(),
                self.stderr()
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }
}

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Saves a file the way many editors do: a new file, renamed over the old one.
fn save_by_replacing(path: &Path, text: &str) {
    let tmp = path.with_extension("yaml.swp");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

#[test]
#[cfg(unix)]
fn watch_renders_on_every_save_and_keeps_the_last_good_outputs_when_a_save_is_broken() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("du-thao.yaml");
    let original = std::fs::read_to_string(common::sample("thanh-hoa-stttt-hhdn.yaml")).unwrap();
    std::fs::write(&spec, &original).unwrap();
    let pdf = dir.path().join("out/du-thao.pdf");
    let md = dir.path().join("out/du-thao.md");

    let mut watch = Watching::start(dir.path(), &["du-thao.yaml", "--out", "out"]);
    watch.wait_for("[1] đã ghi");
    watch.wait_for("Đang theo dõi 1 tệp");
    let first_pdf = std::fs::read(&pdf).unwrap();
    assert!(
        std::fs::read_to_string(&md)
            .unwrap()
            .contains("là đầu mối, giúp")
    );

    // A save in place.
    std::fs::write(
        &spec,
        original.replace("là đầu mối, giúp", "là cơ quan đầu mối, giúp"),
    )
    .unwrap();
    watch.wait_for("[2] đã ghi");
    let good_md = std::fs::read_to_string(&md).unwrap();
    let good_pdf = std::fs::read(&pdf).unwrap();
    assert!(good_md.contains("là cơ quan đầu mối, giúp"), "{good_md}");
    assert_ne!(good_pdf, first_pdf);

    // A broken save: reported, outputs untouched, still watching.
    std::fs::write(&spec, format!("{original}\ntittle: [chưa đóng\n")).unwrap();
    watch.wait_for("[3] du-thao.yaml: chưa trình bày được");
    assert!(
        watch.stderr().contains("du-thao.yaml"),
        "{}",
        watch.stderr()
    );
    assert_eq!(std::fs::read_to_string(&md).unwrap(), good_md);
    assert_eq!(std::fs::read(&pdf).unwrap(), good_pdf);
    let leftovers: Vec<String> = files_in(&dir.path().join("out"))
        .into_iter()
        .filter(|f| f.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");

    // Fixed by an editor that saves through a new file and a rename.
    save_by_replacing(
        &spec,
        &original.replace("là đầu mối, giúp", "là đơn vị đầu mối, giúp"),
    );
    watch.wait_for("[4] đã ghi");
    assert!(
        std::fs::read_to_string(&md)
            .unwrap()
            .contains("là đơn vị đầu mối, giúp")
    );
    // Nothing more, even after a while: rendering reads the spec, which must not count as a
    // save (it once set off a render after every render).
    std::thread::sleep(std::time::Duration::from_secs(1));
    assert!(!watch.stdout().contains("[5]"), "one render per save");

    // Ctrl+C ends it cleanly.
    watch.interrupt();
    assert!(
        watch.stdout().contains("Đã dừng theo dõi."),
        "{}",
        watch.stdout()
    );
}

#[test]
fn watch_refuses_a_spec_that_does_not_exist() {
    let dir = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["watch", "khong-co.yaml"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("khong-co.yaml"), "{}", stderr(&o));
}

#[test]
#[cfg(unix)]
fn watch_renders_again_when_a_house_template_beside_the_spec_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("vb.yaml"), GOOD).unwrap();
    let house = dir.path().join("templates/typst/house.typ");
    std::fs::create_dir_all(house.parent().unwrap()).unwrap();
    std::fs::write(&house, "// mẫu riêng, bản 1\n").unwrap();
    let mut watch = Watching::start(dir.path(), &["vb.yaml", "--format", "typ"]);
    watch.wait_for("[1] đã ghi");
    watch.wait_for("Đang theo dõi");
    std::fs::write(&house, "// mẫu riêng, bản 2\n").unwrap();
    watch.wait_for("[2] đã ghi");
    let typ = std::fs::read_to_string(dir.path().join("vb.typ")).unwrap();
    assert!(
        typ.contains("mẫu riêng, bản 2"),
        "the .typ carries the new house file"
    );
    watch.interrupt();
}

#[test]
fn every_help_page_is_in_vietnamese() {
    let commands = [
        "render",
        "watch",
        "new",
        "import",
        "schema",
        "check",
        "diff",
        "textconv",
        "git-setup",
    ];
    let pages = std::iter::once(vec!["--help"]).chain(commands.iter().map(|c| vec![*c, "--help"]));
    for args in pages {
        let o = vanban(&args);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        let help = String::from_utf8_lossy(&o.stdout);
        assert!(help.contains("Cách dùng:"), "{args:?}\n{help}");
        for english in [
            "[OPTIONS]",
            "[default:",
            "Usage:",
            "Options:",
            "[possible values",
        ] {
            assert!(!help.contains(english), "{args:?}: {english}\n{help}");
        }
    }
}
