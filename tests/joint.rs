//! Joint documents of 2, 3 and 4 issuers, read off the laid-out pages: every issuer in the
//! header, the ký hiệu naming each party lead first, signature blocks in rows of two with their
//! own authority, the lead's side configurable; and, whatever the length of the body, no
//! heading alone at the foot of a page, no signature block or Nơi nhận split across pages and
//! no page that the signatures open alone.

mod common;
use common::*;
use vanban::pages::{Line, Pages};

const PARTIES: [(&str, &str, &str, &str, &str); 4] = [
    ("stp", "Sở Tư pháp", "STP", "", "Giám đốc"),
    ("cat", "Công an tỉnh", "CAT", "KT. Giám đốc", "Phó Giám đốc"),
    (
        "mttq",
        "Ủy ban MTTQ Việt Nam tỉnh",
        "UBMTTQ",
        "TM. Ban Thường trực",
        "Chủ tịch",
    ),
    ("snv", "Sở Nội vụ", "SNV", "Q. Giám đốc", "Phó Giám đốc"),
];
const NAMES: [&str; 4] = [
    "Lê Văn An",
    "Trần Thị Bình",
    "Phạm Văn Cường",
    "Đỗ Thị Dung",
];

/// A quy chế of `n` parties with `body` paragraphs of filler in its first Điều.
fn spec(n: usize, lead_right: bool, body: usize) -> String {
    let mut y = String::from(
        "kind: quy-che-phoi-hop\ntitle: Phối hợp thử nghiệm\nplace: Huế\nyear: 2026\nissuers:\n",
    );
    for (id, name, abbr, _, _) in &PARTIES[..n] {
        y += &format!(
            "  - {{id: {id}, parent: Ủy ban nhân dân tỉnh X, name: {name}, abbr: {abbr}}}\n"
        );
    }
    if lead_right {
        y += "layout: {lead_side: right}\n";
    }
    y += "chapters:\n  - title: Quy định chung\n    articles:\n      - title: Phạm vi\n        paragraphs:\n";
    for i in 0..body {
        y += &format!(
            "          - Đoạn {i} nói về việc phối hợp giữa các bên trong công tác chung của tỉnh.\n"
        );
    }
    y += "  - title: Tổ chức thực hiện\n    articles:\n      - title: Hiệu lực\n        clauses: [Quy chế có hiệu lực kể từ ngày ký]\n";
    y += "signatures:\n";
    for (k, (id, _, _, authority, title)) in PARTIES[..n].iter().enumerate() {
        y += &format!(
            "  - {{issuer: {id}, authority: \"{authority}\", title: {title}, name: {}}}\n",
            NAMES[k]
        );
    }
    y += "recipients: [Ủy ban nhân dân tỉnh, \"Lưu: VT\"]\n";
    y
}

fn find<'a>(lines: &'a [Line], text: &str) -> &'a vanban::pages::Run {
    lines
        .iter()
        .rev()
        .flat_map(|l| l.runs.iter())
        .find(|r| r.text == text)
        .unwrap_or_else(|| panic!("no run {text:?}"))
}

fn mid(pages: &Pages, page: usize) -> f64 {
    (30.0 * 72.0 / 25.4 + pages.sizes[page].0 - 15.0 * 72.0 / 25.4) / 2.0
}

#[test]
fn two_three_and_four_parties_sign_in_rows_of_two() {
    for n in 2..=4 {
        for lead_right in [false, true] {
            let r = render_yaml(&spec(n, lead_right, 3));
            let lines = r.pages.lines();
            // Header: every issuer, ký hiệu lead first.
            let header = pdf_text_by_columns(&r.pages);
            for (_, name, _, _, _) in &PARTIES[..n] {
                assert!(
                    header.contains(&name.to_uppercase()),
                    "{name} in the header"
                );
            }
            let abbrs: Vec<&str> = PARTIES[..n].iter().map(|p| p.2).collect();
            assert_eq!(r.doc.symbol.plain, format!("QC-{}", abbrs.join("-")));
            // Blocks: rows of two, the lead's side as asked; a lone last block on the right.
            for k in 0..n {
                let signer = find(&lines, NAMES[k]);
                let centre = signer.x + signer.width / 2.0;
                let row_first = k % 2 == 0;
                let alone = k == n - 1 && n % 2 == 1;
                let right = alone || (row_first == lead_right);
                assert_eq!(
                    centre > mid(&r.pages, signer.page),
                    right,
                    "{n} parties, lead right {lead_right}: block {k} on the wrong side"
                );
                let title = find(&lines, &PARTIES[k].4.to_uppercase());
                assert!(title.y < signer.y && signer.y - title.y > 25.0 * 72.0 / 25.4);
                if !PARTIES[k].3.is_empty() {
                    find(&lines, &PARTIES[k].3.to_uppercase());
                }
            }
            for row in (0..n).collect::<Vec<_>>().chunks(2) {
                let ys: Vec<f64> = row.iter().map(|&k| find(&lines, NAMES[k]).y).collect();
                assert!(
                    ys.iter().all(|y| (y - ys[0]).abs() < 0.5),
                    "a row shares its baseline"
                );
            }
            if n > 2 {
                let first = find(&lines, NAMES[0]).y;
                let third = find(&lines, NAMES[2]);
                assert!(
                    third.page > 0 || third.y > first,
                    "second row under the first"
                );
            }
            assert_eq!(
                r.pages.signature_rooms.len(),
                2 * n,
                "two signature rooms per block: the signer's and the seal's"
            );
        }
    }
}

/// The lines of the main text, page by page, without page numbers.
fn lines_by_page(pages: &Pages) -> Vec<Line> {
    pages
        .lines()
        .into_iter()
        .filter(|l| l.y > 20.0 * 72.0 / 25.4)
        .collect()
}

#[test]
fn headings_never_end_a_page_and_signatures_never_split_whatever_the_length() {
    // Growing the first Điều one paragraph at a time moves the next Chương, Điều, the
    // signatures and the Nơi nhận through every position near the foot of a page.
    for body in 30..52 {
        for n in [2, 3] {
            let r = render_yaml(&spec(n, false, body));
            let lines = lines_by_page(&r.pages);
            for (i, l) in lines.iter().enumerate() {
                let t = l.text();
                let heading =
                    t.starts_with("Chương ") || t.starts_with("Điều ") || t == "TỔ CHỨC THỰC HIỆN";
                if heading {
                    let next = &lines[i + 1];
                    assert_eq!(next.page, l.page, "body {body}: {t:?} alone at a page foot");
                }
            }
            for block in &r.doc.signatures {
                let top = block
                    .authority
                    .first()
                    .unwrap_or(&block.title)
                    .plain
                    .clone();
                let title = find(&lines, &block.title.plain).page;
                let name = find(&lines, &block.name.plain).page;
                let first = find(&lines, &top).page;
                assert!(
                    first == title && title == name,
                    "body {body}: block {} split",
                    block.issuer
                );
            }
            // The body's last paragraph (ending "./.") stays on the page of the signatures.
            let last_body = lines
                .iter()
                .rfind(|l| l.text().ends_with("./."))
                .unwrap()
                .page;
            let first_title = find(&lines, &r.doc.signatures[0].title.plain).page;
            assert_eq!(
                last_body, first_title,
                "body {body}: signatures open a page alone"
            );
            let heading = find(&lines, "Nơi nhận:").page;
            let last = lines
                .iter()
                .rfind(|l| l.text().contains("Lưu: VT."))
                .unwrap()
                .page;
            assert_eq!(heading, last, "body {body}: Nơi nhận split");
        }
    }
}
