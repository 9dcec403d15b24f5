//! YAML order is page order: the paragraphs, điểm, ý and khoản of a khoản, điểm, Điều and mục I.
//! print in the order their keys are written, read off the laid-out pages and the Markdown; a
//! điểm holds paragraphs of its own; "./." follows the last text printed; `vanban diff` sees a
//! điểm's paragraphs.

mod common;
use common::*;
use std::sync::OnceLock;
use vanban::pages::Line;

const MM: f64 = 72.0 / 25.4;
const LEFT: f64 = 30.0 * MM;
const INDENT: f64 = 12.7 * MM;

const HEAD: &str = "kind: quy-che-phoi-hop\ntitle: Thứ tự in\nplace: Huế\nyear: 2026\n\
    issuers: [{id: a, name: Sở Tư pháp, abbr: STP}]\n\
    signatures: [{issuer: a, title: Giám đốc, name: Nguyễn Văn An}]\n\
    recipients: [\"Lưu: VT\"]\n";

/// Điều 1: a khoản whose paragraph is written between its text and its điểm, a điểm with a
/// paragraph before its ý and one with a paragraph after them, a khoản in the usual order;
/// Điều 2: a paragraph written after the khoản.
const ARTICLES: &str = "articles:
  - title: Hình thức phối hợp
    clauses:
      - text: \"Các bên phối hợp theo các hình thức sau:\"
        paragraphs: [\"Tùy tính chất công việc, các bên chọn một hoặc nhiều hình thức.\"]
        points:
          - text: Tổ chức hội nghị liên ngành.
            paragraphs: [Hội nghị do cơ quan chủ trì triệu tập.]
            items: [Thành phần gồm lãnh đạo các bên.]
          - text: Trao đổi bằng văn bản.
            items: [Văn bản gửi qua hệ thống điện tử.]
            paragraphs: Thời hạn trả lời là 05 ngày làm việc.
        items: [Các hình thức khác do hai bên thống nhất.]
      - text: Chế độ thông tin
        points: [Báo cáo định kỳ., Báo cáo đột xuất.]
        paragraphs: [Báo cáo gửi về Sở Tư pháp để tổng hợp.]
  - title: Tổ chức thực hiện
    clauses: [Các bên triển khai Quy chế này.]
    paragraphs: Quy chế có hiệu lực từ ngày ký.
";

fn articles() -> &'static Rendered {
    static R: OnceLock<Rendered> = OnceLock::new();
    R.get_or_init(|| render_yaml(&format!("{HEAD}{ARTICLES}")))
}

/// Asserts that `texts` occur in `hay` in this order.
fn in_order(hay: &str, texts: &[&str]) {
    let mut from = 0;
    for t in texts {
        let at = hay[from..]
            .find(t)
            .unwrap_or_else(|| panic!("{t:?} missing or out of order in:\n{hay}"));
        from += at + t.len();
    }
}

/// The order a reader meets the parts of Điều 1 and 2 in.
const PRINTED: &[&str] = &[
    "1. Các bên phối hợp theo các hình thức sau:",
    "Tùy tính chất công việc, các bên chọn một hoặc nhiều hình thức.",
    "a) Tổ chức hội nghị liên ngành.",
    "Hội nghị do cơ quan chủ trì triệu tập.",
    "- Thành phần gồm lãnh đạo các bên.",
    "b) Trao đổi bằng văn bản.",
    "- Văn bản gửi qua hệ thống điện tử.",
    "Thời hạn trả lời là 05 ngày làm việc.",
    "- Các hình thức khác do hai bên thống nhất.",
    "2. Chế độ thông tin",
    "a) Báo cáo định kỳ.",
    "b) Báo cáo đột xuất.",
    "Báo cáo gửi về Sở Tư pháp để tổng hợp.",
    "Điều 2. Tổ chức thực hiện",
    "1. Các bên triển khai Quy chế này.",
    "Quy chế có hiệu lực từ ngày ký./.",
];

#[test]
fn the_pages_follow_the_order_the_keys_are_written_in() {
    in_order(&pdf_text(&articles().pages), PRINTED);
}

#[test]
fn the_markdown_follows_the_order_the_keys_are_written_in() {
    let md = md_text(&articles().md);
    in_order(&md, PRINTED);
    // "./." once, after the last text printed, not after the last khoản.
    assert_eq!(articles().md.matches("./.").count(), 1);
    assert!(!md.contains("Các bên triển khai Quy chế này./."), "{md}");
}

/// The laid-out line that starts with `start`.
fn line<'a>(lines: &'a [Line], start: &str) -> &'a Line {
    lines
        .iter()
        .find(|l| l.text().starts_with(start))
        .unwrap_or_else(|| panic!("no line starts with {start:?}"))
}

#[test]
fn a_paragraph_of_a_khoản_or_điểm_is_set_as_a_body_paragraph() {
    let lines = articles().pages.lines();
    for start in [
        "Tùy tính chất công việc",
        "Hội nghị do cơ quan chủ trì",
        "Thời hạn trả lời là 05",
        "Báo cáo gửi về Sở Tư pháp",
    ] {
        let l = line(&lines, start);
        assert!(
            (l.left() - (LEFT + INDENT)).abs() < 0.5,
            "{start}: first-line indent, at {}",
            l.left()
        );
        assert!(
            l.runs
                .iter()
                .all(|r| r.size == 14.0 && !r.bold && !r.italic),
            "{start}: 14 pt regular"
        );
    }
    // The điểm's paragraph stands between its text and its ý, one paragraph gap apart.
    let a = line(&lines, "a) Tổ chức hội nghị");
    let para = line(&lines, "Hội nghị do cơ quan chủ trì");
    let item = line(&lines, "- Thành phần gồm");
    assert!(a.y < para.y && para.y < item.y);
    assert!(((para.y - a.y) - (item.y - para.y)).abs() < 0.5);
}

#[test]
fn a_mục_prints_its_items_paragraphs_and_khoản_as_written() {
    let r = render_yaml(
        "kind: ke-hoach-phoi-hop\ntitle: Kế hoạch\nplace: Huế\nyear: 2026\n\
         issuers: [{id: a, name: Sở Tư pháp, abbr: STP}]\n\
         signatures: [{issuer: a, title: Giám đốc, name: Nguyễn Văn An}]\n\
         sections:\n\
         - title: Mục đích\n  items: [Nâng cao nhận thức pháp luật.]\n  \
           clauses: [Phối hợp chặt chẽ.]\n  paragraphs: Mục đích được rà soát hằng năm.\n",
    );
    let order = [
        "I. MỤC ĐÍCH",
        "- Nâng cao nhận thức pháp luật.",
        "1. Phối hợp chặt chẽ.",
        "Mục đích được rà soát hằng năm./.",
    ];
    in_order(&pdf_text(&r.pages), &order);
    in_order(&md_text(&r.md), &order);
}

#[test]
fn the_usual_order_prints_as_before() {
    // The same provisions written in the usual order: paragraphs of a Điều before its khoản,
    // those of a khoản after its điểm and ý.
    let r = render_yaml(&format!(
        "{HEAD}articles:\n- title: Một\n  paragraphs: [Đoạn mở.]\n  clauses:\n  \
         - text: \"Dẫn:\"\n    points: [{{text: Điểm., items: [Ý.]}}]\n    items: [Ý khoản.]\n    \
         paragraphs: [Đoạn khoản.]\n"
    ));
    in_order(
        &pdf_text(&r.pages),
        &[
            "Điều 1. Một",
            "Đoạn mở.",
            "1. Dẫn:",
            "a) Điểm.",
            "- Ý.",
            "- Ý khoản.",
            "Đoạn khoản./.",
        ],
    );
    let view = &r.doc.articles[0];
    assert_eq!(view.order, ["paragraphs", "clauses"]);
    assert_eq!(view.clauses[0].order, ["points", "items", "paragraphs"]);
    assert_eq!(view.clauses[0].points[0].order, ["items", "paragraphs"]);
}

#[test]
fn the_comparison_sees_a_change_in_a_paragraph_of_a_điểm() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("cu.yaml");
    let new = dir.path().join("moi.yaml");
    std::fs::write(&old, format!("{HEAD}{ARTICLES}")).unwrap();
    let edited = ARTICLES.replace("05 ngày làm việc", "03 ngày làm việc");
    std::fs::write(&new, format!("{HEAD}{edited}")).unwrap();
    let cmp =
        vanban::commands::diff::comparison(old.to_str().unwrap(), new.to_str().unwrap(), false)
            .unwrap();
    let changed: Vec<_> = cmp
        .changes
        .iter()
        .map(|c| (c.kind, c.new_number.clone().unwrap_or_default()))
        .collect();
    assert_eq!(
        changed,
        [(
            vanban::diff::Kind::Changed,
            "điểm b khoản 1 Điều 1".to_owned()
        )]
    );
    let change = &cmp.changes[0];
    assert!(
        change
            .new_text
            .as_deref()
            .unwrap()
            .contains("03 ngày làm việc"),
        "{change:?}"
    );
}
