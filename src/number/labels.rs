//! How a number is written: the label running text cites a provision by ("khoản 2 Điều 4",
//! "điểm a khoản 2 Điều 4", "Mục III", "Phụ lục II") and the mark printed before its text
//! ("Điều 4.", "2.", "a)", "III.", "-"). The one place these words are spelt: the document,
//! `[[id]]` references and the comparison of two versions all use them.

use super::Number;
use crate::vietnamese::roman;

/// Its own number as printed within its parent ("II", "4", "a"), `None` for an ý.
pub fn local(number: &Number) -> Option<String> {
    match number {
        Number::Chapter(n) | Number::Section(n) => Some(roman(*n)),
        Number::Article(n) | Number::Clause(n) | Number::Division(n) => Some(n.to_string()),
        Number::Point(letter) => Some((*letter).to_owned()),
        Number::Appendix(n) => Some(n.map(roman).unwrap_or_default()),
        Number::Item { .. } => None,
    }
}

/// How running text cites a provision whose parent is cited as `of` (clauses and points name
/// their parent); `None` for an ý, which has no number to cite.
pub fn cited(number: &Number, of: Option<&str>) -> Option<String> {
    let of = of.unwrap_or_default();
    Some(match number {
        Number::Chapter(n) => format!("Chương {}", roman(*n)),
        Number::Article(n) => format!("Điều {n}"),
        Number::Section(n) => format!("Mục {}", roman(*n)),
        Number::Division(n) if of.is_empty() => format!("Mục {n}"),
        Number::Division(n) => format!("Mục {n} {of}"),
        Number::Clause(n) => format!("khoản {n} {of}"),
        Number::Point(letter) => format!("điểm {letter} {of}"),
        Number::Appendix(None) => "Phụ lục".to_owned(),
        Number::Appendix(Some(n)) => format!("Phụ lục {}", roman(*n)),
        Number::Item { .. } => return None,
    })
}

/// The mark printed before a provision's text: "Chương II", "Điều 4.", "III.", "2.", "a)",
/// "-" or "+", "Phụ lục II".
pub fn marker(number: &Number) -> String {
    match number {
        Number::Chapter(_) | Number::Appendix(_) => cited(number, None).unwrap_or_default(),
        Number::Article(n) => format!("Điều {n}."),
        Number::Section(n) => format!("{}.", roman(*n)),
        Number::Division(n) => format!("Mục {n}"),
        Number::Clause(n) => format!("{n}."),
        Number::Point(letter) => format!("{letter})"),
        Number::Item { plus: false } => "-".to_owned(),
        Number::Item { plus: true } => "+".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_level_is_written_its_own_way() {
        let cases = [
            (Number::Chapter(2), "Chương II", "Chương II", "II"),
            (Number::Article(14), "Điều 14", "Điều 14.", "14"),
            (Number::Section(3), "Mục III", "III.", "III"),
            (Number::Clause(2), "khoản 2 Điều 4", "2.", "2"),
            (Number::Point("đ"), "điểm đ Điều 4", "đ)", "đ"),
            (Number::Appendix(Some(2)), "Phụ lục II", "Phụ lục II", "II"),
            (Number::Appendix(None), "Phụ lục", "Phụ lục", ""),
            (Number::Division(2), "Mục 2 Điều 4", "Mục 2", "2"),
        ];
        for (number, label, mark, own) in cases {
            assert_eq!(cited(&number, Some("Điều 4")).as_deref(), Some(label));
            assert_eq!(marker(&number), mark);
            assert_eq!(local(&number).as_deref(), Some(own));
        }
        let item = Number::Item { plus: true };
        assert_eq!((cited(&item, None), marker(&item)), (None, "+".to_owned()));
    }
}
