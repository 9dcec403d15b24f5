//! A document's enacting words, in the form its kind and `legal` call for:
//!
//! - an administrative decision (ND 30, Phụ lục III, Mẫu 1.3) names its authority in capitals
//!   under the title ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …") and opens its provisions with
//!   "QUYẾT ĐỊNH:" after the căn cứ ([`EnactingView`]);
//! - a legal document ends its căn cứ with the enacting sentence ("Ủy ban nhân dân tỉnh … ban
//!   hành Quyết định ban hành Quy chế …."), as Nghị định 78/2025/NĐ-CP's forms and the decisions
//!   issued under it write it (docs/van-ban-phap-quy.md); the sentence is printed as the last
//!   căn cứ, so nothing else is drawn for it.

use super::Composer;
use crate::document::EnactingView;
use crate::markup::{Text, fold_whitespace};
use crate::spec::Spec;
use crate::vietnamese::and_list;

/// What a spec's `enacting` becomes: the lines of an administrative decision, or the sentence
/// that ends a legal document's căn cứ.
pub(super) enum Enacting {
    /// No enacting words.
    None,
    /// Authority under the title and "QUYẾT ĐỊNH:" after the căn cứ.
    Lines(EnactingView),
    /// The last căn cứ, without its end mark.
    Sentence(Text),
}

impl Composer<'_, '_> {
    /// The enacting words of `spec`, in its form.
    pub(super) fn enacting(&mut self, spec: &Spec) -> Enacting {
        let Some(raw) = &spec.enacting else {
            return Enacting::None;
        };
        if !spec.legal() {
            return Enacting::Lines(EnactingView {
                authority: self.lines(raw, "enacting").upper(),
                verb: Text::literal(&format!("{}:", spec.kind.type_name())),
            });
        }
        let authorities: Vec<String> = raw
            .lines()
            .map(fold_whitespace)
            .filter(|l| !l.is_empty())
            .collect();
        let title = fold_whitespace(&spec.title.replace('\n', " "));
        let sentence = format!(
            "{} ban hành {} {}",
            and_list(&authorities),
            spec.kind.label(),
            lower_first(&title)
        );
        Enacting::Sentence(self.text(&sentence, "enacting"))
    }
}

/// A trích yếu as the object of the enacting sentence: its first word in lower case ("Ban hành
/// Quy chế …" → "ban hành Quy chế …"), unless that word is written in capitals (an
/// abbreviation such as "UBND") or the text opens with markup.
fn lower_first(title: &str) -> String {
    let mut chars = title.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => first
            .to_lowercase()
            .chain(title[first.len_utf8()..].chars())
            .collect(),
        _ => title.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_object_lowers_only_a_common_word() {
        assert_eq!(lower_first("Ban hành Quy chế"), "ban hành Quy chế");
        assert_eq!(lower_first("Ủy quyền"), "ủy quyền");
        assert_eq!(lower_first("UBND tỉnh"), "UBND tỉnh");
        assert_eq!(lower_first("**Quy chế**"), "**Quy chế**");
        assert_eq!(lower_first(""), "");
    }
}
