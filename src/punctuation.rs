//! The punctuation the conventions add for the author, decided in one place: composing adds
//! it, and the check rule `typed-punctuation` warns when an author typed it too.
//!
//! - a căn cứ opens with "Căn cứ " (unless it opens with "Căn cứ", "Theo" or "Xét") and ends
//!   with ";", the last one with "." unless more introductory text follows;
//! - each line of Nơi nhận opens with "- " and ends with ";", the last one with ".";
//! - the last paragraph of the body ends with "./.".

/// Words a căn cứ may open with instead of "Căn cứ " (compared in lower case).
const BASIS_OPENERS: [&str; 3] = ["căn cứ", "theo ", "xét "];

/// What is put before a căn cứ: "Căn cứ ", or nothing when it opens with one of its words.
pub fn basis_prefix(text: &str) -> &'static str {
    let lower = text.to_lowercase();
    if BASIS_OPENERS.iter().any(|w| lower.starts_with(w)) {
        ""
    } else {
        "Căn cứ "
    }
}

/// The mark after line `index` of a list of `count` lines: ";", and "." after the last one
/// unless `followed` (more introductory text comes after the list).
pub fn list_end(index: usize, count: usize, followed: bool) -> &'static str {
    if index + 1 == count && !followed {
        "."
    } else {
        ";"
    }
}

/// The mark an author typed at the end of a list line, that the program adds itself (";",
/// "." or ","); an ellipsis ("…", "...") is part of the text, not such a mark.
pub fn typed_end(text: &str) -> Option<char> {
    let t = text.trim_end();
    if t.ends_with("...") || t.ends_with('…') {
        return None;
    }
    t.chars()
        .next_back()
        .filter(|c| matches!(c, ';' | '.' | ','))
}

/// A list line without the end marks the program adds (the run of them typed at its end, and
/// the spaces before it).
pub fn without_typed_end(text: &str) -> &str {
    let t = text.trim_end();
    if typed_end(t).is_none() {
        return t;
    }
    t.trim_end_matches([';', '.', ',']).trim_end()
}

/// Whether a Nơi nhận line opens with the "- " the program puts there.
pub fn typed_dash(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with("- ") || t.starts_with("– ")
}

/// A Nơi nhận line without the dashes typed at its start.
pub fn without_dash(text: &str) -> &str {
    text.trim_start()
        .trim_start_matches(['-', '–'])
        .trim_start()
}

/// What ends the body: "./.", or "/." after a typed full stop, or nothing when "./." is
/// already there.
pub fn body_end(text: &str) -> Option<&'static str> {
    let t = text.trim_end();
    if t.ends_with("./.") {
        None
    } else if t.ends_with('.') {
        Some("/.")
    } else {
        Some("./.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_marks_are_found_and_taken_off() {
        assert_eq!(typed_end("Bộ X;"), Some(';'));
        assert_eq!(typed_end("Sở Y"), None);
        assert_eq!(typed_end("v.v..."), None);
        assert_eq!(without_typed_end("Lưu: VT. "), "Lưu: VT");
        assert_eq!(without_typed_end("A;."), "A");
        assert_eq!(without_typed_end("B …"), "B …");
        assert!(typed_dash(" - Bộ X") && !typed_dash("-Bộ X"));
        assert_eq!(without_dash("– Bộ X"), "Bộ X");
    }

    #[test]
    fn marks_the_program_adds() {
        assert_eq!(basis_prefix("Luật A"), "Căn cứ ");
        assert_eq!(basis_prefix("Theo đề nghị"), "");
        assert_eq!(basis_prefix("CĂN CỨ Luật"), "");
        assert_eq!(
            (
                list_end(0, 2, false),
                list_end(1, 2, false),
                list_end(1, 2, true)
            ),
            (";", ".", ";")
        );
        assert_eq!(body_end("Hết"), Some("./."));
        assert_eq!(body_end("Hết."), Some("/."));
        assert_eq!(body_end("Hết./."), None);
    }
}
