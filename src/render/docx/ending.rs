//! The end of a document in Word: closing paragraphs, the signature blocks side by side in
//! borderless tables (authority lines, title, the room for the signature and the seal, name;
//! two blocks a row, the lead on the side the spec says), and the Nơi nhận beside a lone last
//! block or under the signatures, as the PDF sets them.

use super::Block;
use super::head::{borderless, cell};
use super::paragraphs::{Writer, twips, utwips};
use super::text::{Look, runs};
use crate::document::SignatureView;
use crate::markup::Text;
use docx_rs::{HeightRule, LineSpacing, LineSpacingType, Paragraph, SpecialIndentType, TableRow};

/// What a document's end holds.
pub struct Ending<'d> {
    /// Paragraphs after the body.
    pub closing: &'d [Text],
    /// Signature blocks in the order written.
    pub signatures: &'d [SignatureView],
    /// "left", or "right" where the lead issuer signs on the right.
    pub lead_side: &'d str,
    /// Nơi nhận.
    pub recipients: &'d [Text],
    /// The drafter's line under the Nơi nhận.
    pub drafter: Option<&'d Text>,
}

/// The closing paragraphs, the signatures and the Nơi nhận.
pub fn ending(w: &mut Writer, e: &Ending) -> Vec<Block> {
    let mut out = Vec::new();
    super::body::paragraphs(w, e.closing, None, &mut out);
    let listed = !e.recipients.is_empty() || e.drafter.is_some();
    let rows: Vec<Vec<&SignatureView>> = e
        .signatures
        .chunks(2)
        .map(|pair| {
            let mut pair: Vec<&SignatureView> = pair.iter().collect();
            if e.lead_side == "right" && pair.len() == 2 {
                pair.reverse();
            }
            pair
        })
        .collect();
    let mut below = listed;
    if rows.is_empty() {
        out.push(Block::par(w.spacer(w.nd.signatures_before)));
    }
    for (i, row) in rows.iter().enumerate() {
        let gap = if i == 0 {
            w.nd.signatures_before
        } else {
            w.nd.signature_row_gap
        };
        out.push(Block::par(w.spacer(gap)));
        let last = i + 1 == rows.len();
        let table = match row.as_slice() {
            [a, b] => pair(w, a, b),
            [one] => {
                let beside = if last && listed {
                    below = false;
                    recipients(w, e.recipients, e.drafter, true)
                } else {
                    Vec::new()
                };
                lone(w, one, beside)
            }
            _ => continue,
        };
        out.push(Block::table(table));
    }
    if below {
        out.extend(
            recipients(w, e.recipients, e.drafter, false)
                .into_iter()
                .map(Block::par),
        );
    }
    out
}

/// The four rows of signature blocks side by side: authority lines, title, room, name.
fn rows(w: &mut Writer, cells: Vec<[Vec<Paragraph>; 4]>, widths: &[f64]) -> Vec<TableRow> {
    let room = w.nd.signature_space;
    (0..4)
        .map(|r| {
            let cells = cells
                .iter()
                .zip(widths)
                .map(|(parts, width)| cell(parts[r].clone(), *width))
                .collect();
            let row = TableRow::new(cells).cant_split();
            if r == 2 {
                row.row_height(twips(room) as f32)
                    .height_rule(HeightRule::Exact)
            } else {
                row
            }
        })
        .collect()
}

/// One signature block's four parts, each a list of centred bold paragraphs, indented by
/// `left` and `right` points inside its cell; all but the name kept with what follows.
fn block(
    w: &mut Writer,
    s: &SignatureView,
    width: f64,
    left: f64,
    right: f64,
) -> [Vec<Paragraph>; 4] {
    let nd = w.nd.clone();
    let look = Look::bold(nd.signature_size);
    let size = nd.signature_size;
    let column = width - left - right;
    // Each line balanced in the column, inside the cell's own indents.
    let balance = |w: &Writer, p: Paragraph, text: &Text| {
        let side = w.balanced_indent(text, size, true, column);
        p.indent(
            Some(twips(left + side)),
            None,
            Some(twips(right + side)),
            None,
        )
    };
    let mut authority: Vec<Paragraph> = Vec::new();
    for a in &s.authority {
        let p = w.centred(runs(a, look), size, 0.0);
        authority.push(balance(w, p, a));
    }
    if authority.is_empty() {
        let p = w.centred(Vec::new(), size, 0.0);
        authority.push(balance(w, p, &Text::default()));
    }
    // The PDF's grid puts a single line's gap between the authority and the title.
    let title = w.centred(runs(&s.title, look), size, 0.0).line_spacing(
        LineSpacing::new()
            .line_rule(LineSpacingType::Auto)
            .line(nd.line_240ths(nd.single_em))
            .before(utwips(nd.single_em * size))
            .after(0),
    );
    let title = balance(w, title, &s.title);
    let room = w.centred(Vec::new(), size, 0.0);
    let room = balance(w, room, &Text::default());
    let name = w.centred(runs(&s.name, look), size, 0.0);
    let name = balance(w, name, &s.name);
    [
        authority.into_iter().map(|p| p.keep_next(true)).collect(),
        vec![title.keep_next(true)],
        vec![room.keep_next(true)],
        vec![name],
    ]
}

/// Two blocks side by side in halves of the width, the gutter split between them.
fn pair(w: &mut Writer, a: &SignatureView, b: &SignatureView) -> docx_rs::Table {
    let half = w.width / 2.0;
    let gutter = w.nd.signature_gutter / 2.0;
    let cells = vec![
        block(w, a, half, 0.0, gutter),
        block(w, b, half, gutter, 0.0),
    ];
    let rows = rows(w, cells, &[half, half]);
    borderless(rows, &[half, half])
}

/// A lone block in the right column, `recipients-width` of the width left to the Nơi nhận
/// (`beside`) or empty: one row that never breaks across pages, the room for the signature an
/// empty paragraph of its height.
fn lone(w: &mut Writer, s: &SignatureView, beside: Vec<Paragraph>) -> docx_rs::Table {
    let left = w.width * w.nd.recipients_width;
    let right = w.width - left;
    let mut beside = beside;
    if beside.is_empty() {
        beside.push(w.left(Vec::new(), w.nd.body_size));
    }
    let [authority, title, _, name] = block(w, s, right, w.nd.signature_gutter, 0.0);
    let mut signature = authority;
    signature.extend(title);
    signature.push(w.spacer(w.nd.signature_space));
    signature.extend(name);
    let row = TableRow::new(vec![cell(beside, left), cell(signature, right)]).cant_split();
    borderless(vec![row], &[left, right])
}

/// Nơi nhận (ô 9b): "Nơi nhận:" bold italic, then "- " and each recipient, a wrapped one
/// hanging past its dash, then the drafter's line. `beside` a signature block it is lowered so
/// that its first baseline meets the block's; under the signatures it stands a paragraph gap
/// below them and its heading is kept with the first recipients, its last recipients together.
fn recipients(
    w: &mut Writer,
    items: &[Text],
    drafter: Option<&Text>,
    beside: bool,
) -> Vec<Paragraph> {
    let nd = w.nd.clone();
    let mut out = Vec::new();
    if !items.is_empty() {
        let before = if beside {
            nd.ascender * (nd.signature_size - nd.recipients_heading_size)
        } else {
            nd.recipients_below_gap
        };
        let heading = w
            .left(
                vec![Look::bold_italic(nd.recipients_heading_size).run("Nơi nhận:")],
                nd.recipients_heading_size,
            )
            .line_spacing(
                LineSpacing::new()
                    .line_rule(LineSpacingType::Auto)
                    .line(nd.line_240ths(nd.single_em))
                    .before(utwips(before))
                    .after(0),
            )
            .keep_next(true);
        out.push(heading);
    }
    let hang = twips(nd.recipients_hang_em * nd.recipients_size);
    let (keep, len) = (nd.recipients_keep, items.len());
    for (i, r) in items.iter().enumerate() {
        let mut parts = vec![Look::plain(nd.recipients_size).run("- ")];
        parts.extend(runs(r, Look::plain(nd.recipients_size)));
        // The heading stays with the first `recipients-keep` recipients, the last ones stay
        // together, and the drafter's line with them.
        let kept = i + 1 < keep || (i + keep >= len && i + 1 < len) || drafter.is_some();
        let p = w.left(parts, nd.recipients_size).indent(
            Some(hang),
            Some(SpecialIndentType::Hanging(hang)),
            Some(0),
            None,
        );
        out.push(p.keep_next(kept));
    }
    if let Some(d) = drafter {
        out.push(w.left(runs(d, Look::plain(nd.drafter_size)), nd.drafter_size));
    }
    out
}
