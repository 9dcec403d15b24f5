//! The Word output (`render --format docx`): the ND 30 layout of the PDF built from the same
//! [`Document`] through the `docx-rs` crate — A4 with the style file's margins, the font at ND
//! 30 sizes, the heading block and the signatures as borderless tables, provisions numbered as
//! text (the numbers the PDF prints, never Word's automatic numbering), page numbers from page
//! 2 in the header, each Phụ lục and each text a decision issues in a section of its own,
//! numbered from its own first page. One paragraph per printed line of the provisions, so that
//! the file reads back cleanly. The same document gives the same bytes: paragraph ids come from
//! one counter, the file dates from the spec, the archive's entries carry the zip format's
//! fixed date.

mod appendix;
mod body;
mod ending;
mod head;
mod header_rows;
mod measure;
mod paragraphs;
mod role;
mod style;
mod text;

pub use role::Role;
pub use style::Nd30;

use crate::document::Document;
use crate::error::Error;
use crate::render::{FontSet, Templates};
use docx_rs::{
    Docx, Header, PageMargin, PageNum, PageNumType, PageOrientationType, PageSize, Paragraph,
    RunFonts, Section, Table,
};
use paragraphs::{Writer, twips};
use text::Look;
use typst::text::Font;

/// Settings of the Word output, shared by every document of one run.
#[derive(Debug, Clone)]
pub struct DocxOptions<'a> {
    /// The font family named in the file: Times New Roman for the embedded Liberation Serif
    /// (metric-compatible, and the font ND 30 names), else the family chosen.
    pub font: String,
    /// The faces text is measured with (rules, the Quốc hiệu column).
    pub faces: &'a [Font],
    /// The ND 30 style file the measurements are read from.
    pub style: &'a str,
    /// Its name, for messages.
    pub style_file: String,
}

impl<'a> DocxOptions<'a> {
    /// The settings for documents set in `fonts` with the style file of `templates`.
    pub fn new(fonts: &'a FontSet, templates: &'a Templates) -> DocxOptions<'a> {
        let embedded = fonts.family() == FontSet::embedded().family();
        DocxOptions {
            font: if embedded {
                crate::render::TIMES_NEW_ROMAN.to_owned()
            } else {
                fonts.family().to_owned()
            },
            faces: fonts.fonts(),
            style: templates.style(),
            style_file: templates.style_origin(),
        }
    }
}

/// A paragraph or a table of the body of a section.
enum Block {
    Par(Box<Paragraph>),
    Table(Box<Table>),
}

impl Block {
    fn par(p: Paragraph) -> Block {
        Block::Par(Box::new(p))
    }

    fn table(t: Table) -> Block {
        Block::Table(Box::new(t))
    }
}

/// What holds the blocks of a part: a section, or the document for its last section.
trait Holder: Sized {
    fn add(self, block: Block) -> Self;
}

impl Holder for Section {
    fn add(self, block: Block) -> Self {
        match block {
            Block::Par(p) => self.add_paragraph(*p),
            Block::Table(t) => self.add_table(*t),
        }
    }
}

impl Holder for Docx {
    fn add(self, block: Block) -> Self {
        match block {
            Block::Par(p) => self.add_paragraph(*p),
            Block::Table(t) => self.add_table(*t),
        }
    }
}

/// A run of pages with its own section: the document, a Phụ lục, a text a decision issues.
struct Part {
    /// Landscape pages.
    landscape: bool,
    /// Its pages are numbered from its own first page (which shows no number).
    restart: bool,
    blocks: Vec<Block>,
}

/// The .docx of `doc`.
pub fn docx(doc: &Document, options: &DocxOptions) -> Result<Vec<u8>, Error> {
    let nd = Nd30::read(options.style, &options.style_file)?;
    let mut w = Writer::new(nd, measure::Measure::new(options.faces));
    let parts = parts(&mut w, doc);
    let file = doc
        .meta
        .source
        .as_ref()
        .map_or_else(|| doc.meta.title.clone(), |s| s.name.clone());
    let date = format!("{}T00:00:00Z", doc.meta.date);
    let font = &options.font;
    let docx = Docx::new()
        .default_fonts(
            RunFonts::new()
                .ascii(font)
                .hi_ansi(font)
                .cs(font)
                .east_asia(font),
        )
        .default_size(Look::plain(w.nd.body_size).half_points())
        .created_at(&date)
        .updated_at(&date);
    let mut docx = Role::ALL
        .into_iter()
        .fold(docx, |docx, r| docx.add_style(r.style()));
    let (header, first) = page_headers(&mut w);
    let count = parts.len();
    for (i, part) in parts.into_iter().enumerate() {
        let size = page_size(part.landscape);
        let margin = page_margin(&w.nd);
        let numbering = part.restart.then(|| PageNumType::new().start(1));
        if i + 1 < count {
            let mut section = Section::new()
                .page_size(size)
                .page_margin(margin)
                .title_pg();
            if let Some(n) = numbering {
                section = section.page_num_type(n);
            }
            // Later sections inherit the first one's headers.
            if i == 0 {
                section = section.header(header.clone()).first_header(first.clone());
            }
            docx = docx.add_section(part.blocks.into_iter().fold(section, Holder::add));
        } else {
            docx.document.section_property = docx
                .document
                .section_property
                .clone()
                .page_size(size)
                .page_margin(margin)
                .title_pg();
            if let Some(n) = numbering {
                docx = docx.page_num_type(n);
            }
            if i == 0 {
                docx = docx.header(header.clone()).first_header(first.clone());
            }
            docx = part.blocks.into_iter().fold(docx, Holder::add);
        }
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut bytes).map_err(|e| Error::Failed {
        file: file.clone(),
        message: format!("không ghi được tệp Word: {e}"),
    })?;
    if w.header_rows {
        header_rows::repeat_header_rows(bytes.into_inner(), &file)
    } else {
        Ok(bytes.into_inner())
    }
}

/// The document's parts in page order: the document, its appendices, then each text it
/// issues with its own appendices.
fn parts(w: &mut Writer, doc: &Document) -> Vec<Part> {
    let mut parts = Vec::new();
    w.width = w.nd.text_width(false);
    let mut blocks = vec![head::heading(w, doc, true)];
    blocks.extend(head::title(w, doc));
    blocks.extend(head::bases(w, doc, doc.enacting.as_ref()));
    if let Some(p) = &doc.parties {
        blocks.extend(head::parties(w, p));
    }
    rest(w, doc, &mut blocks, true);
    parts.push(Part {
        landscape: false,
        restart: false,
        blocks,
    });
    appendices(w, doc, &mut parts);
    for t in &doc.attachments {
        w.width = w.nd.text_width(false);
        let mut blocks = vec![head::heading(w, t, false)];
        blocks.extend(head::title(w, t));
        blocks.extend(head::bases(w, t, None));
        let ends = !t.signatures.is_empty() || !t.closing.is_empty();
        rest(w, t, &mut blocks, ends);
        parts.push(Part {
            landscape: false,
            restart: true,
            blocks,
        });
        appendices(w, t, &mut parts);
    }
    parts
}

/// Preamble, body and (when `ending`) the end of `doc`.
fn rest(w: &mut Writer, doc: &Document, blocks: &mut Vec<Block>, ending: bool) {
    body::paragraphs(w, &doc.preamble, None, blocks);
    blocks.extend(body::body(
        w,
        &body::Body {
            chapters: &doc.chapters,
            articles: &doc.articles,
            sections: &doc.sections,
            divisions: &doc.divisions,
        },
    ));
    if ending {
        blocks.extend(ending::ending(
            w,
            &ending::Ending {
                closing: &doc.closing,
                signatures: &doc.signatures,
                lead_side: doc.lead_side,
                recipients: &doc.recipients,
                drafter: doc.drafter.as_ref(),
            },
        ));
    }
}

/// Each appendix of `doc` as a part of its own.
fn appendices(w: &mut Writer, doc: &Document, parts: &mut Vec<Part>) {
    for a in &doc.appendices {
        w.width = w.nd.text_width(a.landscape);
        let blocks = appendix::appendix(w, a);
        parts.push(Part {
            landscape: a.landscape,
            restart: true,
            blocks,
        });
    }
}

/// The page-number header (centred, from the second page of each part) and the empty header
/// of a part's first page.
fn page_headers(w: &mut Writer) -> (Header, Header) {
    let size = w.nd.page_number_size;
    let number = w
        .centred(Vec::new(), size, 0.0)
        .add_page_num(PageNum::new());
    let empty = w.centred(Vec::new(), size, 0.0);
    (
        Header::new().add_paragraph(number),
        Header::new().add_paragraph(empty),
    )
}

/// A4, portrait or landscape, in twips.
fn page_size(landscape: bool) -> PageSize {
    let (wide, tall) = (twips(style::A4.0) as u32, twips(style::A4.1) as u32);
    if landscape {
        PageSize::new()
            .size(tall, wide)
            .orient(PageOrientationType::Landscape)
    } else {
        PageSize::new().size(wide, tall)
    }
}

/// The style file's margins; the header placed so that the page number's line ends
/// `page-number-ascent` of the top margin above the text, as the PDF's.
fn page_margin(nd: &Nd30) -> PageMargin {
    let [top, bottom, left, right] = nd.margin;
    let line = (nd.ascender + nd.descender + nd.single_em) * nd.page_number_size;
    let header = top * (1.0 - nd.page_number_ascent) - line;
    PageMargin {
        top: twips(top),
        bottom: twips(bottom),
        left: twips(left),
        right: twips(right),
        header: twips(header.max(0.0)),
        footer: twips(bottom / 2.0),
        gutter: 0,
    }
}
