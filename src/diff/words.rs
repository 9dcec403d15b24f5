//! Word-by-word comparison of two texts. Vietnamese is written one syllable per space-separated
//! word, so the unit is a run of non-space characters; a line break is a unit of its own so that
//! paragraphs stay apart.

use similar::{Algorithm, DiffOp, capture_diff_slices};

/// What happened to a run of words (`same`, `deleted`, `inserted` to templates).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    /// In both texts.
    Same,
    /// Only in the old text (struck through in the bảng so sánh).
    Deleted,
    /// Only in the new text (bold in the bảng so sánh).
    Inserted,
}

/// A run of consecutive words with the same fate, joined by single spaces; `"\n"` alone is a
/// line break.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Same, deleted or inserted.
    pub op: Op,
    /// The words, space-separated.
    pub text: String,
}

/// The words of `text` and its line breaks, in order: what texts are compared on.
pub fn units(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push("\n");
        }
        out.extend(line.split_whitespace());
    }
    out
}

/// `text` with the words of each line joined by one space: two texts have the same
/// [`units`] exactly when they have the same normal form.
pub fn normal_form(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        for (j, word) in line.split_whitespace().enumerate() {
            if j > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out
}

/// The old and new text as runs of same, deleted and inserted words, in reading order
/// (deletions before the insertions that replace them).
pub fn diff(old: &str, new: &str) -> Vec<Span> {
    let (a, b) = (units(old), units(new));
    let mut spans: Vec<Span> = Vec::new();
    let mut push = |op: Op, words: &[&str]| {
        for word in words {
            match spans.last_mut() {
                Some(last) if last.op == op && *word != "\n" && last.text != "\n" => {
                    last.text.push(' ');
                    last.text.push_str(word);
                }
                _ => spans.push(Span {
                    op,
                    text: (*word).to_owned(),
                }),
            }
        }
    };
    for op in capture_diff_slices(Algorithm::Patience, &a, &b) {
        match op {
            DiffOp::Equal { old_index, len, .. } => push(Op::Same, &a[old_index..old_index + len]),
            DiffOp::Delete {
                old_index, old_len, ..
            } => push(Op::Deleted, &a[old_index..old_index + old_len]),
            DiffOp::Insert {
                new_index, new_len, ..
            } => push(Op::Inserted, &b[new_index..new_index + new_len]),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                push(Op::Deleted, &a[old_index..old_index + old_len]);
                push(Op::Inserted, &b[new_index..new_index + new_len]);
            }
        }
    }
    spans
}

/// How alike two texts are, word by word: 1.0 for the same words, 0.0 for nothing shared.
pub fn similarity(old: &str, new: &str) -> f32 {
    similarity_of_units(&units(old), &units(new))
}

/// [`similarity`] of two texts already split into [`units`].
pub fn similarity_of_units(a: &[&str], b: &[&str]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let same: usize = capture_diff_slices(Algorithm::Myers, a, b)
        .iter()
        .map(|op| match op {
            DiffOp::Equal { len, .. } => *len,
            _ => 0,
        })
        .sum();
    (2 * same) as f32 / (a.len() + b.len()) as f32
}

/// The highest [`similarity`] two texts of `a` and `b` units can have (all of the shorter one
/// shared): no pair of these sizes reaches more.
pub fn similarity_bound(a: usize, b: usize) -> f32 {
    if a + b == 0 {
        return 1.0;
    }
    (2 * a.min(b)) as f32 / (a + b) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_changed_syllable_is_one_deletion_and_one_insertion() {
        let spans = diff("Tổ chức hội nghị hằng quý", "Tổ chức hội thảo hằng quý");
        let ops: Vec<(Op, &str)> = spans.iter().map(|s| (s.op, s.text.as_str())).collect();
        assert_eq!(
            ops,
            [
                (Op::Same, "Tổ chức hội"),
                (Op::Deleted, "nghị"),
                (Op::Inserted, "thảo"),
                (Op::Same, "hằng quý"),
            ]
        );
    }

    #[test]
    fn line_breaks_are_kept_as_units() {
        let spans = diff("Mục đích\nmột hai", "Mục đích\nmột ba");
        assert_eq!(spans[1].text, "\n");
        assert_eq!(spans[2].text, "một");
    }

    #[test]
    fn similarity_counts_shared_words() {
        assert_eq!(similarity("a b c d", "a b c d"), 1.0);
        assert_eq!(similarity("a b c d", "e f g h"), 0.0);
        assert!((similarity("a b c d", "a b c e") - 0.75).abs() < 1e-6);
    }
}
