//! The text of a Word document (.docx): its paragraphs and tables in reading order, through
//! the reader of the `docx-rs` crate. Runs are joined as they print (tabs and line breaks as
//! spaces or new lines); deleted text of tracked changes is left out, inserted text kept.

use super::{Block, Para};
use crate::render::Role;
use docx_rs::{
    DocumentChild, InsertChild, ParagraphChild, RunChild, StructuredDataTagChild, TableCellContent,
    TableChild, TableRowChild,
};
use std::collections::HashMap;

/// Why a .docx could not be read, for the command's message.
#[derive(Debug)]
pub enum Problem {
    /// Not a zip archive, or a damaged one.
    NotZip,
    /// A zip archive without a Word document inside, or one whose XML cannot be read.
    NotWord,
}

/// Reads the blocks of a .docx held in `bytes`.
pub fn read(bytes: &[u8]) -> Result<Vec<Block>, Problem> {
    if !bytes.starts_with(b"PK") {
        return Err(Problem::NotZip);
    }
    // The reader is third-party code fed arbitrary bytes: a panic inside it is a document it
    // cannot read, never a crash of the command.
    let read = std::panic::catch_unwind(|| docx_rs::read_docx(bytes));
    let docx = match read {
        Ok(Ok(docx)) => docx,
        Ok(Err(docx_rs::ReaderError::ZipError(_))) => return Err(Problem::NotZip),
        _ => return Err(Problem::NotWord),
    };
    let mut reader = Reader {
        roles: role_styles(&docx.styles),
        ..Reader::default()
    };
    for child in &docx.document.children {
        reader.document_child(child);
    }
    Ok(reader.blocks)
}

/// Walks the document, numbering paragraphs in reading order (cells included).
#[derive(Default)]
struct Reader {
    blocks: Vec<Block>,
    count: usize,
    /// The document's styles that give a paragraph its role, by style id.
    roles: HashMap<String, Role>,
}

/// The styles of the document that give a paragraph its role, by their id.
fn role_styles(styles: &docx_rs::Styles) -> HashMap<String, Role> {
    styles
        .styles
        .iter()
        .filter_map(|s| {
            // The crate keeps a style's name private; its serialised form is the name.
            let name = serde_json::to_value(&s.name).ok();
            let name = name.as_ref().and_then(|n| n.as_str());
            Role::of_style(&s.style_id, name).map(|r| (s.style_id.clone(), r))
        })
        .collect()
}

impl Reader {
    fn document_child(&mut self, child: &DocumentChild) {
        match child {
            DocumentChild::Paragraph(p) => self.push_paragraph(p),
            DocumentChild::Table(t) => self.push_table(t),
            // A content control around paragraphs or tables: what it holds.
            DocumentChild::StructuredDataTag(tag) => {
                for child in &tag.children {
                    match child {
                        StructuredDataTagChild::Paragraph(p) => self.push_paragraph(p),
                        StructuredDataTagChild::Table(t) => self.push_table(t),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }

    fn push_paragraph(&mut self, p: &docx_rs::Paragraph) {
        let para = self.paragraph(p);
        self.blocks.push(Block::Para(para));
    }

    fn push_table(&mut self, t: &docx_rs::Table) {
        let table = self.table(t);
        self.blocks.push(Block::Table(table));
    }

    fn paragraph(&mut self, p: &docx_rs::Paragraph) -> Para {
        self.count += 1;
        let mut text = String::new();
        let mut bold = Bold::default();
        paragraph_text(&p.children, &mut text, &mut bold);
        Para {
            text,
            at: self.count,
            bold: bold.plain == 0 && bold.bold > 0,
            centred: p
                .property
                .alignment
                .as_ref()
                .is_some_and(|j| j.val == "center"),
            role: p
                .property
                .style
                .as_ref()
                .and_then(|s| self.roles.get(&s.val).copied()),
        }
    }

    /// A table as rows of cells, each cell its paragraphs (a nested table's paragraphs join
    /// the cell that holds it).
    fn table(&mut self, t: &docx_rs::Table) -> super::Table {
        let at = self.count + 1;
        let mut rows = Vec::new();
        for TableChild::TableRow(row) in &t.rows {
            let mut cells = Vec::new();
            for TableRowChild::TableCell(cell) in &row.cells {
                let mut paras = Vec::new();
                self.cell(&cell.children, &mut paras);
                cells.push(paras);
            }
            rows.push(cells);
        }
        super::Table { rows, at }
    }

    fn cell(&mut self, children: &[TableCellContent], out: &mut Vec<Para>) {
        for content in children {
            match content {
                TableCellContent::Paragraph(p) => out.push(self.paragraph(p)),
                TableCellContent::Table(t) => {
                    let inner = self.table(t);
                    out.extend(inner.rows.into_iter().flatten().flatten());
                }
                TableCellContent::StructuredDataTag(tag) => {
                    for child in &tag.children {
                        if let StructuredDataTagChild::Paragraph(p) = child {
                            out.push(self.paragraph(p));
                        }
                    }
                }
                TableCellContent::TableOfContents(_) => {}
            }
        }
    }
}

/// How many runs with text a paragraph has in bold and not in bold (a paragraph all in bold
/// is a title: of a Chương, a khoản, an issuer's name).
#[derive(Default)]
struct Bold {
    bold: usize,
    plain: usize,
}

/// Appends the text of a paragraph's children, counting its bold runs.
fn paragraph_text(children: &[ParagraphChild], out: &mut String, bold: &mut Bold) {
    for child in children {
        match child {
            ParagraphChild::Run(run) => run_text(run, out, bold),
            ParagraphChild::Insert(insert) => {
                for child in &insert.children {
                    if let InsertChild::Run(run) = child {
                        run_text(run, out, bold);
                    }
                }
            }
            ParagraphChild::Hyperlink(link) => paragraph_text(&link.children, out, bold),
            ParagraphChild::StructuredDataTag(tag) => {
                for child in &tag.children {
                    if let StructuredDataTagChild::Run(run) = child {
                        run_text(run, out, bold);
                    }
                }
            }
            ParagraphChild::MoveTo(_)
            | ParagraphChild::MoveFrom(_)
            | ParagraphChild::Delete(_)
            | ParagraphChild::BookmarkStart(_)
            | ParagraphChild::BookmarkEnd(_)
            | ParagraphChild::CommentStart(_)
            | ParagraphChild::CommentEnd(_)
            | ParagraphChild::PageNum(_)
            | ParagraphChild::NumPages(_) => {}
        }
    }
}

/// Appends the text of a run: its texts and symbols, a tab as a space, a line break as a new
/// line; counts it as bold or not when it has text.
fn run_text(run: &docx_rs::Run, out: &mut String, bold: &mut Bold) {
    let has_text = run
        .children
        .iter()
        .any(|c| matches!(c, RunChild::Text(t) if !t.text.trim().is_empty()));
    if has_text {
        // `w:b` on the run (a style's bold is not followed).
        if run.run_property.bold == Some(docx_rs::Bold::new()) {
            bold.bold += 1;
        } else {
            bold.plain += 1;
        }
    }
    for child in &run.children {
        match child {
            RunChild::Text(t) => out.push_str(&t.text),
            RunChild::Tab(_) | RunChild::PTab(_) => out.push(' '),
            RunChild::Break(_) | RunChild::CarriageReturn(_) => out.push('\n'),
            _ => {}
        }
    }
}
