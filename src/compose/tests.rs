//! The document composed from small specs: numbers, references, punctuation, appendices and
//! the order of signatures, as the templates receive them.

use crate::document::Document;
use crate::finding::Finding;
use crate::number::Outline;
fn doc(yaml: &str) -> Result<Document, Vec<Finding>> {
    let spec = crate::load::parse(yaml).expect("the spec loads");
    let (outline, mut findings) = Outline::build(&spec);
    let (doc, more) = super::document(&spec, &outline);
    findings.extend(more);
    if findings.is_empty() {
        Ok(doc)
    } else {
        Err(findings)
    }
}

/// Each finding as "message (path)".
fn described(findings: &[Finding]) -> Vec<String> {
    findings
        .iter()
        .map(|f| format!("{} ({})", f.message, f.path.as_deref().unwrap_or("")))
        .collect()
}

const HEAD: &str = "kind: quy-che\ntitle: T\nplace: Hà Nội\nyear: 2024\n\
    issuers: [{id: a, name: Sở A, abbr: SA}, {id: b, name: Hội B, abbr: HB}]\n\
    signatures: [{issuer: a, title: Giám đốc, name: X}, {issuer: b, title: Chủ tịch, name: Y}]\n";

#[test]
fn articles_run_on_across_chapters_and_points_use_vietnamese_letters() {
    let points: Vec<String> = (0..7).map(|i| format!("\"p{i}\"")).collect();
    let yaml = format!(
        "{HEAD}chapters:\n- title: Một\n  articles:\n  - {{title: A}}\n  - {{title: B}}\n\
         - title: Hai\n  articles:\n  - title: C\n    clauses:\n    - x\n    - text: y\n      points: [{}]\n\
         - title: Ba\n  articles: [{{title: D}}]\n",
        points.join(", ")
    );
    let d = doc(&yaml).unwrap();
    let numbers: Vec<u32> = d
        .chapters
        .iter()
        .flat_map(|c| c.articles.iter().map(|a| a.number))
        .collect();
    assert_eq!(numbers, [1, 2, 3, 4]);
    let romans: Vec<&str> = d.chapters.iter().map(|c| c.number.as_str()).collect();
    assert_eq!(romans, ["I", "II", "III"]);
    let letters: Vec<&str> = d.chapters[1].articles[0].clauses[1]
        .points
        .iter()
        .map(|p| p.letter)
        .collect();
    assert_eq!(letters, ["a", "b", "c", "d", "đ", "e", "g"]);
}

#[test]
fn references_resolve_to_final_numbers() {
    let yaml = format!(
        "{HEAD}chapters:\n- id: chung\n  title: Chung\n  articles:\n  - {{id: pv, title: Phạm vi}}\n\
         - title: Nội dung\n  articles:\n  - title: X\n    clauses:\n    - Theo [[pv]] và [[k2]], [[d]] thuộc [[chung]]\n\
         \x20   - id: k2\n      text: y\n      points: [a, b, {{id: d, text: c}}]\n"
    );
    let d = doc(&yaml).unwrap();
    let text = &d.chapters[1].articles[0].clauses[0]
        .text
        .as_ref()
        .unwrap()
        .plain;
    assert_eq!(
        text,
        "Theo Điều 1 và khoản 2 Điều 2, điểm c khoản 2 Điều 2 thuộc Chương I"
    );
}

#[test]
fn unknown_and_duplicate_ids_are_errors_with_paths() {
    let yaml = format!(
        "{HEAD}articles:\n- {{id: a1, title: X, paragraphs: [\"xem [[a2]]\"]}}\n- {{id: a1, title: Y}}\n"
    );
    let Err(findings) = doc(&yaml) else {
        panic!("expected errors")
    };
    let text = described(&findings);
    assert!(
        text.iter()
            .any(|t| t.contains("`a1` đã được dùng") && t.contains("articles[1].id")),
        "{text:?}"
    );
    assert!(
        text.iter()
            .any(|t| t.contains("[[a2]]") && t.contains("articles[0].paragraphs[0]")),
        "{text:?}"
    );
}

#[test]
fn recipients_and_bases_get_their_punctuation_once() {
    let yaml = format!(
        "{HEAD}bases: [\"Luật A;\", Nghị định B]\nrecipients: [\"- Bộ X;\", Sở Y, \"Lưu: VT.\"]\narticles: [{{title: A, paragraphs: [Hết.]}}]\n"
    );
    let d = doc(&yaml).unwrap();
    let r: Vec<&str> = d.recipients.iter().map(|t| t.plain.as_str()).collect();
    assert_eq!(r, ["Bộ X;", "Sở Y;", "Lưu: VT."]);
    let b: Vec<&str> = d.bases.iter().map(|t| t.plain.as_str()).collect();
    assert_eq!(b, ["Căn cứ Luật A;", "Căn cứ Nghị định B."]);
    assert_eq!(d.articles[0].paragraphs[0].plain, "Hết./.");
}

#[test]
fn last_basis_keeps_semicolon_when_a_preamble_follows() {
    let yaml = format!("{HEAD}bases: [A, B]\npreamble: \"Hai bên thống nhất:\"\n");
    let d = doc(&yaml).unwrap();
    assert_eq!(d.bases[1].plain, "Căn cứ B;");
}

#[test]
fn symbol_lists_type_then_every_issuer_lead_first() {
    let d = doc(HEAD).unwrap();
    assert_eq!(d.symbol.plain, "QC-SA-HB");
    assert_eq!(d.number, None);
    let d = doc(&format!("{HEAD}number: 7\n")).unwrap();
    assert_eq!(d.number.as_deref(), Some("07"));
}

const TABLE: &str = "    table:\n      columns: [{title: STT, number: true}, {title: Việc, width: 3}, \
    {title: Hạn, width: 20mm, align: center}]\n      rows:\n        - group: Nhóm một\n\
    \x20       - [Họp, Quý I]\n        - [Báo cáo, 2026]\n        - group: Nhóm hai\n\
    \x20       - [Tổng kết, Quý IV]\n";

#[test]
fn appendices_are_numbered_and_their_tables_filled_in() {
    let one = format!(
        "{HEAD}articles: [{{title: A, paragraphs: [\"xem [[pl]]\"]}}]\n\
         appendices:\n  - id: pl\n    title: Danh mục\n{TABLE}"
    );
    let d = doc(&one).unwrap();
    assert_eq!(d.appendices[0].label.plain, "Phụ lục");
    assert_eq!(d.articles[0].paragraphs[0].plain, "xem Phụ lục./.");
    assert_eq!(d.appendices[0].title.plain, "DANH MỤC");
    let table = d.appendices[0].table.as_ref().unwrap();
    let widths: Vec<&str> = table.columns.iter().map(|c| c.width.as_str()).collect();
    assert_eq!(widths, ["12mm", "3fr", "20mm"]);
    let first: Vec<(&str, usize)> = table
        .rows
        .iter()
        .map(|r| (r[0].text.plain.as_str(), r.len()))
        .collect();
    // Group rows: numeral + a cell spanning the rest; rows restart at 1 in each group.
    assert_eq!(first, [("I", 2), ("1", 3), ("2", 3), ("II", 2), ("1", 3)]);
    assert_eq!(table.rows[0][1].colspan, 2);
    assert_eq!(table.rows[2][2].text.plain, "2026");
    let two = format!(
        "{HEAD}articles: [{{title: A, paragraphs: [\"xem [[b]]\"]}}]\n\
         appendices:\n  - {{id: a, title: Một}}\n  - {{id: b, title: Hai}}\n"
    );
    let d = doc(&two).unwrap();
    let labels: Vec<&str> = d
        .appendices
        .iter()
        .map(|a| a.label.plain.as_str())
        .collect();
    assert_eq!(labels, ["Phụ lục I", "Phụ lục II"]);
    assert_eq!(d.articles[0].paragraphs[0].plain, "xem Phụ lục II./.");
}

#[test]
fn bad_widths_and_short_rows_are_errors_with_their_paths() {
    let yaml = format!(
        "{HEAD}appendices:\n  - title: X\n    table:\n      columns: [{{title: A, width: 3px}}, \
         {{title: B, width: -1}}]\n      rows: [[một]]\n"
    );
    let Err(findings) = doc(&yaml) else {
        panic!("expected errors")
    };
    let text = described(&findings);
    let has = |path: &str, words: &str| text.iter().any(|t| t.contains(path) && t.contains(words));
    assert!(
        has("appendices[0].table.columns[0].width", "`3px`"),
        "{text:?}"
    );
    assert!(
        has("appendices[0].table.columns[1].width", "`-1`"),
        "{text:?}"
    );
    assert!(
        has("appendices[0].table.rows[0]", "hàng có 1 ô"),
        "{text:?}"
    );
}

#[test]
fn signatures_keep_their_written_order_and_the_layout_places_the_lead() {
    // The columns are the layout's decision (nd30-signatures); tests/joint.rs reads them off
    // the pages.
    let yaml = format!("{HEAD}layout: {{lead_side: right}}\n");
    let d = doc(&yaml).unwrap();
    let order: Vec<&str> = d.signatures.iter().map(|s| s.issuer.as_str()).collect();
    assert_eq!(
        (order.as_slice(), d.lead_side),
        (["a", "b"].as_slice(), "right")
    );
    assert_eq!(doc(HEAD).unwrap().lead_side, "left");
}

/// A decision by `issuers` (YAML list) enacted by `enacting`, with one appendix.
fn decision(issuers: &str, enacting: &str, appendix: &str) -> Document {
    doc(&format!(
        "kind: quyet-dinh\ntitle: T\nplace: Huế\nyear: 2026\nissuers: {issuers}\n\
         enacting: {enacting}\narticles: [Ban hành.]\nappendices: [{appendix}]\n"
    ))
    .unwrap()
}

#[test]
fn the_kèm_theo_line_names_who_enacted_the_decision() {
    let one = "[{id: a, name: Ủy ban nhân dân tỉnh Huế, abbr: UBND}]";
    let line = |d: &Document| d.appendices[0].attached.line.plain.clone();
    let d = decision(
        one,
        "Chủ tịch Ủy ban nhân dân tỉnh Huế",
        "{title: P, paragraphs: x}",
    );
    assert_eq!(
        line(&d),
        "Kèm theo Quyết định số …/QĐ-UBND ngày … tháng … năm 2026 của Chủ tịch Ủy ban nhân dân \
         tỉnh Huế"
    );
    // One authority whose name is broken over lines; one written in capitals (then the issuer).
    let d = decision(
        one,
        "\"Chủ tịch Ủy ban nhân dân\\ntỉnh Huế\"",
        "{title: P, paragraphs: x}",
    );
    assert!(line(&d).ends_with("của Chủ tịch Ủy ban nhân dân tỉnh Huế"));
    let d = decision(
        one,
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HUẾ",
        "{title: P, paragraphs: x}",
    );
    assert!(
        line(&d).ends_with("của Ủy ban nhân dân tỉnh Huế"),
        "{}",
        line(&d)
    );
    // A joint decision: one line per authority.
    let two = "[{id: a, name: Sở A, abbr: SA}, {id: b, name: Sở B, abbr: SB}]";
    let d = decision(
        two,
        "\"Giám đốc Sở A\\nGiám đốc Sở B\"",
        "{title: P, paragraphs: x}",
    );
    assert!(line(&d).ends_with("năm 2026 của Giám đốc Sở A và Giám đốc Sở B"));
    // The author's words, the blanks kept; or the whole line written out.
    let d = decision(
        one,
        "Chủ tịch Ủy ban nhân dân tỉnh Huế",
        "{title: P, paragraphs: x, attached: {opening: Ban hành kèm theo, of: UBND tỉnh}}",
    );
    let attached = &d.appendices[0].attached;
    assert_eq!(attached.opening.plain, "Ban hành kèm theo");
    assert!(attached.number.is_none() && attached.date.is_none());
    assert_eq!(
        line(&d),
        "Ban hành kèm theo Quyết định số …/QĐ-UBND ngày … tháng … năm 2026 của UBND tỉnh"
    );
    let d = decision(
        one,
        "Chủ tịch Ủy ban nhân dân tỉnh Huế",
        "{title: P, paragraphs: x, attached: \"(Kèm theo Công văn số 12/UBND)\"}",
    );
    assert_eq!(line(&d), "Kèm theo Công văn số 12/UBND");
}

#[test]
fn the_pdf_metadata_names_as_many_issuers_as_fit_in_one_pdf_a_string() {
    let names = (0..40).map(|i| format!("{i:02}{}", "a".repeat(498)));
    let kept = super::metadata_authors(names);
    assert_eq!(
        kept.len(),
        7,
        "500 characters and a separator each, within 4 000"
    );
    assert!(kept[0].starts_with("00") && kept[6].starts_with("06"));
}
