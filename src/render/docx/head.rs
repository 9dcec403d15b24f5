//! The opening of a document in Word: the heading block (ô 1–4) as a borderless table — the
//! issuing bodies with the rule under their names on the left, Quốc hiệu and Tiêu ngữ with its
//! rule on the right, then Số and the place and date on one row — the title (ô 5a), a
//! decision's enacting lines, căn cứ and the party-representative block.

use super::Block;
use super::paragraphs::{Writer, twips};
use super::text::{Look, runs};
use crate::document::{AttachedLine, Document, EnactingView, PartiesView};
use crate::markup::Text;
use docx_rs::{
    AlignmentType, Tab, TabValueType, Table, TableCell, TableCellMargins, TableLayoutType,
    TableRow, VAlignType, WidthType,
};

/// Quốc hiệu (ô 1), as ND 30 prints it.
pub const NATION: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
/// Tiêu ngữ (ô 1).
pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";

/// Room given on each side of the Quốc hiệu column beyond the width measured, so that a
/// word processor rounding its own widths never wraps the Quốc hiệu (the column's axis stays).
const SLACK: f64 = 2.0;

/// The heading block of `doc`: with the Số / date row unless `dated` is false (a text a
/// decision issues has none).
pub fn heading(w: &mut Writer, doc: &Document, dated: bool) -> Block {
    let nd = w.nd.clone();
    let nation_width = w.measure.width(NATION, nd.header_size, true);
    // The issuer column is `header-left` wide, less on a page too narrow for it; the Quốc hiệu
    // sits flush right in a column as wide as itself; the gap between is the right cell's
    // left indent.
    let left = nd
        .header_left
        .min(w.width - nation_width - nd.header_gutter)
        .max(0.0);
    let right = w.width - left;
    let gap = right - nation_width;

    let mut issuers = Vec::new();
    let mut names: Vec<&Text> = Vec::new();
    for issuer in &doc.issuers {
        if let Some(parent) = &issuer.parent {
            let p = w.centred(
                runs(parent, Look::plain(nd.header_size)),
                nd.header_size,
                0.0,
            );
            let side = twips(w.balanced_indent(parent, nd.header_size, false, left));
            issuers.push(p.indent(Some(side), None, Some(side), None));
        }
        let p = w.centred(
            runs(&issuer.name, Look::bold(nd.header_size)),
            nd.header_size,
            nd.issuer_gap,
        );
        let side = twips(w.balanced_indent(&issuer.name, nd.header_size, true, left));
        issuers.push(p.indent(Some(side), None, Some(side), None));
        names.push(&issuer.name);
    }
    let rule = nd.rule_ratio * w.widest(&names, nd.header_size, true, left);
    issuers.push(w.rule(rule, left, nd.rule_gap));

    let motto_width = w.measure.width(MOTTO, nd.motto_size, true);
    let shift =
        |p: docx_rs::Paragraph| p.indent(Some(twips(gap - SLACK)), None, Some(-twips(SLACK)), None);
    let nation = vec![
        shift(w.centred(
            vec![Look::bold(nd.header_size).run(NATION)],
            nd.header_size,
            0.0,
        )),
        shift(w.centred(
            vec![Look::bold(nd.motto_size).run(MOTTO)],
            nd.motto_size,
            0.0,
        )),
        w.rule_at(
            nd.motto_rule_ratio * motto_width,
            gap,
            nation_width,
            nd.rule_gap,
        ),
    ];

    if !dated {
        let row = TableRow::new(vec![cell(issuers, left), cell(nation, right)]);
        return Block::table(borderless(vec![row], &[left, right]));
    }
    let number = Text::literal(&format!("Số: {}", doc.number_line.plain));
    // A Số line a little wider than the issuer column (up to `header-gutter` more) stays on one
    // line, from the margin into the gap, as in the PDF: its cell takes that much of the gap.
    let wide = w.measure.width(&number.plain, nd.number_size, false);
    let over = if wide > left && wide <= left + nd.header_gutter {
        wide - left + SLACK
    } else {
        0.0
    };
    let mut number = w
        .centred(
            runs(&number, Look::plain(nd.number_size)),
            nd.number_size,
            0.0,
        )
        .line_spacing(row_gap(&nd));
    if over > 0.0 {
        number = number.align(docx_rs::AlignmentType::Left);
    }
    let mut date = doc.place.clone();
    date.push_literal(", ");
    date.push_literal(&doc.date_line.plain);
    let date = w
        .centred(runs(&date, Look::italic(nd.date_size)), nd.date_size, 0.0)
        .line_spacing(row_gap(&nd))
        .indent(
            Some(twips(gap - over - SLACK)),
            None,
            Some(-twips(SLACK)),
            None,
        );
    let dated_row = vec![
        cell(vec![number], left + over).vertical_align(VAlignType::Bottom),
        cell(vec![date], right - over).vertical_align(VAlignType::Bottom),
    ];
    if over > 0.0 {
        let rows = vec![
            TableRow::new(vec![cell(issuers, left), cell(nation, right).grid_span(2)]),
            TableRow::new(vec![
                dated_row[0].clone().grid_span(2),
                dated_row[1].clone(),
            ]),
        ];
        return Block::table(borderless(rows, &[left, over, right - over]));
    }
    let rows = vec![
        TableRow::new(vec![cell(issuers, left), cell(nation, right)]),
        TableRow::new(dated_row),
    ];
    Block::table(borderless(rows, &[left, right]))
}

/// The spacing of the Số / date row: `header-row-gap` under the names, lines set single.
fn row_gap(nd: &super::style::Nd30) -> docx_rs::LineSpacing {
    docx_rs::LineSpacing::new()
        .line_rule(docx_rs::LineSpacingType::Auto)
        .line(nd.line_240ths(nd.single_em))
        .before(super::paragraphs::utwips(nd.header_row_gap))
        .after(0)
}

/// A table cell `width` points wide holding `paragraphs`.
pub fn cell(paragraphs: Vec<docx_rs::Paragraph>, width: f64) -> TableCell {
    paragraphs
        .into_iter()
        .fold(TableCell::new(), TableCell::add_paragraph)
        .width(twips(width) as usize, WidthType::Dxa)
}

/// A table without rules or cell padding, its columns `widths` points wide, at the left
/// margin: a layout grid, as the PDF's.
pub fn borderless(rows: Vec<TableRow>, widths: &[f64]) -> Table {
    let grid: Vec<usize> = widths.iter().map(|w| twips(*w) as usize).collect();
    let total = grid.iter().sum();
    Table::without_borders(rows)
        .set_grid(grid)
        .width(total, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .indent(0)
        .margins(TableCellMargins::new().margin(0, 0, 0, 0))
}

/// Tên loại and trích yếu (ô 5a), centred and bold, one paragraph per line the author wrote,
/// then, for a text a decision issues, its "(Kèm theo …)" line in italic, and the rule.
pub fn title(w: &mut Writer, doc: &Document) -> Vec<Block> {
    let nd = w.nd.clone();
    let look = Look::bold(nd.title_size);
    let mut blocks: Vec<docx_rs::Paragraph> = Vec::new();
    let kind = w
        .centred(vec![look.run(&doc.kind_name)], nd.title_size, 0.0)
        .line_spacing(
            docx_rs::LineSpacing::new()
                .line_rule(docx_rs::LineSpacingType::Auto)
                .line(nd.line_240ths(nd.single_em))
                .before(super::paragraphs::utwips(nd.title_before))
                .after(0),
        );
    blocks.push(kind);
    for line in &doc.title_lines {
        let side = twips(w.balanced_indent(line, nd.title_size, true, w.width));
        let p = w.centred(runs(line, look), nd.title_size, 0.0);
        blocks.push(p.indent(Some(side), None, Some(side), None));
    }
    if let Some(attached) = &doc.attached {
        blocks.push(attached_line(w, attached));
    }
    let lines: Vec<&Text> = doc.title_lines.iter().collect();
    let width = w.width;
    let rule = nd.rule_ratio * w.widest(&lines, nd.title_size, true, width);
    // The rule, then `title-after` before the text; the whole title kept with the text.
    let rule = w.rule(rule, width, nd.rule_gap);
    blocks.push(rule.line_spacing(super::paragraphs::rule_spacing(nd.rule_gap, nd.title_after)));
    blocks
        .into_iter()
        .map(|p| Block::par(p.keep_next(true)))
        .collect()
}

/// "(Kèm theo …)" in italic, centred, at the size of the title.
pub fn attached_line(w: &mut Writer, attached: &AttachedLine) -> docx_rs::Paragraph {
    let mut line = attached.line.clone();
    line.prepend_literal("(");
    line.push_literal(")");
    let size = w.nd.title_size;
    let side = twips(w.even_indent(&line, size, true, w.width));
    w.centred(runs(&line, Look::italic(size)), size, 0.0)
        .indent(Some(side), None, Some(side), None)
}

/// A decision's enacting line (the authority under the title, "QUYẾT ĐỊNH:" after the căn cứ):
/// centred, bold, the size of the title, `title-after` above and below.
pub fn enacting(w: &mut Writer, text: &Text) -> Block {
    let nd = w.nd.clone();
    let p = w
        .centred(runs(text, Look::bold(nd.title_size)), nd.title_size, 0.0)
        .line_spacing(
            docx_rs::LineSpacing::new()
                .line_rule(docx_rs::LineSpacingType::Auto)
                .line(nd.line_240ths(nd.single_em))
                .before(super::paragraphs::utwips(nd.title_after))
                .after(super::paragraphs::utwips(nd.title_after)),
        )
        .keep_next(true);
    Block::par(p)
}

/// The enacting authority of `enacting`, its căn cứ in italic, then "QUYẾT ĐỊNH:".
pub fn bases(w: &mut Writer, doc: &Document, enacting_view: Option<&EnactingView>) -> Vec<Block> {
    let mut blocks = Vec::new();
    if let Some(e) = enacting_view {
        blocks.push(enacting(w, &e.authority));
    }
    for b in &doc.bases {
        let size = w.nd.body_size;
        blocks.push(Block::par(w.body(runs(b, Look::italic(size)))));
    }
    if let Some(e) = enacting_view {
        blocks.push(enacting(w, &e.verb));
    }
    blocks
}

/// The party-representative block: the opening line, each party's heading in bold, its
/// representative, its detail lines (cells of one line at tab stops sharing the width, as
/// the PDF's grid), then the agreement paragraphs.
pub fn parties(w: &mut Writer, parties: &PartiesView) -> Vec<Block> {
    let size = w.nd.body_size;
    let mut blocks = vec![Block::par(w.provision(None, &parties.intro))];
    for m in &parties.members {
        let heading = w.body(runs(&m.heading, Look::bold(size))).keep_next(true);
        blocks.push(Block::par(heading));
        blocks.push(Block::par(w.provision(None, &m.representative)));
        for cells in &m.lines {
            if let [one] = cells.as_slice() {
                blocks.push(Block::par(w.provision(None, one)));
                continue;
            }
            let indent = w.nd.indent;
            let share = (w.width - indent) / cells.len() as f64;
            let mut parts = Vec::new();
            for (i, c) in cells.iter().enumerate() {
                if i > 0 {
                    parts.push(
                        docx_rs::Run::new()
                            .add_tab()
                            .size(Look::plain(size).half_points()),
                    );
                }
                parts.extend(runs(c, Look::plain(size)));
            }
            let tabs: Vec<Tab> = (1..cells.len())
                .map(|i| {
                    Tab::new()
                        .val(TabValueType::Left)
                        .pos(twips(indent + share * i as f64) as usize)
                })
                .collect();
            let p = w
                .body(parts)
                .align(AlignmentType::Left)
                .indent(Some(twips(indent)), None, Some(0), None)
                .tabs(&tabs);
            blocks.push(Block::par(p));
        }
    }
    for p in &parties.agreement {
        blocks.push(Block::par(w.provision(None, p)));
    }
    blocks
}
