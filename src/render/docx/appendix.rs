//! Phụ lục in Word: each on new pages of its own section (landscape where the spec asks),
//! under its label, title and "(Kèm theo …)" line with a rule; then its paragraphs, khoản,
//! tables and notes in the order written. Tables keep the spec's column widths, alignments,
//! spans and bold group rows; their header row is bold and centred.

use super::Block;
use super::head::attached_line;
use super::paragraphs::{Writer, twips, utwips};
use super::text::{Look, runs};
use crate::document::{AppendixView, TableView};
use crate::markup::Text;
use docx_rs::{
    AlignmentType, BorderType, LineSpacing, LineSpacingType, Table, TableBorder,
    TableBorderPosition, TableBorders, TableCell, TableCellMargins, TableLayoutType, TableRow,
    VAlignType, WidthType,
};

/// The blocks of one appendix (its section is made by the caller).
pub fn appendix(w: &mut Writer, a: &AppendixView) -> Vec<Block> {
    let nd = w.nd.clone();
    let look = Look::bold(nd.title_size);
    let mut out = Vec::new();
    let label = w.centred(runs(&a.label, look), nd.title_size, 0.0);
    out.push(label);
    let title = w.centred(runs(&a.title, look), nd.title_size, 0.0);
    out.push(title);
    out.push(attached_line(w, &a.attached));
    let width = w.width;
    let rule = nd.rule_ratio * w.widest(&[&a.title], nd.title_size, true, width);
    let rule = w
        .rule(rule, width, nd.rule_gap)
        .line_spacing(super::paragraphs::rule_spacing(nd.rule_gap, nd.title_after));
    out.push(rule);
    let mut out: Vec<Block> = out
        .into_iter()
        .map(|p| Block::par(p.keep_next(true)))
        .collect();
    for block in &a.order {
        match *block {
            "paragraphs" => paragraphs(w, &a.paragraphs, &mut out),
            "clauses" => super::body::clauses(w, &a.clauses, &mut out),
            "table" => {
                if let Some(t) = &a.table {
                    table(w, t, &mut out);
                }
            }
            "tables" => {
                for t in &a.tables {
                    table(w, t, &mut out);
                }
            }
            "notes" => paragraphs(w, &a.notes, &mut out),
            _ => {}
        }
    }
    out
}

/// Body paragraphs as an appendix prints them (never the body's last).
fn paragraphs(w: &mut Writer, list: &[Text], out: &mut Vec<Block>) {
    let size = w.nd.body_size;
    for p in list {
        out.push(Block::par(w.body(runs(p, Look::plain(size)))));
    }
}

/// A table: its caption centred in bold, the table ruled as the PDF's, its notes.
fn table(w: &mut Writer, t: &TableView, out: &mut Vec<Block>) {
    let nd = w.nd.clone();
    if let Some(caption) = &t.caption {
        let p = w
            .centred(runs(caption, Look::bold(nd.title_size)), nd.title_size, 0.0)
            .line_spacing(
                LineSpacing::new()
                    .line_rule(LineSpacingType::Auto)
                    .line(nd.line_240ths(nd.single_em))
                    .before(utwips(nd.table_caption_before))
                    .after(utwips(nd.par_gap)),
            )
            .keep_next(true);
        out.push(Block::par(p));
    }
    let widths = column_widths(t, w.width);
    let size = nd.table_size;
    let header = TableRow::new(
        t.columns
            .iter()
            .zip(&widths)
            .map(|(c, width)| {
                let p = cell_paragraph(w, &c.title, "center", true, size);
                TableCell::new()
                    .add_paragraph(p.keep_next(true))
                    .width(twips(*width) as usize, WidthType::Dxa)
                    .vertical_align(VAlignType::Center)
            })
            .collect(),
    )
    .cant_split()
    // Repeated at the top of every page, as in the PDF (header_rows.rs).
    .row_height(super::header_rows::MARK_HEIGHT)
    .height_rule(docx_rs::HeightRule::Auto);
    w.header_rows = true;
    let mut rows = vec![header];
    for row in &t.rows {
        let mut col = 0;
        let mut cells = Vec::new();
        for c in row {
            let span = c.colspan.max(1);
            let width: f64 = widths.iter().skip(col).take(span).sum();
            col += span;
            let p = cell_paragraph(w, &c.text, c.align, c.bold, size);
            let mut cell = TableCell::new()
                .add_paragraph(p)
                .width(twips(width) as usize, WidthType::Dxa)
                .vertical_align(VAlignType::Center);
            if span > 1 {
                cell = cell.grid_span(span);
            }
            cells.push(cell);
        }
        rows.push(TableRow::new(cells).cant_split());
    }
    let stroke = (nd.table_stroke * 8.0).round().max(2.0) as usize;
    let borders = [
        TableBorderPosition::Top,
        TableBorderPosition::Bottom,
        TableBorderPosition::Left,
        TableBorderPosition::Right,
        TableBorderPosition::InsideH,
        TableBorderPosition::InsideV,
    ]
    .into_iter()
    .fold(TableBorders::with_empty(), |b, position| {
        b.set(
            TableBorder::new(position)
                .size(stroke)
                .border_type(BorderType::Single)
                .color("000000"),
        )
    });
    let inset = twips(nd.table_inset) as usize;
    let grid: Vec<usize> = widths.iter().map(|w| twips(*w) as usize).collect();
    let total = grid.iter().sum();
    let table = Table::new(rows)
        .set_borders(borders)
        .set_grid(grid)
        .width(total, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .indent(0)
        .margins(TableCellMargins::new().margin(inset, inset, inset, inset));
    out.push(Block::table(table));
    paragraphs(w, &t.notes, out);
}

/// A cell's paragraph: aligned as its column says, set single.
fn cell_paragraph(
    w: &mut Writer,
    text: &Text,
    align: &str,
    bold: bool,
    size: f64,
) -> docx_rs::Paragraph {
    let look = if bold {
        Look::bold(size)
    } else {
        Look::plain(size)
    };
    let align = match align {
        "center" => AlignmentType::Center,
        "right" => AlignmentType::Right,
        _ => AlignmentType::Left,
    };
    w.left(runs(text, look), size).align(align)
}

/// The columns' widths in points on a text `width` points wide: lengths as given, percentages
/// of the width, and `fr` shares of what is left, as Typst sizes them.
pub fn column_widths(t: &TableView, width: f64) -> Vec<f64> {
    let parsed: Vec<(f64, &str)> = t
        .columns
        .iter()
        .map(|c| {
            let w = c.width.trim();
            let at = w
                .find(|ch: char| !(ch.is_ascii_digit() || ch == '.'))
                .unwrap_or(w.len());
            let (value, unit) = w.split_at(at);
            (value.parse::<f64>().unwrap_or(1.0), unit)
        })
        .collect();
    let mm = 72.0 / 25.4;
    let fixed = |(v, unit): (f64, &str)| match unit {
        "mm" => Some(v * mm),
        "cm" => Some(v * 10.0 * mm),
        "pt" => Some(v),
        "%" => Some(v / 100.0 * width),
        _ => None,
    };
    let taken: f64 = parsed.iter().filter_map(|p| fixed(*p)).sum();
    let shares: f64 = parsed
        .iter()
        .filter(|p| fixed(**p).is_none())
        .map(|p| p.0)
        .sum();
    let left = (width - taken).max(0.0);
    parsed
        .iter()
        .map(|p| fixed(*p).unwrap_or_else(|| left * p.0 / shares.max(f64::EPSILON)))
        .collect()
}
