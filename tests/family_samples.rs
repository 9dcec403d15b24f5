//! The samples of the document family (issue 13) reproduce their seeds in full: every sentence of
//! the seed is on the laid-out pages and in the Markdown, the structure the seed's header counts
//! (Chương, Mục, Điều, khoản, điểm, gạch đầu dòng, Nơi nhận, for the decision and its attached
//! text apart) is the structure vanban built, and `vanban check` finds no error. Where the seed
//! and vanban differ by rule only (heading labels, end punctuation, case of the trích yếu), the
//! sample's header comment names the difference and the test replaces exactly that text.

mod common;
use common::seeds::{Form, Seed};
use common::*;
use std::collections::BTreeMap;
use std::sync::OnceLock;
use vanban::document::{ArticleView, Document};

/// One sample and the seed it reproduces.
struct Sample {
    spec: &'static str,
    seed: &'static str,
    /// What the seed prints and what vanban prints in its place, as the spec's header lists it.
    forms: &'static [Form],
    /// Signature blocks of the decision (the seed's header describes them in words).
    signatures: usize,
    /// The warnings `vanban check` gives, by rule (the seed's own text, kept as it is).
    warnings: &'static [&'static str],
}

const SAMPLES: [Sample; 3] = [
    Sample {
        spec: "quyet-dinh-thai-nguyen-26-2025.yaml",
        seed: "thai-nguyen-qd26-2025-quy-che-phoi-hop-tin-nguong.txt",
        forms: &[
            // Trích yếu in normal case, as ND 30 sets it (the copy prints capitals).
            (
                "BAN HÀNH QUY CHẾ PHỐI HỢP TRONG CÔNG TÁC QUẢN LÝ NHÀ NƯỚC VỀ TÍN NGƯỠNG, TÔN GIÁO TRÊN ĐỊA BÀN TỈNH THÁI NGUYÊN",
                "Ban hành Quy chế phối hợp trong công tác quản lý nhà nước về tín ngưỡng, tôn giáo trên địa bàn tỉnh Thái Nguyên",
            ),
            (
                "PHỐI HỢP TRONG CÔNG TÁC QUẢN LÝ NHÀ NƯỚC VỀ TÍN NGƯỠNG, TÔN GIÁO TRÊN ĐỊA BÀN TỈNH THÁI NGUYÊN",
                "Phối hợp trong công tác quản lý nhà nước về tín ngưỡng, tôn giáo trên địa bàn tỉnh Thái Nguyên",
            ),
        ],
        signatures: 1,
        warnings: &["tone-marks"],
    },
    Sample {
        spec: "quyet-dinh-can-tho-2610-2025.yaml",
        seed: "can-tho-qd2610-2025-quy-che-lay-y-kien.txt",
        forms: &[
            (
                "BAN HÀNH QUY CHẾ SỬ DỤNG VÀ VẬN HÀNH HỆ THỐNG LẤY Ý KIẾN ĐIỆN TỬ THÀNH PHỐ CẦN THƠ",
                "Ban hành Quy chế sử dụng và vận hành Hệ thống lấy ý kiến điện tử thành phố Cần Thơ",
            ),
            (
                "SỬ DỤNG VÀ VẬN HÀNH HỆ THỐNG LẤY Ý KIẾN ĐIỆN TỬ THÀNH PHỐ CẦN THƠ",
                "Sử dụng và vận hành Hệ thống lấy ý kiến điện tử thành phố Cần Thơ",
            ),
        ],
        signatures: 1,
        warnings: &[],
    },
    Sample {
        spec: "thong-tu-lien-tich-47-2009.yaml",
        seed: "ttlt-47-2009-btc-bldtbxh.txt",
        forms: &[
            ("Độc lập – Tự do – Hạnh phúc", "Độc lập - Tự do - Hạnh phúc"),
            ("ngày 11 tháng 03 năm 2009", "ngày 11 tháng 3 năm 2009"),
            (
                "HƯỚNG DẪN CẤP PHÁT, QUẢN LÝ VÀ SỬ DỤNG KINH PHÍ THỰC HIỆN CHÍNH SÁCH ƯU ĐÃI NGƯỜI CÓ CÔNG VỚI CÁCH MẠNG VÀ NGƯỜI TRỰC TIẾP THAM GIA KHÁNG CHIẾN DO NGÀNH LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI QUẢN LÝ",
                "Hướng dẫn cấp phát, quản lý và sử dụng kinh phí thực hiện chính sách ưu đãi người có công với cách mạng và người trực tiếp tham gia kháng chiến do ngành Lao động – Thương binh và Xã hội quản lý",
            ),
            // Căn cứ end with ";" before the preamble.
            (
                "thi hành Luật Ngân sách nhà nước.\n",
                "thi hành Luật Ngân sách nhà nước;\n",
            ),
            (
                "thẩm quyền về chính sách ưu đãi người có công với cách mạng.\n",
                "thẩm quyền về chính sách ưu đãi người có công với cách mạng;\n",
            ),
            // Mục: "Mục 1" and the title on the line below (current rules), not "MỤC I. TITLE".
            ("MỤC I. NHỮNG", "Mục 1\nNHỮNG"),
            ("MỤC II. NỘI DUNG", "Mục 2\nNỘI DUNG"),
            ("MỤC III. QUẢN LÝ", "Mục 3\nQUẢN LÝ"),
            ("MỤC IV. TỔ CHỨC", "Mục 4\nTỔ CHỨC"),
            // The last Nơi nhận ends with ".".
            (
                "- Lưu VT: Bộ Tài chính, Bộ LĐTBXH",
                "- Lưu VT: Bộ Tài chính, Bộ LĐTBXH.",
            ),
        ],
        signatures: 2,
        warnings: &[],
    },
];

fn rendered(index: usize) -> &'static Rendered {
    static CACHE: [OnceLock<Rendered>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    CACHE[index].get_or_init(|| render_file(&sample(SAMPLES[index].spec)))
}

/// Every sentence of the seed is in `text` (after the sample's form differences).
fn assert_covered(index: usize, text: &str, what: &str) {
    let s = &SAMPLES[index];
    let (missing, count) = Seed::read(s.seed).missing(s.forms, text);
    assert!(
        missing.is_empty(),
        "{} of {count} sentences of {} missing from the {what}:\n{}",
        missing.len(),
        s.seed,
        missing.join("\n")
    );
    eprintln!("{}: {count} of {count} sentences in the {what}", s.spec);
}

/// Both readings of the pages: line by line, and column by column where blocks stand side by side.
fn pdf_readings(r: &Rendered) -> String {
    format!("{}\n{}", pdf_text(&r.pages), pdf_text_by_columns(&r.pages))
}

#[test]
fn every_sentence_of_the_seeds_is_on_the_pages() {
    for i in 0..SAMPLES.len() {
        assert_covered(i, &pdf_readings(rendered(i)), "PDF");
    }
}

#[test]
fn every_sentence_of_the_seeds_is_in_the_markdown() {
    for i in 0..SAMPLES.len() {
        assert_covered(i, &md_text(&rendered(i).md), "Markdown");
    }
}

/// How many of each unit a text holds.
#[derive(Debug, Default)]
struct Counts {
    units: BTreeMap<&'static str, usize>,
    /// Per Điều number: khoản, điểm, gạch đầu dòng.
    per_article: BTreeMap<u32, (usize, usize, usize)>,
}

fn articles(doc: &Document) -> Vec<&ArticleView> {
    let mut all: Vec<&ArticleView> = doc.articles.iter().collect();
    for c in &doc.chapters {
        all.extend(&c.articles);
        all.extend(c.divisions.iter().flat_map(|d| &d.articles));
    }
    all.extend(doc.divisions.iter().flat_map(|d| &d.articles));
    all
}

fn counts(doc: &Document) -> Counts {
    let mut c = Counts::default();
    for a in articles(doc) {
        let points = a.clauses.iter().map(|k| k.points.len()).sum();
        let items = a
            .clauses
            .iter()
            .map(|k| k.items.len() + k.points.iter().map(|p| p.items.len()).sum::<usize>())
            .sum();
        c.per_article
            .insert(a.number, (a.clauses.len(), points, items));
    }
    let sum = |f: fn(&(usize, usize, usize)) -> usize| c.per_article.values().map(f).sum();
    let units = [
        ("Chương", doc.chapters.len()),
        (
            "Mục",
            doc.divisions.len()
                + doc
                    .chapters
                    .iter()
                    .map(|c| c.divisions.len())
                    .sum::<usize>(),
        ),
        ("Điều", c.per_article.len()),
        ("khoản", sum(|x| x.0)),
        ("điểm", sum(|x| x.1)),
        ("gạch", sum(|x| x.2)),
        ("Nơi nhận", doc.recipients.len()),
    ];
    c.units = units.into_iter().collect();
    c
}

/// The counts a seed's header gives after "Structure counts:", per part: the decision
/// ("Decision :"), its attached text ("Quy chế :"), or the whole document. Each unit is read
/// at its first "N unit" ("15 Điều", "8 gạch đầu dòng", "17 Nơi nhận items" or "Nơi nhận 17
/// items"); the per-Điều list ("Khoản per Điều: 1:2 …", "Per Điều (khoản/điểm/gạch): 6:3/10
/// …", "1:2(+4 điểm)") gives khoản and, where written, điểm and gạch of each Điều.
fn header_counts(header: &str) -> Vec<(&'static str, Counts)> {
    let at = header
        .find("Structure counts:")
        .expect("the header counts the structure");
    let text = &header[at + "Structure counts:".len()..];
    let parts: Vec<(&str, &str)> = match (text.find("Decision :"), text.find("Quy chế :")) {
        (Some(d), Some(q)) if d < q => {
            vec![("decision", &text[d..q]), ("attached", &text[q..])]
        }
        _ => vec![("document", text)],
    };
    parts
        .into_iter()
        .map(|(part, text)| {
            let words: Vec<&str> = text.split_whitespace().collect();
            let bare = |w: &str| w.trim_matches(|c: char| ",;.()".contains(c)).to_owned();
            let number = |i: usize| words.get(i).and_then(|w| bare(w).parse::<usize>().ok());
            let mut c = Counts::default();
            for unit in ["Chương", "Mục", "Điều", "khoản", "điểm", "gạch"] {
                let found =
                    (1..words.len()).find(|&i| bare(words[i]) == unit && number(i - 1).is_some());
                if let Some(i) = found {
                    c.units.insert(unit, number(i - 1).unwrap());
                }
            }
            for i in 0..words.len().saturating_sub(1) {
                if words[i] == "Nơi" && bare(words[i + 1]) == "nhận" {
                    let n = number(i + 2).or_else(|| i.checked_sub(1).and_then(number));
                    if let Some(n) = n {
                        c.units.insert("Nơi nhận", n);
                        break;
                    }
                }
            }
            let list = text
                .find("per Điều")
                .or_else(|| text.find("Per Điều"))
                .map(|p| &text[p..]);
            if let Some(list) = list {
                let start = list
                    .find("): ")
                    .map(|i| i + 3)
                    .or(list.find(": ").map(|i| i + 2));
                for word in list[start.unwrap()..].split_whitespace() {
                    let Some((n, rest)) = word.split_once(':') else {
                        // The end of a remark on the Điều before ("1:2(+4 điểm)").
                        if word.ends_with(')') && !word.starts_with('(') {
                            continue;
                        }
                        break;
                    };
                    let Ok(n) = n.parse::<u32>() else { break };
                    let digits = |s: &str| -> Option<usize> {
                        let d: String = s.chars().take_while(char::is_ascii_digit).collect();
                        d.parse().ok()
                    };
                    let mut fields = rest.split('/');
                    let clauses = digits(fields.next().unwrap()).unwrap();
                    let mut points = fields.next().and_then(digits);
                    let items = fields.next().and_then(digits);
                    if let Some(p) = rest.split_once("(+") {
                        points = digits(p.1);
                    }
                    c.per_article.insert(
                        n,
                        (
                            clauses,
                            points.unwrap_or(usize::MAX),
                            items.unwrap_or(usize::MAX),
                        ),
                    );
                }
            }
            (part, c)
        })
        .collect()
}

#[test]
fn the_structure_is_the_one_the_seed_header_counts() {
    for (i, s) in SAMPLES.iter().enumerate() {
        let r = rendered(i);
        let seed = Seed::read(s.seed);
        let parts = header_counts(&seed.header);
        for (part, expected) in &parts {
            let doc = match *part {
                "attached" => {
                    assert_eq!(r.doc.attachments.len(), 1, "{}: one attached text", s.spec);
                    &r.doc.attachments[0]
                }
                _ => &r.doc,
            };
            let got = counts(doc);
            assert!(
                expected.units.contains_key("Điều"),
                "{}: the header of the {part} counts its Điều",
                s.seed
            );
            for (unit, n) in &expected.units {
                assert_eq!(got.units[unit], *n, "{} ({part}): {unit}", s.spec);
            }
            for (article, (clauses, points, items)) in &expected.per_article {
                let (c, p, g) = got.per_article[article];
                assert_eq!(c, *clauses, "{} ({part}): khoản of Điều {article}", s.spec);
                if *points != usize::MAX {
                    assert_eq!(p, *points, "{} ({part}): điểm of Điều {article}", s.spec);
                }
                if *items != usize::MAX {
                    assert_eq!(g, *items, "{} ({part}): gạch of Điều {article}", s.spec);
                }
            }
            if !expected.per_article.is_empty() {
                assert_eq!(
                    expected.per_article.len(),
                    got.per_article.len(),
                    "{} ({part}): every Điều listed",
                    s.spec
                );
            }
        }
        assert_eq!(r.doc.signatures.len(), s.signatures, "{}", s.spec);
        for a in &r.doc.attachments {
            assert!(
                a.signatures.is_empty(),
                "{}: the attached text is not signed",
                s.spec
            );
        }
        eprintln!(
            "{}: {} pages; {:?}",
            s.spec,
            r.pages.sizes.len(),
            parts
                .iter()
                .map(|(p, c)| format!("{p} {:?}", c.units))
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn the_samples_check_without_errors() {
    for s in &SAMPLES {
        let bytes = std::fs::read(sample(s.spec)).unwrap();
        let checked = vanban::check::check_bytes(s.spec, &bytes);
        let rules: Vec<&str> = checked.report.findings.iter().map(|f| f.rule.id).collect();
        assert!(!checked.has_errors(), "{}: {rules:?}", s.spec);
        assert_eq!(rules, s.warnings, "{}", s.spec);
    }
}

/// Points per millimetre.
const MM: f64 = 72.0 / 25.4;

#[test]
fn the_drafter_line_stands_under_the_last_recipient() {
    let r = rendered(0);
    let lines = r.pages.lines();
    let at = |t: &str| {
        lines
            .iter()
            .position(|l| collapse(&l.text()).contains(t))
            .unwrap_or_else(|| panic!("no line {t:?}"))
    };
    let (luu, drafter) = (
        &lines[at("- Lưu: VT, CNN&XD.")],
        &lines[at("MinhHồng/QĐ/20.11.2025")],
    );
    let drafter_runs: Vec<_> = drafter.runs.iter().filter(|x| x.x < 100.0 * MM).collect();
    assert_eq!(
        drafter_runs
            .iter()
            .map(|x| x.text.as_str())
            .collect::<String>(),
        "MinhHồng/QĐ/20.11.2025",
        "the line as written, nothing added"
    );
    for x in &drafter_runs {
        assert!(
            x.size == 11.0 && !x.bold && !x.italic,
            "11 pt upright: {x:?}"
        );
    }
    assert_eq!(drafter.page, luu.page);
    assert!(
        (drafter_runs[0].x - 30.0 * MM).abs() < 0.5,
        "at the left margin"
    );
    let pitch = drafter.y - luu.y;
    assert!(
        pitch > 11.0 && pitch < 1.4 * 11.0,
        "right under the last recipient: {pitch}"
    );
    assert!(
        r.md.contains("\\- Lưu: VT, CNN&XD.\\\nMinhHồng/QĐ/20.11.2025\n"),
        "{}",
        r.md
    );
}

#[test]
fn a_drafter_line_without_recipients_or_under_two_signatures() {
    let spec = |recipients: &str, signatures: &str| {
        format!(
            "kind: quy-che-phoi-hop\ntitle: Phối hợp\nplace: Huế\nyear: 2026\n\
             issuers: [{{id: a, name: Sở A, abbr: SA}}, {{id: b, name: Sở B, abbr: SB}}]\n\
             articles: [{{title: Phạm vi, paragraphs: [Hết.]}}]\nsignatures: [{signatures}]\n\
             {recipients}drafter: NVA.20\n"
        )
    };
    let one = "{issuer: a, title: Giám đốc, name: X}";
    let two = "{issuer: a, title: Giám đốc, name: X}, {issuer: b, title: Giám đốc, name: Y}";
    for (recipients, signatures) in [("", one), ("recipients: [\"Lưu: VT\"]\n", two)] {
        let r = render_yaml(&spec(recipients, signatures));
        let line = r
            .pages
            .lines()
            .into_iter()
            .find(|l| l.text() == "NVA.20")
            .expect("the drafter line");
        assert!(line.runs.iter().all(|x| x.size == 11.0 && !x.bold));
        assert!((line.left() - 30.0 * MM).abs() < 0.5);
        assert!(r.md.contains("\nNVA.20\n"), "{}", r.md);
        assert_eq!(
            r.md.contains("Nơi nhận"),
            !recipients.is_empty(),
            "no Nơi nhận heading without recipients"
        );
    }
}

#[test]
fn a_titled_article_prints_its_lead_in_then_its_khoản_then_its_closing_paragraph() {
    // TTLT 47/2009, Điều 5: "Ngoài các khoản … các khoản sau:", khoản 1–5, then "Nội dung và mức
    // chi …" (written `text`, `clauses`, `paragraphs`).
    let r = rendered(2);
    let pdf = pdf_text(&r.pages);
    let md = md_text(&r.md);
    for (what, text) in [("PDF", &pdf), ("Markdown", &md)] {
        let at = |t: &str| text.find(t).unwrap_or_else(|| panic!("{what}: no {t:?}"));
        let order = [
            at("Điều 5. Chi hỗ trợ hoạt động"),
            at("Ngoài các khoản chi trợ cấp và chi ưu đãi"),
            at("1. Sửa chữa, nâng cấp nhà cửa"),
            at("5. Chi tàu, xe cho thương binh"),
            at("Nội dung và mức chi của các nội dung nêu tại Điều 4 và Điều 5"),
            at("Điều 6. Chi cho công tác quản lý"),
        ];
        assert!(
            order.is_sorted(),
            "{what}: Điều 5 in the order written: {order:?}"
        );
    }
}
