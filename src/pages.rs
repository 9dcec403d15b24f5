//! Reading laid-out pages back: every run of text with its page, position, size, weight and
//! style, every rule (line) drawn, every signature room, every wrapped heading text and every
//! character the font could not draw, taken from Typst's frames. The renderer places signature
//! fields, refuses missing characters and warns of lines ending on one word from this; tests
//! check the layout against ND 30 with it.

use typst::foundations::{Content, Value};
use typst::introspection::{MetadataElem, Tag};
use typst::layout::{Frame, FrameItem, Point, Transform};
use typst::text::{FontStyle, FontWeight};
use typst::visualize::Geometry;
use typst_layout::PagedDocument;

/// One run of text as laid out. Lengths are in points, measured from the page's top-left corner;
/// `y` is the baseline.
#[derive(Debug, Clone)]
pub struct Run {
    /// 0-based page index.
    pub page: usize,
    /// Left edge.
    pub x: f64,
    /// Baseline.
    pub y: f64,
    /// Advance width.
    pub width: f64,
    /// Font size.
    pub size: f64,
    /// Bold (weight 600 or more).
    pub bold: bool,
    /// Italic or oblique.
    pub italic: bool,
    /// Font family name.
    pub family: String,
    /// The characters.
    pub text: String,
}

/// A straight line drawn on a page (rules under headers and titles).
#[derive(Debug, Clone)]
pub struct Rule {
    /// 0-based page index.
    pub page: usize,
    /// Start, in points from the top-left corner.
    pub from: (f64, f64),
    /// End.
    pub to: (f64, f64),
}

/// A place the templates marked with `metadata((vanban-signature: id, role:, width:, height:))`
/// (see `nd30-signature-fields` in the style file): the room for one digital signature of a
/// body, the signer's (role `ky`) or the organisation's seal (role `dau`). Lengths in points
/// from the page's top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub struct SignatureRoom {
    /// 0-based page index.
    pub page: usize,
    /// The issuer id of the signature block.
    pub issuer: String,
    /// Whose signature: `ky` (the signer, ô 7c) or `dau` (the organisation, ô 8); a marker
    /// without a role (a house style file written before seals had fields) is the signer's.
    pub role: String,
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

/// A stretch of heading text the style file wrapped over several lines and marked with
/// `metadata((vanban-lines: key, width:, height:))` (see `nd30-balanced` in the style file): an
/// issuer's name, a line of the trích yếu, a signature line. Lengths in points from the page's
/// top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub struct WrappedText {
    /// 0-based page index.
    pub page: usize,
    /// The YAML path of the text (`issuers[0].name`, `title`, `signatures[1].authority[0]`).
    pub key: String,
    /// Left edge of the block the lines are set in.
    pub x: f64,
    /// Its top edge.
    pub y: f64,
    /// Its width.
    pub width: f64,
    /// Its height.
    pub height: f64,
}

/// A character the font could not draw (laid out as the font's empty "notdef" box).
#[derive(Debug, Clone, PartialEq)]
pub struct MissingGlyph {
    /// 0-based page index.
    pub page: usize,
    /// The character(s) the glyph stands for.
    pub text: String,
    /// The font family that lacks it.
    pub family: String,
}

/// Runs that share a baseline on a page, left to right.
#[derive(Debug, Clone)]
pub struct Line {
    /// 0-based page index.
    pub page: usize,
    /// Baseline.
    pub y: f64,
    /// The runs, left to right.
    pub runs: Vec<Run>,
}

impl Line {
    /// The line's characters; a space stands for each visible gap between runs.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let mut end: Option<f64> = None;
        for run in &self.runs {
            if let Some(e) = end {
                let gap = run.x - e;
                if gap > run.size * 0.15 && !out.ends_with(' ') && !run.text.starts_with(' ') {
                    out.push(' ');
                }
            }
            out.push_str(&run.text);
            end = Some(run.x + run.width);
        }
        out.trim().to_owned()
    }

    /// Left edge of the first run.
    pub fn left(&self) -> f64 {
        self.runs.first().map_or(0.0, |r| r.x)
    }

    /// Right edge of the last run.
    pub fn right(&self) -> f64 {
        self.runs.last().map_or(0.0, |r| r.x + r.width)
    }
}

/// Everything read from a laid-out document.
#[derive(Debug, Clone, Default)]
pub struct Pages {
    /// Page sizes (width, height) in points.
    pub sizes: Vec<(f64, f64)>,
    /// Every text run, in page then frame order.
    pub runs: Vec<Run>,
    /// Every line drawn.
    pub rules: Vec<Rule>,
    /// The signature rooms, in layout order.
    pub signature_rooms: Vec<SignatureRoom>,
    /// Characters drawn as the font's "notdef" box.
    pub missing: Vec<MissingGlyph>,
    /// Heading text wrapped over several lines, in layout order.
    pub wrapped: Vec<WrappedText>,
}

impl Pages {
    /// Reads the pages of a compiled document.
    pub fn read(doc: &PagedDocument) -> Pages {
        let mut pages = Pages::default();
        for (index, page) in doc.pages().iter().enumerate() {
            let size = page.frame.size();
            pages.sizes.push((size.x.to_pt(), size.y.to_pt()));
            walk(&page.frame, Transform::identity(), index, &mut pages);
        }
        pages
    }

    /// Runs grouped into lines (same page, baselines within 1 pt), top to bottom.
    pub fn lines(&self) -> Vec<Line> {
        let mut runs: Vec<&Run> = self
            .runs
            .iter()
            .filter(|r| !r.text.trim().is_empty())
            .collect();
        runs.sort_by(|a, b| {
            (a.page, a.y)
                .partial_cmp(&(b.page, b.y))
                .expect("finite")
                .then(a.x.total_cmp(&b.x))
        });
        let mut lines: Vec<Line> = Vec::new();
        for run in runs {
            match lines.last_mut() {
                Some(line) if line.page == run.page && (line.y - run.y).abs() < 1.0 => {
                    line.runs.push(run.clone())
                }
                _ => lines.push(Line {
                    page: run.page,
                    y: run.y,
                    runs: vec![run.clone()],
                }),
            }
        }
        for line in &mut lines {
            line.runs.sort_by(|a, b| a.x.total_cmp(&b.x));
        }
        lines
    }

    /// The lines of a wrapped text, top to bottom: the runs centred inside its block (a column
    /// beside it may share the baselines, not the block; a word too long for the block runs out
    /// of it on both sides).
    pub fn lines_of(&self, wrapped: &WrappedText) -> Vec<Line> {
        let inside = |r: &Run| {
            let centre = r.x + r.width / 2.0;
            r.page == wrapped.page
                && r.y > wrapped.y
                && r.y <= wrapped.y + wrapped.height + 0.5
                && centre >= wrapped.x - 0.5
                && centre <= wrapped.x + wrapped.width + 0.5
        };
        let runs = Pages {
            runs: self.runs.iter().filter(|r| inside(r)).cloned().collect(),
            ..Pages::default()
        };
        runs.lines()
    }
}

/// The characters of a missing glyph's cluster that the font has no glyph for. A combining mark
/// the font lacks may come folded into the letter before it (the cluster reads "a"): then the
/// marks after the cluster that the font lacks are the missing characters.
fn lacking(text: &typst::text::TextItem, range: std::ops::Range<usize>) -> String {
    use unicode_normalization::char::is_combining_mark;
    let face = text.font.ttf();
    let covered = |c: char| face.glyph_index(c).is_some();
    let cluster = &text.text[range.clone()];
    let mut missing: String = cluster.chars().filter(|&c| !covered(c)).collect();
    if missing.is_empty() {
        missing = text.text[range.end..]
            .chars()
            .take_while(|&c| is_combining_mark(c))
            .filter(|&c| !covered(c))
            .collect();
    }
    if missing.is_empty() {
        cluster.to_owned()
    } else {
        missing
    }
}

fn walk(frame: &Frame, ts: Transform, page: usize, out: &mut Pages) {
    for (pos, item) in frame.items() {
        match item {
            FrameItem::Group(group) => {
                let inner = ts
                    .pre_concat(Transform::translate(pos.x, pos.y))
                    .pre_concat(group.transform);
                walk(&group.frame, inner, page, out);
            }
            FrameItem::Text(text) => {
                let at = pos.transform(ts);
                let info = text.font.font().info();
                for glyph in text.glyphs.iter().filter(|g| g.id == 0) {
                    out.missing.push(MissingGlyph {
                        page,
                        text: lacking(text, glyph.range()),
                        family: info.family.clone(),
                    });
                }
                out.runs.push(Run {
                    page,
                    x: at.x.to_pt(),
                    y: at.y.to_pt(),
                    width: text.width().to_pt(),
                    size: text.size.to_pt(),
                    bold: info.variant.weight >= FontWeight::SEMIBOLD,
                    italic: info.variant.style != FontStyle::Normal,
                    family: info.family.clone(),
                    text: text.text.to_string(),
                });
            }
            FrameItem::Shape(shape, _) => {
                if let Geometry::Line(delta) = shape.geometry {
                    let from = pos.transform(ts);
                    let to = Point::new(pos.x + delta.x, pos.y + delta.y).transform(ts);
                    out.rules.push(Rule {
                        page,
                        from: (from.x.to_pt(), from.y.to_pt()),
                        to: (to.x.to_pt(), to.y.to_pt()),
                    });
                }
            }
            FrameItem::Tag(Tag::Start(content, _)) => {
                let at = pos.transform(ts);
                if let Some(room) = signature_room(content, at, page) {
                    out.signature_rooms.push(room);
                } else if let Some(wrapped) = wrapped_text(content, at, page) {
                    out.wrapped.push(wrapped);
                }
            }
            _ => {}
        }
    }
}

/// Reads a wrapped-text marker (see `nd30-balanced` in the style file).
fn wrapped_text(content: &Content, at: Point, page: usize) -> Option<WrappedText> {
    let meta = content.to_packed::<MetadataElem>()?;
    let Value::Dict(dict) = &meta.value else {
        return None;
    };
    let Ok(Value::Str(key)) = dict.get("vanban-lines") else {
        return None;
    };
    let length = |name: &str| match dict.get(name) {
        Ok(Value::Length(l)) => Some(l.abs.to_pt()),
        _ => None,
    };
    Some(WrappedText {
        page,
        key: key.to_string(),
        x: at.x.to_pt(),
        y: at.y.to_pt(),
        width: length("width")?,
        height: length("height")?,
    })
}

/// Reads a signature-room marker (see `nd30-signature` in the style file).
fn signature_room(content: &Content, at: Point, page: usize) -> Option<SignatureRoom> {
    let meta = content.to_packed::<MetadataElem>()?;
    let Value::Dict(dict) = &meta.value else {
        return None;
    };
    let length = |key: &str| match dict.get(key) {
        Ok(Value::Length(l)) => Some(l.abs.to_pt()),
        _ => None,
    };
    let Ok(Value::Str(issuer)) = dict.get("vanban-signature") else {
        return None;
    };
    let role = match dict.get("role") {
        Ok(Value::Str(role)) => role.to_string(),
        _ => "ky".to_owned(),
    };
    Some(SignatureRoom {
        page,
        issuer: issuer.to_string(),
        role,
        x: at.x.to_pt(),
        y: at.y.to_pt(),
        width: length("width")?,
        height: length("height")?,
    })
}
