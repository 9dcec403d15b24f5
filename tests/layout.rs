//! Layout that holds at real lengths, read off the laid-out pages: page numbers on every
//! continuation page of every Phụ lục and of a text a decision issues; the Nơi nhận beside the
//! last signature when it fits there, else under the signatures, as wide as the text and free to
//! run on to the next page with its heading kept with two recipients (1–4 signers, 5 and 25
//! recipients); real long agency names, authority lines and trích yếu wrapped without a word
//! alone on the last line, the author's line breaks kept, and the `line-orphan` warning where
//! one still is; web and e-mail addresses broken only after "/" or before ".".

mod common;

use common::*;
use vanban::pages::{Line, Pages, Run};

/// Points per millimetre.
const MM: f64 = 72.0 / 25.4;
/// The left margin.
const LEFT: f64 = 30.0 * MM;
/// The top margin: page numbers sit above it.
const TOP: f64 = 20.0 * MM;
/// The lowest a line's descenders may reach: the bottom margin.
const BOTTOM: f64 = 841.89 - 20.0 * MM;

/// A paragraph of about three lines.
const PARAGRAPH: &str = "Các bên thường xuyên trao đổi thông tin, phối hợp tổ chức các hoạt động \
    tuyên truyền, phổ biến pháp luật và kịp thời báo cáo kết quả thực hiện cho lãnh đạo hai bên để \
    chỉ đạo, tháo gỡ khó khăn, vướng mắc phát sinh trong quá trình thực hiện.";

/// The page numbers printed in the top margin, by page (`None` where there is none).
fn page_numbers(pages: &Pages) -> Vec<Option<String>> {
    (0..pages.sizes.len())
        .map(|page| {
            let text: String = pages
                .runs
                .iter()
                .filter(|r| r.page == page && r.y < TOP && !r.text.trim().is_empty())
                .map(|r| r.text.trim().to_owned())
                .collect();
            (!text.is_empty()).then_some(text)
        })
        .collect()
}

/// The pages on which a line reads exactly `text`.
fn pages_with_line(pages: &Pages, text: &str) -> Vec<usize> {
    let mut found: Vec<usize> = pages
        .lines()
        .iter()
        .filter(|l| l.y > TOP && collapse(&l.text()) == text)
        .map(|l| l.page)
        .collect();
    found.dedup();
    found
}

// ─── 2. Page numbers ─────────────────────────────────────────────────────────────────────────

/// `n` paragraphs of a Phụ lục or a body, as YAML list items indented by `indent`.
fn paragraphs(n: usize, indent: &str) -> String {
    (1..=n)
        .map(|i| format!("{indent}- Đoạn {i}. {PARAGRAPH}\n"))
        .collect()
}

#[test]
fn every_continuation_page_of_every_appendix_is_numbered() {
    let appendices: String = ["Danh mục nhiệm vụ", "Danh sách đầu mối", "Mẫu báo cáo"]
        .iter()
        .map(|t| {
            format!(
                "  - title: {t}\n    paragraphs:\n{}",
                paragraphs(30, "      ")
            )
        })
        .collect();
    let yaml = format!(
        "kind: chuong-trinh-phoi-hop
title: công tác phổ biến pháp luật
place: Nghệ An
year: 2026
issuers:
  - {{id: stp, name: Sở Tư pháp tỉnh Nghệ An, abbr: STP}}
  - {{id: cat, name: Công an tỉnh Nghệ An, abbr: CAT}}
articles:
  - {{title: Nội dung, text: Các bên phối hợp theo các Phụ lục kèm theo.}}
signatures:
  - {{issuer: stp, title: Giám đốc, name: Nguyễn Văn An}}
  - {{issuer: cat, title: Giám đốc, name: Trần Văn Bình}}
recipients: [Như trên, \"Lưu: VT\"]
appendices:
{appendices}"
    );
    let r = render_yaml(&yaml);
    let numbers = page_numbers(&r.pages);
    let starts: Vec<usize> = ["Phụ lục I", "Phụ lục II", "Phụ lục III"]
        .iter()
        .map(|label| pages_with_line(&r.pages, label)[0])
        .collect();
    assert_eq!(starts[0], 1, "the body takes one page: {numbers:?}");
    let mut ends = starts[1..].to_vec();
    ends.push(numbers.len());
    for (k, (&start, &end)) in starts.iter().zip(&ends).enumerate() {
        assert!(
            end - start >= 3,
            "Phụ lục {} spans {} pages",
            k + 1,
            end - start
        );
        assert_eq!(numbers[start], None, "Phụ lục {}: its first page", k + 1);
        for page in start + 1..end {
            assert_eq!(
                numbers[page].as_deref(),
                Some((page - start + 1).to_string().as_str()),
                "Phụ lục {}, its page {}: {numbers:?}",
                k + 1,
                page - start + 1
            );
        }
    }
}

#[test]
fn a_text_a_decision_issues_and_its_appendices_number_every_page() {
    let yaml = format!(
        "kind: quyet-dinh
title: Ban hành Quy chế phối hợp
place: Nghệ An
number: 15
date: 2026-03-20
issuers: [{{id: ubnd, name: Ủy ban nhân dân tỉnh Nghệ An, abbr: UBND}}]
enacting: Chủ tịch Ủy ban nhân dân tỉnh Nghệ An
articles:
  - Ban hành kèm theo Quyết định này Quy chế phối hợp.
  - Quyết định này có hiệu lực kể từ ngày ký.
signatures: [{{issuer: ubnd, authority: [KT. Chủ tịch], title: Phó Chủ tịch, name: Nguyễn Văn An}}]
recipients: [Như Điều 2, \"Lưu: VT\"]
appendices:
  - title: Danh mục văn bản
    paragraphs:
{decision_appendix}attachments:
  - kind: quy-che-phoi-hop
    title: Phối hợp trong công tác phổ biến pháp luật
    articles:
      - title: Nội dung phối hợp
        paragraphs:
{body}    appendices:
      - title: Mẫu báo cáo
        paragraphs:
{first}      - title: Danh sách đầu mối
        paragraphs:
{second}",
        decision_appendix = paragraphs(30, "      "),
        body = paragraphs(30, "          "),
        first = paragraphs(30, "          "),
        second = paragraphs(30, "          "),
    );
    let r = render_yaml(&yaml);
    let numbers = page_numbers(&r.pages);
    // The parts numbered on their own, in page order: the decision, its Phụ lục, the text it
    // issues, that text's two Phụ lục.
    let mut starts = vec![0];
    starts.extend(pages_with_line(&r.pages, "Phụ lục"));
    starts.extend(pages_with_line(&r.pages, "QUY CHẾ PHỐI HỢP"));
    starts.extend(pages_with_line(&r.pages, "Phụ lục I"));
    starts.extend(pages_with_line(&r.pages, "Phụ lục II"));
    starts.sort();
    assert_eq!(starts.len(), 5, "five parts: {starts:?}");
    let mut ends = starts[1..].to_vec();
    ends.push(numbers.len());
    for (k, (&start, &end)) in starts.iter().zip(&ends).enumerate() {
        assert_eq!(numbers[start], None, "part {k}: its first page");
        if k > 0 {
            assert!(end - start >= 3, "part {k} spans {} pages", end - start);
        }
        for page in start + 1..end {
            assert_eq!(
                numbers[page].as_deref(),
                Some((page - start + 1).to_string().as_str()),
                "part {k}, its page {}: {numbers:?}",
                page - start + 1
            );
        }
    }
}

// ─── 3. Nơi nhận ─────────────────────────────────────────────────────────────────────────────

/// A recipient longer than the Nơi nhận column beside a signature (45 % of the text width) and
/// shorter than the text width.
const LONG_RECIPIENT: &str =
    "Ban Thường trực Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam (để báo cáo)";

/// A programme of `signers` parties with `paragraphs` paragraphs in its last Điều and `items`
/// recipients, the first of them [`LONG_RECIPIENT`].
fn ending_spec(signers: usize, items: usize, paragraphs: usize) -> String {
    let names = [
        ("stp", "Sở Tư pháp tỉnh Nghệ An", "STP"),
        ("cat", "Công an tỉnh Nghệ An", "CAT"),
        ("snv", "Sở Nội vụ tỉnh Nghệ An", "SNV"),
        ("hnd", "Hội Nông dân tỉnh Nghệ An", "HND"),
    ];
    let issuers: String = names[..signers]
        .iter()
        .map(|(id, name, abbr)| format!("  - {{id: {id}, name: {name}, abbr: {abbr}}}\n"))
        .collect();
    let signatures: String = names[..signers]
        .iter()
        .enumerate()
        .map(|(i, (id, _, _))| {
            format!("  - {{issuer: {id}, title: Giám đốc, name: Nguyễn Văn Số{i}}}\n")
        })
        .collect();
    let mut recipients = vec![LONG_RECIPIENT.to_owned()];
    recipients.extend((2..items).map(|i| format!("Đơn vị nhận số {i}")));
    recipients.push("Lưu: VT".to_owned());
    let recipients: String = recipients
        .iter()
        .map(|r| format!("  - \"{r}\"\n"))
        .collect();
    let body: String = (1..=paragraphs)
        .map(|i| format!("      - Đoạn {i}. {PARAGRAPH}\n"))
        .collect();
    format!(
        "kind: chuong-trinh-phoi-hop
title: công tác phổ biến pháp luật
place: Nghệ An
year: 2026
issuers:
{issuers}articles:
  - title: Tổ chức thực hiện
    paragraphs:
{body}signatures:
{signatures}recipients:
{recipients}"
    )
}

/// The Nơi nhận as laid out: the heading's run and every recipient line (the only 11 pt text),
/// in page order.
struct Recipients {
    heading: Run,
    lines: Vec<Line>,
}

fn recipients(pages: &Pages) -> Recipients {
    let heading = pages
        .runs
        .iter()
        .find(|r| r.text.trim() == "Nơi nhận:")
        .expect("a Nơi nhận heading")
        .clone();
    let small = Pages {
        runs: pages
            .runs
            .iter()
            .filter(|r| (r.size - 11.0).abs() < 0.1)
            .cloned()
            .collect(),
        ..Pages::default()
    };
    Recipients {
        heading,
        lines: small.lines(),
    }
}

/// The signers' names as laid out (bold, 14 pt, "Nguyễn Văn Số…").
fn names(pages: &Pages) -> Vec<Run> {
    pages
        .runs
        .iter()
        .filter(|r| r.text.contains("Nguyễn Văn Số"))
        .cloned()
        .collect()
}

/// The checks every Nơi nhận must pass, whatever the counts.
fn check_recipients(r: &Rendered, signers: usize, items: usize, case: &str) {
    let nn = recipients(&r.pages);
    let starts: Vec<&Line> = nn
        .lines
        .iter()
        .filter(|l| l.text().starts_with('-'))
        .collect();
    assert_eq!(starts.len(), items, "{case}: every recipient printed once");
    // "Nơi nhận:" with at least two recipients on its page.
    let with_heading = starts
        .iter()
        .filter(|l| l.page == nn.heading.page && l.y > nn.heading.y)
        .count();
    assert!(
        with_heading >= 2,
        "{case}: the heading keeps two recipients"
    );
    // Nothing of the list runs into the bottom margin.
    for l in &nn.lines {
        assert!(
            l.y + 0.216 * 11.0 <= BOTTOM + 0.5,
            "{case}: {:?} too low",
            l.text()
        );
    }
    let names = names(&r.pages);
    assert_eq!(names.len(), signers, "{case}: every signer's name");
    let last_name = names
        .iter()
        .max_by(|a, b| (a.page, a.y).partial_cmp(&(b.page, b.y)).unwrap())
        .unwrap();
    let mid = (LEFT + r.pages.sizes[0].0 - 15.0 * MM) / 2.0;
    let beside = nn.heading.page == last_name.page && nn.heading.y < last_name.y;
    if beside {
        // Beside the lone last block (odd count), level with its first line, and whole.
        assert_eq!(signers % 2, 1, "{case}: beside a full row of signatures");
        assert!(last_name.x > mid, "{case}: the lone block on the right");
        let level = r.pages.runs.iter().any(|x| {
            x.page == nn.heading.page
                && (x.y - nn.heading.y).abs() < 1.0
                && x.x > mid
                && x.bold
                && (x.size - 14.0).abs() < 0.1
        });
        assert!(
            level,
            "{case}: the heading level with the block's first line"
        );
        assert!(
            nn.lines.iter().all(|l| l.page == nn.heading.page),
            "{case}: a Nơi nhận beside a signature stays on its page"
        );
    } else {
        // Under the signatures: as wide as the text, so the long recipient is one line …
        let long = nn
            .lines
            .iter()
            .find(|l| l.text().starts_with("- Ban Thường trực"))
            .unwrap();
        assert!(
            long.text().ends_with("(để báo cáo);"),
            "{case}: the long recipient wraps under the signatures: {:?}",
            long.text()
        );
        assert!(
            (nn.heading.page, nn.heading.y) > (last_name.page, last_name.y),
            "{case}: under the last name"
        );
        // … and it starts on the page of the last signature whenever that page has room for
        // "Nơi nhận:" and two recipients.
        if nn.heading.page > last_name.page {
            let need = (starts[1].y - nn.heading.y) + 0.891 * 12.0 + 0.216 * 11.0 + 6.0;
            let room = BOTTOM - (last_name.y + 0.216 * 14.0);
            assert!(
                room < need,
                "{case}: Nơi nhận moved to the next page with {room:.0} pt left for its \
                 {need:.0} pt start"
            );
        }
    }
}

/// How many paragraphs put the end of the body near the middle of page 1, a third of the way
/// down page 2, or near the foot of page 1.
const BODY_LENGTHS: [usize; 3] = [4, 12, 7];

#[test]
fn recipients_beside_or_under_one_to_four_signers_five_and_twenty_five_items() {
    for signers in 1..=4 {
        for items in [5, 25] {
            for paragraphs in BODY_LENGTHS {
                let case = format!("{signers} signers, {items} recipients, {paragraphs} ¶");
                let r = render_yaml(&ending_spec(signers, items, paragraphs));
                check_recipients(&r, signers, items, &case);
            }
        }
    }
}

#[test]
fn five_recipients_sit_beside_a_lone_last_signature() {
    for signers in [1, 3] {
        let r = render_yaml(&ending_spec(signers, 5, 4));
        let nn = recipients(&r.pages);
        let last = names(&r.pages).into_iter().last().unwrap();
        assert_eq!(nn.heading.page, last.page, "{signers} signers");
        assert!(
            nn.heading.y < last.y,
            "{signers} signers: beside, not under"
        );
        assert!((nn.heading.x - LEFT).abs() < 1.0);
    }
}

#[test]
fn a_long_list_under_two_signatures_starts_on_their_page_and_runs_on() {
    // The body ends near the middle of page 1: the two blocks stay there and the list starts
    // under them, running on to page 2, not moved whole to a page of its own.
    let r = render_yaml(&ending_spec(2, 25, 4));
    let nn = recipients(&r.pages);
    let names = names(&r.pages);
    assert!(names.iter().all(|n| n.page == 0));
    assert_eq!(nn.heading.page, 0);
    assert!(nn.lines.iter().any(|l| l.page == 1), "runs on to page 2");
    assert_eq!(nn.lines.last().unwrap().text(), "- Lưu: VT.");
    // The last two recipients stay together.
    let tail = &nn.lines[nn.lines.len() - 2..];
    assert_eq!(tail[0].page, tail[1].page);
}

#[test]
fn a_lone_signature_keeps_its_page_when_a_long_list_does_not_fit_beside_it() {
    // With 25 recipients the list beside the block would not fit on page 1, the block alone
    // does: the block stays where the body ends, the list goes under it.
    for (signers, paragraphs) in [(1, 4), (3, 1)] {
        let r = render_yaml(&ending_spec(signers, 25, paragraphs));
        let body_end = r
            .pages
            .lines()
            .into_iter()
            .rfind(|l| l.text().ends_with("./."))
            .unwrap();
        let last = names(&r.pages).into_iter().last().unwrap();
        assert_eq!(
            last.page, body_end.page,
            "{signers} signers: the block moved away"
        );
        let nn = recipients(&r.pages);
        assert!((nn.heading.page, nn.heading.y) > (last.page, last.y));
    }
}

// ─── 4. Balanced lines ───────────────────────────────────────────────────────────────────────

/// Real agency names, as headings of real documents print them (tên cơ quan, ô 2): ministries,
/// provincial and district bodies, mass organisations. Those named in issue 14 first; the rest
/// from real documents (the two signed documents measured for the column widths, the samples,
/// the ministries and mass organisations of joint programmes).
const AGENCY_NAMES: &[&str] = &[
    "Chủ tịch Ủy ban nhân dân",
    "Bộ Tài nguyên và Môi trường",
    "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Thừa Thiên Huế",
    "Sở Lao động - Thương binh và Xã hội",
    "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Quảng Ngãi",
    "Trung ương Hội Liên hiệp Phụ nữ Việt Nam",
    "Ủy ban nhân dân tỉnh Sóc Trăng",
    "Báo Sài Gòn Giải Phóng",
    "Sở Thông tin và Truyền thông",
    "Hiệp hội Doanh nghiệp tỉnh Thanh Hóa",
    "Ủy ban nhân dân thị trấn Ngãi Giao",
    "Bộ Văn hóa, Thể thao và Du lịch",
    "Bộ Nông nghiệp và Phát triển nông thôn",
    "Sở Kế hoạch và Đầu tư tỉnh Bà Rịa - Vũng Tàu",
    "Ban Chấp hành Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh",
    "Hội Nông dân tỉnh Thanh Hóa",
    "Bộ Chỉ huy Quân sự tỉnh Quảng Ninh",
    "Tổng Liên đoàn Lao động Việt Nam",
    "Ủy ban nhân dân thành phố Hồ Chí Minh",
    "Viện Kiểm sát nhân dân tỉnh Nghệ An",
];

/// Real authority lines and signature headings (ô 7a), printed 14 pt bold in a signature column.
const AUTHORITY_LINES: &[&str] = &[
    "KT. Bộ trưởng Bộ Công Thương",
    "Chủ tịch Ủy ban nhân dân",
    "TM. Ủy ban nhân dân tỉnh Thừa Thiên Huế",
    "TM. Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
    "Đại diện UBND tỉnh Sóc Trăng",
    "Đại diện Báo Sài Gòn Giải Phóng",
    "TL. Chủ tịch Ủy ban nhân dân tỉnh",
    "TUQ. Giám đốc Sở Lao động - Thương binh và Xã hội",
    "Q. Giám đốc Sở Tài nguyên và Môi trường",
    "TM. Ban Chấp hành Hội Liên hiệp Phụ nữ tỉnh",
    "KT. Chủ tịch Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh",
];

/// Real trích yếu that wrap across the page.
const TITLES: &[&str] = &[
    "Phối hợp trong công tác phổ biến, giáo dục pháp luật và hòa giải ở cơ sở trên địa bàn tỉnh",
    "Về việc phối hợp thực hiện công tác bảo vệ bí mật nhà nước và phòng, chống tội phạm năm",
    "Phối hợp tuyên truyền giữa Ủy ban nhân dân tỉnh Sóc Trăng và Báo Sài Gòn Giải Phóng giai \
     đoạn 2023 - 2025",
    "Phối hợp trong công tác quản lý nhà nước về tín ngưỡng, tôn giáo giữa Sở Nội vụ và Công an \
     tỉnh",
];

/// How the lines of one wrapped text end: its last line has more than one word and is at
/// least about a third as long as the line above (a balanced break exists for every text
/// tested here).
fn assert_balanced(lines: &[Line], what: &str) {
    let texts: Vec<String> = lines.iter().map(|l| collapse(&l.text())).collect();
    if lines.len() < 2 {
        return;
    }
    let last = &lines[lines.len() - 1];
    let above = &lines[lines.len() - 2];
    assert!(
        texts.last().unwrap().split_whitespace().count() > 1,
        "{what}: a word alone on the last line: {texts:?}"
    );
    let (short, long) = (last.right() - last.left(), above.right() - above.left());
    assert!(
        short >= long / 3.0 - 1.0,
        "{what}: last line {short:.0} pt under the line above {long:.0} pt: {texts:?}"
    );
}

/// The lines of the issuer column of page 1 (above "Số:", left of the Quốc hiệu), each cut to
/// the runs of that column.
fn issuer_lines(pages: &Pages) -> Vec<Line> {
    let lines = pages.lines();
    let nation = lines
        .iter()
        .flat_map(|l| &l.runs)
        .find(|r| r.text.contains("CỘNG HÒA"))
        .unwrap()
        .x;
    let number = lines
        .iter()
        .find(|l| l.text().starts_with("Số:"))
        .unwrap()
        .y;
    lines
        .into_iter()
        .filter(|l| l.page == 0 && l.y < number - 1.0)
        .map(|l| Line {
            runs: l.runs.into_iter().filter(|r| r.x < nation).collect(),
            ..l
        })
        .filter(|l| !l.runs.is_empty())
        .collect()
}

/// A programme of one party named `name`, signed by `signers` blocks (1 or 2) under
/// `authority`, with the trích yếu `title`.
fn heading_spec(name: &str, authority: &str, signers: usize, title: &str) -> String {
    let signatures: String = (0..signers)
        .map(|i| {
            format!(
                "  - {{issuer: a, authority: [\"{authority}\"], title: Chánh Văn phòng, name: \
                 Người Ký {i}}}\n"
            )
        })
        .collect();
    format!(
        "kind: chuong-trinh-phoi-hop
title: \"{title}\"
place: Nghệ An
year: 2026
issuers:
  - {{id: a, name: \"{name}\", abbr: A}}
articles:
  - {{title: Nội dung, text: Nội dung phối hợp.}}
signatures:
{signatures}recipients: [Như trên, \"Lưu: VT\"]
"
    )
}

#[test]
fn real_agency_names_wrap_without_a_lone_word() {
    for name in AGENCY_NAMES {
        let yaml = heading_spec(name, "Giám đốc", 1, "Phối hợp công tác");
        let r = render_yaml(&yaml);
        let lines = issuer_lines(&r.pages);
        let printed: Vec<String> = lines.iter().map(|l| collapse(&l.text())).collect();
        assert_eq!(printed.join(" "), name.to_uppercase(), "{name}");
        assert_balanced(&lines, name);
        let orphans = vanban::pipeline::layout::orphans(&r.pages, &yaml);
        assert!(orphans.is_empty(), "{name}: {orphans:?}");
    }
}

#[test]
fn the_issuer_column_is_as_wide_as_in_signed_documents() {
    // Signed provincial decisions print "CHỦ TỊCH ỦY BAN NHÂN DÂN" on one line, 13 pt bold
    // (190.3 pt); the 67.5 mm column of Phụ lục III, Mẫu 1.4 holds it.
    let r = render_yaml(&heading_spec(
        "Chủ tịch Ủy ban nhân dân",
        "Giám đốc",
        1,
        "Phối hợp công tác",
    ));
    let lines = issuer_lines(&r.pages);
    assert_eq!(
        lines.len(),
        1,
        "{:?}",
        lines.iter().map(Line::text).collect::<Vec<_>>()
    );
    assert!(lines[0].left() >= LEFT - 0.5, "inside the left margin");
}

/// The lines of the signature heading in the column centred right of `mid` or left of it: the
/// bold 14 pt lines between the end of the body and the signer's title.
fn authority_lines(pages: &Pages, right: bool, title: &str) -> Vec<Line> {
    let mid = (LEFT + pages.sizes[0].0 - 15.0 * MM) / 2.0;
    let lines = pages.lines();
    let end = lines
        .iter()
        .position(|l| l.text().ends_with("./."))
        .unwrap();
    let mut out = Vec::new();
    for l in &lines[end + 1..] {
        let runs: Vec<Run> = l
            .runs
            .iter()
            .filter(|r| r.bold && ((r.x + r.width / 2.0) > mid) == right)
            .cloned()
            .collect();
        if runs.is_empty() {
            continue;
        }
        let line = Line { runs, ..l.clone() };
        if collapse(&line.text()) == title {
            break;
        }
        out.push(line);
    }
    out
}

#[test]
fn real_authority_lines_wrap_without_a_lone_word() {
    for authority in AUTHORITY_LINES {
        for signers in [1, 2] {
            let r = render_yaml(&heading_spec("Sở Tư pháp", authority, signers, "Phối hợp"));
            let what = format!("{authority} ({signers} signers)");
            // The lone block stands in the right column; of two, check the left one.
            let lines = authority_lines(&r.pages, signers == 1, "CHÁNH VĂN PHÒNG");
            let printed: Vec<String> = lines.iter().map(|l| collapse(&l.text())).collect();
            assert_eq!(printed.join(" "), authority.to_uppercase(), "{what}");
            assert_balanced(&lines, &what);
        }
    }
}

#[test]
fn real_titles_wrap_without_a_lone_word() {
    for title in TITLES {
        let r = render_yaml(&heading_spec("Sở Tư pháp", "Giám đốc", 1, title));
        let lines: Vec<Line> = r
            .pages
            .lines()
            .into_iter()
            .skip_while(|l| l.text() != "CHƯƠNG TRÌNH PHỐI HỢP")
            .skip(1)
            .take_while(|l| l.runs.iter().all(|r| r.bold && (r.size - 14.0).abs() < 0.1))
            .filter(|l| !l.text().starts_with("Điều"))
            .collect();
        let printed: Vec<String> = lines.iter().map(|l| collapse(&l.text())).collect();
        assert_eq!(printed.join(" "), collapse(title), "{title}");
        assert!(lines.len() >= 2, "{title}: wraps");
        assert_balanced(&lines, title);
    }
}

#[test]
fn the_authors_line_breaks_win() {
    // Written on two lines, a name keeps them, even where one line would fit or another break
    // would balance better.
    let yaml = heading_spec(
        "Ủy ban nhân dân\\ntỉnh Sóc Trăng",
        "Đại diện\\nBáo Sài Gòn Giải Phóng",
        2,
        "Phối hợp tuyên truyền\\ngiai đoạn 2023 - 2025",
    );
    let r = render_yaml(&yaml);
    let issuer: Vec<String> = issuer_lines(&r.pages).iter().map(|l| l.text()).collect();
    assert_eq!(issuer, ["ỦY BAN NHÂN DÂN", "TỈNH SÓC TRĂNG"]);
    let authority: Vec<String> = authority_lines(&r.pages, false, "CHÁNH VĂN PHÒNG")
        .iter()
        .map(|l| l.text())
        .collect();
    assert_eq!(authority, ["ĐẠI DIỆN", "BÁO SÀI GÒN GIẢI PHÓNG"]);
    let text = pdf_text(&r.pages);
    assert!(
        text.contains("Phối hợp tuyên truyền giai đoạn 2023 - 2025"),
        "{text}"
    );
    let lines: Vec<String> = r
        .pages
        .lines()
        .iter()
        .map(|l| collapse(&l.text()))
        .collect();
    assert!(
        lines.iter().any(|l| l == "Phối hợp tuyên truyền"),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(|l| l == "giai đoạn 2023 - 2025"),
        "{lines:?}"
    );
}

/// A signature heading whose last word (a company name written as one word) is too long to
/// share a line in a column of two: balancing cannot help.
const UNAVOIDABLE: &str = "Đại diện Tập đoàn SAMSUNGELECTRONICSVN";

#[test]
fn a_lone_last_word_that_stays_is_a_warning_of_check_and_render_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("mo-coi.yaml");
    std::fs::write(
        &spec,
        heading_spec("Sở Tư pháp", UNAVOIDABLE, 2, "Phối hợp"),
    )
    .unwrap();
    let line = std::fs::read_to_string(&spec)
        .unwrap()
        .lines()
        .position(|l| l.contains(UNAVOIDABLE))
        .unwrap()
        + 1;
    let check = std::process::Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["check", spec.to_str().unwrap()])
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&check.stdout);
    assert!(out.contains("cảnh báo[line-orphan]"), "{out}");
    assert!(out.contains(&format!("mo-coi.yaml:{line}:")), "{out}");
    assert!(out.contains("“SAMSUNGELECTRONICSVN”"), "{out}");
    assert_eq!(check.status.code(), Some(0), "a warning only");
    let render = render_cli(&spec, dir.path(), "pdf");
    let err = String::from_utf8_lossy(&render.stderr);
    assert!(err.contains("cảnh báo[line-orphan]"), "{err}");
    assert!(render.status.success());
}

// ─── 4. Web and e-mail addresses ─────────────────────────────────────────────────────────────

/// Addresses as real documents give them.
const ADDRESSES: &[&str] = &[
    "https://www.vnsw.gov.vn/thu-tuc-hanh-chinh/tra-cuu",
    "www.sggp.org.vn",
    "phonghanhchinh-soctrang@chinhphu.vn",
    "https://dichvucong.thanhhoa.gov.vn/portal/p/home/dvc-trang-chu.html",
];

#[test]
fn addresses_break_only_after_a_slash_or_before_a_dot() {
    // Each address after 0 to 39 short words, so that it meets the end of a line at every
    // place.
    let paragraphs: String = ADDRESSES
        .iter()
        .flat_map(|a| (0..40).map(move |k| format!("      - \"{}{a} (xem).\"\n", "ở ".repeat(k))))
        .collect();
    let yaml = format!(
        "kind: chuong-trinh-phoi-hop
title: Phối hợp
place: Nghệ An
year: 2026
issuers: [{{id: a, name: Sở Tư pháp, abbr: STP}}]
articles:
  - title: Địa chỉ
    paragraphs:
{paragraphs}signatures: [{{issuer: a, title: Giám đốc, name: Nguyễn Văn An}}]
recipients: [Như trên, \"Lưu: VT\"]
"
    );
    let r = render_yaml(&yaml);
    let lines: Vec<String> = r
        .pages
        .lines()
        .iter()
        .filter(|l| l.y > TOP)
        .map(|l| collapse(&l.text()))
        .collect();
    let mut split = 0;
    for pair in lines.windows(2) {
        for address in ADDRESSES {
            for (at, _) in address.char_indices().skip(1) {
                let (head, tail) = address.split_at(at);
                if pair[0].ends_with(head) && pair[1].starts_with(tail) {
                    split += 1;
                    assert!(
                        head.ends_with('/') || tail.starts_with('.'),
                        "{address} broken as {head:?} / {tail:?}"
                    );
                }
            }
        }
    }
    assert!(
        split > 10,
        "the addresses meet the line ends ({split} splits)"
    );
}
