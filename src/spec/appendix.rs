//! Phụ lục as written: their khoản, paragraphs and tables (captions, columns, rows, group
//! rows with or without numbers) and the "(Kèm theo …)" line under their title (shared with
//! the texts a decision issues).

use super::order::{Block, Order};
use super::{Clause, forms};
use schemars::JsonSchema;
use serde::Deserialize;

/// The "(Kèm theo …)" line under the title of an appendix or of a text a decision issues, when
/// it is not the usual one.
#[derive(Debug, Clone, PartialEq)]
pub enum Attached {
    /// The whole line as the author wrote it (printed in parentheses).
    Line(String),
    /// The usual line, built from the document's number and date, with some words replaced.
    Words(AttachedWords),
}

/// The words of the usual "(Kèm theo … số … ngày … của …)" line an author may replace; the
/// number and date stay the document's own (blank while it has none).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AttachedWords {
    /// The words that open the line: "Ban hành kèm theo" instead of "Kèm theo".
    #[serde(default)]
    pub opening: Option<String>,
    /// Who the document is of, after "của" ("Chủ tịch Ủy ban nhân dân tỉnh …").
    #[serde(default)]
    pub of: Option<String>,
}

/// Phụ lục: a titled attachment on pages of its own, numbered on its own.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Appendix {
    /// Author-chosen id; `[[id]]` prints "Phụ lục II" (or "Phụ lục" when there is only one).
    #[serde(default)]
    pub id: Option<String>,
    /// Tên phụ lục (printed in capitals).
    pub title: String,
    /// Lays the appendix out on landscape pages (for wide tables).
    #[serde(default)]
    pub landscape: bool,
    /// The line under the title when it is not the usual "Kèm theo … số … ngày … của …" built
    /// from the text it belongs to: written out, or the usual line with other words.
    #[serde(default)]
    pub attached: Option<Attached>,
    /// Paragraphs (usually before the tables).
    #[serde(default, deserialize_with = "forms::one_or_many")]
    #[schemars(schema_with = "crate::schema::one_or_many")]
    pub paragraphs: Vec<String>,
    /// Khoản "1.", "2." with their điểm and ý, numbered as in the body and cited as "khoản 2
    /// Phụ lục II".
    #[serde(default, deserialize_with = "forms::many_text_or_struct")]
    #[schemars(schema_with = "crate::schema::text_or::<Clause>")]
    pub clauses: Vec<Clause>,
    /// The table, when the appendix has one.
    #[serde(default)]
    pub table: Option<Table>,
    /// The tables, when it has several ("Mẫu I", "Mẫu II"), in order.
    #[serde(default)]
    pub tables: Vec<Table>,
    /// Paragraphs after the tables.
    #[serde(default, deserialize_with = "forms::one_or_many")]
    #[schemars(schema_with = "crate::schema::one_or_many")]
    pub notes: Vec<String>,
    /// The order its keys were written in.
    #[serde(skip)]
    pub order: Order,
}

impl Appendix {
    /// What an appendix prints under its heading, in the usual order.
    pub const BLOCKS: &'static [Block] = &[
        Block::Paragraphs,
        Block::Clauses,
        Block::Table,
        Block::Tables,
        Block::Notes,
    ];

    /// Its tables in the order they print, each with where it is written: `None` for `table`,
    /// `Some(i)` for `tables[i]`.
    pub fn tables(&self) -> Vec<(Option<usize>, &Table)> {
        let mut out = Vec::new();
        for block in self.order.arrange(Self::BLOCKS) {
            match block {
                Block::Table => out.extend(self.table.iter().map(|t| (None, t))),
                Block::Tables => {
                    out.extend(self.tables.iter().enumerate().map(|(i, t)| (Some(i), t)))
                }
                _ => {}
            }
        }
        out
    }
}

/// A table with declared columns; its header row repeats on every page.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// Its name, printed above it ("Mẫu I", "Biểu 2. Danh sách …"); a line break in the YAML
    /// text is a printed line.
    #[serde(default)]
    pub caption: Option<String>,
    /// The columns, left to right.
    pub columns: Vec<Column>,
    /// The rows: a list of cells (numbered columns left out), or `{ group: … }` for a row
    /// spanning the table that opens a group.
    #[serde(default)]
    pub rows: Vec<Row>,
    /// Whether group rows are numbered I, II, … (the default); a group row's own `number`
    /// decides for that row.
    #[serde(default = "forms::yes")]
    pub number_groups: bool,
    /// Paragraphs printed under the table ("Ghi chú: …").
    #[serde(default, deserialize_with = "forms::one_or_many")]
    #[schemars(schema_with = "crate::schema::one_or_many")]
    pub notes: Vec<String>,
}

/// One table column.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// Header text ("Cơ quan chủ trì").
    pub title: String,
    /// Width: a number (relative share) or a length such as `12mm`, `3fr`, `20%`.
    #[serde(default)]
    pub width: Option<Width>,
    /// Alignment of the cells: left (default), center or right.
    #[serde(default)]
    pub align: Align,
    /// The program fills this column with row numbers 1, 2, … (I, II, … on group rows);
    /// rows leave the cell out.
    #[serde(default)]
    pub number: bool,
}

/// A column width as written: a relative share or a length with its unit.
#[derive(Debug, Clone, PartialEq)]
pub enum Width {
    /// A relative share (`2` is twice `1`).
    Share(f64),
    /// A length with its unit: `mm`, `cm`, `pt`, `fr` or `%`.
    Length(String),
}

/// Horizontal alignment of a table column.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Align {
    /// Flush left (default).
    #[default]
    Left,
    /// Centred.
    Center,
    /// Flush right.
    Right,
}

/// One table row.
#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    /// Cells, left to right, without the numbered columns.
    Cells(Vec<String>),
    /// A group heading spanning the table (`{ group: … }`).
    Group(Group),
}

/// A group row: a heading spanning the table; the rows under it are numbered from 1 again.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Its title, in bold.
    pub title: String,
    /// Whether it is numbered I, II, …; `None` follows the table's `number_groups`.
    pub number: Option<bool>,
}
