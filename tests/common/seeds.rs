//! The reference texts of `tests/fixtures/seeds/` and the one coverage measure every sample
//! test uses: each sentence of a seed must occur in a rendered text.
//!
//! A seed may open with a header: lines starting with `#` up to the first blank line (source,
//! what the document exhibits, structure counts; tests/fixtures/seeds/README.md). It is not
//! document text. Emphasis in the body is marked `**bold**` and `*italic*`; the markers are not
//! text either.

use super::{collapse, root};

/// A seed: its header (the `#` lines, markers dropped, as one line) and its body.
pub struct Seed {
    /// File name under `tests/fixtures/seeds/`.
    pub name: String,
    /// The header lines without their `#`, joined by spaces; empty when there is none.
    pub header: String,
    /// The document text, emphasis markers dropped.
    pub body: String,
}

/// A difference of form between the seed and what vanban prints by rule, the words unchanged:
/// the seed's text and the text printed in its place (a sample's header comment names each).
pub type Form = (&'static str, &'static str);

impl Seed {
    /// Reads `tests/fixtures/seeds/NAME`.
    pub fn read(name: &str) -> Seed {
        let path = root().join("tests/fixtures/seeds").join(name);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let mut lines = text.lines().peekable();
        let mut header = Vec::new();
        while let Some(line) = lines.next_if(|l| l.starts_with('#')) {
            header.push(line.trim_start_matches('#').trim());
        }
        let body: Vec<String> = lines.map(unmarked).collect();
        Seed {
            name: name.to_owned(),
            header: collapse(&header.join(" ")),
            body: body.join("\n"),
        }
    }

    /// The sentences of the body, with each form difference replaced by what vanban prints
    /// (every one must occur in the body: a list of differences holds no stale entry).
    pub fn sentences(&self, forms: &[Form]) -> Vec<String> {
        let mut body = self.body.clone();
        for (seed, printed) in forms {
            assert!(
                body.contains(seed),
                "{}: the form difference {seed:?} is not in the seed",
                self.name
            );
            body = body.replace(seed, printed);
        }
        sentences(&body)
    }

    /// The sentences (after `forms`) that do not occur in `text`, and how many were sought.
    pub fn missing(&self, forms: &[Form], text: &str) -> (Vec<String>, usize) {
        let all = self.sentences(forms);
        let count = all.len();
        let missing = all
            .into_iter()
            .filter(|s| !text.contains(s.as_str()))
            .collect();
        (missing, count)
    }
}

/// A line without its emphasis markers (`**`, `*`) and Markdown heading marks.
fn unmarked(line: &str) -> String {
    collapse(line.replace('*', "").trim_start_matches('#'))
}

/// The sentences of a text: one unit per line, split after ".", ";" and ":" that end a
/// sentence.
pub fn sentences(text: &str) -> Vec<String> {
    let mut units = Vec::new();
    for line in text.lines() {
        let mut current = String::new();
        let chars: Vec<char> = line.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            current.push(c);
            let ends = matches!(c, '.' | ';' | ':') && chars.get(i + 1) == Some(&' ');
            if ends {
                units.push(current.trim().to_owned());
                current.clear();
            }
        }
        if !current.trim().is_empty() {
            units.push(current.trim().to_owned());
        }
    }
    units
}
