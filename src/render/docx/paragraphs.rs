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
    /// Whether a table row was marked to repeat on every page (the packed file then needs
    /// the header-row step).
    pub header_rows: bool,
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
            header_rows: false,
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
    /// under the text above: an empty paragraph of the rule's thickness whose bottom border is
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
        let border = ParagraphBorder::new(ParagraphBorderPosition::Bottom)
            .val(BorderType::Single)
            .size((self.nd.rule_stroke * 8.0).round().max(2.0) as usize)
            .space(0)
            .color("000000");
        let spacing = rule_spacing(before, 0.0);
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

impl Writer<'_> {
    /// The indent, on each side, that sets heading text (a name, a line of the trích yếu, a
    /// signature line) in a column `column` points wide as the PDF does: each of the author's
    /// lines on one line when it fits; one that wraps keeps the column's width unless its last
    /// line would be a single word or shorter than `short-line` of the line above, in which case
    /// it gets the narrowest width that keeps its count of lines (balanced lines). One indent
    /// serves the whole paragraph: the smallest its lines allow.
    pub fn balanced_indent(&self, text: &Text, size: f64, bold: bool, column: f64) -> f64 {
        let space = self.measure.width(" ", size, bold);
        let indent = author_lines(text)
            .iter()
            .filter(|line| !line.trim().is_empty())
            .map(|line| {
                let words: Vec<f64> = line
                    .split_whitespace()
                    .map(|w| self.measure.width(w, size, bold))
                    .collect();
                let natural =
                    words.iter().sum::<f64>() + space * words.len().saturating_sub(1) as f64;
                // A line that fits only bounds the indent (with a point to spare); one that
                // wraps asks for it.
                if natural <= column {
                    return ((column - natural) / 2.0 - 1.0, false);
                }
                let lines = greedy(&words, space, column);
                let short = match lines.as_slice() {
                    [.., above, last] => last.0 == 1 || last.1 < self.nd.short_line * above.1,
                    _ => false,
                };
                if !short {
                    return (0.0, true);
                }
                // On two lines: the fewest words moved down from the first line that make the
                // last one long enough; the width is that of the shortened first line.
                if let [(first, _), _] = lines.as_slice() {
                    let width = |ws: &[f64]| {
                        ws.iter().sum::<f64>() + space * ws.len().saturating_sub(1) as f64
                    };
                    let mut at = *first;
                    while at > 2 {
                        let (head, tail) = (width(&words[..at]), width(&words[at..]));
                        if words.len() - at >= 2 && tail >= self.nd.short_line * head {
                            break;
                        }
                        at -= 1;
                    }
                    let (head, tail) = (width(&words[..at]), width(&words[at..]));
                    if words.len() - at >= 2 && tail >= self.nd.short_line * head && tail <= head {
                        return ((column - head) / 2.0 - 1.0, true);
                    }
                }
                let fits = narrowest(&words, space, column, self.nd.balance_steps);
                // A point to spare, so that rounding in the word processor never wraps again.
                ((column - fits) / 2.0 - 1.0, true)
            })
            .collect::<Vec<(f64, bool)>>();
        // No line wraps: the paragraph takes the whole column.
        if !indent.iter().any(|(_, wraps)| *wraps) {
            return 0.0;
        }
        indent
            .iter()
            .map(|(x, _)| *x)
            .fold(f64::INFINITY, f64::min)
            .clamp(0.0, column / 2.0)
    }
}

impl Writer<'_> {
    /// The indent, on each side, that sets a centred `text` too long for one line in lines of
    /// about equal length, as the PDF sets the "(Kèm theo …)" line (`nd30-even-lines`): the
    /// narrowest width keeping as few lines as the column gives; 0 when it fits on one line.
    pub fn even_indent(&self, text: &Text, size: f64, italic: bool, column: f64) -> f64 {
        let space = self.measure.styled(" ", size, false, italic);
        let words: Vec<f64> = text
            .plain
            .split_whitespace()
            .map(|w| self.measure.styled(w, size, false, italic))
            .collect();
        if greedy(&words, space, column).len() < 2 {
            return 0.0;
        }
        let fits = narrowest(&words, space, column, self.nd.balance_steps);
        ((column - fits) / 2.0 - 1.0).clamp(0.0, column / 2.0)
    }
}

/// The narrowest width, found in `steps` halvings, at which words of these widths take no more
/// lines than at `column`.
fn narrowest(words: &[f64], space: f64, column: f64, steps: usize) -> f64 {
    let count = greedy(words, space, column).len();
    let (mut narrow, mut fits) = (0.0, column);
    for _ in 0..steps {
        let mid = (narrow + fits) / 2.0;
        if greedy(words, space, mid).len() <= count {
            fits = mid;
        } else {
            narrow = mid;
        }
    }
    fits
}

/// The spacing of a rule's paragraph: `before` points under the text above, `after` above the
/// next. Its one line is set single at 1 pt, the border drawn under it (an exact line height
/// makes LibreOffice draw the border up into the line above).
pub fn rule_spacing(before: f64, after: f64) -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Auto)
        .line(240)
        .before(utwips(before))
        .after(utwips(after))
}

/// Words of these widths broken into lines at most `width` wide, each as full as it can be: for
/// each line, its count of words and its width.
fn greedy(words: &[f64], space: f64, width: f64) -> Vec<(usize, f64)> {
    let mut lines: Vec<(usize, f64)> = Vec::new();
    for &w in words {
        match lines.last_mut() {
            Some(line) if line.1 + space + w <= width => {
                line.0 += 1;
                line.1 += space + w;
            }
            _ => lines.push((1, w)),
        }
    }
    lines
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
    fn balances_a_heading_line_as_the_pdf_does() {
        let style = crate::render::Templates::embedded().style();
        let nd = Nd30::read(style, "nd30.typ").unwrap();
        let fonts = crate::render::FontSet::embedded();
        let w = Writer::new(nd, Measure::new(fonts.fonts()));
        let column = 190.85;
        // Fits: the whole column.
        let short = Text::literal("BÁO SÀI GÒN GIẢI PHÓNG");
        assert_eq!(w.balanced_indent(&short, 13.0, true, column), 0.0);
        // Would end on one word ("… TỈNH SÓC / TRĂNG"): one word moves down, as in the PDF,
        // and the paragraph is as wide as "ỦY BAN NHÂN DÂN TỈNH" and 2 pt.
        let name = Text::literal("ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG");
        let side = w.balanced_indent(&name, 13.0, true, column);
        let first = w.measure.width("ỦY BAN NHÂN DÂN TỈNH", 13.0, true);
        assert!((column - 2.0 * side - (first + 2.0)).abs() < 0.01, "{side}");
    }

    #[test]
    fn splits_a_text_at_its_author_breaks() {
        let t = Text::lines(["ỦY BAN NHÂN DÂN", "TỈNH **THANH HÓA**"]);
        assert_eq!(author_lines(&t), ["ỦY BAN NHÂN DÂN", "TỈNH THANH HÓA"]);
    }
}
