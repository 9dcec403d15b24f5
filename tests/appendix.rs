//! Appendices as real ones are printed: several tables with their captions and notes, khoản and
//! điểm numbered like the body (and cited "khoản 2 Phụ lục I"), group rows with or without
//! numbers, the "(Kèm theo …)" line naming a decision's authority or opening with the author's
//! words — read off the laid-out pages, the Markdown, `vanban check` and `vanban diff`.

mod common;
use common::*;
use std::sync::OnceLock;
use vanban::pages::Line;

const MM: f64 = 72.0 / 25.4;
const LEFT: f64 = 30.0 * MM;
const TOP: f64 = 20.0 * MM;
const INDENT: f64 = 12.7 * MM;

/// A decision with two appendices: Phụ lục I holds paragraphs, khoản and two forms (Mẫu I,
/// Mẫu II); Phụ lục II one long table whose groups are not numbered but one.
fn spec() -> String {
    let rows: String = (1..=45)
        .map(|i| format!("        - [Nhiệm vụ số {i} của năm, Quý {}]\n", 1 + i % 4))
        .collect();
    format!(
        "kind: quyet-dinh
title: Ban hành Quy chế phối hợp
place: Thừa Thiên Huế
year: 2026
issuers: [{{id: ubnd, name: Ủy ban nhân dân tỉnh Thừa Thiên Huế, abbr: UBND}}]
enacting: Chủ tịch Ủy ban nhân dân tỉnh Thừa Thiên Huế
bases: [Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015]
articles:
  - Ban hành kèm theo Quyết định này các mẫu báo cáo tại [[mau]]; thời hạn theo [[han]], [[quy]].
  - Quyết định này có hiệu lực kể từ ngày ký.
signatures: [{{issuer: ubnd, authority: [TM. Ủy ban nhân dân, KT. Chủ tịch], title: Phó Chủ tịch, name: Nguyễn Văn An}}]
recipients: [Như Điều 2, \"Lưu: VT\"]
appendices:
  - id: mau
    title: Các mẫu báo cáo kết quả phối hợp
    attached: {{opening: Ban hành kèm theo}}
    paragraphs: Phụ lục này gồm hai mẫu báo cáo.
    clauses:
      - text: \"Kỳ báo cáo:\"
        points:
          - id: quy
            text: Báo cáo quý;
          - text: Báo cáo năm.
            paragraphs: Số liệu tính từ ngày 15 tháng 12 năm trước.
      - id: han
        text: Báo cáo gửi trước ngày 20 của tháng cuối kỳ.
    tables:
      - caption: Mẫu I
        columns: [{{title: STT, number: true, align: center}}, {{title: Nội dung}}, {{title: Kết quả}}]
        rows:
          - {{group: Phần chung, number: false}}
          - [Tên đơn vị báo cáo, \"\"]
          - [Kỳ báo cáo, \"\"]
          - group: Kết quả thực hiện
          - [Số hội nghị đã tổ chức, \"\"]
        notes: \"Ghi chú: số liệu tính đến ngày cuối kỳ báo cáo.\"
      - caption: |-
          Mẫu II
          Báo cáo năm
        columns: [{{title: Nội dung}}, {{title: Kiến nghị}}]
        rows: [[Khó khăn và vướng mắc, \"\"]]
    notes: Các đơn vị dùng đúng mẫu.
  - title: Danh mục nhiệm vụ
    table:
      caption: Danh mục nhiệm vụ năm 2026
      number_groups: false
      columns: [{{title: STT, number: true, align: center}}, {{title: Nhiệm vụ}}, {{title: Thời gian}}]
      rows:
        - group: Nhóm không số
{rows}        - {{group: Nhóm có số, number: true}}
        - [Tổng kết, Quý IV]
"
    )
}

fn rendered() -> &'static Rendered {
    static R: OnceLock<Rendered> = OnceLock::new();
    R.get_or_init(|| render_yaml(&spec()))
}

fn lines() -> Vec<Line> {
    rendered()
        .pages
        .lines()
        .into_iter()
        .filter(|l| l.y > TOP)
        .collect()
}

/// The first laid-out line whose text starts with `start`, and its index.
fn find(lines: &[Line], start: &str) -> (usize, Line) {
    lines
        .iter()
        .enumerate()
        .find(|(_, l)| collapse(&l.text()).starts_with(start))
        .map(|(i, l)| (i, l.clone()))
        .unwrap_or_else(|| panic!("no line starts with {start:?}"))
}

fn centred(l: &Line) -> bool {
    let (w, _) = rendered().pages.sizes[l.page];
    let centre = (LEFT + w - 15.0 * MM) / 2.0;
    ((l.left() + l.right()) / 2.0 - centre).abs() < 2.0 * MM
}

#[test]
fn the_check_finds_nothing_wrong() {
    let checked = vanban::check::check_bytes("t.yaml", spec().as_bytes());
    let found: Vec<_> = checked.report.findings.iter().map(|f| f.rule.id).collect();
    assert_eq!(found, Vec::<&str>::new(), "{:?}", checked.report.findings);
}

#[test]
fn khoản_and_điểm_of_an_appendix_are_numbered_and_cited_like_the_body() {
    let text = pdf_text(&rendered().pages);
    assert!(
        text.contains(
            "Ban hành kèm theo Quyết định này các mẫu báo cáo tại Phụ lục I; thời hạn theo khoản \
             2 Phụ lục I, điểm a khoản 1 Phụ lục I."
        ),
        "{text}"
    );
    let lines = lines();
    let (title, _) = find(&lines, "CÁC MẪU BÁO CÁO");
    let order = [
        "Phụ lục này gồm hai mẫu báo cáo.",
        "1. Kỳ báo cáo:",
        "a) Báo cáo quý;",
        "b) Báo cáo năm.",
        "Số liệu tính từ ngày 15 tháng 12 năm trước.",
        "2. Báo cáo gửi trước ngày 20",
        "Mẫu I",
    ];
    let mut at = title;
    for start in order {
        let (i, l) = find(&lines[at..], start);
        at += i;
        assert!(
            (l.left() - (LEFT + INDENT)).abs() < 0.5 || start == "Mẫu I",
            "{start}: indented as a body paragraph ({})",
            l.left()
        );
        assert!(l.runs.iter().all(|r| r.size == 14.0), "{start}: 14 pt");
    }
    let md = md_text(&rendered().md);
    for start in order {
        assert!(md.contains(start), "{start} not in the Markdown");
    }
}

#[test]
fn each_table_has_its_caption_above_its_header_and_its_notes_below() {
    let lines = lines();
    for (caption, header, after) in [
        (
            "Mẫu I",
            "STT Nội dung Kết quả",
            "Ghi chú: số liệu tính đến ngày cuối kỳ báo cáo.",
        ),
        ("Mẫu II", "Nội dung Kiến nghị", "Các đơn vị dùng đúng mẫu."),
    ] {
        let (i, cap) = find(&lines, caption);
        assert!(
            cap.runs.iter().all(|r| r.bold && r.size == 14.0),
            "{caption} bold 14 pt"
        );
        assert!(centred(&cap), "{caption} centred");
        let (j, head) = find(&lines[i..], header);
        assert_eq!(head.page, cap.page, "{caption} on the page of its table");
        assert!(head.y > cap.y);
        let (k, _) = find(&lines[i + j..], after);
        assert!(k > 0);
    }
    let (_, second) = find(&lines, "Báo cáo năm");
    assert!(
        second.runs.iter().all(|r| r.bold),
        "the caption's second line"
    );
}

#[test]
fn group_rows_are_numbered_unless_the_table_or_the_row_says_not() {
    let lines = lines();
    // Mẫu I: the first group is unnumbered and spans the whole row; the second is "I"; the
    // rows under each start again from 1.
    let (i, _) = find(&lines, "Mẫu I");
    let texts: Vec<String> = lines[i..i + 8]
        .iter()
        .map(|l| collapse(&l.text()))
        .collect();
    let want = [
        "Phần chung",
        "1 Tên đơn vị báo cáo",
        "2 Kỳ báo cáo",
        "I Kết quả thực hiện",
        "1 Số hội nghị đã tổ chức",
    ];
    for w in want {
        assert!(texts.iter().any(|t| t == w), "{w:?} not in {texts:?}");
    }
    let (_, group) = find(&lines[i..], "Phần chung");
    let (_, row) = find(&lines[i..], "1 Tên đơn vị báo cáo");
    assert!(group.runs.iter().all(|r| r.bold));
    assert!(
        group.left() < row.runs[1].x,
        "an unnumbered group starts in the STT column"
    );
    // Phụ lục II: groups unnumbered by the table, one numbered by its row: it is "I".
    assert_eq!(find(&lines, "Nhóm không số").1.text(), "Nhóm không số");
    assert_eq!(
        collapse(&find(&lines, "I Nhóm có số").1.text()),
        "I Nhóm có số"
    );
    let md = &rendered().md;
    assert!(md.contains("| **Phần chung** | | |"), "{md}");
    assert!(md.contains("| **I** | **Kết quả thực hiện** | |"), "{md}");
    assert!(md.contains("| **I** | **Nhóm có số** | |"), "{md}");
}

#[test]
fn a_long_table_repeats_its_header_but_not_its_caption() {
    let lines = lines();
    let (i, caption) = find(&lines, "Danh mục nhiệm vụ năm 2026");
    let last = find(&lines, "I Nhóm có số").1.page;
    assert!(last > caption.page, "the table spans pages");
    for page in caption.page..=last {
        let on_page: Vec<&Line> = lines[i..].iter().filter(|l| l.page == page).collect();
        assert!(
            on_page
                .iter()
                .any(|l| collapse(&l.text()) == "STT Nhiệm vụ Thời gian"),
            "page {} lacks the header row",
            page + 1
        );
        let captions = on_page
            .iter()
            .filter(|l| l.text() == "Danh mục nhiệm vụ năm 2026")
            .count();
        assert_eq!(captions, usize::from(page == caption.page));
    }
}

#[test]
fn the_kèm_theo_line_names_the_authority_and_keeps_the_author_words_and_the_blanks() {
    let lines = lines();
    let (i, opening) = find(&lines, "(Ban hành kèm theo Quyết định số");
    assert!(opening.runs.iter().all(|r| r.italic), "italic");
    // The number, the day and the month are left blank for the văn thư.
    let (_, next) = find(&lines[i + 1..], "");
    let gaps = opening
        .runs
        .windows(2)
        .chain(next.runs.windows(2))
        .filter(|w| w[0].y == w[1].y && w[1].x - (w[0].x + w[0].width) > 8.0 * MM)
        .count();
    // Room at the end of a line is centred with it: the visible text then stands left of the
    // axis by half of it.
    let (w, _) = rendered().pages.sizes[opening.page];
    let axis = (LEFT + w - 15.0 * MM) / 2.0;
    let trailing = [&opening, &next]
        .iter()
        .filter(|l| 2.0 * (axis - (l.left() + l.right()) / 2.0) > 8.0 * MM)
        .count();
    assert!(
        gaps + trailing >= 3,
        "room for number, day and month: {}",
        opening.text()
    );
    let whole = collapse(
        &lines[i..i + 2]
            .iter()
            .map(Line::text)
            .collect::<Vec<_>>()
            .join(" "),
    );
    assert!(
        whole.ends_with("năm 2026 của Chủ tịch Ủy ban nhân dân tỉnh Thừa Thiên Huế)"),
        "{whole}"
    );
    // The second appendix has the usual opening words. Each line wraps in two lines of even
    // length ("năm" kept with its year), not a full line and a few words left over.
    let (j, usual) = find(&lines, "(Kèm theo Quyết định số");
    let width = |l: &Line| l.right() - l.left();
    for (first, second) in [(&opening, &next), (&usual, &lines[j + 1])] {
        let (a, b) = (collapse(&first.text()), collapse(&second.text()));
        assert!(
            width(second) > 0.75 * width(first) && !a.ends_with("năm"),
            "{:.0} pt then {:.0} pt: {a} / {b}",
            width(first),
            width(second),
        );
    }
    let md = &rendered().md;
    assert!(
        md.contains(
            "*(Ban hành kèm theo Quyết định số …/QĐ-UBND ngày … tháng … năm 2026 của Chủ tịch \
             Ủy ban nhân dân tỉnh Thừa Thiên Huế)*"
        ),
        "{md}"
    );
}

#[test]
fn the_comparison_reads_the_khoản_and_the_tables_of_an_appendix() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("cu.yaml");
    let new = dir.path().join("moi.yaml");
    std::fs::write(&old, spec()).unwrap();
    let edited = spec()
        .replace("trước ngày 20 của", "trước ngày 25 của")
        .replace("[Khó khăn và vướng mắc", "[Khó khăn và đề xuất")
        .replace("caption: Mẫu I\n", "caption: Mẫu số I\n");
    std::fs::write(&new, edited).unwrap();
    let cmp =
        vanban::commands::diff::comparison(old.to_str().unwrap(), new.to_str().unwrap(), false)
            .unwrap();
    let changes: Vec<(String, String)> = cmp
        .changes
        .iter()
        .map(|c| {
            (
                c.path.clone(),
                c.new_number.clone().unwrap_or(c.place.clone()),
            )
        })
        .collect();
    assert_eq!(
        changes,
        [
            ("appendices[0]".to_owned(), "Phụ lục I".to_owned()),
            (
                "appendices[0].clauses[1]".to_owned(),
                "khoản 2 Phụ lục I".to_owned()
            ),
            (
                "appendices[0].tables[1].rows[0]".to_owned(),
                "hàng của bảng \"Mẫu II Báo cáo năm\" trong Phụ lục I".to_owned()
            ),
        ]
    );
    assert!(
        cmp.changes[0]
            .new_text
            .as_deref()
            .unwrap()
            .contains("Mẫu số I")
    );
}
