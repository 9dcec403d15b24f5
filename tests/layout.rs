//! Layout read back from Typst's frames: page size, page numbers, header sizes and alignment,
//! Nơi nhận beside the signature, and rules — the first ND 30 checks on real pages.

mod common;
use common::*;
use vanban::pages::{Line, Pages};

const MM: f64 = 72.0 / 25.4;

fn find<'a>(lines: &'a [Line], text: &str) -> &'a Line {
    lines
        .iter()
        .find(|l| l.text().contains(text))
        .unwrap_or_else(|| panic!("no line with {text:?}"))
}

fn run_of<'a>(pages: &'a Pages, text: &str) -> &'a vanban::pages::Run {
    pages
        .runs
        .iter()
        .find(|r| r.text.contains(text))
        .unwrap_or_else(|| panic!("no run {text:?}"))
}

#[test]
fn a4_margins_and_page_numbers_from_page_two() {
    let r = render_file(&sample("thanh-hoa-stttt-hhdn.yaml"));
    let p = &r.pages;
    assert!(p.sizes.len() >= 2);
    for (w, h) in &p.sizes {
        assert!((w - 595.28).abs() < 1.0 && (h - 841.89).abs() < 1.0);
    }
    for run in p.runs.iter().filter(|r| r.y > 20.0 * MM) {
        assert!(run.x >= 30.0 * MM - 0.5, "text in the left margin: {run:?}");
        assert!(
            run.x + run.width <= 595.28 - 15.0 * MM + 0.5,
            "text in the right margin: {run:?}"
        );
        assert!(
            run.y <= 841.89 - 20.0 * MM,
            "text in the bottom margin: {run:?}"
        );
    }
    let heads: Vec<_> = p.runs.iter().filter(|r| r.y < 20.0 * MM).collect();
    assert!(heads.iter().all(|r| r.page > 0), "no page number on page 1");
    for page in 1..p.sizes.len() {
        let n: Vec<_> = heads.iter().filter(|r| r.page == page).collect();
        assert_eq!(n.len(), 1, "one page number on page {}", page + 1);
        assert_eq!(n[0].text, (page + 1).to_string());
        assert!((13.0..=14.0).contains(&n[0].size) && !n[0].bold && !n[0].italic);
        let centre = n[0].x + n[0].width / 2.0;
        let text_centre = (30.0 * MM + 595.28 - 15.0 * MM) / 2.0;
        assert!(
            (centre - text_centre).abs() < 3.0 * MM,
            "page number not centred"
        );
    }
}

#[test]
fn header_sizes_and_positions() {
    let r = render_file(&sample("thanh-hoa-stttt-hhdn.yaml"));
    let p = &r.pages;
    let lines = p.lines();
    let nation = run_of(p, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    let motto = run_of(p, "Độc lập");
    assert!(nation.bold && (12.0..=13.0).contains(&nation.size) && nation.page == 0);
    assert!(
        nation.x > 595.28 / 2.0 - 20.0,
        "Quốc hiệu in the right column"
    );
    assert!(
        motto.bold && (motto.size - nation.size - 1.0).abs() < 0.01,
        "Tiêu ngữ one size larger"
    );
    // The issuer column shares baselines with the Quốc hiệu column: keep the right column only.
    let mut motto_line = find(&lines, "Độc lập").clone();
    motto_line.runs.retain(|r| r.x >= nation.x - 1.0);
    let mc = (motto_line.left() + motto_line.right()) / 2.0;
    assert!(
        ((nation.x + nation.width / 2.0) - mc).abs() < MM,
        "Tiêu ngữ centred under Quốc hiệu"
    );
    let rule = p
        .rules
        .iter()
        .find(|r| r.from.1 > motto.y && r.from.1 < motto.y + 10.0)
        .expect("rule under Tiêu ngữ");
    let len = rule.to.0 - rule.from.0;
    let width = motto_line.right() - motto_line.left();
    assert!(
        (len - width).abs() < width * 0.1,
        "rule {len} vs Tiêu ngữ {width}"
    );
    let number = run_of(p, "Số:");
    let date = p
        .runs
        .iter()
        .find(|r| r.italic && r.text.contains("Thanh Hóa"))
        .expect("date line");
    assert!(
        (number.y - date.y).abs() < 0.5,
        "Số and date share a baseline"
    );
    assert!(number.size == 13.0 && !number.italic && date.size == 14.0);
    let issuer = run_of(p, "SỞ THÔNG TIN VÀ");
    let parent = run_of(p, "UBND TỈNH THANH HÓA");
    assert!(issuer.bold && !parent.bold && issuer.size == 13.0 && parent.size == 13.0);
}

#[test]
fn recipients_sit_level_with_a_lone_signature_block() {
    let r = render_yaml(
        "kind: quy-che-phoi-hop\ntitle: T\nplace: Huế\nyear: 2024\n\
         issuers: [{id: a, name: Sở A, abbr: SA}, {id: b, name: Sở B, abbr: SB}, {id: c, name: Sở C, abbr: SC}]\n\
         articles: [{title: Phạm vi, paragraphs: [Nội dung]}]\n\
         signatures: [{issuer: a, title: Giám đốc, name: An}, {issuer: b, title: Giám đốc, name: Bình},\n\
         \x20 {issuer: c, authority: KT. Giám đốc, title: Phó Giám đốc, name: Cường}]\n\
         recipients: [Bộ X, \"Lưu: VT\"]\n",
    );
    let p = &r.pages;
    let heading = run_of(p, "Nơi nhận:");
    assert!(heading.bold && heading.italic && heading.size == 12.0);
    let first = run_of(p, "KT. GIÁM ĐỐC");
    assert!(
        (heading.y - first.y).abs() <= 2.0,
        "Nơi nhận {} vs signature {}",
        heading.y,
        first.y
    );
    assert!(heading.x < 595.28 / 2.0 && first.x > 595.28 / 2.0);
    let item = run_of(p, "Bộ X;");
    assert_eq!(item.size, 11.0);
    let names: Vec<_> = ["An", "Bình"]
        .iter()
        .map(|n| p.runs.iter().find(|r| r.text == *n).unwrap().y)
        .collect();
    assert!(
        (names[0] - names[1]).abs() < 0.5,
        "names side by side share a baseline"
    );
}
