//! A Phụ lục as read: the line that opens it, its title and "(Kèm theo …)" line, its
//! paragraphs and khoản, and its tables (a numbered STT column left to the program, group rows,
//! centred columns).

use super::body::Ids;
use super::lines::{self, Line};
use super::yaml::{Map, Node, Noted};

/// Whether a line opens a Phụ lục: "PHỤ LỤC …", or "Phụ lục" alone or with its number.
pub fn opens(text: &str) -> bool {
    text.starts_with("PHỤ LỤC")
        || text == "Phụ lục"
        || text.strip_prefix("Phụ lục ").is_some_and(|n| {
            !n.is_empty() && (n.chars().all(|c| c.is_ascii_digit()) || lines::is_roman(n))
        })
}

/// One appendix: its title (the words after "PHỤ LỤC" and the lines in capitals under it),
/// the "(Kèm theo …)" line, paragraphs, its tables and the paragraphs after them.
pub fn read(lines: &[Line], ids: &mut Ids) -> Map {
    let mut m = Map::new();
    let head = lines[0].text.as_str();
    let after_word = head
        .char_indices()
        .nth("PHỤ LỤC".chars().count())
        .map_or("", |(i, _)| &head[i..])
        .trim();
    // "PHỤ LỤC II", "PHỤ LỤC 2: TÊN", "PHỤ LỤC TÊN": the number is not part of the title.
    let numeral = |w: &str| {
        !w.is_empty()
            && w.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
    };
    let after_number = match after_word.split_once(' ') {
        Some((first, words)) if numeral(first.trim_end_matches([':', '.'])) => words,
        None if numeral(after_word.trim_end_matches([':', '.'])) => "",
        _ => after_word,
    }
    .trim_start_matches([':', '.', '-', '–'])
    .trim();
    let mut title: Vec<String> = Vec::new();
    if !after_number.is_empty() {
        title.push(after_number.to_owned());
    }
    let mut at = 1;
    while let Some(l) = lines.get(at)
        && l.cell.is_none()
        && !l.text.chars().any(char::is_lowercase)
        && !l.text.starts_with('(')
    {
        title.push(l.text.clone());
        at += 1;
    }
    let title = title.join("\n");
    m.text("id", &ids.make(&title, "phu-luc"));
    m.text("title", &title);
    if let Some(l) = lines.get(at)
        && l.text.starts_with('(')
    {
        m.text(
            "attached",
            l.text.trim_start_matches('(').trim_end_matches(')'),
        );
        at += 1;
    }
    let mut paragraphs = Vec::new();
    let mut notes = Vec::new();
    let mut tables = Vec::new();
    let mut i = at;
    while i < lines.len() {
        let l = &lines[i];
        match l.cell {
            Some(cell) => {
                let end = lines[i..]
                    .iter()
                    .position(|x| x.cell.map(|c| c.table) != Some(cell.table))
                    .map_or(lines.len(), |n| i + n);
                tables.push(Noted::plain(Node::Map(table(&lines[i..end]))));
                i = end;
            }
            None => {
                let target = if tables.is_empty() {
                    &mut paragraphs
                } else {
                    &mut notes
                };
                target.push(Noted::plain(Node::Text(l.text.clone())));
                i += 1;
            }
        }
    }
    m.list("paragraphs", paragraphs);
    match tables.len() {
        1 => m.put("table", tables.remove(0).value),
        _ => m.list("tables", tables),
    }
    m.list("notes", notes);
    m
}

/// Whether the first column of a table numbers its rows (STT): its header is "STT" or "TT",
/// and each row there has a number, or a Roman numeral with nothing after its title (a group
/// row). The program numbers such a column itself (`number: true`).
fn numbered_column(rows: &[Vec<String>], width: usize) -> bool {
    let header = rows
        .first()
        .and_then(|r| r.first())
        .map(|h| h.to_uppercase());
    width > 1
        && rows.len() > 1
        && matches!(header.as_deref(), Some("STT" | "TT"))
        && rows[1..].iter().all(|r| {
            let n = r.first().map_or("", String::as_str);
            (!n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
                || (lines::is_roman(n) && r.iter().skip(2).all(String::is_empty))
        })
}

/// A table from its cell lines: the first row gives the columns, the others the rows (a cell's
/// paragraphs joined by a line break).
fn table(lines: &[Line]) -> Map {
    let mut rows: Vec<Vec<String>> = Vec::new();
    // Whether each cell's paragraphs are centred.
    let mut centred: Vec<Vec<bool>> = Vec::new();
    let mut last = None;
    for l in lines {
        let Some(cell) = l.cell else { continue };
        if last.map(|(r, _)| r) != Some(cell.row) {
            rows.push(Vec::new());
            centred.push(Vec::new());
        }
        let row = rows.last_mut().expect("a row was pushed");
        let centres = centred.last_mut().expect("a row was pushed");
        if last == Some((cell.row, cell.column)) {
            let text = row.last_mut().expect("the cell was pushed");
            text.push(' ');
            text.push_str(&l.text);
            let c = centres.last_mut().expect("the cell was pushed");
            *c &= l.centred;
        } else {
            while row.len() < cell.column {
                row.push(String::new());
                centres.push(false);
            }
            row.push(l.text.clone());
            centres.push(l.centred);
        }
        last = Some((cell.row, cell.column));
    }
    let header = rows.first().cloned().unwrap_or_default();
    let width = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let numbered = numbered_column(&rows, width);
    let mut columns = Vec::new();
    for n in 0..width {
        let mut c = Map::new();
        c.text("title", header.get(n).map_or("", String::as_str));
        if numbered && n == 0 {
            c.put("number", Node::Bool(true));
        }
        // A column whose cells are all centred (group rows and empty cells aside).
        let body: Vec<bool> = (1..rows.len())
            .filter(|&r| !rows[r].get(n).is_none_or(String::is_empty))
            .filter(|&r| !(numbered && rows[r].first().is_some_and(|x| lines::is_roman(x))))
            .map(|r| centred[r].get(n).copied().unwrap_or(false))
            .collect();
        if !body.is_empty() && body.iter().all(|&c| c) {
            c.text("align", "center");
        }
        columns.push(Noted::plain(Node::Map(c)));
    }
    let mut m = Map::new();
    m.list("columns", columns);
    let body_rows = rows
        .iter()
        .skip(1)
        .map(|r| {
            if numbered {
                // A group row: a Roman numeral, its title, nothing else.
                if r.first().is_some_and(|n| lines::is_roman(n))
                    && r.iter().skip(2).all(String::is_empty)
                {
                    let mut g = Map::new();
                    g.text("group", r.get(1).map_or("", String::as_str));
                    return Noted::plain(Node::Map(g));
                }
                let cells: Vec<Noted> = (1..width)
                    .map(|n| Noted::plain(Node::Text(r.get(n).cloned().unwrap_or_default())))
                    .collect();
                return Noted::plain(Node::List(cells));
            }
            let mut cells: Vec<Noted> = r
                .iter()
                .map(|c| Noted::plain(Node::Text(c.clone())))
                .collect();
            while cells.len() < width {
                cells.push(Noted::plain(Node::Text(String::new())));
            }
            Noted::plain(Node::List(cells))
        })
        .collect();
    m.list("rows", body_rows);
    m
}
