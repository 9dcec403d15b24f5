//! The neutral text model as Word runs: each plain stretch one run in the look of its
//! paragraph, bold and italic switched as the user's `**strong**` and `*emphasis*` say, a line
//! break a `w:br`. Word stores text as text, so nothing needs escaping beyond what the XML
//! writer of the crate does.

use crate::markup::{InlineSink, Style, Text};
use docx_rs::{BreakType, Run};

/// How a paragraph's text looks before the user's own emphasis: size in points, bold, italic.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Look {
    /// Font size in points.
    pub size: f64,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
}

impl Look {
    /// Upright, regular weight, at `size` points.
    pub fn plain(size: f64) -> Look {
        Look {
            size,
            bold: false,
            italic: false,
        }
    }

    /// Bold at `size` points.
    pub fn bold(size: f64) -> Look {
        Look {
            bold: true,
            ..Look::plain(size)
        }
    }

    /// Italic at `size` points.
    pub fn italic(size: f64) -> Look {
        Look {
            italic: true,
            ..Look::plain(size)
        }
    }

    /// Bold italic at `size` points.
    pub fn bold_italic(size: f64) -> Look {
        Look {
            bold: true,
            italic: true,
            size,
        }
    }

    /// Word's size: half-points.
    pub fn half_points(&self) -> usize {
        (self.size * 2.0).round() as usize
    }

    /// A run of literal characters in this look.
    pub fn run(&self, text: &str) -> Run {
        self.styled(Run::new().add_text(text))
    }

    fn styled(&self, mut run: Run) -> Run {
        run = run.size(self.half_points());
        if self.bold {
            run = run.bold();
        }
        if self.italic {
            run = run.italic();
        }
        run
    }
}

/// The runs of `text` in `look`: strong makes bold, emphasis toggles italic (upright inside an
/// italic paragraph, as the PDF's `emph` does).
pub fn runs(text: &Text, look: Look) -> Vec<Run> {
    let mut sink = Runs {
        stack: vec![look],
        runs: Vec::new(),
    };
    text.write(&mut sink);
    sink.runs
}

/// Collects runs while the text model is walked.
struct Runs {
    stack: Vec<Look>,
    runs: Vec<Run>,
}

impl Runs {
    fn look(&self) -> Look {
        self.stack.last().copied().unwrap_or(Look::plain(14.0))
    }
}

impl InlineSink for Runs {
    fn text(&mut self, text: &str) {
        let run = self.look().run(text);
        self.runs.push(run);
    }

    fn open(&mut self, style: Style) {
        let mut look = self.look();
        match style {
            Style::Strong => look.bold = true,
            Style::Emph => look.italic = !look.italic,
        }
        self.stack.push(look);
    }

    fn close(&mut self, _style: Style) {
        if self.stack.len() > 1 {
            self.stack.pop();
        }
    }

    fn line_break(&mut self) {
        let run = self
            .look()
            .styled(Run::new().add_break(BreakType::TextWrapping));
        self.runs.push(run);
    }
}
