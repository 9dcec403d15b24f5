//! Widths of text in the document's font, from the advances of its glyphs: what the rules
//! under names and titles and the Quốc hiệu column are measured on, as the PDF measures them.

use typst::text::{Font, FontStyle, FontWeight};

/// The faces of the font family, by weight and slant, to measure text in.
pub struct Measure<'a> {
    faces: Vec<(bool, bool, ttf_parser::Face<'a>)>,
}

impl<'a> Measure<'a> {
    /// Measures with `faces` (a face that does not parse is left out).
    pub fn new(faces: &'a [Font]) -> Measure<'a> {
        let faces = faces
            .iter()
            .filter_map(|f| {
                let bold = f.info().variant.weight >= FontWeight::SEMIBOLD;
                let italic = f.info().variant.style != FontStyle::Normal;
                let face = ttf_parser::Face::parse(f.data().as_slice(), f.index()).ok()?;
                Some((bold, italic, face))
            })
            .collect();
        Measure { faces }
    }

    /// The width in points of `text` on one line at `size` points, bold or not (kerning
    /// aside, as Word does without kerning turned on). A character the face lacks counts half
    /// an em.
    pub fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        self.styled(text, size, bold, false)
    }

    /// [`Measure::width`] of upright or italic text.
    pub fn styled(&self, text: &str, size: f64, bold: bool, italic: bool) -> f64 {
        let face = self
            .faces
            .iter()
            .find(|(b, i, _)| *b == bold && *i == italic)
            .or(self.faces.first());
        let Some((_, _, face)) = face else {
            return 0.5 * size * text.chars().count() as f64;
        };
        let units = f64::from(face.units_per_em());
        let em: f64 = text
            .chars()
            .map(|c| {
                face.glyph_index(c)
                    .and_then(|g| face.glyph_hor_advance(g))
                    .map_or(0.5, |advance| f64::from(advance) / units)
            })
            .sum();
        em * size
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_the_quoc_hieu_as_the_pdf_sets_it() {
        let fonts = crate::render::FontSet::embedded();
        let m = Measure::new(fonts.fonts());
        let nation = m.width("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13.0, true);
        // Liberation Serif bold, 13 pt: 271 pt (95.7 mm), as Typst sets it (pdftotext of the
        // PDF reads the same width).
        assert!((270.0..272.5).contains(&nation), "{nation}");
        assert!(m.width("Độc lập", 14.0, true) > m.width("Độc lập", 14.0, false));
    }
}
