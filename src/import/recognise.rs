//! From the lines of a document to its spec: the heading, the title and its kind, the căn cứ,
//! the preamble, the body, the signatures and Nơi nhận, the appendices and the texts a decision
//! issues. Each part is read by its own module; this one finds where each part starts.

use super::Unplaced;
use super::appendix;
use super::body::{self, Ids};
use super::closing::{self, SignatureText};
use super::heading::{self, Heading, IssuerText};
use super::lines::{Line, Mark, mark};
use super::parties;
use super::yaml::{Map, Node, Noted};
use crate::kind::Kind;

/// The keys that follow the preamble in a spec, in the order they are written.
const AFTER_PREAMBLE: &[&str] = &[
    "chapters",
    "articles",
    "sections",
    "divisions",
    "closing",
    "signatures",
    "recipients",
];

/// Why the system's name of a Party or Đoàn heading is not kept as an issuer.
const SYSTEM_NOTE: &str = "thể thức văn bản của Đảng, Đoàn đặt tên hệ thống tổ chức ở chỗ Quốc \
     hiệu; vanban trình bày theo Nghị định 30 nên in Quốc hiệu và Tiêu ngữ, không coi đó là cơ quan \
     ban hành";

/// The spec read from `lines`, with the lines that could not be placed; `None` when no title
/// line names a kind of document. A Word document's title paragraphs are its author's lines
/// (kept, one per line of `title`); a copied text's title lines are where a page broke them.
pub fn spec(lines: &[Line], format: super::Format, unplaced: &mut Vec<Unplaced>) -> Option<Map> {
    let title_lines = format == super::Format::Docx;
    let (title_at, kind, first) = lines
        .iter()
        .take(80)
        .enumerate()
        .find_map(|(i, l)| heading::kind_line(&l.text).map(|(k, rest)| (i, k, rest)))?;
    let head = heading::read(&lines[..title_at]);
    for line in &head.other {
        unplaced.push(Unplaced {
            at: line.at,
            text: line.text.clone(),
            why: "dòng trong phần đầu văn bản không nhận ra: ghi vào lời mở đầu".to_owned(),
        });
    }
    let mut ids = Ids::default();
    let issuers = issuers(&head, &mut ids, unplaced);
    let (part, rest) = text_part(
        kind,
        first,
        &lines[title_at + 1..],
        &issuers,
        (&mut ids, title_lines),
        unplaced,
    );

    let texts = |key: &str, field: Option<&str>| -> Vec<String> {
        let Some(Node::List(items)) = part.get(key) else {
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|n| match (&n.value, field) {
                (Node::Text(t), None) => Some(t.clone()),
                (Node::Map(m), Some(f)) => match m.get(f) {
                    Some(Node::Text(t)) => Some(t.clone()),
                    _ => None,
                },
                _ => None,
            })
            .collect()
    };
    let ids_in_order: Vec<String> = issuers.iter().map(|i| i.id.clone()).collect();
    // A shared heading: each body's name is the line of its signature block that names it.
    let mut issuers = issuers;
    if shared_heading(&head)
        && let Some(Node::List(signatures)) = part.get("signatures")
    {
        for s in signatures {
            let Node::Map(m) = &s.value else { continue };
            let (Some(Node::Text(id)), Some(Node::List(lines))) =
                (m.get("issuer"), m.get("authority"))
            else {
                continue;
            };
            let named = lines.iter().find_map(|l| match &l.value {
                Node::Text(t) if !closing::is_authority(t) => Some(t.clone()),
                _ => None,
            });
            if let (Some(name), Some(issuer)) = (named, issuers.iter_mut().find(|i| &i.id == id)) {
                issuer.text.name = name;
            }
        }
    }
    let parties = parties::read(
        &texts("preamble", None),
        &texts("signatures", Some("name")),
        &ids_in_order,
    );

    let mut map = Map::new();
    map.text("kind", kind.key());
    map.put(
        "title",
        part.get("title")
            .cloned()
            .unwrap_or(Node::Text(String::new())),
    );
    match head.number {
        Some(n) => map.put("number", Node::Int(i64::from(n))),
        None => map.note(
            "title",
            "Số: để trống trong văn bản gốc (văn thư cấp số khi đăng ký): thêm `number` khi có.",
        ),
    }
    if let Some(symbol) = &head.symbol {
        let abbrs: Vec<&str> = issuers.iter().map(|i| i.abbr.as_str()).collect();
        let groups = symbol.split(['-', '/']).count();
        if groups < 2 || !symbol.starts_with(kind.abbreviation()) {
            // A ký hiệu of another kind ("CV-ĐTN" on a Kế hoạch) or of one group: the source's
            // slip, which `check` refuses; the program makes the ký hiệu, the source's is noted.
            let why = format!(
                "ký hiệu «{symbol}» không mở đầu bằng tên viết tắt của {} ({}) hoặc thiếu nhóm \
                 cơ quan: chương trình tự lập ký hiệu, ghi `symbol` nếu cần",
                kind.type_name().to_lowercase(),
                kind.abbreviation()
            );
            unplaced.push(Unplaced {
                at: head.number_at,
                text: symbol.clone(),
                why: why.clone(),
            });
            map.note("title", &format!("Văn bản gốc: {why}."));
        } else if *symbol != kind.symbol(None, &abbrs) {
            map.put_noted(
                "symbol",
                Node::Text(symbol.clone()),
                vec!["Ký hiệu ghi nguyên văn (khác ký hiệu chương trình tự lập từ loại và các cơ quan).".to_owned()],
            );
        }
    }
    match &head.place {
        Some(place) => map.text("place", place),
        None => map.put_noted(
            "place",
            Node::Text("«Địa danh»".to_owned()),
            vec![
                "Không thấy dòng địa danh, ngày tháng trong văn bản gốc: điền địa danh.".to_owned(),
            ],
        ),
    }
    match (head.date, head.year) {
        (Some(date), _) => map.text("date", &date.format("%Y-%m-%d").to_string()),
        (None, Some(year)) => {
            let mut notes =
                vec!["Ngày ban hành để trống trong văn bản gốc; chỉ in năm.".to_owned()];
            if let Some(line) = &head.partial_date {
                let why = "ngày tháng chưa đủ (tệp YAML ghi cả ngày `date` hoặc chỉ năm `year`): \
                           chỉ giữ năm";
                notes.push(format!(
                    "Văn bản gốc ghi «{}» (vị trí {}).",
                    line.text, line.at
                ));
                unplaced.push(Unplaced {
                    at: line.at,
                    text: line.text.clone(),
                    why: why.to_owned(),
                });
            }
            map.put_noted("year", Node::Int(i64::from(year)), notes);
        }
        (None, None) => {}
    }
    let issuer_nodes = issuers
        .iter()
        .enumerate()
        .map(|(n, i)| {
            let mut m = Map::new();
            m.text("id", &i.id);
            if let Some(parent) = &i.text.parent {
                m.text("parent", parent);
            }
            m.text("name", &i.text.name);
            m.text("abbr", &i.abbr);
            // "ĐẠI DIỆN <short>" over a party names the issuer by its short name.
            let name = i.text.name.replace('\n', " ").to_uppercase();
            if let Some((_, _, shorts)) = &parties
                && let Some(short) = shorts.get(n)
                && short.to_uppercase() != name
            {
                m.text("short", short);
            }
            Noted {
                notes: i.note.iter().cloned().collect(),
                value: Node::Map(m),
            }
        })
        .collect();
    if shared_heading(&head) {
        let mut block = Map::new();
        if let Some(parent) = &head.issuers[0].parent {
            block.text("parent", parent);
        }
        block.text("name", &head.issuers[0].name);
        map.put_noted(
            "heading",
            Node::Map(block),
            vec![
                "Một khối tên chung cho các cơ quan; tên từng cơ quan lấy từ khối chữ ký."
                    .to_owned(),
            ],
        );
    }
    map.list("issuers", issuer_nodes);
    if let Some(system) = &head.system {
        unplaced.push(Unplaced {
            at: system.at,
            text: system.text.clone(),
            why: SYSTEM_NOTE.to_owned(),
        });
        map.note(
            "issuers",
            &format!(
                "Văn bản gốc ghi «{}» ở chỗ của Quốc hiệu (vị trí {}): {SYSTEM_NOTE}.",
                system.text, system.at
            ),
        );
    }
    let mut preamble: Vec<Noted> = head
        .other
        .iter()
        .map(|l| Noted {
            notes: vec![format!("Dòng phần đầu không nhận ra (vị trí {}).", l.at)],
            value: Node::Text(l.text.clone()),
        })
        .collect();
    for (key, value) in part.entries() {
        match key.as_str() {
            "title" => {}
            "legal" if kind.legal() != crate::kind::Legal::Either => {}
            "preamble" => {
                if let Node::List(mut items) = value.value.clone() {
                    if let Some((start, _, _)) = &parties {
                        items.truncate(*start);
                    }
                    preamble.extend(items);
                }
            }
            _ => map.put_noted(key, value.value.clone(), value.notes.clone()),
        }
    }
    // "Số: 26/2025/QĐ-UBND": a number with its year is a legal document's.
    if head.number_year.is_some()
        && kind.legal() == crate::kind::Legal::Either
        && map.get("legal").is_none()
    {
        map.put_noted(
            "legal",
            Node::Bool(true),
            vec!["Số có năm (văn bản quy phạm pháp luật); câu ban hành cuối căn cứ chưa thấy: thêm `enacting`.".to_owned()],
        );
    }
    if !preamble.is_empty() {
        map.put("preamble", Node::List(preamble));
        map.move_before("preamble", AFTER_PREAMBLE);
    }
    lead_on_the_right(&mut map, &issuers);
    if let Some((_, block, _)) = parties {
        map.put("parties", Node::Map(block));
        map.move_before("parties", &[&["preamble"], AFTER_PREAMBLE].concat());
    }
    appendices_and_attachments(&mut map, rest, &issuers, (&mut ids, title_lines), unplaced);
    Some(map)
}

/// An issuer as the spec will name it.
pub struct Issuer {
    id: String,
    abbr: String,
    text: IssuerText,
    note: Option<String>,
}

/// The issuers of the heading, each with its id and abbreviation (from the ký hiệu when it
/// names as many, else the initials); a placeholder when the heading names none.
fn issuers(head: &Heading, ids: &mut Ids, unplaced: &mut Vec<Unplaced>) -> Vec<Issuer> {
    let from_symbol = heading::symbol_issuers(head.symbol.as_deref());
    let mut out = Vec::new();
    // One name block for bodies the ký hiệu names several of: a shared heading. Each body is
    // named by its abbreviation until its signature block gives its name.
    if shared_heading(head) {
        for abbr in &from_symbol {
            out.push(Issuer {
                id: ids.make(&abbr.to_lowercase(), "ben"),
                abbr: abbr.clone(),
                text: IssuerText {
                    parent: None,
                    name: abbr.clone(),
                },
                note: None,
            });
        }
        return out;
    }
    for (n, text) in head.issuers.iter().enumerate() {
        let abbr = if from_symbol.len() == head.issuers.len() {
            from_symbol[n].clone()
        } else {
            crate::vietnamese::initials(&text.name.replace('\n', " "))
        };
        let id = ids.make(&abbr.to_lowercase(), "ben");
        out.push(Issuer {
            id,
            abbr,
            text: text.clone(),
            note: None,
        });
    }
    if out.is_empty() {
        unplaced.push(Unplaced {
            at: 1,
            text: String::new(),
            why: "không thấy tên cơ quan ban hành ở phần đầu: thêm một cơ quan giữ chỗ".to_owned(),
        });
        out.push(Issuer {
            id: ids.make("ben-1", "ben"),
            abbr: "BEN1".to_owned(),
            text: IssuerText {
                parent: None,
                name: "«Tên cơ quan ban hành»".to_owned(),
            },
            note: Some("Không thấy tên cơ quan ban hành trong văn bản gốc: điền tên.".to_owned()),
        });
    }
    out
}

/// Two signature blocks side by side, the lead body's (first of the ký hiệu) on the right: the
/// spec lists the lead body first and says `layout: {lead_side: right}`.
fn lead_on_the_right(map: &mut Map, issuers: &[Issuer]) {
    let Some(Node::List(signatures)) = map.get("signatures") else {
        return;
    };
    let issuer = |n: &Noted| match &n.value {
        Node::Map(m) => match m.get("issuer") {
            Some(Node::Text(id)) => Some(id.clone()),
            _ => None,
        },
        _ => None,
    };
    let order: Vec<Option<String>> = signatures.iter().map(issuer).collect();
    let [Some(left), Some(right)] = order.as_slice() else {
        return;
    };
    if issuers.len() == 2 && *right == issuers[0].id && *left == issuers[1].id {
        let mut reversed = signatures.clone();
        reversed.reverse();
        map.set("signatures", Node::List(reversed));
        let mut layout = Map::new();
        layout.text("lead_side", "right");
        map.put("layout", Node::Map(layout));
        map.move_before(
            "layout",
            &["recipients", "drafter", "appendices", "attachments"],
        );
    }
}

/// Whether the heading is one name block for the several bodies its ký hiệu names.
fn shared_heading(head: &Heading) -> bool {
    head.issuers.len() == 1 && heading::symbol_issuers(head.symbol.as_deref()).len() > 1
}

/// The initials of a body's name as a ký hiệu abbreviates it ("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ
/// XÃ HỘI" → "BLĐTBXH": "và" is left out).
fn abbreviation(name: &str) -> String {
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !w.eq_ignore_ascii_case("và") && *w != "VÀ")
        .collect();
    crate::vietnamese::initials(&words.join(" "))
}

/// Reads one text (the document itself, or a text a decision issues) from the line after its
/// type name: title, căn cứ, preamble, body, signatures and Nơi nhận. Returns its keys and the
/// lines after it (appendices, attached texts). `title_lines`: keep the title's lines.
fn text_part<'l>(
    kind: Kind,
    first: String,
    lines: &'l [Line],
    issuers: &[Issuer],
    (ids, title_lines): (&mut Ids, bool),
    unplaced: &mut Vec<Unplaced>,
) -> (Map, &'l [Line]) {
    let mut map = Map::new();
    let mut at = 0;
    // Title: the rest of the type line and the lines after it, up to a mark, a căn cứ, a
    // sentence or a drawn rule.
    let mut title: Vec<String> = Vec::new();
    if !first.is_empty() {
        title.push(first);
    }
    while let Some(line) = lines.get(at) {
        let t = line.text.as_str();
        let upper = !t.chars().any(char::is_lowercase);
        let enacting_line =
            kind.enacting() && upper && title.iter().any(|l| l.chars().any(char::is_lowercase));
        if heading::is_rule(t) {
            at += 1;
            break;
        }
        // A Word title is centred, and may break its lines after a ";" ("… úng ngập;" /
        // "(2) Ùn tắc giao thông; …"): there a centred line goes on with the title, but for
        // the "(Kèm theo …)" line under an attached text's title.
        let centred_title = title_lines && line.centred;
        if mark(t).is_some()
            || t.starts_with("Căn cứ")
            || (t.starts_with('(') && (!centred_title || t.to_lowercase().contains("kèm theo")))
            || (t.ends_with(['.', ':', ';']) && !centred_title)
            || t.chars().count() > 600
            || title.len() >= 8
            || enacting_line
            || closing::is_authority(t)
        {
            break;
        }
        title.push(t.to_owned());
        at += 1;
    }
    // The lines of a copied title are where the source's page broke them; a Word document's
    // title paragraphs are the lines its author chose.
    map.text("title", &title.join(if title_lines { "\n" } else { " " }));
    // "(Ban hành kèm theo …)", "(Kèm theo …)" under the title of an attached text.
    if let Some(line) = lines.get(at)
        && line.text.starts_with('(')
        && line.text.to_lowercase().contains("kèm theo")
    {
        let inner = line.text.trim_start_matches('(').trim_end_matches(')');
        map.text("attached", inner);
        at += 1;
    }
    while lines.get(at).is_some_and(|l| heading::is_rule(&l.text)) {
        at += 1;
    }
    // The enacting authority of a decision, in capitals, before its căn cứ.
    let mut enacting = Vec::new();
    while kind.enacting()
        && let Some(line) = lines.get(at)
        && !line.text.chars().any(char::is_lowercase)
        && mark(&line.text).is_none()
        && !line.text.starts_with("QUYẾT ĐỊNH")
    {
        enacting.push(line.text.clone());
        at += 1;
    }
    if !enacting.is_empty() {
        // The spec's `enacting` is written as in running text (the program prints it in
        // capitals over the căn cứ, and as written in the "(Kèm theo … của …)" line).
        let printed = enacting.join("\n");
        match super::capitals::running_text(&printed) {
            Some(running) => map.put_noted(
                "enacting",
                Node::Text(running),
                vec![format!(
                    "Viết lại từ dòng in hoa của văn bản gốc (\"{}\"): kiểm tra chữ hoa của tên riêng.",
                    printed.replace('\n', " ")
                )],
            ),
            None => map.text("enacting", &printed),
        }
    }
    // Căn cứ, and the "Theo đề nghị …", "Xét đề nghị …" lines that close them; a "Thực hiện …"
    // line among them is kept for the preamble (the program would put "Căn cứ " before it).
    let mut bases = Vec::new();
    let mut among = Vec::new();
    while let Some(line) = lines.get(at) {
        let t = line.text.as_str();
        let opens = |w: &str| t.starts_with(w) && !bases.is_empty();
        let text = if let Some(rest) = t.strip_prefix("Căn cứ") {
            rest.trim().to_owned()
        } else if opens("Theo ") || opens("Xét ") {
            t.to_owned()
        } else if opens("Thực hiện ") {
            among.push(line.clone());
            at += 1;
            continue;
        } else {
            break;
        };
        bases.push(Noted::plain(Node::Text(
            crate::punctuation::without_typed_end(&text).to_owned(),
        )));
        at += 1;
    }
    // The enacting sentence that ends the căn cứ of a legal document ("Ủy ban nhân dân tỉnh ban
    // hành Quyết định …"): the program writes it from `enacting` and the title.
    let verb = format!(" ban hành {} ", kind.label());
    if kind.legal() != crate::kind::Legal::Never
        && !bases.is_empty()
        && let Some(line) = lines.get(at)
        && let Some((subject, _)) = line.text.split_once(&verb)
        && !subject.is_empty()
        && subject.chars().count() < 120
    {
        map.remove("enacting");
        map.text("enacting", subject.trim());
        map.put("legal", Node::Bool(true));
        at += 1;
    }
    map.list("bases", bases);
    for line in &among {
        unplaced.push(Unplaced {
            at: line.at,
            text: line.text.clone(),
            why: "câu \"Thực hiện …\" giữa các căn cứ: ghi vào lời mở đầu".to_owned(),
        });
    }
    // The verb line of a decision ("QUYẾT ĐỊNH:").
    if kind.enacting()
        && lines
            .get(at)
            .is_some_and(|l| l.text.trim_end_matches(':').trim() == "QUYẾT ĐỊNH")
    {
        at += 1;
    }
    let rest = &lines[at..];
    let end = next_part(rest).unwrap_or(rest.len());
    let last_marked = rest[..end]
        .iter()
        .rposition(
            |l| matches!(mark(&l.text), Some(m) if !matches!(m, Mark::Dash(_) | Mark::Plus(_))),
        )
        .map_or(0, |i| i + 1);
    let closing_at = (last_marked..end)
        .find(|&i| closing::starts_here(&rest[i..end]))
        .unwrap_or(end);
    let body = body::read(&rest[..closing_at], kind, unplaced);
    let preamble: Vec<Noted> = among
        .iter()
        .map(|l| Noted {
            notes: vec![format!(
                "Câu này đứng giữa các căn cứ trong văn bản gốc (vị trí {}).",
                l.at
            )],
            value: Node::Text(l.text.clone()),
        })
        .chain(
            body.preamble
                .iter()
                .map(|l| Noted::plain(Node::Text(l.text.clone()))),
        )
        .collect();
    map.list("preamble", preamble);
    if let Some(form) = body.form {
        let mut nodes = Vec::new();
        for p in &body.top {
            nodes.push(Noted::plain(body::node(p, ids)));
        }
        let mut notes = Vec::new();
        if body.promoted {
            notes.push("Văn bản gốc đánh số 1., 2. ở cấp cao nhất: đọc thành mục I., II. (và điểm a) thành khoản 1.).".to_owned());
        }
        if !kind.bodies().contains(&form) {
            notes.push(format!(
                "Loại văn bản này không chia thân theo dạng {}: xem lại.",
                form.shape()
            ));
        }
        map.put_noted(form.key(), Node::List(nodes), notes);
    }
    let closing = closing::read(&rest[closing_at..end]);
    let mut used = vec![false; issuers.len()];
    let signatures: Vec<Noted> = closing
        .signatures
        .iter()
        .map(|s| Noted::plain(Node::Map(signature(s, issuers, &mut used))))
        .collect();
    map.list("signatures", signatures);
    let recipients = closing
        .recipients
        .iter()
        .map(|r| Noted::plain(Node::Text(r.clone())))
        .collect();
    map.list("recipients", recipients);
    if let Some(drafter) = &closing.drafter {
        map.text("drafter", drafter);
    }
    // The heading of an attached text repeats the issuers' names and cơ quan chủ quản: the
    // program prints them again itself.
    let names: Vec<String> = issuers
        .iter()
        .flat_map(|i| std::iter::once(&i.text.name).chain(&i.text.parent))
        .map(|n| n.replace('\n', " "))
        .collect();
    let others: Vec<Noted> = closing
        .other
        .iter()
        .filter(|l| !heading::is_motto(&l.text) && !names.iter().any(|n| n.contains(&l.text)))
        .map(|l| {
            unplaced.push(Unplaced {
                at: l.at,
                text: l.text.clone(),
                why: "dòng ở phần chữ ký không nhận ra: ghi vào phần kết".to_owned(),
            });
            Noted {
                notes: vec![format!(
                    "Dòng ở phần chữ ký không nhận ra (vị trí {}).",
                    l.at
                )],
                value: Node::Text(l.text.clone()),
            }
        })
        .collect();
    if !others.is_empty() {
        map.put("closing", Node::List(others));
        map.move_before("closing", &["signatures", "recipients"]);
    }
    (map, &rest[end..])
}

/// Where the next part starts: a PHỤ LỤC heading, or the title line of an attached text
/// after the signatures.
fn next_part(lines: &[Line]) -> Option<usize> {
    let mut signed = false;
    for (i, line) in lines.iter().enumerate() {
        let t = line.text.as_str();
        if closing::is_recipients(t) || closing::is_authority(t) || closing::is_name(t) {
            signed = true;
        }
        if appendix::opens(t) || (signed && line.cell.is_none() && heading::kind_line(t).is_some())
        {
            return Some(i);
        }
    }
    None
}

/// A signature block as the spec writes it, given to the issuer its authority names, or else
/// to the first issuer not yet signing.
fn signature(s: &SignatureText, issuers: &[Issuer], used: &mut [bool]) -> Map {
    let said = s.authority.join(" ").to_uppercase();
    let named = issuers.iter().position(|i| {
        let name = i.text.name.replace('\n', " ").to_uppercase();
        said.contains(&name)
            || said.contains(&i.abbr.to_uppercase())
            || s.authority
                .iter()
                .any(|a| abbreviation(&a.replace('\n', " ")) == i.abbr.to_uppercase())
    });
    let n = named.or_else(|| used.iter().position(|u| !u)).unwrap_or(0);
    if let Some(u) = used.get_mut(n) {
        *u = true;
    }
    let mut m = Map::new();
    m.text("issuer", &issuers[n].id);
    let authority: Vec<Noted> = s
        .authority
        .iter()
        .map(|a| Noted::plain(Node::Text(a.clone())))
        .collect();
    m.list("authority", authority);
    m.text("title", &s.title);
    m.text("name", &s.name);
    m
}

/// The appendices and attached texts after the main text.
fn appendices_and_attachments(
    map: &mut Map,
    mut rest: &[Line],
    issuers: &[Issuer],
    (ids, title_lines): (&mut Ids, bool),
    unplaced: &mut Vec<Unplaced>,
) {
    let mut appendices = Vec::new();
    let mut attachments = Vec::new();
    // Heading lines repeated above an attached text (motto, issuer names) are skipped.
    while let Some(first) = rest.first() {
        if appendix::opens(&first.text) {
            let end = rest[1..]
                .iter()
                .position(|l| {
                    appendix::opens(&l.text)
                        || (l.cell.is_none() && heading::kind_line(&l.text).is_some())
                })
                .map_or(rest.len(), |i| i + 1);
            appendices.push(Noted::plain(Node::Map(appendix::read(&rest[..end], ids))));
            rest = &rest[end..];
        } else if let Some((kind, first_words)) = heading::kind_line(&first.text) {
            let (mut part, after) = text_part(
                kind,
                first_words,
                &rest[1..],
                issuers,
                (ids, title_lines),
                unplaced,
            );
            part.put_first("kind", Node::Text(kind.key().to_owned()));
            attached_line(map, &mut part);
            // An attached text has no enacting words, Nơi nhận or drafter of its own: what
            // stands there is kept as closing text.
            for key in ["enacting", "legal"] {
                part.remove(key);
            }
            for key in ["recipients", "drafter"] {
                let items = match part.remove(key).map(|n| n.value) {
                    Some(Node::List(items)) => items,
                    Some(other) => vec![Noted::plain(other)],
                    None => continue,
                };
                for mut item in items {
                    item.notes.push(format!(
                        "Dòng {key} của văn bản kèm theo (tệp YAML chỉ có ở văn bản chính)."
                    ));
                    part.push_to("closing", item);
                }
            }
            attachments.push(Noted::plain(Node::Map(part)));
            rest = after;
        } else {
            let names: Vec<String> = issuers
                .iter()
                .map(|i| i.text.name.replace('\n', " "))
                .collect();
            let skip = heading::is_motto(&first.text)
                || names.iter().any(|n| n.contains(&first.text))
                || heading::date_line(&first.text).is_some();
            if !skip {
                unplaced.push(Unplaced {
                    at: first.at,
                    text: first.text.clone(),
                    why: "dòng sau phần chữ ký không thuộc phụ lục nào: ghi vào phần kết"
                        .to_owned(),
                });
                map.push_to(
                    "closing",
                    Noted {
                        notes: vec![format!(
                            "Dòng sau phần chữ ký không xếp được (vị trí {}).",
                            first.at
                        )],
                        value: Node::Text(first.text.clone()),
                    },
                );
            }
            rest = &rest[1..];
        }
    }
    map.list("appendices", appendices);
    map.list("attachments", attachments);
}

/// The "(Kèm theo … của …)" line of a text a decision issues. The enacting authority prints
/// in capitals over the decision, but as written at the end of this line: its words are taken
/// from here. A line that names that authority is the one the program writes itself, and is
/// left out of the attached text.
fn attached_line(main: &mut Map, part: &mut Map) {
    let (Some(Node::Text(line)), Some(Node::Text(enacting))) =
        (part.get("attached").cloned(), main.get("enacting").cloned())
    else {
        return;
    };
    let Some((_, of)) = line.rsplit_once(" của ") else {
        return;
    };
    if of.to_uppercase() != enacting.replace('\n', " ").to_uppercase() {
        return;
    }
    // The words are the source's own: the note on a name rewritten from capitals goes.
    main.set("enacting", Node::Text(of.to_owned()));
    main.unnote("enacting");
    if line.starts_with("Kèm theo ") {
        part.remove("attached");
    }
}
