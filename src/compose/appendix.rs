//! Phụ lục and their tables: the label the outline numbered ("Phụ lục II", or "Phụ lục"
//! alone), its khoản (numbered by the outline too), checked column widths, row numbers 1, 2…
//! restarting under each group row, group rows numbered I, II… unless the table or the row
//! says otherwise.

use super::rules::TABLE_SHAPE;
use super::{Composer, Parent, print_order};
use crate::document::{AppendixView, CellView, ColumnView, TableView};
use crate::markup::Text;
use crate::number::{Part, labels};
use crate::spec;
use crate::vietnamese::roman;

/// The width of a column the program numbers, when the spec gives none: room for "XII".
const NUMBER_COLUMN_WIDTH: &str = "12mm";

impl Composer<'_, '_> {
    /// The Phụ lục of text `text`, in order, each pointing at `parent` (a document of type
    /// `to`) in its "(Kèm theo …)" line.
    pub(super) fn appendices(
        &mut self,
        text: usize,
        to: &str,
        parent: &Parent,
    ) -> Vec<AppendixView> {
        let outline = self.outline;
        outline
            .appendices(text)
            .filter_map(|p| match p.part {
                Part::Appendix(a) => Some((p, a)),
                _ => None,
            })
            .map(|(p, a)| {
                let path = p.path.clone();
                AppendixView {
                    attached: self.attached(to, parent, &a.attached, &format!("{path}.attached")),
                    label: Text::literal(&labels::marker(&p.number)),
                    number: labels::local(&p.number).unwrap_or_default(),
                    title: self.lines(&a.title, &format!("{path}.title")).upper(),
                    landscape: a.landscape,
                    paragraphs: self.texts(&a.paragraphs, &format!("{path}.paragraphs")),
                    clauses: self.clauses(p),
                    table: a
                        .table
                        .as_ref()
                        .map(|t| self.table(t, &format!("{path}.table"))),
                    tables: a
                        .tables
                        .iter()
                        .enumerate()
                        .map(|(i, t)| self.table(t, &format!("{path}.tables[{i}]")))
                        .collect(),
                    notes: self.texts(&a.notes, &format!("{path}.notes")),
                    order: print_order(&a.order, spec::Appendix::BLOCKS),
                }
            })
            .collect()
    }

    /// A table: widths checked, numbered columns filled (1, 2, … restarting after each group
    /// row, whose own number is I, II, … unless it is unnumbered), every row as wide as the
    /// header.
    fn table(&mut self, table: &spec::Table, path: &str) -> TableView {
        let columns: Vec<ColumnView> = table
            .columns
            .iter()
            .enumerate()
            .map(|(c, col)| {
                let width = match &col.width {
                    None if col.number => NUMBER_COLUMN_WIDTH.to_owned(),
                    None => "1fr".to_owned(),
                    Some(w) => width(w).unwrap_or_else(|message| {
                        self.error(&TABLE_SHAPE, &format!("{path}.columns[{c}].width"), message);
                        "1fr".to_owned()
                    }),
                };
                ColumnView {
                    title: self.lines(&col.title, &format!("{path}.columns[{c}].title")),
                    width,
                    align: align(col.align),
                }
            })
            .collect();
        if columns.is_empty() {
            self.error(
                &TABLE_SHAPE,
                &format!("{path}.columns"),
                "bảng cần ít nhất một cột".to_owned(),
            );
        }
        let numbered: Vec<bool> = table.columns.iter().map(|c| c.number).collect();
        let written = numbered.iter().filter(|n| !**n).count();
        let (mut group, mut row_number) = (0, 0);
        let mut rows = Vec::new();
        for (r, row) in table.rows.iter().enumerate() {
            let path = format!("{path}.rows[{r}]");
            match row {
                spec::Row::Group(g) => {
                    row_number = 0;
                    let title = self.lines(&g.title, &format!("{path}.group"));
                    let number = g.number.unwrap_or(table.number_groups).then(|| {
                        group += 1;
                        roman(group)
                    });
                    rows.push(group_row(&numbered, number, title));
                }
                spec::Row::Cells(cells) => {
                    row_number += 1;
                    if cells.len() != written {
                        self.error(
                            &TABLE_SHAPE,
                            &path,
                            format!(
                                "hàng có {} ô nhưng bảng có {written} cột cần ghi (không kể cột \
                                 đánh số tự động)",
                                cells.len()
                            ),
                        );
                    }
                    let mut given = cells.iter().enumerate();
                    let row = columns
                        .iter()
                        .zip(&numbered)
                        .map(|(col, &numbered)| {
                            let text = if numbered {
                                Text::literal(&row_number.to_string())
                            } else {
                                match given.next() {
                                    Some((k, cell)) => self.lines(cell, &format!("{path}[{k}]")),
                                    None => Text::default(),
                                }
                            };
                            CellView {
                                text,
                                colspan: 1,
                                bold: false,
                                align: col.align,
                            }
                        })
                        .collect();
                    rows.push(row);
                }
            }
        }
        TableView {
            caption: table
                .caption
                .as_ref()
                .map(|c| self.lines(c, &format!("{path}.caption"))),
            notes: self.texts(&table.notes, &format!("{path}.notes")),
            columns,
            rows,
        }
    }
}

/// A group row: its Roman numeral in the first column when that column is numbered, the
/// title in bold across the rest (across all columns, after the numeral, otherwise); an
/// unnumbered group row is its title across all columns.
fn group_row(numbered: &[bool], number: Option<String>, mut title: Text) -> Vec<CellView> {
    let cell = |text, colspan, align| CellView {
        text,
        colspan,
        bold: true,
        align,
    };
    match number {
        Some(number) if numbered.first() == Some(&true) => vec![
            cell(Text::literal(&number), 1, "center"),
            cell(title, numbered.len().saturating_sub(1).max(1), "left"),
        ],
        Some(number) => {
            title.prepend_literal(&format!("{number}. "));
            vec![cell(title, numbered.len().max(1), "left")]
        }
        None => vec![cell(title, numbered.len().max(1), "left")],
    }
}

/// A column width as Typst reads it: a positive share becomes `fr`; a length keeps its unit.
fn width(w: &spec::Width) -> Result<String, String> {
    let bad = |shown: &str| {
        format!(
            "độ rộng cột `{shown}` không hợp lệ: ghi một số dương (tỉ lệ) hoặc độ dài như \
             `12mm`, `2.5cm`, `3fr`, `20%`"
        )
    };
    match w {
        spec::Width::Share(n) if n.is_finite() && *n > 0.0 && *n < 1000.0 => Ok(format!("{n}fr")),
        spec::Width::Share(n) => Err(bad(&n.to_string())),
        spec::Width::Length(text) => {
            let t = text.trim();
            let unit_at = t
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(t.len());
            let (value, unit) = t.split_at(unit_at);
            let ok_value = value.parse::<f64>().is_ok_and(|v| v > 0.0 && v < 1000.0);
            let ok_unit = matches!(unit, "mm" | "cm" | "pt" | "fr" | "%" | "");
            if ok_value && ok_unit {
                Ok(format!(
                    "{value}{}",
                    if unit.is_empty() { "fr" } else { unit }
                ))
            } else {
                Err(bad(t))
            }
        }
    }
}

fn align(a: spec::Align) -> &'static str {
    match a {
        spec::Align::Left => "left",
        spec::Align::Center => "center",
        spec::Align::Right => "right",
    }
}
