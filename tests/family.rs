//! The document family around the agreement texts, read off the laid-out pages: a decision with
//! its enacting authority, untitled Điều and an attached text (no Số/date row, the "Kèm theo"
//! line centred in italics, its own page numbers, its Điều numbered again from 1); a joint legal
//! document (the year in its number, Mục headings, a shared heading block); the legal form of
//! both (the enacting sentence that ends the căn cứ).

mod common;

use common::{Rendered, collapse, render_yaml};
use vanban::pages::Line;

/// Points per millimetre.
const MM: f64 = 72.0 / 25.4;
/// The top margin: page numbers sit above it.
const TOP: f64 = 20.0 * MM;

const DECISION: &str = "kind: quyet-dinh
title: Ban hành Quy chế phối hợp trong công tác phổ biến, giáo dục pháp luật
place: Nghệ An
number: 15
date: 2026-03-20
issuers:
  - {id: ubnd, name: Ủy ban nhân dân tỉnh Nghệ An, abbr: UBND}
enacting: Chủ tịch Ủy ban nhân dân tỉnh Nghệ An
bases:
  - Luật Phổ biến, giáo dục pháp luật ngày 20 tháng 6 năm 2012
  - Theo đề nghị của Giám đốc Sở Tư pháp tại Tờ trình số 12/TTr-STP ngày 10 tháng 3 năm 2026
articles:
  - Ban hành kèm theo Quyết định này Quy chế phối hợp trong công tác phổ biến, giáo dục pháp luật.
  - Quyết định này có hiệu lực thi hành kể từ ngày ký.
  - Chánh Văn phòng Ủy ban nhân dân tỉnh và Giám đốc Sở Tư pháp chịu trách nhiệm thi hành Quyết định này.
signatures:
  - {issuer: ubnd, authority: [TM. Ủy ban nhân dân, KT. Chủ tịch], title: Phó Chủ tịch, name: Nguyễn Văn A}
recipients: [Như Điều 3, \"Lưu: VT, NC\"]
attachments:
  - kind: quy-che-phoi-hop
    title: Phối hợp trong công tác phổ biến, giáo dục pháp luật
    chapters:
      - title: Quy định chung
        articles:
          - {id: pv, title: Phạm vi điều chỉnh, paragraphs: [Quy chế này quy định việc phối hợp.]}
          - {title: Nguyên tắc phối hợp, clauses: [Đúng pháp luật., Thường xuyên, chặt chẽ.]}
      - title: Tổ chức thực hiện
        articles:
          - {title: Trách nhiệm thi hành, paragraphs: ['Sở Tư pháp theo dõi việc thực hiện [[pv]].']}
";

/// The lines of the pages, page numbers left out.
fn lines(r: &Rendered) -> Vec<Line> {
    r.pages.lines().into_iter().filter(|l| l.y > TOP).collect()
}

fn text(l: &Line) -> String {
    collapse(&l.text())
}

/// Whether a line is centred on the text column of its page (within 3 mm).
fn centred(r: &Rendered, l: &Line) -> bool {
    let left = 30.0 * MM;
    let right = r.pages.sizes[l.page].0 - 15.0 * MM;
    ((l.left() + l.right()) / 2.0 - (left + right) / 2.0).abs() < 3.0 * MM
}

/// The page on which the attached text starts: where its type name stands.
fn attachment_page(r: &Rendered) -> usize {
    lines(r)
        .iter()
        .find(|l| text(l) == "QUY CHẾ PHỐI HỢP")
        .map(|l| l.page)
        .expect("the attached text's type name")
}

#[test]
fn a_decision_prints_its_enacting_authority_and_untitled_articles() {
    let r = render_yaml(DECISION);
    let all = lines(&r);
    let first: Vec<&Line> = all.iter().filter(|l| l.page == 0).collect();
    let at = |t: &str| {
        first
            .iter()
            .position(|l| text(l).starts_with(t))
            .unwrap_or_else(|| panic!("no line {t:?}"))
    };
    let authority = first[at("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NGHỆ AN")];
    assert!(centred(&r, authority) && authority.runs.iter().all(|x| x.bold));
    let verb = first[at("QUYẾT ĐỊNH:")];
    assert!(centred(&r, verb) && verb.runs.iter().all(|x| x.bold));
    // Authority under the title, then căn cứ, then the verb, then the Điều.
    assert!(at("QUYẾT ĐỊNH") < at("CHỦ TỊCH ỦY BAN"));
    assert!(at("CHỦ TỊCH ỦY BAN") < at("Căn cứ Luật Phổ biến"));
    assert!(at("Theo đề nghị của") < at("QUYẾT ĐỊNH:"));
    assert!(at("QUYẾT ĐỊNH:") < at("Điều 1. Ban hành kèm theo"));
    let article = first[at("Điều 1. Ban hành kèm theo")];
    assert!(article.runs[0].bold && article.runs[0].text.starts_with("Điều 1."));
    assert!(
        article.runs.iter().skip(1).any(|x| !x.bold),
        "the text is regular"
    );
    // The last căn cứ, "Theo đề nghị …", ends with a full stop.
    assert!(
        r.md.contains("Tờ trình số 12/TTr-STP ngày 10 tháng 3 năm 2026.*"),
        "{}",
        r.md
    );
}

#[test]
fn an_attached_text_has_no_number_row_and_its_own_numbering() {
    let r = render_yaml(DECISION);
    let start = attachment_page(&r);
    assert!(start >= 1, "the attached text opens a page");
    let on_start: Vec<Line> = lines(&r).into_iter().filter(|l| l.page == start).collect();
    assert!(
        on_start
            .iter()
            .any(|l| text(l).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")),
        "the heading block is repeated"
    );
    assert!(
        !on_start
            .iter()
            .any(|l| text(l).contains("Số:") || text(l).contains("Nghệ An, ngày")),
        "no Số/date row on the attached text"
    );
    let kem_theo: Vec<&Line> = on_start
        .iter()
        .filter(|l| {
            let t = text(l);
            t.contains("Kèm theo") || t.contains("Ủy ban nhân dân tỉnh Nghệ An)")
        })
        .collect();
    let joined: String = kem_theo
        .iter()
        .map(|l| text(l))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        joined.starts_with("(Kèm theo Quyết định số 15/QĐ-UBND ngày 20 tháng 3 năm 2026"),
        "{joined}"
    );
    for l in &kem_theo {
        assert!(centred(&r, l), "Kèm theo line centred: {:?}", text(l));
        assert!(l.runs.iter().all(|x| x.italic && !x.bold), "italic");
    }
    // Its Điều start again from 1, and a reference inside it cites its own numbering.
    assert_eq!(r.doc.attachments[0].chapters[0].articles[0].number, 1);
    assert!(
        lines(&r)
            .iter()
            .any(|l| l.page >= start && text(l).contains("theo dõi việc thực hiện Điều 1./.")),
        "reference resolved within the attached text"
    );
    // Its first page carries no page number (numbered on its own, like a Phụ lục).
    assert!(
        !r.pages
            .runs
            .iter()
            .any(|x| x.page == start && x.y < TOP && !x.text.trim().is_empty()),
        "no page number on the attached text's first page"
    );
    // One Markdown holds both.
    assert!(r.md.contains("# QUY CHẾ PHỐI HỢP"));
    assert!(r.md.contains("*(Kèm theo Quyết định số 15/QĐ-UBND ngày 20 tháng 3 năm 2026 của Chủ tịch Ủy ban nhân dân tỉnh Nghệ An)*"));
}

/// A people's committee's decision in the legal-document form (Luật 64/2025/QH15, Nghị định
/// 78/2025/NĐ-CP), as QĐ 26/2025/QĐ-UBND of Thái Nguyên writes it.
const LEGAL_DECISION: &str = "kind: quyet-dinh
legal: true
title: Ban hành Quy chế phối hợp trong công tác quản lý nhà nước về tín ngưỡng, tôn giáo
number: 26
place: Thái Nguyên
date: 2025-11-21
issuers:
  - {id: ubnd, name: \"Ủy ban nhân dân\\ntỉnh Thái Nguyên\", abbr: UBND}
enacting: Ủy ban nhân dân
bases:
  - Luật Tổ chức chính quyền địa phương số 72/2025/QH15
  - Theo đề nghị của Giám đốc Sở Dân tộc và Tôn giáo
articles:
  - {title: Phạm vi, text: Quyết định này ban hành Quy chế.}
  - Quyết định này có hiệu lực từ ngày 01 tháng 12 năm 2025.
signatures:
  - {issuer: ubnd, authority: [TM. Ủy ban nhân dân, KT. Chủ tịch], title: Phó Chủ tịch, name: Nông Quang Nhất}
recipients: [Như Điều 2, \"Lưu: VT\"]
attachments:
  - kind: quy-che-phoi-hop
    title: Phối hợp trong công tác quản lý nhà nước về tín ngưỡng, tôn giáo
    articles: [{title: Phạm vi, text: Quy chế này quy định việc phối hợp.}]
";

#[test]
fn a_legal_decision_ends_its_căn_cứ_with_the_enacting_sentence() {
    let r = render_yaml(LEGAL_DECISION);
    let first: Vec<Line> = lines(&r).into_iter().filter(|l| l.page == 0).collect();
    let at = |t: &str| first.iter().position(|l| text(l).starts_with(t));
    assert!(
        first
            .iter()
            .any(|l| text(l).starts_with("Số: 26/2025/QĐ-UBND")),
        "the year in the number"
    );
    // No authority line and no "QUYẾT ĐỊNH:": the sentence stands after the last căn cứ.
    assert_eq!(at("QUYẾT ĐỊNH:"), None);
    assert_eq!(at("ỦY BAN NHÂN DÂN BAN HÀNH"), None);
    let sentence = at("Ủy ban nhân dân ban hành Quyết định ban hành Quy chế phối hợp")
        .expect("the enacting sentence");
    assert!(at("Theo đề nghị của").unwrap() < sentence);
    assert!(sentence < at("Điều 1. Phạm vi").unwrap());
    let words: String = first[sentence..at("Điều 1.").unwrap()]
        .iter()
        .map(text)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        words.ends_with("tín ngưỡng, tôn giáo."),
        "the trích yếu ends the sentence: {words}"
    );
    for l in &first[sentence..at("Điều 1.").unwrap()] {
        assert!(
            l.runs.iter().all(|x| x.italic && !x.bold),
            "italic like a căn cứ"
        );
    }
    assert!(r.md.contains("*Theo đề nghị của Giám đốc Sở Dân tộc và Tôn giáo;*"));
    // A titled Điều prints its `text` as its first paragraph, below the title.
    let title = at("Điều 1. Phạm vi").unwrap();
    assert_eq!(text(&first[title]), "Điều 1. Phạm vi");
    assert_eq!(text(&first[title + 1]), "Quyết định này ban hành Quy chế.");
    // Its issued text is "Ban hành kèm theo" it, of the committee (not of the sentence's subject).
    assert!(
        r.md.contains(
            "*(Ban hành kèm theo Quyết định số 26/2025/QĐ-UBND ngày 21 tháng 11 năm 2025 của Ủy \
             ban nhân dân tỉnh Thái Nguyên)*"
        ),
        "{}",
        r.md
    );
}

#[test]
fn an_attached_text_signed_in_the_same_file_has_no_seal_field() {
    // The attached text signed by the same committee (ND 30, Phụ lục I, II.8.b: the văn thư
    // signs only the decision when both are in one file).
    let yaml = format!(
        "{DECISION}    signatures:\n      - {{issuer: ubnd, authority: [TM. Ủy ban nhân dân, \
         KT. Chủ tịch], title: Phó Chủ tịch, name: Nguyễn Văn A}}\n"
    );
    let r = render_yaml(&yaml);
    let pdf = lopdf::Document::load_mem(&r.pdf).unwrap();
    let fields = common::fields::sig_fields(&pdf);
    let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["ubnd.ky", "ubnd.dau", "ubnd-2.ky"]);
    let start = attachment_page(&r);
    assert!(fields[..2].iter().all(|f| f.page < start));
    assert!(
        fields[2].page >= start,
        "the signer's field on the attached text"
    );
    assert!(
        fields[2].tooltip.contains("Nguyễn Văn A"),
        "its tooltip names its block's signer: {}",
        fields[2].tooltip
    );
}

const JOINT: &str = "kind: thong-tu-lien-tich
title: Hướng dẫn việc phối hợp
place: Hà Nội
year: 2015
heading: {name: Bộ Nội vụ - Bộ Tài chính}
issuers:
  - {id: bnv, name: Bộ Nội vụ, abbr: BNV}
  - {id: btc, name: Bộ Tài chính, abbr: BTC}
enacting: |
  Bộ trưởng Bộ Nội vụ
  Bộ trưởng Bộ Tài chính
bases: Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015
chapters:
  - title: Quy định chung
    articles:
      - {title: Phạm vi điều chỉnh, paragraphs: [Thông tư liên tịch này hướng dẫn việc phối hợp.]}
  - title: Quy định cụ thể
    divisions:
      - id: m1
        title: Lập kế hoạch
        articles:
          - {title: Lập kế hoạch năm, paragraphs: [Các bên lập kế hoạch năm.]}
      - title: Kinh phí
        articles:
          - {title: Nguồn kinh phí, paragraphs: ['Kinh phí theo [[m1]].']}
signatures:
  - {issuer: btc, authority: KT. Bộ trưởng, title: Thứ trưởng, name: Trần Văn B}
  - {issuer: bnv, authority: KT. Bộ trưởng, title: Thứ trưởng, name: Lê Văn C}
recipients: [Các bộ, \"Lưu: VT, BNV, BTC\"]
";

#[test]
fn a_joint_legal_document_has_the_year_in_its_number_and_mục_headings() {
    let r = render_yaml(JOINT);
    let all = lines(&r);
    assert!(
        all.iter()
            .any(|l| text(l).contains("Số:") && text(l).contains("/2015/TTLT-BNV-BTC")),
        "the year in the number"
    );
    assert!(
        r.md.contains(
            "*Bộ trưởng Bộ Nội vụ và Bộ trưởng Bộ Tài chính ban hành Thông tư liên tịch hướng \
             dẫn việc phối hợp.*"
        ),
        "the enacting sentence joins both authorities"
    );
    // One heading block for both bodies.
    assert!(
        all.iter()
            .any(|l| text(l).starts_with("BỘ NỘI VỤ - BỘ TÀI CHÍNH"))
    );
    // "Mục 1" centred and bold, its title in capitals below it; numbered from 1 in the Chương.
    let at = all
        .iter()
        .position(|l| text(l) == "Mục 1")
        .expect("Mục 1 heading");
    let (label, title) = (&all[at], &all[at + 1]);
    assert!(centred(&r, label) && label.runs.iter().all(|x| x.bold));
    assert!(centred(&r, title) && text(title) == "LẬP KẾ HOẠCH");
    assert!(all.iter().any(|l| text(l) == "Mục 2"));
    // Điều run on across Mục; a reference to a Mục names its Chương.
    assert!(
        all.iter()
            .any(|l| text(l).starts_with("Điều 3. Nguồn kinh phí"))
    );
    assert!(
        r.md.contains("Kinh phí theo Mục 1 Chương II./."),
        "{}",
        r.md
    );
}
