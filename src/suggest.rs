//! "Có phải ý bạn là …?": the closest allowed name to a misspelt one, for error messages.

/// The allowed name `typed` is most likely a typo of, if one is close enough: at most two
/// edits, or a third of the name's length for long names (case is ignored).
pub fn closest<'a>(typed: &str, names: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let typed = typed.to_lowercase();
    names
        .into_iter()
        .map(|n| (strsim::levenshtein(&typed, n), n))
        .filter(|(d, n)| *d <= 2.max(n.chars().count() / 3))
        .min_by_key(|(d, n)| (*d, *n))
        .map(|(_, n)| n)
}

/// The hint appended to a message that names a suggestion: `"; có phải ý bạn là `x`?"`, or
/// an empty string without one.
pub fn hint(suggestion: Option<&str>) -> String {
    suggestion
        .map(|n| format!("; có phải ý bạn là `{n}`?"))
        .unwrap_or_default()
}

/// [`hint`] for the [`closest`] of `names` to `typed`.
pub fn did_you_mean<'a>(typed: &str, names: impl IntoIterator<Item = &'a str>) -> String {
    hint(closest(typed, names))
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
