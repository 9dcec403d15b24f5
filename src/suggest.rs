//! "Có phải ý bạn là …?": the closest allowed name to a misspelt one, for error messages.

/// The hint to append to a message when `typed` is a likely typo of one of `names`
/// (`"; có phải ý bạn là `x`?"`), or an empty string.
pub fn did_you_mean<'a>(typed: &str, names: impl IntoIterator<Item = &'a str>) -> String {
    let typed = typed.to_lowercase();
    names
        .into_iter()
        .map(|n| (strsim::levenshtein(&typed, n), n))
        .filter(|(d, n)| *d <= 2.max(n.chars().count() / 3))
        .min_by_key(|(d, n)| (*d, *n))
        .map(|(_, n)| format!("; có phải ý bạn là `{n}`?"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::did_you_mean;

    #[test]
    fn suggests_only_close_names() {
        let names = ["recipients", "signatures", "title"];
        assert_eq!(
            did_you_mean("recipient", names),
            "; có phải ý bạn là `recipients`?"
        );
        assert_eq!(did_you_mean("Title", names), "; có phải ý bạn là `title`?");
        assert_eq!(did_you_mean("preamble", names), "");
    }
}
