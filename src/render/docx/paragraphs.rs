//! The paragraph kinds of the Word output, each set with the style file's measurements: body
//! paragraphs (justified, first-line indent, 6 pt apart), centred heading lines set single,
//! the short rules under names and titles, and empty spacers of a set height. Every
//! paragraph gets its Word paragraph id from one counter, so the same document always gives
//! the same ids.

use super::measure::Measure;
use super::style::Nd30;
use super::text::{Look, runs};
use crate::markup::Text;
use docx_rs::{
    AlignmentType, BorderType, LineSpacing, LineSpacingType, Paragraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, Run, SpecialIndentType,
};

/// Points to twentieths of a point (Word's twips).
pub fn twips(pt: f64) -> i32 {
    (pt * 20.0).round() as i32
}

/// Points to twips, for the unsigned measures Word takes (negative counts as 0).
pub fn utwips(pt: f64) -> u32 {
    twips(pt.max(0.0)) as u32
}

/// The first id Word paragraphs get (a `w14:paraId` below 0x80000000, clear of the ids the
/// crate gives the section-break paragraphs it adds itself).
const FIRST_ID: u32 = 0x0010_0000;

/// Makes the paragraphs of one document.
pub struct Writer<'a> {
    /// The style file's measurements.
    pub nd: Nd30,
    /// Text widths in the document's font.
    pub measure: Measure<'a>,
    /// The width of the text of the part being written (landscape pages are wider).
    pub width: f64,
    next_id: u32,
}

impl<'a> Writer<'a> {
    /// A writer with the measurements `nd` and the font `measure`.
    pub fn new(nd: Nd30, measure: Measure<'a>) -> Writer<'a> {
        let width = nd.text_width(false);
        Writer {
            nd,
            measure,
            width,
            next_id: FIRST_ID,
        }
    }

    /// An empty paragraph with the next id.
    pub fn paragraph(&mut self) -> Paragraph {
        let id = self.next_id;
        self.next_id += 1;
        Paragraph::new().id(format!("{id:08X}"))
    }

    /// A body paragraph: justified, first-line indent, body line spacing, the paragraph gap
    /// after it.
    pub fn body(&mut self, parts: Vec<Run>) -> Paragraph {
        let nd = &self.nd;
        let spacing = LineSpacing::new()
            .line_rule(LineSpacingType::Auto)
            .line(nd.line_240ths(nd.leading_em))
            .before(0)
            .after(utwips(nd.par_gap));
        let indent = Some(SpecialIndentType::FirstLine(twips(nd.indent)));
        let size = Look::plain(nd.body_size).half_points();
        add_runs(self.paragraph(), parts)
            .align(AlignmentType::Both)
            .indent(Some(0), indent, Some(0), None)
            .line_spacing(spacing)
            .size(size)
    }

    /// A body paragraph of `text` after `label` and a space (bold when `bold_label`), or of
    /// the text alone; kept with what follows when it ends the body (the signatures).
    pub fn provision(&mut self, label: Option<(&Text, bool)>, text: &Text) -> Paragraph {
        let size = self.nd.body_size;
        let mut parts = Vec::new();
        if let Some((label, bold)) = label {
            let look = if bold {
                Look::bold(size)
            } else {
                Look::plain(size)
            };
            parts.extend(runs(label, look));
            parts.push(Look::plain(size).run(" "));
        }
        parts.extend(runs(text, Look::plain(size)));
        self.body(parts).keep_next(text.ends_body)
    }

    /// A bold heading line of the body ("Điều 4. Tên điều", "I. MỤC TIÊU"): a body paragraph
    /// kept with what follows.
    pub fn bold_heading(&mut self, label: &Text, title: &Text) -> Paragraph {
        let look = Look::bold(self.nd.body_size);
        let mut parts = runs(label, look);
        if !title.plain.is_empty() {
            parts.push(look.run(" "));
            parts.extend(runs(title, look));
        }
        self.body(parts).keep_next(true)
    }

    /// A centred line set single (no indent), `after` points above the next.
    pub fn centred(&mut self, parts: Vec<Run>, size: f64, after: f64) -> Paragraph {
        let spacing = LineSpacing::new()
            .line_rule(LineSpacingType::Auto)
            .line(self.nd.line_240ths(self.nd.single_em))
            .before(0)
            .after(utwips(after));
        add_runs(self.paragraph(), parts)
            .align(AlignmentType::Center)
            .indent(Some(0), None, Some(0), None)
            .line_spacing(spacing)
            .size(Look::plain(size).half_points())
    }

    /// A left-aligned line set single, without indent (Nơi nhận, table cells).
    pub fn left(&mut self, parts: Vec<Run>, size: f64) -> Paragraph {
        let spacing = LineSpacing::new()
            .line_rule(LineSpacingType::Auto)
            .line(self.nd.line_240ths(self.nd.single_em))
            .before(0)
            .after(0);
        add_runs(self.paragraph(), parts)
            .align(AlignmentType::Left)
            .indent(Some(0), None, Some(0), None)
            .line_spacing(spacing)
            .size(Look::plain(size).half_points())
    }

    /// A centred rule `length` points long in a column `column` points wide, `before` points
    /// under the text above: an empty paragraph of the rule's thickness whose top border is
    /// the rule, its indents leaving the rule's length.
    pub fn rule(&mut self, length: f64, column: f64, before: f64) -> Paragraph {
        self.rule_at(length, 0.0, column, before)
    }

    /// [`Writer::rule`] in a column starting `offset` points into its cell.
    pub fn rule_at(&mut self, length: f64, offset: f64, column: f64, before: f64) -> Paragraph {
        let length = length.min(column);
        let side = (column - length) / 2.0;
        let (left, right) = (twips(offset + side), twips(side));
        // Borders are in eighths of a point.
        let border = ParagraphBorder::new(ParagraphBorderPosition::Top)
            .val(BorderType::Single)
            .size((self.nd.rule_stroke * 8.0).round().max(2.0) as usize)
            .space(0)
            .color("000000");
        let spacing = LineSpacing::new()
            .line_rule(LineSpacingType::Exact)
            .line(twips(1.0))
            .before(utwips(before))
            .after(0);
        let mut p = self.paragraph();
        p.property = p
            .property
            .set_borders(ParagraphBorders::with_empty().set(border));
        p.align(AlignmentType::Center)
            .indent(Some(left), None, Some(right), None)
            .line_spacing(spacing)
            .size(2)
    }

    /// An empty paragraph `height` points tall: the room between blocks the PDF leaves.
    pub fn spacer(&mut self, height: f64) -> Paragraph {
        let spacing = LineSpacing::new()
            .line_rule(LineSpacingType::Exact)
            .line(twips(height).max(1))
            .before(0)
            .after(0);
        self.paragraph()
            .indent(Some(0), None, Some(0), None)
            .line_spacing(spacing)
            .size(2)
            .keep_next(true)
    }

    /// The widest of the author's lines of `texts` at `size` points, bold or not, no wider
    /// than `column`: what a rule under them is measured on.
    pub fn widest(&self, texts: &[&Text], size: f64, bold: bool, column: f64) -> f64 {
        texts
            .iter()
            .flat_map(|t| author_lines(t))
            .map(|line| self.measure.width(&line, size, bold).min(column))
            .fold(0.0, f64::max)
    }
}

/// The lines of a text as its author broke them, as plain characters.
fn author_lines(text: &Text) -> Vec<String> {
    use crate::markup::Inline;
    fn walk(inlines: &[Inline], lines: &mut Vec<String>) {
        for inline in inlines {
            match inline {
                Inline::Plain(s) => lines.last_mut().expect("one line").push_str(s),
                Inline::Strong(c) | Inline::Emph(c) => walk(c, lines),
                Inline::Break => lines.push(String::new()),
            }
        }
    }
    let mut lines = vec![String::new()];
    walk(text.inlines(), &mut lines);
    lines
}

/// `p` with `parts` added in order.
pub fn add_runs(p: Paragraph, parts: Vec<Run>) -> Paragraph {
    parts.into_iter().fold(p, Paragraph::add_run)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_a_text_at_its_author_breaks() {
        let t = Text::lines(["ỦY BAN NHÂN DÂN", "TỈNH **THANH HÓA**"]);
        assert_eq!(author_lines(&t), ["ỦY BAN NHÂN DÂN", "TỈNH THANH HÓA"]);
    }
}
