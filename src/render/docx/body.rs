//! The body in Word, in the order and with the labels of the PDF: Chương and Mục headings
//! centred in bold, Điều and mục I. headings in bold, khoản, điểm and ý one paragraph each with
//! their numbers as text ("2.", "đ)", "-"), never Word's automatic numbering.

use super::Block;
use super::paragraphs::{Writer, utwips};
use super::role::Role;
use super::text::{Look, runs};
use crate::document::{
    ArticleView, ChapterView, ClauseView, DivisionView, ItemView, PointView, SectionView,
};
use crate::markup::Text;

/// The body's parts as the document holds them.
pub struct Body<'d> {
    /// Chương → (Mục →) Điều.
    pub chapters: &'d [ChapterView],
    /// Điều alone.
    pub articles: &'d [ArticleView],
    /// Mục I. → khoản.
    pub sections: &'d [SectionView],
    /// Mục → Điều.
    pub divisions: &'d [DivisionView],
}

/// The paragraphs of a body, in print order.
pub fn body(w: &mut Writer, body: &Body) -> Vec<Block> {
    let mut out = Vec::new();
    for c in body.chapters {
        centred_heading(w, &c.label, &c.title, &mut out);
        for a in &c.articles {
            article(w, a, &mut out);
        }
        for d in &c.divisions {
            division(w, d, &mut out);
        }
    }
    for d in body.divisions {
        division(w, d, &mut out);
    }
    for a in body.articles {
        article(w, a, &mut out);
    }
    for s in body.sections {
        out.push(Block::par(w.bold_heading(&s.label, &s.title)));
        for block in &s.order {
            match *block {
                "paragraphs" => {
                    paragraphs(w, &s.paragraphs, Some(Role::SectionParagraph), &mut out)
                }
                "clauses" => clauses(w, &s.clauses, &mut out),
                "items" => items(w, &s.items, &mut out),
                _ => {}
            }
        }
    }
    out
}

/// Free paragraphs of running text; those of a provision carry the style of their [`Role`].
pub fn paragraphs(w: &mut Writer, list: &[Text], role: Option<Role>, out: &mut Vec<Block>) {
    for p in list {
        let par = w.provision(None, p);
        out.push(Block::par(match role {
            Some(o) => par.style(o.style_id()),
            None => par,
        }));
    }
}

/// The lead-in of a provision whose title has a line of its own: a body paragraph in the
/// lead-in's style.
fn lead(w: &mut Writer, text: &Text) -> docx_rs::Paragraph {
    w.provision(None, text).style(Role::Lead.style_id())
}

/// A Chương or Mục heading: its label and its title on two centred bold lines, a paragraph gap
/// and `chapter-before` above, kept with what follows.
fn centred_heading(w: &mut Writer, label: &Text, title: &Text, out: &mut Vec<Block>) {
    let nd = w.nd.clone();
    let look = Look::bold(nd.body_size);
    let first = w
        .centred(runs(label, look), nd.body_size, 0.0)
        .line_spacing(
            docx_rs::LineSpacing::new()
                .line_rule(docx_rs::LineSpacingType::Auto)
                .line(nd.line_240ths(nd.single_em))
                .before(utwips(nd.chapter_before))
                .after(0),
        )
        .keep_next(true);
    out.push(Block::par(first));
    let second = w
        .centred(runs(title, look), nd.body_size, nd.par_gap)
        .keep_next(true);
    out.push(Block::par(second));
}

fn division(w: &mut Writer, d: &DivisionView, out: &mut Vec<Block>) {
    centred_heading(w, &d.label, &d.title, out);
    for a in &d.articles {
        article(w, a, out);
    }
}

/// A Điều: "Điều 4. Tên" in bold, or, without a title, its bold label running into its text.
fn article(w: &mut Writer, a: &ArticleView, out: &mut Vec<Block>) {
    if !a.title.plain.is_empty() {
        out.push(Block::par(w.bold_heading(&a.label, &a.title)));
        if let Some(t) = &a.text {
            out.push(Block::par(lead(w, t)));
        }
    } else if let Some(t) = &a.text {
        out.push(Block::par(w.provision(Some((&a.label, true)), t)));
    } else {
        out.push(Block::par(w.bold_heading(&a.label, &a.title)));
    }
    for block in &a.order {
        match *block {
            "paragraphs" => paragraphs(w, &a.paragraphs, Some(Role::ArticleParagraph), out),
            "clauses" => clauses(w, &a.clauses, out),
            _ => {}
        }
    }
}

/// Khoản: a titled one in bold on its own line, then its text; else "1. text". Then its
/// điểm, ý and paragraphs in the order written.
pub fn clauses(w: &mut Writer, clauses: &[ClauseView], out: &mut Vec<Block>) {
    for c in clauses {
        if let Some(title) = &c.title {
            out.push(Block::par(w.bold_heading(&c.label, title)));
            if let Some(t) = &c.text {
                out.push(Block::par(lead(w, t)));
            }
        } else if let Some(t) = &c.text {
            out.push(Block::par(w.provision(Some((&c.label, false)), t)));
        } else {
            let size = w.nd.body_size;
            out.push(Block::par(w.body(runs(&c.label, Look::plain(size)))));
        }
        for block in &c.order {
            match *block {
                "points" => points(w, &c.points, out),
                "items" => items(w, &c.items, out),
                "paragraphs" => paragraphs(w, &c.paragraphs, Some(Role::ClauseParagraph), out),
                _ => {}
            }
        }
    }
}

fn points(w: &mut Writer, points: &[PointView], out: &mut Vec<Block>) {
    for p in points {
        out.push(Block::par(w.provision(Some((&p.label, false)), &p.text)));
        for block in &p.order {
            match *block {
                "items" => items(w, &p.items, out),
                "paragraphs" => paragraphs(w, &p.paragraphs, Some(Role::PointParagraph), out),
                _ => {}
            }
        }
    }
}

fn items(w: &mut Writer, items: &[ItemView], out: &mut Vec<Block>) {
    for it in items {
        out.push(Block::par(w.provision(Some((&it.label, false)), &it.text)));
        for sub in &it.items {
            out.push(Block::par(
                w.provision(Some((&sub.label, false)), &sub.text),
            ));
        }
    }
}
