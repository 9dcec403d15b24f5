//! The text of a Word document (.docx): its paragraphs and tables in reading order, through
//! the reader of the `docx-rs` crate. Runs are joined as they print (tabs and line breaks as
//! spaces or new lines); deleted text of tracked changes is left out, inserted text kept.

use super::{Block, Para};
use docx_rs::{
    DocumentChild, InsertChild, ParagraphChild, RunChild, StructuredDataTagChild, TableCellContent,
    TableChild, TableRowChild,
};

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
    let mut reader = Reader::default();
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
        paragraph_text(&p.children, &mut text);
        Para {
            text,
            at: self.count,
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

/// Appends the text of a paragraph's children.
fn paragraph_text(children: &[ParagraphChild], out: &mut String) {
    for child in children {
        match child {
            ParagraphChild::Run(run) => run_text(run, out),
            ParagraphChild::Insert(insert) => {
                for child in &insert.children {
                    if let InsertChild::Run(run) = child {
                        run_text(run, out);
                    }
                }
            }
            ParagraphChild::Hyperlink(link) => paragraph_text(&link.children, out),
            ParagraphChild::StructuredDataTag(tag) => {
                for child in &tag.children {
                    if let StructuredDataTagChild::Run(run) = child {
                        run_text(run, out);
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
/// line.
fn run_text(run: &docx_rs::Run, out: &mut String) {
    for child in &run.children {
        match child {
            RunChild::Text(t) => out.push_str(&t.text),
            RunChild::Tab(_) | RunChild::PTab(_) => out.push(' '),
            RunChild::Break(_) | RunChild::CarriageReturn(_) => out.push('\n'),
            _ => {}
        }
    }
}
